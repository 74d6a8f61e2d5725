/** SQL for the outbox: claiming due messages, recording each attempt, and what operators need to see. */
import { type Dialect, dialectOf } from '../storage/dialect.js';
import type { SqlDatabase } from '../storage/SqlDatabase.js';

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxMessage {
  id: number;
  reportId: string;
  /**
   * Staff's mail, the reporter's receipt; (#21) what responders wrote to the reporter, a reminder of a waiting case,
   * and what happened on a case that its handlers must hear of (the reporter added to it, an escalation).
   */
  kind: 'trust-and-safety' | 'direct' | 'receipt' | 'reporter' | 'reminder' | 'case-staff';
  recipients: string[];
  messageId: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
  alertedAt: number | null;
  /** Set for the mail of an update to the report (see ReportService.submit). */
  updateId: number | null;
  /** The Message-ID this message answers: an update's mail threads under its report's. */
  inReplyTo: string | null;
  /** For mail to the reporter: the case event it carries. */
  caseEventSeq: number | null;
  /** For a reminder: 1 at the case's limit, 2 at twice it. */
  reminderLevel: number | null;
}

/** The kinds of the desk's own mail (#21): composed from a case, not from the report's mail. */
export const caseMailKinds = ['reporter', 'reminder', 'case-staff'] as const;
export type CaseMailKind = (typeof caseMailKinds)[number];
export const isCaseMail = (kind: OutboxMessage['kind']): kind is CaseMailKind => (caseMailKinds as readonly string[]).includes(kind);

interface Row {
  outbox_id: number;
  report_id: string;
  kind: OutboxMessage['kind'];
  recipients: string;
  message_id: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
  alerted_at: number | null;
  update_id: number | null;
  in_reply_to: string | null;
  case_event_seq: number | null;
  reminder_level: number | null;
}

const toMessage = (r: Row): OutboxMessage => ({
  id: r.outbox_id,
  reportId: r.report_id,
  kind: r.kind,
  recipients: r.recipients.split(', ').filter(Boolean),
  messageId: r.message_id,
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  alertedAt: r.alerted_at,
  updateId: r.update_id,
  inReplyTo: r.in_reply_to,
  caseEventSeq: r.case_event_seq ?? null,
  reminderLevel: r.reminder_level ?? null,
});

export interface OutboxCounts {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  oldestPendingAt: number | null;
}

type CountsAsOf = Omit<OutboxCounts, 'oldestPendingAt'> & { oldest: number | null };

export class OutboxRepository {
  private readonly dialect: Dialect;

  constructor(private readonly sql: SqlDatabase) {
    this.dialect = dialectOf(sql.engine);
  }

  /**
   * Takes up to `limit` due messages for sending, Trust & Safety's first, each statement taking its rows at once so
   * no two workers take the same one; each claim is a lease until `leaseUntil`: the time by which the outcome must be
   * written, or the message is taken back (requeueExpired) while the app runs, not only at the next start (#17).
   */
  async claim(now: number, limit: number, leaseUntil: number): Promise<OutboxMessage[]> {
    // Trust & Safety's lane (the partial index of migration 009): claimed before anything else.
    const staff = await this.sql.all<Row>(
      `UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = @leaseUntil
       WHERE outbox_id IN (SELECT outbox_id FROM outbox ${this.dialect.indexedBy('outbox_due_staff')} WHERE state = 'pending' AND kind = 'trust-and-safety' AND next_attempt_at <= @now
                           ORDER BY next_attempt_at, outbox_id LIMIT @limit ${this.dialect.skipLocked})
       RETURNING *`,
      { now, limit, leaseUntil },
    );
    const rest =
      staff.length < limit
        ? await this.sql.all<Row>(
            `UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = @leaseUntil
             WHERE outbox_id IN (SELECT outbox_id FROM outbox WHERE state = 'pending' AND next_attempt_at <= @now ORDER BY next_attempt_at, outbox_id LIMIT @limit ${this.dialect.skipLocked})
             RETURNING *`,
            { now, limit: limit - staff.length, leaseUntil },
          )
        : [];
    return [...staff, ...rest].map(toMessage);
  }

  /** Messages whose lease ran out without an outcome go back to the queue; returns how many. */
  async requeueExpired(now: number): Promise<number> {
    return (await this.sql.run("UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE state = 'sending' AND next_attempt_at <= ?", [now, now])).changes;
  }

  /** Makes every message waiting for a retry due now (the mail server answers again), Trust & Safety's first (claimed first); returns how many. */
  async makeRetriesDue(now: number): Promise<number> {
    return (await this.sql.run("UPDATE outbox SET next_attempt_at = @now WHERE state = 'pending' AND next_attempt_at > @now AND attempts > 0", { now })).changes;
  }

