/**
 * Retention: after ReportIncidentRetentionDays, report texts, snapshots and identities are erased, keeping
 * only what statistics need; run daily inside the app and on demand by the CLI's `purge`.
 */
import type { DevMailboxRepository } from '../delivery/DevMailboxRepository.js';
import type { ReportRepository } from '../reporting/ReportRepository.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';

const DAY = 24 * 3600 * 1000;

export interface PurgeResult {
  reports: number;
  devMails: number;
  sessions: number;
  before: string;
}

export class RetentionService {
  private first: NodeJS.Timeout | null = null;
  private daily: NodeJS.Timeout | null = null;

  constructor(
    private readonly reports: ReportRepository,
    private readonly devMailbox: DevMailboxRepository,
    private readonly sessions: SessionService,
    private readonly retentionDays: number,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  purge(): PurgeResult {
    const now = this.clock.now();
    const before = now - this.retentionDays * DAY;
    const result = {
      reports: this.reports.purgeBefore(before, now),
      devMails: this.devMailbox.purgeBefore(before),
      sessions: this.sessions.purgeExpired(),
      before: new Date(before).toISOString(),
    };
    // Counts only: never which reports, never who.
    this.logger.info('retention applied', result);
    return result;
  }

  /** Once shortly after start, then every day; never on the request path. */
  start(): void {
    this.first = setTimeout(() => this.purgeSafely(), 60_000);
    this.first.unref();
    this.daily = setInterval(() => this.purgeSafely(), DAY);
    this.daily.unref();
  }

  private purgeSafely(): void {
    try {
      this.purge();
    } catch (e) {
      this.logger.error('retention failed; it runs again tomorrow', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  stop(): void {
    if (this.first) clearTimeout(this.first);
    if (this.daily) clearInterval(this.daily);
  }
}
