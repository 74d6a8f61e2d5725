// Unit tests of classifyText (src/classifiers/classifyText.ts): the command's verdict, languages, and bad or hostile input.
import { describe, expect, it } from 'vitest';
import { classifyText } from '../../../src/classifiers/index.js';
import { named } from '../../support/named.js';

describe('classifyText', () => {
  it('when a text states self-harm intent, then the verdict has the command\'s shape', () => {
    expect(classifyText('I want to kill myself', 'en')).toEqual({
      language: 'en',
      readable: true,
      emergency: true,
      physicalHarmType: 'threats-self-harm',
      behaviorType: null,
      signals: expect.arrayContaining([{ rule: 'en/self-kill-myself', match: 'kill myself', language: 'en', category: 'self-harm' }]),
    });
  });

  it('when a text is not an emergency but matches a behaviour type, then behaviorType names it', () => {
    expect(classifyText('He posted my real name', 'en')).toMatchObject({ emergency: false, physicalHarmType: null, behaviorType: 'doxing' });
  });

  it('when no language is given, then the language is read from the text and its rules run', () => {
    expect(classifyText('Я тебе вб\'ю').signals[0]!.language).toBe('uk');
    expect(classifyText('죽여버릴 거야').signals[0]!.language).toBe('ko');
    expect(classifyText('Ich bring dich um').signals[0]!.language).toBe('de');
  });

  it('when the given language is not the text\'s, then the text\'s own language is read too', () => {
    const v = classifyText('Vou te matar amanhã', 'en');
    expect(v).toMatchObject({ language: 'pt', readable: true, emergency: true });
    expect(v.signals.map((s) => s.language)).toContain('pt');
  });

  it.each(named([
    { name: 'Russian', text: 'Я тебя найду и убью, понял?', language: 'ru' },
    { name: 'Japanese', text: 'お前を殺してやる', language: 'ja' },
    { name: 'Chinese', text: '我要杀了你全家', language: 'zh' },
    { name: 'Persian', text: 'می‌کشمت، منتظر باش', language: 'fa' },
    { name: 'Hindi', text: 'मैं तुम्हें जान से मार दूंगा', language: 'hi' },
    { name: 'Turkish', text: 'Seni öldüreceğim, bekle', language: 'tr' },
  ]))('when a plain threat is written in %s, then the language is named and the threat found', (_, { text, language }) => {
    expect(classifyText(text)).toMatchObject({ language, readable: true, emergency: true });
  });

  it('when a text is in a language without rules, then the verdict says it could not be read', () => {
    expect(classifyText('אני אמצא אותך ואהרוג אותך, חכה')).toMatchObject({ language: 'he', readable: false });
    expect(classifyText('ฉันจะฆ่าแกพรุ่งนี้ตอนเช้า รอดูเถอะ')).toMatchObject({ language: 'th', readable: false });
  });

  it('when a text mixes two languages, then each part is read by its own rules', () => {
    const v = classifyText('I will kill you. Я тебе вб\'ю.');
    expect(new Set(v.signals.map((s) => s.language))).toEqual(new Set(['en', 'uk']));
  });

  it('when a text holds the word "</s>" (struck-out markup), then its language is read past it', () => {
    // To fastText "</s>" ends the line: read as it is, this text would be "hello", English at 0.24.
    expect(classifyText('hello </s> bonjour tout le monde et merci beaucoup').language).toBe('fr');
  });
});

