/** A rule set whose every word with one letter also matches its everyday spelling with another (ё as е, ł as l). */
import type { RuleSet } from './RuleSet.js';

/** Adds, to every word written with `letter`, its spelling with `typed` instead: in classes, patterns and word lists. */
export function withSpellingVariant(set: RuleSet, letter: string, typed: string): RuleSet {
  const word = (w: string) => (w.includes(letter) ? [w, w.replaceAll(letter, typed)] : [w]);
  const list = (s: string) => s.split(/\s+/u).filter(Boolean).flatMap(word).join(' ');
  const element = (el: string) => {
    const optional = el.length > 1 && el.endsWith('?') ? '?' : '';
    const body = optional ? el.slice(0, -1) : el;
    return body.split('|').flatMap(word).join('|') + optional;
  };
  const pattern = (p: string) => p.split(/\s+/u).filter(Boolean).map(element).join(' ');
  return {
    ...set,
    classes: Object.fromEntries(Object.entries(set.classes).map(([k, v]) => [k, list(v)])),
    negation: { ...set.negation, words: list(set.negation.words) },
    clauseBreaks: list(set.clauseBreaks),
    fictionCues: set.fictionCues.map(pattern),
    topicCues: set.topicCues.map(pattern),
    idioms: set.idioms.map(pattern),
    rules: set.rules.map((r) => ({ ...r, pattern: pattern(r.pattern) })),
  };
}
