/**
 * Accepting incident reports: eligibility, the reported comment, duplicates (and what a repeat adds to the first
 * report), rate limits, and the report with its mail in one transaction.
 */
import type { CaseService } from '../cases/CaseService.js';
import { randomBytes } from 'node:crypto';
import type { AccountService } from '../accounts/AccountService.js';
import { type Block, isAutoconfirmed, isIpAddress, normaliseUserName, sameUserName, type UserAccount } from '../accounts/UserAccount.js';
import type { CommunityConfigProvider } from '../communityConfig/CommunityConfigProvider.js';
import type { CommunityConfig } from '../communityConfig/communityConfigSchema.js';
import { classifyReport } from '../classifiers/index.js';
import { classifierInput, routeReport } from '../routing/routeReport.js';
import type { Settings } from '../settings.js';
import type { Clock } from '../shared/Clock.js';
import type { TalkPageService } from '../talk/TalkPageService.js';
import type { Namespaces } from '../wiki/namespaces.js';
import type { PageRecord, RevisionRecord } from '../wiki/PageRepository.js';
import type { PageService } from '../wiki/PageService.js';
import { parseTitle, type Title } from '../wiki/Title.js';
import { canReport, type Eligibility } from './eligibility.js';
import type { CommentSnapshot, IncidentReport, ReportRoute } from './IncidentReport.js';
import { reportType } from './IncidentReport.js';
import type { ReportRepository } from './ReportRepository.js';
import type { ReportSubmission } from './reportSchemas.js';
import { physicalHarmTypes } from '../taxonomy/taxonomy.js';
import { aboutAfter, type ReportUpdate, updateFrom } from './reportUpdate.js';

export const RATE_LIMIT_ACTION = 'reportincident';
/** Support-route reports send nothing and are never charged against the reporter's limit; they have their own. */
export const SUPPORT_RATE_LIMIT_ACTION = 'reportincident-support';
const DEFAULT_SUPPORT_RATE_LIMIT: readonly [number, number] = [50, 86400];
const DUPLICATE_WINDOW = 24 * 3600 * 1000;
/** Updates of one report mailed within a day, at most: a repeat is never charged, so this bounds what it can send. */
export const MAX_UPDATES_PER_DAY = 5;
/** What a folded repeat did to its first report. */
const UpdateOutcome = { added: 'added', nothingNew: 'nothing-new', limited: 'limited' } as const;
type UpdateOutcome = (typeof UpdateOutcome)[keyof typeof UpdateOutcome];
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** RI-XXXXX-XXXXX-XXXXX-XXXXX: 100 random bits in Crockford's base32, easy to read aloud and unguessable. */
export function newReportId(): string {
  const bytes = randomBytes(13);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < 20) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `RI-${out.slice(0, 5)}-${out.slice(5, 10)}-${out.slice(10, 15)}-${out.slice(15, 20)}`;
}

const REPORT_ID = new RegExp(`^RI(-[${CROCKFORD}]{5}){4}$`);

/** Whether a string has the form newReportId gives: anything else names no report, without a look in the database. */
export function isReportId(id: string): boolean {
  return REPORT_ID.test(id);
}

function supportRateLimit(settings: Settings): readonly [number, number] {
  return settings.RateLimits['reportincident-support']?.user ?? DEFAULT_SUPPORT_RATE_LIMIT;
}

/** The longest period any rate limit looks back over, in milliseconds: older charges count for nothing. */
export function longestRateLimitWindow(settings: Settings): number {
  const { newbie, user } = settings.RateLimits.reportincident;
  return Math.max(newbie[1], user[1], supportRateLimit(settings)[1]) * 1000;
}

export interface SubmitError {
  status: number;
  /** MediaWiki REST's errorKey. */
  errorKey: string;
  /** The message that explains it to the reporter. */
  messageKey: string;
  params: Record<string, unknown>;
  /** The form field it concerns, if any. */
  field?: string;
  /** A support-route report past its own limit: not stored, but its Get support page is still the reporter's. */
  unrecorded?: IncidentReport;
}

export type SubmitResult =
  | {
      ok: true;
      /** The stored report: for a repeat folded into an earlier report, that earlier one. */
      report: IncidentReport;
      duplicate: boolean;
      /** A folded repeat said something new, which goes to the report's recipients as an update. */
      updated: boolean;
    }
  | { ok: false; error: SubmitError };

