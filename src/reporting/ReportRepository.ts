/** SQL for reports, their updates and outbox rows, rate-limit charges and flow drafts. */
import { type Dialect, dialectOf } from '../storage/dialect.js';
import type { SqlDatabase } from '../storage/SqlDatabase.js';
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
  purged_at?: number | null;
}

const DAY_MS = 24 * 3600 * 1000;
/** SQL for the milliseconds from a report (the row named `r`) to its mail's delivery: its first message to its recipients, sent. */
const deliveryMs = (r: string) =>
  `SELECT min(o.sent_at) - ${r}.created_at FROM outbox o WHERE o.report_id = ${r}.report_id AND o.kind IN ('trust-and-safety', 'direct') AND o.update_id IS NULL AND o.state = 'sent'`;

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
  ...(r.purged_at != null ? { purgedAt: Number(r.purged_at) } : {}),
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
  /** (#21) The case event a mail to the reporter carries. */
  caseEventSeq?: number;
  /** (#21) A reminder's level: 1 at the case's limit, 2 at twice it. */
  reminderLevel?: number;
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

/** The statements, by what they do, in the engine's dialect where it differs. */
const statements = (d: Dialect) => ({
  insertReport: `INSERT INTO reports (report_id, created_at, reporter_user_id, reporter_language, incident_type, physical_harm_type, behavior_type, about, route,
       page_id, page_namespace, page_title, rev_id, thread_id, reported_user, reported_user_id, details, something_else_details, direct_report,
       snapshot_author, snapshot_created_at, snapshot_text, test)
     VALUES (@id, @createdAt, @reporterUserId, @reporterLanguage, @incidentType, @physicalHarmType, @behaviorType, @about, @route,
       @pageId, @pageNamespace, @pageTitle, @revId, @threadId, @reportedUser, @reportedUserId, @details, @somethingElseDetails, @directReport,
       @snapshotAuthor, @snapshotCreatedAt, @snapshotText, @test)`,
  selectReport: 'SELECT * FROM reports WHERE report_id = ?',
  // A report about a page as a whole names its reported user freely: another name there is another report.
  // A test report and a real one are never the same report: a real one folded into a test would be mailed to nobody.
  selectDuplicate: `SELECT * FROM reports
     WHERE reporter_user_id = @reporter AND page_namespace = @pageNamespace AND page_title = @pageTitle AND test = @test
       AND thread_id IS NOT DISTINCT FROM @threadId AND (thread_id IS NOT NULL OR CAST(@reportedUser AS TEXT) IS NULL OR reported_user = @reportedUser)
       AND coalesce(physical_harm_type, behavior_type) = @type
       AND route = @route AND created_at > @since
     ORDER BY created_at LIMIT 1`,
  // Two index scans, newest first, each stopping after 50: a user reported thousands of times in a week (a
  // report spike after a public fight) costs each mail 100 rows, not all of them and a sort.
  relatedTo: `SELECT report_id, type, created_at, same_comment, rev_id, thread_id FROM (
       SELECT * FROM (
         SELECT report_id, coalesce(physical_harm_type, behavior_type) AS type, created_at, 1 AS same_comment, rev_id, thread_id
         FROM reports
         WHERE CAST(@threadId AS TEXT) IS NOT NULL AND page_id IS NOT DISTINCT FROM @pageId AND thread_id = @threadId AND created_at > @since
           AND route != 'support' AND test = 0 AND report_id != @id
         ORDER BY created_at DESC LIMIT 50) AS same_comment_reports
       UNION
       SELECT * FROM (
         SELECT report_id, coalesce(physical_harm_type, behavior_type) AS type, created_at,
           CASE WHEN page_id IS NOT DISTINCT FROM @pageId AND thread_id IS NOT NULL AND thread_id = @threadId THEN 1 ELSE 0 END AS same_comment, rev_id, thread_id
         FROM reports
         WHERE @reportedUser != '' AND reported_user = @reportedUser AND created_at > @since
           AND route != 'support' AND test = 0 AND report_id != @id
         ORDER BY created_at DESC LIMIT 50) AS same_user_reports) AS related
     ORDER BY created_at DESC LIMIT 50`,
  perDay: `SELECT ${d.dayOf('created_at')} AS day, coalesce(physical_harm_type, behavior_type) AS type, route, count(*) AS n
     FROM reports WHERE created_at >= ? AND created_at < ? AND test = 0 GROUP BY day, type, route ORDER BY day`,
  // What statistics and the de-identified export may read: no text, no title, and people only as ids to hash.
  inPeriod: `SELECT r.report_id, r.created_at, r.incident_type, r.physical_harm_type, r.behavior_type, r.route, r.page_namespace,
       r.reporter_user_id, r.reported_user, r.page_id, r.thread_id,
       coalesce(r.delivery_ms, (${deliveryMs('r')})) AS delivery_ms,
       (SELECT count(*) FROM reports g WHERE g.report_id != r.report_id AND g.route != 'support' AND g.test = 0
          AND abs(g.created_at - r.created_at) <= 604800000 AND g.created_at < @to
          AND ((g.page_id IS NOT DISTINCT FROM r.page_id AND g.thread_id IS NOT NULL AND g.thread_id = r.thread_id) OR (r.reported_user != '' AND g.reported_user = r.reported_user))) + 1 AS group_size
     FROM reports r WHERE r.created_at >= @from AND r.created_at < @to AND r.test = 0 ORDER BY r.created_at`,
  // Retention keeps what statistics need (when, which types, which route and namespace) and erases the rest.
  // The day stays, not the millisecond, and no revision: an exact time or a revision joined a purged report to its
  // reporter's session, their own reply on the page or their account. The delivery time statistics show is kept
  // as a number first (SET reads the row as it was).
  purgeOlder: `UPDATE reports SET reporter_user_id = NULL, reported_user = '', reported_user_id = NULL, details = '', something_else_details = '',
       direct_report = '', snapshot_author = NULL, snapshot_created_at = NULL, snapshot_text = NULL, page_id = NULL, page_title = '',
       thread_id = NULL, reporter_language = '', purged_at = @now, rev_id = 0,
       delivery_ms = (${deliveryMs('reports')}),
       created_at = created_at - created_at % ${DAY_MS}
     WHERE created_at < @before AND purged_at IS NULL
       -- (#21) A case still open, or closed within its review window, keeps its report until then.
       AND NOT EXISTS (SELECT 1 FROM incident_cases c WHERE c.report_id = reports.report_id AND (c.closed_at IS NULL OR c.closed_at >= @reviewOpenSince))
     RETURNING report_id`,
  roundOutbox: `UPDATE outbox SET created_at = created_at - created_at % ${DAY_MS}, next_attempt_at = next_attempt_at - next_attempt_at % ${DAY_MS},
       sent_at = sent_at - sent_at % ${DAY_MS}, alerted_at = alerted_at - alerted_at % ${DAY_MS}
     WHERE report_id IN ${d.jsonTexts('@ids')}`,
  roundUpdates: `UPDATE report_updates SET created_at = created_at - created_at % ${DAY_MS} WHERE report_id IN ${d.jsonTexts('@ids')}`,
  // Addresses go with the report's identities. Mail still waiting for a purged report is given up: its text is gone,
  // and the receipt's address is the reporter's (one still being sent keeps it until the next purge).
  purgeReceipts: `UPDATE outbox SET recipients = '', last_error = NULL, state = CASE state WHEN 'pending' THEN 'failed' ELSE state END
     WHERE report_id IN (SELECT report_id FROM reports WHERE purged_at IS NOT NULL) AND recipients != '' AND state IN ('sent', 'failed', 'pending')`,
  // An update's text goes with its report's: retention erases both.
  purgeUpdates: `UPDATE report_updates SET text = ''
     WHERE report_id IN (SELECT report_id FROM reports WHERE purged_at IS NOT NULL) AND text != ''`,
  // The report's own mail only: whether an update's mail has gone says nothing about the report's.
  outboxOf: 'SELECT kind, state, sent_at FROM outbox WHERE report_id = ? AND update_id IS NULL ORDER BY outbox_id',
  mailingsOf: "SELECT kind, recipients, message_id FROM outbox WHERE report_id = ? AND kind IN ('trust-and-safety', 'direct') AND update_id IS NULL ORDER BY outbox_id",
  insertUpdate: 'INSERT INTO report_updates (report_id, seq, created_at, text, about) VALUES (@reportId, @seq, @createdAt, @text, @about) RETURNING update_id',
  updatesOf: 'SELECT * FROM report_updates WHERE report_id = ? ORDER BY seq',
  updateById: 'SELECT * FROM report_updates WHERE update_id = ?',
  countHits: 'SELECT count(*) AS n, min(at) AS oldest FROM rate_limit_hits WHERE user_id = ? AND action = ? AND at > ?',
  insertHit: 'INSERT INTO rate_limit_hits (user_id, action, at) VALUES (?, ?, ?)',
  deleteHits: 'DELETE FROM rate_limit_hits WHERE at < ?',
  purgedAfter: 'SELECT report_id FROM reports WHERE purged_at >= ?',
  upsertDraft: `INSERT INTO report_drafts (draft_id, user_id, data, updated_at, step) VALUES (@id, @userId, @data, @updatedAt, @step)
     ON CONFLICT (draft_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, step = excluded.step WHERE report_drafts.user_id = excluded.user_id`,
  expiredSteps: 'SELECT step, count(*) AS n FROM report_drafts WHERE updated_at <= ? GROUP BY step',
  selectDraft: 'SELECT data FROM report_drafts WHERE draft_id = ? AND user_id = ? AND updated_at > ?',
  deleteDraft: 'DELETE FROM report_drafts WHERE draft_id = ?',
  pruneDrafts: 'DELETE FROM report_drafts WHERE updated_at <= ?',
  selectDraftsOf: 'SELECT draft_id, data, step FROM report_drafts WHERE user_id = ? AND updated_at > ? ORDER BY updated_at DESC LIMIT 20',
});

