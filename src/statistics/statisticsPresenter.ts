/** The statistics page's view model: counts with the small-count rule applied, and the geometry of its SVG charts. */
import type { Translate } from '../i18n/createI18n.js';
import { timestampParts } from '../i18n/formatDate.js';
import { behaviorLabelKey, harmLabelKey, type BehaviorType, type PhysicalHarmType } from '../taxonomy/taxonomy.js';
import { SMALL_COUNT, type StatisticsModel } from './StatisticsService.js';

export interface Bar {
  label: string;
  value: string;
  /** Height or width in chart units; counts below 5 are drawn as one bucket, so a bar never tells a 1 from a 4. */
  size: number;
  small: boolean;
  x: number;
  y: number;
}

/** 0 stays 0; 1 to 4 become "fewer than 5"; the rest are formatted numbers. */
export function displayCount(n: number, t: Translate, lang: string): string {
  if (n > 0 && n < SMALL_COUNT) return t('statistics-fewer-than-5');
  return new Intl.NumberFormat(lang === 'qqx' ? 'en' : lang).format(n);
}

const CHART_HEIGHT = 160;

/** The steps a saved draft can be left at, named as a person would name them. */
const abandonedStepKeys: Record<string, string> = {
  'choose-type': 'statistics-abandoned-choose-type',
  emergency: 'statistics-abandoned-emergency',
  behavior: 'statistics-abandoned-behavior',
  'maybe-emergency': 'statistics-abandoned-maybe-emergency',
  support: 'statistics-abandoned-support',
};
const FUNNEL_WIDTH = 400;

