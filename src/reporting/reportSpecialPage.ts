/**
 * Special:ReportIncident: the report flow as plain server-rendered forms, one step a page, with
 * POST-redirect-GET between steps and what was typed kept in a server-side draft. The dialog of
 * report-dialog.js loads these same steps.
 */
import type { Request, Response } from 'express';
import type { UserAccount } from '../accounts/UserAccount.js';
import { isIpAddress } from '../accounts/UserAccount.js';
import type { Container } from '../container.js';
import { presentChrome } from '../http/chromePresenter.js';
import { ctx, param } from '../http/context.js';
import { type FieldError, field, formToken, hasValidToken } from '../http/forms.js';
import { renderPage } from '../http/render.js';
import { timestampParts } from '../i18n/formatDate.js';
import { directReportingAvailable } from '../routing/routeReport.js';
import { classifyEmergency, classifyNonEmergency, type EmergencyVerdict } from '../classifiers/index.js';
import { signalLabelKey } from '../classifiers/signalLabels.js';
import { crisisResourcesFor } from '../communityConfig/crisisResources.js';
import { AppError, databaseBusy } from '../shared/AppError.js';
import { isDatabaseBusy } from '../storage/databaseErrors.js';
import { escapeHtml, SafeHtml } from '../shared/SafeHtml.js';
import { presentSupportPage, resolvePageOrUrl, supportLinkTarget } from '../support/supportPagePresenter.js';
import { type CommunityConfig, defaultCommunityConfig } from '../communityConfig/communityConfigSchema.js';
import {
  type BehaviorType,
  behaviorDefinitions,
  behaviorHelpKey,
  behaviorLabelKey,
  behaviorTypes,
  harmExampleKey,
  harmLabelKey,
  physicalHarmTypes,
} from '../taxonomy/taxonomy.js';
import { parseTitle, type Title } from '../wiki/Title.js';
import { type Eligibility, ineligibleMessageKey, ineligibleTitleKey } from './eligibility.js';
import type { DraftStep, ReportDraft } from './ReportDrafts.js';
import { supportPagePath } from './IncidentReport.js';
import { MAX_DETAILS_CODE_POINTS, MAX_SOMETHING_ELSE_CODE_POINTS, ReportBodySchema, bodyProblems } from './reportSchemas.js';
import type { SpecialPage } from '../wiki/SpecialPage.js';
import type { ReportTarget } from './ReportService.js';
import { codePointLength } from '../wiki/textInput.js';
import type { FunnelEvent } from '../statistics/FunnelCounters.js';

const BASE = '/wiki/Special:ReportIncident';

/** A mailto: link (RFC 6068) with a subject and an optional body; the address stays readable when copied. */
export function mailtoHref(addresses: readonly string[], subject: string, body?: string): string {
  const to = addresses.map((a) => a.split('@').map(encodeURIComponent).join('@')).join(',');
  const query = new URLSearchParams({ subject, ...(body ? { body } : {}) }).toString().replace(/\+/g, '%20');
  return `mailto:${to}?${query}`;
}

/** Where a flow was opened from, as the Report links say; anything else is a link from elsewhere. */
function entryPoint(source: string | undefined): string {
  return source === 'menu' || source === 'tools' ? source : 'link';
}

