/** Spanish rules. Accents (and ñ) are folded before matching, in the texts and in these words alike. */
import type { RuleSet } from './RuleSet.js';

export const es: RuleSet = {
  language: 'es',
  classes: {
    fut: 'voy vas va vamos van quiero quiere pienso piensa ire ira iremos',
    // Third person and plural only: "me voy a matar" is self-harm, "me va a matar" a threat.
    fut3: 'va van vas quiere quieren piensa iba iban',
    matar: 'matar apunalar acuchillar asesinar disparar+a disparar+te pegar+un+tiro meter+un+tiro dar+una+paliza dar+un+tiro reventar romper partir destrozar golpear violar torturar secuestrar quemar ahorcar estrangular degollar herir lastimar hacer+dano rajar pinchar',
    matarte: 'matarte apunalarte acuchillarte asesinarte reventarte partirte romperte destrozarte violarte torturarte secuestrarte quemarte ahorcarte estrangularte degollarte lastimarte matarlo matarla matarlos matarlas pegarte golpearte rajarte',
    matarme: 'matarme apunalarme golpearme pegarme violarme secuestrarme lastimarme reventarme darme+una+paliza darme+un+tiro partirme',
    mato: 'mato apunalo acuchillo reviento rompo parto destrozo golpeo violo torturo secuestro quemo ahorco estrangulo degollo rajo pincho matare reventare',
    tiro: 'tiro tiros punalada punaladas paliza balazo balazos bala',
    amenaza: 'amenazo amenaza amenazaba amenazando amenazaron amenazan amenazar',
    lugar: 'escuela colegio instituto universidad facultad campus oficina oficinas edificio iglesia mezquita sinagoga templo estacion metro aeropuerto centro+comercial evento encuentro desfile marcha concierto estadio hospital biblioteca sede congreso auditorio conferencia fiesta feria gente multitud aula clase',
    pubverb: 'disparar+a disparar volar explotar hacer+explotar atacar incendiar quemar bombardear ametrallar atropellar masacrar',
    todos: 'todos todas todo+el+mundo a+todos a+todo+el+mundo a+todas',
    arma: 'arma armas pistola pistolas rifle escopeta fusil cuchillo bomba explosivos',
    alto: 'puente edificio ventana balcon azotea tejado techo acantilado tren viaducto',
    publica: 'publico publicaron publicando publica compartio compartieron filtro filtraron difundio difundieron expuso subio subieron comparte filtra difunde expone',
    datos: 'direccion telefono movil celular numero+de+telefono dni pasaporte nombre+real nombre+completo apellidos donde+trabajo lugar+de+trabajo foto+de+mi+casa fotos+de+mi+casa matricula',
    pide: 'manda mando mandando mandar envia envio enviando enviar pide pidio pidiendo pedir exige exigio quiere sigue insiste',
    sexual: 'desnuda desnudo desnudos desnudas nudes fotos+intimas sexual sexuales sexo porno pornografia genitales pene obscenas obscenos',
    grupo: 'negros judios musulmanes moros gays maricones homosexuales lesbianas trans travestis inmigrantes refugiados extranjeros gitanos arabes sudacas indios mujeres chinos latinos',
    plaga: 'plaga plagas parasitos alimanas ratas cucarachas basura escoria animales inferiores subhumanos enfermedad cancer sucios bestias',
    pariente: 'madre mama padre papa jefe jefa esposa esposo marido mujer profe profesor profesora novia novio suegra abuela abuelo',
    morir: 'muero muere morir morirme morire muriendo muerto muerta matar mata matas mato mataste matando mataras',
    motivo: 'risa ganas sueno hambre sed frio calor miedo verguenza amor aburrimiento curiosidad pena envidia cansancio',
  },
  negation: { words: 'no nunca jamas nadie nada ni ningun ninguna tampoco', before: 3, after: 0 },
  clauseBreaks: 'pero sino que porque y e dijo dice escribio',
  fictionCues: [
    'en|del|de|una|un|la|el|esta|esa pelicula|novela|serie|libro|episodio|cancion|poema|capitulo|escena|videojuego|juego|obra|cuento',
    'pelicula|peliculas|novela|personaje|personajes|villano|protagonista|antagonista|narrador|letra|estribillo|trama|argumento|guion|ficcion|ficticio|ficticia|cancion|poema',
    'verso|frase|cita famoso|famosa|celebre',
  ],
  topicCues: [
    'articulo|articulos|wikipedia|seccion|parrafo|fuente|fuentes|referencia|referencias|periodico|diario|noticia|noticias|titular|politica|politicas|norma|normas|directriz|prevencion|ensayo|historia|estadistica|estadisticas|tema|termino|palabra|expresion|ejemplo',
    'segun el|la|los|las? periodico|fuentes|policia|articulo',
    'que hacemos|cuenta|se+considera',
    'cuando|si alguien|un+usuario|usuarios',
    'como manejar|gestionar|tratar|actuar|lidiar',
  ],
  idioms: [
    'mataria|mato|matar|moriria por un|una',
    'mata|matar|mate|mato|matamos|matando|matad el|la|los|las|ese|este|esa|esta? proceso|procesos|tarea|servidor|bot|script|programa|app|aplicacion|pestana|ventana|sesion|tiempo|rato|hambre|sed|gusanillo',
    '@morir de|del la? @motivo',
    'me|nos esta|estas|estan|estaba matando',
    '@pariente me|nos @fut3? a? matar|mata|matara',
    'dos pajaros',
    'ataque al|de corazon|panico|ansiedad|risa|cardiaco|personal|tos|nervios',
    'ataque cardiaco|personal',
    'disparar las|los notificaciones|alertas|eventos|precios|ventas',
    'prevencion|prevenir del? suicidio',
  ],
  rules: [
    { id: 'intimidation-kill-yourself', category: 'intimidation', claims: true, pattern: 'matate|suicidate|muerete|ahorcate|pegate+un+tiro|tirate+de+un+puente', examples: { fires: ['Mátate, nadie te quiere aquí.'] } },
    { id: 'intimidation-regret', category: 'intimidation', weight: 1, pattern: 'te|os vas|vais a arrepentir|lamentar|pagar' },

    // Threats to kill or hurt someone.
    { id: 'threat-te-voy-a-matar', category: 'physical-harm', pattern: 'te|os _1 @fut a @matar', examples: { fires: ['Te voy a matar', 't3 v0y a m4t4r', 'te voy a pegar un tiro'], quiet: ['No te voy a hacer daño'] } },
    { id: 'threat-voy-a-matarte', category: 'physical-harm', pattern: '@fut a @matarte', examples: { fires: ['voy a matarte'] } },
    { id: 'threat-te-mato', category: 'physical-harm', pattern: 'te|os @mato', examples: { fires: ['te apuñalo'] } },
    { id: 'threat-me-va-a-matar', category: 'physical-harm', pattern: 'me|nos @fut3 a @matar', examples: { fires: ['me va a matar'], quiet: ['Mi jefe me va a matar si llego tarde'] } },
    { id: 'threat-va-a-matarme', category: 'physical-harm', pattern: '@fut3 a @matarme', examples: { fires: ['dijo que va a matarme'] } },
    { id: 'threat-amenazo-conmigo', category: 'physical-harm', pattern: '@amenaza con _1 @matarme|darme', examples: { fires: ['amenazó con darme una paliza'] } },
    { id: 'threat-me-amenazo-de-muerte', category: 'physical-harm', pattern: 'me|nos @amenaza|amenazo de muerte' },
    { id: 'threat-reported', category: 'physical-harm', kind: 'reported', pattern: '@amenaza con _1 @matar|@matarte|matarle', examples: { quiet: ['En la novela, el villano amenaza con matar al rey.'] } },
    { id: 'threat-death-threats-received', category: 'physical-harm', pattern: 'recibi|recibo|recibiendo|recibimos|me+manda|me+mando|me+envia|me+envio|mandandome|enviandome _3 amenazas|amenaza de muerte|violacion' },
    { id: 'threat-estas-muerto', category: 'physical-harm', pattern: 'estas|esta|eres|estais _1 muerto|muerta|muertos|hombre+muerto|mujer+muerta|fiambre', examples: { fires: ['Estás muerto'], quiet: ['estás muerto de miedo'] } },
    { id: 'threat-vas-a-morir', category: 'physical-harm', pattern: 'vas|vais a morir|palmarla|diñarla', examples: { fires: ['vas a morir'] } },
    { id: 'threat-bala-en-la-cabeca', category: 'physical-harm', pattern: 'bala|tiro|balazo en la|tu|el cabeza|cara|frente|nuca|pecho' },
    { id: 'threat-visit-after-doxing', category: 'physical-harm', requires: 'doxing', weight: 3, pattern: 'voy|vamos|va|ire|iremos|vendre _2 ir|a+por+ti|por+ti|buscarte|a+buscarte|visitarte|a+tu+casa|verte', examples: { fires: ['sé dónde vives y voy a ir esta noche'] } },

    // Threats to the public.
    { id: 'public-attack', category: 'public-harm', weight: 3, pattern: '@fut a? _1 @pubverb _4 @lugar', examples: { fires: ['Voy a hacer explotar el auditorio durante la conferencia.'] } },
    { id: 'public-attack-threatened', category: 'public-harm', kind: 'reported', weight: 3, pattern: '@amenaza con _1 @pubverb _4 @lugar', examples: { fires: ['Amenazó con volar la oficina de la fundación.'] } },
    { id: 'public-kill-everyone', category: 'public-harm', kind: 'reported', weight: 3, pattern: '@matar|@mato|matar|mato|disparar|disparo|matarlos|matarlas _1 @todos', examples: { fires: ['los mato a todos', 'voy a disparar a todos'] } },
    { id: 'public-bomb-planted', category: 'public-harm', weight: 3, pattern: 'puse|pusieron|puso|coloque|coloco|colocaron|deje|dejo|escondi|escondio|plante|planto|poner|colocar|voy+a+poner _2 una|un? bomba|bombas|explosivo|explosivos|artefacto', examples: { fires: ['puso una bomba en la estación central'] } },
    { id: 'public-there-is-a-bomb', category: 'public-harm', weight: 3, pattern: 'hay una|un? bomba|bombas|explosivos|artefacto en|dentro|bajo|debajo' },
    { id: 'public-massacre', category: 'public-harm', weight: 3, pattern: '@fut|@amenaza a|con? _1 hacer|cometer|provocar _1 una|un? masacre|matanza|atentado|tiroteo' },
    { id: 'public-bring-weapon', category: 'public-harm', weight: 3, pattern: 'llevo|llevar|llevare|traer|traigo|ir+con|voy+con|vengo+con|ire+con _2 @arma _3 @lugar', examples: { fires: ['El viernes llevo mi rifle a la mezquita'] } },
    { id: 'public-drive-into-crowd', category: 'public-harm', weight: 3, pattern: 'atropellar|atropello|embestir|arrollar _3 gente|multitud|desfile|manifestacion|marcha' },

    // Self-harm intent.
    { id: 'self-me-voy-a-matar', category: 'self-harm', pattern: 'me @fut a? matar|suicidar|quitar+la+vida|ahorcar|tirar|envenenar', examples: { fires: ['Me voy a matar esta noche', 'me voy a quitar la vida'], quiet: ['me voy a matar de risa'] } },
    { id: 'self-voy-a-matarme', category: 'self-harm', pattern: '@fut a? matarme|suicidarme|quitarme+la+vida|ahorcarme|tirarme|envenenarme|morirme', examples: { fires: ['quiero suicidarme'] } },
    { id: 'self-se-va-a-matar', category: 'self-harm', kind: 'reported', pattern: 'se @fut3 a? matar|suicidar|quitar+la+vida|ahorcar|tirar', examples: { fires: ['se va a suicidar este fin de semana'] } },
    { id: 'self-suicidarse', category: 'self-harm', kind: 'reported', pattern: 'suicidarse|matarse|quitarse+la+vida|ahorcarse|se+suicido|se+mato', examples: { fires: ['dijo que quiere suicidarse'], quiet: ['El personaje decide suicidarse en la novela.'] } },
    { id: 'self-no-quiero-vivir', category: 'self-harm', pattern: 'no quiero|puedo|deseo _1 vivir|existir|seguir+viviendo|estar+vivo|estar+viva mas|$|asi', examples: { fires: ['No quiero vivir más.'], quiet: ['No quiero vivir en Madrid'] } },
    { id: 'self-no-quiero-seguir', category: 'self-harm', pattern: 'no quiero|puedo|deseo seguir+viviendo|estar+vivo|estar+viva|seguir+con+vida' },
    { id: 'self-no-reason-to-live', category: 'self-harm', pattern: 'no|ninguna|ningun tengo|hay|veo|encuentro|razon|motivo _1 razon|razones|motivo|motivos|sentido _1 para|a|de? vivir|seguir', examples: { fires: ['No tengo razones para vivir'] } },
    { id: 'self-quiero-morir', category: 'self-harm', pattern: 'quiero|quisiera|deseo|prefiero morir|morirme|desaparecer+para+siempre', examples: { fires: ['quiero morirme'], quiet: ['quiero morirme de risa'] } },
    { id: 'self-acabar-con-todo', category: 'self-harm', pattern: 'acabar|terminar con todo|mi+vida|mi+propia+vida', examples: { fires: ['quiere acabar con todo'] } },
    { id: 'self-suicide-reported', category: 'self-harm', kind: 'reported', pattern: 'intento|intentar|cometer|comete|pensando+en|pensamientos de? suicidio|suicidas|suicida' },
    { id: 'self-jump', category: 'self-harm', kind: 'reported', pattern: 'tirar|tirarme|tirarse|lanzar|lanzarme|lanzarse|saltar|salto|me+tiro|se+tira _1 del|de+un|de+una|desde+el|desde+un|por+la _1 @alto', examples: { fires: ['se va a tirar del puente'] } },
    { id: 'self-cutting', category: 'self-harm', pattern: 'vuelto|volver a cortar|cortarme|autolesionar|autolesionarme', examples: { fires: ['me he vuelto a cortar'] } },
    { id: 'self-cut-wrists', category: 'self-harm', pattern: 'cortar|cortarme|cortandome|corte|corto|cortarse las|los|mis|sus venas|munecas' },
    { id: 'self-harm-named', category: 'self-harm', pattern: 'me autolesiono|autolesione|autolesionando' },
    { id: 'self-pills', category: 'self-harm', kind: 'reported', pattern: 'guardo|guardado|junto|junte|juntado|acumulo|acumulado|tomarme|tomarse|tragarme|tragar _2 todas|todos|el+bote|la+caja? _1 pastillas|pildoras|medicamentos|somniferos', examples: { fires: ['guardó pastillas'] } },

    // Doxing.
    { id: 'doxing-know-where-you-live', category: 'doxing', pattern: 'se|sabemos|conozco|encontre|descubri|averigue donde vives|vive|trabajas|trabaja|estudias|vivis', examples: { fires: ['sé dónde vives'] } },
    { id: 'doxing-published', category: 'doxing', pattern: '@publica _4 @datos', examples: { fires: ['Publicó mi nombre real y una foto de mi casa'] } },
    { id: 'doxing-street-address', category: 'doxing', weight: 1, pattern: 'calle|c|avenida|avda|av|plaza|paseo|carretera|camino _3 #num', examples: { fires: ['calle Mayor 12'] } },
    { id: 'doxing-flat', category: 'doxing', weight: 1, pattern: 'piso|puerta|portal #num' },

    // Sexual harassment.
    { id: 'sexual-send-nudes', category: 'sexual-harassment', pattern: '@pide _4 @sexual', examples: { fires: ['Me manda mensajes sexuales'] } },
    { id: 'sexual-harassment-named', category: 'sexual-harassment', kind: 'reported', pattern: 'acoso|acosar|acosando sexual|sexualmente' },
    { id: 'sexual-harassing-me', category: 'sexual-harassment', pattern: 'me|nos acosa|acoso|acosando|acosaba' },
    { id: 'sexual-groping', category: 'sexual-harassment', pattern: 'manosear|manoseo|manoseando|manoseaba|me+toco|tocarme|sobarme' },
    { id: 'sexual-sex-with', category: 'sexual-harassment', pattern: 'acostarse|sexo|follar conmigo|contigo' },

    // Hate.
    { id: 'hate-dehumanising', category: 'hate', pattern: 'los|las|estos|esos|todos? @grupo son|es|eran _2 @plaga', examples: { fires: ['Los inmigrantes son una plaga'], quiet: ['Los inmigrantes no son una plaga'] } },
    { id: 'hate-eliminate', category: 'hate', pattern: '@grupo _3 deberian|deben|tienen+que|hay+que _2 morir|matar|exterminar|echar|deportar|desaparecer|volver|echarlos|matarlos|deportarlos' },
    { id: 'hate-throw-out', category: 'hate', weight: 1, pattern: 'hay que echarlos|matarlos|exterminarlos|deportarlos|expulsarlos _1 a? todos' },
    { id: 'hate-go-back', category: 'hate', weight: 1, pattern: 'vuelve|vuelvete|volved|vuelvan|largate a|a+tu tu|su? pais|tierra' },

    // Spam.
    { id: 'spam-click-here', category: 'spam', weight: 1, pattern: 'haz|haga clic|click aqui|en+el+enlace' },
    { id: 'spam-buy-now', category: 'spam', weight: 1, pattern: 'compra|compre ya|ahora|aqui' },
    { id: 'spam-earn-money', category: 'spam', weight: 1, pattern: 'gana|gane dinero|euros|dolares _3 al|por|desde dia|mes|casa' },
  ],
};
