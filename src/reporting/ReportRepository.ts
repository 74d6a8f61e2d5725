/** SQL for reports, their updates and outbox rows, rate-limit charges and flow drafts. */
import type { Transaction } from 'better-sqlite3';
import type { Db } from '../storage/openDatabase.js';
import { isDatabaseBusy } from '../storage/databaseErrors.js';
import type { IncidentReport, ReportAbout } from './IncidentReport.js';
import type { NewUpdate, ReportUpdate } from './reportUpdate.js';

interface ReportRow {
  report_id: string;
  created_at: number;
  reporter_user_id: number | null;
  reporter_language: string;
  incident_type: IncidentReport['incidentType'];
  physical_harm_type: IncidentReport['physicalHarmType'];
  behavior_type: IncidentReport['behaviorType'];
  about: IncidentReport['about'];
  route: IncidentReport['route'];
  page_id: number | null;
  page_namespace: number;
  page_title: string;
  rev_id: number;
  thread_id: string | null;
  reported_user: string;
  reported_user_id: number | null;
  details: string;
  something_else_details: string;
  direct_report: string;
  snapshot_author: string | null;
  snapshot_created_at: number | null;
  snapshot_text: string | null;
  test: number;
}

const DAY_MS = 24 * 3600 * 1000;
/** SQL for the milliseconds from a report (the row named `r`) to its mail's delivery: its first message to its recipients, sent. */
const deliveryMs = (r: string) =>
  `SELECT min(o.sent_at) - ${r}.created_at FROM outbox o WHERE o.report_id = ${r}.report_id AND o.kind != 'receipt' AND o.update_id IS NULL AND o.state = 'sent'`;

const toReport = (r: ReportRow): IncidentReport => ({
  id: r.report_id,
  createdAt: r.created_at,
  reporterUserId: r.reporter_user_id,
  reporterLanguage: r.reporter_language,
  incidentType: r.incident_type,
  physicalHarmType: r.physical_harm_type,
  behaviorType: r.behavior_type,
  about: r.about,
  route: r.route,
  pageId: r.page_id,
  pageNamespace: r.page_namespace,
  pageTitle: r.page_title,
  revId: r.rev_id,
  threadId: r.thread_id,
  reportedUser: r.reported_user,
  reportedUserId: r.reported_user_id,
  details: r.details,
  somethingElseDetails: r.something_else_details,
  directReport: r.direct_report,
  snapshot: r.snapshot_author !== null ? { author: r.snapshot_author, createdAt: r.snapshot_created_at ?? 0, text: r.snapshot_text ?? '' } : null,
  test: r.test === 1,
});

interface UpdateRow {
  update_id: number;
  report_id: string;
  seq: number;
  created_at: number;
  text: string;
  about: ReportAbout | null;
}

const toUpdate = (r: UpdateRow): ReportUpdate => ({ id: r.update_id, reportId: r.report_id, seq: r.seq, createdAt: r.created_at, text: r.text, about: r.about });

/** One report as statistics see it. */
export interface StatsRow {
  report_id: string;
  created_at: number;
  incident_type: string;
  physical_harm_type: string | null;
  behavior_type: string | null;
  route: string;
  page_namespace: number;
  reporter_user_id: number | null;
  reported_user: string;
  page_id: number | null;
  thread_id: string | null;
  delivery_ms: number | null;
  group_size: number;
}

export interface NewOutboxRow {
  reportId: string;
  kind: string;
  recipients: string[];
  messageId: string;
  nextAttemptAt: number;
  createdAt: number;
  /** The update this message carries, for an update's mail. */
  updateId?: number;
  /** The Message-ID this message answers (an update's mail threads under its report's). */
  inReplyTo?: string;
}

/** Where a report's own mail went: an update goes to the same recipients, in the same thread. */
export interface ReportMailing {
  kind: string;
  recipients: string[];
  messageId: string;
}

