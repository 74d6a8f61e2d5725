// Three real wiki processes on one PostgreSQL database under load: 100 reporters for 20 s through a round-robin
// client, one process killed with SIGKILL mid-run and started again, a configuration saved on one process. Then
// every 201 is one stored report, every stored report's mail was delivered (a repeat only with its Message-ID),
// newbies got one report each, and the others served the saved configuration at once.
// Runs only with TEST_DATABASE_URL (the line at the start of `npm test` says so).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildWiki, startChildWiki } from '../support/childWiki.js';
import { HttpClient, hiddenField } from '../support/HttpClient.js';
import { newSchema, testDatabaseUrl, urlWithSchema } from '../support/postgres.js';
import { type SeededWiki, seedReporters } from '../support/seededReporters.js';
import { SmtpSink } from '../support/smtpSink.js';

const SECONDS = 20;
const REPORTERS = 100;
const NEWBIES = 10;
/** Short, so that the killed process's claimed mail is sent by another within the test. */
const LEASE_SECONDS = 8;
const EDITOR = '/wiki/Special:CommunityConfiguration/ReportIncident';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!testDatabaseUrl)('three processes on one PostgreSQL database under load, one killed and restarted', () => {
  const dirs: string[] = [];
  const wikis: ChildWiki[] = [];
  const killed: ChildWiki[] = [];
  /** Message-IDs as the mail server accepted them, repeats included. */
  const received: string[] = [];
  let sink: SmtpSink;
  let databaseUrl: string;
  let schemaName: string;
  let dropSchema: () => Promise<void>;
  let seeded: SeededWiki;
  let env: Record<string, string>;

  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wiki-load-'));
    dirs.push(dir);
    return dir;
  };
  const start = () => startChildWiki({ ...env, DATA_DIR: tempDir() });

  beforeAll(async () => {
    sink = await new SmtpSink({ parse: false, onMessage: (raw) => received.push(/^Message-ID: (\S+)/im.exec(raw)?.[1] ?? '(none)') }).start();
    sink.setDelay(20);
    const schema = await newSchema();
    schemaName = schema.schema;
    dropSchema = schema.drop;
    databaseUrl = urlWithSchema(schema.schema);
    seeded = await seedReporters({ reporters: REPORTERS, newbies: NEWBIES, comments: 300, databaseUrl, dataDir: tempDir() });
    const settings = path.join(tempDir(), 'settings.json');
    writeFileSync(settings, JSON.stringify({ RateLimits: { reportincident: { newbie: [1, 86400], user: [1_000_000, 86400] } }, ReportIncidentMailLeaseSeconds: LEASE_SECONDS }));
    env = { DATABASE_URL: databaseUrl, DEMO_SEED: '0', SMTP_URL: sink.url, REPORTINCIDENT_CONFIG: settings };
    wikis.push(...(await Promise.all([start(), start(), start()])));
  }, 120_000);

  afterAll(async () => {
    for (const w of [...wikis, ...killed]) {
      w.child.kill('SIGTERM');
      await w.exited;
    }
    await sink?.stop();
    await dropSchema?.();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('when 100 reporters file reports for 20 s and one process is killed and restarted, then nothing is lost, doubled or let past a limit', async () => {
    let turn = 0;
    const nextWiki = () => wikis[turn++ % wikis.length]!;
    const accepted: { reportId: string; reporter: number }[] = [];
    const statuses = new Map<string, number>();
    let running = true;

    const post = async (reporter: number, n: number): Promise<void> => {
      const r = seeded.reporters[reporter]!;
      const body = JSON.stringify({
        token: r.token,
        revisionId: seeded.revisionId,
        threadId: seeded.threadIds[(reporter * 31 + n) % seeded.threadIds.length],
        incidentType: 'immediate-threat-physical-harm',
        physicalHarmType: 'threats-physical-harm',
        details: `load ${reporter}/${n}`,
      });
      let status = 'no answer';
      try {
        const res = await fetch(`${nextWiki().url}/w/rest.php/reportincident/v0/report`, { method: 'POST', headers: { cookie: r.cookie, 'content-type': 'application/json' }, body });
        const json = (await res.json()) as { reportId?: string };
        status = String(res.status);
        if (res.status === 201) accepted.push({ reportId: json.reportId!, reporter });
      } catch {
        // The process was killed under this request: whether it was stored is checked below.
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    };
    const reporterLoop = async (reporter: number): Promise<void> => {
      const newbie = reporter >= REPORTERS - NEWBIES;
      for (let n = 0; running; n++) {
        // A newbie sends three at once, one per process as the client turns: only one may pass.
        if (newbie) await Promise.all([post(reporter, n * 3), post(reporter, n * 3 + 1), post(reporter, n * 3 + 2)]);
        else await post(reporter, n);
        await sleep(800 + Math.random() * 400);
      }
    };

    const editor = new HttpClient(wikis[0]!.url);
    expect((await editor.login('Ines')).status).toBe(303);

    const started = Date.now();
    const loops = Array.from({ length: REPORTERS }, (_, i) => reporterLoop(i));

    // Mid-run: the mail server holds messages for a moment, so the process killed has mail claimed and unsent.
    await sleep(6000);
    sink.setDelay(1500);
    await sleep(1000);
    const victim = wikis[1]!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    killed.push(victim);
    wikis.splice(1, 1);
    sink.setDelay(20);
    await sleep(3000);
    wikis.splice(1, 0, await start());

    // A configuration saved on one process is served by the other two on their next request.
    await sleep(2000);
    const url = 'https://example.org/saved-under-load';
    const form = await editor.get(`${EDITOR}?mode=json`);
    expect(form.status).toBe(200);
    const saved = await editor.post(EDITOR, {
      wpEditToken: hiddenField(form.text, 'wpEditToken'),
      mode: 'json',
      baseRevId: hiddenField(form.text, 'baseRevId'),
      wpJson: JSON.stringify({ ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: url, Email: '', ContactCommunity: '' } }),
      wpSummary: 'under load',
      wpAction: 'save',
    });
    expect(saved.status).toBe(303);
    for (const w of wikis.slice(1)) {
      const reader = new HttpClient(w.url);
      for (const [name, value] of editor.cookies) reader.cookies.set(name, value);
      const page = await reader.get('/wiki/Special:ReportIncident/support/intimidation');
      expect(page.status).toBe(200);
      expect(page.text).toContain(`href="${url}"`);
    }

    await sleep(Math.max(0, SECONDS * 1000 - (Date.now() - started)));
    running = false;
    await Promise.all(loops);

    const db = new pg.Client({ connectionString: testDatabaseUrl! });
    await db.connect();
    try {
      await db.query(`SET search_path = ${schemaName}`);
      // All mail goes out: the killed process's claims once their lease has run out.
      const deadline = Date.now() + (LEASE_SECONDS + 60) * 1000;
      const unsent = async () => Number((await db.query("SELECT count(*) AS n FROM outbox WHERE state <> 'sent'")).rows[0].n);
      while ((await unsent()) > 0 && Date.now() < deadline) await sleep(250);
      expect(await unsent()).toBe(0);
      await sleep(500); // a repeat still in the mail server's hands

      const stored = (await db.query<{ report_id: string; reporter: string }>('SELECT r.report_id, u.user_name AS reporter FROM reports r JOIN users u ON u.user_id = r.reporter_user_id')).rows;
      const storedIds = new Set(stored.map((r) => r.report_id));
      // Every 201 is exactly one stored report (ids are unique; none is missing).
      expect(new Set(accepted.map((a) => a.reportId)).size).toBe(accepted.length);
      expect(accepted.filter((a) => !storedIds.has(a.reportId))).toEqual([]);
      // Every stored report's Trust & Safety mail arrived; nothing arrived that the outbox does not hold, so a
      // repeat is always the same Message-ID.
      const outboxIds = new Set((await db.query<{ message_id: string }>('SELECT message_id FROM outbox')).rows.map((r) => r.message_id));
      const staffMissing = [...storedIds].filter((id) => !received.includes(`<${id}.trust-and-safety@127.0.0.1>`));
      expect(staffMissing).toEqual([]);
      expect(received.filter((id) => !outboxIds.has(id))).toEqual([]);
      expect(new Set(received)).toEqual(outboxIds);
      // The newbie limit held across processes: at most one stored report each, and each 201 is that one.
      for (let i = REPORTERS - NEWBIES; i < REPORTERS; i++) {
        const mine = stored.filter((r) => r.reporter === seeded.reporters[i]!.name);
        expect(mine.length).toBeLessThanOrEqual(1);
        expect(accepted.filter((a) => a.reporter === i).length).toBeLessThanOrEqual(mine.length);
      }
      // Every answer was a 201, a 429 (a newbie past the limit) or none (a request the kill cut, when one was in
      // flight there at that moment): never a 500 or a 503.
      expect([...statuses.keys()].filter((s) => !['201', '429', 'no answer'].includes(s))).toEqual([]);
      expect(statuses.has('201') && statuses.has('429')).toBe(true);
      // What the kill did: mail the victim had claimed went out again after its lease (attempts > 1).
      const retried = Number((await db.query('SELECT count(*) AS n FROM outbox WHERE attempts > 1')).rows[0].n);
      const repeats = received.length - new Set(received).size;
      console.info(
        `load: ${accepted.length} reports accepted, ${stored.length} stored, answers ${JSON.stringify(Object.fromEntries(statuses))}; ` +
          `${received.length} messages received, ${repeats} repeated with their Message-ID, ${retried} sent again after the kill`,
      );
      expect(accepted.length).toBeGreaterThan(REPORTERS);
      expect(retried).toBeGreaterThan(0);
      expect(wikis.map((w) => w.log()).join('')).toContain('mail whose sending was never recorded is queued again');
    } finally {
      await db.end();
    }
  }, 240_000);
});