export class ReportRepository {
  private readonly SQL: ReturnType<typeof statements>;

  constructor(private readonly sql: SqlDatabase) {
    this.SQL = statements(dialectOf(sql.engine));
  }

  async insert(report: IncidentReport): Promise<void> {
    const { snapshot: _snapshot, test: _test, ...fields } = report;
    await this.sql.run(this.SQL.insertReport, {
      ...fields,
      snapshotAuthor: report.snapshot?.author ?? null,
      snapshotCreatedAt: report.snapshot?.createdAt ?? null,
      snapshotText: report.snapshot?.text ?? null,
      test: report.test ? 1 : 0,
    });
  }

  async find(id: string): Promise<IncidentReport | null> {
    const row = await this.sql.get<ReportRow>(this.SQL.selectReport, [id]);
    return row ? toReport(row) : null;
  }

  async findDuplicate(q: { reporter: number; pageNamespace: number; pageTitle: string; threadId: string | null; reportedUser: string | null; type: string; route: string; since: number; test: boolean }): Promise<IncidentReport | null> {
    const row = await this.sql.get<ReportRow>(this.SQL.selectDuplicate, { ...q, test: q.test ? 1 : 0 });
    return row ? toReport(row) : null;
  }

  /** Other reports about the same comment or the same reported user since a time: ids and types only. */
  async related(report: IncidentReport, since: number): Promise<{ id: string; type: string; sameComment: boolean; createdAt: number; revId: number; threadId: string | null }[]> {
    const rows = await this.sql.all<{ report_id: string; type: string; same_comment: number; created_at: number; rev_id: number; thread_id: string | null }>(this.SQL.relatedTo, {
      id: report.id,
      since,
      pageId: report.pageId,
      threadId: report.threadId,
      reportedUser: report.reportedUser,
    });
    return rows.map((r) => ({ id: r.report_id, type: r.type, sameComment: r.same_comment === 1, createdAt: r.created_at, revId: r.rev_id, threadId: r.thread_id }));
  }