export function presentStatistics(model: StatisticsModel, t: Translate, lang: string) {
  const count = (n: number) => displayCount(n, t, lang);
  const drawn = (n: number) => (n > 0 && n < SMALL_COUNT ? SMALL_COUNT : n);
  const totals = model.days.map((d) => d.emergency + d.direct + d.support);
  const maxDay = Math.max(SMALL_COUNT, ...totals.map(drawn));
  const barWidth = 14;
  const dayBars: Bar[] = model.days.map((d, i) => {
    const total = totals[i]!;
    const size = Math.round((drawn(total) / maxDay) * CHART_HEIGHT);
    return { label: d.day, value: count(total), size, small: total > 0 && total < SMALL_COUNT, x: i * (barWidth + 4), y: CHART_HEIGHT - size };
  });
  const funnelSum = (event: string, detail?: string) => model.funnel.filter((f) => f.event === event && (detail === undefined || f.detail === detail)).reduce((a, f) => a + f.count, 0);
  const opened = funnelSum('report-opened');
  // Possible message keys used here: statistics-funnel-<step> for each step below.
  const steps: { key: string; n: number }[] = [
    { key: 'statistics-funnel-opened', n: opened },
    { key: 'statistics-funnel-emergency-chosen', n: funnelSum('step1-choice', 'emergency') },
    { key: 'statistics-funnel-emergency-submitted', n: funnelSum('emergency-submitted') },
    { key: 'statistics-funnel-nonemergency-chosen', n: funnelSum('step1-choice', 'non-emergency') },
    { key: 'statistics-funnel-behavior-chosen', n: funnelSum('behavior-type-chosen') },
    { key: 'statistics-funnel-support-viewed', n: funnelSum('support-viewed') },
    { key: 'statistics-funnel-help-followed', n: funnelSum('help-link-followed') },
    { key: 'statistics-funnel-direct-submitted', n: funnelSum('direct-report-submitted') },
    { key: 'statistics-funnel-maybe-emergency', n: funnelSum('maybe-emergency-shown') },
    // Opened and never brought to an end (its report or its Get support page), within the period: a flow left at
    // the first step has no draft to expire, so the drafts' count alone says 0 when most people left there.
    { key: 'statistics-funnel-abandoned', n: Math.max(0, opened - funnelSum('flow-finished')) },
  ];
  const maxStep = Math.max(SMALL_COUNT, ...steps.map((s) => drawn(s.n)));
  const funnelBars = steps.map((s, i) => ({
    labelKey: s.key,
    value: count(s.n),
    // A share of small counts would give them away too.
    conversion: opened >= SMALL_COUNT && s.n >= SMALL_COUNT ? `${Math.round((s.n / opened) * 100)}%` : '—',
    size: Math.round((drawn(s.n) / maxStep) * FUNNEL_WIDTH),
    small: s.n > 0 && s.n < SMALL_COUNT,
    y: i * 26,
  }));
  const abandonedBy = Object.entries(abandonedStepKeys).map(([step, labelKey]) => ({ labelKey, value: count(funnelSum('flow-abandoned', step)) }));
  const hours = (ms: number | null) => (ms === null ? '—' : new Intl.NumberFormat(lang === 'qqx' ? 'en' : lang, { maximumFractionDigits: 1 }).format(ms / 3_600_000));
  const seconds = (ms: number | null) => (ms === null ? '—' : new Intl.NumberFormat(lang === 'qqx' ? 'en' : lang, { maximumFractionDigits: 1 }).format(ms / 1000));
  return {
    from: model.from,
    to: model.to,
    asOf: timestampParts(model.asOf, lang),
    funnelTo: model.funnelTo,
    chart: {
      height: CHART_HEIGHT,
      width: model.days.length * (barWidth + 4),
      barWidth,
      bars: dayBars,
      // The axes: the scale's top (a count, so "fewer than 5" is never drawn as 1 to 4) and the first and last day.
      top: count(maxDay),
      first: model.days[0]?.day ?? '',
      last: model.days[model.days.length - 1]?.day ?? '',
      total: count(totals.reduce((a, n) => a + n, 0)),
      busiest: busiest(model.days, totals, count),
    },
    // Days without reports say nothing one by one: they are counted, not listed (the chart still spans them).
    days: model.days.flatMap((d, i) => (totals[i]! > 0 ? [{ day: d.day, emergency: count(d.emergency), direct: count(d.direct), support: count(d.support), total: dayBars[i]!.value }] : [])),
    quietDays: totals.filter((n) => n === 0).length,
    byType: model.byType.map((b) => ({ labelKey: b.type.startsWith('threats-') ? harmLabelKey(b.type as PhysicalHarmType) : behaviorLabelKey(b.type as BehaviorType), value: count(b.count) })),
    funnel: { width: FUNNEL_WIDTH, height: steps.length * 26, bars: funnelBars },
    abandonedBy,
    // (#16) A time drawn from fewer than 5 reports describes them one by one: shown only with 5 or more behind it.
    delivery: {
      count: count(model.delivery.count),
      median: model.delivery.count >= SMALL_COUNT ? seconds(model.delivery.medianMs) : '—',
      p95: model.delivery.count >= SMALL_COUNT ? seconds(model.delivery.p95Ms) : '—',
    },
    // The outbox's counts follow the same rule as every other count (they were exact even for one message).
    outbox: {
      pending: count(model.outbox.pending),
      sending: count(model.outbox.sending),
      sent: count(model.outbox.sent),
      failed: count(model.outbox.failed),
      oldest: model.outbox.pending >= SMALL_COUNT ? seconds(model.outbox.oldestPendingMs) : '—',
      failingOverAnHour: model.outbox.failingOverAnHour,
    },
    groupSizes: model.groupSizes.map((g) => ({ size: g.size, value: count(g.count) })),
    // (#21) Times drawn from fewer than 5 cases are not shown, as the delivery times.
    responding: model.responding.map((q) => ({
      queue: q.queue,
      opened: count(q.opened),
      waiting: count(q.waiting),
      acknowledged: { median: q.acknowledged.count >= SMALL_COUNT ? hours(q.acknowledged.medianMs) : '—', p90: q.acknowledged.count >= SMALL_COUNT ? hours(q.acknowledged.p90Ms) : '—' },
      closed: { median: q.closed.count >= SMALL_COUNT ? hours(q.closed.medianMs) : '—', p90: q.closed.count >= SMALL_COUNT ? hours(q.closed.p90Ms) : '—' },
    })),
  };
}

/** The day with the most reports, for the chart's text alternative; null when there were none. */
function busiest(days: StatisticsModel['days'], totals: number[], count: (n: number) => string): { day: string; value: string } | null {
  let best = -1;
  totals.forEach((n, i) => {
    if (n > 0 && (best < 0 || n > totals[best]!)) best = i;
  });
  return best < 0 ? null : { day: days[best]!.day, value: count(totals[best]!) };
}
