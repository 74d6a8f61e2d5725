/** The helpers every step of Special:ReportIncident shares: the gate, the draft, the page's frame, the ways to write instead. */
import type { Request, Response } from 'express';
import type { UserAccount } from '../../accounts/UserAccount.js';
import type { Services } from '../../container.js';
import { chromeServices, presentChrome } from '../../http/chromePresenter.js';
import { ctx, param } from '../../http/context.js';
import { field, formToken } from '../../http/forms.js';
import { renderPage } from '../../http/render.js';
import { timestampParts } from '../../i18n/formatDate.js';
import { crisisResourcesFor } from '../../communityConfig/crisisResources.js';
import { AppError } from '../../shared/AppError.js';
import { isDatabaseBusy } from '../../storage/databaseErrors.js';
import { escapeHtml, SafeHtml } from '../../shared/SafeHtml.js';
import { behaviorLabelKey } from '../../taxonomy/taxonomy.js';
import { parseTitle, type Title } from '../../wiki/Title.js';
import { type Eligibility, ineligibleMessageKey, ineligibleTitleKey } from '../eligibility.js';
import type { DraftStep, ReportDraft } from '../ReportDrafts.js';
import type { ReportTarget } from '../ReportService.js';
import type { FunnelEvent } from '../../statistics/FunnelCounters.js';

export const BASE = '/wiki/Special:ReportIncident';

/** A mailto: link (RFC 6068) with a subject and an optional body; the address stays readable when copied. */
export function mailtoHref(addresses: readonly string[], subject: string, body?: string): string {
  const to = addresses.map((a) => a.split('@').map(encodeURIComponent).join('@')).join(',');
  const query = new URLSearchParams({ subject, ...(body ? { body } : {}) }).toString().replace(/\+/g, '%20');
  return `mailto:${to}?${query}`;
}

/** What the shared helpers read: the page's frame (chrome) and the report's own services. */
export const reportFlowServices = [...chromeServices, 'communityConfig', 'funnel', 'reportDrafts', 'reports'] as const;

export function reportFlow(c: Services<(typeof reportFlowServices)[number]>) {
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

  /**
   * How every step opens: the gate, the reporter's draft and, for a draft already filed, its confirmation. Null when
   * one of them has answered. Step 1 may start a draft (`saved: false`); the later steps need one already saved.
   */
  async function openDraft(req: Request, res: Response, { saved }: { saved: false }): Promise<{ user: UserAccount; loaded: { id: string | null; draft: ReportDraft } } | null>;
  async function openDraft(req: Request, res: Response): Promise<{ user: UserAccount; loaded: { id: string; draft: ReportDraft } } | null>;
  async function openDraft(req: Request, res: Response, { saved = true }: { saved?: boolean } = {}): Promise<{ user: UserAccount; loaded: { id: string | null; draft: ReportDraft } } | null> {
    const user = await gate(req, res);
    if (!user) return null;
    const loaded = await draftFrom(req, user);
    if (!loaded || (saved && !loaded.id)) {
      await noDraft(res);
      return null;
    }
    return sentAlready(res, loaded) ? null : { user, loaded };
  }

  /** Whether two page names given to the flow name the same page. */
  const samePage = (a: string, b: string) => {
    const [x, y] = [parseTitle(a, c.namespaces), parseTitle(b, c.namespaces)];
    return x.ok && y.ok && x.value.equals(y.value);
  };

  /** A draft that was submitted answers with its report's confirmation: Back after Submit never says "expired" nor files twice. */
  function sentAlready(res: Response, loaded: { draft: ReportDraft } | null): boolean {
    const reportId = loaded?.draft.submittedReportId;
    if (!reportId) return false;
    res.redirect(303, ctx(res).link(`${BASE}/submitted/${encodeURIComponent(reportId)}`));
    return true;
  }

  /** The emergency address as a mailto: link, with a subject and, when the reporter typed something, their words. */
  function emergencyMail(subject: string, body?: string) {
    const emails = c.settings.ReportIncidentRecipientEmails;
    return { emails: emails.join(', '), emailHref: emails.length ? mailtoHref(emails, subject, body) : null };
  }

  return { keepDraft, countStep, render, describeTarget, gate, refuse, commentQuery, emergencyLinksHtml, backTo, draftFrom, openDraft, targetOf, samePage, sentAlready, emergencyMail };
}

export type ReportFlow = ReturnType<typeof reportFlow>;
