/**
 * The report flow's funnel as daily counters only: an event name and a detail from a fixed list (an entry
 * point, a type, a step), never a user, a text or a page, so the numbers cannot say who reported whom.
 */
import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import type { SqlDatabase } from '../storage/SqlDatabase.js';
import { isDatabaseBusy } from '../storage/databaseErrors.js';

export const funnelEvents = [
  'report-opened',
  'step1-choice',
  'harm-type-chosen',
  'behavior-type-chosen',
  'emergency-submitted',
  'support-viewed',
  'help-link-followed',
  'direct-report-submitted',
  'flow-abandoned',
  // A flow reached its end: an emergency report filed, or the Get support page reached from the flow.
  'flow-finished',
  'maybe-emergency-shown',
  'maybe-emergency-outcome',
] as const;
export type FunnelEvent = (typeof funnelEvents)[number];

export interface CounterRow {
  day: string;
  event: FunnelEvent;
  detail: string;
  count: number;
}

/** Counts are written at most this long after they happen (and at once when read or on stop). */
const FLUSH_AFTER_MS = 1000;

/**
 * Counts are added up in memory and written together, so counting costs a request no write of its own; a crash
 * loses at most the last second of counts, which statistics can afford and reports never share.
 */
export class FunnelCounters {
  private pending = new Map<string, CounterRow>();
  private timer: NodeJS.Timeout | null = null;
  /** The flush writing now, if any. */
  private writing: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly sql: SqlDatabase,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** `detail` must come from a fixed list (types, steps, entry points): never free text. */
  count(event: FunnelEvent, detail = ''): void {
    const day = new Date(this.clock.now()).toISOString().slice(0, 10);
    this.add({ day, event, detail: detail.slice(0, 60), count: 1 });
    this.schedule();
  }

  private add(counted: CounterRow): void {
    const key = `${counted.day}\u0000${counted.event}\u0000${counted.detail}`;
    const row = this.pending.get(key);
    if (row) row.count += counted.count;
    else this.pending.set(key, { ...counted });
  }

  /**
   * Writes the counts made since the last flush, in one transaction, each added to what is stored (an upsert: other
   * processes count the same days). When that fails (a database busy past its timeout, a full disk) the counts go
   * back to memory and are tried again a second later: statistics never fail a request nor stop the wiki.
   */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A flush already under way holds counts that left `pending`: whoever asks (a reader of the table, close) waits
    // for it, or would read the table without them.
    while (this.writing) await this.writing;
    if (this.pending.size === 0 || this.closed) return;
    const rows = [...this.pending.values()];
    this.pending = new Map();
    this.writing = this.write(rows).finally(() => {
      this.writing = null;
    });
    await this.writing;
  }

  private async write(rows: CounterRow[]): Promise<void> {
    try {
      await this.sql.transaction(async () => {
        for (const r of rows) {
          await this.sql.run(
            `INSERT INTO funnel_counters (day, event, detail, count) VALUES (?, ?, ?, ?)
             ON CONFLICT (day, event, detail) DO UPDATE SET count = funnel_counters.count + excluded.count`,
            [r.day, r.event, r.detail, r.count],
          );
        }
      });
    } catch (e) {
      for (const r of rows) this.add(r);
      if (!isDatabaseBusy(e)) this.logger.error('funnel counts could not be written; they are kept and tried again', { error: e instanceof Error ? e.message : String(e) });
      this.schedule();
    }
  }

  /** Writes what is counted and stops: the database is about to close. */
  async close(): Promise<void> {
    await this.flush();
    // Requests finishing while the wiki stops count during that write: theirs go in one more (and a failing
    // database is not waited on twice more).
    if (this.pending.size > 0) await this.flush();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
    this.timer.unref();
  }

  async rows(fromDay: string, toDay: string): Promise<CounterRow[]> {
    await this.flush();
    return this.sql.all<CounterRow>('SELECT day, event, detail, count FROM funnel_counters WHERE day >= ? AND day <= ? ORDER BY day, event, detail', [fromDay, toDay]);
  }
}
