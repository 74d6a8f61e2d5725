// Unit tests of the non-emergency classifier's contract (src/classifiers/classifyNonEmergency.ts).
import { describe, expect, it } from 'vitest';
import { classifyEmergency, classifyNonEmergency, classifyReport } from '../../../src/classifiers/index.js';
import type { ClassifierInput } from '../../../src/classifiers/types.js';
import { named } from '../../support/named.js';

function buildInput(overrides: Partial<ClassifierInput> = {}): ClassifierInput {
  return { incidentType: 'unacceptable-user-behavior', physicalHarmType: null, behaviorType: 'something-else', texts: [], snapshot: null, language: 'en', ...overrides };
}

describe('classifyNonEmergency', () => {
  it('when the texts match nothing, then the reporter\'s choice stands, with no suggestion', () => {
    expect(classifyNonEmergency(buildInput({ behaviorType: 'trolling', texts: ['We disagree about which source to cite for the founding date'] }))).toEqual({
      behaviorType: 'trolling',
      suggestedBehaviorType: null,
      route: 'support',
      signals: [],
    });
  });

  it.each(named([
    { name: 'a published address', text: 'He published my home address on his user page', suggested: 'doxing' },
    { name: 'requests for nudes', text: 'He keeps asking me for nudes', suggested: 'sexual-harassment' },
    { name: 'dehumanising hate', text: 'Muslims are vermin', suggested: 'hate-or-discrimination' },
    { name: 'a threat', text: 'I will kill you', suggested: 'intimidation' },
    { name: '"go kill yourself"', text: 'go kill yourself', suggested: 'intimidation' },
    { name: 'a spam pitch', text: 'Click here to buy cheap viagra', suggested: 'spam' },
  ] as const))('when a "something else" text has %s, then that behaviour type is suggested', (_, { text, suggested }) => {
    const v = classifyNonEmergency(buildInput({ texts: [text] }));
    expect(v.behaviorType).toBe('something-else');
    expect(v.suggestedBehaviorType).toBe(suggested);
    expect(v.signals.length).toBeGreaterThan(0);
  });

  it('(#6) when "Trolling" is chosen for a published address and a threat to come, then doxing is suggested', () => {
    const v = classifyNonEmergency(buildInput({ behaviorType: 'trolling', texts: ['he posted my home address and says he will come'] }));
    expect(v.suggestedBehaviorType).toBe('doxing');
    expect(v.signals.map((s) => s.category)).toEqual(expect.arrayContaining(['doxing', 'physical-harm']));
  });

  it('when the signals confirm the reporter\'s choice, then nothing is suggested', () => {
    expect(classifyNonEmergency(buildInput({ behaviorType: 'doxing', texts: ['He posted my phone number'] })).suggestedBehaviorType).toBeNull();
  });

  it('when the reported comment writes out a phone number, then doxing is suggested and the number is masked in the signal', () => {
    const v = classifyNonEmergency(buildInput({ behaviorType: 'trolling', snapshot: 'Here is her number, call her and tell her what you think: +55 11 98765-4321' }));
    expect(v.suggestedBehaviorType).toBe('doxing');
    expect(v.signals).toContainEqual({ rule: 'pii/phone-number', match: '+•• •• •••••-••21', language: 'und', category: 'doxing' });
  });

  it('when the reporter gives a phone number in their own text, then it is not taken for doxing', () => {
    expect(classifyNonEmergency(buildInput({ texts: ['You can reach me at +55 11 98765-4321'] })).suggestedBehaviorType).not.toBe('doxing');
  });

  it('when only self-harm is found, then no behaviour type is suggested: that is the emergency path', () => {
    const v = classifyNonEmergency(buildInput({ texts: ['I want to kill myself'] }));
    expect(v.suggestedBehaviorType).toBeNull();
    expect(v.signals).toEqual([]);
  });

  it.each(named([
    { name: 'direct report available, a category chosen and a report written', available: true, behaviorType: 'intimidation', directReport: 'Please help', route: 'direct' },
    { name: 'direct report available and a category chosen but nothing written', available: true, behaviorType: 'intimidation', directReport: ' \n ', route: 'support' },
    { name: 'direct report available but no category', available: true, behaviorType: null, directReport: 'Please help', route: 'support' },
    { name: 'no direct report available', available: false, behaviorType: 'intimidation', directReport: 'Please help', route: 'support' },
    { name: 'availability not given', available: undefined, behaviorType: 'intimidation', directReport: 'Please help', route: 'support' },
  ] as const))('when %s, then the route follows', (_, { available, behaviorType, directReport, route }) => {
    const input = buildInput({ behaviorType, directReport, ...(available === undefined ? {} : { directReportAvailable: available }) });
    expect(classifyNonEmergency(input).route).toBe(route);
  });

  it('when a threat is in a non-emergency report, then the reporter\'s choice is still kept (the app offers, it does not decide)', () => {
    const v = classifyNonEmergency(buildInput({ behaviorType: 'trolling', directReportAvailable: true, directReport: 'he says he will stab me', texts: ['he says he will stab me'] }));
    expect(v.behaviorType).toBe('trolling');
    expect(v.route).toBe('direct');
    expect(v.suggestedBehaviorType).toBe('intimidation');
  });
});

describe('classifyReport', () => {
  it.each(named([
    { name: 'a threat and a published address', input: { behaviorType: 'trolling' as const, texts: ['he posted my home address and says he will come'] } },
    { name: 'a self-harm statement in the snapshot', input: { snapshot: 'I want to end my life' } },
    { name: 'nothing', input: { texts: ['He keeps reverting my edits'] } },
  ]))('when the report has %s, then its verdicts are those of the two classifiers run apart', (_, { input }) => {
    const full = buildInput(input);
    expect(classifyReport(full)).toEqual({ emergency: classifyEmergency(full), nonEmergency: classifyNonEmergency(full) });
  });
});
