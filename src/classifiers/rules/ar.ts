/**
 * Arabic rules: Modern Standard Arabic and the common dialect forms (Egyptian, Levantine, Gulf). Text is folded before
 * matching (أ إ آ → ا, ى ئ → ي, ة → ه, ؤ → و, no vowel marks or tatweel), and so are the words here. Pronouns and
 * particles are written onto words ("سأقتلك" is سـ + أقتل + ـك, "وأطعنه" is و + أطعن + ـه), so most verbs are matched
 * by their ending (*قتلك: ساقتلك, هقتلك, حقتلك, اقتلك, لاقتلك) or by the future markers written onto their start
 * (سـ in MSA, هـ in Egyptian, حـ in Levantine, and the separate رح, راح, بدي).
 */
import type { RuleSet } from './RuleSet.js';

/** Verb stems of killing, first person imperfect without its alef: "اقتل" is ا + قتل. */
const stems = ['قتل', 'ذبح', 'دبح', 'طعن', 'نحر', 'خنق', 'سلخ', 'دهس', 'دعس', 'اعدم', 'شنق', 'خزق', 'بعج', 'صفي'];
/** Verbs that threaten only with "you" as their object ("هموتك", "هكسرك"): alone they die, break rules, burn spoilers. */
const objectStems = [...stems, 'طخ', 'حرق', 'دفن', 'فجر', 'قطع', 'كسر', 'ضرب', 'موت', 'فرم', 'سحق', 'خلص'];
/** Future and oath prefixes of the first person: سأقتل, هقتل, حقتل, لأقتل, وأقتل; and of "we": سنقتل, هنقتل. */
const firstPerson = ['سا', 'ه', 'ح', 'لا', 'وا', 'فا', 'سن', 'هن', 'حن', 'ون', 'غن'];
/** The verb with "you" as its object, however it is prefixed: *قتلك, *قتلكم, *قتلنك (emphatic). */
const killYou = objectStems.flatMap((s) => [`*${s}ك`, `*${s}كم`, `*${s}نك`, `*${s}كي`]).join(' ');
/** "I will kill" with any object or none: ساقتل*, هقتل*, حقتل*. */
const iWillKill = stems.flatMap((s) => firstPerson.map((p) => `${p}${s}*`)).join(' ');
/** "He will kill": سيقتل*, هيقتل*, حيقتل*, بيقتل*, and the feminine ستقتل*. */
const heWillKill = stems.flatMap((s) => ['سي', 'هي', 'حي', 'بي', 'ست', 'هت', 'حت', 'وي', 'وسي', 'غادي+ي'].map((p) => `${p}${s}*`)).join(' ');

/**
 * "و" (and) is written onto the next word ("والفرد", "وسأقتلك"): every plain Arabic word of a pattern also matches
 * with it. Words with a leading wildcard (*قتلك) already match any start.
 */
function withAnd(pattern: string): string {
  return pattern
    .split(' ')
    .map((element) => {
      if (element.startsWith('_') || element === '$' || element === '^') return element;
      const optional = element.endsWith('?') ? '?' : '';
      const body = optional ? element.slice(0, -1) : element;
      const alts = body.split('|');
      const more = alts.filter((a) => /^[\u0621-\u064A]/u.test(a) && !a.startsWith('و')).map((a) => `و${a}`);
      return [...alts, ...more].join('|') + optional;
    })
    .join(' ');
}

/** A word and the same word with "و" (and) written onto it: "وسأزورك". */
function withWa(words: string): string {
  return words
    .split(' ')
    .flatMap((w) => (w.includes('+') ? [w] : [w, `و${w}`]))
    .join(' ');
}

/** "ل" + a word with its article: للشيعة, لمسيرة, للمتظاهرين. */
function withL(words: string): string {
  return words
    .split(' ')
    .map((w) => (w.startsWith('ال') ? `ل${w.slice(1)}` : `ل${w}`))
    .join(' ');
}

const GROUP =
  'الصعايده البنات الستات المغاربه الخليجيين الشيعه السنه اليهود الصهاينه المسيحيين النصاري الاقباط السوريين السوريون سوريين اللاجيين اللاجين لاجيين المصريين الفلسطينيين الاكراد الافغان السود العبيد الزنوج المثليين الشواذ النساء الحريم المعاقين المعاقون معاقين الاجانب الهنود البنغال الكفار الروافض النواصب الغجر النور الاتراك الايرانيين الفرس البدو';
const CROWD = 'الطلاب طلاب المصلين الجمهور المحتفلين الناس الحشود الحشد الجمهور المتظاهرين المعتصمين المشاه المصلين الطلاب الزحمه المسيره مسيره الصفوف المظاهره مظاهره الموكب';

