// Statistics of the desk (#21): times to acknowledge and to close per queue, hidden below 5 cases, as of the moment shown.
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../../src/delivery/Delivery.js';
import type { ReportRepository } from '../../../src/reporting/ReportRepository.js';
import { FixedClock } from '../../../src/shared/Clock.js';
import type { FunnelCounters } from '../../../src/statistics/FunnelCounters.js';
import { type CaseTimings, StatisticsService } from '../../../src/statistics/StatisticsService.js';
import { presentStatistics } from '../../../src/statistics/statisticsPresenter.js';

const HOUR = 3_600_000;
const now = Date.parse('2026-03-10T10:00:00Z');
const reports = { countsPerDay: async () => [], statsRows: async () => [] } as unknown as ReportRepository;
const funnel = { rows: async () => [] } as unknown as FunnelCounters;
const delivery = { statsAsOf: async () => ({ pending: 0, sending: 0, sent: 0, failed: 0, oldestPendingAt: null }), failingForAnHour: async () => 0 } as unknown as Delivery;

function service(timings: Awaited<ReturnType<CaseTimings['timings']>>) {
  return new StatisticsService(reports, funnel, delivery, new FixedClock(now), { timings: async () => timings });
}

describe('responding times', () => {
  it('when six emergencies were acknowledged after 1 to 6 hours and two community cases wait, then the medians and 90th percentiles show for the first queue only', async () => {
    const created = now - 24 * HOUR;
    const ts = [1, 2, 3, 4, 5, 6].map((h) => ({ openedIn: 'trust-and-safety' as const, createdAt: created, acknowledgedAt: created + h * HOUR, closedAt: h <= 5 ? created + 10 * h * HOUR / 5 : null }));
    const community = [1, 2].map(() => ({ openedIn: 'community' as const, createdAt: created, acknowledgedAt: null, closedAt: null }));
    const model = await service([...ts, ...community]).overview(30);
    expect(model.responding[0]).toEqual({ queue: 'trust-and-safety', opened: 6, acknowledged: { count: 6, medianMs: 3 * HOUR, p90Ms: 6 * HOUR }, closed: { count: 5, medianMs: 6 * HOUR, p90Ms: 10 * HOUR }, waiting: 0 });
    expect(model.responding[1]).toMatchObject({ queue: 'community', opened: 2, waiting: 2, acknowledged: { count: 0 } });
    const shown = presentStatistics(model, (k) => k, 'en');
    expect(shown.responding[0]).toEqual({ queue: 'trust-and-safety', opened: '6', waiting: '0', acknowledged: { median: '3', p90: '6' }, closed: { median: '6', p90: '10' } });
    // Fewer than 5 cases: the counts read "fewer than 5" and no time is shown.
    expect(shown.responding[1]).toMatchObject({ acknowledged: { median: '—', p90: '—' }, closed: { median: '—', p90: '—' } });
    expect(shown.responding[1]!.opened).not.toBe('2');
  });

  it('when an acknowledgement came after the moment shown, then it is not counted yet, and the case still waits', async () => {
    const created = now - HOUR;
    const model = await service([{ openedIn: 'trust-and-safety', createdAt: created, acknowledgedAt: now + 60_000, closedAt: null }]).overview(30);
    expect(model.responding[0]).toMatchObject({ acknowledged: { count: 0 }, waiting: 1 });
  });
});
