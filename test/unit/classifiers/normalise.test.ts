// Unit tests of text normalisation and tokenising (src/classifiers/normalise.ts): what the rules see of a text.
import { describe, expect, it } from 'vitest';
import { classifyText } from '../../../src/classifiers/index.js';
import { collapseRepeats, normaliseForMatching, normaliseRuleWord, tokenize } from '../../../src/classifiers/normalise.js';
import { named } from '../../support/named.js';

/** The forms the rules match against, word by word. */
const forms = (text: string) => tokenize(text).map((t) => t.forms[0]);

describe('normaliseForMatching', () => {
  it.each(named([
    { name: 'fullwidth letters (NFKC)', input: 'Ｉ ｗｉｌｌ ｋｉｌｌ ｙｏｕ', output: 'i will kill you' },
    { name: 'a ligature (NFKC)', input: 'ﬁnd you', output: 'find you' },
    { name: 'upper case', input: 'I WILL KILL YOU', output: 'i will kill you' },
    { name: 'German sharp s (case folding)', input: 'STRASSE Straße', output: 'strasse strasse' },
    { name: 'Latin accents (folded)', input: 'Você está morto, ameaçou', output: 'voce esta morto ameacou' },
    { name: 'Ukrainian й and ї (kept: no folding for Cyrillic)', input: 'Її мій', output: 'її мій' },
    { name: 'Hangul written as separate jamo (NFKC composes)', input: '\u1112\u1161\u11AB', output: '한' },
    { name: 'zero-width spaces inside a word', input: 'ki\u200Bll y\u200Cou', output: 'kill you' },
    { name: 'a word joiner and a soft hyphen', input: 'k\u2060il\u00ADl', output: 'kill' },
    { name: 'right-to-left and bidi isolate marks', input: '\u202Ekill\u202C \u2067you\u2069 \u200Fnow', output: 'kill you now' },
    { name: 'a byte order mark', input: '\uFEFFkill', output: 'kill' },
    { name: 'combining marks stacked on Latin letters', input: 'k\u0336i\u0338l\u0335l\u0337', output: 'kill' },
    { name: 'stray combining marks on Cyrillic letters', input: 'вб\u0301ю', output: 'вбю' },
    { name: 'leetspeak digits', input: 'k1ll y0u', output: 'kill you' },
    { name: 'leetspeak symbols', input: 'm@t@r $hit k!ll', output: 'matar shit kill' },
    { name: 'a Cyrillic word with a Latin look-alike and a digit', input: 'т3бе', output: 'тебе' },
    { name: 'a Latin word with Cyrillic look-alikes', input: 'kіll уоu', output: 'kill you' },
    { name: 'English contractions', input: "I'll kill you, I won't stop, don't", output: 'i will kill you i will not stop do not' },
    { name: 'typographic apostrophes', input: 'I’ll stop, вбʼю, вб’ю', output: 'i will stop вбю вбю' },
    { name: 'French elisions', input: "j'vais t'égorger", output: 'j vais t egorger' },
    { name: 'Portuguese clitics', input: 'matá-lo', output: 'mata lo' },
    { name: 'spaced letters', input: 'k i l l you', output: 'kill you' },
    { name: 'letters separated by dots', input: 'k.i.l.l you', output: 'kill you' },
    { name: 'letters separated by dashes', input: 'k-i-l-l', output: 'kill' },
    { name: 'spaced letters between standalone words', input: 'i k i l l u', output: 'i kill u' },
    { name: 'spaced Hangul syllables', input: '죽 여 버 린 다', output: '죽여버린다' },
    { name: 'plain numbers (kept as numbers)', input: 'flat 3, 42 Elm Street, 1998', output: 'flat 3 42 elm street 1998' },
    { name: 'numbers with units (not leetspeak)', input: 'às 15h, 3e étage, 42nd', output: 'as 15h 3e etage 42nd' },
    { name: 'emoji only (each a word)', input: '😀🔪💣', output: '😀 🔪 💣' },
    { name: 'emoji glued to words, with presentation selectors', input: 'kill🔪you ☠️☠️', output: 'kill 🔪 you ☠ ☠' },
    { name: 'Japanese (cut into words by the dictionary)', input: '殺してやる', output: '殺 してやる' },
    { name: 'Chinese (cut into words by the dictionary)', input: '我知道你住在哪里', output: '我知道 你 住在 哪里' },
    { name: 'Persian with vowel marks, tatweel, ZWNJ and the Persian kaf and yeh', input: 'مـــن تـو را مـی‌کُشـم', output: 'من تو را ميكشم' },
    { name: 'Arabic with hamza on alef and tanwin', input: 'سأقتلك غداً', output: 'ساقتلك غدا' },
    { name: 'Hindi with nukta and chandrabindu (often left out)', input: 'मार दूँगा। ज़रूर', output: 'मार दूंगा जरूर' },
    { name: 'Turkish dotted and dotless i', input: 'SENİ ÖLDÜRECEĞİM ışık', output: 'seni oldurecegim isik' },
    { name: 'an empty text', input: '', output: '' },
  ]))('when the text has %s, then the rules see it normalised', (_, { input, output }) => {
    expect(normaliseForMatching(input)).toBe(output);
  });
});

