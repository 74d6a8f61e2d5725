// Statistics and the de-identified export: counters after scripted flows, the small-count rule, and no names, emails or texts anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/Clock.js';
import { HttpClient, hiddenField } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';
import { runCli } from '../support/cli.js';

let wiki: TestWiki;
const SECRET = 'a very private sentence 7341';
// The flows are walked on one day; the page, which shows the funnel of days that have ended, is read on the next.
const DAY0 = '2026-03-10';
const clock = new FixedClock(`${DAY0}T10:00:00Z`);

async function walkToSupport(client: HttpClient, behaviorType: string) {
  const page = await client.get('/wiki/Talk:African_wild_dog');
  const link = /href="(\/wiki\/Special:ReportIncident\?[^"]+source=menu)"/.exec(page.text)![1]!.replace(/&amp;/g, '&');
  const step1 = await client.get(link);
  const r1 = await client.post('/wiki/Special:ReportIncident', {
    wpEditToken: hiddenField(step1.text, 'wpEditToken'),
    page: hiddenField(step1.text, 'page'),
    threadId: hiddenField(step1.text, 'threadId'),
    revisionId: hiddenField(step1.text, 'revisionId'),
    incidentType: 'unacceptable-user-behavior',
  });
  const behavior = await client.get(r1.location!);
  const r2 = await client.post('/wiki/Special:ReportIncident/behavior', { wpEditToken: hiddenField(behavior.text, 'wpEditToken'), draft: hiddenField(behavior.text, 'draft'), behaviorType, wpAction: 'continue' });
  return client.get(r2.location!);
}

beforeAll(async () => {
  wiki = await startTestWiki({ clock, settings: { ReportIncidentEnableDirectReporting: true } as never });
  const alice = new HttpClient(wiki.url);
  await alice.login('Alice');
  for (const b of ['doxing', 'doxing', 'spam', 'intimidation', 'trolling', 'doxing']) {
    const support = await walkToSupport(alice, b);
    expect(support.status).toBe(200);
  }
  // Follow a help link of a Get support page (trolling has no address, so no direct form replaces its links).
  const support = await walkToSupport(alice, 'trolling');
  // The link shows its real destination; the click is counted by the browser's ping to the link's ping URL.
  const link = /<a href="([^"]+)" ping="(\/wiki\/Special:ReportIncident\/out\/trolling\/ContactAdmin)">/.exec(support.text)!;
  expect(link[1]).toContain("Administrators'_noticeboard".replace("'", '%27'));
  const pinged = await alice.request('POST', link[2]!, 'PING', { 'content-type': 'text/ping' });
  expect(pinged.status).toBe(204);
  const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
  expect((await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target, details: SECRET })).status).toBe(201);
});
afterAll(() => wiki.close());

describe('funnel counters', () => {
  it('when flows are walked, then each step is counted by day without user, text or page', async () => {
    const rows = await wiki.container.funnel.rows(DAY0, DAY0);
    const sum = (event: string, detail?: string) => rows.filter((r) => r.event === event && (detail === undefined || r.detail === detail)).reduce((a, r) => a + r.count, 0);
    expect(sum('report-opened', 'menu')).toBe(7);
    expect(sum('step1-choice', 'non-emergency')).toBe(7);
    expect(sum('behavior-type-chosen', 'doxing')).toBe(3);
    expect(sum('support-viewed')).toBe(7);
    expect(sum('help-link-followed', 'trolling/ContactAdmin')).toBe(1);
    expect(sum('emergency-submitted', 'threats-physical-harm')).toBe(1);
    const all = JSON.stringify(rows);
    for (const secret of ['Alice', 'African', 'Brackenfield', SECRET]) expect(all).not.toContain(secret);
  });
});

