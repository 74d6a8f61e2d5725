/**
 * Ukrainian rules. Apostrophes inside words are dropped before matching ("вб'ю", "вбʼю" and "вбю" are one word), and
 * so are they in the words here; й, ї and і are kept apart (no accent folding for Cyrillic).
 */
import type { RuleSet } from './RuleSet.js';

export const uk: RuleSet = {
  language: 'uk',
  classes: {
    // First person future: "вб'ю" (I will kill), "заріжу" (I will knife).
    kill1: "вб'ю вбю вбью уб'ю убю убью заріжу зарежу застрелю приб'ю прибю задушу порішу поб'ю побю покалічу зґвалтую переламаю поламаю відріжу зарубаю розірву закопаю четвертую",
    killInf: 'вбити убити зарізати застрелити прибити задушити порішити побити покалічити зґвалтувати переламати поламати зарубати розірвати закопати',
    // Third person future: "вб'є" (he will kill).
    kill3: "вб'є вбє уб'є убє заріже застрелить приб'є прибє задушить порішить поб'є побє покалічить зґвалтує вбиватиме",
    you: 'тебе вас тебя тобі',
    me: 'мене нас мою+родину мою+сімю мою+сім\'ю моїх+дітей',
    threatens: 'погрожував погрожувала погрожує погрожують погрожували погрожуючи погрожувати пообіцяв пообіцяла обіцяє',
    pubverb: 'підірву підірвати підірве висаджу+в+повітря розстріляю розстріляти розстріляє підпалю підпалити підпалить спалю атакую нападу влаштую+теракт влаштую+стрілянину влаштувати+теракт',
    place: 'школ* клас* університет* офіс* будів* церкв* мечет* синагог* вокзал* метро аеропорт* стадіон* лікарн* бібліотек* залу залі зал конференц* натовп* парад* концерт* захід заході фестивал* торговий+центр тц*',
    all: 'всіх усіх вас+усіх вас+всіх їх+усіх їх+всіх всіх+вас усіх+вас кожного',
    weapon: 'зброєю зброю рушницю рушницею пістолет пістолетом автомат автоматом ніж ножем гвинтівку гвинтівкою бомбу гранату гранатою',
    high: 'мосту даху вікна балкона потяг поїзд будинку скелі',
    publish: 'оприлюднив оприлюднила оприлюднили опублікував опублікувала опублікували виклав виклала виклали поширив поширила поширили злив злила злили розмістив розмістила зливає викладає публікує',
    data: "адресу адреса домашню+адресу номер номер+телефону телефон справжнє+ім'я ім'я прізвище паспорт паспортні ідентифікаційний місце+роботи роботу фото+мого+будинку будинок",
    send: 'надсилає надіслати надсилати вимагає просить просив просила шле скидає скинути надіслав надіслала вимагав',
    sexual: 'оголені оголене голі голе нюдси нюдс інтимні інтимне сексуального сексуальні сексуальне порно геніталій геніталії статеві статевих член',
    group: 'цигани циган ромі роми євреї жиди мусульмани чорні негри геї педики лесбійки трансгендери біженці мігранти іммігранти іноземці',
    vermin: 'паразити паразитами паразит тварини тваринами щури таргани черви недолюди нелюди покидьки сміття худоба мавпи',
    boss: 'мама мати мамка тато батько начальник бос шеф дружина чоловік вчитель вчителька бабуся дідусь',
  },
  negation: { words: 'не ні ніколи ніхто нічого жоден жодна ані', before: 3, after: 0 },
  clauseBreaks: 'але проте однак що бо тому і та сказав сказала написав написала каже',
  fictionCues: [
    'роман* фільм* серіал* книз* книга* персонаж* лиході* герой героїня героя протагоніст* оповідач* пісн* вірш* приспів* сюжет* сценарі* вигад* мультфільм* аніме комікс*'.split(' ').join('|'),
    'у|в грі|романі|фільмі|серіалі|книзі|епізоді|розділі',
    'відомий|відома|знаменитий рядок|фраза|цитата',
  ],
  topicCues: [
    'статт* стаття вікіпеді* розділ* абзац* джерел* газет* новин* правил* запобіган* статистик* історі* термін* вираз* приклад*'.split(' ').join('|'),
    'згідно з|із правилами|джерелами',
    'за даними|джерелами',
    'як _2 реагувати|діяти|боротися|поводитися',
    'що вважається',
    'якщо|коли хтось|користувач',
  ],
  idioms: [
    'вбиваємо|вбивати|вбити|вбиваю|вбив|вбили час',
    'вбий|вбийте|вбити|кілнути|кільни процес*|сервер*|бот*|задачу|програму',
    'процес*|сервер*|бот* _1 вбий|вбити|вбийте',
    '@boss _2 мене|нас _1 вбє|убє|прибє|вбиватиме|вбиває|задушить',
    'помираю|помру|помер|вмираю|помираєш|помирати|вмерти|померти з|від|зі _1 голоду|сміху|цікавості|нудьги|спраги|сорому|втоми|страху',
    'запобігання|профілактика|гаряча|гарячої|лінія|лінії _2 самогубств*|суїцид*',
    'одним пострілом',
  ],
  rules: [
    // Intimidation first: "вбий себе" (kill yourself) claims its words.
    { id: 'intimidation-kill-yourself', category: 'intimidation', claims: true, pattern: 'вбий|убий|вбийся|повісься|застрелься|здохни|вмри|помри себе?', examples: { fires: ['Вбий себе, ти тут нікому не потрібен.'], quiet: ['Не вбивай себе, будь ласка'] } },
    { id: 'intimidation-you-are-finished', category: 'intimidation', weight: 1, pattern: 'тобі кінець|гаплик|капець|хана' },
    { id: 'intimidation-regret', category: 'intimidation', weight: 1, pattern: 'пошкодуєш|пожалієш' },

    // Self-harm before threats: "вб'ю себе" (I will kill myself) is not "вб'ю тебе".
    { id: 'self-kill-myself', category: 'self-harm', claims: true, pattern: "вб'ю|вбю|уб'ю|убю|застрелю|задушу себе", examples: { fires: ["Я вб'ю себе сьогодні вночі"] } },
    { id: 'self-end-myself', category: 'self-harm', pattern: 'покінчу|покінчити|покінчить|покінчив|покінчила з|із собою|життям|усім|всім', examples: { fires: ['сьогодні вночі я покінчу з собою', 'хоче покінчити з усім'] } },
    { id: 'self-hands-on-myself', category: 'self-harm', kind: 'reported', pattern: 'накласти|накладу|наклав|наклала|накладе на себе руки', examples: { fires: ['хоче накласти на себе руки'], quiet: ['Персонаж у розділі 3 вирішує накласти на себе руки.'] } },
    { id: 'self-hang-myself', category: 'self-harm', pattern: 'повішуся|повішусь|застрелюся|застрелюсь|отруюся|отруюсь|вистрибну|втоплюся|втоплюсь' },
    { id: 'self-ends-life', category: 'self-harm', kind: 'reported', pattern: 'покінчить|покінчив|покінчила|покінчити життя самогубством', examples: { fires: ['покінчить життя самогубством'] } },
    { id: 'self-not-want-to-live', category: 'self-harm', pattern: 'не хочу|хочеться _1 жити|існувати', examples: { fires: ['Я не хочу жити.'] } },
    { id: 'self-want-to-die', category: 'self-harm', pattern: 'хочу|хочеться|хотілося|хочется померти|вмерти|здохнути|помирати', examples: { fires: ['хочу померти'] } },
    { id: 'self-no-reason-to-live', category: 'self-harm', pattern: 'немає|нема|не+бачу сенсу|причини _1 жити|існувати', examples: { fires: ['немає сенсу жити'] } },
    { id: 'self-jump', category: 'self-harm', kind: 'reported', pattern: 'стрибну|стрибне|стрибнути|вистрибну|вистрибне|скочу|скочить|кинуся|кинусь|кинеться _2 з|зі|під _2 @high', examples: { fires: ['він стрибне з мосту'] } },
    { id: 'self-cutting', category: 'self-harm', pattern: 'ріжу|різати|порізала|порізав|порізати|ріже _2 собі|себе _1 руки|вени|зап\'ястя|запястя', examples: { fires: ['Я знову ріжу собі руки'] } },
    { id: 'self-harm-named', category: 'self-harm', kind: 'reported', pattern: 'самоушкодж*' },
    { id: 'self-pills', category: 'self-harm', kind: 'reported', pattern: 'збирає|збираю|збирала|накопичую|накопичила|ковтну|ковтнути|вип\'ю+всі|випити+всі _2 пігулки|таблетки|ліки|снодійне', examples: { fires: ['збирає пігулки'] } },
    { id: 'self-suicide-reported', category: 'self-harm', kind: 'reported', pattern: 'скоїти|скою|скоїть|вчинити|вчиню|думаю+про|планую|спроба _1 самогубств*|суїцид*' },

    // Threats to kill or hurt someone.
    { id: 'threat-kill-you', category: 'physical-harm', pattern: 'я? @you _1 @kill1', examples: { fires: ["Я тебе вб'ю", 'я т3бе вбью'], quiet: ['я тебе не вб\'ю'] } },
    { id: 'threat-kill-you-after', category: 'physical-harm', pattern: '@kill1 _1 @you', examples: { fires: ["вб'ю тебе"] } },
    { id: 'threat-i-will-kill', category: 'physical-harm', pattern: '@kill1', examples: { fires: ['Якщо побачу тебе на вулиці, заріжу.'] } },
    { id: 'threat-kill-me', category: 'physical-harm', pattern: '@me _1 @kill3', examples: { fires: ["він мене вб'є"], quiet: ["Начальник мене вб'є, якщо звіт запізниться."] } },
    { id: 'threat-kill-me-after', category: 'physical-harm', pattern: '@kill3 _1 @me', examples: { fires: ["що вб'є мене"] } },
    { id: 'threat-against-me', category: 'physical-harm', pattern: '@threatens _1 @killInf _2 @me', examples: { fires: ['погрожував побити мене'] } },
    { id: 'threat-reported', category: 'physical-harm', kind: 'reported', pattern: '@threatens _1 @killInf|вбивством|смертю|розправою', examples: { quiet: ['У романі лиходій погрожує вбити короля.', 'Ніхто тут нікому не погрожує вбивством'] } },
    { id: 'threat-death-threats-received', category: 'physical-harm', pattern: 'отримав|отримала|отримую|надсилає|надсилав|шле|пише _3 погрози|погрозу вбивством|смертю|зґвалтуванням' },
    { id: 'threat-you-are-dead', category: 'physical-harm', pattern: 'ти _1 мрець|труп|покійник|не+жилець', examples: { fires: ['ти труп'] } },
    { id: 'threat-bullet', category: 'physical-harm', pattern: 'всаджу|вжену|пущу|всадить _2 кулю|ніж', examples: { fires: ['я всаджу тобі кулю в голову'] } },
    { id: 'threat-bullet-head', category: 'physical-harm', pattern: 'кулю|ніж _2 голову|лоб|серце|живіт|спину' },
    { id: 'threat-visit-after-doxing', category: 'physical-harm', requires: 'doxing', weight: 3, pattern: 'прийду|приїду|завітаю|навідаюсь|навідаюся|зайду|прийдемо|приїдемо|прийде|приїде|знайду', examples: { fires: ['я знаю, де ти живеш, і прийду сьогодні вночі'] } },

    // Threats to the public.
    { id: 'public-attack', category: 'public-harm', weight: 3, pattern: '@pubverb _4 @place', examples: { fires: ['Я підірву актову залу під час лекції.', 'Він погрожував підірвати офіс фонду.'] } },
    { id: 'public-kill-everyone', category: 'public-harm', kind: 'reported', weight: 3, pattern: "@kill1|вбити|розстріляю|розстріляти|перестріляю|перестріляти|вб'є|вбє _2 @all", examples: { fires: ['Завтра я розстріляю всіх у класі.', "вб'ю їх усіх"] } },
    { id: 'public-bomb-planted', category: 'public-harm', weight: 3, pattern: 'заклав|заклала|заклали|закладу|підклав|підклала|сховав|сховала|поставив|поставила|залишив|залишила|закладе _2 бомбу|вибухівку|вибуховий+пристрій|міну', examples: { fires: ['заклав бомбу на центральному вокзалі'] } },
    { id: 'public-there-is-a-bomb', category: 'public-harm', weight: 3, pattern: 'є|лежить|захована|закладена бомба|вибухівка _1 в|у|на|під' },
    { id: 'public-ramming', category: 'public-harm', weight: 3, pattern: "в'їде|вїде|в'їду|вїду|вріжеться|вріжусь|наїде|наїду _3 натовп*|людей|парад*", examples: { fires: ["в'їде вантажівкою в натовп"] } },
    { id: 'public-bring-weapon', category: 'public-harm', weight: 3, pattern: 'візьму|принесу|прийду|візьме|принесе|прийде _3 @weapon _3 @place', examples: { fires: ['візьму рушницю до церкви'] } },
    { id: 'public-bring-weapon-place-first', category: 'public-harm', weight: 3, pattern: 'прийду|прийде|піду|піде _2 @place _2 @weapon' },

    // Doxing.
    { id: 'doxing-know-where-you-live', category: 'doxing', pattern: 'знаю|знаємо|дізнався|дізналася|знайшов|знайшла|знає _2 де _1 ти|ви|він|вона живеш|живе|живете|працюєш|працює|мешкаєш', examples: { fires: ['я знаю, де ти живеш'] } },
    { id: 'doxing-published', category: 'doxing', pattern: '@publish _4 @data', examples: { fires: ["Він оприлюднив моє справжнє ім'я"] } },
    { id: 'doxing-street-address', category: 'doxing', weight: 1, pattern: 'вулиці|вулиця|вул|проспект|проспекті|провулок|бульвар|площа _3 #num', examples: { fires: ['вулиці Шевченка, 12'] } },
    { id: 'doxing-flat', category: 'doxing', weight: 1, pattern: 'квартира|кв|будинок|буд #num' },

    // Sexual harassment.
    { id: 'sexual-send-nudes', category: 'sexual-harassment', pattern: '@send _4 @sexual', examples: { fires: ['надсилає мені повідомлення сексуального характеру'] } },
    { id: 'sexual-harassment-named', category: 'sexual-harassment', kind: 'reported', pattern: 'сексуальні|сексуальне домагання|домагань|насильство' },
    { id: 'sexual-harassing-me', category: 'sexual-harassment', pattern: 'домагається|домагався|домагалася|чіпляється' },
    { id: 'sexual-groping', category: 'sexual-harassment', pattern: 'лапає|лапав|мацає|мацав|лапати|мацати' },

    // Hate.
    { id: 'hate-dehumanising', category: 'hate', pattern: 'ці|всі|усі? @group _3 @vermin', examples: { fires: ['Ці цигани — паразити'] } },
    { id: 'hate-eliminate', category: 'hate', pattern: '@group _5 вигнати|знищити|винищити|депортувати|перестріляти|спалити|виселити', examples: { fires: ['Ці цигани — паразити, їх усіх треба вигнати.'] } },

    // Spam.
    { id: 'spam-click-here', category: 'spam', weight: 1, pattern: 'переходь|перейдіть|тисни|натисніть за|на посиланням|посилання|сюди' },
    { id: 'spam-earn-money', category: 'spam', weight: 1, pattern: 'заробляй|заробіток|заробіть _3 на|від день|дому|тиждень' },
  ],
};
