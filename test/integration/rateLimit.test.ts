// Rate limits live in SQLite, not in memory: they survive a restart of the app on the same DATA_DIR,
// they are charged once per report even when requests race, and they lift after their window.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/Clock.js';
import { HttpClient, type Reply } from '../support/HttpClient.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

type Json = Record<string, any>;

const REPORT = '/w/rest.php/reportincident/v0/report';
const HOUR = 3600 * 1000;

async function logIn(wiki: TestWiki, name: string): Promise<{ client: HttpClient; token: string }> {
  const client = new HttpClient(wiki.url);
  expect((await client.login(name)).status).toBe(303);
  const tokens = await client.get('/w/api.php?action=query&meta=tokens&format=json&formatversion=2');
  return { client, token: tokens.json<Json>().query.tokens.csrftoken as string };
}

let counter = 0;
function emergency(who: { client: HttpClient; token: string }, extra: Json = {}): Promise<Reply> {
  counter += 1;
  const body = { token: who.token, revisionId: 0, page: `User_talk:Rate_limit_${counter}`, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...extra };
  return who.client.request('POST', `${REPORT}?uselang=qqx`, JSON.stringify(body), { 'content-type': 'application/json' });
}

async function hits(wiki: TestWiki, name: string): Promise<number> {
  const user = (await wiki.container.accounts.findByName(name))!;
  return (wiki.container.db.prepare('SELECT count(*) AS n FROM rate_limit_hits WHERE user_id = ?').get(user.id) as { n: number }).n;
}

describe('rate limits across a restart', () => {
  const clock = new FixedClock('2026-03-01T12:00:00Z');
  let dataDir: string;
  let wiki: TestWiki | null = null;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'wiki-ratelimit-'));
  });
  afterAll(async () => {
    await wiki?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when Nora (newbie, 1 a day) is charged and the app restarts on the same DATA_DIR, then her next report is still 429 until 24 hours have passed', async () => {
    // Arrange: the first process charges Nora once.
    wiki = await startTestWiki({ dataDir, clock });
    const first = await emergency(await logIn(wiki, 'Nora'));
    expect(first.status).toBe(201);
    const reportId = first.json<Json>().reportId as string;
    expect(await hits(wiki, 'Nora')).toBe(1);
    await wiki.close();
    wiki = null;

    // Act: an hour later, a new container and app on the same data directory (the demo is not seeded twice).
    clock.advance(HOUR);
    wiki = await startTestWiki({ dataDir, clock });
    expect(await wiki.container.accounts.count()).toBeGreaterThan(0);
    expect(await wiki.container.reports.find(reportId)).not.toBeNull();
    const nora = await logIn(wiki, 'Nora');
    const refused = await emergency(nora);

    // Assert: still limited, and Retry-After counts from the charge made before the restart.
    expect(refused.status).toBe(429);
    expect(refused.json<Json>().errorKey).toBe('apierror-ratelimited');
    expect(refused.headers.get('retry-after')).toBe(String(23 * 3600));
    expect(await hits(wiki, 'Nora')).toBe(1);

    // Just before the window ends she is still limited; once 24 hours have passed she may report again.
    clock.advance(23 * HOUR - 1000);
    const stillRefused = await emergency(nora);
    expect(stillRefused.status).toBe(429);
    expect(stillRefused.headers.get('retry-after')).toBe('1');
    clock.advance(1000);
    expect((await emergency(nora)).status).toBe(201);
    expect(await hits(wiki, 'Nora')).toBe(2);
    // ... and only once.
    expect((await emergency(nora)).status).toBe(429);
  });

  it('when the app restarts, then the rate limit status of the service agrees with the HTTP answers', async () => {
    await wiki!.close();
    wiki = await startTestWiki({ dataDir, clock });
    const status = await wiki.container.reports.rateLimit((await wiki.container.accounts.findByName('Nora'))!);
    // A charge is dated just before the start of its minute (never a report's own time, #16); the clock is on one.
    expect(status).toEqual({ limited: true, retryAt: clock.now() + 24 * HOUR - 1 });
  });
});

describe('rate limits when requests race', () => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await startTestWiki({ clock: new FixedClock('2026-03-01T12:00:00Z') });
  });
  afterAll(() => wiki.close());

  it('when a newbie sends three different emergency reports at once, then exactly one is accepted and charged', async () => {
    const nora = await logIn(wiki, 'Nora');
    const replies = await Promise.all([emergency(nora), emergency(nora), emergency(nora)]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 429, 429]);
    expect(await hits(wiki, 'Nora')).toBe(1);
  });

  it('when the same report is sent twice at once, then one is stored and the other is folded into it', async () => {
    const alice = await logIn(wiki, 'Alice');
    counter += 1;
    const page = `User_talk:Double_click_${counter}`;
    const [a, b] = await Promise.all([emergency(alice, { page }), emergency(alice, { page })]);
    expect([a!.status, b!.status].sort()).toEqual([200, 201]);
    expect(a!.json<Json>().reportId).toBe(b!.json<Json>().reportId);
    expect(await hits(wiki, 'Alice')).toBe(1);
  });
});

describe('a short window', () => {
  it('when the limit is 1 a minute and two reports come a second apart across a minute\'s turn, then the second is refused (#16)', async () => {
    const clock = new FixedClock('2026-03-01T10:00:59Z');
    const wiki = await startTestWiki({ clock, settings: { RateLimits: { reportincident: { newbie: [1, 60], user: [1, 60] } } } });
    try {
      const alice = await logIn(wiki, 'Alice');
      expect((await emergency(alice)).status).toBe(201);
      clock.advance(1000);
      expect((await emergency(alice)).status).toBe(429);
      clock.advance(60_000);
      expect((await emergency(alice)).status).toBe(201);
    } finally {
      await wiki.close();
    }
  });
});
