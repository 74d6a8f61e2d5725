/**
 * The responder desk's pages (#21): Special:IncidentReports (the queue, and each case with its actions) and
 * Special:MyReports (the reporter's own reports). Plain forms, no script needed; 404 to anyone who may not see a case.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { UserAccount } from '../accounts/UserAccount.js';
import type { Services } from '../container.js';
import { chromeServices, presentChrome } from '../http/chromePresenter.js';
import { ctx, param } from '../http/context.js';
import { type FieldError, field, formToken, hasValidToken } from '../http/forms.js';
import { renderPage } from '../http/render.js';
import { timestampParts } from '../i18n/formatDate.js';
import { languageNamer } from '../i18n/languageNames.js';
import { AppError } from '../shared/AppError.js';
import { isReportId } from '../reporting/ReportService.js';
import { reportTypeLabelKey, reportTypes } from '../taxonomy/taxonomy.js';
import type { SpecialPage } from '../wiki/SpecialPage.js';
import { parseTitle } from '../wiki/Title.js';
import { actionLabelKey, assigneeFilterLabelKey, reporterDoneKey, statusFilterLabelKey, statusLabelKey } from './caseLabels.js';
import { type CaseAction, caseActions, caseStatuses } from './casePolicy.js';
import {
  casePath,
  myReportPath,
  presentActionForms,
  presentMyReportLine,
  presentQueueLine,
  presentReporterStatus,
  presentTimeline,
  type RefusedAction,
} from './casePresenter.js';
import { type CaseRefusal, type CaseView, queueStatusFilters } from './CaseService.js';

export const caseSpecialPageServices = [...chromeServices, 'accounts', 'cases', 'caseTemplates', 'reportFacts'] as const;
type CasePageServices = Services<(typeof caseSpecialPageServices)[number]>;

const QUEUE_PAGE_SIZE = 50;

/** The queue's filters, each read on its own: one bad value is said and dropped, the others still apply. */
const queueQuery = {
  status: z.enum(queueStatusFilters),
  type: z.enum(reportTypes as readonly string[] as [string, ...string[]]),
  assignee: z.string().min(1).max(255),
  offset: z.coerce.number().int().min(0).max(1_000_000),
};

/** The revision an action's form names: the hidden field, as digits. */
const FormRevision = z.string().regex(/^\d{1,9}$/).transform(Number);

