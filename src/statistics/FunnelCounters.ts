/**
 * The report flow's funnel as daily counters only: an event name and a detail from a fixed list (an entry
 * point, a type, a step), never a user, a text or a page, so the numbers cannot say who reported whom.
 */
import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import type { Db } from '../storage/openDatabase.js';
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
  private readonly add;
  private readonly between;
  private readonly writeAll: (rows: CounterRow[]) => void;
  private readonly pending = new Map<string, CounterRow>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.add = db.prepare<[string, string, string, number]>(
      `INSERT INTO funnel_counters (day, event, detail, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (day, event, detail) DO UPDATE SET count = count + excluded.count`,
    );
    this.between = db.prepare<[string, string], CounterRow>('SELECT day, event, detail, count FROM funnel_counters WHERE day >= ? AND day <= ? ORDER BY day, event, detail');
    this.writeAll = db.transaction((rows: CounterRow[]) => {
      for (const r of rows) this.add.run(r.day, r.event, r.detail, r.count);
    });
  }

  /** `detail` must come from a fixed list (types, steps, entry points): never free text. */
  count(event: FunnelEvent, detail = ''): void {
    const day = new Date(this.clock.now()).toISOString().slice(0, 10);
    const clipped = detail.slice(0, 60);
    const key = `${day}\u0000${event}\u0000${clipped}`;
    const row = this.pending.get(key);
    if (row) row.count++;
    else this.pending.set(key, { day, event, detail: clipped, count: 1 });
    this.schedule();
  }

  /**
   * Writes the counts made since the last flush, in one transaction. When that fails (another process holding the
   * database past the busy timeout, a full disk) the counts stay in memory and are tried again a second later:
   * statistics never fail a request nor stop the wiki.
   */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0 || !this.db.open) return;
    try {
      this.writeAll([...this.pending.values()]);
      this.pending.clear();
    } catch (e) {
      if (!isDatabaseBusy(e)) this.logger.error('funnel counts could not be written; they are kept and tried again', { error: e instanceof Error ? e.message : String(e) });
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), FLUSH_AFTER_MS);
    this.timer.unref();
  }

  rows(fromDay: string, toDay: string): CounterRow[] {
    this.flush();
    return this.between.all(fromDay, toDay);
  }
}