describe('tokenize: repeated letters', () => {
  it.each(named([
    { name: 'kiiiill', input: 'kiiiill', same: 'kill' },
    { name: 'killlll yoouuu', input: 'killlll yoouuu', same: 'kill you' },
    { name: 'bunuhhh', input: 'bunuhhh', same: 'bunuh' },
    { name: '죽여여여', input: '죽여여여', same: '죽여' },
  ]))('when a word has repeated letters (%s), then it matches like the plain word', (_, { input, same }) => {
    expect(forms(input)).toEqual(forms(same));
  });

  it('when a rule word is normalised, then its letters are collapsed the same way', () => {
    expect(normaliseRuleWord('Kill')).toBe(collapseRepeats('kill'));
    expect(normaliseRuleWord("вб'ю")).toBe('вбю');
  });

  it("when a word has a '1', then it can be read as i or as l", () => {
    expect(tokenize('ki11')[0]!.forms).toContain(collapseRepeats('kill'));
    expect(tokenize('k1ll')[0]!.forms).toContain(collapseRepeats('kill'));
  });
});

describe('tokenize: structure', () => {
  it('when a text has several sentences and clauses, then tokens know which they belong to', () => {
    const t = tokenize('I will, maybe, kill you. Not now!\nLater');
    expect(t.map((x) => x.sentence)).toEqual([0, 0, 0, 0, 0, 1, 1, 2]);
    expect(t[1]!.clause).toBeLessThan(t[3]!.clause);
  });

  it('when an abbreviation or a number follows a full stop, then the sentence goes on', () => {
    const t = tokenize('Jalan Melati No. 12. Then');
    expect(t.map((x) => x.sentence)).toEqual([0, 0, 0, 0, 1]);
  });

  it('when a thought trails off in an ellipsis, then the sentence goes on and only the clause ends', () => {
    for (const text of ['jump off the bridge… bungee jumping', 'jump off the bridge... bungee jumping', '我要跳下去……蹦极']) {
      const t = tokenize(text);
      expect(new Set(t.map((x) => x.sentence)).size, text).toBe(1);
      expect(t[t.length - 1]!.clause, text).toBeGreaterThan(t[0]!.clause);
    }
    expect(new Set(tokenize('Stop. Now').map((x) => x.sentence)).size).toBe(2);
  });

  it('when a harmless explanation follows an ellipsis, then the rules read it with the words before it', () => {
    expect(classifyText('Me voy a tirar de un puente… ¡haciendo puenting! Es mi cumple de 30').emergency).toBe(false);
  });

  it('when words are inside quotation marks, then they are marked as quoted', () => {
    const t = tokenize('He wrote "I will kill you" and \u00ABje vais\u00BB then');
    expect(t.filter((x) => x.quoted).map((x) => x.text)).toEqual(['i', 'will', 'kill', 'you', 'je', 'vais']);
  });

  it('when a Korean quotation ends inside a word, then the particle after it is not quoted', () => {
    const t = tokenize('"총알 박아줄게"라고 썼어요');
    expect(t.map((x) => [x.text, x.quoted])).toEqual([
      ['총알', true],
      ['박아줄게', true],
      ['라고', false],
      ['썼어요', false],
    ]);
  });

  it('when a token is made, then it points back to the source text', () => {
    const text = 'Well, I will k1ll you.';
    const t = tokenize(text).find((x) => x.text === 'kill')!;
    expect(text.slice(t.start, t.end)).toBe('k1ll');
  });
});