export interface OutboxSummary {
  kind: string;
  state: string;
  sentAt: number | null;
}

export class ReportRepository {
  private readonly insertReport;
  private readonly selectReport;
  private readonly selectDuplicate;
  private readonly insertOutbox;
  private readonly relatedTo;
  private readonly purgeOlder;
  private readonly perDay;
  private readonly inPeriod;
  private readonly purgeReceipts;
  private readonly outboxOf;
  private readonly countHits;
  private readonly insertHit;
  private readonly deleteHits;
  private readonly purgedAfter;
  private readonly upsertDraft;
  private readonly selectDraft;
  private readonly deleteDraft;
  private readonly pruneDrafts;
  private readonly selectDraftsOf;
  private readonly expiredSteps;
  private readonly insertUpdate;
  private readonly updatesOf;
  private readonly updateById;
  private readonly mailingsOf;
  private readonly purgeUpdates;
  private readonly roundOutbox;
  private readonly roundUpdates;

  constructor(private readonly db: Db) {
    this.insertReport = db.prepare(
      `INSERT INTO reports (report_id, created_at, reporter_user_id, reporter_language, incident_type, physical_harm_type, behavior_type, about, route,
         page_id, page_namespace, page_title, rev_id, thread_id, reported_user, reported_user_id, details, something_else_details, direct_report,
         snapshot_author, snapshot_created_at, snapshot_text, test)
       VALUES (@id, @createdAt, @reporterUserId, @reporterLanguage, @incidentType, @physicalHarmType, @behaviorType, @about, @route,
         @pageId, @pageNamespace, @pageTitle, @revId, @threadId, @reportedUser, @reportedUserId, @details, @somethingElseDetails, @directReport,
         @snapshotAuthor, @snapshotCreatedAt, @snapshotText, @test)`,
    );
    this.selectReport = db.prepare<[string], ReportRow>('SELECT * FROM reports WHERE report_id = ?');
    // A report about a page as a whole names its reported user freely: another name there is another report.
    // A test report and a real one are never the same report: a real one folded into a test would be mailed to nobody.
    this.selectDuplicate = db.prepare<[{ reporter: number; pageNamespace: number; pageTitle: string; threadId: string | null; reportedUser: string | null; type: string; route: string; since: number; test: number }], ReportRow>(
      `SELECT * FROM reports
       WHERE reporter_user_id = @reporter AND page_namespace = @pageNamespace AND page_title = @pageTitle AND test = @test
         AND thread_id IS @threadId AND (thread_id IS NOT NULL OR @reportedUser IS NULL OR reported_user = @reportedUser)
         AND coalesce(physical_harm_type, behavior_type) = @type
         AND route = @route AND created_at > @since
       ORDER BY created_at LIMIT 1`,
    );
    // Two index scans, newest first, each stopping after 50: a user reported thousands of times in a week (a
    // report spike after a public fight) costs each mail 100 rows, not all of them and a sort.
    this.relatedTo = db.prepare<[{ id: string; since: number; pageId: number | null; threadId: string | null; reportedUser: string }], { report_id: string; type: string; same_comment: number; created_at: number; rev_id: number; thread_id: string | null }>(
      `SELECT report_id, type, created_at, same_comment, rev_id, thread_id FROM (
         SELECT * FROM (
           SELECT report_id, coalesce(physical_harm_type, behavior_type) AS type, created_at, 1 AS same_comment, rev_id, thread_id
           FROM reports
           WHERE @threadId IS NOT NULL AND page_id IS @pageId AND thread_id = @threadId AND created_at > @since
             AND route != 'support' AND test = 0 AND report_id != @id
           ORDER BY created_at DESC LIMIT 50)
         UNION
         SELECT * FROM (
           SELECT report_id, coalesce(physical_harm_type, behavior_type) AS type, created_at,
             (page_id IS @pageId AND thread_id IS NOT NULL AND thread_id = @threadId) AS same_comment, rev_id, thread_id
           FROM reports
           WHERE @reportedUser != '' AND reported_user = @reportedUser AND created_at > @since
             AND route != 'support' AND test = 0 AND report_id != @id
           ORDER BY created_at DESC LIMIT 50))
       ORDER BY created_at DESC LIMIT 50`,
    );
    this.perDay = db.prepare<[number, number], { day: string; type: string; route: string; n: number }>(
      `SELECT date(created_at / 1000, 'unixepoch') AS day, coalesce(physical_harm_type, behavior_type) AS type, route, count(*) AS n
       FROM reports WHERE created_at >= ? AND created_at < ? AND test = 0 GROUP BY day, type, route ORDER BY day`,
    );
    // What statistics and the de-identified export may read: no text, no title, and people only as ids to hash.
    this.inPeriod = db.prepare<[{ from: number; to: number }], StatsRow>(
      `SELECT r.report_id, r.created_at, r.incident_type, r.physical_harm_type, r.behavior_type, r.route, r.page_namespace,
         r.reporter_user_id, r.reported_user, r.page_id, r.thread_id,
         coalesce(r.delivery_ms, (${deliveryMs('r')})) AS delivery_ms,
         (SELECT count(*) FROM reports g WHERE g.report_id != r.report_id AND g.route != 'support' AND g.test = 0
            AND abs(g.created_at - r.created_at) <= 604800000 AND g.created_at < @to
            AND ((g.page_id IS r.page_id AND g.thread_id IS NOT NULL AND g.thread_id = r.thread_id) OR (r.reported_user != '' AND g.reported_user = r.reported_user))) + 1 AS group_size
       FROM reports r WHERE r.created_at >= @from AND r.created_at < @to AND r.test = 0 ORDER BY r.created_at`,
    );
    // Retention keeps what statistics need (when, which types, which route and namespace) and erases the rest.
    // The day stays, not the millisecond, and no revision: an exact time or a revision joined a purged report to its
    // reporter's session, their own reply on the page or their account. The delivery time statistics show is kept
    // as a number first (SET reads the row as it was).
    this.purgeOlder = db.prepare(
      `UPDATE reports SET reporter_user_id = NULL, reported_user = '', reported_user_id = NULL, details = '', something_else_details = '',
         direct_report = '', snapshot_author = NULL, snapshot_created_at = NULL, snapshot_text = NULL, page_id = NULL, page_title = '',
         thread_id = NULL, reporter_language = '', purged_at = @now, rev_id = 0,
         delivery_ms = (${deliveryMs('reports')}),
         created_at = created_at - created_at % ${DAY_MS}
       WHERE created_at < @before AND purged_at IS NULL
       RETURNING report_id`,
    );
    this.roundOutbox = db.prepare(
      `UPDATE outbox SET created_at = created_at - created_at % ${DAY_MS}, next_attempt_at = next_attempt_at - next_attempt_at % ${DAY_MS},
         sent_at = sent_at - sent_at % ${DAY_MS}, alerted_at = alerted_at - alerted_at % ${DAY_MS}
       WHERE report_id IN (SELECT value FROM json_each(@ids))`,
    );
    this.roundUpdates = db.prepare(`UPDATE report_updates SET created_at = created_at - created_at % ${DAY_MS} WHERE report_id IN (SELECT value FROM json_each(@ids))`);
    // Addresses go with the report's identities. Mail still waiting for a purged report is given up: its text is gone,
    // and the receipt's address is the reporter's (one still being sent keeps it until the next purge).
    this.purgeReceipts = db.prepare(
      `UPDATE outbox SET recipients = '', last_error = NULL, state = CASE state WHEN 'pending' THEN 'failed' ELSE state END
       WHERE report_id IN (SELECT report_id FROM reports WHERE purged_at IS NOT NULL) AND recipients != '' AND state IN ('sent', 'failed', 'pending')`,
    );
    // An update's text goes with its report's: retention erases both.
    this.purgeUpdates = db.prepare(
      `UPDATE report_updates SET text = ''
       WHERE report_id IN (SELECT report_id FROM reports WHERE purged_at IS NOT NULL) AND text != ''`,
    );
    this.insertOutbox = db.prepare(
      `INSERT INTO outbox (report_id, kind, recipients, message_id, next_attempt_at, created_at, update_id, in_reply_to)
       VALUES (@reportId, @kind, @recipients, @messageId, @nextAttemptAt, @createdAt, @updateId, @inReplyTo)`,
    );
    // The report's own mail only: whether an update's mail has gone says nothing about the report's.
    this.outboxOf = db.prepare<[string], { kind: string; state: string; sent_at: number | null }>('SELECT kind, state, sent_at FROM outbox WHERE report_id = ? AND update_id IS NULL ORDER BY outbox_id');
    this.mailingsOf = db.prepare<[string], { kind: string; recipients: string; message_id: string }>(
      "SELECT kind, recipients, message_id FROM outbox WHERE report_id = ? AND kind != 'receipt' AND update_id IS NULL ORDER BY outbox_id",
    );
    this.insertUpdate = db.prepare('INSERT INTO report_updates (report_id, seq, created_at, text, about) VALUES (@reportId, @seq, @createdAt, @text, @about)');
    this.updatesOf = db.prepare<[string], UpdateRow>('SELECT * FROM report_updates WHERE report_id = ? ORDER BY seq');
    this.updateById = db.prepare<[number], UpdateRow>('SELECT * FROM report_updates WHERE update_id = ?');
    this.countHits = db.prepare<[number, string, number], { n: number; oldest: number | null }>(
      'SELECT count(*) AS n, min(at) AS oldest FROM rate_limit_hits WHERE user_id = ? AND action = ? AND at > ?',
    );
    this.insertHit = db.prepare('INSERT INTO rate_limit_hits (user_id, action, at) VALUES (?, ?, ?)');
    this.deleteHits = db.prepare('DELETE FROM rate_limit_hits WHERE at < ?');
    this.purgedAfter = db.prepare<[number], string>('SELECT report_id FROM reports WHERE purged_at >= ?').pluck();
    this.upsertDraft = db.prepare(
      `INSERT INTO report_drafts (draft_id, user_id, data, updated_at, step) VALUES (@id, @userId, @data, @updatedAt, @step)
       ON CONFLICT (draft_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, step = excluded.step WHERE report_drafts.user_id = excluded.user_id`,
    );
    this.expiredSteps = db.prepare<[number], { step: string; n: number }>('SELECT step, count(*) AS n FROM report_drafts WHERE updated_at <= ? GROUP BY step');
    this.selectDraft = db.prepare<[string, number, number], { data: string }>('SELECT data FROM report_drafts WHERE draft_id = ? AND user_id = ? AND updated_at > ?');
    this.deleteDraft = db.prepare('DELETE FROM report_drafts WHERE draft_id = ?');
    this.pruneDrafts = db.prepare('DELETE FROM report_drafts WHERE updated_at <= ?');
    this.selectDraftsOf = db.prepare<[number, number], { draft_id: string; data: string; step: string }>(
      'SELECT draft_id, data, step FROM report_drafts WHERE user_id = ? AND updated_at > ? ORDER BY updated_at DESC LIMIT 20',
    );
    this.savepoint = db.transaction((fn: () => unknown) => fn());
    this.group = db.transaction((batch: QueuedWrite[], outcomes: Outcome[]) => {
      for (const job of batch) {
        try {
          // A transaction inside a transaction is a savepoint in better-sqlite3.
          outcomes.push({ ok: true, value: this.savepoint(job.fn) });
        } catch (error) {
          outcomes.push({ ok: false, error });
          // A full disk or an I/O error can make SQLite roll back the whole transaction: then nothing of this
          // turn is stored, and every submission must hear so (none may run on outside the transaction).
          if (!this.db.inTransaction) throw error;
        }
      }
    });
  }