  /** How many messages to Trust & Safety wait for a retry after failing. */
  async staffWaitingForRetry(now: number): Promise<number> {
    return (await this.sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM outbox ${this.dialect.indexedBy('outbox_due_staff')} WHERE state = 'pending' AND kind = 'trust-and-safety' AND next_attempt_at > ? AND attempts > 0`,
      [now],
    ))!.n;
  }

  async markSent(id: number, at: number): Promise<void> {
    await this.sql.run("UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE outbox_id = ?", [at, id]);
  }

  async retryLater(id: number, at: number, error: string): Promise<void> {
    await this.sql.run("UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ? WHERE outbox_id = ?", [at, error.slice(0, 1000), id]);
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.sql.run("UPDATE outbox SET state = 'failed', last_error = ? WHERE outbox_id = ?", [error.slice(0, 1000), id]);
  }

  /** After a crash, messages caught while sending go back to the queue with their Message-ID unchanged. */
  async requeueInterrupted(now: number): Promise<number> {
    return (await this.sql.run("UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE state = 'sending'", [now])).changes;
  }

  /** Gives these claimed messages back to the queue, due now (a stop cut short); returns how many were still claimed. */
  async requeue(ids: readonly number[], now: number): Promise<number> {
    if (ids.length === 0) return 0;
    const list = ids.map(() => '?').join(', ');
    return (await this.sql.run(`UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE state = 'sending' AND outbox_id IN (${list})`, [now, ...ids])).changes;
  }

  /** Whether several processes share this outbox (PostgreSQL): a "sending" row may be another one's send in progress. */
  get sharedByProcesses(): boolean {
    return this.sql.engine === 'postgres';
  }

  async find(id: number): Promise<OutboxMessage | null> {
    const row = await this.sql.get<Row>('SELECT * FROM outbox WHERE outbox_id = ?', [id]);
    return row ? toMessage(row) : null;
  }

  async nextDueAt(): Promise<number | null> {
    return (await this.sql.get<{ at: number | null }>("SELECT min(next_attempt_at) AS at FROM outbox WHERE state IN ('pending', 'sending')"))!.at;
  }

  async stats(): Promise<OutboxCounts> {
    const oldest = (await this.sql.get<{ at: number | null }>("SELECT min(created_at) AS at FROM outbox WHERE state IN ('pending', 'sending')"))!.at;
    const out: OutboxCounts = { pending: 0, sending: 0, sent: 0, failed: 0, oldestPendingAt: oldest };
    for (const { state, n } of await this.sql.all<{ state: OutboxState; n: number }>('SELECT state, count(*) AS n FROM outbox GROUP BY state')) out[state] = n;
    return out;
  }

  /**
   * The counts as they stood at `asOf` (statistics show a moment that only moves every quarter of an hour): mail sent
   * after it still counts as waiting, mail created after it not at all.
   */
  async statsAsOf(asOf: number): Promise<OutboxCounts> {
    const { oldest, ...counts } = (await this.sql.get<CountsAsOf>(
      `SELECT coalesce(sum(CASE WHEN state = 'pending' OR (state = 'sent' AND sent_at >= @asOf) THEN 1 ELSE 0 END), 0) AS pending,
         coalesce(sum(CASE WHEN state = 'sending' THEN 1 ELSE 0 END), 0) AS sending,
         coalesce(sum(CASE WHEN state = 'sent' AND sent_at < @asOf THEN 1 ELSE 0 END), 0) AS sent,
         coalesce(sum(CASE WHEN state = 'failed' THEN 1 ELSE 0 END), 0) AS failed,
         min(CASE WHEN state IN ('pending', 'sending') OR (state = 'sent' AND sent_at >= @asOf) THEN created_at END) AS oldest
       FROM outbox WHERE created_at < @asOf`,
      { asOf },
    ))!;
    return { ...counts, oldestPendingAt: oldest };
  }

  async recentErrors(limit: number): Promise<OutboxMessage[]> {
    return (await this.sql.all<Row>("SELECT * FROM outbox WHERE last_error IS NOT NULL AND state != 'sent' ORDER BY next_attempt_at DESC LIMIT ?", [limit])).map(toMessage);
  }

  /**
   * Messages created before `before` that are still not delivered and were not reported yet, whatever their state and
   * whether or not an error was written (#17); mail that retention gave up (no recipients left) is not news.
   */
  async failingUnalerted(before: number): Promise<OutboxMessage[]> {
    return (await this.sql.all<Row>("SELECT * FROM outbox WHERE state != 'sent' AND alerted_at IS NULL AND created_at <= ? AND recipients != '' ORDER BY created_at LIMIT 100", [before])).map(toMessage);
  }

  /** How many messages created before `before` are still not delivered and have failed. */
  async failingSinceCount(before: number): Promise<number> {
    return (await this.sql.get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE state != 'sent' AND recipients != '' AND created_at <= ?", [before]))!.n;
  }

  async setAlerted(id: number, at: number): Promise<void> {
    await this.sql.run('UPDATE outbox SET alerted_at = ? WHERE outbox_id = ?', [at, id]);
  }

  /** Puts a pending or failed message back in the queue for now; false when there is no such message to retry. */
  async retry(id: number, now: number): Promise<boolean> {
    return (await this.sql.run("UPDATE outbox SET state = 'pending', next_attempt_at = ?, alerted_at = NULL WHERE outbox_id = ? AND state IN ('pending', 'failed')", [now, id])).changes > 0;
  }
}
