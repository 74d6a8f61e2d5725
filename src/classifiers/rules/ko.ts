/**
 * Korean rules. Words carry their particles and endings ("죽여버릴", "주소를"), so most words here are prefixes (x*)
 * of the verb forms that carry intent: 죽이겠- (will kill), 죽여버- (kill off), 찔러- (stab).
 */
import type { RuleSet } from './RuleSet.js';

export const ko: RuleSet = {
  language: 'ko',
  classes: {
    // Every form of killing and hurting with an intent: "죽이겠다", "죽여버릴", "찔러", and reported "죽이겠다고".
    kill: '죽여버* 죽이겠* 죽일 죽인다* 죽여 죽여줄* 찔러버* 찌르겠* 찌를 찔러 패버* 패죽* 때려죽* 쏴죽* 쏴버* 해치겠* 해칠 목졸라* 목을+졸라* 칼로+찔* 불태워버* 묻어버*',
    // The same, as said to someone's face (no reported-speech ending such as -다고).
    killSaid: '죽여버릴 죽여버린다 죽여버리겠다 죽여버리겠어 죽여버려 죽이겠다 죽이겠어 죽일 죽인다 죽여 죽여줄게 죽여준다 찔러버릴 찔러버린다 찔러버리겠다 찔러 찌르겠다 찌를 패버릴 패버린다 패죽인다 패죽일 때려죽인다 때려죽일 쏴죽인다 쏴죽일 쏴버린다 쏴버릴 해치겠다 해칠 목졸라+죽일 칼로+찔러',
    me: '저를 나를 날 절 저와 나와 제 내 우리를 저희를 저희 우리 가족을 제+가족을 내+가족을',
    kin: '엄마* 아빠* 팀장* 부장* 사장* 선생님* 상사* 마누라* 남편* 와이프* 어머니* 아버지* 교수님* 여친* 남친*',
    place: '교회* 학교* 교실* 역* 지하철* 사무실* 행사* 모임* 퍼레이드* 강당* 공항* 회의* 병원* 도서관* 경기장* 공연장* 성당* 절* 모스크* 시청* 광장* 백화점* 쇼핑몰* 축제* 집회* 본사* 건물*',
    group: '조선족* 흑인* 유대인* 무슬림* 이슬람* 동성애자* 게이* 레즈* 트랜스* 난민* 이민자* 외국인* 중국인* 짱깨* 여자들* 페미* 장애인* 흑형*',
    vermin: '벌레* 기생충* 쓰레기* 짐승* 바퀴벌레* 해충* 열등* 병균* 암덩어리* 동물* 원숭이*',
    sexual: '알몸* 나체* 누드* 성기* 야한 음란* 성적인 성적* 몸사진* 가슴사진* 자위* 벗은*',
    pii: '실명* 주소* 전화번호* 번호* 직장* 신상* 주민번호* 주민등록번호* 집+사진* 집사진* 회사* 학교*',
    publish: '올렸* 올려* 올리* 공개* 퍼뜨* 퍼트* 뿌렸* 뿌려* 유출* 털었* 털어* 박제*',
  },
  negation: { words: '안 못 않* 말* 마세요 마 아무도 절대', before: 2, after: 2 },
  clauseBreaks: '하지만 그런데 근데 그래서 왜냐하면 그리고',
  fictionCues: ['소설* 영화* 드라마* 악당* 주인공* 등장인물* 캐릭터* 가사* 줄거리* 장면* 에피소드* 웹툰* 만화* 게임에서 작품* 대사* 구절* 시에서 노래에서 애니* 책에서 책에는 책속에서 이야기에서 동화에서'.split(' ').join('|')],
  topicCues: [
    '문서* 기사* 출처* 신문* 뉴스* 정책* 지침* 예방* 통계* 역사* 위키백과* 단락* 항목* 용어* 표현* 예시* 단어*'.split(' ').join('|'),
    '어떻게 해야* 하나요|할까요|하죠|합니까',
    '어떤|무엇이|어떤+것이 _3 간주*|해당*|포함*',
    '누가|누군가 _3 올라오면|올리면|하면|쓰면',
  ],
  idioms: [
    '맛이|맛 진짜? 죽여*|죽이*|죽인*',
    '노래* 음악* 앨범* 경치* 분위기* 몸매* 비주얼* 연기* 풍경* 목소리* 춤* 무대* 떡볶이* 라면* 이거 이게'.split(' ').join('|') + ' _2 죽여*|죽이*|죽인*',
    '시간|시간을|시간만 죽이*|죽여*|죽이고*',
    '프로세스* 봇* 서버* 작업* 탭* 창* 세션* 앱* 프로그램*'.split(' ').join('|') + ' _2 죽여*|죽이*|죽일*|kill',
    '@kin _2 날|나를|저를|절|우리를 죽일*|죽이*|죽여*|죽이려*',
    '죽일 놈*|년*|새끼*|것*',
    '자살 예방*|방지*|상담*|예방|방지|률*|율*',
    '폭탄 세일*|세일|발언*|주*|머리*',
    '창피해서|쪽팔려서|부끄러워서 죽고',
  ],
  rules: [
    // Intimidation: telling someone to kill themselves claims its words before the self-harm rules see them.
    { id: 'intimidation-kill-yourself', category: 'intimidation', claims: true, pattern: '자살해라|자살해|죽어라|죽어버려|뒤져라|뒤져|디져라|나가죽어|죽어', examples: { fires: ['그냥 자살해라, 여기서 아무도 너 안 원해.'] } },
    { id: 'intimidation-you-are-finished', category: 'intimidation', weight: 1, pattern: '너|넌|너는|니 _2 끝이야|끝장이야|끝났어|끝장*' },
    { id: 'intimidation-wait-and-see', category: 'intimidation', weight: 1, pattern: '두고 봐*|보자' },

    // Threats to kill or hurt someone.
    {
      id: 'threat-kill',
      category: 'physical-harm',
      pattern: '@killSaid',
      examples: { fires: ['내 글 또 지우면 죽여버릴 거야.', '죽\u200b여\u200b버\u200b릴 거야'], quiet: ['이 떡볶이 맛이 죽여.', '팀장님이 날 죽일 거야'] },
    },
    { id: 'threat-kill-me', category: 'physical-harm', pattern: '@me _3 @kill', examples: { fires: ['그가 저와 제 가족을 죽이겠다고 했어요'], quiet: ['여기서 아무도 저를 죽이겠다고 하지 않았어요'] } },
    { id: 'threat-kill-reported', category: 'physical-harm', kind: 'reported', pattern: '@kill', examples: { fires: ['그 사람이 죽이겠다고 했어요'], quiet: ['뉴스에 따르면 범인이 인질을 죽이겠다고 했다'] } },
    { id: 'threat-bullet', category: 'physical-harm', pattern: '총알* _1 박아*|박을*|박겠*|쏴*|먹여*', examples: { fires: ['머리에 총알 박아줄게'] } },
    { id: 'threat-beat-to-death', category: 'physical-harm', pattern: '때려|패 죽이*|죽일*|죽여*|버릴*|버린*|버리겠*' },
    { id: 'threat-death-threats-received', category: 'physical-harm', pattern: '살해|죽이겠다는|죽인다는 협박*|위협* _2 받*|받았*' },
    { id: 'threat-visit-after-doxing', category: 'physical-harm', requires: 'doxing', weight: 3, pattern: '찾아간다|찾아갈*|찾아가겠*|찾아가서|간다|갈게|가겠*|찾아온다|찾아올*', examples: { fires: ['너네 집 어딘지 알아, 오늘 밤에 찾아간다.'] } },

    // Threats to the public.
    { id: 'public-blow-up', category: 'public-harm', weight: 3, pattern: '폭파하*|폭파해*|폭파할*|폭파시*|폭파하겠*|날려버*', examples: { fires: ['재단 사무실을 폭파하겠다고', '강당을 폭파해 버릴 거야'] } },
    { id: 'public-bomb-planted', category: 'public-harm', weight: 3, pattern: '폭탄* _2 설치*|숨겨*|숨겼*|놓았*|놨*|터뜨*|터트*|두었*|뒀*|심어*', examples: { fires: ['중앙역에 폭탄을 숨겨 놨다고'] } },
    { id: 'public-shooting', category: 'public-harm', weight: 3, pattern: '난사하*|난사할*|난사해*|난사하겠*', examples: { fires: ['총을 난사할 거다'] } },
    { id: 'public-kill-everyone', category: 'public-harm', kind: 'reported', weight: 3, pattern: '다|모두|전부|싹|몰살* _1 죽여*|죽이*|죽일*|쏴*|쏘*|죽인*', examples: { fires: ['다 죽여 버리겠다'] } },
    { id: 'public-ramming', category: 'public-harm', weight: 3, pattern: '트럭*|차*|차량*|군중*|사람들* _2 돌진*|밀고+들어*|들이받*', examples: { fires: ['퍼레이드 군중에 트럭으로 돌진하겠다고'] } },
    { id: 'public-attack-place', category: 'public-harm', weight: 3, pattern: '@place _3 테러하*|테러할*|습격하*|습격할*|공격하겠*|공격할*|불태우*|불지르*|불을+지르*|불+지르*|방화하*' },
    { id: 'public-bring-gun', category: 'public-harm', weight: 3, pattern: '총을|총|칼을|폭탄을 들고|가지고|갖고 _2 @place', examples: { fires: ['총을 가지고 학교에 가서'] } },

    // Self-harm intent.
    { id: 'self-suicide', category: 'self-harm', pattern: '자살하*|자살할*|자살해*|자살하고*|자살하겠*|자살하려*', examples: { fires: ['오늘 밤에 자살할 거야', '자살하고 싶다고 했어요'], quiet: ['자살하지 마세요'] } },
    { id: 'self-suicide-reported', category: 'self-harm', kind: 'reported', pattern: '자살을|자살 결심*|시도*|하겠*|할*|생각*', examples: { quiet: ['3장에서 주인공이 자살을 결심하는데'] } },
    { id: 'self-want-to-die', category: 'self-harm', pattern: '죽고싶*|죽고+싶*|죽어버리고*|죽고만+싶*', examples: { fires: ['죽고싶다 진짜', '그냥 죽고 싶어'], quiet: ['죽고 싶지 않아'] } },
    { id: 'self-not-want-to-live', category: 'self-harm', pattern: '살고 싶지 않*', examples: { fires: ['더는 살고 싶지 않아.'] } },
    { id: 'self-not-want-to-live-joined', category: 'self-harm', pattern: '살고싶지|살고싶지않*|살기싫*|살기+싫*' },
    { id: 'self-no-reason-to-live', category: 'self-harm', pattern: '살 이유가|이유도|이유* 없*', examples: { fires: ['더 이상 살 이유가 없어'] } },
    { id: 'self-end-life', category: 'self-harm', pattern: '목숨을|목숨 끊*|버리*', examples: { fires: ['목숨을 끊겠다고 했어요'] } },
    { id: 'self-end-it-all', category: 'self-harm', pattern: '생을|삶을 마감*|끝내*|포기*' },
    { id: 'self-end-everything', category: 'self-harm', pattern: '다|모든+걸|모든걸|전부 끝내고*|끝내버리*|끝내고싶*', examples: { fires: ['다 끝내고 싶다고 했어요'] } },
    { id: 'self-jump', category: 'self-harm', kind: 'reported', pattern: '뛰어내리*|뛰어내릴*|뛰어내린*|투신*', examples: { fires: ['다리에서 뛰어내리겠다고 했어요'] } },
    { id: 'self-cutting', category: 'self-harm', pattern: '손목을|손목 긋*|그었*|그어*|그을*', examples: { fires: ['또 손목을 그었어'] } },
    { id: 'self-harm-named', category: 'self-harm', kind: 'reported', pattern: '자해*' },
    { id: 'self-pills', category: 'self-harm', kind: 'reported', pattern: '수면제*|약을|알약* _2 모아*|모았*|삼켰*|삼킬*|다+먹*|전부+먹*', examples: { fires: ['수면제를 모아 뒀고'] } },

    // Doxing.
    { id: 'doxing-know-where-you-live', category: 'doxing', pattern: '사는지|사는+곳|어딘지|어디인지|주소 _2 알*|안다', examples: { fires: ['너 어디 사는지 다 알아', '너네 집 어딘지 알아'] } },
    { id: 'doxing-published', category: 'doxing', pattern: '@pii _4 @publish', examples: { fires: ['제 실명, 직장, 집 사진까지 올렸어요'] } },
    { id: 'doxing-doxxed', category: 'doxing', pattern: '신상* 털*|털었*|공개*|박제*' },
    { id: 'doxing-street-address', category: 'doxing', weight: 1, pattern: '*로|*길|*동|*구|*번지 _2 #num', examples: { fires: ['서울시 마포구 월드컵로 12, 303호'] } },

    // Sexual harassment.
    { id: 'sexual-send-nudes', category: 'sexual-harassment', pattern: '@sexual _4 보내*|보내달*|요구*|달라*|찍어*|보여*', examples: { fires: ['성적인 메시지와 자기 성기 사진을 보내요', '알몸 사진을 보내 달라고'] } },
    { id: 'sexual-harassment-named', category: 'sexual-harassment', kind: 'reported', pattern: '성희롱*|성추행*|성폭력*' },

    // Hate.
    { id: 'hate-dehumanising', category: 'hate', pattern: '@group _3 @vermin', examples: { fires: ['조선족들은 벌레니까'] } },
    { id: 'hate-expel', category: 'hate', pattern: '@group _4 쫓아내*|추방*|몰아내*|없애*|박멸*|죽여야*' },

    // Spam.
    { id: 'spam-click-here', category: 'spam', weight: 1, pattern: '여기를|링크 클릭*|눌러*' },
    { id: 'spam-gambling', category: 'spam', weight: 1, pattern: '카지노*|토토*|바카라*|슬롯* _3 가입*|보너스*|무료*' },
  ],
};