  insert(report: IncidentReport): void {
    this.insertReport.run({
      ...report,
      snapshotAuthor: report.snapshot?.author ?? null,
      snapshotCreatedAt: report.snapshot?.createdAt ?? null,
      snapshotText: report.snapshot?.text ?? null,
      test: report.test ? 1 : 0,
    });
  }

  find(id: string): IncidentReport | null {
    const row = this.selectReport.get(id);
    return row ? toReport(row) : null;
  }

  findDuplicate(q: { reporter: number; pageNamespace: number; pageTitle: string; threadId: string | null; reportedUser: string | null; type: string; route: string; since: number; test: boolean }): IncidentReport | null {
    const row = this.selectDuplicate.get({ ...q, test: q.test ? 1 : 0 });
    return row ? toReport(row) : null;
  }

  /** Other reports about the same comment or the same reported user since a time: ids and types only. */
  related(report: IncidentReport, since: number): { id: string; type: string; sameComment: boolean; createdAt: number; revId: number; threadId: string | null }[] {
    return this.relatedTo
      .all({ id: report.id, since, pageId: report.pageId, threadId: report.threadId, reportedUser: report.reportedUser })
      .map((r) => ({ id: r.report_id, type: r.type, sameComment: r.same_comment === 1, createdAt: r.created_at, revId: r.rev_id, threadId: r.thread_id }));
  }

