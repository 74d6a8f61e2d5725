/** Whether a report about behaviour gets the one safety question: read by the behaviour step and the question's own. */
import { classifyEmergency, type EmergencyVerdict, type Signal } from '../../classifiers/index.js';
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

/**
 * The signs the safety question lists: a threat the rules name is not listed again as the model's reading of the same
 * kind, and a phrase inside a longer one of the same kind ("I will come" in "I will come to your house and hurt you")
 * is not listed twice.
 */
export function signalsToShow(signals: readonly Signal[]): Signal[] {
  const ruled = new Set(signals.filter((s) => s.score === undefined).map((s) => s.category));
  const shown = signals.filter((s) => s.score === undefined || !ruled.has(s.category));
  const inside = (s: Signal, o: Signal) => o.category === s.category && o.match.toLocaleLowerCase().includes(s.match.toLocaleLowerCase());
  return shown.filter((s, i) => !shown.some((o, j) => j !== i && inside(s, o) && (o.match.length > s.match.length || j < i)));
}
