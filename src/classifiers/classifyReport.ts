/** Both verdicts on a report from one scan of its texts. */
import { emergencyVerdict } from './classifyEmergency.js';
import { nonEmergencyVerdict } from './classifyNonEmergency.js';
import { reportSignals } from './reportSignals.js';
import type { ClassifierInput, EmergencyVerdict, NonEmergencyVerdict } from './types.js';

/** Both verdicts on one report, its texts scanned once. */
export function classifyReport(input: ClassifierInput): { emergency: EmergencyVerdict; nonEmergency: NonEmergencyVerdict } {
  const scan = reportSignals(input);
  return { emergency: emergencyVerdict(input, scan), nonEmergency: nonEmergencyVerdict(input, scan.signals) };
}
