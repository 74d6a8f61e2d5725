// Unit tests of classifyText (src/classifiers/classifyText.ts): the command's verdict, languages, and bad or hostile input.
import { describe, expect, it } from 'vitest';
import { classifyText } from '../../../src/classifiers/index.js';
import { named } from '../../support/named.js';

describe('classifyText', () => {
  it('when a text states self-harm intent, then the verdict has the command\'s shape', () => {
    expect(classifyText('I want to kill myself', 'en')).toEqual({
      emergency: true,
      physicalHarmType: 'threats-self-harm',
      behaviorType: null,
      signals: [{ rule: 'en/self-kill-myself', match: 'kill myself', language: 'en', category: 'self-harm' }],
    });
  });

  it('when a text is not an emergency but matches a behaviour type, then behaviorType names it', () => {
    expect(classifyText('He posted my real name', 'en')).toMatchObject({ emergency: false, physicalHarmType: null, behaviorType: 'doxing' });
  });

  it('when no language is given, then the rule sets of the text\'s script are tried', () => {
    expect(classifyText('Я тебе вб\'ю').signals[0]!.language).toBe('uk');
    expect(classifyText('죽여버릴 거야').signals[0]!.language).toBe('ko');
    expect(classifyText('Ich bring dich um').signals[0]!.language).toBe('de');
  });

  it('when the given language is not the text\'s, then only the given language\'s rules run', () => {
    expect(classifyText('Vou te matar', 'en').emergency).toBe(false);
    expect(classifyText('Vou te matar', 'pt').emergency).toBe(true);
  });

  it('when a text mixes two languages, then each part is read by its own rules', () => {
    const v = classifyText('I will kill you. Я тебе вб\'ю.');
    expect(new Set(v.signals.map((s) => s.language))).toEqual(new Set(['en', 'uk']));
  });
});

describe('classifyText: bad input', () => {
  it.each(named([
    { name: 'an empty text', text: '' },
    { name: 'only spaces and line breaks', text: ' \n\t \r\n ' },
    { name: 'only emoji', text: '😀😡🔪💣🔫 👍🏽👨‍👩‍👧' },
    { name: 'only punctuation', text: '!!!???...,,,"""\'\'\'' },
    { name: 'only zero-width and bidi characters', text: '\u200B\u200C\u200D\u200E\u200F\u202A\u202E\u2066\u2069\uFEFF' },
    { name: 'a lone surrogate', text: '\uD800 abc \uDFFF' },
    { name: 'unbalanced quotation marks', text: '"«„“ he said \' and then »' },
    { name: 'Arabic and Hebrew (no rule set)', text: 'سأقتلك אני אהרוג אותך' },
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
