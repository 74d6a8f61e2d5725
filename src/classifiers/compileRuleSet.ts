/**
 * Compiles a language's rule data (rules/*.ts) into token matchers, with one index of the words every pattern needs:
 * a text is scanned once per rule set, and only patterns whose every required word occurs in it are matched.
 */
import { normaliseRuleWord, splitRuleWord, type Token } from './normalise.js';
import type { Rule, RuleSet } from './rules/RuleSet.js';

/** One token test: a word, a prefix, a suffix, a number, or the end of the sentence. */
export type WordTest = { exact: string } | { prefix: string } | { suffix: string } | { num: true } | { end: true } | { start: true };

export interface Element {
  /** Gap of up to this many tokens; the other fields are unused. */
  gap?: number;
  optional: boolean;
  /** Single-token alternatives, by kind, for fast tests. */
  exact: Set<string>;
  prefixes: string[];
  suffixes: string[];
  num: boolean;
  end: boolean;
  start: boolean;
  /** Alternatives of two or more tokens ("going+to"). */
  sequences: WordTest[][];
}

export interface CompiledPattern {
  source: string;
  elements: Element[];
}

export interface CompiledRule extends CompiledPattern {
  rule: Rule;
  /** `<language>/<id>`. */
  name: string;
}

/**
 * The words of every distinct required element of a set's patterns, looked up by a token's forms. An element is
 * required when a match must take a token with it: not a gap, not optional, not the sentence's start or end.
 */
interface WordIndex {
  /** Element ids by exact word, by prefix and by suffix (of the lengths listed), and those that take numbers. */
  exact: Map<string, number[]>;
  prefix: Map<string, number[]>;
  prefixLengths: number[];
  suffix: Map<string, number[]>;
  suffixLengths: number[];
  num: number[];
  elementCount: number;
  /** By element id, the patterns checked when that element occurs (each required pattern is anchored on one). */
  anchoredAt: number[][];
  /** Patterns with no required element: checked on every text. */
  unanchored: number[];
  /** By element id, 1 when a pattern may start on it: only those elements' positions are listed while scanning. */
  startsPattern: Uint8Array;
  /** The element ids each word form takes, as found: words repeat, and a look-up by every prefix and suffix length costs. */
  formCache: Map<string, number[][]>;
}

const formCacheLimit = 20_000;

/** What the index says about one pattern. */
interface PatternNeeds {
  /** Ids of the elements every match takes a token with; a text lacking one cannot match. */
  required: number[];
  /** Ids of the elements one of which takes a match's first token; null when any token may start one. */
  startElements: number[] | null;
}

export interface CompiledRuleSet {
  language: string;
  negations: CompiledPattern;
  negationBefore: number;
  negationAfter: number;
  clauseBreaks: CompiledPattern;
  fictionCues: CompiledPattern[];
  topicCues: CompiledPattern[];
  idioms: CompiledPattern[];
  rules: CompiledRule[];
  /** Every pattern of the set in one list (idioms, cues, rules), with what each needs from a text. */
  all: CompiledPattern[];
  needs: PatternNeeds[];
  index: WordIndex;
}

const maxGap = 6;

function parseWord(word: string, where: string): WordTest {
  if (word === '#num') return { num: true };
  if (word === '$') return { end: true };
  if (word === '^') return { start: true };
  if (word.length > 1 && word.endsWith('*')) return { prefix: checkedAffix(word.slice(0, -1), word, where) };
  if (word.length > 1 && word.startsWith('*')) return { suffix: checkedAffix(word.slice(1), word, where) };
  return { exact: checked(normaliseRuleWord(word), word, where) };
}

function checked(normalised: string, word: string, where: string): string {
  if (normalised === '' || /[\s*|+@?]/u.test(normalised)) throw new Error(`${where}: "${word}" is not a word after normalisation ("${normalised}")`);
  return normalised;
}

