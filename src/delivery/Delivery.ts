/**
 * Mail delivery as a whole: the SMTP mailer (to SMTP_URL, or to the built-in development server when
 * unset), the outbox worker, and what operators and statistics read about them.
 */
import type { Settings } from '../settings.js';
import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import type { DevMailboxRepository } from './DevMailboxRepository.js';
import { DevSmtpServer } from './DevSmtpServer.js';
import type { Mailer } from './Mailer.js';
import type { OutboxCounts, OutboxMessage, OutboxRepository } from './OutboxRepository.js';
import { type Composer, OutboxWorker } from './OutboxWorker.js';
import { SmtpMailer } from './SmtpMailer.js';

export type MailerFactory = (url: string, plain: boolean) => Mailer;

export class Delivery {
  private worker: OutboxWorker | null = null;
  private mailer: Mailer | null = null;
  private devServer: DevSmtpServer | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly composer: Composer,
    private readonly devMailbox: DevMailboxRepository,
    private readonly settings: Settings,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly mailerFactory: MailerFactory = (url, plain) => new SmtpMailer({ url, plain }),
  ) {}

  /** Whether mail goes to the development mailbox (no SMTP_URL): Special:DevMailbox exists only then. */
  get usesDevMailbox(): boolean {
    return !this.settings.runtime.smtpUrl;
  }

  /** Starts the mail path; an unreachable SMTP server is logged clearly and never stops the wiki. */
  async start(): Promise<void> {
    let url = this.settings.runtime.smtpUrl;
    if (!url) {
      this.devServer = new DevSmtpServer(this.devMailbox, this.clock, this.logger);
      url = await this.devServer.start();
      this.logger.info('mail goes to the development mailbox (Special:DevMailbox); set SMTP_URL to send it out', { smtp: url });
    }
    this.mailer = this.mailerFactory(url, !this.settings.runtime.smtpUrl);
    this.worker = new OutboxWorker(this.outbox, this.composer, this.mailer, this.clock, this.logger, undefined, this.settings.ReportIncidentMailLeaseSeconds * 1000);
    await this.worker.start();
    void this.mailer.verify().then((result) => {
      if (!result.ok) {
        this.logger.error('the SMTP server does not answer; reports are kept and their mail is sent when it does', { smtp: redactUrl(url), error: result.error });
      }
    });
  }

  /**
   * For a stop cut off at its time bound: mail still being sent goes back to the queue with its Message-ID, so
   * nothing is left "sending" (#17). Returns how many.
   */
  async requeueInFlight(): Promise<number> {
    // What was delivered is written as sent (if the database allows), never queued again.
    if (!this.worker) return 0;
    if (!(await this.worker.recordOutcomes())) this.logger.error('deliveries could not be recorded at the stop; those messages may be sent again');
    // Only this process's: on PostgreSQL, other processes' sends are going on.
    return await this.outbox.requeue(this.worker.inFlight, this.clock.now());
  }

  /** Right after a report's commit: try its mail at once. */
  kick(): void {
    this.worker?.kick();
  }

  /** Sends everything due and resolves when done; for tests and the CLI. */
  async drain(): Promise<void> {
    await this.worker?.drain();
  }

  async stop(): Promise<void> {
    await this.worker?.stop();
    await this.mailer?.close();
    await this.devServer?.stop();
    this.worker = null;
    this.mailer = null;
    this.devServer = null;
  }

  async stats(): Promise<OutboxCounts> {
    return await this.outbox.stats();
  }

  async statsAsOf(asOf: number): Promise<OutboxCounts> {
    return await this.outbox.statsAsOf(asOf);
  }

  /** Messages still failing after an hour: shown on the statistics page, never silently. */
  async failingForAnHour(at = this.clock.now()): Promise<number> {
    return await this.outbox.failingSinceCount(at - 3600_000);
  }

  async recentErrors(limit = 10): Promise<OutboxMessage[]> {
    return await this.outbox.recentErrors(limit);
  }

  async retry(id: number): Promise<boolean> {
    const ok = await this.outbox.retry(id, this.clock.now());
    if (ok) this.kick();
    return ok;
  }

  async find(id: number): Promise<OutboxMessage | null> {
    return await this.outbox.find(id);
  }
}

/** An SMTP URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'smtp://(invalid)';
  }
}
