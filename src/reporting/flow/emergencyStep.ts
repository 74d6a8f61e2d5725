/** The emergency step of Special:ReportIncident: about whom (self-harm asks first), the details, then filing. */
import type { Request, Response } from 'express';
import { isIpAddress } from '../../accounts/UserAccount.js';
import type { Services } from '../../container.js';
import { ctx } from '../../http/context.js';
import { type FieldError, field, hasValidToken } from '../../http/forms.js';
import { crisisResourcesFor } from '../../communityConfig/crisisResources.js';
import { databaseBusy } from '../../shared/AppError.js';
import { harmLabelKey } from '../../taxonomy/taxonomy.js';
import { codePointLength } from '../../wiki/textInput.js';
import type { ReportDraft } from '../ReportDrafts.js';
import type { ReportTarget } from '../ReportService.js';
import { MAX_DETAILS_CODE_POINTS } from '../reportSchemas.js';
import { BASE, type ReportFlow } from './reportFlow.js';
import type { SubmitDraft } from './submitDraft.js';

export function emergencyStep(
  c: Services<'accounts' | 'communityConfig' | 'reportDrafts' | 'sessions' | 'settings'>,
  flow: Pick<ReportFlow, 'keepDraft' | 'render' | 'describeTarget' | 'targetOf' | 'emergencyMail' | 'openDraft'>,
  submitDraft: SubmitDraft,
) {
  const { keepDraft, render, describeTarget, targetOf, emergencyMail, openDraft } = flow;

  /** What an emergency mail written by hand should carry: the permanent link and what the reporter typed. */
  function mailBody(res: Response, target: ReportTarget, draft: ReportDraft): string {
    const link = `${c.settings.Server}/w/index.php?oldid=${target.revision?.id ?? 0}${draft.threadId ? `#${encodeURIComponent(draft.threadId)}` : ''}`;
    return ctx(res).t('reportincident-mailto-body', { link, details: (draft.details ?? '').trim() });
  }

  // ---- Emergency: who, about whom, details ----
  async function emergency(req: Request, res: Response, errors: FieldError[] = [], status = 200, posted?: ReportDraft) {
    const opened = await openDraft(req, res);
    if (!opened) return;
    const { user, loaded } = opened;
    const draft = posted ?? loaded.draft;
    if (draft.incidentType !== 'immediate-threat-physical-harm' || !draft.physicalHarmType) {
      res.redirect(303, ctx(res).link(`${BASE}?draft=${loaded.id}`));
      return;
    }
    const target = await targetOf(res, draft);
    if (!target) return;
    const author = target.snapshot?.author ?? '';
    // The comment's author is fixed when it is an IP or an existing account: it cannot be typed wrong.
    const fixedReportedUser = author && (isIpAddress(author) || await c.accounts.findByName(author)) ? author : null;
    const { lang, t } = ctx(res);
    // Self-harm asks first whether it is about the reporter: someone at risk is not asked whom they report.
    const selfHarm = draft.physicalHarmType === 'threats-self-harm';
    const aboutSelf = selfHarm && draft.about === 'self';
    const config = await c.communityConfig.current();
    const limited = status === 429;
    return render(
      res,
      'emergency',
      {
        draftId: loaded.id,
        draft,
        selfHarm,
        askAboutFirst: selfHarm && !draft.aboutAnswered,
        aboutSelf,
        // Crisis resources as soon as self-harm is chosen, not only after Submit.
        crisisResources: selfHarm ? crisisResourcesFor(config.ReportIncident_CrisisResources, lang) : [],
        crisisIntroKey: selfHarm && draft.about === 'someone-else' ? 'reportincident-submitted-crisis-intro-other' : 'reportincident-submitted-crisis-intro',
        // Refused by the rate limit after typing: the words come back in a mail they can send instead.
        limitMail: limited ? emergencyMail(t('reportincident-mailto-subject'), mailBody(res, target, draft)) : null,
        harmLabelKey: harmLabelKey(draft.physicalHarmType),
        // Someone at risk themselves is not "reporting" the comment's author: the comment is where it was said.
        target: { ...describeTarget(res, target, draft.threadId), aboutSelf: aboutSelf && draft.aboutAnswered === true },
        reportedUser: fixedReportedUser ?? draft.reportedUser ?? author,
        reportedUserFixed: fixedReportedUser !== null,
        recipientsNotice: 'reportincident-emergency-who-sees',
        maxDetails: MAX_DETAILS_CODE_POINTS,
        detailsLength: codePointLength(draft.details ?? ''),
        errors,
      },
      status,
    );
  }

  async function emergencyPost(req: Request, res: Response) {
    const opened = await openDraft(req, res);
    if (!opened) return;
    const { user, loaded } = opened;
    const action = field(req, 'wpAction');
    const draft: ReportDraft = { ...loaded.draft };
    const typedDetails = field(req, 'details');
    if (typedDetails !== undefined) draft.details = typedDetails;
    const about = field(req, 'about');
    if (about === 'self' || about === 'someone-else') draft.about = about;
    else if (action === 'about' || field(req, 'aboutAsked') === '1') delete draft.about;
    const typedUser = field(req, 'reportedUser');
    if (typedUser !== undefined) draft.reportedUser = typedUser;
    if (draft.physicalHarmType === 'threats-self-harm' && draft.about === 'self') delete draft.reportedUser;
    if (!hasValidToken(c, req, res)) return emergency(req, res, [{ field: 'details', messageKey: 'session-failure' }], 422, draft);
    if (action === 'about') draft.aboutAnswered = true;
    if (action === 'back' && draft.physicalHarmType === 'threats-self-harm' && draft.aboutAnswered) {
      // Back from the details of a self-harm report returns to its question, "about you or someone else?".
      delete draft.aboutAnswered;
      await c.reportDrafts.save(loaded.id, user.id, draft, 'emergency');
      res.redirect(303, ctx(res).link(`${BASE}/emergency?draft=${loaded.id}`));
      return;
    }
    // Filing waits for another process's lock; only the other actions need the draft written now.
    const kept = await keepDraft(loaded.id, user.id, draft, 'emergency');
    if (!kept && (action === 'back' || action === 'about' || action === 'save')) throw databaseBusy();
    if (action === 'back') {
      res.redirect(303, ctx(res).link(`${BASE}?draft=${loaded.id}`));
      return;
    }
    if (action === 'about' || action === 'save') {
      // "save" is the dialog keeping what was typed when it is closed: nothing is sent.
      if (action === 'save') res.status(204).end();
      else res.redirect(303, ctx(res).link(`${BASE}/emergency?draft=${loaded.id}`));
      return;
    }
    return submitDraft(req, res, user, loaded.id, draft, (errors, status) => emergency(req, res, errors, status, draft));
  }

  return { get: (req: Request, res: Response) => emergency(req, res), post: emergencyPost };
}