export interface ReportTarget {
  title: Title;
  page: PageRecord | null;
  revision: RevisionRecord | null;
  snapshot: CommentSnapshot | null;
}

export type RateLimitStatus = { limited: false; remaining: number } | { limited: true; retryAt: number };

export class ReportService {
  constructor(
    private readonly repository: ReportRepository,
    private readonly accounts: AccountService,
    private readonly pages: PageService,
    private readonly talk: TalkPageService,
    private readonly communityConfig: CommunityConfigProvider,
    private readonly namespaces: Namespaces,
    private readonly settings: Settings,
    private readonly clock: Clock,
    /** Opens the report's case (#21) in the report's transaction, when it goes to people. */
    private readonly cases: Pick<CaseService, 'openFor' | 'addedByRepeat' | 'keepOut'>,
    /** Called after a report's (or an update's) transaction commits: its mail is tried at once, the funnel counts a report. */
    private readonly afterCommit: (report: IncidentReport, what: 'report' | 'update') => void = () => {},
  ) {}

  /** The one eligibility policy, with this user's blocks in force (a request reads them with the user) and the current time. */
  eligibility(user: UserAccount | null, blocks: readonly Block[]): Eligibility {
    return canReport({ user, blocks: [...blocks], now: this.clock.now(), settings: this.settings });
  }

  /**
   * Whether reports may be filed about pages of a namespace: the community configuration's list, else the
   * operator's. The one place that decides it, for the menus and for every submission (#16).
   */
  async namespaceEnabled(namespace: number): Promise<boolean> {
    return this.namespaceEnabledIn(namespace, await this.communityConfig.current());
  }

  /** The same, by the configuration the request loaded: for the menus of every comment, which cannot wait. */
  namespaceEnabledForRequest(namespace: number): boolean {
    return this.namespaceEnabledIn(namespace, this.communityConfig.latest());
  }

  private namespaceEnabledIn(namespace: number, config: CommunityConfig): boolean {
    const configured = config.ReportIncidentEnabledNamespaces;
    return (configured.length > 0 ? configured : this.settings.ReportIncidentEnabledNamespaces).includes(namespace);
  }

  /** Whether the community configuration lists this user as an end-to-end tester (their reports are tests). */
  async isTester(user: UserAccount | null, config?: CommunityConfig): Promise<boolean> {
    config ??= await this.communityConfig.current();
    return user !== null && config.ReportIncidentE2ETesterUsers.length > 0 && config.ReportIncidentE2ETesterUsers.some((name) => sameUserName(normaliseUserName(name), user.name));
  }

  /** How many reports that send something this user may still file now, or when they may again. */
  async rateLimit(user: UserAccount): Promise<RateLimitStatus> {
    const now = this.clock.now();
    const [count, seconds] = isAutoconfirmed(user, this.settings, now) ? this.settings.RateLimits.reportincident.user : this.settings.RateLimits.reportincident.newbie;
    return this.limitStatus(user, RATE_LIMIT_ACTION, count, seconds, now);
  }

  private async limitStatus(user: UserAccount, action: string, count: number, seconds: number, now: number): Promise<RateLimitStatus> {
    const hits = await this.repository.hitsSince(user.id, action, now - seconds * 1000);
    if (hits.count < count) return { limited: false, remaining: count - hits.count };
    return { limited: true, retryAt: (hits.oldest ?? now) + seconds * 1000 };
  }

  /**
   * Charges a report to its reporter, dated a millisecond before the report so that no row holds a report's time
   * beside a user (#16). What keeps a charge from naming an erased report's reporter is its life: it is deleted
   * once no window looks back to it, and never later than retention, which rounds purged reports to their day.
   * (Rounding the charge instead made windows of a minute or less miss it.)
   */
  private async charge(user: UserAccount, action: string, now: number): Promise<void> {
    await this.repository.addHit(user.id, action, now - 1);
  }

