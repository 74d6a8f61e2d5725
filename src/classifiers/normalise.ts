/**
 * Normalises free text and cuts it into tokens for the rule matcher: NFKC, format characters (zero-width, bidi
 * controls, soft hyphens) removed, case folded, accents folded for Latin script, apostrophes unified, English
 * contractions expanded, leetspeak decoded, mixed-script look-alikes unified, spaced letters joined, repeated letters
 * collapsed. Every step is a single pass over the text, so the time is linear in its length.
 */

/** Longer texts are cut here: reports are at most a few thousand characters, a comment rarely more. */
export const maxClassifiedChars = 200_000;

export interface Token {
  /** The forms matched against rule words: the normalised word with repeated letters collapsed (two when a '1' may be i or l). */
  forms: string[];
  /** The normalised word before collapsing repeated letters. */
  text: string;
  /** True for numbers (house numbers, floors): "12", "12b", "3e". */
  numeric: boolean;
  /** Index of the sentence (sentences end at . ! ? … ; and line breaks). */
  sentence: number;
  /** Index of the clause (clauses also end at , : ( ) and dashes). */
  clause: number;
  /** Inside quotation marks. */
  quoted: boolean;
  /** Where in the source text the whitespace-separated chunk(s) that made this token start and end. */
  start: number;
  end: number;
}

const letter = /\p{L}/u;
const digit = /\p{Nd}/u;
const mark = /\p{M}/u;
const nonSpacingMark = /\p{Mn}/u;
const formatChars = /\p{Cf}/gu;
const latin = /\p{Script=Latin}/u;
const cyrillic = /\p{Script=Cyrillic}/u;
const foldedScripts = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hangul}]/u;
const apostrophes = /[\u2019\u02BC\u2018\u0060\u00B4\u2032\u02B9\uFF07\u055A]/gu;

const doubleQuotes = new Set(['"', '\u201C', '\u201D', '\u201F', '\u301D', '\u301E']);
const openingQuotes = new Set(['\u201E', '\u00AB', '\u2039', '\u300C', '\u300E']);
const closingQuotes = new Set(['\u00BB', '\u203A', '\u300D', '\u300F']);
const sentenceEnds = new Set(['.', '!', '?', '\u2026', ';', '\u3002', '\u061F', '\u061B', '\u06D4', '\u0964', '\u0965', '\u00A1', '\u00BF']);
const runsIntoWord = new Set(['.', '\u00A1', '\u00BF']);
const clauseEnds = new Set([',', ':', '(', ')', '[', ']', '{', '}', '/', '\u2013', '\u2014', '\u3001', '\u2015', '\u060C']);

/** Leetspeak: the letter each symbol stands for inside a word. '1' is i here and l in the second form. */
const leet: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '€': 'e', '!': 'i', '|': 'l' };
const leetSymbols = new Set(['@', '$', '€', '!', '|']);
/** Numbers with a unit or ordinal suffix stay numbers: 42nd, 3e, 15h, 12b, 303호. */
const numberWithSuffix = /^\p{Nd}{1,6}(?:st|nd|rd|th|e|er|eme|o|a|h|am|pm|km|kg|m|x|s|[a-z]|\p{Script=Hangul}{1,4})?$/u;

/** Latin and Cyrillic letters that look alike, for words written in a mix of both. */
const latinToCyrillic: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в' };
const cyrillicToLatin: Record<string, string> = Object.fromEntries(Object.entries(latinToCyrillic).map(([l, c]) => [c, l]));
cyrillicToLatin['и'] = 'u';

/** Abbreviations whose full stop does not end a sentence ("Jl. Melati No. 12", "St. Mary's"). */
const abbreviations = new Set(['no', 'nr', 'n', 'jl', 'jln', 'gg', 'st', 'dr', 'mr', 'mrs', 'ms', 'prof', 'av', 'avda', 'sr', 'sra', 'tel', 'apt', 'ft', 'vs', 'etc', 'eg', 'ie', 'ca', 'approx', 'ul', 'vul', 'вул', 'пр', 'кв', 'буд', 'str', 'bd', 'blvd', 'rd', 'ave', 'co', 'inc', 'ул', 'д', 'г', 'пер', 'корп', 'стр', 'np', 'tzw', 'os', 'al', 'mah', 'sok', 'cad', 'sk', 'pza']);

