/** Portuguese rules (Brazil and Portugal). Accents are folded before matching: "ameaçou" is written "ameacou" here or with its accent, both match. */
import type { RuleSet } from './RuleSet.js';

export const pt: RuleSet = {
  language: 'pt',
  classes: {
    fut: 'vou vai vamos vao irei ira iremos quero queria pretendo planejo posso vou+la+e',
    // Third person only: "vou me matar" is self-harm, "vai me matar" a threat.
    fut3: 'vai vao ira irao ia iam quer querem pretende',
    te: 'te ti voce voces vc vcs tu lhe ce',
    // Infinitives: "vou te matar", "vai me espancar".
    matar: 'matar esfaquear espancar enforcar estrangular furar degolar quebrar arrebentar machucar ferir atirar+em balear estuprar torturar sequestrar queimar bater+em eliminar apagar+voce fazer+mal arrancar+a+cabeca cortar+a+garganta picar',
    // First person present used as a threat: "eu te mato", "te esfaqueio".
    mato: 'mato esfaqueio espanco enforco estrangulo furo degolo quebro arrebento machuco firo balearei baleio estupro torturo sequestro queimo mataria matarei esfaquearei espancarei',
    tiro: 'tiro tiros facada facadas surra porrada bala balas pau',
    eu: 'eu nos a+gente',
    ameaca: 'ameacou ameaca ameacando ameacaram ameacar ameacava ameacavam',
    lugar: 'escola escolas colegio faculdade universidade campus escritorio predio igreja mesquita sinagoga templo estacao metro aeroporto shopping rodoviaria evento encontro parada desfile show estadio hospital biblioteca sede congresso auditorio palestra festa feira creche praca onibus trem sala aula multidao',
    pubverb: 'explodir atirar+em metralhar atacar incendiar bombardear fuzilar massacrar por+fogo+em tacar+fogo+em jogar+um+carro+em',
    arma: 'arma armas pistola revolver espingarda fuzil rifle faca facao bomba bombas explosivos',
    todos: 'todo+mundo todos todas geral todo+o+mundo voces+todos',
    alto: 'ponte predio janela viaduto telhado sacada penhasco trem terraco',
    dados: 'endereco telefone celular whatsapp cpf rg passaporte documento documentos identidade nome+verdadeiro nome+real nome+completo sobrenome foto+da+minha+casa fotos+da+minha+casa local+de+trabalho onde+eu+trabalho onde+ela+trabalha onde+ele+trabalha placa+do+carro numero+do+meu+celular numero+de+telefone numero+do+celular',
    publica: 'publicou publicaram postou postaram divulgou divulgaram vazou vazaram expos espalhou espalharam compartilhou compartilharam publicando postando divulgando vazando expondo espalhando publica posta divulga vaza',
    pedir: 'manda mandou mandando mandar pede pediu pedindo pedir envia enviou enviando enviar exige exigiu exigindo fica quer queria insiste',
    sexual: 'nudes nude nudez fotos+intimas foto+intima fotos+nuas foto+nua pelado pelada peladas sexual sexuais cunho+sexual sexo pornografia porno obscenas genitais penis',
    grupo: 'negros pretos judeus muculmanos gays viados bichas lesbicas trans travestis imigrantes refugiados estrangeiros ciganos arabes nordestinos indios indigenas mulheres',
    verme: 'vermes praga pragas parasitas lixo escoria animais macacos ratos baratas inferiores subhumanos sub-humanos doenca cancer imundos nojentos sujos',
    parente: 'mae mamae pai papai chefe esposa marido professor professora namorada namorado mulher patrao sogra vo avo',
    morrer: 'matar mata mato matou mataria matando morrer morrendo morri morro morto morta mortos mortas morre',
    motivo: 'rir riso amor saudade saudades vergonha fome sede sono tedio curiosidade inveja cansaco calor frio medo preocupacao raiva',
  },
  negation: { words: 'nao nunca jamais ninguem nada nem nenhum nenhuma', before: 3, after: 0 },
  clauseBreaks: 'mas porem que porque e entao disse diz falou escreveu',
  fictionCues: [
    'no|na|do|da|num|numa|nesse|nessa|neste|nesta filme|novela|livro|serie|jogo|episodio|musica|poema|capitulo|cena|game|anime|romance|conto',
    'filme|filmes|personagem|personagens|vilao|protagonista|antagonista|narrador|letra|refrao|enredo|trama|roteiro|ficcao|ficticio|ficticia|novela|poema',
    'frase|verso|fala|citacao famosa|famoso|celebre|classica',
  ],
  topicCues: [
    'artigo|artigos|wikipedia|verbete|secao|paragrafo|fonte|fontes|referencia|referencias|jornal|noticia|noticias|reportagem|manchete|politica|diretriz|diretrizes|prevencao|ensaio|historia|pesquisa|estatistica|estatisticas|tema|termo|palavra|expressao|exemplo',
    'segundo|conforme o|a|os|as? jornal|fontes|policia|artigo',
    'como devemos|podemos|lidar|tratar|agir',
    'se|quando alguem|um+usuario|usuarios|editores|uma+pessoa',
    'o que conta|considera',
  ],
  idioms: [
    'mataria|matar|mato|morreria por um|uma',
    'mata|matar|mate|matei|mato|matou|matamos|matando o|a|os|as|esse|este|essa|esta? processo|processos|job|tarefa|servidor|bot|script|aplicativo|app|aba|janela|sessao|tempo|aula|aulas|trabalho|saudade|saudades|sede|fome|charada|pau|cobra|curiosidade|jogo',
    '@morrer de|do|da|a? @motivo',
    'piada|piadas|isso|essa|esse|voce|vc|video me|nos matou|matando|mata|mataram',
    'esta|estao|ta|tao|estava me|nos matando',
    '@parente _1 vai|vao|iria|ia _1 me|nos matar|esganar|mata',
    '@parente _1 me|nos mata|matam|matara',
    'dois|2 coelhos',
    'ataque cardiaco|de+panico|de+ansiedade|de+riso|de+risos|pessoal|de+tosse|de+nervos',
    'prevencao|prevenir|valorizacao ao|do|da? suicidio',
    'bomba de calorias|chocolate|relogio',
  ],
  rules: [
    // Intimidation: "vai se matar" at the start of a sentence is "go kill yourself", not "he will kill himself".
    { id: 'intimidation-go-kill-yourself', category: 'intimidation', claims: true, pattern: '^ vai|va|vai+la|va+la se matar|suicidar|enforcar', examples: { fires: ['Vai se matar, ninguém te quer aqui.'] } },
    { id: 'intimidation-kill-yourself', category: 'intimidation', claims: true, pattern: 'se mata|suicida|enforca $' },
    { id: 'intimidation-regret', category: 'intimidation', weight: 1, pattern: 'vai|voce+vai|vc+vai se+arrepender|pagar+caro' },

    // Threats to kill or hurt someone.
    {
      id: 'threat-vou-te-matar',
      category: 'physical-harm',
      pattern: '@fut _1 @te @matar',
      examples: { fires: ['Vou te matar', 'v0u t3 m@t@r', 'eu vou te espancar'], quiet: ['Não vou te machucar', 'eu vou te matar de amor'] },
    },
    { id: 'threat-vou-matar-voce', category: 'physical-harm', pattern: '@fut _1 @matar @te|lo|la|los|las', examples: { fires: ['vou matar você'] } },
    { id: 'threat-te-dar-tiro', category: 'physical-harm', pattern: '@fut _1 @te dar|meter|enfiar|encher _2 @tiro', examples: { fires: ['vou te dar um tiro na cara'] } },
    { id: 'threat-vai-me-dar-tiro', category: 'physical-harm', pattern: '@fut3|@ameaca _1 de? me|nos dar|meter|enfiar|encher _2 @tiro', examples: { fires: ['Ele disse que vai me dar um tiro'] } },
    { id: 'threat-te-mato', category: 'physical-harm', pattern: 'te|vc|voce|ti @mato', examples: { fires: ['eu te esfaqueio', 'te mato'] } },
    { id: 'threat-mato-voce', category: 'physical-harm', pattern: '@mato @te|voce', examples: { fires: ['mato você'] } },
    {
      id: 'threat-vai-me-matar',
      category: 'physical-harm',
      pattern: '@fut3|@ameaca|prometeu|jurou _1 de? me|nos @matar',
      examples: { fires: ['ele disse que vai me matar', 'ameaçou me espancar'], quiet: ['Minha mãe vai me matar se eu chegar tarde'] },
    },
    { id: 'threat-ameacou-de-morte', category: 'physical-harm', pattern: 'me|nos @ameaca|ameacou de morte', examples: { fires: ['ele me ameaçou de morte'] } },
    { id: 'threat-reported', category: 'physical-harm', kind: 'reported', pattern: '@ameaca _1 de? @matar', examples: { quiet: ['No filme, o vilão ameaça matar o prefeito.'] } },
    { id: 'threat-death-threats-received', category: 'physical-harm', pattern: 'recebi|recebo|recebendo|recebemos|mandou|mandando|enviou|enviando|manda|envia|mandaram _3 ameaca|ameacas de morte|estupro' },
    { id: 'threat-voce-esta-morto', category: 'physical-harm', pattern: 'voce|vc|ce|tu|voces @te? esta|ta|estas|es|e|sao _1 morto|morta|mortos|homem+morto|mulher+morta|defunto', examples: { fires: ['Você está morto'], quiet: ['você está morto de cansaço'] } },
    { id: 'threat-voce-vai-morrer', category: 'physical-harm', pattern: 'voce|vc|ce|tu vai|vais|ira morrer', examples: { fires: ['você vai morrer'] } },
    { id: 'threat-bala-na-cabeca', category: 'physical-harm', pattern: 'bala|tiro|balas|faca na|no|nas tua|sua? cabeca|cara|testa|nuca|peito|barriga|garganta' },
    {
      id: 'threat-visit-after-doxing',
      category: 'physical-harm',
      requires: 'doxing',
      weight: 3,
      pattern: 'vou|vamos|vai|irei|iremos _2 ai|la|ate+ai|na+sua+casa|na+tua+casa|te+visitar|visitar|aparecer|te+buscar|buscar|te+encontrar|te+pegar|atras',
      examples: { fires: ['sei onde você mora e vou aí hoje à noite'] },
    },

    // Threats to the public.
    { id: 'public-attack', category: 'public-harm', weight: 3, pattern: '@fut _2 @pubverb _4 @lugar', examples: { fires: ['Vou explodir o auditório durante a palestra.'] } },
    { id: 'public-attack-threatened', category: 'public-harm', kind: 'reported', weight: 3, pattern: '@ameaca _1 de? @pubverb _4 @lugar', examples: { fires: ['Ele ameaçou explodir o escritório da fundação.'] } },
    { id: 'public-kill-everyone', category: 'public-harm', kind: 'reported', weight: 3, pattern: '@matar|@mato|matar|atirar|atiro|metralhar|explodir _2 @todos', examples: { fires: ['vou atirar em todo mundo na escola'] } },
    { id: 'public-bomb-planted', category: 'public-harm', weight: 3, pattern: 'coloquei|plantei|escondi|deixei|colocaram|colocou|plantou|escondeu|instalei|instalou|botei|botou|vou+colocar|vou+plantar _2 bomba|bombas|explosivo|explosivos|artefato', examples: { fires: ['Alguém postou que colocou uma bomba na estação central.'] } },
    { id: 'public-there-is-a-bomb', category: 'public-harm', weight: 3, pattern: 'tem|ha|existe uma|um? bomba|bombas|explosivos _1 no|na|em|dentro|embaixo|debaixo' },
    { id: 'public-massacre', category: 'public-harm', weight: 3, pattern: '@fut|@ameaca _2 fazer|cometer|promover|causar _1 massacre|chacina|atentado|tiroteio|matanca', examples: { fires: ['Ele diz que vai fazer um massacre na parada LGBT.'] } },
    { id: 'public-bring-weapon', category: 'public-harm', weight: 3, pattern: 'levar|levo|trazer|trago|levarei|levando|entrar _2 @arma _3 @lugar', examples: { fires: ['vou levar minha arma para a igreja'] } },
    { id: 'public-enter-shooting', category: 'public-harm', weight: 3, pattern: 'entrar|entro|invadir|invado _3 @lugar _2 atirando|metralhando|armado|com+uma+arma' },

    // Self-harm intent.
    { id: 'self-vou-me-matar', category: 'self-harm', pattern: 'vou|quero|queria|pretendo|penso+em|pensando+em|preciso|devo|posso _1 me matar|suicidar|enforcar|jogar|envenenar|matar+hoje', examples: { fires: ['Vou me matar hoje à noite', 'quero me suicidar'], quiet: ['vou me matar de rir'] } },
    { id: 'self-se-matar', category: 'self-harm', kind: 'reported', pattern: 'se matar|suicidar|enforcar|matou|suicidou|mata', examples: { fires: ['Ela disse que quer se matar'], quiet: ['O personagem decide se matar no filme.'] } },
    { id: 'self-me-mato', category: 'self-harm', pattern: 'eu? me mato|suicido|enforco $|hoje|amanha|agora' },
    { id: 'self-nao-quero-viver', category: 'self-harm', pattern: 'nao quero|aguento|consigo|vou _1 mais viver|existir|continuar+vivendo|aguentar', examples: { fires: ['Não quero mais viver.', 'não aguento mais viver'], quiet: ['não quero viver em São Paulo'] } },
    { id: 'self-nao-quero-viver-assim', category: 'self-harm', pattern: 'nao quero|aguento|consigo viver|existir|continuar+vivendo|estar+vivo|estar+viva mais|$|assim|desse+jeito|dessa+forma', examples: { fires: ['Eu não quero viver assim'] } },
    { id: 'self-no-reason-to-live', category: 'self-harm', pattern: 'nao|nenhum|nenhuma vejo|tenho|ha|existe|tem|motivo|razao _1 mais? sentido|razao|motivo|motivos|porque _1 para|pra|em|de viver|continuar|existir', examples: { fires: ['Não vejo mais sentido em viver'] } },
    { id: 'self-quero-morrer', category: 'self-harm', pattern: 'quero|queria|vou|preciso|desejo _1 morrer|sumir+para+sempre', examples: { fires: ['quero morrer, cansei de tudo'], quiet: ['quero morrer de rir'] } },
    { id: 'self-acabar-com-a-vida', category: 'self-harm', pattern: 'acabar|tirar|dar+fim+a|dar+fim+na|por+fim+a|por+fim+na|terminar com? a|na? minha|propria|sua vida', examples: { fires: ['vou acabar com a minha vida'] } },
    { id: 'self-acabar-com-tudo', category: 'self-harm', pattern: 'acabar|terminar|acabo com tudo|isso+tudo|tudo+isso|tudo+de+vez', examples: { fires: ['quer acabar com tudo'] } },
    { id: 'self-suicide-reported', category: 'self-harm', kind: 'reported', pattern: 'cometer|tentar|tentou|tentativa|pensando+em|pensamentos de? suicidio|suicida|suicidas' },
    { id: 'self-jump', category: 'self-harm', kind: 'reported', pattern: 'pular|pulo|pulou|me+jogar|se+jogar|jogar+me|atirar+me _2 @alto', examples: { fires: ['vai pular da ponte'] } },
    { id: 'self-cutting', category: 'self-harm', pattern: 'me+cortar|me+cortando|me+corto|me+cortado|cortar+os+pulsos|cortei+os+pulsos|cortando+os+pulsos|me+mutilar|me+mutilando|automutilacao|me+automutilar', examples: { fires: ['Tenho me cortado de novo'] } },
    { id: 'self-pills', category: 'self-harm', kind: 'reported', pattern: 'guardei|guardou|guardado|juntei|juntou|acumulei|acumulou|tomar|tomei|engolir|engoli _2 todos|todas|a+cartela|um+monte|o+frasco|caixa? _1 comprimidos|remedios|pilulas', examples: { fires: ['guardou comprimidos'] } },

    // Doxing.
    { id: 'doxing-know-where-you-live', category: 'doxing', pattern: 'sei|sabemos|descobri|descobrimos|conheco|sabe _1 onde voce|vc|tu|ele|ela|voces mora|moras|trabalha|vive|estuda|moram', examples: { fires: ['sei onde você mora'] } },
    { id: 'doxing-published', category: 'doxing', pattern: '@publica _4 @dados', examples: { fires: ['Ele publicou meu endereço', 'postou meu nome verdadeiro'] } },
    { id: 'doxing-street-address', category: 'doxing', weight: 1, pattern: 'rua|r|avenida|av|travessa|alameda|estrada|praca|rodovia|largo _4 #num', examples: { fires: ['Rua das Flores, 123'] } },
    { id: 'doxing-apartment', category: 'doxing', weight: 1, pattern: 'apartamento|apto|ap|bloco|andar #num' },

    // Sexual harassment.
    { id: 'sexual-send-nudes', category: 'sexual-harassment', pattern: '@pedir _4 @sexual', examples: { fires: ['fica me mandando mensagens de cunho sexual', 'pediu nudes'] } },
    { id: 'sexual-harassment-named', category: 'sexual-harassment', kind: 'reported', pattern: 'assedio|assediar|assediando|assediou|assedia sexual|sexualmente' },
    { id: 'sexual-harassing-me', category: 'sexual-harassment', pattern: 'me|nos assedia|assediou|assediando|assediava' },
    { id: 'sexual-groping', category: 'sexual-harassment', pattern: 'passou|passa|passando|passar a mao em mim|no+meu|na+minha|nela' },
    { id: 'sexual-sex-with', category: 'sexual-harassment', pattern: 'transar|sexo|dormir comigo|com+voce' },

    // Hate.
    { id: 'hate-dehumanising', category: 'hate', pattern: 'os|as|esses|essas|todos|todas? @grupo sao|e|eram _2 @verme', examples: { fires: ['Os negros são inferiores'], quiet: ['Os negros não são inferiores'] } },
    { id: 'hate-eliminate', category: 'hate', pattern: '@grupo _3 deviam|devem|deveriam|tem+que|precisam _2 morrer|ser+mortos|ser+exterminados|sumir|voltar|ser+expulsos|ser+deportados|apanhar|queimar' },
    { id: 'hate-go-back', category: 'hate', weight: 1, pattern: 'volta|volte|voltem|vai+embora|va+embora pra|para _1 sua|tua? terra|pais' },
    { id: 'hate-kill-all', category: 'hate', weight: 3, pattern: 'matar|exterminar|queimar|expulsar todos? os|as? @grupo' },

    // Spam.
    { id: 'spam-click-here', category: 'spam', weight: 1, pattern: 'clique|clica|acesse aqui|no+link|o+link' },
    { id: 'spam-buy-now', category: 'spam', weight: 1, pattern: 'compre|compra|adquira ja|agora|aqui' },
    { id: 'spam-earn-money', category: 'spam', weight: 1, pattern: 'ganhe|ganha|fature dinheiro|renda|reais _3 por|em+casa' },
  ],
};
