/** Classifies one free text as the `classify` command does: both classifiers' findings in one verdict. */
import { collectSignals, publicSignal } from './collectSignals.js';
import type { TextVerdict } from './types.js';
import { isEmergencySignal, strongestHarmType, suggestedBehaviorTypes } from './verdictRules.js';

/**
 * The text is treated like a reported comment (personal data in it counts). Its language is identified and that
 * language's rules read it; `lang` (a language the text is expected in) adds its rules too.
 */
export function classifyText(text: string, lang?: string | null): TextVerdict {
  const { signals, readings } = collectSignals([{ text, isSnapshot: true }], lang ?? null);
  const emergencySignals = signals.filter(isEmergencySignal);
  const reading = readings[0];
  return {
    language: reading?.language ?? 'zxx',
    readable: reading?.readable ?? true,
    emergency: emergencySignals.length > 0,
    physicalHarmType: strongestHarmType(signals),
    behaviorType: suggestedBehaviorTypes(signals.filter((s) => !isEmergencySignal(s)))[0] ?? null,
    signals: signals.map(publicSignal),
  };
}