  addOutbox(row: NewOutboxRow): void {
    this.insertOutbox.run({ ...row, recipients: row.recipients.join(', '), updateId: row.updateId ?? null, inReplyTo: row.inReplyTo ?? null });
  }

  /** The messages that carried a report to its recipients (not the receipt, not updates). */
  mailingsFor(reportId: string): ReportMailing[] {
    return this.mailingsOf.all(reportId).map((r) => ({ kind: r.kind, recipients: r.recipients.split(', ').filter(Boolean), messageId: r.message_id }));
  }

  /** Stores an update; returns its id. */
  addUpdate(update: NewUpdate): number {
    return Number(this.insertUpdate.run(update).lastInsertRowid);
  }

  /** A report's updates, oldest first. */
  updatesFor(reportId: string): ReportUpdate[] {
    return this.updatesOf.all(reportId).map(toUpdate);
  }

  findUpdate(id: number): ReportUpdate | null {
    const row = this.updateById.get(id);
    return row ? toUpdate(row) : null;
  }

  outboxFor(reportId: string): OutboxSummary[] {
    return this.outboxOf.all(reportId).map((r) => ({ kind: r.kind, state: r.state, sentAt: r.sent_at }));
  }

  hitsSince(userId: number, action: string, since: number): { count: number; oldest: number | null } {
    const { n, oldest } = this.countHits.get(userId, action, since)!;
    return { count: n, oldest };
  }

