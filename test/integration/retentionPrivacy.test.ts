// Retention leaves nothing that re-links a purged report to its reporter, and what lives briefly (drafts, anonymous
// sessions, rate-limit charges) is swept on time whatever else happens (#16).
import { afterEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/Clock.js';
import { parseTitle } from '../../src/wiki/Title.js';
import { HttpClient } from '../support/HttpClient.js';
import { closeOpenCases, findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

let wiki: TestWiki | null = null;
afterEach(async () => {
  await wiki?.close();
  wiki = null;
});

async function until(check: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type Row = Record<string, unknown>;

/** Every row of every table, as the attacker with a copy of the database file sees them. */
function everyRow(w: TestWiki): { table: string; row: Row }[] {
  const tables = w.container.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.flatMap((table) => (w.container.db.prepare(`SELECT * FROM "${table}"`).all() as Row[]).map((row) => ({ table, row })));
}

describe('retention leaves no way back from a purged report to its reporter', () => {
  it('when reports of every route, their mail, drafts, sessions and charges are purged, then no row of any table holds both a reporter and a link to their report', async () => {
    const clock = new FixedClock('2026-01-10T10:00:00Z');
    wiki = await startTestWiki({ clock, delivery: true, settings: { ReportIncidentRetentionDays: 30 } as never });
    const c = wiki.container;
    // The demo's own edits are made at the start; reports come an hour later, as they would.
    clock.advance(HOUR);
    const reporters = ['Alice', 'Testing', 'Rowan'];
    const clients = await Promise.all(reporters.map(async (name) => {
      const client = new HttpClient(wiki!.url);
      await client.login(name);
      return client;
    }));
    // Alice answers the comment before reporting it: the page's latest revision, the one reported, is her own.
    const first = await findComment(clients[0]!, 'Talk:African_wild_dog', 'Keep reverting me');
    const title = parseTitle('Talk:African wild dog', c.namespaces);
    if (!title.ok) throw new Error('title');
    expect((await c.talk.addReply(title.value, { user: (await c.accounts.findByName('Alice'))! }, first.threadId, 'Please stop.')).ok).toBe(true);
    clock.advance(20_000);
    const target = await findComment(clients[0]!, 'Talk:African_wild_dog', 'Keep reverting me');
    const ids: string[] = [];
    const file = async (client: HttpClient, body: Record<string, unknown>) => {
      const r = await postReport(client, { ...target, ...body });
      expect(r.status).toBe(201);
      ids.push(r.json<{ reportId: string }>().reportId);
      clock.advance(7_000);
    };
    await file(clients[0]!, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: 'He wrote where I live.' });
    await file(clients[1]!, { incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation' });
    await file(clients[2]!, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm', about: 'self', details: 'I cannot go on.' });
    // A draft left with typed words, and a submitted one (a pointer to its report), as the no-JavaScript flow leaves them.
    const rowan = (await c.accounts.findByName('Rowan'))!;
    await c.reportDrafts.create(rowan.id, { page: 'Talk:African wild dog', threadId: target.threadId, revisionId: target.revisionId, details: 'typed, never sent' }, 'emergency');
    const pointer = await c.reportDrafts.create(rowan.id, { page: 'Talk:African wild dog', threadId: target.threadId, revisionId: target.revisionId }, 'emergency');
    await c.reportDrafts.markSubmitted(pointer, rowan.id, { page: 'Talk:African wild dog', threadId: target.threadId, revisionId: target.revisionId }, ids[2]!);
    // Mail to Trust & Safety and the receipts reach the development mailbox.
    await until(() => c.db.prepare("SELECT count(*) FROM outbox WHERE state != 'sent'").pluck().get() === 0);
    expect((await c.devMailbox.list(50)).length).toBeGreaterThanOrEqual(4);

    // (#21) Their cases closed (retention keeps a report while its case is open or reviewable), six months on.
    await closeOpenCases(c.sql, clock.now());
    clock.advance(190 * DAY);
    // A copy that reached the mailbox after the cut (a late retry) goes with its report too.
    await c.devMailbox.add(clock.now(), 'wiki@localhost', ['alice@example.org'], Buffer.from(`Message-ID: <${ids[0]}.receipt@127.0.0.1>\r\nTo: alice@example.org\r\n\r\nlate copy\r\n`));
    expect((await c.retention.purge()).reports).toBe(3);

    const people = await Promise.all(reporters.map(async (name) => (await c.accounts.findByName(name))!));
    const created = await Promise.all(ids.map(async (id) => (await c.reports.find(id))!.createdAt));
    const names = people.flatMap((p) => [p.name, p.email]).map((s) => s.toLowerCase());
    const texts = (row: Row) => Object.values(row).map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : typeof v === 'string' ? v : '')).join('\n').toLowerCase();
    const found: string[] = [];
    for (const { table, row } of everyRow(wiki)) {
      if (table === 'users') continue; // who the people are, on its own
      const person = Object.entries(row).some(([col, v]) => col.endsWith('user_id') && people.some((p) => p.id === v)) || names.some((n) => texts(row).includes(n));
      // A report's id, or a time within a minute of one being filed: either joins this row to the report.
      const link = ids.some((id) => texts(row).includes(id.toLowerCase())) || Object.values(row).some((v) => typeof v === 'number' && created.some((t) => Math.abs(v - t) <= 60_000));
      if (person && link) found.push(`${table}: ${JSON.stringify(row, (_k, v: unknown) => (v && typeof v === 'object' && 'type' in v && (v as { type: string }).type === 'Buffer' ? '<blob>' : v))}`);
    }
    expect(found).toEqual([]);
    // Nor across tables: what is kept of the reports holds no revision and no time finer than the day, so it cannot
    // be joined to the reporter's reply, session or account by time.
    for (const id of ids) {
      expect((await c.reports.find(id))!.revId).toBe(0);
      const kept = [
        ...(c.db.prepare('SELECT created_at FROM reports WHERE report_id = ?').raw().all(id) as number[][]),
        ...(c.db.prepare('SELECT created_at, next_attempt_at, sent_at, alerted_at FROM outbox WHERE report_id = ?').raw().all(id) as number[][]),
        ...(c.db.prepare('SELECT created_at FROM report_updates WHERE report_id = ?').raw().all(id) as number[][]),
      ].flat().filter((v) => v !== null);
      expect(kept.filter((t) => t % DAY !== 0)).toEqual([]);
    }
    // A copy that reaches the mailbox after the purge (it was being sent) goes at the next one.
    await c.devMailbox.add(clock.now() + 1000, 'wiki@localhost', ['testing@example.org'], Buffer.from(`Message-ID: <${ids[1]}.receipt@127.0.0.1>\r\nTo: testing@example.org\r\n\r\nlater still\r\n`));
    clock.advance(DAY);
    await c.retention.purge();
    expect((await c.devMailbox.list(100)).filter((m) => ids.some((id) => m.raw.toString('latin1').includes(id)))).toEqual([]);
    // And nothing typed is left anywhere.
    const everything = everyRow(wiki).map(({ row }) => texts(row)).join('\n');
    for (const secret of ['he wrote where i live', 'i cannot go on', 'typed, never sent']) expect(everything).not.toContain(secret);
  });

  it('when a report is purged before its receipt could be sent, then the receipt is given up and its address erased', async () => {
    const clock = new FixedClock('2026-01-10T10:00:00Z');
    wiki = await startTestWiki({ clock, settings: { ReportIncidentRetentionDays: 30 } as never });
    const alice = new HttpClient(wiki.url);
    await alice.login('Alice');
    const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
    const { reportId } = (await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target, details: 'x' })).json<{ reportId: string }>();
    await closeOpenCases(wiki.container.sql, clock.now());
    clock.advance(190 * DAY);
    await wiki.container.retention.purge();
    const rows = wiki.container.db.prepare('SELECT kind, state, recipients FROM outbox WHERE report_id = ?').all(reportId);
    expect(rows).toEqual([
      { kind: 'trust-and-safety', state: 'failed', recipients: '' },
      { kind: 'receipt', state: 'failed', recipients: '' },
    ]);
  });
});

describe('what lives briefly is swept on time', () => {
  it('when two hours pass and nobody starts another report, then a draft with typed emergency details is gone', async () => {
    const clock = new FixedClock('2026-01-10T10:00:00Z');
    wiki = await startTestWiki({ clock });
    const alice = (await wiki.container.accounts.findByName('Alice'))!;
    await wiki.container.reportDrafts.create(alice.id, { page: 'Talk:African wild dog', threadId: '', revisionId: 0, details: 'where they live' }, 'emergency');
    const drafts = () => wiki!.container.db.prepare('SELECT count(*) FROM report_drafts').pluck().get();
    clock.advance(2 * HOUR - 1);
    await wiki.container.retention.sweep();
    expect(drafts()).toBe(1);
    clock.advance(1);
    expect((await wiki.container.retention.sweep()).drafts).toBe(1);
    expect(drafts()).toBe(0);
  });

  it('when a report is charged, then the charge never carries the report\'s time, and it is deleted once no rate limit looks back that far', async () => {
    const clock = new FixedClock('2026-01-10T10:00:00.123Z');
    wiki = await startTestWiki({ clock });
    const alice = new HttpClient(wiki.url);
    await alice.login('Alice');
    const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
    const { reportId } = (await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target, details: 'x' })).json<{ reportId: string }>();
    const createdAt = (await wiki.container.reports.find(reportId))!.createdAt;
    const charges = () => wiki!.container.db.prepare('SELECT at FROM rate_limit_hits').pluck().all() as number[];
    expect(charges()).toHaveLength(1);
    expect(charges()[0]).not.toBe(createdAt);
    expect(createdAt - charges()[0]!).toBeGreaterThan(0);
    expect(createdAt - charges()[0]!).toBeLessThanOrEqual(60_000);
    // The longest window is a day (config/default.json): a day later nothing looks at the charge.
    clock.advance(DAY);
    expect((await wiki.container.retention.sweep()).rateLimitCharges).toBe(1);
    expect(charges()).toEqual([]);
  });

  it('when someone fetches a login token and leaves, then the anonymous session it made is deleted within about an hour', async () => {
    const clock = new FixedClock('2026-01-10T10:00:00Z');
    wiki = await startTestWiki({ clock });
    const anonymous = new HttpClient(wiki.url);
    const r = await anonymous.get('/w/api.php?action=query&meta=tokens&type=login&format=json&formatversion=2');
    expect(r.status).toBe(200);
    const sessions = () => wiki!.container.db.prepare('SELECT count(*) FROM sessions WHERE user_id IS NULL').pluck().get();
    expect(sessions()).toBe(1);
    clock.advance(HOUR);
    expect((await wiki.container.retention.sweep()).sessions).toBe(1);
    expect(sessions()).toBe(0);
  });
});