describe('classifyText: bad input', () => {
  it.each(named([
    { name: 'emoji only', text: '🔪🔪💀💀', language: 'zxx', readable: true },
    { name: 'one letter', text: 'a', language: 'und', readable: true },
    { name: 'one Chinese character', text: '殺', language: 'und', readable: true },
    { name: '1,000 of one emoji', text: '💣'.repeat(1000), language: 'zxx', readable: true },
    { name: 'digits and punctuation', text: '12:30 — 4/5 ???', language: 'zxx', readable: true },
  ]))('when the text is %s, then the verdict says what it could read', (_, { text, language, readable }) => {
    expect(classifyText(text)).toMatchObject({ language, readable });
  });

  it.each(named([
    { name: '1,000 of one letter', text: 'a'.repeat(1000) },
    { name: '1,000 of one Cyrillic letter', text: 'ж'.repeat(1000) },
    { name: '1,000 of one Chinese character', text: '死'.repeat(1000) },
    { name: 'four scripts, sentence by sentence', text: 'I will kill you. Я тебя убью. 殺してやる。سأقتلك' },
    { name: 'four scripts in one word', text: 'kіllуоu죽여殺すقتل' },
  ]))('when the text is %s, then it gets a verdict naming a language', (_, { text }) => {
    const v = classifyText(text);
    expect(v.language).toMatch(/^[a-z]{2,3}$/u);
    expect(typeof v.readable).toBe('boolean');
  });

  it('when threats in four scripts follow one another, then each is read by its own language\'s rules', () => {
    const v = classifyText('I will kill you. Я тебя убью, сука. お前を殺してやる。');
    expect(new Set(v.signals.filter((s) => !s.rule.startsWith('model/')).map((s) => s.language))).toEqual(new Set(['en', 'ru', 'ja']));
  });

  it.each(named([
    { name: 'an empty text', text: '' },
    { name: 'only spaces and line breaks', text: ' \n\t \r\n ' },
    // Weapons alone (🔪💣🔫 after an angry face) may be read as a threat by the model, as emoji used as words should.
    { name: 'only emoji', text: '😀😡🎉 👍🏽👨‍👩‍👧' },
    { name: 'only punctuation', text: '!!!???...,,,"""\'\'\'' },
    { name: 'only zero-width and bidi characters', text: '\u200B\u200C\u200D\u200E\u200F\u202A\u202E\u2066\u2069\uFEFF' },
    { name: 'a lone surrogate', text: '\uD800 abc \uDFFF' },
    { name: 'unbalanced quotation marks', text: '"«„“ he said \' and then »' },
    { name: 'mixed scripts in one word', text: 'kіllуоu 죽kill여 вбkill' },
  ]))('when the text is %s, then it is classified without error', (_, { text }) => {
    const v = classifyText(text);
    expect(v.emergency).toBe(false);
    expect(Array.isArray(v.signals)).toBe(true);
  });

  it.each(named([
    { name: 'zero-width spaces', text: 'I will k\u200Bi\u200Bl\u200Bl y\u200Bo\u200Bu' },
    { name: 'zero-width joiners and non-joiners', text: 'I will k\u200Dil\u200Cl you' },
    { name: 'a soft hyphen and a word joiner', text: 'I will ki\u00ADl\u2060l you' },
    { name: 'right-to-left marks', text: '\u202EI will kill you\u202C' },
    { name: 'Cyrillic look-alike letters', text: 'I will kіll уоu' },
    { name: 'fullwidth letters', text: 'Ｉ ｗｉｌｌ ｋｉｌｌ ｙｏｕ' },
    { name: 'spaced letters', text: 'I will k i l l you' },
    { name: 'leetspeak', text: 'i w1ll k1ll y0u' },
    { name: 'zero-width spaces in Korean', text: '죽\u200B여\u200B버\u200B릴 거야' },
    { name: 'zero-width spaces in Ukrainian', text: 'я тебе вб\u200Bʼю' },
  ]))('when a threat is disguised with %s, then it is still found', (_, { text }) => {
    expect(classifyText(text).emergency).toBe(true);
  });

  it('when a signal quotes a disguised text, then the zero-width and direction marks are not in the match', () => {
    const [signal] = classifyText('I will k\u200Bill y\u202Eou', 'en').signals;
    expect(signal!.match).toBe('I will kill you');
  });

  it.each(named([
    { name: 'one 100 KiB word', text: 'a'.repeat(100 * 1024) },
    { name: '100 KiB of "i will "', text: 'i will '.repeat(15_000) },
    { name: '100 KiB of threats', text: 'I will kill you. '.repeat(6_000) },
    { name: '100 KiB of spaced letters', text: 'k i l l '.repeat(12_800) },
    { name: '100 KiB of single digits', text: '1 '.repeat(51_200) },
    { name: '100 KiB of zero-width characters between letters', text: 'k\u200B'.repeat(51_200) },
    { name: '100 KiB of quotation marks', text: '"\'«»'.repeat(25_600) },
    { name: '100 KiB of combining marks', text: 'k\u0336'.repeat(51_200) },
    { name: '100 KiB of digits and dashes (phone-like)', text: '12-34 '.repeat(17_000) },
    { name: '100 KiB of emoji', text: '😀'.repeat(25_600) },
  ]))('when the text is %s, then it is classified (in linear time: no timing asserted)', (_, { text }) => {
    const v = classifyText(text);
    expect(typeof v.emergency).toBe('boolean');
    expect(v.signals.length).toBeLessThanOrEqual(25);
  });

  it('when a text is longer than the limit, then what comes after the limit is not read', () => {
    const v = classifyText(`${'x '.repeat(150_000)}I will kill you`, 'en');
    expect(v.emergency).toBe(false);
  });
});