  /**
   * Finds what is reported: the revision (0 means a page without revisions, named by `page`), and the
   * topic or comment with `threadId` on it, whose text is kept as it stood.
   */
  async resolveTarget(submission: Pick<ReportSubmission, 'revisionId' | 'page' | 'threadId'>): Promise<{ ok: true; target: ReportTarget } | { ok: false; error: SubmitError }> {
    let title: Title | null = null;
    if (submission.page !== undefined && submission.page !== '') {
      const parsed = parseTitle(submission.page, this.namespaces);
      if (!parsed.ok) return fail(422, 'rest-invalid-title', 'reportincident-error-invalid-title', { title: submission.page }, 'page');
      title = parsed.value;
    }
    let revision: RevisionRecord | null = null;
    let page: PageRecord | null = null;
    if (submission.revisionId !== 0) {
      const found = await this.pages.revisionWithPage(submission.revisionId);
      if (!found) return fail(404, 'rest-nonexistent-revision', 'reportincident-error-no-revision', { revisionId: submission.revisionId }, 'revisionId');
      ({ revision, page } = found);
      const revTitle = parseTitle(`${this.namespaces.nameOf(page.namespace)}:${page.title}`, this.namespaces);
      if (!revTitle.ok) throw new Error('stored title does not parse');
      if (title && !title.equals(revTitle.value)) {
        return fail(422, 'rest-invalid-title', 'reportincident-error-revision-of-other-page', { revisionId: submission.revisionId, title: title.prefixedText }, 'page');
      }
      title = revTitle.value;
    } else {
      if (!title) return fail(422, 'rest-missing-body-field', 'reportincident-error-page-required', { field: 'page' }, 'page');
      page = await this.pages.find(title);
      if (page) revision = await this.pages.revision(page.latestRevId);
    }
    // (#16) Only pages where Report is offered: not Special pages, articles or the configuration page.
    if (!(await this.namespaceEnabled(title.namespace))) {
      return fail(422, 'rest-invalid-title', 'reportincident-error-namespace-not-enabled', { title: title.prefixedText }, 'page');
    }
    let snapshot: CommentSnapshot | null = null;
    const threadId = submission.threadId?.trim() ?? '';
    if (threadId !== '') {
      const item = page ? await this.talk.findItem(page, threadId) : null;
      if (!item || (revision && item.revId > revision.id)) {
        return fail(422, 'rest-invalid-thread', 'reportincident-error-thread-not-on-page', { threadId, title: title.prefixedText }, 'threadId');
      }
      snapshot = { author: item.authorName, createdAt: item.createdAt, text: item.body };
    }
    return { ok: true, target: { title, page, revision, snapshot } };
  }