  async addOutbox(row: NewOutboxRow): Promise<void> {
    await this.addOutboxes([row]);
  }

  /** Queues several messages in one statement (a report's mail to staff and its receipt): one round trip, not one each. */
  async addOutboxes(rows: readonly NewOutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.sql.run(
      `INSERT INTO outbox (report_id, kind, recipients, message_id, next_attempt_at, created_at, update_id, in_reply_to, case_event_seq, reminder_level) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flatMap((r) => [r.reportId, r.kind, r.recipients.join(', '), r.messageId, r.nextAttemptAt, r.createdAt, r.updateId ?? null, r.inReplyTo ?? null, r.caseEventSeq ?? null, r.reminderLevel ?? null]),
    );
  }

  /** The messages that carried a report to its recipients (not the receipt, not updates). */
  async mailingsFor(reportId: string): Promise<ReportMailing[]> {
    const rows = await this.sql.all<{ kind: string; recipients: string; message_id: string }>(this.SQL.mailingsOf, [reportId]);
    return rows.map((r) => ({ kind: r.kind, recipients: r.recipients.split(', ').filter(Boolean), messageId: r.message_id }));
  }

  /** Stores an update; returns its id. */
  async addUpdate(update: NewUpdate): Promise<number> {
    return (await this.sql.get<{ update_id: number }>(this.SQL.insertUpdate, { ...update }))!.update_id;
  }

  /** A report's updates, oldest first. */
  async updatesFor(reportId: string): Promise<ReportUpdate[]> {
    return (await this.sql.all<UpdateRow>(this.SQL.updatesOf, [reportId])).map(toUpdate);
  }

  async findUpdate(id: number): Promise<ReportUpdate | null> {
    const row = await this.sql.get<UpdateRow>(this.SQL.updateById, [id]);
    return row ? toUpdate(row) : null;
  }

  async outboxFor(reportId: string): Promise<OutboxSummary[]> {
    return (await this.sql.all<{ kind: string; state: string; sent_at: number | null }>(this.SQL.outboxOf, [reportId])).map((r) => ({ kind: r.kind, state: r.state, sentAt: r.sent_at }));
  }

  async hitsSince(userId: number, action: string, since: number): Promise<{ count: number; oldest: number | null }> {
    const { n, oldest } = (await this.sql.get<{ n: number; oldest: number | null }>(this.SQL.countHits, [userId, action, since]))!;
    return { count: n, oldest };
  }

  async addHit(userId: number, action: string, at: number): Promise<void> {
    await this.sql.run(this.SQL.insertHit, [userId, action, at]);
  }

  /** The reports retention erased at or after `at`. */
  async purgedSince(at: number): Promise<string[]> {
    return (await this.sql.all<{ report_id: string }>(this.SQL.purgedAfter, [at])).map((r) => r.report_id);
  }

  /** Deletes rate-limit charges made before `at`; returns how many. */
  async purgeHitsBefore(at: number): Promise<number> {
    return (await this.sql.run(this.SQL.deleteHits, [at])).changes;
  }

  async saveDraft(id: string, userId: number, data: string, at: number, step: string): Promise<void> {
    await this.sql.run(this.SQL.upsertDraft, { id, userId, data, updatedAt: at, step });
  }

  async findDraft(id: string, userId: number, notBefore: number): Promise<string | null> {
    return (await this.sql.get<{ data: string }>(this.SQL.selectDraft, [id, userId, notBefore]))?.data ?? null;
  }

  async removeDraft(id: string): Promise<void> {
    await this.sql.run(this.SQL.deleteDraft, [id]);
  }

  /** A user's drafts touched after `notBefore`, the latest first (a Report click resumes the one it left). */
  async draftsOf(userId: number, notBefore: number): Promise<{ id: string; data: string; step: string }[]> {
    return (await this.sql.all<{ draft_id: string; data: string; step: string }>(this.SQL.selectDraftsOf, [userId, notBefore])).map((r) => ({ id: r.draft_id, data: r.data, step: r.step }));
  }

  /** Deletes drafts last touched before `at`; returns how many were left at each step. */
  async pruneDraftsBefore(at: number): Promise<{ step: string; count: number }[]> {
    return await this.sql.transaction(async () => {
      const steps = (await this.sql.all<{ step: string; n: number }>(this.SQL.expiredSteps, [at])).map((r) => ({ step: r.step, count: r.n }));
      await this.sql.run(this.SQL.pruneDrafts, [at]);
      return steps;
    });
  }

  /**
   * Erases the texts (their updates' too), identities and addresses of reports filed before `before`, except those
   * whose case is open or closed since `reviewOpenSince`; returns their ids.
   */
  async purgeBefore(before: number, now: number, reviewOpenSince = now): Promise<string[]> {
    return await this.sql.transaction(async () => {
      const ids = (await this.sql.all<{ report_id: string }>(this.SQL.purgeOlder, { before, now, reviewOpenSince })).map((r) => r.report_id);
      await this.sql.run(this.SQL.purgeUpdates);
      await this.sql.run(this.SQL.purgeReceipts);
      if (ids.length > 0) {
        await this.sql.run(this.SQL.roundOutbox, { ids: JSON.stringify(ids) });
        await this.sql.run(this.SQL.roundUpdates, { ids: JSON.stringify(ids) });
      }
      return ids;
    });
  }

  async countsPerDay(from: number, to: number): Promise<{ day: string; type: string; route: string; n: number }[]> {
    return await this.sql.all(this.SQL.perDay, [from, to]);
  }

  /** Reports filed in [from, to), each with its group among the reports filed before `to`. */
  async statsRows(from: number, to: number): Promise<StatsRow[]> {
    return this.sql.all<StatsRow>(this.SQL.inPeriod, { from, to });
  }

  /**
   * Runs work in a write transaction taken at once, so that a count and an insert cannot interleave with another
   * submission of the same reporter (`reporterKey`), in this process or another. On SQLite the submissions of one
   * moment share one commit (one log write for all), each in its own savepoint: one that throws is rolled back alone;
   * a failed commit fails them all. On PostgreSQL each commits alone, after a lock on its reporter.
   */
  async immediate<T>(work: () => Promise<T>, reporterKey?: string): Promise<T> {
    return this.sql.transaction(work, { grouped: true, ...(reporterKey !== undefined ? { serializeOn: `reporter:${reporterKey}` } : {}) });
  }
}