  addHit(userId: number, action: string, at: number): void {
    this.insertHit.run(userId, action, at);
  }

  /** The reports retention erased at or after `at`. */
  purgedSince(at: number): string[] {
    return this.purgedAfter.all(at);
  }

  /** Deletes rate-limit charges made before `at`; returns how many. */
  purgeHitsBefore(at: number): number {
    return this.deleteHits.run(at).changes;
  }

  saveDraft(id: string, userId: number, data: string, at: number, step: string): void {
    this.upsertDraft.run({ id, userId, data, updatedAt: at, step });
  }

  findDraft(id: string, userId: number, notBefore: number): string | null {
    return this.selectDraft.get(id, userId, notBefore)?.data ?? null;
  }

  removeDraft(id: string): void {
    this.deleteDraft.run(id);
  }

  /** A user's drafts touched after `notBefore`, the latest first (a Report click resumes the one it left). */
  draftsOf(userId: number, notBefore: number): { id: string; data: string; step: string }[] {
    return this.selectDraftsOf.all(userId, notBefore).map((r) => ({ id: r.draft_id, data: r.data, step: r.step }));
  }

  /** Deletes drafts last touched before `at`; returns how many were left at each step. */
  pruneDraftsBefore(at: number): { step: string; count: number }[] {
    return this.db.transaction(() => {
      const steps = this.expiredSteps.all(at).map((r) => ({ step: r.step, count: r.n }));
      this.pruneDrafts.run(at);
      return steps;
    })();
  }