/** Single letters that are words on their own, split off the ends of a run of spaced letters ("i k i l l u"). */
const standaloneLetters = new Set(['i', 'a', 'u', 'o', 'e', 'y', 'я', 'і', 'и', 'в', 'у', 'з', 'а', 'о', 'й']);
const standaloneSyllables = new Set(['나', '너', '난', '넌', '날', '널', '내', '네', '니', '또', '꼭', '안', '못', '잘', '좀', '그']);

const nonAscii = /[^\x00-\x7f]/u;

// Character tests with an ASCII fast path: most report text is ASCII, and Unicode property regexes cost far more.
function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return letter.test(ch);
}

function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 48 && c <= 57;
  return digit.test(ch);
}

/** No combining mark lies below U+0300. */
function isMark(ch: string): boolean {
  return ch.charCodeAt(0) >= 0x300 && mark.test(ch);
}

/** ASCII is its own NFKC form and holds no format characters, marks, ß or ς: only case and the backtick change. */
function foldAscii(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('`') ? lower.replaceAll('`', "'") : lower;
}

/** The steps every text and every rule word goes through: NFKC, no format characters, case folded, accents folded. */
export function foldText(text: string): string {
  if (!nonAscii.test(text)) return foldAscii(text);
  let s = text.replace(apostrophes, "'").normalize('NFKC').replace(formatChars, '');
  s = s.toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ').replace(/ı/g, 'i');
  if (arabicScript.test(s)) s = foldArabic(s);
  if (devanagari.test(s)) s = s.replace(/\u093C/gu, '').replace(/\u0901/gu, '\u0902');
  return foldMarks(s);
}

const arabicScript = /[\u0600-\u06FF\u0750-\u077F]/u;
const devanagari = /[\u0900-\u097F]/u;
/** Letters that Arabic and Persian keyboards, and writers, use for one another: each is read as the first. */
const arabicLetters: Record<string, string> = {
  '\u0623': '\u0627', '\u0625': '\u0627', '\u0622': '\u0627', '\u0671': '\u0627',
  '\u0649': '\u064A', '\u06CC': '\u064A', '\u0626': '\u064A', '\u06D2': '\u064A',
  '\u06A9': '\u0643', '\u0629': '\u0647', '\u06C0': '\u0647', '\u06BE': '\u0647', '\u06C1': '\u0647', '\u0624': '\u0648',
};
const arabicFold = /[\u0623\u0625\u0622\u0671\u0649\u06CC\u0626\u06D2\u06A9\u0629\u06C0\u06BE\u06C1\u0624]/gu;

/** Arabic and Persian as people type them: without tatweel and vowel marks, alef, yeh, kaf and heh forms unified. */
function foldArabic(s: string): string {
  return s.replace(/[\u0640\u064B-\u065F\u0670\u06D6-\u06ED]/gu, '').replace(arabicFold, (ch) => arabicLetters[ch] ?? ch);
}

/**
 * Removes the accents of Latin letters (where our languages allow it: "vocês" matches "voces") and stray combining
 * marks elsewhere, but keeps й, ї and Hangul syllables whole.
 */
function foldMarks(s: string): string {
  // The text is NFC already: without marks in its decomposition (Hangul syllables decompose into letters) nothing changes.
  const decomposed = s.normalize('NFD');
  if (!mark.test(decomposed)) return s;
  let out = '';
  let base = '';
  for (const ch of decomposed) {
    if (mark.test(ch)) {
      if (!latin.test(base)) out += ch;
      continue;
    }
    base = ch;
    out += ch;
  }
  out = out.normalize('NFC');
  if (!mark.test(out)) return out;
  // After recomposition, a mark left on a Cyrillic, Greek or Hangul letter was added to disguise the word.
  let clean = '';
  base = '';
  for (const ch of out) {
    if (nonSpacingMark.test(ch) && foldedScripts.test(base)) continue;
    if (!mark.test(ch)) base = ch;
    clean += ch;
  }
  return clean;
}

