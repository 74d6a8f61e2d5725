// Unit tests of the emergency classifier's contract (src/classifiers/classifyEmergency.ts).
import { describe, expect, it } from 'vitest';
import { classifyEmergency, classifyReport } from '../../../src/classifiers/index.js';
import { reportSignals } from '../../../src/classifiers/reportSignals.js';
import type { ClassifierInput } from '../../../src/classifiers/types.js';
import { named } from '../../support/named.js';

/** A report as the form submits it, with no choice and no text unless given. */
function buildInput(overrides: Partial<ClassifierInput> = {}): ClassifierInput {
  return { incidentType: null, physicalHarmType: null, behaviorType: null, texts: [], snapshot: null, language: 'en', ...overrides };
}

describe('classifyEmergency', () => {
  it('when the reporter chose an emergency and wrote nothing, then it is an emergency of the chosen harm type with no signals', () => {
    const v = classifyEmergency(buildInput({ incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm' }));
    expect(v).toEqual({ emergency: true, mayBeEmergency: false, physicalHarmType: 'threats-self-harm', signals: [], reading: { languages: [], unreadable: [] } });
  });

  it('when the reporter chose a non-emergency and nothing in the texts is an emergency, then it is not one', () => {
    const v = classifyEmergency(buildInput({ incidentType: 'unacceptable-user-behavior', behaviorType: 'trolling', texts: ['He keeps reverting my edits'], snapshot: 'Your edits are rubbish' }));
    expect(v).toEqual({ emergency: false, mayBeEmergency: false, physicalHarmType: null, signals: [], reading: { languages: ['en'], unreadable: [] } });
  });

  it('(#6) when someone under "Trolling" writes that he posted their address and will come, then it may be an emergency (the reporter decides)', () => {
    const v = classifyEmergency(buildInput({ incidentType: 'unacceptable-user-behavior', behaviorType: 'trolling', texts: ['he posted my home address and says he will come'] }));
    expect(v.emergency).toBe(false);
    expect(v.mayBeEmergency).toBe(true);
    expect(v.physicalHarmType).toBe('threats-physical-harm');
    expect(v.signals).toContainEqual({ rule: 'en/threat-visit-after-doxing', match: 'he will come', language: 'en', category: 'physical-harm' });
  });

  it('when the reported comment holds the threat, then it is a signal even though the reporter wrote nothing', () => {
    const v = classifyEmergency(buildInput({ snapshot: 'I know where you live and I will kill you' }));
    expect(v.mayBeEmergency).toBe(true);
    expect(v.signals.map((s) => s.rule)).toContain('en/threat-direct');
  });

  it('when the reporter chose a harm type, then it is kept even if the signals point elsewhere', () => {
    const v = classifyEmergency(buildInput({ incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', texts: ['she says she wants to kill herself'] }));
    expect(v).toMatchObject({ emergency: true, mayBeEmergency: false, physicalHarmType: 'threats-physical-harm' });
    expect(new Set(v.signals.map((s) => s.category))).toEqual(new Set(['self-harm']));
  });

  it.each(named([
    { name: 'a threat to kill', text: 'I will kill you', harm: 'threats-physical-harm' },
    { name: 'self-harm intent', text: 'I want to end my life', harm: 'threats-self-harm' },
    { name: 'a threat to a school', text: "I'm going to shoot up the school", harm: 'threats-public-harm' },
    { name: 'a threat to a place and to a person (the public one is stronger)', text: 'I will kill you and then I will blow up the office', harm: 'threats-public-harm' },
  ] as const))('when no harm type was chosen and the text has %s, then the strongest signal gives it', (_, { text, harm }) => {
    expect(classifyEmergency(buildInput({ texts: [text] })).physicalHarmType).toBe(harm);
  });

  it('when the interface language differs from the text, then the text is still read in its own language', () => {
    const v = classifyEmergency(buildInput({ language: 'en', texts: ['Vou te matar amanhã'] }));
    expect(v.mayBeEmergency).toBe(true);
    expect(v.signals[0]!.language).toBe('pt');
  });

  it('when the language is a region code, then its rules are used', () => {
    expect(classifyEmergency(buildInput({ language: 'pt-BR', texts: ['vou te matar'] })).mayBeEmergency).toBe(true);
  });

  it('when only non-emergency signals are found, then they are not reported as emergency signals', () => {
    const v = classifyEmergency(buildInput({ texts: ['He published my real name and my employer on his user page'] }));
    expect(v).toEqual({ emergency: false, mayBeEmergency: false, physicalHarmType: null, signals: [], reading: { languages: ['en'], unreadable: [] } });
  });

  it('when the same input is classified twice, then the verdicts are equal (pure and deterministic)', () => {
    const input = buildInput({ texts: ['I will kill you', 'i wanna die'], snapshot: 'there is a bomb in the library' });
    expect(classifyEmergency(input)).toEqual(classifyEmergency(structuredClone(input)));
  });

  it('when the input is classified, then it is not changed', () => {
    const input = buildInput({ texts: ['I will kill you'] });
    const copy = structuredClone(input);
    classifyEmergency(input);
    expect(input).toEqual(copy);
  });

  it('when the reported comment is in a language without rules, then the verdict names it as unread', () => {
    const v = classifyEmergency(buildInput({ texts: ['He wrote this under my edit, I cannot read it'], snapshot: 'ฉันจะไปหาแกที่บ้านพรุ่งนี้ รอดูเถอะ' }));
    expect(v.reading).toEqual({ languages: ['en', 'th'], unreadable: ['th'] });
  });

  it('when a reporter writes words that may be a goodbye ("I can\'t do this anymore"), then the question is asked and the reporter decides', () => {
    // "I just want this to stop" alone is what reporters of harassment write; said with "I can't do this anymore" it may be a goodbye.
    const v = classifyEmergency(buildInput({ incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', texts: ["i want everything to stop, i can't do this anymore"] }));
    expect(v).toMatchObject({ emergency: false, mayBeEmergency: true, physicalHarmType: 'threats-self-harm' });
  });

  it('when a report is read again (filed, then mailed), then its texts are scanned once and the verdicts are the same', () => {
    const input = buildInput({ incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', texts: ['he said he will find me at the meetup on saturday'], snapshot: 'see you there' });
    const first = classifyReport(input);
    expect(reportSignals(structuredClone(input))).toBe(reportSignals(input));
    expect(classifyReport(structuredClone(input))).toEqual(first);
    // A shared scan cannot be changed by one of its readers.
    expect(() => (reportSignals(input).signals as unknown[]).push(null)).toThrow(TypeError);
    expect(reportSignals({ ...input, language: 'de' })).not.toBe(reportSignals(input));
  });
});
