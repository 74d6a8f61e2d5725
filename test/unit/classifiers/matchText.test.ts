// matchText: the words a signal quotes to the reporter and to Trust & Safety.
import { describe, expect, it } from 'vitest';
import { matchText } from '../../../src/classifiers/collectSignals.js';
import { tokenize } from '../../../src/classifiers/normalise.js';

describe('matchText', () => {
  it('when a match is short, then it is quoted whole', () => {
    const text = 'I will find you tonight.';
    const tokens = tokenize(text);
    expect(matchText(text, tokens, 0, tokens.length)).toBe('I will find you tonight');
  });

  it('when a match is longer than 200 characters, then it is cut at a word boundary and marked as cut, never mid-word', () => {
    const text = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const tokens = tokenize(text);
    const quoted = matchText(text, tokens, 0, tokens.length);
    expect(quoted.endsWith('…')).toBe(true);
    expect([...quoted].length).toBeLessThanOrEqual(201);
    const words = quoted.slice(0, -1).split(' ');
    expect(words.every((w, i) => w === `word${i}`)).toBe(true);
  });
});