  /**
   * Accepts a report, in the original's order after the caller's token and body checks: eligibility,
   * the revision and page, the field combinations, then duplicates and the rate limit, charged last and
   * only for reports that send something, in the same transaction that stores the report and its mail.
   * `blocks` are the user's blocks in force, as the request read them with the user.
   */
  async submit(user: UserAccount | null, blocks: readonly Block[], submission: ReportSubmission, language: string): Promise<SubmitResult> {
    const eligibility = this.eligibility(user, blocks);
    if (!eligibility.eligible || !user) {
      return { ok: false, error: { status: 403, errorKey: 'apierror-permissiondenied', messageKey: 'reportincident-ineligible-generic', params: {} } };
    }
    const resolved = await this.resolveTarget(submission);
    if (!resolved.ok) return resolved;
    const combination = checkCombination(submission);
    if (combination) return { ok: false, error: combination };

    const config = await this.communityConfig.current();
    const details = (s: string | undefined) => (s ?? '').replace(/\r\n?/g, '\n').normalize('NFC').trim();
    const directReport = details(submission.directReport);
    const { target } = resolved;
    // What the reporter chose and wrote, normalised once for the classifiers and the stored report.
    const submitted = {
      incidentType: submission.incidentType,
      physicalHarmType: submission.physicalHarmType ?? null,
      behaviorType: submission.behaviorType ?? null,
      details: details(submission.details),
      somethingElseDetails: details(submission.somethingElseDetails),
      directReport,
      reporterLanguage: language,
    };
    // The route is the classifiers' verdict, which follows the reporter's choice; their signals only assist.
    const input = classifierInput({ ...submitted, snapshot: target.snapshot }, config, this.settings);
    const { route, deliveries } = routeReport(classifyReport(input), config, this.settings);
    if (directReport !== '' && route !== 'direct') {
      return fail(422, 'rest-extraneous-body-fields', 'reportincident-error-direct-unavailable', { field: 'directReport' }, 'directReport');
    }

    const recused = await this.recusedOf(submission.recuse ?? [], route, user);
    if (!recused.ok) return recused;

    // An end-to-end tester's report goes through everything but the mail: stored as a test, sent to nobody.
    const tester = await this.isTester(user, config);
    const reported = await this.reportedUserOf(submission, target);
    if (!reported.ok) return reported;
    const { name: reportedUser, accountId: reportedUserId } = reported;
    const now = this.clock.now();
    const report: IncidentReport = {
      id: newReportId(),
      createdAt: now,
      reporterUserId: user.id,
      ...submitted,
      about: submission.incidentType === 'immediate-threat-physical-harm' ? (submission.about ?? null) : null,
      route,
      pageId: target.page?.id ?? null,
      pageNamespace: target.title.namespace,
      pageTitle: target.title.dbKey,
      revId: target.revision?.id ?? 0,
      threadId: submission.threadId?.trim() || null,
      reportedUser,
      reportedUserId,
      snapshot: target.snapshot,
      ...(tester ? { test: true } : {}),
    };

    // The reporter's receipt goes with every report that sends something, to a confirmed address only.
    const sends = deliveries.length > 0 && !tester;
    const receipt = this.settings.ReportIncidentSendReceipt && sends && user.emailConfirmedAt !== null && user.email !== '';
    const messages = !sends ? [] : receipt ? [...deliveries, { kind: 'receipt' as const, recipients: [user.email] }] : deliveries;
    const host = new URL(this.settings.Server).hostname;
    // The rate limit and the duplicate check are serialised per reporter, across processes too.
    const result = await this.repository.immediate(async (): Promise<SubmitResult> => {
      const duplicate = await this.repository.findDuplicate({
        reporter: user.id,
        pageNamespace: report.pageNamespace,
        pageTitle: report.pageTitle,
        threadId: report.threadId,
        reportedUser: report.reportedUser,
        type: reportType(report),
        route,
        since: now - DUPLICATE_WINDOW,
        test: tester,
      });
      // A repeat is folded into the first report; what it adds goes to that report's recipients, not charged again.
      if (duplicate) {
        // Those the reporter now keeps out are kept out of the case they already have.
        if (recused.ids.length > 0) await this.cases.keepOut(duplicate.id, recused.ids);
        const added = await this.addUpdate(duplicate, report, now, host);
        if (added === UpdateOutcome.limited) {
          // Nothing is lost: the reporter is told where to write what they added (the form gives their words back).
          return fail(429, 'apierror-ratelimited', 'reportincident-ratelimited-update', { id: duplicate.id, emails: this.settings.ReportIncidentRecipientEmails.join(', ') });
        }
        return { ok: true, report: duplicate, duplicate: true, updated: added === UpdateOutcome.added };
      }
      // What sends nothing (the support route, a tester's report) is limited apart, generously.
      if (sends) {
        const limit = await this.rateLimit(user);
        if (limit.limited) {
          return fail(429, 'apierror-ratelimited', route === 'emergency' ? 'reportincident-ratelimited-emergency' : 'reportincident-ratelimited', { retryAt: limit.retryAt, emails: this.settings.ReportIncidentRecipientEmails.join(', ') });
        }
        await this.charge(user, RATE_LIMIT_ACTION, now);
      } else {
        // Past its own limit a support-route report is not recorded; the reporter still gets the Get support page.
        const [count, seconds] = supportRateLimit(this.settings);
        const limit = await this.limitStatus(user, SUPPORT_RATE_LIMIT_ACTION, count, seconds, now);
        if (limit.limited) {
          const refused = fail(429, 'apierror-ratelimited', 'reportincident-ratelimited-support', { retryAt: limit.retryAt });
          return { ok: false, error: { ...refused.error, unrecorded: report } };
        }
        await this.charge(user, SUPPORT_RATE_LIMIT_ACTION, now);
      }
      await this.repository.insert(report);
      await this.cases.openFor(report, recused.ids);
      await this.repository.addOutboxes(messages.map((d) => ({ reportId: report.id, kind: d.kind, recipients: d.recipients, messageId: `<${report.id}.${d.kind}@${host}>`, nextAttemptAt: now, createdAt: now })));
      return { ok: true, report, duplicate: false, updated: false };
    }, String(user.id));
    if (result.ok && (!result.duplicate || result.updated)) this.afterCommit(result.report, result.duplicate ? 'update' : 'report');
    return result;
  }

