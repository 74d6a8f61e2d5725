/** The non-emergency step of Special:ReportIncident: which behaviour, then its Get support page (or the one safety question). */
import type { Request, Response } from 'express';
import type { Services } from '../../container.js';
import { ctx } from '../../http/context.js';
import { type FieldError, field, hasValidToken } from '../../http/forms.js';
import { type BehaviorType, behaviorHelpKey, behaviorLabelKey } from '../../taxonomy/taxonomy.js';
import { codePointLength } from '../../wiki/textInput.js';
import type { ReportDraft } from '../ReportDrafts.js';
import { MAX_SOMETHING_ELSE_CODE_POINTS } from '../reportSchemas.js';
import { asksSafetyQuestion, emergencySignals } from './emergencySignals.js';
import { BASE, type ReportFlow } from './reportFlow.js';

export function behaviorStep(
  c: Services<'reportDrafts' | 'sessions' | 'settings'>,
  flow: Pick<ReportFlow, 'countStep' | 'render' | 'describeTarget' | 'targetOf' | 'openDraft'>,
) {
  const { countStep, render, describeTarget, targetOf, openDraft } = flow;

  // ---- Non-emergency: the type of behaviour ----
  async function behavior(req: Request, res: Response, errors: FieldError[] = [], status = 200, posted?: ReportDraft) {
    const opened = await openDraft(req, res);
    if (!opened) return;
    const { user, loaded } = opened;
    const draft = posted ?? loaded.draft;
    if (draft.incidentType !== 'unacceptable-user-behavior') {
      res.redirect(303, ctx(res).link(`${BASE}?draft=${loaded.id}`));
      return;
    }
    const target = await targetOf(res, draft);
    if (!target) return;
    return render(
      res,
      'behavior',
      {
        draftId: loaded.id,
        draft,
        target: describeTarget(res, target, draft.threadId),
        behaviors: c.settings.ReportIncidentEnabledNonEmergencyCategories.map((b) => ({ value: b, labelKey: behaviorLabelKey(b), helpKey: behaviorHelpKey(b) })),
        maxSomethingElse: MAX_SOMETHING_ELSE_CODE_POINTS,
        somethingElseLength: codePointLength(draft.somethingElseDetails ?? ''),
        errors,
      },
      status,
    );
  }

  async function behaviorPost(req: Request, res: Response) {
    const opened = await openDraft(req, res);
    if (!opened) return;
    const { user, loaded } = opened;
    const chosen = field(req, 'behaviorType');
    const draft: ReportDraft = { ...loaded.draft, somethingElseDetails: field(req, 'somethingElseDetails') ?? '' };
    delete draft.behaviorType;
    if ((c.settings.ReportIncidentEnabledNonEmergencyCategories as string[]).includes(chosen ?? '')) draft.behaviorType = chosen as BehaviorType;
    if (!hasValidToken(c, req, res)) return behavior(req, res, [{ field: `behaviorType-${c.settings.ReportIncidentEnabledNonEmergencyCategories[0]}`, messageKey: 'session-failure' }], 422, draft);
    await c.reportDrafts.save(loaded.id, user.id, draft, 'behavior');
    if (field(req, 'wpAction') === 'back') {
      res.redirect(303, ctx(res).link(`${BASE}?draft=${loaded.id}`));
      return;
    }
    if (field(req, 'wpAction') === 'save') {
      res.status(204).end();
      return;
    }
    const errors: FieldError[] = [];
    const something = (draft.somethingElseDetails ?? '').trim();
    // Reading the help for "Something else" needs no description; only a report sent from it does.
    if (!draft.behaviorType) errors.push({ field: `behaviorType-${c.settings.ReportIncidentEnabledNonEmergencyCategories[0]}`, messageKey: 'reportincident-behavior-required' });
    else if (draft.behaviorType === 'something-else' && codePointLength(something) > MAX_SOMETHING_ELSE_CODE_POINTS) {
      errors.push({ field: 'somethingElseDetails', messageKey: 'reportincident-error-too-long-field', params: { max: MAX_SOMETHING_ELSE_CODE_POINTS, count: codePointLength(something) } });
    }
    if (errors.length) return behavior(req, res, errors, 422, draft);
    await countStep(res, 'behavior-type-chosen', draft.behaviorType!);
    // Assistive only: words of a threat in the comment or the description earn one question, never an action.
    if (!draft.maybeEmergencyAnswered) {
      const target = await targetOf(res, draft);
      if (!target) return;
      const verdict = emergencySignals(draft, target, ctx(res).lang);
      if (asksSafetyQuestion(verdict)) {
        await c.reportDrafts.save(loaded.id, user.id, draft, 'maybe-emergency');
        res.redirect(303, ctx(res).link(`${BASE}/maybe-emergency?draft=${loaded.id}`));
        return;
      }
    }
    await countStep(res, 'flow-finished', 'support');
    res.redirect(303, ctx(res).link(`${BASE}/support/${draft.behaviorType}?draft=${loaded.id}`));
  }

  return { get: (req: Request, res: Response) => behavior(req, res), post: behaviorPost };
}
