/** SQL for the outbox: claiming due messages, recording each attempt, and what operators need to see. */
import type { Db } from '../storage/openDatabase.js';

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxMessage {
  id: number;
  reportId: string;
  kind: 'trust-and-safety' | 'direct' | 'receipt';
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
}

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
});

export interface OutboxCounts {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  oldestPendingAt: number | null;
}

export class OutboxRepository {
  private readonly claimDue;
  private readonly claimStaff;
  private readonly expiredLeases;
  private readonly dueNow;
  private readonly staffWaiting;
  private readonly markSentStmt;
  private readonly scheduleRetry;
  private readonly markFailedStmt;
  private readonly resetSending;
  private readonly byId;
  private readonly nextDue;
  private readonly counts;
  private readonly oldestPending;
  private readonly lastErrors;
  private readonly failingSince;
  private readonly markAlerted;
  private readonly retryNow;
  private readonly failingOlder;
  private readonly countsAsOf;

  constructor(db: Db) {
    // A claim is a lease: next_attempt_at becomes the time by which the outcome must be written, or the message is
    // taken back (requeueExpired) while the app runs, not only at the next start (#17).
    this.claimDue = db.prepare<[{ now: number; limit: number; leaseUntil: number }], Row>(
      `UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = @leaseUntil
       WHERE outbox_id IN (SELECT outbox_id FROM outbox WHERE state = 'pending' AND next_attempt_at <= @now ORDER BY next_attempt_at, outbox_id LIMIT @limit)
       RETURNING *`,
    );
    // Trust & Safety's lane (the partial index of migration 009): claimed before anything else.
    this.claimStaff = db.prepare<[{ now: number; limit: number; leaseUntil: number }], Row>(
      `UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = @leaseUntil
       WHERE outbox_id IN (SELECT outbox_id FROM outbox INDEXED BY outbox_due_staff WHERE state = 'pending' AND kind = 'trust-and-safety' AND next_attempt_at <= @now
                           ORDER BY next_attempt_at, outbox_id LIMIT @limit)
       RETURNING *`,
    );
    this.expiredLeases = db.prepare("UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE state = 'sending' AND next_attempt_at <= ?");
    // When the mail server answers again, what waits for a retry is due now, Trust & Safety's first (claimed first).
    this.dueNow = db.prepare("UPDATE outbox SET next_attempt_at = @now WHERE state = 'pending' AND next_attempt_at > @now AND attempts > 0");
    this.staffWaiting = db.prepare<[number], { n: number }>(
      "SELECT count(*) AS n FROM outbox INDEXED BY outbox_due_staff WHERE state = 'pending' AND kind = 'trust-and-safety' AND next_attempt_at > ? AND attempts > 0",
    );
    this.markSentStmt = db.prepare("UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE outbox_id = ?");
    this.scheduleRetry = db.prepare("UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ? WHERE outbox_id = ?");
    this.markFailedStmt = db.prepare("UPDATE outbox SET state = 'failed', last_error = ? WHERE outbox_id = ?");
    this.resetSending = db.prepare("UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE state = 'sending'");
    this.byId = db.prepare<[number], Row>('SELECT * FROM outbox WHERE outbox_id = ?');
    this.nextDue = db.prepare<[], { at: number | null }>("SELECT min(next_attempt_at) AS at FROM outbox WHERE state IN ('pending', 'sending')");
    this.counts = db.prepare<[], { state: OutboxState; n: number }>('SELECT state, count(*) AS n FROM outbox GROUP BY state');
    this.oldestPending = db.prepare<[], { at: number | null }>("SELECT min(created_at) AS at FROM outbox WHERE state IN ('pending', 'sending')");
    this.lastErrors = db.prepare<[number], Row>("SELECT * FROM outbox WHERE last_error IS NOT NULL AND state != 'sent' ORDER BY next_attempt_at DESC LIMIT ?");
    // Every message not delivered within the hour, whatever its state and whether or not an error was written (#17);
    // mail that retention gave up (no recipients left) is not news.
    this.failingSince = db.prepare<[number], Row>(
      "SELECT * FROM outbox WHERE state != 'sent' AND alerted_at IS NULL AND created_at <= ? AND recipients != '' ORDER BY created_at LIMIT 100",
    );
    this.markAlerted = db.prepare('UPDATE outbox SET alerted_at = ? WHERE outbox_id = ?');
    this.failingOlder = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM outbox WHERE state != 'sent' AND recipients != '' AND created_at <= ?");
    // The outbox as it stood at a moment: mail sent after it still counts as waiting, mail created after it not at all.
    this.countsAsOf = db.prepare<[{ asOf: number }], Omit<OutboxCounts, 'oldestPendingAt'> & { oldest: number | null }>(
      `SELECT coalesce(sum(state = 'pending' OR (state = 'sent' AND sent_at >= @asOf)), 0) AS pending,
         coalesce(sum(state = 'sending'), 0) AS sending,
         coalesce(sum(state = 'sent' AND sent_at < @asOf), 0) AS sent,
         coalesce(sum(state = 'failed'), 0) AS failed,
         min(CASE WHEN state IN ('pending', 'sending') OR (state = 'sent' AND sent_at >= @asOf) THEN created_at END) AS oldest
       FROM outbox WHERE created_at < @asOf`,
    );
    this.retryNow = db.prepare("UPDATE outbox SET state = 'pending', next_attempt_at = ?, alerted_at = NULL WHERE outbox_id = ? AND state IN ('pending', 'failed')");
  }