const arRules: RuleSet = {
  language: 'ar',
  classes: {
    killYou,
    groupL: withL(GROUP),
    crowdL: withL(CROWD),
    iWillKill,
    heWillKill,
    // The separate future and intent words: رح اقتلك, بدي اذبحه, سوف اقتل.
    will: 'غادي غا غادين رح راح حا ح بدي ابي ابغي ابغا اريد ناوي نويت سوف رايح هروح حروح قررت اقسم والله',
    bareKill: 'اقتل* اذبح* ادبح* اطعن* انحر* اخنق* احرق* اسلخ* ادفن* اصفي* افجر* ادهس* اكسر* اضرب* اشنق* اموت* اخلص+عليك اخلص+عليه',
    you: 'انت انتي انتم انتو انتوا يا',
    body: 'راسك دماغك راسه دماغه ايدك ايديك يدك يديك رجلك رجليك ساقك عظامك وشك وجهك اسنانك رقبتك ظهرك رقبته رجليه يديه ايديه وجهه عظامه اسنانه راسها وجهها رقبتها',
    home: 'بيتك منزلك دارك سيارتك عربيتك شقتك محلك بيته منزله سيارته بيتها',
    // Where someone lives, works or studies.
    where: 'عنواني بيتي منزلي بيتها منزلها عنوانها عنوانك بيتك منزلك شغلك عملك مدرستك جامعتك مكانك سكنك مكان+بيتك مكان+شغلك تسكن تسكني تسكنين تسكنون ساكن ساكنه تعيش تعيشين تشتغل تشتغلي تعمل تعملين تداوم تداومين تدرس تدرسين عنوانه بيته منزله عنوانها بيتها منزلها مدرسه+ابنك مدرسه+بنتك مدرسه+اولادك مدرسه+عيالك',
    knowVerb: 'يعرف يعرفون بيعرف بيعرفوا عارفين اعرف نعرف عارف عارفين بعرف بنعرف منعرف اعلم نعلم عرفت عرفنا عرفنا وصلت وصلنا لقيت',
    // Coming to someone: جايلك, ازورك, نشوفك قريب, بانتظارك.
    visit: withWa('سياتي سيجي هيجي حيجي بيجي بزوركم بزورك بزورها قادم قادمون قادمين جاي جايين جايلك جايك اجيلك اجيك نجيك ازورك سازورك سازورها سازوره هزورك نزورك ساتي سنتي سناتي نشوفك اشوفك بشوفك هشوفك سنلتقي نلتقي قريبا ننتظرك انتظرك بانتظارك امر+عليك امر+عليكي سامر'),
    kin: 'مرتك مراتك امك ابوك اختك اخوك زوجتك زوجك اولادك عيالك بنتك ابنك بناتك اهلك عايلتك عائلتك اطفالك ولادك',
    means: 'الحبوب حبوب الدواء الادويه المنوم الحبل حبل الجسر جسر الكوبري كوبري السطح سطح البرج برج شفره موس السكين النهر البحر القطار',
    soon: 'الليله الليلة اليوم بكره بكرا بكرة غدا الان هلا هلق حالا قريبا الاسبوع',
    bye: 'وداعا الوداع وداعــا مع+السلامه سامحوني سامحني اخر+تعديل اخر+مره اخر+رساله شكرا+لكم+جميعا ليلتي+الاخيره',
    place: 'جامع كورنيش مهرجان حفل الليسي ليسي ثانويه الثانويه الكليه كليه حضانه الحضانه حفله الحفله المسرح الكورنيش الكلاسيكو الافتتاح المدرسه مدرسه المدارس الجامعه جامعه الكليه المعهد الروضه المسجد الجامع الكنيسه المعبد المحطه محطه المترو مترو القطار المطار المستشفي مستشفي المول مول السوق الملعب ملعب المدرجات الاستاد الحفل حفل الحفله احتفال الاحتفال المهرجان مهرجان المؤتمر موتمر الموتمر اللقاء لقاء الاجتماع اجتماع المعرض معرض القاعه قاعه الساحه ساحه الميدان المسيره مسيره المظاهره مظاهره الوزاره المبني مبني مقر المقر السفاره البرلمان الحشود الحشد الناس الجمهور المحتفلين المتظاهرين الديربي المباراه المكتبه الشركه',
    crowd: CROWD,
    weapon: 'بالكلاشن بالكلاشنكوف بالرشاش بالمسدس بالسكين المطوه مطوه سنجه خنجر فرد الفرد طبنجه بارودة باروده رشاش برشاش مسدس بمسدس المسدس سلاح بسلاح بالسلاح السلاح كلاشن كلاشينكوف بندقيه ببندقيه سكين بسكين السكين ساطور بساطور قنبله عبوه متفجرات',
    bomb: 'متفجره هديه+متفجره قنبله القنبله قنابل عبوه+ناسفه عبوه متفجرات المتفجرات حزام+ناسف ديناميت عبوات',
    group: GROUP,
    vermin: 'حشرات حشره صراصير جرذان فيران كلاب خنازير قرود حيوانات وباء سرطان طاعون قمامه زباله نجس اوساخ جراثيم',
    pii: 'اسم اسمه اسمها الاسم عنوان عنوانه عنوانها رقم رقمه رقمها جواله جوالها هاتفه هاتفها موبايله تلفونه صوره صور صورة منزل منزله منزلنا بيته بيتها مدرسه مدرسة شغله عمله انستاغرامها انستغرامها انستاغرامه حسابه',
    publish: 'نشر نشرت نشروا سرب سربت سربوا فضح فضحت كشف كشفت حط حطوا وضع عرض',
    sexual: 'بدون+حجاب من+غير+حجاب مثيره مثير سكسي جسمي جسدي عاري عاريه عاريا عريانه جنسيه جنسي اباحيه اباحي فاضحه مثيره بدون+ملابس صدرك جسمك جسدك',
    tech: 'kill العمليه العمليات البوت السيرفر القالب process build البناء المهام الباكلوج التصنيف الكود',
  },
  negation: { words: 'لا لم لن مش مو ليس ليسوا ليست لسنا ليسو مب ماني محد مافي ماراح مارح مستحيل ولا ولن ولم', before: 2, after: 0 },
  clauseBreaks: 'لكن بس لكنه ولكن بينما لان لانه قال قالت كتب كتبت يقول تقول',
  fictionCues: [
    'الحبكه البطل البطله الشخصيه+الرييسيه هاملت مسرحيه ملخص+الروايه ملخص+الفيلم حرق+الاحداث'.split(' ').join('|'),
    'في|ب|بال _1 الفيلم|فيلم|المسلسل|مسلسل|الروايه|روايه|الحلقه|الحلقة|اللعبه|لعبه|الانمي|الاغنيه|القصه|الموسم',
    'نهايه|نهاية|اخر|آخر _1 الفيلم|المسلسل|الروايه|الحلقه|الموسم',
    // A plot summary or a line from a work: "ملخص فيلم الجزيرة", "جملة من المسلسل".
    'ملخص|تلخيص|قصه|حبكه|احداث _1 فيلم|مسلسل|روايه|الحلقه|حلقه|مسرحيه|لعبه',
  ],
  topicCues: [
    'مصدر مصادر المصادر مصدرا سياسه السياسه ارشادات الارشادات احصاءات احصائيات الوقايه اضفت صححت وثقت نضيف اقترح حرق+الاحداث تنبيه الخبر الاخبار المحكمه القانوني'.split(' ').join('|'),
    'حسب _2 المصادر|السياسه|القانون|التقرير',
    'اذا|لو _2 احد|شخص|مستخدم _2 كتب|هدد|قال',
    // An article named after an event or a topic: مقالة تفجير الكنيسة البطرسية, مقالة "انتحار".
    'مقاله|المقاله|لمقاله|بمقاله|مقالات|صفحه _1 انتحار|الانتحار|تفجير|تفجيرات|انفجار|مجزره|مذبحه|اغتيال|هجوم|حادثه|مقتل|حريق|اعدام|قتل',
    // A figure of speech named as one: "دي مجرد تعبير", "كلام مجازي".
    'مجرد _1 تعبير|مجاز|كنايه|مبالغه',
    'تعبير|كلام|معني _1 مجازي|مجازا',
  ],
  idioms: [
    'قتلتني|قتلني|يقتلني|بيقتلني|موتتني|هموت|اموت|ميت|مت|اموت|يموت|تموت|بموت _3 من _1 الضحك|ضحك|الجوع|جوع|التعب|التوتر|الملل|الحر|البرد|الشوق|الفرح|الغيظ|القهر',
    'اموت|يموت|هموت|بموت _1 واشوف|وانا|عليك|عليه|فيك|فيه|في',
    'انا|حرفيا _1 ميت|ميته',
    'ميت|ميته _1 حرفيا',
    'يا? قاتلني|قاتله|قاتل|قاتلتني _2 هالصوت|الصوت|الجمال|جمال|الجو|هالجو',
    'مقاله|مقالة|فكره|اغنيه _1 قاتله|قنبله|قنبلة',
    // Praise: "مقالة نار 🔥" (a great article).
    'مقاله|مقالة|فكره|اغنيه|تعديل|التعديل|تصميم|شغل|شغلك _1 نار|ناري|ناريه',
    // "Political suicide" and the like.
    'انتحار|الانتحار _1 سياسي|السياسي|مهني|المهني|اجتماعي|تجاري|اقتصادي|انتخابي',
    // "The boss will kill me if...": a superior or a parent, with a condition or a laughing face.
    'المدير|مديري|امي|ابوي|ابويا|ابي|ماما|بابا|مراتي|زوجتي|الاستاذ|المعلم|الدكتور|المشرف _1 @heWillKill|هيموتني|حيموتني|رح+يموتني|بيموتني _4 لو|اذا|ان|😅|😂|🤣',
    // Weather on the way home: "انتبه وإنت راجع، الطريق زلق".
    'انتبه|انتبهي|احذر|احذري|دير+بالك|خلي+بالك|خد+بالك|خذ+بالك _6 زلق|زلقه|مبلول|مبلوله|الضباب|ضباب|المطر|مطر|الشتي|الثلج|ثلج|جليد|العاصفه|الزحمه|زحمه',
    'زلق|زلقه|مبلول|مبلوله|الضباب|ضباب|المطر|مطر|الشتي|الثلج|ثلج|جليد|العاصفه _6 انتبه|انتبهي|احذر|احذري|دير+بالك|خلي+بالك|خد+بالك|خذ+بالك',
    // Leaving an account, not life: "آخر مشاركة لي بهذا الحساب".
    'اخر|آخر _1 تعديل|رساله|مشاركه _2 بهذا+الحساب|بهالحساب|بهاد+الحساب|من+هذا+الحساب|بهذا+المعرف|بهذا+الاسم|بحسابي',
    'قنبله|قنبلة _1 بصراحه|بصراحة|💣',
    '@tech _4 يقتل|قتل|اقتل|انفجر|ينفجر|طار|وقف|اوقف|اذبح|ساذبح',
    'قتل|اقتل|ساذبح|اذبح|هذبح _2 @tech|هذا+القالب|قائمه|القائمه',
    'انفجر|ينفجر|انفجرت _2 راسي|راسه|الموقع|السيرفر|الجهاز|المعالج|من+الزيارات|من+الضحك',
    'نطلق|اطلق|سنطلق|نطلقها|انطلقت _2 event|الحدث|النسخه|الاصدار|الحمله|المشروع|الاداه',
    'نفجرها|نفجّرها',
    'ولعت|احترق|احترقت _2 السيرفرات|السيرفر|الجهاز',
    'الكل _1 بياكل|ياكل _2 بعض',
    '@killYou|اقتلك|بقتلك _4 😂|🤣|😅|😆|ههه*|هههه*|لول|القهوه',
    '😂|🤣|😅 _3 @killYou',
    'هذا+الحر|الحر|البرد|الجوع|التعب|الشغل|الامتحان|الامتحانات|الملل|الزحمه|الانتظار|الدوام|الروتين|الباغ|باغ|البق|الكود|الخطا|المشكل|المشكله|الديدلاين|الواجب _3 @heWillKill|يقتلني|بيقتلني|هيقتلني|رح+يقتلني',
    'مذبحه|مجزره|مجزرة _3 كرويه|حرفيا|😅',
    'الوقايه من _1 الانتحار',
    'قبل|للسنه|هالسنه|هذه+السنه|اجازه|الاجازه|الامتحانات|امتحانات|استراحه|سفري|السفر|رمضان|العيد _6 اخر|آخر',
    'اخر|آخر _1 تعديل|رساله _2 قبل|اليوم|النهارده|لهاليوم|هون|هنا|بهالمقاله',
    'فراش الموت',
    'شد الحبل',
    'مدفع الافطار|رمضان',
    'حرب _1 بالمسدسات|المسدسات _1 المائيه|مائيه',
    'تموت|اموت|ماتت _1 الشخصيه',
  ],
  rules: [
    // Intimidation first: "اقتل نفسك", "روح موت" are insults, not self-harm, and claim their words.
    {
      id: 'intimidation-kill-yourself',
      category: 'intimidation',
      claims: true,
      pattern: 'اقتل|اشنق|احرق|ارمي|موت|موّت _1 نفسك|حالك|روحك',
      examples: { fires: ['اقتل نفسك يا فاشل'], quiet: ['ساقتل نفسي'] },
    },
    { id: 'intimidation-go-die', category: 'intimidation', claims: true, pattern: 'روح|روحي|اذهب|يلا|روحو|روحوا _1 موت|مت|موتوا|انتحر|انتحري|انتحروا|في+داهيه', examples: { fires: ['روح موت بعيد عننا'] } },
    { id: 'intimidation-you-should-die', category: 'intimidation', claims: true, weight: 1, pattern: 'لازم|يجب|المفروض|تستاهل _1 تموت|تموتي|تنتحر|ان+تموت', examples: { fires: ['انت لازم تموت'] } },
    {
      id: 'intimidation-regret',
      category: 'intimidation',
      weight: 1,
      pattern: 'ستندم|ستندمين|هتندم|هتندمي|حتندم|بتندم|تندم|راح+تندم|رح+تندم|سوف+تندم|ستندمون|هتندموا',
      examples: { fires: ['هتندم يا حلو'], quiet: ['لن تندم على قراءة هذا الكتاب'] },
    },
    {
      id: 'intimidation-make-life-hell',
      category: 'intimidation',
      pattern: 'ساجعل|هخلي|حخلي|بخلي|راح+اخلي|رح+خلي|اجعل|نجعل _2 حياتك|ايامك|عيشتك _2 جحيم*|جحيما|نار|سودا|سوداء|كابوس',
      examples: { fires: ['سأجعل حياتك هنا جحيماً'] },
    },
    {
      id: 'intimidation-get-you-banned',
      category: 'intimidation',
      pattern: 'ساجعلهم|هخليهم|حخليهم|بخليهم|ساحظرك|هحظرك|ححظرك|هبلكك|سيتم+حظرك|هطردك|ساطردك _2 يحظرونك|يحظروك|يبلكوك|يطردوك|قبل|من|نهائيا',
      examples: { fires: ['سأجعلهم يحظرونك قبل نهاية الأسبوع'] },
    },
    { id: 'intimidation-connections', category: 'intimidation', weight: 1, pattern: 'لي|عندي|لدي _1 معارف|واسطه|ناس|اصحاب|اصدقاء _3 لجنه|اللجنه|الاداره|الاداريين|المشرفين|التحكيم|الشرطه', examples: { fires: ['لي معارف في لجنة التحكيم'] } },
    {
      id: 'intimidation-watching-edits',
      category: 'intimidation',
      weight: 1,
      pattern: 'ساتابع|هتابع|هراجع|ساراجع|سأراقب|ساراقب|اراقب|هراقب|حراقب _2 كل _1 مساهماتك|تعديلاتك|تحركاتك|حركاتك|خطواتك',
      examples: { fires: ['سأتابع كل مساهماتك واحدة واحدة', 'انا هراجع كل تعديلاتك وهمسحها كلها'] },
    },
    { id: 'intimidation-hound', category: 'intimidation', weight: 1, pattern: 'ستجدني|هتلاقيني|حتلاقيني|بتلاقيني|ستراني _2 امامك|قدامك|في+وشك|بوجهك', examples: { fires: ['في كل نقاش تدخله ستجدني أمامك'] } },
    { id: 'intimidation-harass-out', category: 'intimidation', weight: 1, pattern: 'ساضايقك|هضايقك|حضايقك|سازعجك|هطفشك|حطفشك|حتي+تترك|لحد+ما+تسيب|لين+تطلع', examples: { fires: ['سأضايقك حتى تترك الموسوعة'] } },

    // Self-harm before threats: "سأقتل نفسي" is not "سأقتلك".
    {
      id: 'self-kill-myself',
      category: 'self-harm',
      claims: true,
      pattern: '@iWillKill|@bareKill|ارمي|سارمي|هرمي|حرمي|بطيح|هطيح|ساطيح|اخلص+من|هموت|حموت|بموت|سانهي|انهي|اطيح|القي|سالقي _1 نفسي|حالي|روحي',
      examples: { fires: ['سأقتل نفسي بعد أن ينتهي الحظر', 'انا خلاص هموّت نفسي النهارده', 'بطيح نفسي من البرج الليلة', 'سأرمي نفسي من كوبري ١٥ مايو غداً', 'سأشنق نفسي، الحبل عندي'], quiet: ['لن أقتل نفسي، لا تقلقوا'] },
    },
    { id: 'self-kill-themself', category: 'self-harm', kind: 'reported', pattern: '@heWillKill|يشنق|بيشنق|هيشنق|يرمي|سيرمي|هيرمي|يقتل|ينهي|سينهي _1 نفسه|نفسها|حاله|حالها', examples: { fires: ['شفت واحد كاتب بالتعليقات انه بيشنق نفسه والحبل جاهز'] } },
    {
      id: 'self-suicide',
      category: 'self-harm',
      pattern: 'سانتحر|هنتحر|حنتحر|بنتحر|رح+انتحر|راح+انتحر|ان+انتحر|بدي+انتحر|ابي+انتحر|اريد+ان+انتحر|ناوي+انتحر|عايز+انتحر|نفسي+انتحر',
      examples: { fires: ['قررت أن أنتحر الليلة', 'بدي انتحر'], quiet: ['أضفت بيانات منظمة الصحة العالمية إلى مقالة الوقاية من الانتحار.', 'لن انتحر'] },
    },
    { id: 'self-suicide-noun', category: 'self-harm', kind: 'reported', pattern: 'انتحر|انتحار|الانتحار|انتحرت', examples: { fires: ['قرر الانتحار'], quiet: ['أضفت مصدرا عن الانتحار في اليابان للمقالة', 'الترشح مرة أخرى انتحار سياسي', 'يرجى إضافة رقم خط المساندة النفسية في مقالة "انتحار"'] } },
    { id: 'self-thinking-suicide', category: 'self-harm', pattern: 'افكر|بفكر|افكّر|فكرت|اتفكر|عم+فكر _2 في|ب? _1 الانتحار|انتحار|اموت|الموت|انهي+حياتي', examples: { fires: ['أفكر في الانتحار كل يوم'] } },
    { id: 'self-no-will-to-live', category: 'self-harm', pattern: 'ما+عاد|وما+عاد|ماعاد|مش|ومش|ما|لم+اعد|ولم+اعد _1 بدي|ابي|اريد|عايز|عاوز|اقدر|قادر _1 عيش|اعيش|الحياه|اكمل', examples: { fires: ['تعبت من الحياة وما عاد بدي عيش'] } },
    { id: 'self-last-night-on-earth', category: 'self-harm', pattern: 'اخر|آخر _1 ليله|يوم _3 الدنيا|هالدنيا|حياتي|عمري', examples: { fires: ['خلاص هذي آخر ليلة لي في هالدنيا'] } },
    { id: 'self-poison', category: 'self-harm', kind: 'reported', pattern: 'اشرب|ساشرب|هشرب|حشرب|شربت|رح+اشرب|بشرب _1 سم|السم|مبيد|المبيد|كلور|الكلور', examples: { fires: ['رح اشرب سم الليلة'] } },
    { id: 'self-better-without-me', category: 'self-harm', pattern: 'احسن|افضل|ارتاح|ترتاح|يرتاحوا _2 من? _1 غيري|بدوني|بلاي|من+دوني', examples: { fires: ['الكل راح يرتاحوا بدوني', 'الدنيا أحسن من غيري'] } },
    { id: 'self-suicide-reported', category: 'self-harm', kind: 'reported', pattern: 'ستنتحر|سينتحر|هينتحر|هتنتحر|حينتحر|حتنتحر|بتنتحر|بينتحر|تنتحر|ينتحر|انتحرت', examples: { fires: ['مستخدمة قالت إنها ستنتحر الليلة'], quiet: ['بلغوا عنه كأنه هينتحر، دي مجرد مبالغة'] } },
    { id: 'self-end-life', category: 'self-harm', kind: 'reported', pattern: 'انهاء|انهي|سانهي|ينهي|لانهاء|ساضع+حدا|اضع+حدا|نهايه _1 حياتي|حياته|حياتها|لحياتي', examples: { fires: ['يقول إنه يخطط لإنهاء حياته هذا الأسبوع'] } },
    {
      id: 'self-pills',
      category: 'self-harm',
      kind: 'reported',
      pattern: 'ابتلع|سابتلع|هبلع|ابلع|بلعت|شربت|اشرب|ساشرب|تناولت|اخذت|اكلت|بلعت|ابتلعت|شرب|ابتلع _2 كل|جميع|علبه|شريط|كميه _1 الحبوب|الدواء|الادويه|حبوب|دواء|ادويه|المنوم|منوم|المهديء|المهدئ|البنادول',
      examples: { fires: ['سأبتلع كل الحبوب الليلة', 'شربت كل الحبوب، مع السلامة'] },
    },
    { id: 'self-pills-saved', category: 'self-harm', kind: 'reported', pattern: 'جمعت|جمع|جمعت+ما+يكفي|خزنت|مجمع _4 الحبوب|حبوب|الدواء|المنوم', examples: { fires: ['جمعت ما يكفي من الحبوب خلال الشهرين الماضيين'] } },
    { id: 'self-sleep-forever', category: 'self-harm', pattern: 'انام|سانام|هنام|حنام _2 لن|ما|مش|ولن|وما|ومش _1 استيقظ|اصحي|اصحا|اقوم|افيق', examples: { fires: ['الليلة سأنام ولن أستيقظ'] } },
    { id: 'self-rope-ready', category: 'self-harm', kind: 'reported', pattern: 'الحبل|حبل|المشنقه _1 جاهز|جاهزه|عندي|اشتريت|اشتريته|معلق', examples: { fires: ['الحبل جاهز'], quiet: ['لعبة شد الحبل ما زالت تقام في مهرجانات القرى'] } },
    { id: 'self-cutting', category: 'self-harm', kind: 'reported', pattern: 'اقطع|قطعت|سأقطع|ساقطع|هقطع|جرحت|اجرح _1 شراييني|عروقي|وريدي|معصمي|يدي|شرايينه|عروقها', examples: { fires: ['سأقطع شراييني'] } },
    { id: 'self-jump', category: 'self-harm', kind: 'reported', pattern: 'اقفز|ساقفز|هنط|هرمي|سانط|انط|قفز|يقفز|سيقفز _2 من _1 فوق? _1 @means|البرج|العماره|الشباك|النافذه', examples: { fires: ['سأقفز من فوق الجسر'] } },
    { id: 'self-last-night', category: 'self-harm', kind: 'reported', pattern: 'ليلتي|ليلته|ليلتها _1 الاخيره', examples: { fires: ['كتب هذه ليلتي الأخيرة'] } },
    { id: 'self-last-time', category: 'self-harm', weight: 1, pattern: '@soon|@means _6 لاخر+مره|اخر+مره|لاخر+مرة', examples: { fires: ['المنظر من فوق السطح جميل الليلة، سأراه لآخر مرة'] } },
    { id: 'self-last-time-before', category: 'self-harm', weight: 1, pattern: 'لاخر+مره|اخر+مره _6 @soon|@means', examples: { fires: ['سأراه لآخر مرة الليلة'] } },
    { id: 'self-wont-be-around', category: 'self-harm', weight: 1, pattern: 'لن|ولن|مش|ومش|ما|مو _1 اكون|يكون|تكون|هكون|راح+اكون _2 هنا|موجود|موجودا|موجوده|بينكم|معكم _3 لفتره|طويله|طويلا|بعد|غدا|بكره|بكرا|بعد+الان', examples: { fires: ['لن أكون هنا لفترة طويلة بعد الآن', 'ولن يكون موجوداً غداً'] } },
    { id: 'self-wont-see-me', category: 'self-harm', weight: 1, pattern: 'لن|ولن|مش|ومش|ما|مو _1 تروني|هتشوفوني|تشوفوني|حتشوفوني|راح+تشوفوني _2 تاني|ثاني|ابدا|خالص|بعد|مره+اخري', examples: { fires: ['مش هتشوفوني تاني خالص ⚰️'] } },
    { id: 'self-nobody-will-miss', category: 'self-harm', weight: 1, pattern: 'لا+احد|لن+يفتقدني|محد|ما+حد|ماحد|محدش _2 سيفتقدني|يفتقدني|هيفتقدني|راح+يفتقدني|هيزعل|سيحزن|هيلاحظ|سيلاحظ', examples: { fires: ['لا أحد سيفتقدني على أي حال'] } },
    { id: 'self-giving-away', category: 'self-harm', weight: 1, pattern: 'وزعت|وزع|وزعتُ|اعطيت|تبرعت|وهبت _3 كتبي|اغراضي|اغراضه|اشيائي|اشياءه|حاسوبي|كل+اغراضه|كل+اغراضي|ممتلكاتي', examples: { fires: ['وزّعتُ كتبي وحاسوبي على أصدقائي', 'قال إنه وزّع كل أغراضه'] } },
    { id: 'self-goodbye-with-means', category: 'self-harm', pattern: '@bye _6 @means|@soon|💀|☠|⚰|🥀|🪦', examples: { fires: ['وداعــــاً يا أصدقاء، الجسر ينتظرني الليلة', 'سامحوني يا جماعة ⚰️'], quiet: ['هذا آخر تعديل لي قبل العيد، كل عام وأنتم بخير 🌙'] } },
    { id: 'self-means-with-goodbye', category: 'self-harm', pattern: '@means|@soon _6 @bye', examples: { fires: ['شربت كل الحبوب، مع السلامة'] } },
    { id: 'self-bridge-waits', category: 'self-harm', pattern: '@means _2 ينتظرني|بانتظاري|تنتظرني', examples: { fires: ['الجسر ينتظرني الليلة'] } },
    { id: 'self-razor-posted', category: 'self-harm', kind: 'reported', weight: 1, requires: 'self-harm', pattern: 'صوره|صورة _1 شفره|موس|حبل|حبوب', examples: { fires: ['كتب هذه ليلتي الأخيرة ونشر صورة شفرة حلاقة'] } },
    { id: 'self-want-to-die', category: 'self-harm', pattern: 'اريد|ابي|ابغي|بدي|نفسي|اتمني|عايز|عاوز|حابب _1 اموت|الموت|موت|انتحر|اختفي', examples: { fires: ['بدي اموت، تعبت'], quiet: ['أموت وأشوف هالدمج يتم'] } },
    { id: 'self-no-reason-to-live', category: 'self-harm', pattern: 'لم|ما|مافي|مفيش|لا _1 يعد|عاد|في|يوجد? _1 شيء|شي|سبب|داعي|معني _1 يستحق|للحياه|اعيش|لاعيش|لحياتي', examples: { fires: ['لم يعد هناك شيء يستحق'] } },

    // Threats to kill or hurt someone.
    {
      id: 'threat-kill-you',
      category: 'physical-harm',
      pattern: '@killYou',
      examples: { fires: ['سَأَجِدُكَ وأقتلك', 'والله لأذبحك يا خالد', 'سأذبحك أمام أهلك', 'رح اقتلك'], quiet: ['لن أقتلك', 'بعد هالنكتة بدي اقتلك 😂', "نقلت جملة 'سأقتلك' من ملخص مسلسل الهيبة إلى المقالة"] },
    },
    { id: 'threat-i-will-kill', category: 'physical-harm', weight: 1, pattern: '@iWillKill', examples: { fires: ['سأنتظر المحرر عمر عند باب الجامعة غداً وأطعنه'], quiet: ['سأذبح قائمة المهام المتراكمة هذا الأسبوع'] } },
    { id: 'threat-will-kill-bare', category: 'physical-harm', pattern: '@will _1 @bareKill|اكسرلك|اكسر', examples: { fires: ['راح اذبحه', 'بدي اكسرلك ايديك'] } },
    { id: 'threat-break-body', category: 'physical-harm', pattern: '*كسر|*كسرلك|*كسّر|*كسرله|*فتح|*فلق|*قطع|*قطعلك _2 @body', examples: { fires: ['هكسر دماغك', 'وكسّرلك ايديك', 'سأجده وأكسر رجليه'] } },
    { id: 'threat-burn-home', category: 'physical-harm', pattern: '*حرق|*ولع|*فجر _2 @home', examples: { fires: ['سأحرق بيتك على من فيه'] } },
    { id: 'threat-you-are-dead', category: 'physical-harm', pattern: 'انت|انتي|انتم|انتو _1 ميت|ميته|ميتين|هالك|منتهي _1 لا+محاله|اكيد|خلاص|يعني', examples: { fires: ['انت ميت لا محالة'] } },
    { id: 'threat-blood-permitted', category: 'physical-harm', pattern: 'دمك|دمه|دمها|دمكم _1 حلال|مهدور|مباح', examples: { fires: ['دمك حلال'] } },
    { id: 'threat-end-your-life', category: 'physical-harm', pattern: 'سانهي|هنهي|انهي|حنهي|رح+انهي _1 حياتك|عمرك|حياته|حياتها', examples: { fires: ['سأنهي حياتك قريبا'] } },
    { id: 'threat-coming-to-your-home', category: 'physical-harm', weight: 2, pattern: 'هجيلك|حجيلك|اجيلك|جايلك|ساتيك|هاجيلك|بجيك _2 البيت|بيتك|للبيت|لبيتك|الشغل|شغلك|المدرسه', examples: { fires: ['هجيلك البيت وهوريك'] } },
    { id: 'threat-know-kids-school', category: 'physical-harm', weight: 3, pattern: '@knowVerb _3 مدرسه|جامعه|شغل|مكان _1 ابنك|بنتك|اولادك|عيالك|زوجتك|امك|اختك _6 انتبه|احذر|خلي+بالك|خاف|دير+بالك', examples: { fires: ['اعرف مدرسة ابنك، انتبه عليه'] } },
    { id: 'threat-he-will', category: 'physical-harm', kind: 'reported', pattern: '@heWillKill', examples: { fires: ['قال إنه سيقتلني'], quiet: ['في نهاية الفيلم سيقتل البطل الشرير', 'المدير هيدبحني لو قعدت ساعة كمان على ويكيبيديا', 'هاد الباغ غادي يقتلني، عييت ما نقلب عليه'] } },
    { id: 'threat-to-death', category: 'physical-harm', pattern: '*ضربه|*ضربك|*ضربها|*ضربني|*ضربهم|بالضرب _1 حتي|لحد|لغايه|الي _1 الموت|موته', examples: { fires: ['يهدده بالقدوم إلى الرياض وضربه حتى الموت'] } },
    { id: 'threat-run-over', category: 'physical-harm', pattern: 'هيدوس*|حيدوس*|سيدوس*|يدوس*|هدوس*|ادوس*|دهس*|سيدهس*|هيدهس*|يدهس*|ادهس*|سادهس*|هدهس*|يدعس*|هيدعس*|ادعس*|هدعس* _2 بالعربيه|بالسياره|بالعربية|بسيارتي|بالسيارة|بالتريلا', examples: { fires: ['قال فيها هيدوسها بالعربية'] } },
    { id: 'threat-wait-with-knife', category: 'physical-harm', pattern: 'سينتظر*|سانتظر*|هستني*|هستنا*|حستنا*|ينتظر*|انتظر* _6 ومعه|ومعي|معه|معي|وبيده _1 سكين|ساطور|مسدس|سلاح', examples: { fires: ['أنه سينتظره بعد المدرسة ومعه سكين'] } },
    { id: 'threat-wait-and-stab', category: 'physical-harm', pattern: 'سانتظر*|هستني*|حستني*|هستنا*|سينتظر* _6 @iWillKill|@killYou|واطعن*|واضرب*', examples: { fires: ['سأنتظر المحرر عمر عند باب الجامعة غداً وأطعنه'] } },
    { id: 'threat-threatened', category: 'physical-harm', kind: 'reported', pattern: 'هددني|يهددني|هدده|يهدده|هددها|يهددها|تهديدات|تهديد _1 بالقتل|بالذبح|بالموت|بالقدوم|بالضرب', examples: { fires: ['يهددني بالقتل'] } },
    { id: 'threat-death-threats', category: 'physical-harm', kind: 'reported', pattern: 'تهديد|تهديدات _1 بالقتل|بالتصفيه|بالذبح|قتل', examples: { fires: ['وصلتني تهديدات بالقتل'] } },
    {
      id: 'threat-know-where-and-visit',
      category: 'physical-harm',
      weight: 3,
      pattern: '@knowVerb _3 @where _6 @visit',
      examples: { fires: ['نعرف أين تسكنين ونحن قادمون', 'أعرف أنك تعمل في صيدلية بشارع الحمراء، ربما أمرّ عليك قريباً'], quiet: ['لقاء ويكيبيديا هذا السبت في مكتبة الإسكندرية الساعة ٢ ظهراً. نشوفكم هناك!'] },
    },
    { id: 'threat-visit-after-doxing', category: 'physical-harm', requires: 'doxing', weight: 3, pattern: '@visit', examples: { fires: ['عنوانك في مدينة نصر، العمارة اللي جنب الجامع. نشوفك قريب 🔪'] } },
    { id: 'threat-coming-to-house', category: 'physical-harm', pattern: 'سياتي|سآتي|ساتي|هاجي|حاجي|جاي|هيجي|حيجي|بيجي|اجي|نجي|بجي|رح+اجي _2 الي|لعند|ل|علي? _1 بيتها|بيتك|بيته|منزلها|منزلك|منزله|لعندك|عندك|لبيتك|لبيتها|لبيته', examples: { fires: ['كتب لزميلته أنه سيأتي إلى بيتها وزوجها في العمل', 'بدي اجي لعندك'] } },
    { id: 'threat-visit-kin', category: 'physical-harm', weight: 2, pattern: '@kin _6 سازور*|ازور*|هزور*|حزور*|نزور*|سامر|هعدي', examples: { fires: ['سلّم لي على أمك في محلها بالزرقاء، سأزورها قريباً'] } },
    { id: 'threat-watch-your-back', category: 'physical-harm', weight: 1, pattern: 'عينك|عيونك|بالك _2 ورا|وراء|علي _1 ضهرك|ظهرك', examples: { fires: ['خلّي عينك ورا ضهرك يا شاطر'] } },
    { id: 'threat-careful-way-home', category: 'physical-harm', weight: 1, pattern: 'انتبه|انتبهي|احذر|احذري|دير+بالك|خلي+بالك|خد+بالك|خذ+بالك _6 بالليل|الليل|مظلمه|لحالك|لوحدك|وحدك', examples: { fires: ['انتبه لنفسك وأنت راجع البيت بالليل، الشوارع هناك مظلمة.'], quiet: ['انتبه على حالك وإنت راجع، الطريق كتير زلق اليوم من الشتي'] } },
    { id: 'threat-life-short', category: 'physical-harm', weight: 1, pattern: 'عمرك|عمركم|ايامك _1 قصير|قصيره|معدوده|قربت', examples: { fires: ['عمرك قصير 💀'] } },
    {
      id: 'threat-pity-if-something-happens',
      category: 'physical-harm',
      pattern: 'خساره|حرام|مؤسف|مسكين|يا+حرام|يا+خساره _3 لو|اذا|ان _2 صار|حصل|جري|يصير|يحصل|اصاب _2 لهم|لك|له|لها|لكم|لعيالك|لاولادك _1 شي|شيء|حاجه|مكروه',
      examples: { fires: ['خسارة لو صار لهم شي'] },
    },
    { id: 'threat-emoji', category: 'physical-harm', weight: 1, pattern: '@killYou|@visit|@home|عنوانك _4 🔪|🔫|💀|☠|⚰|🩸', examples: { fires: ['عنوانك معروف 🔪'] } },

    // Threats to the public.
    {
      id: 'public-blow-up',
      category: 'public-harm',
      kind: 'reported',
      weight: 3,
      pattern: 'سافجر|هفجر|حفجر|سنفجر|افجر|بفجر|نفجر|سيفجر|هيفجر|ننسف|سننسف|انسف|سانسف|هنسف|سينسف|تفجير|نسف _3 @place',
      examples: { fires: ['سأفجّر مقر الجمعية يوم الجمعة', 'سننسف المدرسة يوم الاثنين'], quiet: ['في الحلقة الأخيرة يفجّر البطل المبنى لينقذ حبيبته', 'في مقالة تفجير الكنيسة البطرسية صور لضحايا بدون تمويه'] },
    },
    {
      id: 'public-bomb-planted',
      category: 'public-harm',
      kind: 'reported',
      weight: 3,
      pattern: 'ساضع|سنضع|وضعنا|وضعت|زرعنا|سنزرع|ازرع|ساززرع|احط|حطيت|نحط|زرعت|حطينا|سازرع|هحط|حنحط|سيضع|خبيت|خبينا _2 @bomb',
      examples: { fires: ['سنزرع قنبلة في محطة مترو السادات', 'سأضع عبوة ناسفة في معرض الكتاب', 'وضعنا قنبلة في قاعة المؤتمرات'] },
    },
    { id: 'public-will-explode', category: 'public-harm', kind: 'reported', weight: 3, pattern: '*تنفجر|*ينفجر|رح+تنفجر _4 الساعه|الساعة|ستفهمون|ستعرفون|غدا|بكره|#num|@place', examples: { fires: ['وستنفجر الساعة ٣', 'وحين تنفجر ستفهمون'], quiet: ['انفجر الـbuild مرة ثانية'] } },
    { id: 'public-bag-left', category: 'public-harm', weight: 3, pattern: 'ستترك|سنترك|ساترك|هسيب|حنترك|سيترك|نترك _2 حقيبه|شنطه|كيس|طرد|صندوق|هديه', examples: { fires: ['ستُترك حقيبة في المدرجات'] } },
    { id: 'public-explosion-coming', category: 'public-harm', kind: 'reported', weight: 3, pattern: 'تفجير|انفجار|تفجيرات _2 هيحصل|سيحدث|حيصير|رح+يصير|راح+يصير|بيصير|سيقع|هيكون|سيكون', examples: { fires: ['في تفجير هيحصل في المترو يوم الخميس'] } },
    {
      id: 'public-shooting',
      category: 'public-harm',
      weight: 3,
      kind: 'reported',
      pattern: '*طلق|*ضرب _1 النار|نار|الرصاص|رصاص _2 علي|في|عالناس|عالكل|ع',
      examples: { fires: ['وسأطلق النار على الجميع', 'وهضرب نار على أي حد قدامي'], quiet: ['سنطلق النسخة الجديدة من الأداة الليلة'] },
    },
    { id: 'public-shoot-everyone', category: 'public-harm', kind: 'reported', weight: 3, pattern: '@iWillKill|@heWillKill|@bareKill|النار|نار _3 الجميع|الكل|اي+حد|اي+احد|كل+اللي|كل+من|عالكل', examples: { fires: ['سأقتل الجميع'] } },
    {
      id: 'public-bring-weapon',
      category: 'public-harm',
      weight: 3,
      pattern: 'ساتي|ساجي|هاجي|حاجي|سياتي|سيحضر|ساحضر|هحضر|هدخل|حدخل|سادخل|جاي|سيدخل|هيدخل _6 ومعي|ومعه|معي|معه|ب _1 @weapon',
      examples: { fires: ['سآتي إلى لقاء ويكيبيديا في عمّان ومعي رشاش'] },
    },
    { id: 'public-shoot-people', category: 'public-harm', kind: 'reported', weight: 3, pattern: 'هطخ|حطخ|اطخ|بطخ|سأطخ|ساطخ|يطخ|رح+اطخ|هيطخ _3 الناس|الكل|الجميع|طلاب|الطلاب|@place|@crowd', examples: { fires: ['بكرة هطخ الناس في الجامعة'] } },
    { id: 'public-there-is-a-bomb', category: 'public-harm', weight: 3, pattern: 'في|فيه|هناك|يوجد|توجد _1 @bomb _2 في|داخل|ب? _1 @place', examples: { fires: ['في قنبلة في المطار'] } },
    { id: 'public-bring-weapon-2', category: 'public-harm', weight: 3, pattern: 'ساتي|ساجي|هاجي|سياتي|سيحضر|ساحضر|هحضر|هدخل|حدخل|سادخل|سيدخل|هيدخل|غادي+ندخل|غادي+يدخل _6 بمسدس|بسلاح|بالسلاح|برشاش|بسكين|بقنبله|ببندقيه|بالرشاش|بالكلاشن|بالكلاشنكوف', examples: { fires: ['قال إنه سيحضر لقاء ويكيبيديا في القاهرة بمسدس', 'هدخل المدرسة بكرة بالسلاح'] } },
    { id: 'public-attack-place', category: 'public-harm', kind: 'reported', weight: 3, pattern: 'ساهاجم|يهاجم|سيهاجم|هيهاجم|ههاجم|نهاجم|سنهاجم|اهاجم|اقتحم|ساقتحم|سنقتحم _2 @place', examples: { fires: ['رح يهاجم المستشفى'] } },
    {
      id: 'public-ramming',
      category: 'public-harm',
      weight: 3,
      pattern: 'سادهس|هدهس|ادهس|يدهس|سيدهس|ندهس|هدوس|ادعس|هدعس|بدعس|دهس _2 @crowd|@crowdL',
      examples: { fires: ['سأدهس المحتفلين بالسيارة'] },
    },
    { id: 'public-ramming-vehicle', category: 'public-harm', weight: 3, pattern: 'بالسياره|بالشاحنه|بالعربيه|بالتريلا|سيارته|سيارتي|شاحنه|الشاحنه _4 وسط|علي|في|ل? _1 @crowd|@crowdL', examples: { fires: ['ينوي أن يقود سيارته وسط المتظاهرين', 'جهّزنا مفاجأة بالشاحنة لمسيرة السبت'] } },
    {
      id: 'public-forecast',
      category: 'public-harm',
      weight: 3,
      pattern: 'سيحدث|هيحصل|حيصير|رح+يصير|راح+يصير|سيكون|ستكون|هيكون|حيكون|هتكون|سيقع|ستسيل|هتسيل _3 شيء|شي|حاجه|دماء|الدماء|دم|الدم|انفجار|مجزره|كارثه|مذبحه _4 @place|كبير|كبيره|وسط',
      examples: { fires: ['في احتفال اليوم الوطني سيحدث شيء كبير وسط الحشود', 'ستكون هناك دماء في مؤتمر الويكي القادم'] },
    },
    { id: 'public-forecast-place-first', category: 'public-harm', weight: 3, pattern: '@place _6 سيحدث|هيحصل|حيصير|رح+يصير|راح+يصير|سيكون|ستكون|هيكون|حيكون|هتكون|سيقع|ستسيل|هتسيل|ستجري|سيسيل _3 دماء|الدماء|دم|الدم|انفجار|مجزره|كارثه|مذبحه|شي+كبير|شيء+كبير', examples: { fires: ['في مهرجان الجمعة ستسيل الدماء'] } },
    { id: 'public-arson', category: 'public-harm', kind: 'reported', weight: 3, pattern: 'يحرق|سيحرق|هيحرق|حيحرق|ساحرق|هحرق|حاحرق|احرق|نحرق|سنحرق|هنحرق|بحرق|بيحرق _2 @place', examples: { fires: ['قال انه راح يحرق المسجد'] } },
    { id: 'public-stay-away', category: 'public-harm', weight: 1, requires: 'public-harm', pattern: 'ابتعدوا|ابعدوا|لا+تقفوا|لا+تروحوا|ما+تروحوا|متروحوش|خليكم|اقعدوا|يقعدون|بلغوا', examples: { fires: ['سيحدث شيء كبير وسط الحشود، ابتعدوا عن المنصة الرئيسية'] } },
    { id: 'public-warn-loved-ones', category: 'public-harm', weight: 2, pattern: 'تحبونهم|تحبوهم|تحبهم|عزيز* _3 يقعدون|يقعدوا|يبقوا|يبقون|يظلوا|في+البيت|بالبيت', examples: { fires: ['بلغوا اللي تحبونهم يقعدون في البيت'] } },
    { id: 'public-nobody-go', category: 'public-harm', weight: 2, pattern: 'ما+حدا|محدش|محد|لا+احد|ولا+حد|ماحد _2 يروح|يروحش|يذهب|يجي|يطلع _6 لمصلحتكم|لمصلحتك|لسلامتكم|صدقوني|حذرتكم|نصيحه', examples: { fires: ['بكرا ما حدا يروح عالجامعة، صدقوني هاد لمصلحتكم'] } },
    { id: 'public-emoji', category: 'public-harm', weight: 2, pattern: '💣|🔫|🧨|💥 _6 @place|مول|الجمعه|الظهر', examples: { fires: ['💣💣 دبي مول الجمعة الظهر'] } },
    { id: 'public-truck-surprise', category: 'public-harm', weight: 3, pattern: 'مفاجاه|مفاجأه|هديه _2 بالشاحنه|بالسياره|بالعربيه|بالتريلا|متفجره|ناسفه', examples: { fires: ['جهّزنا مفاجأة بالشاحنة'] } },
    { id: 'public-kill-everyone', category: 'public-harm', kind: 'reported', weight: 3, pattern: 'ساقتل|هقتل|حقتل|سنقتل|اقتل _1 الجميع|الكل|كل+الناس|كل+من|كل+اللي', examples: { fires: ['سأقتل كل من في القاعة'] } },

    // Broader forms: dialect futures, weapon slang, routines, veiled signs.
    { id: 'threat-weapon-waiting', category: 'physical-harm', pattern: 'المطوه|مطوه|السنجه|سنجه|الخنجر|خنجر|الفرد|فرد|الطبنجه|طبنجه|الباروده|باروده|المسدس|مسدس|السكين|سكين _3 متسننه|مستنياك|مستنيك|بانتظارك|تنتظرك|جاهز|جاهزه|محشو|محشي|معبا|لسه+عندي|لسا+عندي|معايا|عندي', examples: { fires: ['المطوة متسنّنة ومستنياك يا باشا', 'والفرد لسه عندي'] } },
    { id: 'threat-bring-weapon', category: 'physical-harm', weight: 2, pattern: 'اجيب|هجيب|حجيب|بجيب|رح+اجيب|جايب|ساحضر|سأحضر _1 @weapon', examples: { fires: ['في لقاء المحررين بعمّان رح أجيب سكين'] } },
    { id: 'threat-lesson', category: 'physical-harm', weight: 1, pattern: 'درس _2 ما+بينساه|ما+ينساه|لن+ينساه|مش+هينساه|ما+رح+ينساه', examples: { fires: ['وأعلّم هالمشرف درس ما بينساه طول عمره'] } },
    { id: 'threat-eyes-open', category: 'physical-harm', weight: 1, pattern: 'نامي|نام|ناموا _2 عينك|عيونك|عينيك _1 مفتوحه', examples: { fires: ['الباب ضعيف… نامي وعينك مفتوحة'] } },
    { id: 'threat-alone-routine', category: 'physical-harm', weight: 2, pattern: 'كل+يوم|كل+ليله|دايما|دائما|بتحب|تحب _4 تطلع|تروح|ترجع|تمشي|بتمشي|تخرج|بتطلع _6 لحالك|لوحدك|وحدك', examples: { fires: ['كل يوم تطلع من المسجد بعد الفجر لحالك', 'بتحب تمشي عالكورنيش بعد العشا لحالك، صح؟'] } },
    { id: 'threat-saw-your-kin', category: 'physical-harm', weight: 2, pattern: '@kin _3 شفتها|شفته|شفتهم|شفناها|شفناه|رايته|رايتها', examples: { fires: ['سلّملي على أمك، شفتها اليوم طالعة من العمارة بالشميساني'] } },
    { id: 'threat-kin-routine', category: 'physical-harm', weight: 2, pattern: '@kin _2 بيروح|يروح|بتروح|تروح|يدرس|بيدرس|تدرس|تشتغل|بتشتغل|يشتغل|بيشتغل _6 صح|صحيح|مش+كده|مو+هيك', examples: { fires: ['ابنك بيروح حضانة الأمل في المعادي، صح؟', 'مرتك بتشتغل بصيدلية بالحمرا صح؟'] } },
    { id: 'threat-tell-her-careful', category: 'physical-harm', weight: 1, pattern: 'تنتبه|تنتبهي|يحذر|تحذر|خليها+تنتبه _2 عحالها|لحالها|لنفسها|على+حالها|عحاله|لنفسه', examples: { fires: ['خبّرها تنتبه عحالها وهي راجعة'] } },
    { id: 'threat-enjoy-while-you-can', category: 'physical-harm', weight: 2, pattern: 'استمتع|استمتعي|استمتعوا _1 فيها|فيهم|بيهم|بهم|بعيلتك|بحياتك|باولادك|بعمرك|بعيالك _2 قد+ما|طالما|ما+دام|قبل+ما', examples: { fires: ['عندك عيلة حلوة. استمتع فيها قد ما تقدر'] } },
    { id: 'threat-your-end-is-near', category: 'physical-harm', pattern: 'نهايتك|اجلك|يومك|ساعتك _1 قربت|قرب|قريب|قريبه|جاي|اقترب', examples: { fires: ['نهايتك قربت، بكرة بعد الدوام'] } },
    { id: 'threat-wont-come-home', category: 'physical-harm', pattern: '@kin|انت|انتي _3 مش|لن|ما _1 هيرجع|يرجع|راح+يرجع|حيرجع|سيعود|ترجع|هترجع _1 البيت|للبيت|الليله|سالم|سالما', examples: { fires: ['ابنك مش هيرجع البيت الليلة'] } },
    { id: 'threat-empty-magazine', category: 'physical-harm', pattern: 'يفرغ|افرغ|هفرغ|ويفرغ|وافرغ|افرغه|وافرغه|يفرغه|هفرغه _2 فيه|فيك|فيها|فيهم|في|ف _1 المخزن|الرصاص|مخزن|الناس', examples: { fires: ['رح يستنى المطرب بحفلة بغداد «ويفرّغ فيه المخزن»'] } },
    { id: 'threat-hurt-her', category: 'physical-harm', pattern: 'سيوذيها|سيوذيه|يوذيها|يوذيه|ويوذيها|ويوذيه|هيوذيها|هيوذيه|حيوذيها|اوذيك|ساوذيك|هاذيك|هوذيك|راح+اذيك', examples: { fires: ['قال إنه سيتبعها بعد خروجها من الجامعة ويؤذيها.'] } },
    { id: 'threat-plate-memorized', category: 'physical-harm', weight: 1, requires: 'doxing', pattern: 'حفظتها|حفظته|حافظها|حافظه|حفظت', examples: { fires: ['لوحة عربيتك ٤٥٦٧ ر ب، كامري بيضا، دايماً راكنة قدام العمارة. حفظتها كويس'] } },
    { id: 'threat-loaded-gun', category: 'physical-harm', weight: 1, pattern: 'المسدس|مسدس|الفرد|الباروده|البندقيه _1 محشو|محشي|معبا|جاهز|جاهزه', examples: { fires: ['المسدس محشو وجنبي على الطاولة'] } },
    { id: 'threat-brakes-2', category: 'physical-harm', kind: 'reported', pattern: 'فرامل|فراملها|فراملك|الفرامل|بريكات _3 مش|ضعيفه|خربانه|ما+بتشتغل|ولا+بد|مقطوعه', examples: { fires: ['عندي شاحنة تبريد وفراملها مش ولا بد'] } },
    { id: 'self-last-edit', category: 'self-harm', weight: 1, pattern: 'اخر|آخر _1 تعديل|رساله|مشاركه _1 لي|الي|إلي|مني? $|لي|سامحوني|سامحني', examples: { fires: ['آخر تعديل… سامحوني على كل شي.', 'هاد آخر تعديل إلي. لما تقروا هالكلام أكون ارتحت'], quiet: ['هذا آخر تعديل لي قبل العيد، كل عام وأنتم بخير 🌙', 'هذه آخر مشاركة لي بهذا الحساب، فتحت حسابًا جديدًا'] } },
    { id: 'self-collecting-pills', category: 'self-harm', kind: 'reported', pattern: 'يجمع|عم+يجمع|بيجمع|اجمع|بجمع|عم+بجمع|جمعتها _1 حبوب|الحبوب|ادويه|دوا|منوم', examples: { fires: ['من أسبوع حكالي إنه عم يجمّع حبوب'] } },
    { id: 'self-pill-boxes', category: 'self-harm', kind: 'reported', pattern: 'علب|علبه|شرايط|شريط|علبتين _1 منوم|دوا|دواء|حبوب|بنادول', examples: { fires: ['صار عندي ٣ علب منوّم بالدرج'] } },
    { id: 'self-drink-all-medicine', category: 'self-harm', kind: 'reported', pattern: 'هيشرب|يشرب|رح+يشرب|سيشرب|حيشرب|بيشرب|اشرب|هشرب|شرب|شربت _2 دوا|دواء|حبوب|ادويه _4 كله|كلها|كامل|كامله', examples: { fires: ['هيشرب دوا الضغط بتاع جدته كله النهارده'] } },
    { id: 'self-bleach', category: 'self-harm', kind: 'reported', pattern: 'شرب|شربت|يشرب|هشرب|اشرب _2 جافيل|ماء+جافيل|كلور|الكلور|مبيد|سم', examples: { fires: ['كاتب فصفحتو بلي شرب ماء جافيل باش يموت'] } },
    { id: 'self-go-to-bridge', category: 'self-harm', weight: 1, pattern: 'روح|اروح|رايح|رح+روح|هروح _1 عالجسر|للجسر|عالكوبري|للكوبري|عالسطح|للسطح|علي+الجسر', examples: { fires: ['بعد ما يخلص المنع رح روح عالجسر اللي بوسط البلد'] } },
    { id: 'self-wont-see-me-again', category: 'self-harm', weight: 1, pattern: 'ما+عاد|ماعاد|مش+هت|مش _1 تشوفوني|تشوفوني|هتشوفوني', examples: { fires: ['وخلص، ما عاد تشوفوني هون'] } },
    { id: 'self-soon-gone', category: 'self-harm', weight: 1, pattern: '@soon|قريب|قريبا _2 مش|لن|ما _1 هكون|اكون|حكون|بكون _1 موجود|هنا', examples: { fires: ['قريب مش هكون موجود'] } },
    { id: 'self-nobody-notices', category: 'self-harm', weight: 1, pattern: 'محدش|ما+حد|ماحد|لا+احد|محد|ما+حدا _1 هياخد|هيلاحظ|سيلاحظ|راح+يلاحظ|هيحس|رح+ينتبه|رح+يلاحظ|بيلاحظ _1 باله|بغيابي', examples: { fires: ['ومحدش هياخد باله زي العادة'] } },
    { id: 'self-blades-ready', category: 'self-harm', kind: 'reported', pattern: 'الشفرات|شفرات|الشفره|شفره|الموس|موس|الامواس _1 جاهزه|جاهز|جاهزين', examples: { fires: ['الشفرات جاهزة في الدرج'] } },
    { id: 'self-wont-stop-tonight', category: 'self-harm', weight: 1, pattern: '@soon _2 ما+راح|مش|لن|ما+رح _1 اوقف|اتوقف|يوقف|اوقّف', examples: { fires: ['الليلة ما راح أوقف'] } },
    { id: 'self-finally-rest', category: 'self-harm', weight: 1, pattern: '@soon _2 اخيرا|خلاص _1 سارتاح|هرتاح|رح+ارتاح|بارتاح|ارتاح|حرتاح', examples: { fires: ['الليلة أخيراً سأرتاح'] } },
    { id: 'self-pray-for-me', category: 'self-harm', pattern: 'ادعولي|ادعوا+لي|ادعو+لي _1 بالرحمه|بالمغفره', examples: { fires: ['لما تقروا هالكلام أكون ارتحت، ادعولي بالرحمة'] } },
    { id: 'self-will-written', category: 'self-harm', pattern: 'كتبت|جهزت|كتبتلكم _1 وصيتي', examples: { fires: ['رتبت غرفتي وكتبت وصيتي بالمسودة'] } },
    { id: 'self-find-me-here', category: 'self-harm', weight: 1, pattern: 'هون|هنا|هنا+رح _2 تلاقوني|تلاقوا+جثتي|ستجدونني|هتلاقوني', examples: { fires: ['هون رح تلاقوني الصبح'] } },
    { id: 'self-hurt-again', category: 'self-harm', kind: 'reported', pattern: 'جرح|يجرح|جرحت|اجرح|بجرح _1 نفسه|نفسها|نفسي|حاله|حالي', examples: { fires: ['كتب إنه جرح نفسه مرة ثانية'] } },
    { id: 'self-wont-need-it', category: 'self-harm', weight: 1, pattern: 'ما+عاد|مش|لن|ماعاد _1 احتاجه|احتاجها|محتاجه|هحتاجه|ابيه', examples: { fires: ['عطاني كلمة السر حقت حسابه وقال ما عاد أحتاجه'] } },
    { id: 'self-farewell-message', category: 'self-harm', kind: 'reported', pattern: 'رساله|رسالة _1 وداع|الوداع', examples: { fires: ['صديقي حط رسالة وداع على صفحة المستخدم'] } },
    { id: 'public-throw-explosives', category: 'public-harm', weight: 3, pattern: 'نرمي|ارمي|سارمي|هرمي|حنرمي|بنرمي|سنرمي|يرمي _1 @bomb|متفجرات|قنابل', examples: { fires: ['راح نرمي متفجرات على المدرجات'] } },
    { id: 'public-bomb-ready', category: 'public-harm', weight: 3, pattern: 'القنبله|قنبله|العبوه|المتفجرات|الحزام _1 جاهزه|جاهز|جاهزين', examples: { fires: ['سأفجر ثانوية الملك فهد، القنبلة جاهزة'] } },
    { id: 'public-explosive-gift', category: 'public-harm', weight: 3, pattern: 'هديه|هدية _1 متفجره', examples: { fires: ['«هدية متفجرة» تنتظر الجمهور'] } },
    { id: 'public-nobody-goes-home', category: 'public-harm', weight: 2, pattern: 'لن|مش|ما|ومش|ولن _1 يعود|يرجع|هيرجع|حيرجع|يروح _1 احد|حد|حدا|واحد', examples: { fires: ['ولن يعود أحد إلى بيته'] } },
    { id: 'public-whoever-wants-to-live', category: 'public-harm', weight: 2, pattern: 'اللي|الي|من _1 بغا|بدو|يبي|عايز|يريد|حابب _1 يعيش|يعيش+يبقي|الحياه', examples: { fires: ['اللي بغا يعيش يبقى فدارو'] } },
    { id: 'public-ram-into-people', category: 'public-harm', weight: 3, pattern: 'بالطوموبيل|بالطموبيل|بالكرهبه|بالسياره|بالعربيه|بالشاحنه|بالتريلا|بالسيارة _2 فالناس|عالناس|علي+الناس|بين+الناس|وسط+الناس|في+الناس|فالجمهور|@crowdL', examples: { fires: ['غادي يدخل بالطوموبيل فالناس'] } },
    { id: 'public-gas-bottle', category: 'public-harm', weight: 2, pattern: 'قنينه|قنينة|جره|انبوبه|انبوبة|قاروره|بقنينه|بجره|بانبوبه _1 غاز', examples: { fires: ['غادي يدخل للمدرجات بقنينة غاز ويشعلها'] } },
    { id: 'public-set-alight', category: 'public-harm', kind: 'reported', weight: 3, pattern: 'يشعل|سيشعل|اشعل|ساشعل|هشعل|نشعل|هيشعل|رح+يشعل|يشعلها|ويشعلها|هولع|سأولع _1 النار|نار|ها? _2 في|ف|ب|فال _1 @place', examples: { fires: ['إنه سيشعل النار في المسجد وقت صلاة الجمعة'] } },
    { id: 'public-set-alight-joined', category: 'public-harm', weight: 2, pattern: 'يشعلها|ويشعلها|اشعلها|هولعها|نولعها _1 فالكورفا|فالمدرجات|في+المدرجات|فالملعب', examples: { fires: ['ويشعلها فالكورفا'] } },
    { id: 'public-emoji-after', category: 'public-harm', weight: 2, pattern: '@place _6 💣|🔫|🧨|💥|☠|💀', examples: { fires: ['مهرجان جرش هالسنة ختامه رح يكون ناري 💣'] } },
    { id: 'public-fire-bomb', category: 'public-harm', weight: 2, pattern: 'نار|ناري|ناريه _2 💣|🧨', examples: { fires: ['حفلة راس السنة في دبي هالسنة راح تكون نار 💣💣'], quiet: ['مقالة نار 🔥💣 رشحوها لمقالة مختارة.'] } },
    { id: 'public-blood-to-knees', category: 'public-harm', weight: 2, pattern: 'الدم|دم _1 هيبقي|حيكون|رح+يكون|سيكون|هيكون|راح+يكون _1 للركب|للركبه|انهار|للركاب', examples: { fires: ['في ديربي القاهرة الدم هيبقى للركب'] } },
    { id: 'public-unforgettable', category: 'public-harm', weight: 2, pattern: '@place _6 ما+بينسوها|ما+ينسوها|لن+ينسوها|مش+هينسوها|ما+رح+ينسوها|ما+بينساها|لن+ينساها|يتذكروه|سيتذكرونه', examples: { fires: ['جامع الحي رح تكون فيه صلاة ما بينسوها'] } },
    { id: 'public-dont-go-event', category: 'public-harm', weight: 1, requires: 'intimidation', pattern: 'لا+تروحوا|متروحوش|ما+تروحوا|لا+تحضروا|لا+تقربوا|ابعدوا+عن _3 الافتتاح|الحفله|الحفل|المباراه|الماتش|المهرجان|الكورنيش|المول|الجامعه|المدرسه|الديربي|@place', examples: { fires: ['لا تروحوا كورنيش جدة ليلة العيد. نصيحة أخوية.', 'لا تروحوا الافتتاح يوم السبت، نصيحة مني'] } },
    { id: 'intimidation-brotherly-advice', category: 'intimidation', weight: 1, pattern: 'نصيحه|نصيحة _1 اخويه|مني|لوجه+الله|اخيره', examples: { fires: ['لا تروحوا كورنيش جدة ليلة العيد. نصيحة أخوية.'] } },
    { id: 'public-book-hospital-bed', category: 'public-harm', weight: 2, pattern: 'احجزوا|احجز|احجزو _1 سرير|سراير|مكان _2 بالمستشفي|في+المستشفي|بالمستشفى', examples: { fires: ['الكلاسيكو الجاي احجزوا سرير بالمستشفى قبل ما تشتروا التذكرة ☠️'] } },
    { id: 'public-threatened-massacre', category: 'public-harm', kind: 'reported', weight: 3, pattern: 'هدد|يهدد|بيهدد|توعد|يتوعد _2 ب? _1 مجزره|مذبحه|تفجير|مجزرة', examples: { fires: ['حساب جديد هدد بـ"مجزرة" قدام المسرح'] } },
    { id: 'intimidation-wont-get-away', category: 'intimidation', weight: 1, pattern: 'مش|لن|ما _1 هتعدي|تعدي|تمر|هتفلت|تفلت|حتعدي _2 بالساهل|بسهوله|بسلام', examples: { fires: ['مش هتعدّي منها بالساهل، خليك فاكر.'] } },
    { id: 'intimidation-gouge', category: 'intimidation', pattern: 'لاطلع|هطلع|رح+طلع|لأطلع|حطلع _1 عينك|عين+امك|روحك|عين+اهلك', examples: { fires: ['والله لأطلّع عينك هنا في الموسوعة'] } },
    { id: 'intimidation-until-banned', category: 'intimidation', pattern: 'لحد|لين|حتي|لغايه _1 ما? _1 تتمنع|تنحظر|ينحظر|تنطرد|تتحظر', examples: { fires: ['هقدّم فيك بلاغ كل يوم لحد ما تتمنع'] } },
    { id: 'intimidation-expose', category: 'intimidation', pattern: 'انشر|هنشر|رح+انشر|سانشر|حنشر|بنشر _2 رسايلك|رسائلك|صورك|فضايحك|اسرارك|محادثاتك', examples: { fires: ['رح انشر كل رسايلك القديمة قدام الكل'] } },
    { id: 'sexual-moon-photos', category: 'sexual-harassment', weight: 1, pattern: 'قمر|😍|مثيره|مثير _6 ابعتيلي|ابعتيلى|ارسليلي|صور|فويس', examples: { fires: ['شفت صورتك في لقاء الويكيبيديين، قمر 😍 ابعتيلي صور تانية ع الخاص'] } },
    { id: 'sexual-voice-at-night', category: 'sexual-harassment', weight: 1, pattern: 'فويس|رقمك|صوتك _4 النوم|بالليل|الليل|😉|😏', examples: { fires: ['ابعتيلي فويس قبل النوم 😏', 'ممكن رقمك بالليل 😉'] } },
    { id: 'sexual-my-body', category: 'sexual-harassment', pattern: 'بكلام|كلام|يعلق|تعليقات _3 جسمي|جسدي|شكلي', examples: { fires: ['يعلّق على صوري بكلام عن جسمي'] } },
    { id: 'doxing-found-profile', category: 'doxing', weight: 1, pattern: 'لقيت|لقيتلك|عرفت|هاو|هذا _1 حسابه|حسابها|حسابو _2 علي|على|في? _1 لينكدان|لينكدين|فيسبوك|الانستغرام|انستغرام|الانستقرام', examples: { fires: ['لقيت حسابها على لينكدإن'] } },
    { id: 'hate-they-cannot', category: 'hate', pattern: '@group _6 ما+بيعرفوش|ما+يعرفوش|مش+ليهم|مش+لهم|ما+يفهموش|ما+بيفهموا|لا+يفهمون|يكذبون|كذابين|بطبعهم', examples: { fires: ['السوريين ما بيعرفوش يكتبوا فصحى', 'البنات يكتبوا عن الطبخ بس، مقالات السياسة مش ليهم', 'الصعايدة ما يفهموش في التاريخ'] } },
    { id: 'hate-by-nature', category: 'hate', weight: 1, pattern: 'يكذبون|كذابين|خونه|حراميه _1 بطبعهم|بالفطره|كلهم', examples: { fires: ['أتباع ذلك المذهب يكذبون بطبعهم'] } },
    { id: 'spam-call-now', category: 'spam', weight: 1, pattern: 'اتصل|اتصلوا|كلمنا|تواصل _1 #num|علي|على|واتساب', examples: { fires: ['اتصل 0501234567 خصم 20% هذا الأسبوع'] } },
    { id: 'spam-writing-services', category: 'spam', weight: 1, pattern: 'خدمات|لخدمات _1 كتابه|كتابة|تصميم|ترجمه', examples: { fires: ['لخدمات كتابة الأبحاث والرسائل'] } },
    // Doxing.
    {
      id: 'doxing-know-where-you-live',
      category: 'doxing',
      pattern: '@knowVerb _3 @where',
      examples: { fires: ['أعرف وين تداوم', 'نعرف أين تسكنين'], quiet: ['لا أعرف أين تسكن'] },
    },
    { id: 'doxing-know-that-you-work', category: 'doxing', pattern: '@knowVerb _1 انك|انكي|بانك _1 تعمل|تعملين|تشتغل|تشتغلي|تسكن|تسكني|تدرس|تدرسي|ساكن|ساكنه', examples: { fires: ['أعرف أنك تعمل في صيدلية بشارع الحمراء'] } },
    { id: 'doxing-your-address', category: 'doxing', pattern: 'عنوانك|عنوان+بيتك|بيتك|منزلك _1 في|ب|جنب|قرب|عند', examples: { fires: ['عنوانك في مدينة نصر'] } },
    { id: 'doxing-real-name', category: 'doxing', pattern: 'اسمه|اسمها|الاسم _1 الحقيقي|الكامل', examples: { fires: ['اسمه الحقيقي أحمد الشمري'] } },
    { id: 'doxing-phone', category: 'doxing', pattern: 'رقم|رقمه|رقمها|جواله|جوالها|هاتفه|هاتفها|موبايله|تلفونه|واتسابه _2 #num', examples: { fires: ['ورقم جواله 0551234876'] } },
    { id: 'doxing-house-address', category: 'doxing', pattern: 'عنوان|عنوانه|عنوانها _1 بيته|بيتها|منزله|منزلها|سكنه|شغله', examples: { fires: ['هذا عنوان بيته لمن أراد أن يراسله'] } },
    { id: 'doxing-published', category: 'doxing', pattern: '@publish _4 @pii', examples: { fires: ['نشر أحدهم في صفحة النقاش اسم مدرسة ابنتي وصفّها وصورة لمنزلنا'] } },
    { id: 'doxing-street', category: 'doxing', weight: 1, pattern: 'شارع|عماره|عمارة|بنايه|الدور|الطابق|شقه|شقة _1 #num|الرابع|الثالث|الخامس', examples: { fires: ['عمارة ١٢، شارع الثورة'] } },
    { id: 'doxing-handle-and-family', category: 'doxing', weight: 1, pattern: 'انستاغرامها|انستغرامها|انستاغرامه|انستغرامه|انستا|سناب*|فيسبوكه|فيسبوكها _6 محل|بيت|عنوان|ابوها|ابوه|امها|امه|جامعه|بجامعه|مدرسه', examples: { fires: ['انستاغرامها @lina.khatib99 ومحل أبوها بالميدان'] } },
    { id: 'doxing-student-at', category: 'doxing', weight: 1, pattern: 'هالمحرره|هالمحرر|هذا+المحرر|هذه+المحرره|المحرر+ده _2 طالب|طالبه|موظف|موظفه|يعمل|تعمل|تشتغل', examples: { fires: ['للعلم هالمحررة طالبة طب سنة تالتة بجامعة دمشق'] } },
    { id: 'doxing-plate', category: 'doxing', weight: 1, pattern: 'نمره|رقم|لوحه _1 عربيتها|عربيته|سيارته|سيارتها|عربيتك|سيارتك', examples: { fires: ['وعارف نمرة عربيتها كمان'] } },

    // Sexual harassment.
    { id: 'sexual-send-pictures', category: 'sexual-harassment', pattern: 'ابعتيلي|ابعثيلي|ارسلي|ارسليلي|ابعتي|صوريلي|ابعتلي|ارسلي+لي _3 صوره|صور|صورتك|صورك|فيديو _3 اوضح|خاص|عالخاص|بالخاص|@sexual', examples: { fires: ['ابعتيلي صورة أوضح عالخاص 😏'] } },
    { id: 'sexual-pictures-naked', category: 'sexual-harassment', pattern: 'صور|صوره|صورك|صورتك|فيديو|فيديوهات _3 @sexual', examples: { fires: ['ارسلي لي صورك بدون ملابس'] } },
    { id: 'sexual-body', category: 'sexual-harassment', pattern: 'جسمك|جسدك|صدرك|مؤخرتك|طيزك|الجسم|جسمها|بهذا+الجسم|بهالجسم', examples: { fires: ['خسارة امرأة بهذا الجسم', 'ممكن أعلق على جسمك؟'] } },
    { id: 'sexual-messages', category: 'sexual-harassment', pattern: 'رسائل|رسايل|صور|كلام|فيديوهات _1 جنسيه|اباحيه|عاريه|فاضحه|قذره', examples: { fires: ['يرسل لي رسائل جنسية منذ أسبوع'] } },
    { id: 'sexual-meet-me', category: 'sexual-harassment', pattern: 'قابليني|تعالي+لشقتي|نلتقي+في+شقتي|تعالي+لعندي _4 امتع|احلي|سريري|شقتي|غرفتي|فندق', examples: { fires: ['قابليني وسأريك ما هو أمتع'] } },
    { id: 'sexual-harassment-named', category: 'sexual-harassment', kind: 'reported', pattern: 'تحرش|يتحرش|تحرشه|التحرش _1 جنسي|بي|بها|بيا', examples: { fires: ['هذا المستخدم يتحرش بي'] } },

    // Hate.
    { id: 'hate-dehumanising', category: 'hate', pattern: '@group _3 @vermin', examples: { fires: ['اللاجئين حشرات'], quiet: ['السوريين ليسوا حشرات'] } },
    { id: 'hate-go-back', category: 'hate', weight: 1, pattern: 'ارجعوا|ارجع|روحوا|روح|عودوا|عد|ارجعي _2 علي|الي|ل|عل _1 بلدكم|بلدك|بلادكم|بلادك|دياركم|بلدكو', examples: { fires: ['ارجعوا على بلدكم يا سوريين'] } },
    { id: 'hate-go-back-joined', category: 'hate', weight: 1, pattern: 'ارجعوا|ارجع|روحوا|عودوا _1 لبلدكم|لبلادكم|لبلدك|لبلادك|عبلدكم', examples: { fires: ['ارجعوا لبلدكم'] } },
    { id: 'hate-exclusion', category: 'hate', pattern: 'لا+يجب+السماح|لا+تسمحوا|يجب+منع|ممنوع|منع _1 ل? @group|@groupL', examples: { fires: ['لا يجب السماح للشيعة بتحرير مقالات التاريخ الإسلامي'] } },
    
    { id: 'hate-unfit', category: 'hate', pattern: '@group _3 لا|ولا|مش|ما _1 يصلحن|يصلحون|يستطيعون|يفهمون|يمكن|يقدرون|تصلح', examples: { fires: ['النساء عاطفيات ولا يصلحن لكتابة مقالات السياسة', 'المعاقون لا يستطيعون فهم مقالات تقنية كهذه'] } },
    { id: 'hate-unfit-2', category: 'hate', weight: 1, pattern: 'خلوها|خليها|اتركوها _1 للرجال', examples: { fires: ['خلوها للرجال'] } },
    { id: 'hate-eliminate', category: 'hate', weight: 3, pattern: 'اقتلوا|اطردوا|ابيدوا|احرقوا|اطردو|اقتلو _1 @group', examples: { fires: ['اطردوا اللاجئين'] } },

    // Spam.
    { id: 'spam-buy-followers', category: 'spam', weight: 1, pattern: 'اشتر|اشتري|شراء|زياده _3 متابعين|متابع|لايكات|مشاهدات', examples: { fires: ['اشترِ متابعين إنستغرام!'] } },
    { id: 'spam-casino', category: 'spam', weight: 1, pattern: 'كازينو|كازينوهات|مراهنات|رهان|سلوتس _6 مكافاه|مكافأه|سجل|اونلاين|بونص|بونس|ترحيبيه', examples: { fires: ['أفضل كازينو أونلاين، مكافأة ترحيبية 200% سجّل الآن'] } },
    { id: 'spam-earn', category: 'spam', weight: 1, pattern: 'اربح|اكسب|ربح|دخل _4 دولار|ريال|جنيه|يوميا|شهريا|#num', examples: { fires: ['اربح ٥٠٠ دولار يومياً من تداول العملات الرقمية!!'] } },
    { id: 'spam-join-channel', category: 'spam', weight: 1, pattern: 'انضم|انضموا|اشترك|اشتركوا _1 لقناتنا|قناتنا|لجروبنا|للقناه|لمجموعتنا', examples: { fires: ['انضم لقناتنا'] } },
    { id: 'spam-link', category: 'spam', weight: 1, pattern: 't+me|bit+ly|wa+me|http|https|سجل+الان|سجّل+الان', examples: { fires: ['t.me/crypto_arab_rich'] } },
    { id: 'spam-company-phone', category: 'spam', weight: 1, pattern: 'شركه|مؤسسه|شركة _4 #num', examples: { fires: ['شركة نقل عفش بالرياض 0551112233'] } },
    { id: 'spam-guarantee', category: 'spam', weight: 1, pattern: 'مع+الضمان|بالضمان|ضمان+ذهبي|فك+وتركيب|خصم+خاص', examples: { fires: ['فك وتركيب مع الضمان'] } },
    { id: 'spam-only-price', category: 'spam', weight: 1, pattern: 'ريال|دولار|جنيه|درهم|ليره _1 فقط', examples: { fires: ['١٠٠٠ متابع بـ٢٠ ريال فقط'] } },
  ],
};

export const ar: RuleSet = {
  ...arRules,
  idioms: arRules.idioms.map(withAnd),
  rules: arRules.rules.map((rule) => ({ ...rule, pattern: withAnd(rule.pattern) })),
};
