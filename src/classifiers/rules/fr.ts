/** French rules. Accents are folded; elisions are split ("j'vais" is "j vais", "t'es" is "t es"). */
import type { RuleSet } from './RuleSet.js';

export const fr: RuleSet = {
  language: 'fr',
  classes: {
    fut: 'vais va vas allons allez vont veux veut voulait voulais compte allait allais irai ira',
    // Third and second person: "il va me tuer" is a threat, "je vais me tuer" self-harm.
    fut3: 'va vas vont veut veulent voulait voulaient allait allaient compte',
    te: 'te t vous',
    tuer: 'tuer buter crever egorger poignarder planter defoncer frapper tabasser cogner fracasser flinguer descendre abattre violer torturer bruler etrangler pendre massacrer exploser eclater casser+la+gueule faire+du+mal faire+de+mal faire+la+peau saigner suriner',
    tue: 'tue tuerai bute buterai egorge egorgerai poignarde poignarderai plante planterai defonce defoncerai tabasse tabasserai cogne flingue flinguerai descends descendrai abats abattrai viole violerai crame eclate eclaterai etrangle saigne',
    menace: 'menace menaces menacait menacer menacent menacant menacaient',
    lieu: 'ecole ecoles college lycee universite fac campus bureau bureaux immeuble batiment eglise mosquee synagogue temple gare metro aeroport centre+commercial evenement rencontre defile marche concert stade hopital bibliotheque siege congres amphitheatre amphi conference fete foule salle classe',
    pubverb: 'faire+sauter faire+exploser exploser tirer+sur attaquer incendier bruler bombarder mitrailler massacrer foncer+dans poser+une+bombe+dans',
    tous: 'tout+le+monde tous toutes tous+les+gens',
    arme: 'arme armes fusil flingue pistolet revolver kalach kalachnikov couteau bombe explosifs',
    haut: 'pont immeuble fenetre balcon toit falaise train metro viaduc',
    publie: 'publie publier publiait publient partage partager divulgue divulguer revele reveler balance balancer diffuse diffuser poste poster expose exposer fuite leake mis+en+ligne',
    donnees: 'adresse numero+de+telephone telephone portable vrai+nom nom+complet nom+de+famille employeur lieu+de+travail photo+de+ma+maison photos+de+ma+maison carte+d+identite passeport plaque',
    demande: 'envoie envoyer envoye envoyait demande demander demandait reclame exige exigeait veut voulait arrete insiste',
    sexuel: 'nue nu nues nus nudes sexuel sexuels sexuelle sexuelles parties+intimes porno pornographique pornographiques obscenes obscene seins sexe bite penis',
    groupe: 'juifs musulmans noirs arabes gays homos pedes lesbiennes trans immigres immigrants migrants refugies etrangers roms gitans tziganes femmes chinois asiatiques africains',
    vermine: 'vermine vermines parasites rats cafards animaux sous-hommes inferieurs racaille dechets ordures cancer peste maladie sauvages singes',
    proche: 'mere maman pere papa chef patron femme mari prof copine copain belle-mere boss',
    mourir: 'mourir meurs meurt mort morte morts mortes mourrai tue tues tuer tuent',
    motif: 'rire faim soif fatigue peur honte ennui envie chaud froid curiosite jalousie sommeil impatience',
  },
  negation: { words: 'ne n pas jamais personne rien aucun aucune ni nul', before: 3, after: 2 },
  clauseBreaks: 'mais que qu car et dit ecrit parce',
  fictionCues: [
    'dans|du|d le|la|l|un|une|ce|cette? livre|serie|episode|jeu|bd|manga|anime|piece|conte|scene|chapitre|roman|film',
    'roman|romans|film|films|personnage|personnages|mechant|heros|heroine|protagoniste|narrateur|refrain|chanson|chansons|poeme|intrigue|scenario|fiction|fictif|fictive',
    'vers|phrase|replique|citation celebre|connu|connue|culte',
    'les? paroles de? la? chanson',
  ],
  topicCues: [
    'article|articles|wikipedia|section|paragraphe|source|sources|reference|references|journal|journaux|presse|actualite|actualites|titre|politique|regle|regles|recommandation|prevention|essai|histoire|statistiques|theme|terme|expression|mot|exemple',
    'selon le|la|les|l? journal|sources|police|article',
    'qu est ce qui compte',
    'comment gerer|traiter|reagir|faire',
    'si|quand quelqu+un|un+utilisateur|des+utilisateurs',
  ],
  idioms: [
    'tuerais|tuer|tue|tuerait pour un|une',
    'tuer|tue|tuons|tuez|killer le|la|les|l|ce|cette? temps|processus|job|serveur|bot|script|programme|appli|onglet|fenetre|session|ennui|poule',
    '@mourir de|d @motif',
    'tu|vous|ca|cela me|nous tues|tuez|tuent|tue avec|a+petit+feu',
    'chaleur|ennui|attente|suspense|fatigue|travail|boulot|bruit me|nous tue|tuent|tuera',
    '@proche _1 va|vont|allait|voulait me|m tuer|etrangler|tue|tuera',
    'a mourir d|de ennui|rire',
    'tirer un|la|les|au|son|profit|parti trait|langue|cartes|sort|epingle',
    'prevention du? suicide',
  ],
  rules: [
    { id: 'intimidation-go-kill-yourself', category: 'intimidation', claims: true, pattern: 'va|allez|vas te|vous suicider|pendre|flinguer|jeter+d+un+pont', examples: { fires: ['Va te suicider, personne ne veut de toi ici.'] } },
    { id: 'intimidation-go-die', category: 'intimidation', claims: true, pattern: '^ va|allez|vas te|vous? tuer|crever|faire+crever' },
    { id: 'intimidation-die', category: 'intimidation', weight: 1, pattern: '^ creve|crevez|meurs|mourez' },
    { id: 'intimidation-regret', category: 'intimidation', weight: 1, pattern: 'tu|vous vas|allez le|la? regretter|payer' },

    // Threats to kill or hurt someone.
    { id: 'threat-je-vais-te-tuer', category: 'physical-harm', pattern: 'je|j|on _1 @fut _1 @te @tuer', examples: { fires: ['Je vais te tuer', 'j3 v@is t3 bu7er', "j'vais te défoncer"], quiet: ['Je ne vais pas te faire de mal'] } },
    { id: 'threat-je-te-tue', category: 'physical-harm', pattern: 'je|j @te @tue', examples: { fires: ['je te plante'] } },
    { id: 'threat-va-me-tuer', category: 'physical-harm', pattern: '@fut3 me|m|nous @tuer', examples: { fires: ["il a dit qu'il allait me tuer"], quiet: ['Mon chef va me tuer'] } },
    { id: 'threat-menace-de-me-tuer', category: 'physical-harm', pattern: '@menace de|d me|m|nous @tuer', examples: { fires: ['il a menacé de me tabasser'] } },
    { id: 'threat-menace-de-mort', category: 'physical-harm', pattern: 'me|m|nous a|ont|avait? @menace de mort', examples: { fires: ["il m'a menacé de mort"] } },
    { id: 'threat-reported', category: 'physical-harm', kind: 'reported', pattern: '@menace de|d @tuer', examples: { quiet: ['Dans le roman, le méchant menace de tuer le roi.'] } },
    { id: 'threat-death-threats-received', category: 'physical-harm', pattern: 'recu|recois|recevoir|reçu|envoie|envoye|envoyait|m+envoie _3 menaces|menace de mort|viol' },
    { id: 'threat-tu-es-mort', category: 'physical-harm', pattern: 't|tu|vous es|est|etes _1 mort|morte|morts|un+homme+mort|une+femme+morte|foutu', examples: { fires: ["T'es mort"], quiet: ['tu es mort de rire'] } },
    { id: 'threat-tu-vas-mourir', category: 'physical-harm', pattern: 'tu|vous vas|allez mourir|crever|y+passer' },
    { id: 'threat-balle-dans-la-tete', category: 'physical-harm', pattern: 'balle|balles|plomb dans la|ta|sa|le|ton? tete|crane|gueule|bide|coeur|ventre', examples: { fires: ['je vais te mettre une balle dans la tête'] } },
    { id: 'threat-visit-after-doxing', category: 'physical-harm', requires: 'doxing', weight: 3, pattern: 'je|j|on|il|elle _1 viens|vient|arrive|passe|debarque|venir|passer|monter|vais+venir|vais+passer|viendrai', examples: { fires: ['je sais où tu habites et je viens ce soir'] } },

    // Threats to the public.
    { id: 'public-attack', category: 'public-harm', weight: 3, pattern: '@fut|je|j _2 @pubverb _4 @lieu', examples: { fires: ["Je vais faire exploser l'amphithéâtre"] } },
    { id: 'public-attack-threatened', category: 'public-harm', kind: 'reported', weight: 3, pattern: '@menace de|d _1 @pubverb _4 @lieu', examples: { fires: ['Il a menacé de faire sauter les bureaux'] } },
    { id: 'public-kill-everyone', category: 'public-harm', kind: 'reported', weight: 3, pattern: '@tuer|@tue|tirer+sur|tire+sur|tue|tuerai _1 les? @tous', examples: { fires: ['je les tue tous', 'tirer sur tout le monde'] } },
    { id: 'public-bomb-planted', category: 'public-harm', weight: 3, pattern: 'pose|place|cache|depose|installe|laisse|poser|placer|cacher|deposer _2 une|des? bombe|bombes|explosif|explosifs|engin', examples: { fires: ['il avait posé une bombe à la gare'] } },
    { id: 'public-there-is-a-bomb', category: 'public-harm', weight: 3, pattern: 'y a une|des? bombe|bombes|explosifs dans|a|au|sous' },
    { id: 'public-massacre', category: 'public-harm', weight: 3, pattern: '@fut|@menace _2 faire|commettre|perpetrer _1 un|une? massacre|carnage|attentat|tuerie|fusillade' },
    { id: 'public-bring-weapon', category: 'public-harm', weight: 3, pattern: 'apporte|apporter|ramene|ramener|amener|amene|venir+avec|viens+avec|debarquer+avec _2 @arme _3 @lieu', examples: { fires: ["j'apporte mon fusil à la mosquée"] } },

    // Self-harm intent.
    { id: 'self-je-vais-me-tuer', category: 'self-harm', pattern: 'vais|veux|voulais|voudrais|compte|allais|vais+aller me|m tuer|suicider|pendre|jeter|foutre+en+l+air|ouvrir+les+veines|flinguer', examples: { fires: ['Je vais me tuer ce soir'] } },
    { id: 'self-se-suicider', category: 'self-harm', kind: 'reported', pattern: 'se|s suicider|suicide|suicidera|tuer|pendre|jeter|foutre+en+l+air', examples: { fires: ["il va se suicider ce week-end"], quiet: ['Le personnage décide de se suicider dans le roman.'] } },
    { id: 'self-mettre-fin-a-mes-jours', category: 'self-harm', pattern: 'mettre|mets|mettrai fin a mes|ma|ses|sa jours|vie', examples: { fires: ['ce soir je vais mettre fin à mes jours'] } },
    { id: 'self-en-finir', category: 'self-harm', pattern: 'en finir _1 avec? la? vie?', examples: { fires: ['elle veut en finir'] } },
    { id: 'self-se-donner-la-mort', category: 'self-harm', pattern: 'me|se|m|s donner|donne la mort' },
    { id: 'self-plus-envie-de-vivre', category: 'self-harm', pattern: 'ne|n _2 plus envie|gout|force de|d vivre', examples: { fires: ["Je n'ai plus envie de vivre."] } },
    { id: 'self-ne-veux-plus-vivre', category: 'self-harm', pattern: 'ne|n _1 veux|veut|voulais|peux|peut plus vivre|exister', examples: { fires: ['Je ne veux plus vivre'] } },
    { id: 'self-envie-de-mourir', category: 'self-harm', pattern: 'envie de|d mourir|crever|disparaitre|en+finir', examples: { fires: ["j'ai envie de mourir"], quiet: ["j'ai envie de mourir de rire"] } },
    { id: 'self-veux-mourir', category: 'self-harm', pattern: 'veux|voudrais|veut|prefere|prefererais mourir|crever' },
    { id: 'self-no-reason-to-live', category: 'self-harm', pattern: 'ne|n? _2 aucune|plus|pas _1 raison|raisons|sens de|d vivre|continuer', examples: { fires: ['je n\'ai plus aucune raison de vivre'] } },
    { id: 'self-suicide-reported', category: 'self-harm', kind: 'reported', pattern: 'tentative|tenter|tente|commettre|pense+au|pensees de? suicide|suicidaire|suicidaires' },
    { id: 'self-jump', category: 'self-harm', kind: 'reported', pattern: 'sauter|saute|sauterai|me+jeter|se+jeter|m+jeter|s+jeter _1 du|d+un|de+la|de|par+la|sous _2 @haut', examples: { fires: ['il allait sauter du pont'] } },
    { id: 'self-cutting', category: 'self-harm', pattern: 'me|m scarifie|scarifier|mutile|mutiler|taillade|taillader', examples: { fires: ['Je me scarifie encore'] } },
    { id: 'self-cut-veins', category: 'self-harm', pattern: 'me|m|s|se coupe|couper|ouvrir|ouvre|taillader les veines|poignets' },
    { id: 'self-pills', category: 'self-harm', kind: 'reported', pattern: 'garde|stocke|accumule|amasse|avaler|prendre|avale|pris|ramasse _2 tous|toute|toutes|boite|plaquette? _1 cachets|comprimes|medicaments|pilules|somniferes', examples: { fires: ['elle a gardé des cachets'] } },

    // Doxing.
    { id: 'doxing-know-where-you-live', category: 'doxing', pattern: 'sais|savons|connais|trouve|ai+trouve|sait ou tu|vous|il|elle habites|habite|habitez|vis|vit|travailles|travaille|dors|crèches|creches', examples: { fires: ['je sais où tu habites'] } },
    { id: 'doxing-published', category: 'doxing', pattern: '@publie _4 @donnees', examples: { fires: ['Il a publié mon vrai nom, mon employeur'] } },
    { id: 'doxing-street-address', category: 'doxing', weight: 1, pattern: '#num _1 rue|avenue|av|boulevard|bd|chemin|allee|place|impasse|route|quai', examples: { fires: ['12 rue des Lilas'] } },
    { id: 'doxing-floor', category: 'doxing', weight: 1, pattern: '#num etage|appartement|appart|apt|bat|batiment' },

    // Sexual harassment.
    { id: 'sexual-send-nudes', category: 'sexual-harassment', pattern: '@demande _4 @sexuel', examples: { fires: ["Il m'envoie des messages sexuels"] } },
    { id: 'sexual-harassment-named', category: 'sexual-harassment', kind: 'reported', pattern: 'harcelement|harceler|harcele sexuel|sexuellement' },
    { id: 'sexual-harassing-me', category: 'sexual-harassment', pattern: 'me|m|nous harcele|harcelait|harceler' },
    { id: 'sexual-groping', category: 'sexual-harassment', pattern: 'tripote|tripoter|tripotait|peloter|pelote|pelotait|attouchement|attouchements' },
    { id: 'sexual-sex-with', category: 'sexual-harassment', pattern: 'coucher|baiser|sexe avec moi|toi' },

    // Hate.
    { id: 'hate-dehumanising', category: 'hate', pattern: 'les|ces|tous? @groupe sont|etaient _3 @vermine', examples: { fires: ['Les immigrés sont de la vermine'], quiet: ['Les immigrés ne sont pas de la vermine'] } },
    { id: 'hate-eliminate', category: 'hate', pattern: 'faut|faudrait|doivent|devraient tous? les? _1 renvoyer|tuer|exterminer|gazer|expulser|deporter|virer|bruler|mourir|crever', examples: { fires: ['il faut tous les renvoyer'] } },
    { id: 'hate-go-back', category: 'hate', weight: 1, pattern: 'rentre|rentrez|retourne|retournez chez|dans ton|vous|votre|ta? pays|bled' },
    { id: 'hate-kill-all', category: 'hate', weight: 3, pattern: 'tuer|gazer|exterminer|bruler tous? les @groupe' },

    // Spam.
    { id: 'spam-click-here', category: 'spam', weight: 1, pattern: 'cliquez|clique ici|sur+le+lien' },
    { id: 'spam-buy-now', category: 'spam', weight: 1, pattern: 'achetez|commandez maintenant|ici|vite' },
    { id: 'spam-earn-money', category: 'spam', weight: 1, pattern: 'gagnez|gagner _1 argent|euros _3 par|depuis jour|mois|chez' },
  ],
};