/** "don't" → "do not", "I'll" → "I will": contractions would otherwise hide negations and modal verbs. */
function expandContractions(s: string): string {
  if (!s.includes("'")) return s;
  return s
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/\bshan't\b/g, 'shall not')
    .replace(/\bain't\b/g, 'is not')
    .replace(/n't\b/g, ' not')
    .replace(/'ll\b/g, ' will')
    .replace(/'re\b/g, ' are')
    .replace(/'m\b/g, ' am')
    .replace(/'ve\b/g, ' have')
    .replace(/'d\b/g, ' would');
}

/** Collapses runs of one character: "kiiiill" and "kill" both become "kil". Rule words are collapsed the same way. */
export function collapseRepeats(s: string): string {
  // Fast exit when no code unit repeats its neighbour; a surrogate (astral character) takes the full path.
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    plain = (c < 0xd800 || c > 0xdfff) && (i === 0 || c !== s.charCodeAt(i - 1));
  }
  if (plain) return s;
  let out = '';
  let last = '';
  for (const ch of s) {
    if (ch !== last) out += ch;
    last = ch;
  }
  return out;
}

/**
 * Replaces look-alike letters in a word written in both Latin and Cyrillic: towards the script the other one's letters
 * can all be mapped to ("уоu" is "you", "т3бе" is "тебе"), else towards the majority.
 */
function unifyScripts(word: string): string {
  let below = true;
  for (let i = 0; i < word.length && below; i++) below = word.charCodeAt(i) < 0x400;
  // Cyrillic starts at U+0400: a word without it has nothing to unify.
  if (below) return word;
  let lat = 0;
  let cyr = 0;
  let latMappable = true;
  let cyrMappable = true;
  for (const ch of word) {
    if (latin.test(ch)) {
      lat++;
      if (!latinToCyrillic[ch]) latMappable = false;
    } else if (cyrillic.test(ch)) {
      cyr++;
      if (!cyrillicToLatin[ch]) cyrMappable = false;
    }
  }
  if (lat === 0 || cyr === 0) return word;
  const toLatin = cyrMappable && (!latMappable || lat >= cyr);
  const table = toLatin ? cyrillicToLatin : latinToCyrillic;
  let out = '';
  for (const ch of word) out += table[ch] ?? ch;
  return out;
}

/** The matching forms of one word: leetspeak decoded (one form per reading of '1'), scripts unified. */
function wordForms(raw: string): { text: string; forms: string[]; numeric: boolean } {
  let plain = true;
  for (let i = 0; i < raw.length && plain; i++) {
    const c = raw.charCodeAt(i);
    plain = c >= 97 && c <= 122;
  }
  // Most words are plain lower-case ASCII letters: no leetspeak, no numbers, no mixed scripts.
  if (plain) return { text: raw, forms: [collapseRepeats(raw)], numeric: false };
  let hasLetter = false;
  let hasDigit = false;
  for (const ch of raw) {
    if (isLetter(ch)) hasLetter = true;
    else if (isDigit(ch)) hasDigit = true;
  }
  if (!hasLetter || (hasDigit && numberWithSuffix.test(raw))) {
    return { text: raw, forms: [raw], numeric: hasDigit };
  }
  let first = '';
  let second = '';
  for (const ch of raw) {
    const l = leet[ch];
    first += l ?? ch;
    second += ch === '1' ? 'l' : (l ?? ch);
  }
  first = unifyScripts(first);
  second = unifyScripts(second);
  const forms = [collapseRepeats(first)];
  if (second !== first) forms.push(collapseRepeats(second));
  return { text: first, forms, numeric: false };
}

interface RawToken {
  raw: string;
  /** Lower-case ASCII letters with no letter repeated next to itself: the word is its own only form. */
  simple: boolean;
  sentence: number;
  clause: number;
  quoted: boolean;
  start: number;
  end: number;
}

/**
 * Cuts a text into tokens. Sentence and clause boundaries, quotation marks and source offsets are kept so rules can be
 * scoped to a sentence, negations to a clause, and signals can quote the source.
 */
export function tokenize(text: string): Token[] {
  const source = text.length > maxClassifiedChars ? text.slice(0, maxClassifiedChars) : text;
  const state: TokenizerState = { raws: [], sentence: 0, clause: 0, quoted: false, singleQuoted: false, pendingBreak: 'none', lastWord: '', start: 0, end: 0 };
  const folded = new Map<string, string>();
  // Chunks are cut at whitespace (what /\S+/ finds) by hand: a regex match per word cost more than the rest of a
  // plain word's path.
  const length = source.length;
  let at = 0;
  while (at < length) {
    let c = source.charCodeAt(at);
    let newline = false;
    while (isSpaceCode(c)) {
      if (c === 10) newline = true;
      c = ++at < length ? source.charCodeAt(at) : -1;
    }
    if (at >= length) break;
    if (newline) {
      state.pendingBreak = 'hard';
      state.quoted = false;
      state.singleQuoted = false;
    }
    const start = at;
    let plain = true;
    let upper = false;
    let repeats = false;
    let previous = -1;
    while (c !== -1 && !isSpaceCode(c)) {
      if (plain) {
        if (c >= 65 && c <= 90) upper = true;
        else if (!(c >= 97 && c <= 122)) plain = false;
        if ((c | 0x20) === previous) repeats = true;
        previous = c | 0x20;
      }
      c = ++at < length ? source.charCodeAt(at) : -1;
    }
    const chunk = source.slice(start, at);
    state.start = start;
    state.end = at;
    // Most chunks are a plain word of ASCII letters: nothing to fold, split or decode.
    if (plain) {
      flushWord(state, upper ? chunk.toLowerCase() : chunk, true, !repeats);
      continue;
    }
    // Words repeat, in prose and in flooding; Unicode normalisation is the costly part of a non-ASCII word.
    let s: string | undefined;
    if (!nonAscii.test(chunk)) s = expandContractions(foldAscii(chunk));
    else if ((s = folded.get(chunk)) === undefined) {
      s = foldText(chunk);
      if (latin.test(s)) s = expandContractions(s);
      folded.set(chunk, s);
    }
    const chars = nonAscii.test(s) ? [...s] : s;
    let word = '';
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const next = chars[i + 1] ?? '';
      if (isLetter(ch) || isDigit(ch) || (isMark(ch) && !isVariationSelector(ch))) {
        word += ch;
        continue;
      }
      if (isPictograph(ch)) {
        // An emoji is a word of its own, glued to words or not: "kill🔪you" is three words.
        flushWord(state, word);
        word = '';
        flushWord(state, ch);
        continue;
      }
      if (leetSymbols.has(ch) && word !== '' && (isLetter(next) || isDigit(next))) {
        word += ch;
        continue;
      }
      if ((ch === '$' || ch === '€') && word === '' && isLetter(next)) {
        word += ch;
        continue;
      }
      const prev = chars[i - 1] ?? '';
      if (ch === "'") {
        if (word !== '' && isLetter(prev) && isLetter(next)) {
          word += ch;
          continue;
        }
        flushWord(state, word);
        word = '';
        if (!isLetter(prev) && isLetter(next)) state.singleQuoted = true;
        else if (state.singleQuoted && !isLetter(next)) state.singleQuoted = false;
        continue;
      }
      flushWord(state, word);
      word = '';
      if (doubleQuotes.has(ch)) state.quoted = !state.quoted;
      else if (openingQuotes.has(ch)) state.quoted = true;
      else if (closingQuotes.has(ch)) state.quoted = false;
      else if (isEllipsis(ch, prev, next)) state.clause++;
      else if (sentenceEnds.has(ch)) {
        // "k.i.l.l" and "e.g" are one sentence: a full stop that runs into a word does not end it, nor do the
        // Spanish opening marks; other marks do ("。" is followed by no space in Japanese and Chinese).
        if (!runsIntoWord.has(ch) || !(isLetter(next) || isDigit(next))) {
          if (ch !== '.') state.pendingBreak = 'hard';
          else if (state.pendingBreak === 'none') state.pendingBreak = 'dot';
        }
      } else if (clauseEnds.has(ch)) state.clause++;
      else if (ch === '-' && chars.length === 1) state.clause++;
    }
    flushWord(state, word);
  }
  return joinSpacedLetters(state.raws).map(toToken);
}

/** Whitespace as /\s/ knows it (the chunks are what /\S+/ would find); -1, the text's end, is not. */
function isSpaceCode(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * An ellipsis ("…", "...", "……") trails a thought within its sentence: "I'll jump off the bridge… bungee jumping!"
 * is one sentence, and so is "I know where you live… see you soon". It still ends a clause, as a comma does.
 */
function isEllipsis(ch: string, prev: string, next: string): boolean {
  return ch === '\u2026' || (ch === '.' && (prev === '.' || next === '.'));
}

/** The tokenizer's position in the text; a plain object, so no closure is made per chunk. */
interface TokenizerState {
  raws: RawToken[];
  sentence: number;
  clause: number;
  quoted: boolean;
  singleQuoted: boolean;
  // A sentence ends when the next word comes: a full stop only if that word shows it was no abbreviation ("No. 12").
  pendingBreak: 'none' | 'dot' | 'hard';
  lastWord: string;
  /** The source offsets of the current whitespace-separated chunk. */
  start: number;
  end: number;
}

/**
 * Ends a word; `ascii` says it is plain ASCII letters (no apostrophe to split, no ideograph to cut), `simple` that
 * no letter in it repeats its neighbour either.
 */
function flushWord(state: TokenizerState, word: string, ascii = false, simple = false) {
  if (!word) return;
  if (state.pendingBreak === 'hard' || (state.pendingBreak === 'dot' && !(isDigit(word[0] ?? '') || abbreviations.has(state.lastWord)))) {
    state.sentence++;
    state.clause++;
  }
  state.pendingBreak = 'none';
  state.lastWord = word;
  const quoted = state.quoted || state.singleQuoted;
  // The common case, a word without apostrophes or ideographs, makes no arrays.
  if (ascii || (!word.includes("'") && !nonAscii.test(word))) {
    state.raws.push({ raw: word, simple, sentence: state.sentence, clause: state.clause, quoted, start: state.start, end: state.end });
    return;
  }
  for (const part of splitApostrophes(word)) {
    for (const w of nonAscii.test(part) && cjk.test(part) ? segmentCjk(part) : [part]) {
      state.raws.push({ raw: w, simple: false, sentence: state.sentence, clause: state.clause, quoted, start: state.start, end: state.end });
    }
  }
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const segmenters = { ja: new Intl.Segmenter('ja', { granularity: 'word' }), zh: new Intl.Segmenter('zh', { granularity: 'word' }) };

/** Japanese and Chinese are written without spaces: ICU's dictionary cuts a run into words (kana says Japanese). */
function segmentCjk(run: string): string[] {
  const out: string[] = [];
  const segmenter = segmenters[kana.test(run) ? 'ja' : 'zh'];
  // ICU's dictionary slows sharply past some 65,000 characters: long runs are cut in pieces (a word cut at a seam is rare).
  let from = 0;
  while (from < run.length) {
    let to = Math.min(run.length, from + cjkChunk);
    if (to < run.length && /[\uD800-\uDBFF]/u.test(run[to - 1]!)) to--;
    for (const seg of segmenter.segment(run.slice(from, to))) if (seg.isWordLike) out.push(seg.segment);
    from = to;
  }
  return out;
}

const cjkChunk = 4_000;

const pictograph = /\p{Extended_Pictographic}/u;

/** Emoji (and the older pictographs such as ☠); everything below U+00A9 is not one. */
function isPictograph(ch: string): boolean {
  return ch.charCodeAt(0) >= 0xa9 && pictograph.test(ch);
}

/** The emoji and text presentation selectors (U+FE0E, U+FE0F): marks that belong to the emoji before them. */
function isVariationSelector(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c === 0xfe0e || c === 0xfe0f;
}

/** Latin words split at apostrophes ("j'vais", "l'article"); Cyrillic ones lose them ("вб'ю" is one word). */
function splitApostrophes(word: string): string[] {
  if (!word.includes("'")) return [word];
  if (cyrillic.test(word)) return [word.replaceAll("'", '')];
  return word.split("'").filter((p) => p !== '');
}

function isSingle(t: RawToken): boolean {
  const cp = t.raw.codePointAt(0) ?? 0;
  // A one-character Japanese or Chinese word is a word, not a spaced-out letter.
  if (cp >= 0x2e80 && cjk.test(t.raw)) return false;
  if (t.raw.length !== (cp > 0xffff ? 2 : 1)) return false;
  return isLetter(t.raw) || (cp > 0xffff ? digit.test(t.raw) : isDigit(t.raw));
}

/** "k i l l" and "k-i-l-l" become "kill"; a standalone word at either end ("i k i l l u") stays apart. */
function joinSpacedLetters(raws: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  let i = 0;
  while (i < raws.length) {
    const first = raws[i]!;
    let j = i;
    let letters = 0;
    while (j < raws.length && isSingle(raws[j]!) && raws[j]!.sentence === first.sentence && raws[j]!.clause === first.clause) {
      if (isLetter(raws[j]!.raw)) letters++;
      j++;
    }
    if (j === i) {
      out.push(first);
      i++;
      continue;
    }
    if (j - i < 3 || letters < 2) {
      // Not spaced letters: keep the run as it is and go on after it (each token is looked at once).
      for (let k = i; k < j; k++) out.push(raws[k]!);
      i = j;
      continue;
    }
    let from = i;
    let to = j;
    if (to - from >= 4 && (standaloneLetters.has(raws[from]!.raw) || standaloneSyllables.has(raws[from]!.raw))) out.push(raws[from++]!);
    const tail = to - from >= 4 && standaloneLetters.has(raws[to - 1]!.raw) ? raws[--to]! : null;
    const run = raws.slice(from, to);
    out.push({ ...run[0]!, raw: run.map((r) => r.raw).join(''), simple: false, end: run[run.length - 1]!.end });
    if (tail) out.push(tail);
    i = j;
  }
  return out;
}

function toToken(r: RawToken): Token {
  if (r.simple) return { forms: [r.raw], text: r.raw, numeric: false, sentence: r.sentence, clause: r.clause, quoted: r.quoted, start: r.start, end: r.end };
  const { text, forms, numeric } = wordForms(r.raw);
  return { forms, text, numeric, sentence: r.sentence, clause: r.clause, quoted: r.quoted, start: r.start, end: r.end };
}

/** The text as the rules see it: the tokens' words separated by spaces (for tests and explanations). */
export function normaliseForMatching(text: string): string {
  return tokenize(text)
    .map((t) => t.text)
    .join(' ');
}

/** A rule word as the tokenizer would cut it: Japanese and Chinese words may be several tokens, others are one. */
export function splitRuleWord(word: string): string[] {
  return cjk.test(word) ? segmentCjk(foldText(word)) : [word];
}

/** Normalises one rule word like a text word (without leetspeak: rule words are written plainly). */
export function normaliseRuleWord(word: string): string {
  return collapseRepeats(foldText(word).replaceAll("'", ''));
}
