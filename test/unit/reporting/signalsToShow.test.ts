// Unit tests of the signs the safety question lists (src/reporting/flow/emergencySignals.ts): each once, the longest.
import { describe, expect, it } from 'vitest';
import type { Signal } from '../../../src/classifiers/index.js';
import { signalsToShow } from '../../../src/reporting/flow/emergencySignals.js';

const rule = (match: string, category: Signal['category'] = 'physical-harm'): Signal => ({ rule: `en/${match.length}`, match, language: 'en', category });
const model = (match: string, category: Signal['category'] = 'physical-harm'): Signal => ({ rule: `model/${category}`, match, language: 'en', category, score: 0.9 });

describe('signalsToShow', () => {
  it('when one phrase lies inside a longer one of the same kind, then only the longer is listed', () => {
    expect(signalsToShow([rule('I will come'), rule('I will come to your house and hurt you')]).map((s) => s.match)).toEqual(['I will come to your house and hurt you']);
  });

  it('when the same phrase is found twice, then it is listed once', () => {
    expect(signalsToShow([rule('kill you'), rule('Kill you')])).toHaveLength(1);
  });

  it('when phrases of different kinds overlap, then both are listed', () => {
    expect(signalsToShow([rule('your address'), rule('I know your address and I will come', 'doxing')])).toHaveLength(2);
  });

  it('when the rules name a threat, then the model\'s reading of the same kind is not listed, and one of another kind is', () => {
    const shown = signalsToShow([model('the whole sentence'), rule('hurt you'), model('goodbye all', 'self-harm')]);
    expect(shown.map((s) => s.match)).toEqual(['hurt you', 'goodbye all']);
  });
});
