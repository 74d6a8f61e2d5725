/**
 * Retention: after ReportIncidentRetentionDays, report texts, snapshots, identities and addresses are erased, keeping
 * only what statistics need (daily inside the app and on demand by the CLI's `purge`); and what only lives a short
 * while (drafts, sessions, rate-limit charges) is swept every few minutes, so it never outlives its stated time.
 */
import type { CaseRepository } from '../cases/CaseRepository.js';
import type { DevMailboxRepository } from '../delivery/DevMailboxRepository.js';
import type { ReportDrafts } from '../reporting/ReportDrafts.js';
import type { ReportRepository } from '../reporting/ReportRepository.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import { reviewOpenSince } from '../cases/casePolicy.js';
import type { SqlDatabase } from '../storage/SqlDatabase.js';

const DAY = 24 * 3600 * 1000;
const SWEEP_INTERVAL = 10 * 60 * 1000;

export interface SweepResult {
  drafts: number;
  sessions: number;
  rateLimitCharges: number;
}

export interface PurgeResult extends SweepResult {
  reports: number;
  devMails: number;
  before: string;
}

/** The key under which retention's runs take their turn, in this process and the CLI's. */
export const RETENTION_LOCK = 'retention';

export class RetentionService {
  private first: NodeJS.Timeout | null = null;
  private daily: NodeJS.Timeout | null = null;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly reports: ReportRepository,
    private readonly drafts: ReportDrafts,
    private readonly devMailbox: DevMailboxRepository,
    private readonly sessions: SessionService,
    private readonly retentionDays: number,
    /** The longest rate-limit window: older charges count for nothing and are deleted. */
    private readonly rateLimitWindow: number,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Where the scheduled runs take their turn: one process of the wiki at a time. */
    private readonly sql: Pick<SqlDatabase, 'runAlone'>,
    private readonly cases: Pick<CaseRepository, 'eraseWithReports'>,
  ) {}

  /**
   * Expired drafts and sessions, and rate-limit charges no window looks at. A window longer than the retention
   * period keeps its charges only as long as retention keeps reporters: a charge must not outlive its report's
   * identity, or it would name the reporter of an erased report.
   */
  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    return {
      drafts: await this.drafts.expire(),
      sessions: await this.sessions.purgeExpired(),
      rateLimitCharges: await this.reports.purgeHitsBefore(now - Math.min(this.rateLimitWindow, this.retentionDays * DAY)),
    };
  }

  async purge(): Promise<PurgeResult> {
    const now = this.clock.now();
    const before = now - this.retentionDays * DAY;
    // A report whose case is open, or whose outcome may still be reviewed, waits until that is over (#21).
    const purged = await this.reports.purgeBefore(before, now, reviewOpenSince(now));
    // The cases go with their reports (#21): their texts, who acted and who looked.
    await this.cases.eraseWithReports();
    // The copies of the reports purged now and in the last two days: mail that was being sent during the last
    // purge may have reached the mailbox since.
    const result = {
      reports: purged.length,
      devMails: await this.devMailbox.purgeBefore(before, await this.reports.purgedSince(now - 2 * DAY)),
      ...(await this.sweep()),
      before: new Date(before).toISOString(),
    };
    // Counts only: never which reports, never who.
    this.logger.info('retention applied', result);
    return result;
  }

  /** Retention once shortly after start, then every day; the sweep every ten minutes. Never on the request path. */
  start(): void {
    // Every process schedules them; one that finds another at it skips its turn (the work is the same).
    const alone = (work: () => Promise<unknown>) => () => this.safely(() => this.sql.runAlone(RETENTION_LOCK, work));
    this.first = setTimeout(alone(() => this.purge()), 60_000);
    this.first.unref();
    this.daily = setInterval(alone(() => this.purge()), DAY);
    this.daily.unref();
    this.sweeper = setInterval(alone(() => this.sweep()), SWEEP_INTERVAL);
    this.sweeper.unref();
  }

  private safely(run: () => Promise<unknown>): void {
    run().catch((e: unknown) => {
      this.logger.error('retention failed; it runs again later', { error: e instanceof Error ? e.message : String(e) });
    });
  }

  stop(): void {
    if (this.first) clearTimeout(this.first);
    if (this.daily) clearInterval(this.daily);
    if (this.sweeper) clearInterval(this.sweeper);
  }
}
