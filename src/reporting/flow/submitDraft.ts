/** Filing a draft as a report, from the emergency step and from the direct-report form of a Get support page. */
import type { Request, Response } from 'express';
import type { UserAccount } from '../../accounts/UserAccount.js';
import type { Services } from '../../container.js';
import { ctx } from '../../http/context.js';
import type { FieldError } from '../../http/forms.js';
import { timestampParts } from '../../i18n/formatDate.js';
import { isDatabaseBusy } from '../../storage/databaseErrors.js';
import type { ReportDraft } from '../ReportDrafts.js';
import { ReportBodySchema, bodyProblems } from '../reportSchemas.js';
import { BASE, type ReportFlow } from './reportFlow.js';

export function draftSubmitter(c: Services<'logger' | 'reportDrafts' | 'reports'>, { countStep, samePage }: Pick<ReportFlow, 'countStep' | 'samePage'>) {
  /** Files the report through the same schema and service as the REST endpoint. */
  async function submitDraft(_req: Request, res: Response, user: UserAccount, draftId: string, draft: ReportDraft, redraw: (errors: FieldError[], status: number) => Promise<void>) {
    const { lang } = ctx(res);
    const body = {
      revisionId: draft.revisionId,
      page: draft.page,
      ...(draft.threadId ? { threadId: draft.threadId } : {}),
      ...(draft.reportedUser !== undefined ? { reportedUser: draft.reportedUser } : {}),
      incidentType: draft.incidentType,
      ...(draft.physicalHarmType ? { physicalHarmType: draft.physicalHarmType } : {}),
      ...(draft.behaviorType ? { behaviorType: draft.behaviorType } : {}),
      ...(draft.about ? { about: draft.about } : {}),
      ...(draft.incidentType === 'immediate-threat-physical-harm' && draft.details ? { details: draft.details } : {}),
      ...(draft.behaviorType === 'something-else' && draft.somethingElseDetails ? { somethingElseDetails: draft.somethingElseDetails } : {}),
      ...(draft.directReport ? { directReport: draft.directReport } : {}),
      ...(draft.directReport && draft.recuse?.length ? { recuse: draft.recuse } : {}),
      token: 'form',
    };
    const parsed = ReportBodySchema.safeParse(body);
    if (!parsed.success) {
      return redraw(bodyProblems(parsed.error, body).map((p) => ({ field: p.field, messageKey: p.messageKey === 'reportincident-error-too-long' ? 'reportincident-error-too-long-field' : p.messageKey, params: p.params })), 422);
    }
    const { token: _token, ...submission } = parsed.data;
    const result = await c.reports.submit(user, ctx(res).blocks, submission, lang);
    if (!result.ok) {
      const e = result.error;
      const params = { ...e.params, ...(typeof e.params.retryAt === 'number' ? timestampParts(e.params.retryAt, lang) : {}) };
      // The rate limit is no fault of a field: it is said in a box of its own, with the way to write instead.
      const place = e.status === 429 ? 'rate-limit' : (e.field ?? (draft.incidentType === 'immediate-threat-physical-harm' ? 'details' : 'directReport'));
      return redraw([{ field: place, messageKey: e.messageKey, params }], e.status);
    }
    // The report is stored: a lock that keeps the draft from being marked must not make the page say otherwise.
    try {
      await c.reportDrafts.markSubmitted(draftId, user.id, draft, result.report.id);
      await c.reportDrafts.discardUnfinished(user.id, draft, samePage, draftId);
    } catch (e) {
      if (!isDatabaseBusy(e)) throw e;
      c.logger.warn('a submitted draft could not be marked (the database was locked); the report is stored', { reportId: result.report.id });
    }
    // A flow ends at its report (an emergency's) or at its Get support page (counted there; a direct report follows it).
    if (draft.incidentType === 'immediate-threat-physical-harm') await countStep(res, 'flow-finished', 'emergency');
    const outcome = result.updated ? '?duplicate=1&updated=1' : result.duplicate ? '?duplicate=1' : '';
    res.redirect(303, ctx(res).link(`${BASE}/submitted/${encodeURIComponent(result.report.id)}${outcome}`));
  }

  return submitDraft;
}

export type SubmitDraft = ReturnType<typeof draftSubmitter>;
