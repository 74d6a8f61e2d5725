/**
 * The emergency classifier: whether Trust & Safety must hear of a report now. Pure and deterministic; it decides
 * nothing by itself, it tells the app that a report may be an emergency and why.
 */
import { collectSignals, publicSignal, type TextToScan, type WeighedSignal } from './collectSignals.js';
import { ruleSetsFor } from './ruleSetsForText.js';
import type { ClassifierInput, EmergencyVerdict } from './types.js';
import { isEmergencySignal, strongestHarmType } from './verdictRules.js';

/** The texts of a report, the reporter's and the reported comment's. */
export function textsOf(input: ClassifierInput): TextToScan[] {
  const items: TextToScan[] = input.texts.map((text) => ({ text, isSnapshot: false }));
  if (input.snapshot) items.push({ text: input.snapshot, isSnapshot: true });
  return items;
}

/**
 * The rule sets for one text of a report: the reporter's interface language is a hint, not a limit, since people
 * write in the language they think in; every language of the text's scripts is tried too.
 */
export function reportRuleSets(language: string | null) {
  return (text: string) => {
    const byScript = ruleSetsFor(text, null);
    const stated = ruleSetsFor(text, language).filter((s) => !byScript.includes(s));
    return [...stated, ...byScript];
  };
}

/** Every signal in a report's texts; both classifiers read the same list, so a report is scanned once. */
export function reportSignals(input: ClassifierInput): WeighedSignal[] {
  return collectSignals(textsOf(input), reportRuleSets(input.language));
}

/** The emergency verdict from a report's signals. */
export function emergencyVerdict(input: ClassifierInput, signals: readonly WeighedSignal[]): EmergencyVerdict {
  const emergencySignals = signals.filter(isEmergencySignal);
  const chosen = input.incidentType === 'immediate-threat-physical-harm';
  return {
    emergency: chosen,
    mayBeEmergency: !chosen && emergencySignals.length > 0,
    physicalHarmType: input.physicalHarmType ?? strongestHarmType(emergencySignals),
    signals: emergencySignals.map(publicSignal),
  };
}

export function classifyEmergency(input: ClassifierInput): EmergencyVerdict {
  return emergencyVerdict(input, reportSignals(input));
}