  /**
   * Inside submit's transaction: stores what `repeat` adds to `first` (new words, a changed "about") and queues its
   * mail to each of the first report's recipients, in that mail's thread. The reported user is never among them,
   * and a report that sent nothing (the Get support page) has nobody to tell. At most MAX_UPDATES_PER_DAY a day.
   */
  private async addUpdate(first: IncidentReport, repeat: IncidentReport, now: number, host: string): Promise<UpdateOutcome> {
    const mailings = (await this.repository.mailingsFor(first.id)).filter((m) => m.recipients.length > 0);
    if (mailings.length === 0) return UpdateOutcome.nothingNew;
    const earlier = await this.repository.updatesFor(first.id);
    const update = updateFrom(first, earlier, repeat, now);
    if (!update) return UpdateOutcome.nothingNew;
    if (earlier.filter((u) => u.createdAt > now - DUPLICATE_WINDOW).length >= MAX_UPDATES_PER_DAY) return UpdateOutcome.limited;
    const updateId = await this.repository.addUpdate(update);
    for (const m of mailings) {
      await this.repository.addOutbox({
        reportId: first.id,
        kind: m.kind,
        recipients: m.recipients,
        messageId: `<${first.id}.${m.kind}.update-${update.seq}@${host}>`,
        inReplyTo: m.messageId,
        updateId,
        nextAttemptAt: now,
        createdAt: now,
      });
    }
    // (#21) The new words are on the case too, as the reporter's own addition, in this transaction.
    await this.cases.addedByRepeat(first, update.text, now);
    return UpdateOutcome.added;
  }

  /**
   * (#21) The responders a direct report's reporter keeps out of its case: each must be a responder, and at least
   * one other must remain to read it (the reporter never counts: nobody handles their own report).
   */
  private async recusedOf(names: readonly string[], route: ReportRoute, reporter: UserAccount): Promise<{ ok: true; ids: number[] } | { ok: false; error: SubmitError }> {
    const wanted = [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];
    if (wanted.length === 0) return { ok: true, ids: [] };
    if (route !== 'direct') return fail(422, 'rest-extraneous-body-fields', 'reportincident-error-recuse-unavailable', { field: 'recuse' }, 'recuse');
    const responders = await this.accounts.inGroup('incident-responder');
    const ids: number[] = [];
    for (const name of wanted) {
      const found = responders.find((r) => sameUserName(r.name, normaliseReportedUser(name)));
      if (!found) return fail(422, 'rest-invalid-recuse', 'reportincident-error-recuse-not-responder', { name }, 'recuse');
      ids.push(found.id);
    }
    if (!responders.some((r) => r.id !== reporter.id && !ids.includes(r.id))) return fail(422, 'rest-invalid-recuse', 'reportincident-error-recuse-none-left', {}, 'recuse');
    return { ok: true, ids };
  }

  /**
   * Who is reported is the server's to decide (#15): a comment's author that is an account or an IP is the
   * reported user whatever the request says, and a request naming someone else is refused. Someone telling us
   * they may harm themselves reports no one: the comment's author is not made the "reported user".
   */
  private async reportedUserOf(submission: ReportSubmission, target: ReportTarget): Promise<{ ok: true; name: string; accountId: number | null } | { ok: false; error: SubmitError }> {
    if (submission.physicalHarmType === 'threats-self-harm' && submission.about === 'self') return { ok: true, name: '', accountId: null };
    const author = target.snapshot?.author ?? '';
    const authorAccount = author !== '' && !isIpAddress(author) ? await this.accounts.findByName(author) : null;
    const named = submission.reportedUser !== undefined && submission.reportedUser.trim() !== '' ? normaliseReportedUser(submission.reportedUser) : null;
    if (author !== '' && (isIpAddress(author) || authorAccount !== null)) {
      const authorName = normaliseReportedUser(author);
      if (named !== null && !sameUserName(named, authorName)) {
        return fail(422, 'rest-invalid-reported-user', 'reportincident-error-reported-user-not-author', { author: authorName, reportedUser: named }, 'reportedUser');
      }
      return { ok: true, name: authorName, accountId: authorAccount?.id ?? null };
    }
    const name = named ?? normaliseReportedUser(author);
    const account = name !== '' && !isIpAddress(name) ? await this.accounts.findByName(name) : null;
    return { ok: true, name, accountId: account?.id ?? null };
  }

