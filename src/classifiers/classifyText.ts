/** Classifies one free text as the `classify` command does: both classifiers' findings in one verdict. */
import { collectSignals, publicSignal } from './collectSignals.js';
import { ruleSetsFor } from './ruleSetsForText.js';
import type { TextVerdict } from './types.js';
import { isEmergencySignal, strongestHarmType, suggestedBehaviorTypes } from './verdictRules.js';

/**
 * The text is treated like a reported comment (personal data in it counts). With `lang`, only that language's rules
 * run; without it (or with a language we have no rules for), every language written in the text's scripts.
 */
export function classifyText(text: string, lang?: string | null): TextVerdict {
  const signals = collectSignals([{ text, isSnapshot: true }], (t) => ruleSetsFor(t, lang ?? null));
  const emergencySignals = signals.filter(isEmergencySignal);
  return {
    emergency: emergencySignals.length > 0,
    physicalHarmType: strongestHarmType(signals),
    behaviorType: suggestedBehaviorTypes(signals.filter((s) => !isEmergencySignal(s)))[0] ?? null,
    signals: signals.map(publicSignal),
  };
}
