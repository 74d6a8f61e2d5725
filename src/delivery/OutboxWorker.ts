/**
 * Sends the outbox inside the app process: one attempt right after each report's commit, then retries
 * with exponential backoff and jitter (seconds up to 15 minutes), forever for emergency mail. A message
 * still failing after an hour is logged as an error, once.
 */
import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import { UncomposableMail } from './emails/ReportMailComposer.js';
import type { Mailer, OutgoingMail } from './Mailer.js';
import type { OutboxMessage, OutboxRepository } from './OutboxRepository.js';
import { describeMailError, redactAddresses } from './mailError.js';

const FIRST_RETRY = 5_000;
const MAX_RETRY = 15 * 60_000;
/** The longest wait between two tries of an emergency mail to Trust & Safety (#17: it must never stall). */
const STAFF_MAX_RETRY = 30_000;
/** Mail that is not an emergency is given up (state failed, never silently) after a day. */
const GIVE_UP_AFTER = 24 * 3600_000;
const ALERT_AFTER = 3600_000;
/** Even with nothing due, look again this often (another process may have queued mail). */
const IDLE_POLL = 30_000;
/** The longest wait after failing to use the outbox (a locked database, a full disk). */
const MAX_OUTBOX_BACKOFF = 30_000;
/** How long a claimed message may go without an outcome before another worker takes it back (the setting's default). */
export const DEFAULT_LEASE_MS = 5 * 60_000;
/** While mail to Trust & Safety waits for a retry, the mail server is asked this often whether it answers again. */
const PROBE_INTERVAL = 5_000;
/** Sends failed in a row that look like the server being down rather than one mailbox refusing. */
const OUTAGE_FAILURES = 3;

/** Retry delay after `attempts` failed attempts: doubling from 5 s, capped at 15 min, with jitter so retries spread out. */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY, FIRST_RETRY * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.5 + 0.5 * random()));
}

/** Error text for the log: addresses taken out, since logs carry report ids only. */

/**
 * Whether a send failed for the server (unreachable, reset, timed out, or a temporary 4xx refusal of the whole
 * message), not for one recipient (a refusal at RCPT TO, or a permanent 5xx).
 */
function isServerFailure(e: unknown): boolean {
  const err = e as { code?: unknown; responseCode?: unknown; command?: unknown } | null;
  if (err?.code === 'EENVELOPE' || err?.command === 'RCPT TO') return false;
  if (typeof err?.responseCode === 'number') return err.responseCode >= 400 && err.responseCode < 500;
  return typeof err?.code === 'string' && ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPROTOCOL'].includes(err.code);
}

export interface Composer {
  compose(message: OutboxMessage): Promise<OutgoingMail>;
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** Wake the drains waiting on slow messages, so new mail is claimed at once (the worker's own, and any a test or the CLI runs). */
  private readonly wakers = new Set<() => void>();
  private stopped = true;
  /** Failures in a row to use the outbox, and the timer that waits before the next try. */
  private failures = 0;
  private backoff: NodeJS.Timeout | null = null;
  /** Sends that failed since the last one that went through: the next success makes every retry due. */
  private sendFailures = 0;
  /** Outcomes of sends (delivered, to retry at a time, given up) not written yet: id → the write. */
  private readonly outcomes = new Map<number, () => Promise<void>>();
  private probe: NodeJS.Timeout | null = null;
  private retriesMadeDueAt = -Infinity;
  /** The messages this worker has claimed and not yet recorded an outcome for. */
  private readonly claimed = new Set<number>();

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly composer: Composer,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Messages composed and in the mailer at once: enough to keep the SMTP pool busy, few enough to stay small. */
    private readonly window = 10,
    /** How long a claim lasts: longer than any send can take (the SMTP timeouts), short enough for a crash. */
    private readonly lease = DEFAULT_LEASE_MS,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    // With one process (SQLite), whatever is still "sending" was this worker's before a crash. With several
    // (PostgreSQL) it may be another process's send in progress: only its lease running out gives it back.
    if (!this.outbox.sharedByProcesses) {
      const requeued = await this.outbox.requeueInterrupted(this.clock.now());
      if (requeued > 0) this.logger.warn('mail interrupted by a stop is queued again with the same Message-ID', { messages: requeued });
    }
    this.kick();
  }

  /** The ids of the messages this worker is sending now (a stop cut short gives them back, and only them). */
  get inFlight(): number[] {
    return [...this.claimed];
  }

