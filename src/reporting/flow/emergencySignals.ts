/** Whether a report about behaviour gets the one safety question: read by the behaviour step and the question's own. */
import { classifyEmergency, type EmergencyVerdict } from '../../classifiers/index.js';
import type { ReportDraft } from '../ReportDrafts.js';
import type { ReportTarget } from '../ReportService.js';

/**
 * Whether a report about behaviour earns the one question: signs of a threat, or text in a language no rules read
 * (no signal there does not mean no danger).
 */
export function asksSafetyQuestion(verdict: EmergencyVerdict): boolean {
  return verdict.mayBeEmergency || verdict.reading.unreadable.length > 0;
}

/** What the emergency classifier finds in the reported comment and the reporter's description. */
export function emergencySignals(draft: ReportDraft, target: ReportTarget, lang: string) {
  return classifyEmergency({
    incidentType: 'unacceptable-user-behavior',
    physicalHarmType: null,
    behaviorType: draft.behaviorType ?? null,
    texts: [draft.somethingElseDetails ?? ''].filter(Boolean),
    snapshot: target.snapshot?.text ?? null,
    language: lang,
  });
}
