/**
 * What Trust & Safety and admins may learn about reporting without learning about anyone: reports per day
 * by type, the flow's funnel, delivery delays, the outbox's health, group sizes, and a de-identified export.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Delivery } from '../delivery/Delivery.js';
import type { ReportRepository, StatsRow } from '../reporting/ReportRepository.js';
import type { Clock } from '../shared/Clock.js';
import type { FunnelCounters } from './FunnelCounters.js';

const DAY = 24 * 3600 * 1000;

/** Counts this small are shown as "fewer than 5": a count of 1 may point at a person. */
export const SMALL_COUNT = 5;

/**
 * The page shows the figures as they stood at the last quarter hour (UTC), so refreshing it cannot watch a report
 * arrive; the funnel, counted per day, shows days that have ended.
 */
export const LIVE_BUCKET = 15 * 60 * 1000;

export interface FunnelStep {
  event: string;
  detail: string;
  count: number;
}

export interface StatisticsModel {
  from: string;
  to: string;
  /** The moment the figures describe: the start of the current quarter hour. */
  asOf: number;
  /** The last day the funnel counts (the day before asOf's). */
  funnelTo: string;
  days: { day: string; emergency: number; direct: number; support: number }[];
  byType: { type: string; count: number }[];
  funnel: FunnelStep[];
  delivery: { count: number; medianMs: number | null; p95Ms: number | null };
  outbox: { pending: number; sending: number; sent: number; failed: number; oldestPendingMs: number | null; failingOverAnHour: number };
  groupSizes: { size: string; count: number }[];
  /** (#21) How fast each queue answers: times to acknowledge and to close, as of the moment shown. */
  responding: QueueTimes[];
}

export interface QueueTimes {
  queue: 'trust-and-safety' | 'community';
  opened: number;
  acknowledged: { count: number; medianMs: number | null; p90Ms: number | null };
  closed: { count: number; medianMs: number | null; p90Ms: number | null };
  /** Cases opened in the period still waiting for their first acknowledgement. */
  waiting: number;
}

/** What statistics read of cases: when each opened, was acknowledged and closed. */
export interface CaseTimings {
  timings(from: number, to: number): Promise<{ openedIn: 'trust-and-safety' | 'community'; createdAt: number; acknowledgedAt: number | null; closedAt: number | null }[]>;
}