  /** Sends what is due now, without waiting; called right after a report's commit. */
  kick(): void {
    if (this.stopped) return;
    if (this.running || this.backoff) {
      // While backing off, a report's kick waits for the timer: retrying at every report was a busy loop (#17).
      this.again = true;
      if (this.running) for (const wake of this.wakers) wake();
      return;
    }
    let failed = false;
    this.running = this.drain()
      .then(() => {
        this.failures = 0;
      })
      .catch((e: unknown) => {
        // The outbox itself could not be read or written (another process held the database too long, a full
        // disk): nothing is lost, the rows are where they were; the worker waits longer after each failure.
        failed = true;
        this.failures += 1;
        this.logger.error('the mail worker could not use the outbox; it tries again shortly', {
          error: redactAddresses(e instanceof Error ? e.message : String(e)),
          failuresInARow: this.failures,
        });
      })
      .finally(() => {
        this.running = null;
        if (failed) this.backOff();
        else if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        } else {
          void this.scheduleNext();
        }
      });
  }

  /** After a failure to use the outbox: try again after 0.5 s, doubling to 30 s, whatever reports arrive meanwhile. */
  private backOff(): void {
    if (this.stopped) return;
    const delay = Math.min(MAX_OUTBOX_BACKOFF, 500 * 2 ** Math.min(10, this.failures - 1));
    this.backoff = setTimeout(() => {
      this.backoff = null;
      this.again = false;
      this.kick();
    }, delay);
    this.backoff.unref();
  }

  /**
   * Sends every due message until none is due, keeping up to `window` in flight (a slow message does not hold up
   * the others); resolves when done (tests await it). Claims are writes, so they are made for half a window at once.
   */
  async drain(): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    // Woken by a message that is done or by new mail. Not Promise.race over the messages in flight: each race
    // leaves a reaction on every one of them, and with a slow mailbox and a report every millisecond a message
    // held thousands of them by the time it was sent.
    let resume: (() => void) | null = null;
    const wake = () => resume?.();
    // A message whose outcome could not be written (the database locked by another process for too long) stops
    // this drain with that error, as before: the caller logs it and tries again shortly.
    const failed: { error?: unknown } = {};
    // First what an earlier drain could not write: a delivered message is recorded, never sent again (#17).
    await this.writeOutcomes();
    const expired = await this.outbox.requeueExpired(this.clock.now());
    if (expired > 0) this.logger.warn('mail whose sending was never recorded is queued again with the same Message-ID', { messages: expired });
    this.wakers.add(wake);
    try {
      for (;;) {
        // After a failure to write an outcome, nothing new is claimed, but the sends in flight are waited for: a
        // stop must not close the database under them (they would be sent again at the next start).
        if ('error' in failed && inFlight.size === 0) throw failed.error;
        if (!this.stopped && !('error' in failed) && inFlight.size <= this.window / 2) {
          const now = this.clock.now();
          for (const message of await this.outbox.claim(now, this.window - inFlight.size, now + this.lease)) {
            this.claimed.add(message.id);
            const sending: Promise<void> = this.sendOne(message)
              .catch((error: unknown) => {
                if (!('error' in failed)) failed.error = error;
              })
              .finally(() => {
                inFlight.delete(sending);
                wake();
              });
            inFlight.add(sending);
          }
        }
        if (inFlight.size === 0) break;
        await new Promise<void>((resolve) => (resume = resolve));
        resume = null;
      }
    } finally {
      this.wakers.delete(wake);
    }
    await this.alertOnOldFailures();
  }

  private async sendOne(message: OutboxMessage): Promise<void> {
    try {
      const mail = await this.composer.compose(message);
      await this.mailer.send(mail);
    } catch (e) {
      // Only the server failing counts towards an outage; one mailbox refusing does not.
      if (isServerFailure(e)) this.sendFailures += 1;
      else this.sendFailures = 0;
      // Logged and kept as codes and a recipient kind (message.kind) only: never an address or a server's words.
      const error = describeMailError(e);
      const now = this.clock.now();
      const giveUp = e instanceof UncomposableMail || (message.kind !== 'trust-and-safety' && now - message.createdAt > GIVE_UP_AFTER);
      // (#17, D1) Every outcome is kept until written: one that cannot be written now (a locked database, a full
      // disk) is written first thing when the database allows, so the message is retried at its time, not left
      // "sending" until its lease runs out.
      if (giveUp) {
        this.outcomes.set(message.id, () => this.outbox.markFailed(message.id, error));
        this.logger.error('mail given up', { outboxId: message.id, reportId: message.reportId, kind: message.kind, attempts: message.attempts, error });
      } else {
        // Trust & Safety's mail never waits more than STAFF_MAX_RETRY between tries; other mail backs off to 15 min.
        const delay = message.kind === 'trust-and-safety' ? Math.min(STAFF_MAX_RETRY, retryDelay(message.attempts)) : retryDelay(message.attempts);
        this.outcomes.set(message.id, () => this.outbox.retryLater(message.id, now + delay, error));
        this.logger.warn('mail not sent; will retry', { outboxId: message.id, reportId: message.reportId, kind: message.kind, attempts: message.attempts, retryInMs: delay, error });
      }
      await this.writeOutcomes();
      return;
    }
    // Delivered: kept the same way, so it is never reported as not sent, nor sent again.
    const sentAt = this.clock.now();
    this.outcomes.set(message.id, () => this.outbox.markSent(message.id, sentAt));
    this.logger.info('mail sent', { outboxId: message.id, reportId: message.reportId, kind: message.kind, attempts: message.attempts });
    await this.writeOutcomes();
    // The mail server answers again: after an outage (several failures in a row), what waits for a retry goes now.
    if (this.sendFailures >= OUTAGE_FAILURES) await this.retryNowAfterOutage();
    this.sendFailures = 0;
  }

  /**
   * The server answers again after an outage: every message waiting for a retry is due now, not at its backoff
   * timer. Once in 30 s at most, so a flaky server is not hammered.
   */
  private async retryNowAfterOutage(): Promise<void> {
    const now = this.clock.now();
    if (now - this.retriesMadeDueAt < 30_000) return;
    this.retriesMadeDueAt = now;
    this.sendFailures = 0;
    if ((await this.outbox.makeRetriesDue(now)) > 0) this.kick();
  }

  /** Writes the outcomes not written yet, oldest first; throws (the drain backs off) if the database still refuses. */
  private async writeOutcomes(): Promise<void> {
    for (const [id, write] of this.outcomes) {
      await write();
      this.outcomes.delete(id);
      this.claimed.delete(id);
    }
  }

  private async alertOnOldFailures(): Promise<void> {
    const now = this.clock.now();
    for (const m of await this.outbox.failingUnalerted(now - ALERT_AFTER)) {
      this.logger.error('mail still not delivered after an hour', { outboxId: m.id, reportId: m.reportId, kind: m.kind, attempts: m.attempts, state: m.state, error: redactAddresses(m.lastError ?? '') });
      await this.outbox.setAlerted(m.id, now);
    }
  }

  private async scheduleNext(): Promise<void> {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    let next: number | null = null;
    try {
      next = await this.outbox.nextDueAt();
    } catch {
      next = this.clock.now() + FIRST_RETRY; // the database is busy: look again soon
    }
    const delay = next === null ? IDLE_POLL : Math.min(IDLE_POLL, Math.max(0, next - this.clock.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, delay);
    this.timer.unref();
    this.scheduleProbe();
  }

  /**
   * While mail to Trust & Safety waits for a retry, asks the server every few seconds whether it answers again;
   * when it does, everything waiting goes at once (#17: after an outage, not at each message's backoff timer).
   */
  private scheduleProbe(): void {
    if (this.stopped || this.probe || this.sendFailures < OUTAGE_FAILURES) return;
    this.probe = setTimeout(() => {
      void this.mailer
        .verify()
        .then(async (answer) => {
          this.probe = null;
          if (this.stopped) return;
          if (!answer.ok) this.scheduleProbe();
          else if ((await this.outbox.staffWaitingForRetry(this.clock.now())) > 0) await this.retryNowAfterOutage();
        })
        .catch(() => {
          this.probe = null;
          this.scheduleProbe();
        });
    }, PROBE_INTERVAL);
    this.probe.unref();
  }

  /** Writes the outcomes not yet recorded (deliveries first of all); false if the database still refuses. */
  async recordOutcomes(): Promise<boolean> {
    try {
      await this.writeOutcomes();
      return true;
    } catch {
      return false;
    }
  }

  /** Stops taking new mail and waits for what is being sent now. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.backoff) clearTimeout(this.backoff);
    this.backoff = null;
    if (this.probe) clearTimeout(this.probe);
    this.probe = null;
    await this.running;
    // Deliveries not written yet are written now, retried for a few seconds if the database is still locked:
    // a delivered message must not be queued again at the next start.
    for (let i = 0; i < 20 && this.outcomes.size > 0 && !(await this.recordOutcomes()); i++) await new Promise((r) => setTimeout(r, 250));
  }
}
