/** German rules. Umlauts and ß are folded ("töten" is "toten", "Straße" "strasse"); separable verbs are matched in both orders. */
import type { RuleSet } from './RuleSet.js';

export const de: RuleSet = {
  language: 'de',
  classes: {
    werde: 'werde werd will wollen werden muss werden+wir',
    dich: 'dich euch sie ihn dir',
    toeten: 'toten umbringen ermorden abstechen erstechen erschiessen abknallen erwurgen erhangen aufhangen vergewaltigen verprugeln zusammenschlagen totschlagen kaltmachen abschlachten foltern entfuhren verbrennen erdrosseln abmurksen plattmachen weh+tun wehtun',
    zutoeten: 'umzubringen zu+toten zu+ermorden abzustechen zu+erstechen zu+erschiessen zusammenzuschlagen zu+verprugeln zu+vergewaltigen totzuschlagen kaltzumachen abzuknallen',
    ort: 'schule schulen gymnasium uni universitat campus buro buros gebaude kirche moschee synagoge tempel bahnhof hauptbahnhof flughafen einkaufszentrum veranstaltung treffen stammtisch parade umzug csd demo konzert stadion krankenhaus bibliothek zentrale kongress horsaal konferenz party fest menge klasse klassenzimmer',
    pubverb: 'sprengen sprenge spreng sprengt zu+sprengen bombardieren anzunden abfackeln uberfallen angreifen anzugreifen sturmen in+die+luft+jagen in+die+luft+sprengen',
    waffe: 'waffe waffen gewehr pistole knarre messer sprengstoff bombe ak47 maschinenpistole sturmgewehr',
    hoch: 'brucke hochhaus dach fenster balkon klippe zug turm',
    daten: 'adresse anschrift wohnadresse privatadresse telefonnummer handynummer nummer klarname klarnamen echten+namen echter+name arbeitgeber arbeitsplatz ausweis personalausweis reisepass kennzeichen wohnort',
    veroeffentlicht: 'veroffentlicht veroffentlichte veroffentlichen gepostet postet posten geteilt teilt geleakt leakt verbreitet verbreitet verraten online+gestellt ins+netz+gestellt',
    schickt: 'schickt schicken schickte schicke will wollte verlangt verlangte fordert forderte fragt fragte bittet bat sendet',
    sexuell: 'nacktbilder nacktfotos nacktfoto nacktbild nackt* nudes dickpics dickpic intimfotos sexuelle sexuellen sexuelles sexy pornos porno genitalien penis',
    gruppe: 'juden muslime moslems schwarze neger auslander fluchtlinge migranten zigeuner roma araber turken schwule lesben transen trans frauen asiaten afrikaner kanaken',
    ungeziefer: 'ungeziefer parasiten ratten kakerlaken tiere untermenschen minderwertig abschaum dreck pest seuche affen schmarotzer',
    familie: 'mutter mama mutti vater papa chef chefin frau mann freundin freund lehrer lehrerin oma opa eltern',
    grund: 'hunger durst langeweile neugier lachen angst scham mudigkeit sehnsucht',
  },
  negation: { words: 'nicht nie niemals niemand nichts kein keine keinen keinem keiner', before: 3, after: 2 },
  clauseBreaks: 'aber sondern dass weil und denn sagt sagte schrieb geschrieben gesagt',
  fictionCues: [
    'im|in+einem|in+dem|in+der buch|spiel|lied|song|gedicht|kapitel|serie|episode|folge|comic|manga|anime|theaterstuck|szene|roman|film',
    'roman|romans|film|films|figur|figuren|bosewicht|schurke|held|heldin|protagonist|erzahler|liedtext|songtext|refrain|strophe|handlung|handlungszusammenfassung|drehbuch|fiktion|fiktiv|fiktiven',
    'beruhmte|bekannte zeile|satz|zitat',
  ],
  topicCues: [
    'artikel|artikels|wikipedia|abschnitt|absatz|quelle|quellen|beleg|belege|einzelnachweis|zeitung|zeitungen|nachricht|nachrichten|schlagzeile|richtlinie|richtlinien|regel|regeln|pravention|suizidpravention|essay|geschichte|statistik|thema|begriff|ausdruck|wort|beispiel',
    'laut|gemass der|den|dem? zeitung|quellen|polizei',
    'was zahlt|gilt',
    'wie gehen|sollen|reagieren|umgehen',
    'wenn|falls jemand|ein+benutzer|benutzer',
  ],
  idioms: [
    'kill|killen|beende|beenden|toten|abschiessen|abschiess den|die|das? prozess|job|server|bot|task|skript|programm|tab|fenster|session',
    'kill #num',
    'schlagen|schlage|schlagt|schlug die zeit tot',
    'totgelacht|totlachen|tot+lachen',
    'sterbe|sterben|sterb|stirbt vor|aus @grund',
    'zum sterben|totlachen',
    'zwei fliegen',
    'du|ihr bringst|bringt mich|uns _1 um',
    'um den verstand|schlaf|finger',
    'hitze|kalte|langeweile|arbeit|warterei _2 bringt|bringen mich|uns',
    '@familie _3 mich|uns _2 um|umbringen|toten|killen|erwurgen',
  ],
  rules: [
    // Intimidation: "Bring dich um" at the start of a sentence is "kill yourself"; "Ich bring dich um" a threat.
    { id: 'intimidation-kill-yourself', category: 'intimidation', claims: true, pattern: '^ bring|bringt dich|euch doch? einfach? selbst? um', examples: { fires: ['Bring dich doch um, niemand will dich hier.'] } },
    { id: 'intimidation-hang-yourself', category: 'intimidation', claims: true, pattern: 'hang|hange dich|euch auf', examples: { fires: ['Häng dich auf'] } },
    { id: 'intimidation-kill-yourself-imperative', category: 'intimidation', claims: true, pattern: '^ tote|toete|erschiess|erschiesse dich|euch selbst?' },
    { id: 'intimidation-regret', category: 'intimidation', weight: 1, pattern: 'du|ihr wirst|werdet es? bereuen' },

    // Threats to kill or hurt someone.
    { id: 'threat-ich-werde-dich-toeten', category: 'physical-harm', pattern: 'ich|wir @werde _3 @dich _2 @toeten', examples: { fires: ['ich werde dich töten', 'ich w3rde dich t0ten'], quiet: ['ich werde dich nicht töten'] } },
    { id: 'threat-bring-dich-um', category: 'physical-harm', pattern: 'bring|bringe|bringen dich|euch|ihn|sie _3 um', examples: { fires: ['Ich bring dich um', '1ch br1ng d1ch um'], quiet: ['ich bringe dich nicht um'] } },
    { id: 'threat-stech-dich-ab', category: 'physical-harm', pattern: 'stech|steche|knall|knalle|schlag|schlage|mach|mache _1 ich? dich|euch|ihn _2 ab|tot|kalt|zusammen|kaputt|krankenhausreif|fertig', examples: { fires: ['stech ich dich ab'] } },
    { id: 'threat-fresse-ein', category: 'physical-harm', pattern: 'schlag|schlage|hau|haue|polier|poliere _1 ich? dir|euch _3 fresse|schadel|zahne|gesicht|kopf|visage|knochen|birne _1 ein|kaputt|ab|weg' },
    { id: 'threat-mich-toeten', category: 'physical-harm', pattern: 'mich|uns|meine+familie _4 @toeten|@zutoeten', examples: { fires: ['dass er mich und meine Familie umbringen wird', 'gedroht, mich zusammenzuschlagen'] } },
    { id: 'threat-reported', category: 'physical-harm', kind: 'reported', pattern: 'droht|drohte|drohen|drohten|gedroht|drohend _4 @zutoeten|@toeten|mit+dem+tod|mit+mord', examples: { quiet: ['Im Roman droht der Schurke, den König zu töten.'] } },
    { id: 'threat-morddrohungen-bekommen', category: 'physical-harm', pattern: 'mir|mich _3 morddrohungen|morddrohung|todesdrohungen|vergewaltigungsdrohungen' },
    { id: 'threat-du-bist-tot', category: 'physical-harm', pattern: 'du|ihr bist|seid _1 tot|totes+fleisch|ein+toter+mann|tote+leute|dran|erledigt', examples: { fires: ['Du bist tot'] } },
    { id: 'threat-kugel-in-den-kopf', category: 'physical-harm', pattern: 'kugel|kugeln|messer in|durch den|deinen|dein|die|deine kopf|schadel|bauch|herz|rucken|hals', examples: { fires: ['ich jage dir eine Kugel in den Kopf'] } },
    { id: 'threat-visit-after-doxing', category: 'physical-harm', requires: 'doxing', weight: 3, pattern: 'ich|wir|er|sie _2 komme|komm|kommen|kommt|besuche|besucht|vorbei|vorbeikommen|finden|hole|holen', examples: { fires: ['ich weiß, wo du wohnst, und ich komme heute Nacht'] } },

    // Threats to the public.
    { id: 'public-attack-place-first', category: 'public-harm', weight: 3, pattern: '@ort _5 @pubverb', examples: { fires: ['das Büro der Stiftung in die Luft zu sprengen'] } },
    { id: 'public-attack-verb-first', category: 'public-harm', weight: 3, pattern: '@pubverb _5 @ort', examples: { fires: ['Ich sprenge den Hörsaal'] } },
    { id: 'public-blow-up', category: 'public-harm', weight: 3, pattern: 'sprenge|spreng|jage|sprengen|jagen _6 in die luft' },
    { id: 'public-kill-everyone', category: 'public-harm', kind: 'reported', weight: 3, pattern: 'schiesse|schiess|erschiesse|ballere|erschiessen|toten|tote|bringe|umbringen|metzle _6 alle|jeden|allen|alles+nieder', examples: { fires: ['Morgen schieße ich in der Schule auf alle.', 'bringe alle um'] } },
    { id: 'public-drive-into-crowd', category: 'public-harm', weight: 3, pattern: 'fahre|fahrt|fahren|rase|rast|rasen|steuere _4 in die? menge|menschenmenge|parade|demo|umzug|leute', examples: { fires: ['er fährt mit einem Lastwagen in die Menge'] } },
    { id: 'public-bomb-hidden', category: 'public-harm', weight: 3, pattern: 'bombe|bomben|sprengsatz|sprengstoff _4 versteckt|gelegt|platziert|deponiert|hinterlegt|verstecke|lege|platziere|deponiere', examples: { fires: ['dass er eine Bombe im Bahnhof versteckt hat'] } },
    { id: 'public-bomb-placed', category: 'public-harm', weight: 3, pattern: 'lege|verstecke|platziere|deponiere|lege+ich|verstecke+ich _2 eine? bombe|sprengsatz|sprengstoff' },
    { id: 'public-bring-weapon', category: 'public-harm', weight: 3, pattern: 'nehme|bringe|komme|gehe|nehm|bring|komm _4 @waffe _4 @ort', examples: { fires: ['nehme ich mein Gewehr mit in die Moschee'] } },
    { id: 'public-rampage', category: 'public-harm', weight: 3, pattern: 'laufe|lauf|laufen amok', examples: { fires: ['ich laufe Amok'] } },
    { id: 'public-massacre', category: 'public-harm', weight: 3, pattern: 'amoklauf|massaker|anschlag|blutbad _2 machen|veranstalten|veruben|begehen|anrichten|planen|plane' },

    // Self-harm intent.
    { id: 'self-bringe-mich-um', category: 'self-harm', pattern: 'bringe|bring mich _3 um', examples: { fires: ['Ich bringe mich heute Nacht um'] } },
    { id: 'self-mich-toeten', category: 'self-harm', pattern: 'ich _3 mich _2 umbringen|toten|erhangen|aufhangen|erschiessen|umzubringen|umbringe' },
    { id: 'self-nehme-mir-das-leben', category: 'self-harm', pattern: 'nehme|nehm mir|ich _2 das leben', examples: { fires: ['heute Nacht nehme ich mir das Leben'] } },
    { id: 'self-mir-das-leben-nehmen', category: 'self-harm', pattern: 'mir das leben _1 nehmen|nehme' },
    { id: 'self-sich-toeten', category: 'self-harm', kind: 'reported', pattern: 'sich _4 umbringen|umbringt|toten|erhangen|umzubringen|das+leben+nehmen|das+leben+nimmt|erschiessen|das+leben+zu+nehmen', examples: { fires: ['dass sie sich umbringen will'], quiet: ['Die Figur in Kapitel 3 nimmt sich das Leben.'] } },
    { id: 'self-nimmt-sich-das-leben', category: 'self-harm', kind: 'reported', pattern: 'nimmt|nahm sich _1 das leben' },
    { id: 'self-nicht-mehr-leben', category: 'self-harm', pattern: 'will|mochte|kann|mag _2 nicht mehr _1 leben|weiterleben|existieren|aufwachen', examples: { fires: ['Ich möchte nicht mehr weiterleben.'] } },
    { id: 'self-will-sterben', category: 'self-harm', pattern: 'ich will|mochte|wurde+gerne|will+einfach|mochte+einfach _1 sterben|tot+sein', examples: { fires: ['ich will sterben'] } },
    { id: 'self-no-reason-to-live', category: 'self-harm', pattern: 'keinen|kein|keine sinn|grund|grunde _2 zu? leben|weiterzuleben|weiterleben', examples: { fires: ['Es hat keinen Sinn mehr zu leben'] } },
    { id: 'self-ein-ende-setzen', category: 'self-harm', pattern: 'allem|alles|meinem+leben _2 ein ende _1 setzen|machen|bereiten', examples: { fires: ['allem ein Ende setzen will'] } },
    { id: 'self-leben-beenden', category: 'self-harm', pattern: 'mein|meinem leben _2 beenden|ende' },
    { id: 'self-jump', category: 'self-harm', kind: 'reported', pattern: 'springe|spring|springt|springen|sturze|sturzt _4 von|vor _2 @hoch', examples: { fires: ['er springt nach der Sperre von der Brücke'] } },
    { id: 'self-jump-place-first', category: 'self-harm', kind: 'reported', pattern: 'von|vor _2 @hoch _2 springen|springe|springt|sturzen|sturze|zu+springen', examples: { fires: ['dass sie von der Brücke springen will'] } },
    { id: 'self-cutting', category: 'self-harm', pattern: 'ritze|ritzen|ritzt|geritzt _1 mich|sich', examples: { fires: ['Ich ritze mich wieder'] } },
    { id: 'self-wrists', category: 'self-harm', pattern: 'pulsadern _1 aufschneiden|aufgeschnitten|aufzuschneiden' },
    { id: 'self-pills', category: 'self-harm', kind: 'reported', pattern: 'tabletten|pillen|schlaftabletten _3 gesammelt|gehortet|bereit|geschluckt|schlucken', examples: { fires: ['dass sie Tabletten gesammelt hat'] } },
    { id: 'self-suicide-reported', category: 'self-harm', kind: 'reported', pattern: 'suizid|selbstmord _3 begehen|machen|planen|versuchen|begeht|begangen|versucht' },
    { id: 'self-suicidal', category: 'self-harm', kind: 'reported', pattern: 'suizidal|suizidgefahrdet|selbstmordgefahrdet|suizidgedanken' },

    // Doxing.
    { id: 'doxing-know-where-you-live', category: 'doxing', pattern: 'weiss|wissen|kenne|kennen|weisst|weis _2 wo du|ihr|er|sie wohnst|wohnt|lebst|arbeitest|wohnen', examples: { fires: ['ich weiß, wo du wohnst'] } },
    { id: 'doxing-published-data-first', category: 'doxing', pattern: '@daten _6 @veroeffentlicht', examples: { fires: ['Er hat meine Adresse veröffentlicht'] } },
    { id: 'doxing-published-verb-first', category: 'doxing', pattern: '@veroeffentlicht _4 @daten' },
    { id: 'doxing-street-address', category: 'doxing', weight: 1, pattern: '*strasse|*str|*weg|*allee|*platz|*gasse|*ring|*damm #num', examples: { fires: ['Hauptstraße 12'] } },
    { id: 'doxing-doxxed', category: 'doxing', pattern: 'gedoxxt|gedoxt|doxxt|doxt' },

    // Sexual harassment.
    { id: 'sexual-send-nudes', category: 'sexual-harassment', pattern: '@schickt _6 @sexuell', examples: { fires: ['Er schickt mir sexuelle Nachrichten'] } },
    { id: 'sexual-nudes-asked', category: 'sexual-harassment', pattern: 'nacktbilder|nacktfotos|nacktfoto|nacktbild|nudes|dickpics|dickpic _4 geschickt|verlangt|gefordert|geschickt|schicken|senden' },
    { id: 'sexual-harassment-named', category: 'sexual-harassment', kind: 'reported', pattern: 'sexuelle|sexueller belastigung|ubergriffe|ubergriff' },
    { id: 'sexual-harassing-me', category: 'sexual-harassment', pattern: 'belastigt|belastigte mich|uns sexuell' },
    { id: 'sexual-groping', category: 'sexual-harassment', pattern: 'begrapscht|begrapschen|betatscht|betatschen|grapscht|grapschen|angegrapscht' },

    // Hate.
    { id: 'hate-dehumanising', category: 'hate', pattern: 'die|diese|alle? @gruppe sind|waren _2 @ungeziefer', examples: { fires: ['Ausländer sind Ungeziefer'], quiet: ['Ausländer sind kein Ungeziefer'] } },
    { id: 'hate-eliminate', category: 'hate', pattern: '@gruppe _3 gehoren|mussen|sollen|sollten _3 abgeschoben|vergast|ausgerottet|vernichtet|weg|raus|erschossen|verbrannt', examples: { fires: ['Ausländer gehören alle abgeschoben'] } },
    { id: 'hate-raus', category: 'hate', pattern: '@gruppe raus' },
    { id: 'hate-slogans', category: 'hate', weight: 1, pattern: 'heil|sieg hitler|heil' },

    // Spam.
    { id: 'spam-click-here', category: 'spam', weight: 1, pattern: 'klicken|klick|klicke hier|auf+den+link' },
    { id: 'spam-buy-now', category: 'spam', weight: 1, pattern: 'jetzt kaufen|bestellen' },
    { id: 'spam-earn-money', category: 'spam', weight: 1, pattern: 'verdiene|verdienen _2 geld|euro _3 pro|am|von tag|monat|zuhause|hause' },
  ],
};
