/**
 * The emergency classifier: whether Trust & Safety must hear of a report now. Pure and deterministic; it decides
 * nothing by itself, it tells the app that a report may be an emergency and why.
 */
import { publicSignal, type ScanResult } from './collectSignals.js';
import { languageVerdict, reportSignals } from './reportSignals.js';
import type { ClassifierInput, EmergencyVerdict } from './types.js';
import { isEmergencySignal, strongestHarmType } from './verdictRules.js';

/** The emergency verdict from a report's signals. */
export function emergencyVerdict(input: ClassifierInput, scan: ScanResult): EmergencyVerdict {
  const emergencySignals = scan.signals.filter(isEmergencySignal);
  const chosen = input.incidentType === 'immediate-threat-physical-harm';
  return {
    emergency: chosen,
    mayBeEmergency: !chosen && emergencySignals.length > 0,
    physicalHarmType: input.physicalHarmType ?? strongestHarmType(emergencySignals),
    signals: emergencySignals.map(publicSignal),
    reading: languageVerdict(scan),
  };
}

export function classifyEmergency(input: ClassifierInput): EmergencyVerdict {
  return emergencyVerdict(input, reportSignals(input));
}
