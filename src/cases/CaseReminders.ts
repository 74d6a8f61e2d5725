/** Runs the desk's reminders (#21) every few minutes, beside the requests, in one process at a time. */
import type { Logger } from '../shared/Logger.js';
import type { SqlDatabase } from '../storage/SqlDatabase.js';
import type { CaseService } from './CaseService.js';

/** How often the app looks for cases left waiting: a one-hour limit is then kept to within five minutes. */
export const REMINDER_INTERVAL_MS = 5 * 60_000;
export const REMINDERS_LOCK = 'reportincident-reminders';

export class CaseReminders {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly cases: Pick<CaseService, 'sendReminders'>,
    private readonly sql: Pick<SqlDatabase, 'runAlone'>,
    private readonly logger: Logger,
  ) {}

  /** Sends what is due now; another process already at it makes this one skip (null). */
  async runOnce(now?: number): Promise<{ reportId: string; level: 1 | 2 }[] | null> {
    const sent = await this.sql.runAlone(REMINDERS_LOCK, () => this.cases.sendReminders(now));
    // Counts and references only: a reminder names no person.
    if (sent && sent.length > 0) this.logger.info('case reminders queued', { count: sent.length });
    return sent;
  }

  start(): void {
    this.timer = setInterval(() => {
      this.runOnce().catch((e: unknown) => this.logger.error('case reminders failed; they run again later', { error: e instanceof Error ? e.message : String(e) }));
    }, REMINDER_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