export function reportSpecialPage(c: Container): SpecialPage {
  /** Keeps the draft; false when another process holds the database's lock (filing the report waits for it). */
  const keepDraft = async (id: string, userId: number, draft: ReportDraft, step: DraftStep): Promise<boolean> => {
    try {
      await c.reportDrafts.save(id, userId, draft, step);
      return true;
    } catch (e) {
      if (!isDatabaseBusy(e)) throw e;
      return false;
    }
  };
  /** The funnel counts people reporting: an end-to-end tester's walk through the form is not one (#16). */
  const countStep = async (res: Response, event: FunnelEvent, detail = '') => {
    if (!await c.reports.isTester(ctx(res).user)) c.funnel.count(event, detail);
  };
  const specialTitle = (): Title => {
    const t = parseTitle('Special:ReportIncident', c.namespaces);
    if (!t.ok) throw new Error('bad title');
    return t.value;
  };

  const chrome = (res: Response) => presentChrome(c, res, { title: specialTitle(), heading: ctx(res).t('reportincident-special-title'), action: 'special' });

  const render = async (res: Response, view: string, model: Record<string, unknown>, status = 200) =>
    renderPage(res, { view: `report/${view}`, status, model: { token: formToken(c, res), base: BASE, ...model }, chrome: await chrome(res) });

  /** The talk page to go back to, at the reported comment. */
  const backHref = (target: ReportTarget, threadId: string) => target.title.path + (threadId ? `#${encodeURIComponent(threadId)}` : '');

  function describeTarget(res: Response, target: ReportTarget, threadId: string) {
    const { lang } = ctx(res);
    const when = target.snapshot ? timestampParts(target.snapshot.createdAt, lang) : null;
    const fresh = new URLSearchParams({ page: target.title.prefixedDbKey, ...(threadId ? { threadId } : {}), revisionId: String(target.revision?.id ?? 0), fresh: '1' });
    return {
      // A second Report click on the same comment reopened the draft left earlier; the reporter may start over.
      resumed: param(res.req.query, 'resumed') === '1',
      startOverHref: `${BASE}?${fresh.toString()}`,
      pageTitle: target.title.prefixedText,
      pageHref: target.title.path,
      kind: threadId.startsWith('h-') ? 'topic' : threadId ? 'comment' : 'page',
      author: target.snapshot?.author ?? null,
      time: when?.time ?? null,
      date: when?.date ?? null,
      backHref: backHref(target, threadId),
    };
  }

  /**
   * Requires a logged-in, eligible reporter; otherwise sends to login or explains what is missing. `toRead`
   * lets in any logged-in user, for pages that file nothing (Get support, Get help).
   */
  async function gate(req: Request, res: Response, { toRead = false }: { toRead?: boolean } = {}): Promise<UserAccount | null> {
    if (!c.settings.ReportIncidentReportButtonEnabled) throw new AppError(404, 'wiki-error-no-such-special', { name: 'ReportIncident' });
    const { user } = ctx(res);
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    const sub = req.path.slice(BASE.length).replace(/^\//, '');
    const here = { returnTo: 'Special:ReportIncident' + (sub ? '/' + sub : ''), returnToQuery: query };
    if (!user) {
      res.redirect(303, ctx(res).link(`/wiki/Special:UserLogin?returnto=${encodeURIComponent(here.returnTo)}&returntoquery=${encodeURIComponent(here.returnToQuery)}`));
      return null;
    }
    if (toRead) return user;
    const eligibility = c.reports.eligibility(user, ctx(res).blocks);
    if (!eligibility.eligible) {
      // A refused POST comes back to its step as a GET, which finds its draft again (or says it expired).
      await refuse(req, res, user, eligibility, { ...here, ...(req.method === 'GET' ? {} : { returnToQuery: postedQuery(req) }) }, { status: 403, headingKey: 'reportincident-special-title' });
      return null;
    }
    return user;
  }

  /** What a posted step names (its draft, or the comment), as a query: where a refused POST's confirm-your-email link comes back to. */
  function postedQuery(req: Request): string {
    const query = new URLSearchParams();
    for (const name of ['draft', 'page', 'threadId', 'revisionId']) {
      const value = field(req, name);
      if (value) query.set(name, value);
    }
    return query.toString();
  }

  /**
   * Why this user may not report (one message per reason), and what they can do instead, so nobody is left at a
   * dead end: confirm their email (then come back to this report), write to the emergency address, read the Get
   * support pages, or go back to the comment.
   */
  async function refuse(
    req: Request,
    res: Response,
    user: UserAccount,
    eligibility: Exclude<Eligibility, { eligible: true }>,
    reportUrl: { returnTo: string; returnToQuery: string },
    { status, headingKey }: { status: number; headingKey: string },
  ) {
    const { lang, t } = ctx(res);
    const until = eligibility.eligibleAt ? timestampParts(eligibility.eligibleAt, lang) : null;
    const partial = eligibility.block !== undefined && !eligibility.block.sitewide;
    const preferences = new URLSearchParams({ returnto: reportUrl.returnTo, ...(reportUrl.returnToQuery ? { returntoquery: reportUrl.returnToQuery } : {}) });
    const subject = t('reportincident-gethelp-mail-subject', { sitename: c.settings.Sitename });
    const comment = commentQuery(req);
    await renderPage(res, {
      view: 'report/ineligible',
      status,
      chrome: await presentChrome(c, res, { title: specialTitle(), heading: t(headingKey), action: 'special' }),
      model: {
        reason: eligibility.reason,
        titleKey: ineligibleTitleKey[eligibility.reason],
        messageKey: partial ? 'reportincident-ineligible-blocked-partial' : ineligibleMessageKey[eligibility.reason],
        // Only what each message says: a block's reason, or when a new account may report.
        params:
          eligibility.reason === 'blocked'
            ? { reason: eligibility.block?.reason ?? '' }
            : eligibility.reason === 'too-new'
              ? { hours: Math.ceil(c.settings.ReportIncidentMinimumAccountAgeInSeconds / 3600), time: until?.time ?? '', date: until?.date ?? '' }
              : {},
        hasEmail: user.email !== '',
        preferencesHref: `/wiki/Special:Preferences?${preferences.toString()}`,
        // Each address a mailto: link with a subject in the reader's language, listed as the language lists ("a or b").
        emergencyLinksHtml: emergencyLinksHtml(lang, subject, 'gethelp-email'),
        // The comment goes with each link, so its Get support page leads back to it too.
        supportLinks: c.settings.ReportIncidentEnabledNonEmergencyCategories.map((b) => ({ href: `${BASE}/support/${b}${comment ? `?${comment}` : ''}`, labelKey: behaviorLabelKey(b) })),
        back: await backTo(req, user),
        // Someone who may not report can still be at risk: the crisis services are on this page too.
        crisisResources: crisisResourcesFor((await c.communityConfig.current()).ReportIncident_CrisisResources, lang),
      },
    });
  }

  /** The comment a request's URL names (page, threadId, revisionId), as a query to pass on; '' when none. */
  function commentQuery(req: Request): string {
    const query = new URLSearchParams();
    for (const name of ['page', 'threadId', 'revisionId']) {
      const value = param(req.query, name);
      if (value) query.set(name, value);
    }
    return query.toString();
  }

  /** Each emergency address as a mailto: link with `subject`, listed as the reader's language lists ("a or b"). */
  function emergencyLinksHtml(lang: string, subject: string, className?: string): SafeHtml {
    const cls = className ? ` class="${className}"` : '';
    return listHtml(
      lang,
      c.settings.ReportIncidentRecipientEmails.map((email) => `<a${cls} href="${escapeHtml(mailtoHref([email], subject))}" dir="ltr" translate="no">${escapeHtml(email)}</a>`),
    );
  }

  /** Items of HTML joined as the language joins alternatives ("a, b or c"). */
  function listHtml(lang: string, items: string[]): SafeHtml {
    const parts = new Intl.ListFormat(lang === 'qqx' ? 'en' : lang, { type: 'disjunction' }).formatToParts(items.map((_, i) => String(i)));
    return new SafeHtml(parts.map((p) => (p.type === 'element' ? items[Number(p.value)]! : escapeHtml(p.value))).join(''));
  }

  /** The talk page at the comment the request names (by its query, form or draft), when that page exists. */
  async function backTo(req: Request, user: UserAccount): Promise<{ href: string; title: string } | null> {
    const named = await draftFrom(req, user);
    if (!named) return null;
    const title = parseTitle(named.draft.page, c.namespaces);
    if (!title.ok || !(await c.pages.existing([title.value])).has(`${title.value.namespace}:${title.value.dbKey}`)) return null;
    const threadId = named.draft.threadId;
    return { href: title.value.path + (threadId ? `#${encodeURIComponent(threadId)}` : ''), title: title.value.prefixedText };
  }

  /**
   * Special:ReportIncident/help, the "Get help" item that readers who may not report find where others find Report:
   * the same explanation and ways to get help as a refused report, answered as a page of its own (200). Anyone
   * who may report (or lacks only a confirmed email) is sent on to the report itself.
   */
  async function help(req: Request, res: Response) {
    const user = await gate(req, res, { toRead: true });
    if (!user) return;
    const report = commentQuery(req);
    const eligibility = c.reports.eligibility(user, ctx(res).blocks);
    if (eligibility.eligible || eligibility.showLink) {
      res.redirect(303, ctx(res).link(`${BASE}${report ? `?${report}` : ''}`));
      return;
    }
    await refuse(req, res, user, eligibility, { returnTo: 'Special:ReportIncident', returnToQuery: report }, { status: 200, headingKey: 'reportincident-gethelp-title' });
  }

  /** Loads the draft named in the request, or a new one from page/threadId/revisionId. */
  async function draftFrom(req: Request, user: UserAccount): Promise<{ id: string | null; draft: ReportDraft } | null> {
    const id = param(req.query, 'draft') ?? field(req, 'draft');
    if (id) {
      const draft = await c.reportDrafts.get(id, user.id);
      return draft ? { id, draft } : null;
    }
    const page = param(req.query, 'page') ?? field(req, 'page');
    if (!page) return null;
    const revisionText = param(req.query, 'revisionId') ?? field(req, 'revisionId') ?? '0';
    const revisionId = /^\d{1,15}$/.test(revisionText) ? Number(revisionText) : -1;
    if (revisionId < 0) return null;
    return { id: null, draft: { page, threadId: param(req.query, 'threadId') ?? field(req, 'threadId') ?? '', revisionId } };
  }

  /**
   * A step without its draft: expired (410) when the URL names one, else the page was opened without a comment (its
   * tab, a bookmark), which is no error: how to report, and where to get help, with nothing lost.
   */
  async function noDraft(res: Response): Promise<void> {
    const req = res.req;
    const named = param(req.query, 'draft') ?? field(req, 'draft');
    const { t } = ctx(res);
    await render(
      res,
      'expired',
      {
        expired: named !== undefined,
        mail: emergencyMail(t('reportincident-mailto-subject')),
        supportLinks: c.settings.ReportIncidentEnabledNonEmergencyCategories.map((b) => ({ href: `${BASE}/support/${b}`, labelKey: behaviorLabelKey(b) })),
        mainPageHref: ((main) => (main.ok ? main.value.path : '/'))(parseTitle(t('mainpage'), c.namespaces)),
      },
      named !== undefined ? 410 : 200,
    );
  }

  /** Resolves the draft's page and comment; answers with an explanation when they are gone. */
  async function targetOf(res: Response, draft: ReportDraft): Promise<ReportTarget | null> {
    const resolved = await c.reports.resolveTarget({ revisionId: draft.revisionId, page: draft.page, threadId: draft.threadId });
    if (resolved.ok) return resolved.target;
    await render(res, 'bad-target', { messageKey: resolved.error.messageKey, params: resolved.error.params }, resolved.error.status);
    return null;
  }

  const saveDraft = async (id: string | null, user: UserAccount, draft: ReportDraft, step: DraftStep) => {
    if (id) {
      await c.reportDrafts.save(id, user.id, draft, step);
      return id;
    }
    return await c.reportDrafts.create(user.id, draft, step);
  };

  /** Whether two page names given to the flow name the same page. */
  const samePage = (a: string, b: string) => {
    const [x, y] = [parseTitle(a, c.namespaces), parseTitle(b, c.namespaces)];
    return x.ok && y.ok && x.value.equals(y.value);
  };

  /** Where a draft left at a step is picked up again. */
  function stepHref(id: string, draft: ReportDraft, step: DraftStep): string {
    if (step === 'support' && draft.behaviorType) return `${BASE}/support/${draft.behaviorType}?draft=${id}`;
    if (step === 'emergency' || step === 'behavior' || step === 'maybe-emergency') return `${BASE}/${step}?draft=${id}`;
    return `${BASE}?draft=${id}`;
  }

  /** A draft that was submitted answers with its report's confirmation: Back after Submit never says "expired" nor files twice. */
  function sentAlready(res: Response, loaded: { draft: ReportDraft } | null): boolean {
    const reportId = loaded?.draft.submittedReportId;
    if (!reportId) return false;
    res.redirect(303, ctx(res).link(`${BASE}/submitted/${encodeURIComponent(reportId)}`));
    return true;
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

  /** What an emergency mail written by hand should carry: the permanent link and what the reporter typed. */
  function mailBody(res: Response, target: ReportTarget, draft: ReportDraft): string {
    const link = `${c.settings.Server}/w/index.php?oldid=${target.revision?.id ?? 0}${draft.threadId ? `#${encodeURIComponent(draft.threadId)}` : ''}`;
    return ctx(res).t('reportincident-mailto-body', { link, details: (draft.details ?? '').trim() });
  }

  /** The emergency address as a mailto: link, with a subject and, when the reporter typed something, their words. */
  function emergencyMail(subject: string, body?: string) {
    const emails = c.settings.ReportIncidentRecipientEmails;
    return { emails: emails.join(', '), emailHref: emails.length ? mailtoHref(emails, subject, body) : null };
  }

  // ---- Step 1: what would you like to do ----
  async function chooseType(req: Request, res: Response, errors: FieldError[] = [], status = 200, posted?: ReportDraft) {
    const user = await gate(req, res);
    if (!user) return;
    const loaded = await draftFrom(req, user);
    if (!loaded) return noDraft(res);
    if (sentAlready(res, loaded)) return;
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
    const user = await gate(req, res);
    if (!user) return;
    const loaded = await draftFrom(req, user);
    if (!loaded) return noDraft(res);
    if (sentAlready(res, loaded)) return;
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

  // ---- Emergency: who, about whom, details ----
  async function emergency(req: Request, res: Response, errors: FieldError[] = [], status = 200, posted?: ReportDraft) {
    const user = await gate(req, res);
    if (!user) return;
    const loaded = await draftFrom(req, user);
    if (!loaded || !loaded.id) return noDraft(res);
    if (sentAlready(res, loaded)) return;
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
    const user = await gate(req, res);
    if (!user) return;
    const loaded = await draftFrom(req, user);
    if (!loaded || !loaded.id) return noDraft(res);
    if (sentAlready(res, loaded)) return;
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

  // ---- Non-emergency: the type of behaviour ----
  async function behavior(req: Request, res: Response, errors: FieldError[] = [], status = 200, posted?: ReportDraft) {
    const user = await gate(req, res);
    if (!user) return;
    const loaded = await draftFrom(req, user);
    if (!loaded || !loaded.id) return noDraft(res);
    if (sentAlready(res, loaded)) return;
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
    const user = await gate(req, res);
    if (!user) return;
    const loaded = await draftFrom(req, user);
    if (!loaded || !loaded.id) return noDraft(res);
    if (sentAlready(res, loaded)) return;
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

  /** A "Something else" description that clearly fits another category suggests that category's page. */
  function suggestionFor(type: BehaviorType, draft: ReportDraft | null, draftId: string | null) {
    if (type !== 'something-else' || !draft?.somethingElseDetails) return null;
    const verdict = classifyNonEmergency({ incidentType: 'unacceptable-user-behavior', physicalHarmType: null, behaviorType: type, texts: [draft.somethingElseDetails], snapshot: null, language: null });
    const suggested = verdict.suggestedBehaviorType;
    if (!suggested || suggested === type || !(c.settings.ReportIncidentEnabledNonEmergencyCategories as string[]).includes(suggested)) return null;
    return { labelKey: behaviorLabelKey(suggested), href: `${BASE}/support/${suggested}${draftId ? `?draft=${draftId}` : ''}` };
  }

  /**
   * Whether a report about behaviour earns the one question: signs of a threat, or text in a language no rules read
   * (no signal there does not mean no danger).
   */
  function asksSafetyQuestion(verdict: EmergencyVerdict): boolean {
    return verdict.mayBeEmergency || verdict.reading.unreadable.length > 0;
  }

  /** What the emergency classifier finds in the reported comment and the reporter's description. */
  function emergencySignals(draft: ReportDraft, target: ReportTarget, lang: string) {
    return classifyEmergency({
      incidentType: 'unacceptable-user-behavior',
      physicalHarmType: null,
      behaviorType: draft.behaviorType ?? null,
      texts: [draft.somethingElseDetails ?? ''].filter(Boolean),
      snapshot: target.snapshot?.text ?? null,
      language: lang,
    });
  }

  // ---- "This may be an emergency": shown when a non-emergency report carries signs of a threat ----
  async function maybeEmergency(req: Request, res: Response) {
    const user = await gate(req, res);
    if (!user) return;
    const loaded = await draftFrom(req, user);
    if (!loaded || !loaded.id) return noDraft(res);
    if (sentAlready(res, loaded)) return;
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
    // A threat the rules name is not listed again as the model's reading of the same kind.
    const ruled = new Set(verdict.signals.filter((s) => s.score === undefined).map((s) => s.category));
    const shown = verdict.signals.filter((s) => s.score === undefined || !ruled.has(s.category));
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
    const user = await gate(req, res);
    if (!user) return;
    const loaded = await draftFrom(req, user);
    if (!loaded || !loaded.id) return noDraft(res);
    if (sentAlready(res, loaded)) return;
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

  // ---- The Get support page (and the direct-report form where offered) ----
  async function support(req: Request, res: Response, behaviorType: string, errors: FieldError[] = [], status = 200, posted?: ReportDraft) {
    // Reading a Get support page files nothing, so any logged-in user may (Get help links here); only someone who
    // may report reads it with their draft, and so with the direct-report form.
    const user = await gate(req, res, { toRead: true });
    if (!user) return;
    if (!(behaviorTypes as readonly string[]).includes(behaviorType)) throw new AppError(404, 'reportincident-error-unknown-behavior', { behaviorType });
    const type = behaviorType as BehaviorType;
    const readerEligibility = c.reports.eligibility(user, ctx(res).blocks);
    const loaded = readerEligibility.eligible ? await draftFrom(req, user) : null;
    if (sentAlready(res, loaded)) return;
    const draft = posted ?? loaded?.draft ?? null;
    const target = draft ? await targetOf(res, draft) : null;
    if (draft && !target) return;
    // Reading a Get support page is not a report: it is counted for statistics, never charged.
    if (!posted) {
      await countStep(res, 'support-viewed', type);
      if (loaded?.id && draft) await c.reportDrafts.save(loaded.id, user.id, draft, 'support');
    }
    const options = {
      namespaces: c.namespaces,
      // The form replaces the contact methods only where it is offered: with a report in progress.
      directReporting: c.settings.ReportIncidentEnableDirectReporting && draft !== null,
      t: ctx(res).t,
      ping: (b: BehaviorType, link: string) => `${BASE}/out/${b}/${link}`,
      // The wiki's own pages among the help links keep the language asked for.
      link: ctx(res).link,
    };
    let config = await c.communityConfig.current();
    let view;
    try {
      view = presentSupportPage(type, config, options);
    } catch (error) {
      // (#16) A stored value must never take down a page a harassed person relies on: the defaults, and a log line.
      c.logger.error('Get support page built from the defaults: the stored community configuration failed', { behaviorType: type, error: String(error) });
      config = defaultCommunityConfig();
      view = presentSupportPage(type, config, options);
    }
    return render(
      res,
      'support',
      {
        support: view,
        draftId: loaded?.id ?? null,
        draft,
        target: target && draft ? describeTarget(res, target, draft.threadId) : null,
        // The form needs to know what is reported: without a draft (a shared link), it is not offered.
        directForm: view.directReportEmail && draft && directReportingAvailable(type, config, c.settings) ? { email: view.directReportEmail } : null,
        maxDetails: MAX_DETAILS_CODE_POINTS,
        directLength: codePointLength(draft?.directReport ?? ''),
        behaviorHref: loaded?.id ? `${BASE}/behavior?draft=${loaded.id}` : null,
        suggestion: suggestionFor(type, draft, loaded?.id ?? null),
        otherHelp: otherHelpLinks(res, type, config, loaded?.id ?? null, view.warningKey !== null),
        // A blocked reader cannot write on the wiki's pages that the help points to: said, with what still works.
        blockedReader: !readerEligibility.eligible && readerEligibility.reason === 'blocked',
        // Opened without a report in progress (from Get help), the comment named in the URL is still the way back.
        back: target ? null : await backTo(req, user),
        errors,
      },
      status,
    );
  }

  /**
   * "Can't find what you're looking for?": the wiki's dispute-resolution page, its administrators, and the way to
   * an emergency report (this draft's first step, or the emergency address when there is no draft).
   */
  function otherHelpLinks(res: Response, type: BehaviorType, config: CommunityConfig, draftId: string | null, privateMatter: boolean): { labelKey: string; href: string }[] {
    const values = config as Record<string, unknown>;
    const page = (value: unknown) => (typeof value === 'string' && value.trim() ? resolvePageOrUrl(value.trim(), c.namespaces) : null);
    const adminsOf = (name: string) => page((values[`ReportIncident_NonEmergency_${name}_HelpMethod`] as { ContactAdmin?: string } | undefined)?.ContactAdmin);
    const dispute = page(values.ReportIncident_NonEmergency_Other_DisputeResolutionURL) ?? page(values.ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL);
    // A page that warns against posting in public (doxing) does not then point at a public noticeboard.
    const admins = privateMatter ? null : (adminsOf(behaviorDefinitions[type].configName) ?? adminsOf('Intimidation') ?? adminsOf('Other'));
    const emergency = draftId ? `${BASE}?draft=${draftId}` : emergencyMail(ctx(res).t('reportincident-mailto-subject')).emailHref;
    return [
      ...(dispute ? [{ labelKey: 'reportincident-support-other-dispute', href: dispute }] : []),
      ...(admins ? [{ labelKey: 'reportincident-support-other-admins', href: admins }] : []),
      // Possible message keys used here: reportincident-support-other-emergency, reportincident-support-other-emergency-mail
      ...(emergency ? [{ labelKey: draftId ? 'reportincident-support-other-emergency' : 'reportincident-support-other-emergency-mail', href: emergency }] : []),
    ];
  }

  async function supportPost(req: Request, res: Response, behaviorType: string) {
    const user = await gate(req, res);
    if (!user) return;
    const loaded = await draftFrom(req, user);
    if (!loaded || !loaded.id) return noDraft(res);
    if (sentAlready(res, loaded)) return;
    const draft: ReportDraft = { ...loaded.draft, directReport: field(req, 'directReport') ?? '' };
    if (!hasValidToken(c, req, res)) return support(req, res, behaviorType, [{ field: 'directReport', messageKey: 'session-failure' }], 422, draft);
    if (!await keepDraft(loaded.id, user.id, draft, 'support') && (field(req, 'wpAction') === 'back' || field(req, 'wpAction') === 'save')) throw databaseBusy();
    if (field(req, 'wpAction') === 'back') {
      res.redirect(303, ctx(res).link(`${BASE}/behavior?draft=${loaded.id}`));
      return;
    }
    if (field(req, 'wpAction') === 'save') {
      res.status(204).end();
      return;
    }
    if ((draft.directReport ?? '').trim() === '') {
      return support(req, res, behaviorType, [{ field: 'directReport', messageKey: 'reportincident-directreport-empty' }], 422, draft);
    }
    return submitDraft(req, res, user, loaded.id, draft, (errors, s) => support(req, res, behaviorType, errors, s, draft));
  }

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

  /** A Get support page's link, counted (the funnel's "help link followed") then followed to its configured target. */
  async function followHelpLink(res: Response, behaviorType: string, link: string, ping = false) {
    const methods = ['ContactAdmin', 'Email', 'ContactCommunity', 'nextstep'];
    if (!(behaviorTypes as readonly string[]).includes(behaviorType) || !methods.includes(link)) throw new AppError(404, 'reportincident-error-unknown-step');
    const target = supportLinkTarget(behaviorType as BehaviorType, link as (typeof methods)[number] as never, await c.communityConfig.current(), c.namespaces);
    if (!target) throw new AppError(404, 'reportincident-error-unknown-step');
    await countStep(res, 'help-link-followed', `${behaviorType}/${link}`);
    // A ping (the link's own href shows where it goes) is only counted; older links still redirect.
    if (ping) res.status(204).end();
    else res.redirect(303, ctx(res).link(target));
  }

  // ---- The confirmation, for the reporter only ----
  async function submitted(req: Request, res: Response, reportId: string) {
    const user = await gate(req, res);
    if (!user) return;
    const report = await c.reports.find(reportId);
    // Anyone else gets the same answer as for an id that does not exist: a report's existence is private.
    if (!report || report.reporterUserId !== user.id) throw new AppError(404, 'reportincident-error-no-such-report');
    // A support-route record sent nothing: its page is the Get support page, never a "being sent" confirmation.
    const supportPage = supportPagePath(report, c.namespaces);
    if (supportPage !== null) {
      res.redirect(303, ctx(res).link(supportPage));
      return;
    }
    const config = await c.communityConfig.current();
    const { lang } = ctx(res);
    const title = parseTitle(`${c.namespaces.nameOf(report.pageNamespace)}:${report.pageTitle}`, c.namespaces);
    return render(res, 'submitted', {
      // An id is isolated and left to right in every language, and never broken across lines.
      referenceHtml: new SafeHtml(`<bdi class="report-reference" dir="ltr" translate="no">${escapeHtml(report.id)}</bdi>`),
      report: { id: report.id, route: report.route, physicalHarmType: report.physicalHarmType, behaviorType: report.behaviorType, test: report.test === true },
      duplicate: param(req.query, 'duplicate') === '1',
      updated: param(req.query, 'updated') === '1',
      delivery: await c.reports.deliveryState(report),
      responseHours: config.ReportIncident_Emergency_ResponseTimeHours,
      // Someone who reports another person's intent to self-harm is told where to get advice for them.
      crisisIntroKey: report.about === 'someone-else' ? 'reportincident-submitted-crisis-intro-other' : 'reportincident-submitted-crisis-intro',
      crisisResources: report.physicalHarmType === 'threats-self-harm' ? crisisResourcesFor(config.ReportIncident_CrisisResources, lang) : [],
      emergencyLinksHtml: emergencyLinksHtml(lang, ctx(res).t('reportincident-mailto-subject-more', { id: report.id })),
      backHref: title.ok ? title.value.path + (report.threadId ? `#${encodeURIComponent(report.threadId)}` : '') : '/',
      backTitle: title.ok ? title.value.prefixedText : '',
    });
  }

  return {
    name: 'ReportIncident',
    titleKey: 'reportincident-special-title',
    listed: false,
    async get(req, res, subpage) {
      const [step, arg] = (subpage ?? '').split('/');
      if (!step) return chooseType(req, res);
      if (step === 'emergency') return emergency(req, res);
      if (step === 'behavior') return behavior(req, res);
      if (step === 'maybe-emergency') return maybeEmergency(req, res);
      if (step === 'support' && arg) return support(req, res, arg);
      if (step === 'help' && !arg) return help(req, res);
      if (step === 'submitted' && arg) return submitted(req, res, arg);
      if (step === 'out' && arg) return followHelpLink(res, arg, (subpage ?? '').split('/')[2] ?? '');
      throw new AppError(404, 'reportincident-error-unknown-step');
    },
    async post(req, res, subpage) {
      const [step, arg] = (subpage ?? '').split('/');
      if (!step) return chooseTypePost(req, res);
      if (step === 'emergency') return emergencyPost(req, res);
      if (step === 'behavior') return behaviorPost(req, res);
      if (step === 'maybe-emergency') return maybeEmergencyPost(req, res);
      if (step === 'support' && arg) return supportPost(req, res, arg);
      if (step === 'out' && arg) {
        // Only a logged-in reader's ping counts (the browser sends its cookies): nobody else can inflate the funnel.
        if (!ctx(res).user) return void res.status(204).end();
        return followHelpLink(res, arg, (subpage ?? '').split('/')[2] ?? '', true);
      }
      throw new AppError(405, 'app-error-method-not-allowed');
    },
  };
}