export function caseSpecialPages(c: CasePageServices): SpecialPage[] {
  const titleOf = (text: string) => {
    const parsed = parseTitle(text, c.namespaces);
    return parsed.ok ? parsed.value : null;
  };
  const pageName = (ns: number, title: string) => c.namespaces.titleText(ns, title);

  /** Sends an anonymous visitor to log in, and back here after. */
  function loginFirst(res: Response, page: string): null {
    res.redirect(303, ctx(res).link(`/wiki/Special:UserLogin?returnto=${encodeURIComponent(page)}`));
    return null;
  }

  /** Names of the people who acted and who holds the case, read at once. */
  const actorNames = (view: CaseView) => c.accounts.namesOf([...view.events.map((e) => e.actorUserId), view.case.assigneeUserId]);

  async function showQueue(req: Request, res: Response): Promise<void> {
    const { user, t, lang } = ctx(res);
    if (!user) return void loginFirst(res, 'Special:IncidentReports');
    if (!c.cases.handlesCases(user)) throw new AppError(403, 'reportincident-queue-forbidden');
    const errors: FieldError[] = [];
    // A reference typed (from a mail, a colleague) goes straight to its case; the case page decides who may see it.
    const wanted = (param(req.query, 'id') ?? '').trim().toUpperCase();
    if (wanted !== '') {
      if (isReportId(wanted)) return void res.redirect(303, ctx(res).link(casePath(wanted)));
      errors.push({ field: 'filter-id', messageKey: 'reportincident-queue-error-reference', params: { value: wanted } });
    }
    const read = <K extends keyof typeof queueQuery>(key: K, fallback: z.infer<(typeof queueQuery)[K]>, allowed: readonly string[]): z.infer<(typeof queueQuery)[K]> => {
      const raw = param(req.query, key);
      if (raw === undefined || raw === '') return fallback;
      const parsed = queueQuery[key].safeParse(raw);
      if (parsed.success) return parsed.data as z.infer<(typeof queueQuery)[K]>;
      errors.push({ field: `filter-${key}`, messageKey: 'reportincident-queue-error-filter', params: { value: raw, allowed: allowed.join(', ') } });
      return fallback;
    };
    const status = read('status', 'open', queueStatusFilters);
    const type = read('type', '', reportTypes);
    // Anyone, me, nobody, or a colleague by name (one who handles cases).
    const colleagues = await c.cases.handlers();
    const assigneeChoice = read('assignee', 'any', ['any', 'mine', 'none', ...colleagues.map((u) => u.name)]);
    const colleague = colleagues.find((u) => u.name === assigneeChoice);
    if (!['any', 'mine', 'none'].includes(assigneeChoice) && !colleague) errors.push({ field: 'filter-assignee', messageKey: 'reportincident-queue-error-filter', params: { value: assigneeChoice, allowed: ['any', 'mine', 'none', ...colleagues.map((u) => u.name)].join(', ') } });
    const assignee: 'any' | 'mine' | 'none' | number = colleague ? colleague.id : ['mine', 'none'].includes(assigneeChoice) ? (assigneeChoice as 'mine' | 'none') : 'any';
    const offset = read('offset', 0, ['0, 50, 100, …']);
    const queue = (await c.cases.queue(user, { status, type: type === '' ? null : type, assignee, limit: QUEUE_PAGE_SIZE, offset }))!;
    const filters = new URLSearchParams({ ...(status !== 'open' ? { status } : {}), ...(type ? { type } : {}), ...(assignee !== 'any' ? { assignee: colleague?.name ?? String(assignee) } : {}) });
    const pageHref = (at: number) => `/wiki/Special:IncidentReports?${new URLSearchParams({ ...Object.fromEntries(filters), ...(at > 0 ? { offset: String(at) } : {}) }).toString()}`.replace(/\?$/, '');
    return renderPage(res, {
      view: 'cases/queue',
      status: errors.length ? 400 : 200,
      model: {
        errors,
        lines: queue.entries.map((e) => presentQueueLine(e, t, lang, pageName)),
        filter: { status, type, assignee: colleague?.name ?? (assignee === 'any' ? 'any' : String(assignee)) },
        statusChoices: [
          ...(['open', 'closed', 'all'] as const).map((s) => ({ value: s, labelKey: statusFilterLabelKey[s] })),
          ...caseStatuses.map((s) => ({ value: s, labelKey: statusLabelKey[s] })),
        ],
        typeChoices: reportTypes.map((v) => ({ value: v, labelKey: reportTypeLabelKey(v) })),
        assigneeChoices: (['any', 'mine', 'none'] as const).map((v) => ({ value: v, labelKey: assigneeFilterLabelKey[v] })),
        colleagues: colleagues.filter((u) => u.id !== user.id).map((u) => u.name),
        previousHref: offset > 0 ? pageHref(Math.max(0, offset - QUEUE_PAGE_SIZE)) : null,
        nextHref: queue.more ? pageHref(offset + QUEUE_PAGE_SIZE) : null,
        from: offset + 1,
        isTrustAndSafety: user.groups.includes('trust-and-safety'),
      },
      chrome: await presentChrome(c, res, { title: titleOf('Special:IncidentReports'), heading: t('reportincident-queue-title'), action: 'special' }),
    });
  }

  /** The case page: what the mail said, the timeline, and the forms of the actions this responder has now. */
  async function showCase(res: Response, user: UserAccount, view: CaseView, refusal: { error: CaseRefusal; sent: RefusedAction } | null, done: string | null = null): Promise<void> {
    const { t, lang } = ctx(res);
    const id = view.case.reportId;
    const staffFacts = await c.reportFacts.staffModel(id);
    // Related reports are shown to Trust & Safety only, and only those they may open (named, and counted).
    const related = [];
    if (view.role === 'trust-and-safety') for (const r of staffFacts?.related ?? []) if ((await c.cases.roleFor(user, r.id)) !== 'none') related.push(r);
    const facts = staffFacts ? { ...staffFacts, related, groupSize: related.length + 1 } : null;
    const names = await actorNames(view);
    const acknowledgement = await c.caseTemplates.acknowledgement({
      reportId: id,
      category: facts?.type ?? '',
      openedIn: view.case.openedIn,
      reporterAtRisk: facts?.reporterAtRisk ?? false,
      reporterName: facts?.reporter?.name ?? '',
      reporterLanguage: facts?.reporter?.language ?? '',
    });
    const errors = refusal ? [errorOf(refusal.error, refusal.sent.action, view)] : [];
    const forms = presentActionForms(view, { acknowledge: { ...acknowledgement, language: languageNamer(lang)(acknowledgement.language) } }, refusal?.sent ?? null);
    const views = await c.cases.accessLogFor(user, id);
    for (const [userId, name] of await c.accounts.namesOf((views ?? []).map((v) => v.userId))) names.set(userId, name);
    return renderPage(res, {
      view: 'cases/case',
      status: refusal?.error.status ?? 200,
      model: {
        errors,
        done,
        id,
        token: formToken(c, res),
        action: casePath(id),
        view,
        role: view.role,
        statusKey: statusLabelKey[view.case.status],
        status: view.case.status,
        overdue: c.cases.overdue(view.case),
        escalated: view.case.queue !== view.case.openedIn,
        assignee: view.case.assigneeUserId !== null ? (names.get(view.case.assigneeUserId) ?? '') : null,
        reviewRequested: view.case.reviewRequestedAt !== null,
        filed: timestampParts(view.case.createdAt, lang),
        m: facts,
        staff: view.role === 'trust-and-safety',
        timeline: presentTimeline(view, t, lang, names),
        forms,
        accessLog: views?.map((v) => ({ name: v.userId !== null ? (names.get(v.userId) ?? '') : '', at: timestampParts(v.at, lang) })) ?? null,
      },
      chrome: await presentChrome(c, res, { title: titleOf(`Special:IncidentReports/${id}`), heading: t('reportincident-case-title', { id }), action: 'special' }),
    });
  }

  /** The reporter's own report: where it stands, what responders wrote to them, and what they may do. */
  async function showMyReport(res: Response, view: CaseView, refusal: { error: CaseRefusal; sent: RefusedAction } | null, done: string | null = null): Promise<void> {
    const { t, lang } = ctx(res);
    const id = view.case.reportId;
    // What they reported, as they sent it: the type, the page, their own words (what their receipt is made of, not
    // the staff's side of the mail: no classifiers, blocks or related reports to read for it).
    const facts = await c.reportFacts.receiptModel(id);
    const reported = facts
      ? { typeLabelKey: facts.typeLabelKey, pageTitle: facts.content.pageTitle, url: facts.content.url, text: facts.details || facts.directReport, somethingElse: facts.somethingElseDetails }
      : null;
    return renderPage(res, {
      view: 'cases/myreport',
      status: refusal?.error.status ?? 200,
      model: {
        errors: refusal ? [errorOf(refusal.error, refusal.sent.action, view)] : [],
        // Their own action said in their words; a responder's page names the action.
        done: done ? (reporterDoneKey[done as CaseAction] ?? null) : null,
        reported,
        filed: timestampParts(view.case.createdAt, lang),
        id,
        token: formToken(c, res),
        action: myReportPath(id),
        revision: view.case.revision,
        standing: presentReporterStatus(view, lang),
        timeline: presentTimeline(view, t, lang, new Map()),
        forms: presentActionForms(view, {}, refusal?.sent ?? null),
        backHref: '/wiki/Special:MyReports',
      },
      chrome: await presentChrome(c, res, { title: titleOf(`Special:MyReports/${id}`), heading: t('reportincident-myreports-report-title', { id }), action: 'special' }),
    });
  }

  /**
   * Who opened a case, for Trust & Safety, whichever queue the case is in: names and times only, never its content
   * (a community case stays the community's to read). Anyone else, or a case that is not there: 404.
   */
  async function showAccessLog(res: Response, user: UserAccount, id: string): Promise<void> {
    const { t, lang } = ctx(res);
    const views = isReportId(id) ? await c.cases.accessLogFor(user, id) : null;
    if (!views) throw new AppError(404, 'reportincident-case-error-not-found', { id });
    const names = await c.accounts.namesOf(views.map((v) => v.userId));
    return renderPage(res, {
      view: 'cases/access',
      model: { id, entries: views.map((v) => ({ name: v.userId !== null ? (names.get(v.userId) ?? '') : '', at: timestampParts(v.at, lang) })) },
      chrome: await presentChrome(c, res, { title: titleOf(`Special:IncidentReports/${id}/access`), heading: t('reportincident-case-access-title', { id }), action: 'special' }),
    });
  }

  /** Where a refusal points: the text box, the status choice, the user name, or the form as a whole. */
  function errorOf(error: CaseRefusal, action: string, view: CaseView): FieldError {
    // An action the page has no form for (not allowed now, or unknown) is said at the head of the actions.
    if (!(view.actions as readonly string[]).includes(action)) return { field: 'case-actions-title', messageKey: error.messageKey, params: error.params };
    const known = action;
    const fieldId = error.messageKey.startsWith('reportincident-case-text') || error.messageKey === 'reportincident-case-error-template-placeholder'
      ? `text-${known}`
      : error.messageKey === 'reportincident-case-error-unknown-status' || error.messageKey.startsWith('reportincident-case-error-choose-')
        ? `status-${known}`
        : error.messageKey === 'reportincident-case-error-not-responder'
          ? `assignee-${known}`
          : error.messageKey === 'reportincident-myreports-withdraw-unconfirmed'
            ? `confirm-${known}`
            : `form-${known}`;
    return { field: fieldId, messageKey: error.messageKey, params: error.params };
  }

  /**
   * An action sent from a form: checked, taken, and answered with a redirect to the case (so a reload sends
   * nothing twice), or with the page again, the refusal said beside what the actor wrote.
   */
  async function act(req: Request, res: Response, subpage: string | null, as: 'responder' | 'reporter'): Promise<void> {
    const { user } = ctx(res);
    const id = subpage ?? '';
    const page = as === 'reporter' ? 'Special:MyReports' : 'Special:IncidentReports';
    if (!user) return void loginFirst(res, `${page}/${id}`);
    const role = isReportId(id) ? await c.cases.roleFor(user, id) : 'none';
    if (role === 'none' || (as === 'reporter') !== (role === 'reporter')) throw new AppError(404, 'reportincident-case-error-not-found', { id });
    // Each field read on its own: one that is wrong is said, and what the actor wrote is kept whatever else is.
    const sent: RefusedAction = { action: field(req, 'action') ?? '', text: field(req, 'text') ?? '', status: field(req, 'status') ?? '', assignee: field(req, 'assignee') ?? '' };
    const template = field(req, 'template') ?? '';
    const revision = FormRevision.safeParse(field(req, 'revision') ?? '');
    const refuse = async (error: CaseRefusal) => {
      const view = (await c.cases.view(user, id))!;
      return as === 'reporter' ? showMyReport(res, view, { error, sent }) : showCase(res, user, view, { error, sent });
    };
    if (!hasValidToken(c, req, res)) return refuse({ status: 400, errorKey: 'badtoken', messageKey: 'reportincident-error-badtoken', params: {} });
    if (!revision.success) return refuse({ status: 400, errorKey: 'rest-invalid-revision', messageKey: 'reportincident-case-error-no-revision', params: {} });
    // Withdrawing cannot be undone: the form asks for a tick, so that a slip of the finger withdraws nothing.
    if (sent.action === 'withdraw' && field(req, 'confirm') !== 'yes') return refuse({ status: 400, errorKey: 'withdraw-unconfirmed', messageKey: 'reportincident-myreports-withdraw-unconfirmed', params: {} });
    let assigneeId: number | undefined;
    if (sent.action === 'assign') {
      const name = sent.assignee.trim();
      assigneeId = name === '' ? -1 : ((await c.accounts.findByName(name))?.id ?? -1);
    }
    const result = await c.cases.act(user, id, {
      action: sent.action,
      revision: revision.data,
      text: sent.text,
      ...(sent.status ? { status: sent.status } : {}),
      ...(assigneeId !== undefined ? { assignee: assigneeId } : {}),
      ...(template ? { template } : {}),
      ...(field(req, 'audience') === 'trust-and-safety' ? { trustAndSafetyOnly: true } : {}),
    });
    if (!result.ok) {
      const error = result.error.messageKey === 'reportincident-case-error-not-responder' ? { ...result.error, params: { assignee: sent.assignee } } : result.error;
      if (error.status === 404) throw new AppError(404, 'reportincident-case-error-not-found', { id });
      return refuse(error);
    }
    // An escalation may take the case out of this responder's hands; the queue is then where they go on from.
    const path = result.view.role === 'reporter' ? myReportPath(id) : casePath(id);
    res.redirect(303, ctx(res).link(`${path}?done=${encodeURIComponent(sent.action)}`));
  }

  /** The one-time notice after a redirect: which action was taken. */
  const doneAction = (req: Request): CaseAction | null => {
    const done = param(req.query, 'done');
    return done && (caseActions as readonly string[]).includes(done) ? (done as CaseAction) : null;
  };
  const doneNotice = (req: Request): string | null => {
    const done = doneAction(req);
    return done ? actionLabelKey[done] : null;
  };

  const incidentReports: SpecialPage = {
    name: 'IncidentReports',
    titleKey: 'reportincident-queue-title',
    listed: (res) => c.cases.handlesCases(ctx(res).user),
    async get(req, res, subpage) {
      if (!subpage) return showQueue(req, res);
      const { user } = ctx(res);
      if (!user) return void loginFirst(res, `Special:IncidentReports/${subpage}`);
      const [caseId, part] = subpage.split('/');
      if (part === 'access') return showAccessLog(res, user, caseId ?? '');
      const view = isReportId(subpage) ? await c.cases.view(user, subpage) : null;
      if (!view) throw new AppError(404, 'reportincident-case-error-not-found', { id: subpage });
      // The reporter's own report has its own page, without the responders' side.
      if (view.role === 'reporter') return void res.redirect(303, ctx(res).link(myReportPath(subpage)));
      return showCase(res, user, view, null, doneNotice(req));
    },
    post: (req, res, subpage) => act(req, res, subpage, 'responder'),
  };

  const myReports: SpecialPage = {
    name: 'MyReports',
    titleKey: 'reportincident-myreports-title',
    listed: (res) => ctx(res).user !== null,
    async get(req, res, subpage) {
      const { user, t, lang } = ctx(res);
      if (!user) return void loginFirst(res, subpage ? `Special:MyReports/${subpage}` : 'Special:MyReports');
      if (!subpage) {
        const mine = await c.cases.mine(user);
        return renderPage(res, {
          view: 'cases/myreports',
          model: { lines: mine.map((s) => presentMyReportLine(s, t, lang, pageName)) },
          chrome: await presentChrome(c, res, { title: titleOf('Special:MyReports'), heading: t('reportincident-myreports-title'), action: 'special' }),
        });
      }
      // Only the reporter has this page: a responder's view of the case is on Special:IncidentReports (asked first,
      // so that a responder who tries this address leaves no opening in the access log).
      const mine = isReportId(subpage) && (await c.cases.roleFor(user, subpage)) === 'reporter';
      const view = mine ? await c.cases.view(user, subpage) : null;
      if (!view) throw new AppError(404, 'reportincident-case-error-not-found', { id: subpage });
      return showMyReport(res, view, null, doneAction(req));
    },
    post: (req, res, subpage) => act(req, res, subpage, 'reporter'),
  };

  return [incidentReports, myReports];
}
