/** Both verdicts on a report from one scan of its texts. */
import { emergencyVerdict } from './classifyEmergency.js';
import { nonEmergencyVerdict } from './classifyNonEmergency.js';
import { reportSignals } from './reportSignals.js';
import type { ClassifierInput, EmergencyVerdict, NonEmergencyVerdict } from './types.js';

/** Both verdicts on one report, its texts scanned once. */
export function classifyReport(input: ClassifierInput): { emergency: EmergencyVerdict; nonEmergency: NonEmergencyVerdict } {
  const signals = reportSignals(input);
  return { emergency: emergencyVerdict(input, signals), nonEmergency: nonEmergencyVerdict(input, signals) };
}
