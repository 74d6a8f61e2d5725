/** Step 1 of Special:ReportIncident: an emergency (and which harm) or unacceptable behaviour. */
import type { Request, Response } from 'express';
import type { UserAccount } from '../../accounts/UserAccount.js';
import type { Services } from '../../container.js';
import { ctx, param } from '../../http/context.js';
import { type FieldError, field, hasValidToken } from '../../http/forms.js';
import { timestampParts } from '../../i18n/formatDate.js';
import { crisisResourcesFor } from '../../communityConfig/crisisResources.js';
import { harmExampleKey, harmLabelKey, physicalHarmTypes } from '../../taxonomy/taxonomy.js';
import type { DraftStep, ReportDraft } from '../ReportDrafts.js';
import { BASE, type ReportFlow } from './reportFlow.js';

/** Where a flow was opened from, as the Report links say; anything else is a link from elsewhere. */
function entryPoint(source: string | undefined): string {
  return source === 'menu' || source === 'tools' ? source : 'link';
}

export function chooseTypeStep(
  c: Services<'communityConfig' | 'reportDrafts' | 'reports' | 'sessions'>,
  flow: Pick<ReportFlow, 'countStep' | 'render' | 'describeTarget' | 'targetOf' | 'samePage' | 'emergencyMail' | 'openDraft'>,
) {
  const { countStep, render, describeTarget, targetOf, samePage, emergencyMail, openDraft } = flow;

  const saveDraft = async (id: string | null, user: UserAccount, draft: ReportDraft, step: DraftStep) => {
    if (id) {
      await c.reportDrafts.save(id, user.id, draft, step);
      return id;
    }
    return await c.reportDrafts.create(user.id, draft, step);
  };

  /** Where a draft left at a step is picked up again. */
  function stepHref(id: string, draft: ReportDraft, step: DraftStep): string {
    if (step === 'support' && draft.behaviorType) return `${BASE}/support/${draft.behaviorType}?draft=${id}`;
    if (step === 'emergency' || step === 'behavior' || step === 'maybe-emergency') return `${BASE}/${step}?draft=${id}`;
    return `${BASE}?draft=${id}`;
  }

  /** When the reporter may send nothing more for now: said on the first step, before anything is typed. */
  async function rateLimitNotice(res: Response, user: UserAccount, draft: ReportDraft) {
    const limit = await c.reports.rateLimit(user);
    if (!limit.limited) return null;
    const { lang, t } = ctx(res);
    // A report of this comment filed today can still be added to (not charged): say so, or the reporter thinks they cannot.
    const earlier = await c.reports.earlierEmergency(user, draft);
    return {
      ...timestampParts(limit.retryAt, lang),
      ...emergencyMail(t('reportincident-mailto-subject')),
      earlier: earlier?.physicalHarmType ? { id: earlier.id, typeLabelKey: harmLabelKey(earlier.physicalHarmType) } : null,
    };
  }

  // ---- Step 1: what would you like to do ----
  async function chooseType(req: Request, res: Response, errors: FieldError[] = [], status = 200, posted?: ReportDraft) {
    const opened = await openDraft(req, res, { saved: false });
    if (!opened) return;
    const { user, loaded } = opened;
    const draft = posted ?? loaded.draft;
    const target = await targetOf(res, draft);
    if (!target) return;
    if (!loaded.id && !posted && param(req.query, 'fresh') === '1') await c.reportDrafts.discardUnfinished(user.id, draft, samePage);
    if (!loaded.id && !posted && param(req.query, 'fresh') !== '1') {
      // Report clicked again on a comment whose report was left unfinished: it reopens where it was left.
      const unfinished = await c.reportDrafts.unfinished(user.id, { page: draft.page, threadId: draft.threadId }, samePage);
      if (unfinished) {
        res.redirect(303, ctx(res).link(`${stepHref(unfinished.id, unfinished.draft, unfinished.step)}&resumed=1`));
        return;
      }
    }
    if (!loaded.id && !posted) await countStep(res, 'report-opened', entryPoint(param(req.query, 'source')));
    return await render(
      res,
      'choose-type',
      {
        draftId: loaded.id,
        draft,
        rateLimit: await rateLimitNotice(res, user, draft),
        // A tester's reports go nowhere: said before anything is typed, with where a real emergency goes (#16).
        testerMail: await c.reports.isTester(user) ? emergencyMail(ctx(res).t('reportincident-mailto-subject')) : null,
        // Refused for the limit with self-harm chosen: the crisis services, never just a refusal.
        crisisResources: status === 429 && draft.physicalHarmType === 'threats-self-harm' ? crisisResourcesFor((await c.communityConfig.current()).ReportIncident_CrisisResources, ctx(res).lang) : [],
        target: describeTarget(res, target, draft.threadId),
        harmTypes: physicalHarmTypes.map((h) => ({ value: h, labelKey: harmLabelKey(h), exampleKey: harmExampleKey(h) })),
        errors,
      },
      status,
    );
  }

  async function chooseTypePost(req: Request, res: Response) {
    const opened = await openDraft(req, res, { saved: false });
    if (!opened) return;
    const { user, loaded } = opened;
    const incidentType = field(req, 'incidentType');
    const physicalHarmType = field(req, 'physicalHarmType');
    const draft: ReportDraft = { ...loaded.draft };
    delete draft.incidentType;
    if (incidentType === 'immediate-threat-physical-harm' || incidentType === 'unacceptable-user-behavior') draft.incidentType = incidentType;
    // Switching back to a non-emergency clears the harm type, as the original does.
    delete draft.physicalHarmType;
    if (draft.incidentType === 'immediate-threat-physical-harm' && (physicalHarmTypes as readonly string[]).includes(physicalHarmType ?? '')) {
      draft.physicalHarmType = physicalHarmType as ReportDraft['physicalHarmType'];
    }
    const errors: FieldError[] = [];
    if (!hasValidToken(c, req, res)) errors.push({ field: 'incidentType-unacceptable-user-behavior', messageKey: 'session-failure' });
    else if (!draft.incidentType) errors.push({ field: 'incidentType-unacceptable-user-behavior', messageKey: 'reportincident-type-required' });
    else if (draft.incidentType === 'immediate-threat-physical-harm' && !draft.physicalHarmType) errors.push({ field: 'physicalHarmType-threats-physical-harm', messageKey: 'reportincident-threat-harm-required' });
    if (errors.length) return chooseType(req, res, errors, 422, draft);
    if (draft.incidentType === 'immediate-threat-physical-harm' && (await c.reports.rateLimit(user)).limited && !await c.reports.foldsIntoEarlier(user, draft, draft.physicalHarmType ?? '')) {
      return chooseType(req, res, [{ field: 'rate-limit', messageKey: 'reportincident-ratelimited-first-step' }], 429, draft);
    }
    const emergency = draft.incidentType === 'immediate-threat-physical-harm';
    const id = await saveDraft(loaded.id, user, draft, emergency ? 'emergency' : 'behavior');
    await countStep(res, 'step1-choice', emergency ? 'emergency' : 'non-emergency');
    if (emergency && draft.physicalHarmType) await countStep(res, 'harm-type-chosen', draft.physicalHarmType);
    res.redirect(303, ctx(res).link(`${BASE}/${emergency ? 'emergency' : 'behavior'}?draft=${id}`));
  }

  return { get: (req: Request, res: Response) => chooseType(req, res), post: chooseTypePost };
}
