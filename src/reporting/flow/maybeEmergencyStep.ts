/** The one safety question of Special:ReportIncident, asked when a report about behaviour shows signs of a threat. */
import type { Request, Response } from 'express';
import type { Services } from '../../container.js';
import { ctx } from '../../http/context.js';
import { field, hasValidToken } from '../../http/forms.js';
import { signalLabelKey } from '../../classifiers/signalLabels.js';
import { crisisResourcesFor } from '../../communityConfig/crisisResources.js';
import { behaviorLabelKey, harmLabelKey } from '../../taxonomy/taxonomy.js';
import type { ReportDraft } from '../ReportDrafts.js';
import { asksSafetyQuestion, emergencySignals, signalsToShow } from './emergencySignals.js';
import { BASE, type ReportFlow } from './reportFlow.js';

export function maybeEmergencyStep(
  c: Services<'communityConfig' | 'reportDrafts' | 'sessions'>,
  flow: Pick<ReportFlow, 'countStep' | 'render' | 'describeTarget' | 'targetOf' | 'openDraft'>,
) {
  const { countStep, render, describeTarget, targetOf, openDraft } = flow;

  // ---- "This may be an emergency": shown when a non-emergency report carries signs of a threat ----
  async function maybeEmergency(req: Request, res: Response) {
    const opened = await openDraft(req, res);
    if (!opened) return;
    const { user, loaded } = opened;
    const draft = loaded.draft;
    if (draft.incidentType !== 'unacceptable-user-behavior' || !draft.behaviorType) {
      res.redirect(303, ctx(res).link(`${BASE}?draft=${loaded.id}`));
      return;
    }
    const target = await targetOf(res, draft);
    if (!target) return;
    const { lang } = ctx(res);
    const verdict = emergencySignals(draft, target, lang);
    if (!asksSafetyQuestion(verdict)) {
      // Nothing to ask about (the step was opened by its address): on to the Get support page.
      res.redirect(303, ctx(res).link(`${BASE}/support/${draft.behaviorType}?draft=${loaded.id}`));
      return;
    }
    await countStep(res, 'maybe-emergency-shown', verdict.physicalHarmType ?? '');
    const shown = signalsToShow(verdict.signals);
    const config = await c.communityConfig.current();
    return render(res, 'maybe-emergency', {
      draftId: loaded.id,
      target: describeTarget(res, target, draft.threadId),
      behaviorLabelKey: behaviorLabelKey(draft.behaviorType),
      harmLabelKey: verdict.physicalHarmType ? harmLabelKey(verdict.physicalHarmType) : null,
      signals: shown.map((s) => ({ match: s.match, labelKey: signalLabelKey[s.category] })),
      unreadable: !verdict.mayBeEmergency,
      crisisResources: verdict.signals.some((s) => s.category === 'self-harm') ? crisisResourcesFor(config.ReportIncident_CrisisResources, lang) : [],
    });
  }

  async function maybeEmergencyPost(req: Request, res: Response) {
    const opened = await openDraft(req, res);
    if (!opened) return;
    const { user, loaded } = opened;
    if (!hasValidToken(c, req, res)) return maybeEmergency(req, res);
    const draft: ReportDraft = { ...loaded.draft, maybeEmergencyAnswered: true };
    const answer = field(req, 'wpAction');
    if (answer === 'back') {
      await c.reportDrafts.save(loaded.id, user.id, draft, 'behavior');
      res.redirect(303, ctx(res).link(`${BASE}/behavior?draft=${loaded.id}`));
      return;
    }
    if (answer === 'emergency') {
      const target = await targetOf(res, draft);
      if (!target) return;
      const verdict = emergencySignals(loaded.draft, target, ctx(res).lang);
      const switched: ReportDraft = { ...draft, incidentType: 'immediate-threat-physical-harm' };
      delete switched.behaviorType;
      await countStep(res, 'maybe-emergency-outcome', 'switched');
      if (!verdict.physicalHarmType) {
        // Nothing was read (a language without rules): the reporter says which harm, self-harm included, on the first step.
        delete switched.physicalHarmType;
        await c.reportDrafts.save(loaded.id, user.id, switched, 'choose-type');
        res.redirect(303, ctx(res).link(`${BASE}?draft=${loaded.id}`));
        return;
      }
      await c.reportDrafts.save(loaded.id, user.id, { ...switched, physicalHarmType: verdict.physicalHarmType }, 'emergency');
      res.redirect(303, ctx(res).link(`${BASE}/emergency?draft=${loaded.id}`));
      return;
    }
    await c.reportDrafts.save(loaded.id, user.id, draft, 'support');
    await countStep(res, 'maybe-emergency-outcome', 'continued');
    await countStep(res, 'flow-finished', 'support');
    res.redirect(303, ctx(res).link(`${BASE}/support/${draft.behaviorType}?draft=${loaded.id}`));
  }

  return { get: maybeEmergency, post: maybeEmergencyPost };
}
