/**
 * Compiles a language's rule data (rules/*.ts) into token matchers, indexed by the words a match can start with, so
 * a text is scanned once per rule set whatever the number of rules.
 */
import { normaliseRuleWord, type Token } from './normalise.js';
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

/** Which patterns may start at a token: looked up by the token's forms. */
interface StartIndex {
  exact: Map<string, number[]>;
  prefix: Map<string, number[]>;
  prefixLengths: number[];
  suffix: Map<string, number[]>;
  suffixLengths: number[];
  num: number[];
  always: number[];
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
  /** Every pattern of the set in one list (idioms, cues, rules), with its start index. */
  all: CompiledPattern[];
  index: StartIndex;
}

const maxGap = 6;

function parseWord(word: string, where: string): WordTest {
  if (word === '#num') return { num: true };
  if (word === '$') return { end: true };
  if (word === '^') return { start: true };
  if (word.length > 1 && word.endsWith('*')) return { prefix: checked(normaliseRuleWord(word.slice(0, -1)), word, where) };
  if (word.length > 1 && word.startsWith('*')) return { suffix: checked(normaliseRuleWord(word.slice(1)), word, where) };
  return { exact: checked(normaliseRuleWord(word), word, where) };
}

function checked(normalised: string, word: string, where: string): string {
  if (normalised === '' || /[\s*|+@?]/u.test(normalised)) throw new Error(`${where}: "${word}" is not a word after normalisation ("${normalised}")`);
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
  return [alt.split('+').map((w) => parseWord(w, where))];
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
    index: buildIndex(all),
  };
}

function push(map: Map<string, number[]>, key: string, i: number) {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== i) list.push(i);
  } else map.set(key, [i]);
}

function buildIndex(patterns: CompiledPattern[]): StartIndex {
  const index: StartIndex = { exact: new Map(), prefix: new Map(), prefixLengths: [], suffix: new Map(), suffixLengths: [], num: [], always: [] };
  const prefixLengths = new Set<number>();
  const suffixLengths = new Set<number>();
  patterns.forEach((p, i) => {
    const first = p.elements[0]!;
    if (first.optional || first.end || first.start) {
      index.always.push(i);
      return;
    }
    const starts: WordTest[] = [...first.sequences.map((s) => s[0]!)];
    for (const w of first.exact) push(index.exact, w, i);
    for (const w of first.prefixes) starts.push({ prefix: w });
    for (const w of first.suffixes) starts.push({ suffix: w });
    if (first.num) index.num.push(i);
    for (const t of starts) {
      if ('exact' in t) push(index.exact, t.exact, i);
      else if ('prefix' in t) {
        push(index.prefix, t.prefix, i);
        prefixLengths.add(t.prefix.length);
      } else if ('suffix' in t) {
        push(index.suffix, t.suffix, i);
        suffixLengths.add(t.suffix.length);
      } else if ('num' in t) index.num.push(i);
      else index.always.push(i);
    }
  });
  index.prefixLengths = [...prefixLengths].sort((a, b) => a - b);
  index.suffixLengths = [...suffixLengths].sort((a, b) => a - b);
  return index;
}

/** For every pattern of the set, the token positions where it may start, in ascending order. */
export function candidateStarts(set: CompiledRuleSet, tokens: readonly Token[]): number[][] {
  const starts: number[][] = set.all.map(() => []);
  const { index } = set;
  const add = (list: number[] | undefined, pos: number) => {
    if (!list) return;
    for (const i of list) {
      const s = starts[i]!;
      if (s[s.length - 1] !== pos) s.push(pos);
    }
  };
  tokens.forEach((t, pos) => {
    for (const i of index.always) {
      const s = starts[i]!;
      if (s[s.length - 1] !== pos) s.push(pos);
    }
    if (t.numeric) add(index.num, pos);
    for (const form of t.forms) {
      add(index.exact.get(form), pos);
      for (const n of index.prefixLengths) {
        if (n > form.length) break;
        add(index.prefix.get(form.slice(0, n)), pos);
      }
      for (const n of index.suffixLengths) {
        if (n > form.length) break;
        add(index.suffix.get(form.slice(form.length - n)), pos);
      }
    }
  });
  // A position may have been added out of order by two forms of one token: keep each list sorted.
  for (const s of starts) s.sort((a, b) => a - b);
  return starts;
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