  /** Erases the texts (their updates' too), identities and addresses of reports filed before `before`; returns their ids. */
  purgeBefore(before: number, now: number): string[] {
    return this.db.transaction(() => {
      const ids = (this.purgeOlder.all({ before, now }) as { report_id: string }[]).map((r) => r.report_id);
      this.purgeUpdates.run();
      this.purgeReceipts.run();
      if (ids.length > 0) {
        this.roundOutbox.run({ ids: JSON.stringify(ids) });
        this.roundUpdates.run({ ids: JSON.stringify(ids) });
      }
      return ids;
    })();
  }

  countsPerDay(from: number, to: number) {
    return this.perDay.all(from, to);
  }

  /** Reports filed in [from, to), each with its group among the reports filed before `to`. */
  statsRows(from: number, to: number): StatsRow[] {
    return this.inPeriod.all({ from, to });
  }

  /**
   * Runs fn in a write transaction taken at once (BEGIN IMMEDIATE), so a count and an insert cannot interleave with
   * another process. The submissions of one turn of the event loop share that transaction (a group commit: one WAL
   * write for all), each in its own savepoint: one that throws is rolled back alone; a failed commit fails them all.
   */
  immediate<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ fn, resolve: resolve as (value: unknown) => void, reject, since: Date.now() });
      if (this.queued.length === 1 && !this.retryTimer) setImmediate(() => this.commitQueued());
    });
  }

  private queued: QueuedWrite[] = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private busyRetries = 0;
  // Made once (in the constructor): better-sqlite3 builds a new wrapper for every db.transaction(fn).
  private readonly savepoint: Transaction<(fn: () => unknown) => unknown>;
  private readonly group: Transaction<(batch: QueuedWrite[], outcomes: Outcome[]) => void>;

  private commitQueued(): void {
    const batch = this.queued;
    this.queued = [];
    if (batch.length === 0) return;
    const outcomes: Outcome[] = [];
    try {
      this.group.immediate(batch, outcomes);
    } catch (error) {
      // (#17) Another process holds the write lock and nothing of this turn ran. SQLite's own busy wait would freeze
      // every request for as long; the turn is tried again a little later, each submission for LOCK_WAIT at most.
      if (isDatabaseBusy(error) && outcomes.length === 0) {
        const now = Date.now();
        for (const job of batch) if (now - job.since >= LOCK_WAIT) job.reject(error);
        const waiting = batch.filter((job) => now - job.since < LOCK_WAIT);
        if (waiting.length > 0) this.retryLater(waiting);
        return;
      }
      for (const job of batch) job.reject(error);
      return;
    }
    this.busyRetries = 0;
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  /** Puts a locked-out turn back in front of the queue and tries again after 10 ms, doubling to 250 ms. */
  private retryLater(waiting: QueuedWrite[]): void {
    this.queued = [...waiting, ...this.queued];
    const delay = Math.min(250, 10 * 2 ** Math.min(5, this.busyRetries));
    this.busyRetries += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.commitQueued();
    }, delay);
  }
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** How long a submission waits for another process's write lock before it is refused (503, nothing stored). */
export const LOCK_WAIT = 5_000;

interface QueuedWrite {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** When it was queued (wall time: a lock is waited for in real time, whatever the app's clock says). */
  since: number;
}
