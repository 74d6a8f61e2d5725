/**
 * The learned model's features, shared by training and scoring: each word as the rules see it (normalised, leetspeak
 * decoded, Japanese and Chinese cut into words), its character 3- to 5-grams, and pairs of neighbouring words, all
 * hashed into a fixed number of buckets.
 */
import { normaliseRuleWord, splitRuleWord, type Token } from '../normalise.js';
import { ruleSets } from '../rules/index.js';

/** What the model tells apart: harmless text, and each family of the rules, trolling included. */
export const modelLabels = ['none', 'physical-harm', 'self-harm', 'public-harm', 'doxing', 'sexual-harassment', 'hate', 'intimidation', 'spam', 'trolling'] as const;
export type ModelLabel = (typeof modelLabels)[number];
export const labelCount = modelLabels.length;

export const bucketBits = 18;
export const bucketCount = 1 << bucketBits;
const bucketMask = bucketCount - 1;

/** FNV-1a over UTF-16 code units, seeded so that a word, an n-gram and a pair of the same letters differ. */
function hash(s: string, seed: number): number {
  return fnv(s, seed) & bucketMask;
}

function fnv(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h ^ (h >>> 15);
}

const syllabic = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const seedWord = 1;
const seedGram = 2;
const seedPair = 3;

/** The form of a token the model reads: numbers are one word, "#". */
export function tokenForm(t: Token): string {
  return t.numeric ? '#' : (t.forms[0] ?? t.text);
}

/** Words after a negation, in its clause, are read as other words ("¬hurt"): "I will not hurt you" is not "I will hurt you". */
const negationScope = 4;
let negations: Set<string> | null = null;

/** Every rule set's one-word negations ("not", "nie", "不"), normalised as text words are. */
function negationWords(): Set<string> {
  if (!negations) {
    negations = new Set();
    for (const set of Object.values(ruleSets)) {
      for (const w of set.negation.words.split(/\s+/u)) {
        if (w === '' || /[+*]/u.test(w)) continue;
        const parts = splitRuleWord(w);
        if (parts.length === 1) negations.add(normaliseRuleWord(parts[0]!));
      }
    }
  }
  return negations;
}

/** The forms the model reads for a run of tokens, negated words marked. */
export function modelForms(tokens: readonly Token[]): string[] {
  const words = negationWords();
  const out = new Array<string>(tokens.length);
  let negatedUntil = -1;
  let clause = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const form = tokenForm(t);
    if (t.clause !== clause) negatedUntil = -1;
    out[i] = i <= negatedUntil ? `¬${form}` : form;
    if (words.has(form)) {
      negatedUntil = i + negationScope;
      clause = t.clause;
    }
  }
  return out;
}

/** The buckets of one word: the word and its character n-grams (with "<" and ">" marking its ends). */
export function wordFeatures(form: string): number[] {
  const out = [hash(form, seedWord)];
  const chars = [...`<${form}>`];
  // A Hangul syllable or a Chinese character carries what three or four Latin letters do.
  const [shortest, longest] = syllabic.test(form) ? [2, 3] : [3, 5];
  if (syllabic.test(form)) for (const ch of form) if (syllabic.test(ch)) out.push(hash(ch, seedGram));
  for (let n = shortest; n <= longest; n++) {
    if (chars.length < n) break;
    for (let i = 0; i + n <= chars.length; i++) out.push(hash(chars.slice(i, i + n).join(''), seedGram));
  }
  return out;
}

/** A word's own hash, before it is cut to a bucket: pairs are made of two of these. */
export function wordHash(form: string): number {
  return fnv(form, seedPair);
}

/** The bucket of two neighbouring words, from their word hashes (cheap: no string is built). */
export function pairFeature(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & bucketMask;
}

/** What of a run of tokens the model counts: each word and each pair of neighbours once, at its first occurrence. */
export interface FeatureSteps {
  /** The form of each token (negated words marked). */
  forms: string[];
  /** Whether the token is the first of its form: a repeated word ("the the the…") must not build up evidence. */
  firstOfForm: boolean[];
  /** The bucket of the pair a token ends, or -1 for the first token and for a pair seen before. */
  pairs: Int32Array;
}

export function featureSteps(tokens: readonly Token[]): FeatureSteps {
  const forms = modelForms(tokens);
  const firstOfForm = new Array<boolean>(forms.length);
  const pairs = new Int32Array(forms.length).fill(-1);
  const seenForms = new Set<string>();
  const seenPairs = new Set<number>();
  let previous = 0;
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i]!;
    firstOfForm[i] = !seenForms.has(form);
    seenForms.add(form);
    const h = wordHash(form);
    if (i > 0) {
      const pair = pairFeature(previous, h);
      if (!seenPairs.has(pair)) {
        seenPairs.add(pair);
        pairs[i] = pair;
      }
    }
    previous = h;
  }
  return { forms, firstOfForm, pairs };
}

/** Every bucket of a run of tokens, each word and pair once (for training; scoring, in textModel.ts, sums the same per window). */
export function textFeatures(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  const steps = featureSteps(tokens);
  for (let i = 0; i < steps.forms.length; i++) {
    if (steps.firstOfForm[i]) out.push(...wordFeatures(steps.forms[i]!));
    if (steps.pairs[i]! >= 0) out.push(steps.pairs[i]!);
  }
  return out;
}

/**
 * Features are scaled by 1/√n, but never as if there were fewer than this many: a three-word text has little to say,
 * and scaling it up would let one word decide.
 */
export const minFeatureCount = 40;

export function featureScale(count: number): number {
  return 1 / Math.sqrt(Math.max(minFeatureCount, count));
}
