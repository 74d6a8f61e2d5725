/** Indonesian rules, formal and colloquial (gue/lo). Affixed forms are listed: membunuh, kubunuh, membunuhmu. */
import type { RuleSet } from './RuleSet.js';

export const id: RuleSet = {
  language: 'id',
  classes: {
    aku: 'aku saya gue gw gua kami kita ane',
    kamu: 'kamu kau lo lu loe elo elu anda dikau',
    akan: 'akan bakal bakalan mau ingin pengen pingin hendak siap',
    bunuh: 'bunuh membunuh kubunuh bunuhin bantai membantai habisi menghabisi habisin hajar menghajar kuhajar hajarin pukul memukul memukuli pukulin tusuk menusuk kutusuk tusukin tembak menembak kutembak tembakin bacok membacok kubacok cekik mencekik gorok menggorok perkosa memperkosa siksa menyiksa bakar membakar sakiti menyakiti lukai melukai mampusin gebukin',
    bunuhmu: 'membunuhmu bunuhmu kubunuhmu menghajarmu menusukmu menembakmu membacokmu mencekikmu memperkosamu menyakitimu melukaimu menghabisimu',
    bunuhku: 'membunuhku menghajarku menusukku menembakku memperkosaku menyakitiku melukaiku menghabisiku',
    ku: 'kubunuh kutusuk kuhajar kutembak kubacok kucekik kubakar kuhabisi kuperkosa kugorok',
    saya: 'saya aku gue gw kami keluarga keluargaku keluarga+saya anakku anak+saya',
    ancam: 'mengancam ancam mengancamku mengancamnya diancam',
    tempat: 'sekolah kampus universitas kantor gedung gereja masjid sinagoga pura vihara klenteng stasiun bandara mall mal pusat+perbelanjaan acara kopdar pawai konser stadion rumah+sakit perpustakaan aula seminar kerumunan pasar kelas',
    ledak: 'meledakkan ledakkan mengebom ngebom membom menembaki tembaki menyerang serang membakar bakar menabrakkan tabrakkan menabrak tabrak membantai bantai',
    senjata: 'senjata pistol senapan bedil golok parang pisau celurit bom',
    tinggi: 'jembatan gedung atap lantai balkon tebing jendela menara flyover',
    sebar: 'menyebarkan menyebar sebar nyebarin membagikan bagikan memposting posting mempublikasikan membocorkan bocorin ngebocorin mengunggah unggah upload',
    data: 'alamat alamat+rumah nomor+hp nomor+telepon nomor+telpon no+hp nama+asli nama+lengkap ktp nik paspor tempat+kerja foto+rumah kartu+keluarga plat+nomor',
    minta: 'minta meminta mengirim kirim ngirim mengirimi kirimin nyuruh menyuruh memaksa maksa',
    seksual: 'bugil telanjang mesum cabul porno bokep seksual kelamin* kemaluan penis vagina payudara sange',
    kelompok: 'cina china tionghoa yahudi kafir homo banci bencong waria lgbt gay imigran pengungsi rohingya ahmadiyah syiah negro',
    hina: 'kotor anjing babi monyet binatang hewan sampah najis parasit tikus kecoa hama penyakit',
    keluarga: 'ibu ibuku mama mamaku bapak bapakku ayah ayahku bos bosku istri istriku suami suamiku guru pacar pacarku nyokap bokap',
  },
  negation: { words: 'tidak tak nggak gak ga enggak ngga bukan jangan tiada belum', before: 3, after: 0 },
  clauseBreaks: 'tapi tetapi namun bahwa karena dan lalu bilang berkata menulis',
  fictionCues: [
    'novel|film|sinetron|tokoh|penjahatnya|penjahat|protagonis|antagonis|narator|lirik|lagu|lagunya|puisi|bait|refrein|alur|plot|naskah|fiksi|fiktif|adegan|komik|anime|manga|cerpen|dongeng',
    'di|dalam buku|game|permainan|episode|serial|bab',
  ],
  topicCues: [
    'artikel|wikipedia|bagian|paragraf|sumber|referensi|rujukan|koran|berita|judul|kebijakan|pedoman|aturan|pencegahan|esai|sejarah|statistik|topik|istilah|kata|ungkapan|contoh',
    'surat kabar',
    'menurut koran|sumber|polisi|berita|artikel',
    'bagaimana admin|kita|cara|menangani|mengatasi',
    'apa yang dianggap|termasuk',
    'kalau|jika|apabila seseorang|ada+yang|pengguna',
  ],
  idioms: [
    'mati gaya|ketawa|tertawa|penasaran|kelaparan|kehausan|kebosanan|bosan|kutu|lampu|listrik|suri|konyol|kepanasan|kedinginan|kangen|rindu',
    'rela|siap mati demi|untuk',
    'membunuh|bunuh waktu|kebosanan|sepi|rasa|kebosanannya',
    'kill|bunuh|matikan|matiin proses|prosesnya|aplikasi|program|server|servernya|bot',
    'bom waktu',
    'serangan jantung|panik|asma',
    '@keluarga _1 @akan|pasti _1 membunuhku|bunuh+aku|membunuh+aku|marah',
    'pencegahan|cegah|layanan|hotline|kasus|angka|tingkat|pencegah bunuh diri',
  ],
  rules: [
    // Intimidation: "bunuh diri aja lo" is "go kill yourself".
    { id: 'intimidation-kill-yourself', category: 'intimidation', claims: true, pattern: 'bunuh diri aja|saja|sana|lah|deh|dong @kamu?', examples: { fires: ['Bunuh diri aja lo, gak ada yang butuh lo di sini.'] } },
    { id: 'intimidation-go-die', category: 'intimidation', claims: true, pattern: '^ mati|mampus aja|saja|sana|lah @kamu?' },
    { id: 'intimidation-watch-out', category: 'intimidation', weight: 1, pattern: 'awas kau|kamu|lo|lu|lho? $|ya|nanti' },
    { id: 'intimidation-regret', category: 'intimidation', weight: 1, pattern: '@kamu akan|bakal menyesal' },

    // Threats to kill or hurt someone.
    { id: 'threat-akan-membunuhmu', category: 'physical-harm', pattern: '@akan _1 @bunuhmu', examples: { fires: ['Aku akan membunuhmu'], quiet: ['Aku tidak akan menyakitimu'] } },
    { id: 'threat-bunuh-kamu', category: 'physical-harm', pattern: '@aku|@akan _2 @bunuh _1 @kamu', examples: { fires: ['gw bakal bunuhhh lo'] } },
    { id: 'threat-kubunuh-kau', category: 'physical-harm', pattern: '@ku _1 @kamu|sampai|$', examples: { fires: ['kutusuk kau', 'akan kuhajar sampai mampus'] } },
    { id: 'threat-tembak-kepala', category: 'physical-harm', pattern: 'tembak|menembak|kutembak|tusuk|menusuk _1 kepala|kepalamu|perut|perutmu|dada|dadamu|jantungmu', examples: { fires: ['gue tembak kepala lo'] } },
    { id: 'threat-akan-membunuh-saya', category: 'physical-harm', pattern: '@akan _1 @bunuh _1 @saya', examples: { fires: ['Dia bilang akan membunuh saya'] } },
    { id: 'threat-membunuhku', category: 'physical-harm', pattern: '@akan _1 @bunuhku', examples: { quiet: ['Ibuku bakal membunuhku kalau aku telat.'] } },
    { id: 'threat-mengancam-saya', category: 'physical-harm', pattern: '@ancam _1 akan? _1 @bunuh _1 @saya', examples: { fires: ['mengancam akan memukuli saya'] } },
    { id: 'threat-reported', category: 'physical-harm', kind: 'reported', pattern: '@ancam _1 akan? _1 @bunuh', examples: { quiet: ['Dalam novel itu, penjahatnya mengancam akan membunuh raja.'] } },
    { id: 'threat-death-threats-received', category: 'physical-harm', pattern: 'kirim|mengirim|mengirimi|dapat|mendapat|menerima|terima|dikirimi _3 ancaman pembunuhan|mati|kematian|pemerkosaan' },
    { id: 'threat-kamu-sudah-mati', category: 'physical-harm', pattern: '@kamu sudah|udah|bakal|akan|pasti|bakalan mati|mampus|tamat', examples: { fires: ['Kamu sudah mati'] } },
    { id: 'threat-visit-after-doxing', category: 'physical-harm', requires: 'doxing', weight: 3, pattern: '@aku _2 datang|datangi|kesana|ke+sana|kesitu|ke+rumahmu|jemput|samperin|nyamperin|mendatangi|datengin|cari|mencarimu', examples: { fires: ['aku tahu rumahmu dan aku datang malam ini'] } },

    // Threats to the public.
    { id: 'public-attack', category: 'public-harm', weight: 3, pattern: '@akan _2 @ledak _4 @tempat', examples: { fires: ['Aku akan meledakkan aula', 'Dia mengancam akan mengebom kantor yayasan.'] } },
    { id: 'public-kill-everyone', category: 'public-harm', kind: 'reported', weight: 3, pattern: '@bunuh|tembaki|menembaki _2 semua+orang|semuanya|mereka+semua|kalian+semua|semua', examples: { fires: ['menembak semua orang di sekolah', 'membunuh mereka semua'] } },
    { id: 'public-bomb-planted', category: 'public-harm', weight: 3, pattern: 'menaruh|taruh|naruh|meletakkan|pasang|memasang|menanam|tanam|menyimpan|sembunyikan|menyembunyikan|naruh _2 bom|bahan+peledak|peledak', examples: { fires: ['dia sudah menaruh bom di stasiun pusat'] } },
    { id: 'public-there-is-a-bomb', category: 'public-harm', weight: 3, pattern: 'ada bom|peledak di|dalam' },
    { id: 'public-bring-weapon', category: 'public-harm', weight: 3, pattern: 'bawa|membawa|bawain|kubawa _2 @senjata _3 ke|di _2 @tempat', examples: { fires: ['aku bawa senapan ke gereja'] } },
    { id: 'public-drive-into-crowd', category: 'public-harm', weight: 3, pattern: 'menabrakkan|tabrakkan|menabrak|tabrak _3 kerumunan|pawai|orang-orang|massa' },

    // Self-harm intent.
    { id: 'self-akan-bunuh-diri', category: 'self-harm', pattern: '@akan|@aku _2 bunuh diri', examples: { fires: ['Aku akan bunuh diri malam ini', 'aku mau bunuh diri'], quiet: ['Jangan bunuh diri ya'] } },
    { id: 'self-bunuh-diri-reported', category: 'self-harm', kind: 'reported', pattern: 'bunuh diri', examples: { fires: ['bilang akan bunuh diri'], quiet: ['Tokoh di bab 3 memutuskan bunuh diri.'] } },
    { id: 'self-gantung-diri', category: 'self-harm', pattern: 'gantung|menggantung diri|dirinya' },
    { id: 'self-tidak-mau-hidup', category: 'self-harm', pattern: 'tidak|nggak|gak|ga|enggak|ngga|tak _1 mau|ingin|pengen|kepengen|sanggup _1 hidup lagi|$', examples: { fires: ['Aku tidak mau hidup lagi.'] } },
    { id: 'self-ingin-mati', category: 'self-harm', pattern: 'ingin|mau|pengen|pingin|kepengen|lebih+baik mati|mampus', examples: { fires: ['pengen mati aja'], quiet: ['Aku rela mati demi kopi'] } },
    { id: 'self-no-reason-to-live', category: 'self-harm', pattern: 'tidak|gak|nggak|tak ada|punya alasan|gunanya _1 untuk|buat? hidup|lagi+hidup', examples: { fires: ['tidak ada alasan untuk hidup'] } },
    { id: 'self-mengakhiri-hidup', category: 'self-harm', pattern: 'mengakhiri|akhiri|mengakhirinya|menyudahi hidup|hidupnya|hidupku|semuanya|semua+ini|nyawaku|nyawanya', examples: { fires: ['ingin mengakhiri semuanya'] } },
    { id: 'self-jump', category: 'self-harm', kind: 'reported', pattern: 'lompat|melompat|loncat|terjun|menjatuhkan+diri _2 dari _2 @tinggi', examples: { fires: ['akan lompat dari jembatan'] } },
    { id: 'self-cutting', category: 'self-harm', pattern: 'menyayat|sayat|silet|menyilet|nyilet|menggores|gores _1 tangan|tanganku|nadi|nadiku|lengan|lenganku|pergelangan', examples: { fires: ['Aku menyayat tanganku lagi'] } },
    { id: 'self-pills', category: 'self-harm', kind: 'reported', pattern: 'mengumpulkan|kumpulin|ngumpulin|menimbun|nimbun|menelan|nelen _2 semua|sebotol|segenggam? _1 obat|pil|obat+tidur|pil+tidur', examples: { fires: ['sudah mengumpulkan obat'] } },

    // Doxing.
    { id: 'doxing-know-where-you-live', category: 'doxing', pattern: 'tahu|tau|kutahu|ketemu|nemu|dapat _2 rumahmu|rumah+kamu|rumah+lo|rumah+lu|rumahnya|alamatmu|alamat+kamu|alamat+lo|alamatnya|kantormu|tempat+tinggalmu|di+mana+kamu+tinggal|dimana+kamu+tinggal|dimana+lo+tinggal', examples: { fires: ['aku tahu rumahmu'] } },
    { id: 'doxing-published', category: 'doxing', pattern: '@sebar _4 @data', examples: { fires: ['Dia menyebarkan nama asli saya'] } },
    { id: 'doxing-street-address', category: 'doxing', weight: 1, pattern: 'jalan|jl|jln|gang|gg|komplek|perumahan|blok _4 no|nomor #num', examples: { fires: ['Jalan Melati No. 12'] } },
    { id: 'doxing-rt-rw', category: 'doxing', weight: 1, pattern: 'rt #num rw #num' },

    // Sexual harassment.
    { id: 'sexual-send-nudes', category: 'sexual-harassment', pattern: '@minta _4 @seksual', examples: { fires: ['Dia terus mengirimi saya pesan mesum'] } },
    { id: 'sexual-harassment-named', category: 'sexual-harassment', kind: 'reported', pattern: 'pelecehan seksual' },
    { id: 'sexual-harassing-me', category: 'sexual-harassment', pattern: 'melecehkan|dilecehkan|lecehkan|melecehkanku' },
    { id: 'sexual-groping', category: 'sexual-harassment', pattern: 'meraba|meraba-raba|grepe|grepe-grepe|menggerayangi|gerayangi' },
    { id: 'sexual-sex-with', category: 'sexual-harassment', pattern: 'ngajak|mengajak|ajak _2 ngeseks|berhubungan+seks|tidur+bareng|ml' },

    // Hate.
    { id: 'hate-dehumanising', category: 'hate', pattern: 'orang? @kelompok _3 itu|adalah|semua? _2 @hina', examples: { fires: ['Orang Cina itu kotor'] } },
    { id: 'hate-expel', category: 'hate', pattern: 'usir|basmi|bantai|musnahkan|ganyang|bunuh _2 @kelompok' },
    { id: 'hate-expel-after', category: 'hate', pattern: '@kelompok _4 usir|basmi|bantai|musnahkan|ganyang|keluar+dari+negeri|pulang+ke+negara', examples: { fires: ['Orang Cina itu kotor, usir mereka semua dari negeri ini.'] } },

    // Spam.
    { id: 'spam-click-here', category: 'spam', weight: 1, pattern: 'klik|kunjungi link|disini|di+sini|tautan' },
    { id: 'spam-earn-money', category: 'spam', weight: 1, pattern: 'dapatkan|hasilkan uang|jutaan|cuan _3 per|dari hari|bulan|rumah' },
    { id: 'spam-gambling', category: 'spam', weight: 1, pattern: 'slot|judi|togel|gacor _3 online|bonus|daftar|maxwin' },
  ],
};