  /**
   * Whether an emergency report of this kind about this comment would be folded into the reporter's own earlier
   * one (and so add to it rather than be charged): a reporter at their limit may still update what they sent.
   */
  async foldsIntoEarlier(user: UserAccount, draft: { page: string; threadId: string; revisionId: number }, physicalHarmType: string): Promise<boolean> {
    return (await this.earlierEmergency(user, draft, [physicalHarmType])) !== null;
  }

  /** The reporter's own emergency report about this comment within the folding window, of one of `types`, if any. */
  async earlierEmergency(user: UserAccount, draft: { page: string; threadId: string; revisionId: number }, types: readonly string[] = physicalHarmTypes): Promise<IncidentReport | null> {
    const resolved = await this.resolveTarget(draft);
    if (!resolved.ok) return null;
    const { title } = resolved.target;
    const threadId = draft.threadId.trim() || null;
    const since = this.clock.now() - DUPLICATE_WINDOW;
    const test = await this.isTester(user);
    for (const type of types) {
      // Who is reported is not known yet on the first step: a page-level report may match any; the submit decides.
      const found = await this.repository.findDuplicate({ reporter: user.id, pageNamespace: title.namespace, pageTitle: title.dbKey, threadId, reportedUser: null, type, route: 'emergency', since, test });
      if (found) return found;
    }
    return null;
  }

  async find(id: string): Promise<IncidentReport | null> {
    return await this.repository.find(id);
  }

  /** What the reporter says the report is about as of an update: the latest choice up to it, else the report's. */
  async aboutAsOf(report: IncidentReport, update: ReportUpdate): Promise<IncidentReport['about']> {
    return aboutAfter(report, (await this.repository.updatesFor(report.id)).filter((u) => u.seq <= update.seq));
  }

  async findUpdate(id: number): Promise<ReportUpdate | null> {
    return await this.repository.findUpdate(id);
  }

  /** Other reports about the same comment or the same user since a time (ids and types only reach the mail). */
  async related(report: IncidentReport, since: number) {
    return await this.repository.related(report, since);
  }

  /** Whether the report's mail has gone: the confirmation page says only what is true. */
  async deliveryState(report: IncidentReport): Promise<'none' | 'pending' | 'sent'> {
    // The reporter's own receipt does not count: the page speaks of the report reaching its recipients.
    const rows = (await this.repository.outboxFor(report.id)).filter((r) => r.kind === 'trust-and-safety' || r.kind === 'direct');
    if (rows.length === 0) return 'none';
    return rows.every((r) => r.state === 'sent') ? 'sent' : 'pending';
  }
}

function fail(status: number, errorKey: string, messageKey: string, params: Record<string, unknown>, field?: string): { ok: false; error: SubmitError } {
  return { ok: false, error: { status, errorKey, messageKey, params, ...(field ? { field } : {}) } };
}

/** Cross-field rules of ReportHandler: the harm type iff emergency, the behaviour type iff not. */
function checkCombination(s: ReportSubmission): SubmitError | null {
  const emergency = s.incidentType === 'immediate-threat-physical-harm';
  const missing = (field: string, messageKey: string): SubmitError => ({ status: 422, errorKey: 'rest-missing-body-field', messageKey, params: { field }, field });
  const extra = (field: string): SubmitError => ({ status: 422, errorKey: 'rest-extraneous-body-fields', messageKey: 'reportincident-error-extraneous-field', params: { field }, field });
  if (emergency) {
    if (!s.physicalHarmType) return missing('physicalHarmType', 'reportincident-threat-harm-required');
    if (s.behaviorType !== undefined) return extra('behaviorType');
    if (s.somethingElseDetails !== undefined && s.somethingElseDetails !== '') return extra('somethingElseDetails');
    if (s.directReport !== undefined && s.directReport !== '') return extra('directReport');
  } else {
    if (!s.behaviorType) return missing('behaviorType', 'reportincident-behavior-required');
    if (s.physicalHarmType !== undefined) return extra('physicalHarmType');
    if (s.about !== undefined) return extra('about');
    if (s.behaviorType === 'something-else' && (s.somethingElseDetails ?? '').trim() === '') return missing('somethingElseDetails', 'reportincident-something-else-empty');
  }
  return null;
}

function normaliseReportedUser(name: string): string {
  const trimmed = name.trim();
  return isIpAddress(trimmed) ? trimmed.toUpperCase() : normaliseUserName(trimmed);
}