/**
 * A prefix or suffix is matched against collapsed words, so it is collapsed too: "kkk*" (laughter) would silently be
 * the prefix "k" and take every word starting with k. An affix of one letter repeated must be written as it is
 * matched, so that its breadth shows in the rule.
 */
function checkedAffix(affix: string, word: string, where: string): string {
  const normalised = checked(normaliseRuleWord(affix), word, where);
  if ([...normalised].length === 1 && [...affix].length > 1) {
    throw new Error(`${where}: "${word}" collapses to the one letter "${normalised}" and takes every word so written; write "${word.replace(affix, normalised)}" if that is meant, or a whole word`);
  }
  return normalised;
}

/** Expands one alternative ("a", "going+to", "@kill") into token sequences. */
function expandAlternative(alt: string, classes: Record<string, string>, where: string, seen: Set<string>): WordTest[][] {
  if (alt.startsWith('@')) {
    const name = alt.slice(1);
    const body = classes[name];
    if (body === undefined) throw new Error(`${where}: unknown class @${name}`);
    if (seen.has(name)) throw new Error(`${where}: class @${name} refers to itself`);
    const inner = new Set(seen).add(name);
    return body
      .split(/\s+/u)
      .filter((w) => w !== '')
      .flatMap((w) => expandAlternative(w, classes, `${where} @${name}`, inner));
  }
  // A Japanese or Chinese rule word is cut into words as a text is ("知ってる" is 知 って る): written whole, it still matches.
  return [alt.split('+').flatMap((w) => (/[*#$^]/u.test(w) ? [w] : splitRuleWord(w)).map((part) => parseWord(part, where)))];
}

export function compilePattern(source: string, classes: Record<string, string>, where: string): CompiledPattern {
  const elements: Element[] = [];
  for (let raw of source.split(/\s+/u).filter((w) => w !== '')) {
    const gap = /^_(\d)$/u.exec(raw);
    if (gap) {
      const n = Number(gap[1]);
      if (n < 1 || n > maxGap) throw new Error(`${where}: gaps are _1 to _${maxGap}, not ${raw}`);
      if (elements.length === 0) throw new Error(`${where}: a pattern cannot start with a gap`);
      elements.push({ gap: n, optional: false, exact: new Set(), prefixes: [], suffixes: [], num: false, end: false, start: false, sequences: [] });
      continue;
    }
    const optional = raw.endsWith('?') && raw.length > 1;
    if (optional) raw = raw.slice(0, -1);
    const el: Element = { optional, exact: new Set(), prefixes: [], suffixes: [], num: false, end: false, start: false, sequences: [] };
    for (const alt of raw.split('|').filter((a) => a !== '')) {
      for (const seq of expandAlternative(alt, classes, where, new Set())) {
        if (seq.length > 1) {
          el.sequences.push(seq);
          continue;
        }
        const t = seq[0]!;
        if ('exact' in t) el.exact.add(t.exact);
        else if ('prefix' in t) el.prefixes.push(t.prefix);
        else if ('suffix' in t) el.suffixes.push(t.suffix);
        else if ('num' in t) el.num = true;
        else if ('end' in t) el.end = true;
        else el.start = true;
      }
    }
    elements.push(el);
  }
  if (elements.length === 0) throw new Error(`${where}: empty pattern`);
  return { source, elements };
}

export function compileRuleSet(set: RuleSet): CompiledRuleSet {
  const lang = set.language;
  const words = (name: string, body: string) => compilePattern(body.split(/\s+/u).filter((w) => w !== '').join('|') || '$', {}, `${lang} ${name}`);
  const ids = new Set<string>();
  const rules = set.rules.map((rule): CompiledRule => {
    if (ids.has(rule.id)) throw new Error(`${lang}: two rules named ${rule.id}`);
    ids.add(rule.id);
    return { ...compilePattern(rule.pattern, set.classes, `${lang}/${rule.id}`), rule, name: `${lang}/${rule.id}` };
  });
  const fictionCues = set.fictionCues.map((p, i) => compilePattern(p, set.classes, `${lang} fiction cue ${i}`));
  const topicCues = set.topicCues.map((p, i) => compilePattern(p, set.classes, `${lang} topic cue ${i}`));
  const idioms = set.idioms.map((p, i) => compilePattern(p, set.classes, `${lang} idiom ${i}`));
  const all: CompiledPattern[] = [...idioms, ...fictionCues, ...topicCues, ...rules];
  return {
    language: lang,
    negations: words('negations', set.negation.words),
    negationBefore: set.negation.before,
    negationAfter: set.negation.after,
    clauseBreaks: words('clause breaks', set.clauseBreaks),
    fictionCues,
    topicCues,
    idioms,
    rules,
    all,
    ...buildIndex(all),
  };
}

function push(map: Map<string, number[]>, key: string, i: number) {
  const list = map.get(key);
  if (list) {
    if (!list.includes(i)) list.push(i);
  } else map.set(key, [i]);
}

function isRequired(el: Element): boolean {
  return el.gap === undefined && !el.optional && !el.end && !el.start;
}

/** The same element written in several patterns ("@i @be? _1 @fut") is indexed once. */
function elementKey(el: Element): string {
  return JSON.stringify([[...el.exact].sort(), [...el.prefixes].sort(), [...el.suffixes].sort(), el.num, el.sequences.map((seq) => seq[0])]);
}

function buildIndex(patterns: CompiledPattern[]): { needs: PatternNeeds[]; index: WordIndex } {
  const index: WordIndex = { exact: new Map(), prefix: new Map(), prefixLengths: [], suffix: new Map(), suffixLengths: [], num: [], elementCount: 0, anchoredAt: [], unanchored: [], startsPattern: new Uint8Array(0), formCache: new Map() };
  const shortestWord = new Map<number, number>();
  const ids = new Map<string, number>();
  const prefixLengths = new Set<number>();
  const suffixLengths = new Set<number>();
  const idOf = (el: Element): number => {
    const key = elementKey(el);
    const known = ids.get(key);
    if (known !== undefined) return known;
    const id = index.elementCount++;
    ids.set(key, id);
    // A sequence ("going+to") is indexed by its first word: a necessary condition, checked in full when matching.
    const starts: WordTest[] = [...el.sequences.map((seq) => seq[0]!), ...[...el.exact].map((w) => ({ exact: w })), ...el.prefixes.map((w) => ({ prefix: w })), ...el.suffixes.map((w) => ({ suffix: w }))];
    if (el.num) starts.push({ num: true });
    shortestWord.set(id, Math.min(...starts.map((t) => ('exact' in t ? t.exact.length : 'prefix' in t ? t.prefix.length : 'suffix' in t ? t.suffix.length : 1))));
    for (const t of starts) {
      if ('exact' in t) push(index.exact, t.exact, id);
      else if ('prefix' in t) {
        push(index.prefix, t.prefix, id);
        prefixLengths.add(t.prefix.length);
      } else if ('suffix' in t) {
        push(index.suffix, t.suffix, id);
        suffixLengths.add(t.suffix.length);
      } else if ('num' in t) {
        if (!index.num.includes(id)) index.num.push(id);
      }
    }
    return id;
  };
  const needs = patterns.map((p): PatternNeeds => {
    // A sequence may begin with a sentence boundary test, which no token satisfies: such an element is not indexed.
    const indexable = (el: Element) => isRequired(el) && el.sequences.every((seq) => !('end' in seq[0]! || 'start' in seq[0]!));
    const required = p.elements.filter(indexable).map(idOf);
    const [first, second] = p.elements;
    let startElements: number[] | null = null;
    if (indexable(first!)) startElements = [idOf(first!)];
    else if (first!.optional && !first!.end && !first!.start && second && indexable(second) && indexable({ ...first!, optional: false })) {
      startElements = [idOf({ ...first!, optional: false }), idOf(second)];
    }
    return { required, startElements };
  });
  // A pattern is looked at only when its anchor occurs: the required element with the longest shortest word, since
  // short words ("i", "you") are in most texts and long ones ("massacre") in few.
  index.anchoredAt = Array.from({ length: index.elementCount }, () => []);
  needs.forEach(({ required }, i) => {
    if (required.length === 0) {
      index.unanchored.push(i);
      return;
    }
    const anchor = required.reduce((best, id) => (shortestWord.get(id)! > shortestWord.get(best)! ? id : best));
    index.anchoredAt[anchor]!.push(i);
  });
  index.startsPattern = new Uint8Array(index.elementCount);
  for (const { startElements } of needs) for (const id of startElements ?? []) index.startsPattern[id] = 1;
  index.prefixLengths = [...prefixLengths].sort((a, b) => a - b);
  index.suffixLengths = [...suffixLengths].sort((a, b) => a - b);
  return { needs, index };
}

/** The patterns of a set that may match a text, in ascending order, each with the token positions it may start at. */
export interface Candidates {
  patterns: number[];
  starts: (readonly number[])[];
}

/**
 * The patterns of the set that may match, with the token positions where each may start, in ascending order: a
 * pattern is left out when a word it requires is missing from the text, which is the case for most patterns in
 * most texts, so the matcher does not walk the others.
 */
export function candidateStarts(set: CompiledRuleSet, tokens: readonly Token[]): Candidates {
  const { index } = set;
  const scan = beginScan(index, set.needs.length);
  for (let pos = 0; pos < tokens.length; pos++) {
    const t = tokens[pos]!;
    if (t.numeric) mark(scan, index.num, pos);
    for (const form of t.forms) for (const ids of elementsOf(index, form)) mark(scan, ids, pos);
  }
  // The patterns anchored on an element that occurs are set in a bit set, then taken in their order (no sort): a
  // word of it left at zero skips 32 patterns at once.
  const bits = scan.patternBits;
  bits.fill(0);
  for (const id of scan.present) for (const i of index.anchoredAt[id]!) bits[i >>> 5]! |= 1 << (i & 31);
  for (const i of index.unanchored) bits[i >>> 5]! |= 1 << (i & 31);
  let everyPosition: number[] | null = null;
  const out: Candidates = { patterns: [], starts: [] };
  for (let w = 0; w < bits.length; w++) {
    for (let word = bits[w]!; word !== 0; word &= word - 1) {
      const i = (w << 5) + 31 - Math.clz32(word & -word);
      const { required, startElements } = set.needs[i]!;
      if (!allSeen(scan, required)) continue;
      let starts: readonly number[];
      if (startElements === null) starts = everyPosition ??= Array.from({ length: tokens.length }, (_, k) => k);
      else if (startElements.length === 1) starts = positionsOf(scan, startElements[0]!);
      else starts = [...new Set(startElements.flatMap((id) => positionsOf(scan, id)))].sort((a, b) => a - b);
      if (starts.length === 0) continue;
      out.patterns.push(i);
      out.starts.push(starts);
    }
  }
  return out;
}

/** The element id lists a word form takes: exact, by prefix, by suffix. */
function elementsOf(index: WordIndex, form: string): number[][] {
  let hits = index.formCache.get(form);
  if (hits) return hits;
  hits = [];
  const exact = index.exact.get(form);
  if (exact) hits.push(exact);
  for (const n of index.prefixLengths) {
    if (n > form.length) break;
    const ids = index.prefix.get(form.slice(0, n));
    if (ids) hits.push(ids);
  }
  for (const n of index.suffixLengths) {
    if (n > form.length) break;
    const ids = index.suffix.get(form.slice(form.length - n));
    if (ids) hits.push(ids);
  }
  if (index.formCache.size >= formCacheLimit) index.formCache.clear();
  index.formCache.set(form, hits);
  return hits;
}

/**
 * Where in a text each element of an index occurs, kept in arrays reused from text to text (the classifier runs on
 * one thread): a text's common words ("i", "my", "on") take hundreds of elements, and only the few patterns whose
 * required words all occur need to know where. The arrays grow with the longest text read (200,000 characters at
 * most, a few megabytes) and are kept.
 */
interface Scan {
  /** Which text is being scanned: `seen[id] === text` says the element occurs in it. */
  text: number;
  seen: Int32Array;
  /** Each occurrence of an element is a cell of a list per element: its token position and the cell before it. */
  last: Int32Array;
  cellPosition: Int32Array;
  cellBefore: Int32Array;
  cells: number;
  present: number[];
  /** The index's `startsPattern`: only those elements' positions are listed. */
  startsPattern: Uint8Array;
  /** Which patterns may match the text being scanned: one bit per pattern. */
  patternBits: Int32Array;
}

const scans = new WeakMap<WordIndex, Scan>();

function beginScan(index: WordIndex, patternCount: number): Scan {
  let scan = scans.get(index);
  if (!scan) {
    scan = { text: 0, seen: new Int32Array(index.elementCount), last: new Int32Array(index.elementCount), cellPosition: new Int32Array(1024), cellBefore: new Int32Array(1024), cells: 0, present: [], startsPattern: index.startsPattern, patternBits: new Int32Array((patternCount + 31) >>> 5) };
    scans.set(index, scan);
  }
  scan.text = (scan.text + 1) | 0;
  if (scan.text === 0) {
    // After 2^32 texts the stamps would come round again: start them afresh.
    scan.seen.fill(0);
    scan.text = 1;
  }
  scan.cells = 0;
  scan.present = [];
  return scan;
}

// Module functions, not closures made per call: under tsx every closure pays for esbuild's __name().
function mark(scan: Scan, ids: number[] | undefined, pos: number) {
  if (!ids) return;
  const { startsPattern } = scan;
  for (const id of ids) {
    if (scan.seen[id] !== scan.text) {
      scan.seen[id] = scan.text;
      scan.last[id] = -1;
      scan.present.push(id);
      // No pattern starts on it: that it occurs is enough, its positions are never asked for.
      if (startsPattern[id] === 0) continue;
    } else if (startsPattern[id] === 0 || scan.cellPosition[scan.last[id]!] === pos) continue; // or two forms of one token
    if (scan.cells === scan.cellPosition.length) {
      scan.cellPosition = doubled(scan.cellPosition);
      scan.cellBefore = doubled(scan.cellBefore);
    }
    scan.cellPosition[scan.cells] = pos;
    scan.cellBefore[scan.cells] = scan.last[id]!;
    scan.last[id] = scan.cells++;
  }
}

function allSeen(scan: Scan, ids: readonly number[]): boolean {
  for (const id of ids) if (scan.seen[id] !== scan.text) return false;
  return true;
}

function doubled(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The token positions of an element in the scanned text, ascending. */
function positionsOf(scan: Scan, id: number): number[] {
  if (scan.seen[id] !== scan.text) return [];
  const out: number[] = [];
  for (let cell = scan.last[id]!; cell >= 0; cell = scan.cellBefore[cell]!) out.push(scan.cellPosition[cell]!);
  return out.reverse();
}

export function testWord(t: WordTest, token: Token): boolean {
  if ('num' in t) return token.numeric;
  if ('end' in t || 'start' in t) return false;
  return token.forms.some((f) => ('exact' in t ? f === t.exact : 'prefix' in t ? f.startsWith(t.prefix) : f.endsWith(t.suffix)));
}

/** Whether a single token satisfies one of the element's single-token alternatives. */
export function elementTakesToken(el: Element, token: Token): boolean {
  if (el.num && token.numeric) return true;
  for (const f of token.forms) {
    if (el.exact.has(f)) return true;
    for (const p of el.prefixes) if (f.startsWith(p)) return true;
    for (const s of el.suffixes) if (f.endsWith(s)) return true;
  }
  return false;
}