  /**
   * Takes up to `limit` due messages for sending, Trust & Safety's first, each statement taking its rows at once so
   * no two workers take the same one; each claim is a lease until `leaseUntil`.
   */
  claim(now: number, limit: number, leaseUntil: number): OutboxMessage[] {
    const staff = this.claimStaff.all({ now, limit, leaseUntil });
    const rest = staff.length < limit ? this.claimDue.all({ now, limit: limit - staff.length, leaseUntil }) : [];
    return [...staff, ...rest].map(toMessage);
  }

  /** Messages whose lease ran out without an outcome go back to the queue; returns how many. */
  requeueExpired(now: number): number {
    return this.expiredLeases.run(now, now).changes;
  }

  /** Makes every message waiting for a retry due now (the mail server answers again); returns how many. */
  makeRetriesDue(now: number): number {
    return this.dueNow.run({ now }).changes;
  }

  /** How many messages to Trust & Safety wait for a retry after failing. */
  staffWaitingForRetry(now: number): number {
    return this.staffWaiting.get(now)!.n;
  }

  markSent(id: number, at: number): void {
    this.markSentStmt.run(at, id);
  }

  retryLater(id: number, at: number, error: string): void {
    this.scheduleRetry.run(at, error.slice(0, 1000), id);
  }

  markFailed(id: number, error: string): void {
    this.markFailedStmt.run(error.slice(0, 1000), id);
  }

  /** After a crash, messages caught while sending go back to the queue with their Message-ID unchanged. */
  requeueInterrupted(now: number): number {
    return this.resetSending.run(now).changes;
  }

  find(id: number): OutboxMessage | null {
    const row = this.byId.get(id);
    return row ? toMessage(row) : null;
  }

  nextDueAt(): number | null {
    return this.nextDue.get()!.at;
  }

  stats(): OutboxCounts {
    const out: OutboxCounts = { pending: 0, sending: 0, sent: 0, failed: 0, oldestPendingAt: this.oldestPending.get()!.at };
    for (const { state, n } of this.counts.all()) out[state] = n;
    return out;
  }

  /** The counts as they stood at `asOf` (statistics show a moment that only moves every quarter of an hour). */
  statsAsOf(asOf: number): OutboxCounts {
    const { oldest, ...counts } = this.countsAsOf.get({ asOf })!;
    return { ...counts, oldestPendingAt: oldest };
  }

  recentErrors(limit: number): OutboxMessage[] {
    return this.lastErrors.all(limit).map(toMessage);
  }

  /** Messages created before `before` that are still failing and were not reported yet. */
  failingUnalerted(before: number): OutboxMessage[] {
    return this.failingSince.all(before).map(toMessage);
  }

  /** How many messages created before `before` are still not delivered and have failed. */
  failingSinceCount(before: number): number {
    return this.failingOlder.get(before)!.n;
  }

  setAlerted(id: number, at: number): void {
    this.markAlerted.run(at, id);
  }

  /** Puts a pending or failed message back in the queue for now; false when there is no such message to retry. */
  retry(id: number, now: number): boolean {
    return this.retryNow.run(now, id).changes > 0;
  }
}