describe('Special:ReportIncidentStatistics', () => {
  beforeAll(() => clock.set(`2026-03-11T09:07:00Z`));

  it('when Tomas opens it, then counts from 1 to 4 read "fewer than 5", and no name, email or report text appears', async () => {
    const tomas = new HttpClient(wiki.url);
    await tomas.login('Tomas');
    const r = await tomas.get('/wiki/Special:ReportIncidentStatistics');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<svg class="stats-chart"');
    expect(r.text).toContain('fewer than 5');
    // 7 flows were opened: at least 5 is shown as it is.
    expect(r.text).toMatch(/Report opened<\/th><td>7<\/td>/);
    for (const secret of ['alice@example.org', SECRET, 'Brackenfield', 'Keep reverting me']) expect(r.text).not.toContain(secret);
    expect(r.text.match(/>Alice</g)).toBeNull();
  });

  it('when one report\'s mail is all the outbox holds, then its counts read "fewer than 5" and no delivery time is shown (#16)', async () => {
    const tomas = new HttpClient(wiki.url);
    await tomas.login('Tomas');
    const r = await tomas.get('/wiki/Special:ReportIncidentStatistics');
    const row = (label: string) => new RegExp(`<th scope="row">${label}</th><td>([^<]*)</td>`).exec(r.text)?.[1];
    const sent = row('Messages sent');
    const waiting = row('Messages waiting now');
    for (const value of [sent, waiting]) expect(value === '0' || value === 'fewer than 5' || Number(value) >= 5, `shown: ${value}`).toBe(true);
    expect(row('Time from report to mail delivered, median \\(seconds\\)')).toBe('—');
  });

  it('when a report arrives, then nothing on the page changes until the next quarter hour, which the page names (#16)', async () => {
    const before = await wiki.container.statistics.overview();
    expect(new Date(before.asOf).toISOString()).toBe('2026-03-11T09:00:00.000Z');
    const rowan = new HttpClient(wiki.url);
    await rowan.login('Rowan');
    clock.advance(60_000);
    expect((await postReport(rowan, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', revisionId: 0, page: 'User_talk:Rowan' })).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 50));
    clock.advance(60_000);
    expect(await wiki.container.statistics.overview()).toEqual(before);
    const tomas = new HttpClient(wiki.url);
    await tomas.login('Tomas');
    const page = await tomas.get('/wiki/Special:ReportIncidentStatistics');
    expect(page.text).toContain('as they stood at 09:00, 11 March 2026 (UTC)');
    expect(page.text).toContain('the days that have ended, up to 2026-03-10');
    // At the quarter hour the report is counted, with everything else that happened in it.
    clock.set('2026-03-11T09:15:00Z');
    const after = await wiki.container.statistics.overview();
    expect(after.days.at(-1)!.emergency).toBe(before.days.at(-1)!.emergency + 1);
  });

  it.each(['Alice', 'Juniper'])('when %s, who is neither Trust & Safety nor interface-admin, opens it, then 403', async (name) => {
    const client = new HttpClient(wiki.url);
    await client.login(name);
    expect((await client.get('/wiki/Special:ReportIncidentStatistics')).status).toBe(403);
  });
});

describe('npm run -s cli -- export:deidentified', () => {
  const run = (args: string[]) => runCli(wiki.dataDir, ['export:deidentified', ...args]);
  const today = DAY0;

  it('when exported twice, then rows carry day, types, route, namespace, delay and group size, people only as hashes that differ between exports', () => {
    const first = run(['--from', today, '--to', today, '--format', 'json']);
    expect(first.code).toBe(0);
    const a = first.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(a.length).toBeGreaterThan(0);
    expect(Object.keys(a[0]!).sort()).toEqual(['day', 'deliveryDelaySeconds', 'groupSize', 'harmOrBehaviorType', 'incidentType', 'namespace', 'reportedUser', 'reporter', 'route'].sort());
    const b = run(['--from', today, '--to', today, '--format', 'json']).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(a[0]!.reporter).toMatch(/^[0-9a-f]{16}$/);
    expect(b[0]!.reporter).not.toBe(a[0]!.reporter);
    const csv = run(['--from', today, '--to', today]).stdout;
    for (const out of [first.stdout, csv]) {
      for (const secret of ['Alice', 'alice@example.org', 'Brackenfield', SECRET, 'African', 'RI-']) expect(out).not.toContain(secret);
    }
    expect(csv.split('\n')[0]).toBe('day,incidentType,harmOrBehaviorType,route,namespace,deliveryDelaySeconds,groupSize,reporter,reportedUser');
  });

  it('when the dates are missing or reversed, then it refuses', () => {
    expect(run([]).code).toBe(2);
    expect(run(['--from', '2026-02-02', '--to', '2026-01-01']).code).toBe(1);
    expect(run(['--from', today, '--to', today, '--format', 'xml']).code).toBe(1);
  });
});

describe('flows left before the end', () => {
  it('when flows are opened and left at each step, then the next day the page counts every one left, the first step included', async () => {
    const dayClock = new FixedClock('2026-04-02T10:00:00Z');
    const fresh = await startTestWiki({ clock: dayClock });
    try {
      const alice = new HttpClient(fresh.url);
      await alice.login('Alice');
      // Opens the flow from a comment's menu; answers the first step with `incidentType`, or leaves it unanswered.
      const open = async (incidentType?: string) => {
        const page = await alice.get('/wiki/Talk:African_wild_dog');
        const link = /href="(\/wiki\/Special:ReportIncident\?[^"]+source=menu)"/.exec(page.text)![1]!.replace(/&amp;/g, '&');
        const step1 = await alice.get(link);
        if (!incidentType) return;
        const fields = ['wpEditToken', 'page', 'threadId', 'revisionId'].map((f) => [f, hiddenField(step1.text, f)]);
        const harm = incidentType === 'immediate-threat-physical-harm' ? { physicalHarmType: 'threats-physical-harm' } : {};
        const r = await alice.post('/wiki/Special:ReportIncident', { ...Object.fromEntries(fields), incidentType, ...harm });
        expect(r.status).toBe(303);
      };
      // Two left at the first step, two at the behaviour step, two at the emergency step; five brought to a Get support page.
      for (const choice of [undefined, undefined, 'unacceptable-user-behavior', 'unacceptable-user-behavior', 'immediate-threat-physical-harm', 'immediate-threat-physical-harm']) await open(choice);
      for (const b of ['spam', 'trolling', 'spam', 'trolling', 'spam']) expect((await walkToSupport(alice, b)).status).toBe(200);
      dayClock.set('2026-04-03T09:00:00Z');
      const tomas = new HttpClient(fresh.url);
      await tomas.login('Tomas');
      const r = await tomas.get('/wiki/Special:ReportIncidentStatistics?days=7');
      expect(r.text).toMatch(/Report opened<\/th><td>11<\/td>/);
      expect(r.text).toMatch(/Left the flow before the end<\/th><td>6<\/td>/);
    } finally {
      await fresh.close();
    }
  });
});