export interface DeidentifiedRow {
  day: string;
  incidentType: string;
  harmOrBehaviorType: string;
  route: string;
  namespace: number;
  deliveryDelaySeconds: number | null;
  groupSize: number;
  reporter: string;
  reportedUser: string;
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export class StatisticsService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly funnel: FunnelCounters,
    private readonly delivery: Delivery,
    private readonly clock: Clock,
    private readonly cases: CaseTimings = { timings: async () => [] },
  ) {}

  async overview(days = 30): Promise<StatisticsModel> {
    const now = this.clock.now();
    const asOf = Math.floor(now / LIVE_BUCKET) * LIVE_BUCKET;
    const to = asOf;
    const from = Date.parse(dayOf(now - (days - 1) * DAY));
    const funnelTo = dayOf(Date.parse(dayOf(asOf)) - DAY);
    const perDay = new Map<string, { day: string; emergency: number; direct: number; support: number }>();
    for (let d = 0; d < days; d++) {
      const day = dayOf(from + d * DAY);
      perDay.set(day, { day, emergency: 0, direct: 0, support: 0 });
    }
    const byType = new Map<string, number>();
    for (const row of await this.reports.countsPerDay(from, to)) {
      const entry = perDay.get(row.day);
      if (entry && (row.route === 'emergency' || row.route === 'direct' || row.route === 'support')) entry[row.route] += row.n;
      byType.set(row.type, (byType.get(row.type) ?? 0) + row.n);
    }
    const funnel = new Map<string, FunnelStep>();
    for (const r of await this.funnel.rows(dayOf(from), funnelTo)) {
      const key = `${r.event}|${r.detail}`;
      const step = funnel.get(key) ?? { event: r.event, detail: r.detail, count: 0 };
      step.count += r.count;
      funnel.set(key, step);
    }
    const rows = await this.reports.statsRows(from, to);
    // Mail delivered after the moment shown is not delivered yet, as far as this page says.
    const delays = rows.flatMap((r) => (r.delivery_ms !== null && r.created_at + r.delivery_ms < asOf ? [r.delivery_ms] : [])).sort((a, b) => a - b);
    const groups = new Map<string, number>();
    for (const r of rows) {
      if (r.route === 'support') continue;
      const size = r.group_size >= 5 ? '5+' : String(r.group_size);
      groups.set(size, (groups.get(size) ?? 0) + 1);
    }
    const stats = await this.delivery.statsAsOf(asOf);
    return {
      from: dayOf(from),
      to: dayOf(to),
      asOf,
      funnelTo,
      days: [...perDay.values()],
      byType: [...byType].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count),
      funnel: [...funnel.values()],
      delivery: { count: delays.length, medianMs: percentile(delays, 50), p95Ms: percentile(delays, 95) },
      outbox: {
        pending: stats.pending,
        sending: stats.sending,
        sent: stats.sent,
        failed: stats.failed,
        oldestPendingMs: stats.oldestPendingAt === null ? null : asOf - stats.oldestPendingAt,
        // Mail failing for an hour as of the moment shown: a live count told when a report's mail began to fail.
        failingOverAnHour: await this.delivery.failingForAnHour(asOf),
      },
      groupSizes: ['1', '2', '3', '4', '5+'].map((size) => ({ size, count: groups.get(size) ?? 0 })),
      responding: await this.responding(from, asOf),
    };
  }

  /** Times to acknowledge and to close per queue, counting only what had happened by `asOf`. */
  private async responding(from: number, asOf: number): Promise<QueueTimes[]> {
    const cases = await this.cases.timings(from, asOf);
    const spread = (ms: number[]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return { count: sorted.length, medianMs: percentile(sorted, 50), p90Ms: percentile(sorted, 90) };
    };
    return (['trust-and-safety', 'community'] as const).map((queue) => {
      const mine = cases.filter((c) => c.openedIn === queue);
      const done = (at: number | null): at is number => at !== null && at <= asOf;
      return {
        queue,
        opened: mine.length,
        acknowledged: spread(mine.flatMap((c) => (done(c.acknowledgedAt) ? [c.acknowledgedAt - c.createdAt] : []))),
        closed: spread(mine.flatMap((c) => (done(c.closedAt) ? [c.closedAt - c.createdAt] : []))),
        waiting: mine.filter((c) => !done(c.acknowledgedAt) && !done(c.closedAt)).length,
      };
    });
  }

  /**
   * One line per report between two days: day, types, route, namespace, delivery delay, group size; people
   * only as hashes salted afresh for each export, so two exports cannot be joined. No names, texts or titles.
   */
  async exportDeidentified(fromDay: string, toDay: string): Promise<DeidentifiedRow[]> {
    const salt = randomBytes(32);
    const hash = (value: string) => (value ? createHash('sha256').update(salt).update(value).digest('hex').slice(0, 16) : '');
    const from = Date.parse(fromDay);
    const to = Date.parse(toDay) + DAY;
    return (await this.reports.statsRows(from, to)).map((r: StatsRow) => ({
      day: dayOf(r.created_at),
      incidentType: r.incident_type,
      harmOrBehaviorType: r.physical_harm_type ?? r.behavior_type ?? '',
      route: r.route,
      namespace: r.page_namespace,
      deliveryDelaySeconds: r.delivery_ms === null ? null : Math.round(r.delivery_ms / 1000),
      groupSize: r.group_size,
      reporter: r.reporter_user_id === null ? '' : hash(`user:${r.reporter_user_id}`),
      reportedUser: hash(r.reported_user ? `name:${r.reported_user}` : ''),
    }));
  }
}
