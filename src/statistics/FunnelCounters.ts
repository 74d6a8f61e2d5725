/**
 * The report flow's funnel as daily counters only: an event name and a detail from a fixed list (an entry
 * point, a type, a step), never a user, a text or a page, so the numbers cannot say who reported whom.
 */
import type { Clock } from '../shared/Clock.js';
import type { Db } from '../storage/openDatabase.js';

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

export class FunnelCounters {
  private readonly bump;
  private readonly between;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.bump = db.prepare(
      `INSERT INTO funnel_counters (day, event, detail, count) VALUES (?, ?, ?, 1)
       ON CONFLICT (day, event, detail) DO UPDATE SET count = count + 1`,
    );
    this.between = db.prepare<[string, string], CounterRow>('SELECT day, event, detail, count FROM funnel_counters WHERE day >= ? AND day <= ? ORDER BY day, event, detail');
  }

  /** `detail` must come from a fixed list (types, steps, entry points): never free text. */
  count(event: FunnelEvent, detail = ''): void {
    this.bump.run(new Date(this.clock.now()).toISOString().slice(0, 10), event, detail.slice(0, 60));
  }

  rows(fromDay: string, toDay: string): CounterRow[] {
    return this.between.all(fromDay, toDay);
  }
}
