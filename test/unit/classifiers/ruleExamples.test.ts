// Unit tests of the rule data (src/classifiers/rules/*.ts): every rule set compiles, and every rule fires on the examples it lists and stays quiet on the others.
import { describe, expect, it } from 'vitest';
import { classifyText } from '../../../src/classifiers/classifyText.js';
import { compileRuleSet } from '../../../src/classifiers/compileRuleSet.js';
import { ruleSets } from '../../../src/classifiers/rules/index.js';

const examples = Object.values(ruleSets).flatMap((set) =>
  set.rules.flatMap((rule) => [
    ...(rule.examples?.fires ?? []).map((text) => ({ lang: set.language, rule: `${set.language}/${rule.id}`, text, fires: true })),
    ...(rule.examples?.quiet ?? []).map((text) => ({ lang: set.language, rule: `${set.language}/${rule.id}`, text, fires: false })),
  ]),
);

describe('rule sets', () => {
  it.each(Object.keys(ruleSets))('when the %s rule set is compiled, then every pattern is well formed', (lang) => {
    expect(() => compileRuleSet(ruleSets[lang]!)).not.toThrow();
  });

  it.each(Object.entries(ruleSets))('when the %s rule set is read, then its language is its key and rule ids are unique', (lang, set) => {
    expect(set.language).toBe(lang);
    const ids = set.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(Object.values(ruleSets).map((s) => [s.language, s.rules.filter((r) => r.examples?.fires?.length).length] as const))(
    'when the %s rules are counted, then enough of them carry examples',
    (_, withExamples) => {
      expect(withExamples).toBeGreaterThanOrEqual(20);
    },
  );
});

describe('rule examples', () => {
  it.each(examples.map((e) => [`${e.rule} ${e.fires ? 'fires on' : 'stays quiet on'} "${e.text}"`, e] as const))('when %s, then the rule agrees', (_, e) => {
    const rules = classifyText(e.text, e.lang).signals.map((s) => s.rule);
    if (e.fires) expect(rules).toContain(e.rule);
    else expect(rules).not.toContain(e.rule);
  });
});
