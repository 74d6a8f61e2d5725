/**
 * The non-emergency classifier: which community path fits. The reporter's choice leads; a suggestion is offered only
 * when the texts clearly match another behaviour type. Pure and deterministic; it never acts on its own.
 */
import { publicSignal, type WeighedSignal } from './collectSignals.js';
import { reportSignals } from './reportSignals.js';
import type { ClassifierInput, NonEmergencyVerdict } from './types.js';
import { behaviorTypeOf, suggestedBehaviorTypes } from './verdictRules.js';

/** The non-emergency verdict from a report's signals. */
export function nonEmergencyVerdict(input: ClassifierInput, allSignals: readonly WeighedSignal[]): NonEmergencyVerdict {
  const signals = allSignals.filter((s) => behaviorTypeOf[s.category] !== undefined);
  const matched = suggestedBehaviorTypes(signals);
  // A signal that confirms the reporter's own choice means there is nothing to suggest.
  const suggested = input.behaviorType && matched.includes(input.behaviorType) ? null : (matched[0] ?? null);
  return {
    behaviorType: input.behaviorType,
    suggestedBehaviorType: suggested,
    route: input.directReportAvailable === true && input.behaviorType !== null && (input.directReport ?? '').trim() !== '' ? 'direct' : 'support',
    signals: signals.map(publicSignal),
  };
}

export function classifyNonEmergency(input: ClassifierInput): NonEmergencyVerdict {
  return nonEmergencyVerdict(input, reportSignals(input).signals);
}

