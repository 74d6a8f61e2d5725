// Unit tests of the pattern language and the matcher (src/classifiers/compileRuleSet.ts, matchRuleSet.ts).
import { describe, expect, it } from 'vitest';
import { compilePattern, compileRuleSet } from '../../../src/classifiers/compileRuleSet.js';
import { matchRuleSet } from '../../../src/classifiers/matchRuleSet.js';
import { tokenize } from '../../../src/classifiers/normalise.js';
import type { RuleSet } from '../../../src/classifiers/rules/RuleSet.js';
import { named } from '../../support/named.js';

function ruleSet(pattern: string, overrides: Partial<RuleSet> = {}): RuleSet {
  return {
    language: 'xx',
    classes: { me: 'me us', go: 'going+to gonna' },
    negation: { words: 'not never', before: 2, after: 1 },
    clauseBreaks: 'but',
    fictionCues: ['novel'],
    topicCues: ['article'],
    idioms: ['kill time'],
    rules: [{ id: 'r', category: 'physical-harm', pattern }],
    ...overrides,
  };
}

const matches = (pattern: string, text: string, overrides: Partial<RuleSet> = {}) => matchRuleSet(compileRuleSet(ruleSet(pattern, overrides)), tokenize(text)).length > 0;

describe('patterns', () => {
  it.each(named([
    { name: 'a word', pattern: 'kill', text: 'Kill!', hit: true },
    { name: 'a prefix', pattern: 'suicid*', text: 'suicidal', hit: true },
    { name: 'a suffix', pattern: '*strasse #num', text: 'Hauptstraße 12', hit: true },
    { name: 'alternatives', pattern: 'kill|stab me', text: 'stab me', hit: true },
    { name: 'a class', pattern: 'kill @me', text: 'kill us', hit: true },
    { name: 'a sequence in a class', pattern: 'i @go kill', text: 'i going to kill', hit: true },
    { name: 'an optional element, present', pattern: 'i really? kill', text: 'i really kill', hit: true },
    { name: 'an optional element, absent', pattern: 'i really? kill', text: 'i kill', hit: true },
    { name: 'an optional first element, present', pattern: 'really? kill me', text: 'I really kill me', hit: true },
    { name: 'an optional first element, absent', pattern: 'really? kill me', text: 'kill me', hit: true },
    { name: 'an optional first element and a gap', pattern: 'really? _1 kill', text: 'they kill', hit: true },
    { name: 'a required word missing from the text', pattern: 'i really? kill', text: 'i really', hit: false },
    { name: 'a gap within its bound', pattern: 'kill _2 me', text: 'kill all of me', hit: true },
    { name: 'a gap beyond its bound', pattern: 'kill _2 me', text: 'kill all of them and me', hit: false },
    { name: 'the end of a sentence', pattern: 'live $', text: 'I do not want to live.', hit: true },
    { name: 'not the end of a sentence', pattern: 'live $', text: 'I live in London', hit: false },
    { name: 'the start of a sentence', pattern: '^ go', text: 'Go away', hit: true },
    { name: 'not the start of a sentence', pattern: '^ go', text: 'I go away', hit: false },
    { name: 'two sentences', pattern: 'kill _2 me', text: 'I kill. Me too', hit: false },
    { name: 'an idiom', pattern: 'kill', text: 'we kill time', hit: false },
  ]))('when the pattern has %s, then it matches as documented', (_, { pattern, text, hit }) => {
    expect(matches(pattern, text)).toBe(hit);
  });

  it.each(named([
    { name: 'a negation before it', text: 'I will never kill me', hit: false },
    { name: 'a negation after it, within the window', text: 'kill me not', hit: false },
    { name: 'a negation before a clause break', text: 'not this, but kill me', hit: true },
    { name: 'a negation too far before it', text: 'not one two three kill me', hit: true },
  ]))('when the text has %s, then the negation applies as scoped', (_, { text, hit }) => {
    expect(matches('kill me', text)).toBe(hit);
  });

  it('when the negation word is part of the pattern, then it does not negate the match', () => {
    expect(matches('not want to live', 'I do not want to live')).toBe(true);
  });

  it.each(named([
    { name: 'a direct rule in a sentence about a novel', kind: 'direct', text: 'in the novel he says kill me', hit: false },
    { name: 'a direct rule in a sentence about an article', kind: 'direct', text: 'after the article he said kill me', hit: true },
    { name: 'a quoted direct rule in a sentence about an article', kind: 'direct', text: 'the article quotes "kill me"', hit: false },
    { name: 'a reported rule in a sentence about an article', kind: 'reported', text: 'the article says kill me', hit: false },
  ] as const))('when %s, then cues mute it as its kind says', (_, { kind, text, hit }) => {
    expect(matchRuleSet(compileRuleSet({ ...ruleSet('kill me'), rules: [{ id: 'r', category: 'physical-harm', pattern: 'kill me', kind }] }), tokenize(text)).length > 0).toBe(hit);
  });

  it('when a rule claims its words, then later rules cannot use them', () => {
    const set = compileRuleSet({
      ...ruleSet(''),
      rules: [
        { id: 'told', category: 'intimidation', pattern: 'told me to kill myself', claims: true },
        { id: 'self', category: 'self-harm', pattern: 'kill myself' },
      ],
    });
    expect(matchRuleSet(set, tokenize('he told me to kill myself')).map((m) => m.rule.rule.id)).toEqual(['told']);
  });

  it.each(named([
    { name: 'an unknown class', pattern: 'kill @nobody', error: 'unknown class @nobody' },
    { name: 'a leading gap', pattern: '_2 kill', error: 'cannot start with a gap' },
    { name: 'a gap too wide', pattern: 'kill _9 me', error: 'gaps are _1 to _6' },
    { name: 'nothing', pattern: '   ', error: 'empty pattern' },
    { name: 'a word that normalises to nothing', pattern: 'kill \u200B', error: 'is not a word' },
    { name: 'a prefix of one letter repeated', pattern: 'kill _2 kkk*', error: 'collapses to the one letter "k"' },
  ]))('when a pattern has %s, then compiling it fails loudly', (_, { pattern, error }) => {
    expect(() => compilePattern(pattern, {}, 'test')).toThrow(error);
  });

  it('when two rules share an id, then compiling the set fails', () => {
    const set = ruleSet('kill');
    set.rules.push({ id: 'r', category: 'physical-harm', pattern: 'stab' });
    expect(() => compileRuleSet(set)).toThrow('two rules named r');
  });
});
