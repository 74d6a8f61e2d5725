// Faults with real processes: the database's write lock held by another process past the busy timeout (the
// report is refused with 503, says nothing was stored, and goes through once the lock is gone); SIGTERM while
// fifty reports are in flight (the process exits 0 and every report answered 201 is stored and its mail sent
// after a restart); kill -9 right after a 201 while SMTP is down (after a restart, exactly one mail); and a
// ten-second lock while the wiki is in use (/healthz and pages keep answering; reports wait, then 503).
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/container.js';
import { FixedClock } from '../../src/shared/Clock.js';
import { startChildWiki, type ChildWiki } from '../support/childWiki.js';
import { HttpClient, hiddenField } from '../support/HttpClient.js';
import { csrfToken, findComment, postReport } from '../support/reporting.js';
import { type SeededReporter, seedReporters } from '../support/seededReporters.js';
import { downSmtpServer, SmtpSink } from '../support/smtpSink.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

const REST = '/w/rest.php/reportincident/v0/report';
const REPORT = '/wiki/Special:ReportIncident';
const T_AND_S = 'emergency@localhost';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
const dataDirs: string[] = [];
afterAll(() => {
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
});

async function eventually(condition: () => boolean, what: string, limitMs = 30_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`still not true: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// ---- (a) The write lock held by another process ----

interface Lock {
  release(): Promise<void>;
}

/** Another process opens the wiki's database and takes its write lock (BEGIN IMMEDIATE) until released. */
async function holdWriteLock(file: string): Promise<Lock> {
  const script = `
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(process.env.DB_FILE);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    process.stdin.once('data', () => { db.exec('ROLLBACK'); db.close(); process.stdout.write('released\\n'); process.exit(0); });
  `;
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot, env: { PATH: process.env.PATH ?? '', DB_FILE: file }, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('locked')) resolve();
    });
    void exited.then((code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    child.stdin!.write('go\n');
    await exited;
  };
  cleanups.push(release);
  return { release };
}

/** Alice on the no-JavaScript form, past its first step for an emergency about a comment: the draft to submit. */
async function emergencyDraft(wiki: TestWiki): Promise<{ alice: HttpClient; token: string; draft: string }> {
  const alice = new HttpClient(wiki.url);
  await alice.login('Alice');
  const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
  const start = await alice.get(`${REPORT}?page=Talk:African_wild_dog&threadId=${encodeURIComponent(target.threadId)}&revisionId=${target.revisionId}`);
  const token = hiddenField(start.text, 'wpEditToken');
  const step = await alice.follow(await alice.post(REPORT, { wpEditToken: token, page: 'Talk:African_wild_dog', threadId: target.threadId, revisionId: String(target.revisionId), incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm' }));
  return { alice, token, draft: hiddenField(step.text, 'draft') };
}

function counts(wiki: TestWiki) {
  const n = (sql: string) => (wiki.container.db.prepare(sql).get() as { n: number }).n;
  return { reports: n('SELECT count(*) AS n FROM reports'), outbox: n('SELECT count(*) AS n FROM outbox'), hits: n('SELECT count(*) AS n FROM rate_limit_hits') };
}

async function ownWiki(options: Parameters<typeof startTestWiki>[0] = {}): Promise<TestWiki> {
  const wiki = await startTestWiki(options);
  cleanups.push(() => wiki.close());
  return wiki;
}

describe('(a) the database locked by another process', () => {
  // Guards against: in src/reporting/reportRestRoutes.ts line 49, handle(req, res) runs inside express.raw()'s callback, outside
  // Express's promise chain: the SQLITE_BUSY thrown by ReportRepository.immediate() after the 5 s busy timeout is an
  // uncaught exception, main.ts logs it and exits 1. The reporter's request never gets an answer and the whole wiki
  // goes down, where README promises "a locked database answers 503 saying nothing was stored". (Run in-process,
  // the same throw surfaces as an unhandled error of the test run.) Fix: errors of the async handle(req, res) go to next (`handle(req, res).catch(next)`).
  it('when another process holds the write lock past the busy timeout, then a REST report answers 503 saying nothing was stored, and the same report goes through once the lock is gone', { timeout: 60_000 }, async () => {
    const seeded = await seedReporters({ reporters: 1 });
    dataDirs.push(seeded.dataDir);
    const wiki = await child({ DATA_DIR: seeded.dataDir });
    const reporter = seeded.reporters[0]!;
    const body = JSON.stringify({ token: reporter.token, revisionId: seeded.revisionId, threadId: seeded.threadIds[0], incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', about: 'self', details: 'He named my university.' });
    const count = (table: string) => readDb(seeded.dataDir, (db) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);
    const before = { reports: count('reports'), outbox: count('outbox'), hits: count('rate_limit_hits') };
    const send = async () => {
      try {
        const res = await fetch(wiki.url + REST, { method: 'POST', headers: { cookie: reporter.cookie, 'content-type': 'application/json' }, body });
        return { status: res.status, headers: res.headers, text: await res.text() };
      } catch (e) {
        return { status: 0, headers: new Headers(), text: String(e) };
      }
    };

    const lock = await holdWriteLock(path.join(seeded.dataDir, 'wiki.sqlite'));
    const refused = await send();
    await lock.release();
    expect({ status: refused.status, alive: wiki.child.exitCode === null, log: wiki.child.exitCode === null ? '' : wiki.log().split('\n').filter((l) => l.includes('"error"')).join('\n') }).toEqual({ status: 503, alive: true, log: '' });
    const error = JSON.parse(refused.text) as { errorKey: string; messageTranslations: Record<string, string>; httpCode: number };
    expect(error.errorKey).toBe('app-error-busy');
    expect(error.httpCode).toBe(503);
    expect(error.messageTranslations.en).toContain('Nothing you submitted was stored');
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.headers.get('cache-control')).toContain('no-store');
    // Nothing at all: no report, no mail queued, no charge against the rate limit.
    expect({ reports: count('reports'), outbox: count('outbox'), hits: count('rate_limit_hits') }).toEqual(before);

    const accepted = await send();
    expect(accepted.status).toBe(201);
    const { reportId } = JSON.parse(accepted.text) as { reportId: string };
    expect(storedReports(seeded.dataDir).has(reportId)).toBe(true);
    expect({ reports: count('reports'), outbox: count('outbox'), hits: count('rate_limit_hits') }).toEqual({ reports: before.reports + 1, outbox: before.outbox + 2, hits: before.hits + 1 });
  });

  it('when another process holds the write lock only briefly (under the busy timeout), then the REST report waits for it and is stored', async () => {
    const seeded = await seedReporters({ reporters: 1 });
    dataDirs.push(seeded.dataDir);
    const wiki = await child({ DATA_DIR: seeded.dataDir });
    const reporter = seeded.reporters[0]!;
    const lock = await holdWriteLock(path.join(seeded.dataDir, 'wiki.sqlite'));
    const pending = post(wiki.url, reporter, reportBody(seeded, seeded.threadIds[0]!, reporter));
    // The lock goes while the request waits for it; the busy timeout (5 s) covers the wait.
    await new Promise((r) => setTimeout(r, 300));
    await lock.release();
    const accepted = await pending;
    expect(accepted.status).toBe(201);
    expect(storedReports(seeded.dataDir).has(accepted.reportId!)).toBe(true);
    expect(wiki.child.exitCode).toBeNull();
  });

  // Guards against: a 503 is an AppError with expose=false (AppError.ts: expose = status < 500), so errorHandler.ts renders an
  // HTML page with the generic "internal error, request id …" text (app-error-500-text) under the heading "The wiki
  // is busy", instead of app-error-busy ("…Nothing you submitted was stored: go back and submit it again…"). The
  // no-JavaScript reporter is not told that their report was not stored. Fix: src/http/errorHandler.ts toAppError (line 35),
  // `new AppError(503, 'app-error-busy', {}, true)` (see the report).
  it('when the lock is held while a reporter submits the no-JavaScript form, then the page says nothing was stored and the form works once the lock is gone', async () => {
    const wiki = await ownWiki();
    const { alice, token, draft } = await emergencyDraft(wiki);
    const before = counts(wiki);

    const lock = await holdWriteLock(path.join(wiki.dataDir, 'wiki.sqlite'));
    const refused = await alice.post(`${REPORT}/emergency`, { wpEditToken: token, draft, details: 'Locked out', about: 'self', wpAction: 'submit' });
    await lock.release();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(counts(wiki)).toEqual(before);
    const text = refused.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('The wiki is busy');
    expect(text).toContain('Nothing you submitted was stored');

    const again = await alice.post(`${REPORT}/emergency`, { wpEditToken: token, draft, details: 'Locked out', about: 'self', wpAction: 'submit' });
    expect(again.status).toBe(303);
    expect(again.location).toMatch(/\/submitted\/RI-/);
  });

  it('when the lock is held only a moment while a reporter submits the no-JavaScript form, then the report waits for it and is filed (#17)', async () => {
    const wiki = await ownWiki();
    const { alice, token, draft } = await emergencyDraft(wiki);
    const lock = await holdWriteLock(path.join(wiki.dataDir, 'wiki.sqlite'));
    setTimeout(() => void lock.release(), 300);
    const filed = await alice.post(`${REPORT}/emergency`, { wpEditToken: token, draft, details: 'Waited for the lock', about: 'self', wpAction: 'submit' });
    expect(filed.status).toBe(303);
    expect(filed.location).toMatch(/\/submitted\/RI-/);
  });

  it('when the lock is held while an API client logs in, then the API answers a "readonly" error saying nothing was stored, not an internal error (#17)', async () => {
    const wiki = await ownWiki();
    const api = new HttpClient(wiki.url);
    const token = (await api.get('/w/api.php?format=json&action=query&meta=tokens&type=login&formatversion=2')).json<{ query: { tokens: { logintoken: string } } }>().query.tokens.logintoken;
    const lock = await holdWriteLock(path.join(wiki.dataDir, 'wiki.sqlite'));
    const r = await api.post('/w/api.php', { action: 'login', format: 'json', formatversion: '2', lgname: 'Alice', lgpassword: 'demo-password', lgtoken: token });
    await lock.release();
    expect(r.json<{ error?: { code: string; info: string } }>().error).toMatchObject({ code: 'readonly', info: expect.stringContaining('Nothing you submitted was stored') });
    expect(r.headers.get('retry-after')).toBe('5');
    expect(wiki.logger.lines.filter((l) => l.message === 'api request failed')).toEqual([]);
  });

  // Guards against: when the lock meets the first request of a session last seen more than 5 minutes ago, the session's sliding
  // expiry is written in requestContext (SessionService.find → touch) before res.locals.ctx exists, so errorHandler.ts
  // has no translator: the REST answer's messageTranslations is {"en":"app-error-busy"} (the bare key) and an HTML
  // page is the plain text "app-error-busy". Fix: src/http/requestContext.ts, keep going when the touch is busy (the
  // touch is an optimisation), see the report.
  it('when the lock meets a session that is due for its sliding-expiry write, then the 503 still explains itself', async () => {
    const clock = new FixedClock(Date.now());
    const wiki = await ownWiki({ clock });
    const alice = new HttpClient(wiki.url);
    await alice.login('Alice');
    const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
    const token = await csrfToken(alice);
    clock.advance(6 * 60 * 1000);
    const lock = await holdWriteLock(path.join(wiki.dataDir, 'wiki.sqlite'));
    const refused = await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target }, token);
    await lock.release();
    expect(refused.status).toBe(503);
    const error = refused.json<{ errorKey: string; messageTranslations: Record<string, string> }>();
    expect(error.errorKey).toBe('app-error-busy');
    expect(error.messageTranslations.en).toContain('Nothing you submitted was stored');
  });
});

// ---- Child processes ----

function reportBody(seeded: { revisionId: number }, threadId: string, r: SeededReporter) {
  return JSON.stringify({ token: r.token, revisionId: seeded.revisionId, threadId, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: `details of ${r.name}` });
}

/** One report from one seeded reporter; status 0 when the connection failed (refused, reset). */
async function post(url: string, r: SeededReporter, body: string): Promise<{ status: number; reportId: string | null; error?: string }> {
  try {
    const res = await fetch(url + REST, { method: 'POST', headers: { cookie: r.cookie, 'content-type': 'application/json' }, body });
    const text = await res.text();
    return { status: res.status, reportId: res.status === 201 ? (JSON.parse(text) as { reportId: string }).reportId : null };
  } catch (e) {
    return { status: 0, reportId: null, error: String(e) };
  }
}

interface OutboxRow {
  report_id: string;
  kind: string;
  state: string;
  message_id: string;
}

function readDb<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'wiki.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const outboxOf = (dataDir: string) => readDb(dataDir, (db) => db.prepare('SELECT report_id, kind, state, message_id FROM outbox').all() as OutboxRow[]);
const storedReports = (dataDir: string) => new Set(readDb(dataDir, (db) => db.prepare('SELECT report_id FROM reports').pluck().all() as string[]));

async function child(env: Record<string, string>): Promise<ChildWiki> {
  const c = await startChildWiki({ DEMO_SEED: '1', ...env });
  cleanups.push(async () => {
    if (c.child.exitCode === null && c.child.signalCode === null) {
      c.child.kill('SIGKILL');
      await c.exited;
    }
  });
  return c;
}

async function sink(options: ConstructorParameters<typeof SmtpSink>[0] = {}): Promise<SmtpSink> {
  const s = await new SmtpSink(options).start();
  cleanups.push(() => s.stop());
  return s;
}

describe('(b) SIGTERM under load', () => {
  it('when SIGTERM arrives while fifty reports are in flight, then the process exits 0, and every report answered 201 is stored and mailed once after a restart', { timeout: 120_000 }, async () => {
    const seeded = await seedReporters({ reporters: 50 });
    dataDirs.push(seeded.dataDir);
    const threadId = seeded.threadIds[0]!;
    // A server that answers every message with a temporary failure: the mail waits in the outbox for a retry.
    const refusing = await sink({ failing: true, delayMs: 50 });
    const first = await child({ DATA_DIR: seeded.dataDir, SMTP_URL: refusing.url });

    const posts = seeded.reporters.map((r) => post(first.url, r, reportBody(seeded, threadId, r)));
    let answered = 0;
    for (const p of posts) void p.then(() => answered++);
    // The signal comes with the first answer, while the others are still in flight.
    await Promise.race(posts);
    const answeredAtSignal = answered;
    first.child.kill('SIGTERM');
    const results = await Promise.all(posts);
    expect(await first.exited).toBe(0);
    expect(first.log()).toContain('"stopping"');

    const statuses = results.map((r) => r.status);
    const accepted = results.filter((r) => r.status === 201).map((r) => r.reportId!);
    console.log(`SIGTERM after ${answeredAtSignal} of 50 answers: ${accepted.length} × 201, ${statuses.filter((s) => s === 0).length} connection errors, others: ${JSON.stringify(statuses.filter((s) => s !== 201 && s !== 0))}`);
    // In flight means answered in full, refused at the door, or (arriving after the signal) told 503 "nothing was
    // stored" (#17): never a 500, never a half-stored report.
    expect(statuses.every((s) => s === 201 || s === 0 || s === 503)).toBe(true);
    expect(accepted.length).toBeGreaterThan(0);
    const stored = storedReports(seeded.dataDir);
    for (const id of accepted) expect(stored.has(id), id).toBe(true);
    // Every stored report is one that was answered 201 (nothing stored behind a failed answer).
    const seededIds = [...stored];
    expect(seededIds.sort()).toEqual([...accepted].sort());
    const waiting = outboxOf(seeded.dataDir);
    expect(waiting.filter((r) => r.state === 'sent')).toEqual([]);
    expect(new Set(waiting.map((r) => r.report_id))).toEqual(new Set(accepted));

    const working = await sink();
    const second = await child({ DATA_DIR: seeded.dataDir, SMTP_URL: working.url });
    await eventually(() => outboxOf(seeded.dataDir).every((r) => r.state === 'sent'), 'every message sent after the restart', 60_000);
    const rows = outboxOf(seeded.dataDir);
    console.log(`outbox: ${rows.length} messages, all sent after the restart`);
    expect(refusing.received).toEqual([]);
    for (const id of accepted) {
      const staff = working.received.filter((m) => m.header('x-reportincident-report-id') === id && m.envelopeTo.includes(T_AND_S));
      expect(staff, `the Trust & Safety mail of ${id}`).toHaveLength(1);
      expect(staff[0]!.parsed.messageId).toBe(rows.find((r) => r.report_id === id && r.kind === 'trust-and-safety')!.message_id);
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});

describe('(c) kill -9 with SMTP down', () => {
  it('when the app is killed right after a 201 while SMTP is down, then after a restart with SMTP up each report is mailed exactly once', { timeout: 90_000 }, async () => {
    const seeded = await seedReporters({ reporters: 3, comments: 3 });
    dataDirs.push(seeded.dataDir);
    const down = await downSmtpServer();
    const { port, url: smtpUrl } = down;
    const first = await child({ DATA_DIR: seeded.dataDir, SMTP_URL: smtpUrl });
    const ids: string[] = [];
    for (const [i, r] of seeded.reporters.entries()) {
      const answer = await post(first.url, r, reportBody(seeded, seeded.threadIds[i]!, r));
      expect(answer.status).toBe(201);
      ids.push(answer.reportId!);
    }
    // Right after the last 201: no time for a graceful anything.
    first.child.kill('SIGKILL');
    await first.exited;
    const before = outboxOf(seeded.dataDir);
    expect(before.filter((r) => r.state === 'sent')).toEqual([]);
    for (const id of ids) expect(storedReports(seeded.dataDir).has(id)).toBe(true);

    await down.release();
    const up = await sink({ port });
    const second = await child({ DATA_DIR: seeded.dataDir, SMTP_URL: smtpUrl });
    await eventually(() => outboxOf(seeded.dataDir).every((r) => r.state === 'sent'), 'every message sent after the restart', 60_000);
    await up.waitFor(before.length);
    for (const id of ids) {
      const staff = up.received.filter((m) => m.header('x-reportincident-report-id') === id && m.envelopeTo.includes(T_AND_S));
      expect(staff, `the Trust & Safety mail of ${id}`).toHaveLength(1);
      expect(staff[0]!.parsed.messageId).toBe(before.find((r) => r.report_id === id && r.kind === 'trust-and-safety')!.message_id);
    }
    expect(up.received).toHaveLength(before.length);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});

// ---- (d) A long lock by another process, with the wiki in use ----

describe('(d) a ten-second lock held by another process', () => {
  it('when another process holds the write lock for 10 s, then /healthz and page views keep answering quickly, reports wait or get 503 "nothing stored", and none is stored twice (#17)', { timeout: 90_000 }, async () => {
    const seeded = await seedReporters({ reporters: 5 });
    dataDirs.push(seeded.dataDir);
    const wiki = await child({ DATA_DIR: seeded.dataDir, DEMO_SEED: '0' });
    const lock = await holdWriteLock(path.join(seeded.dataDir, 'wiki.sqlite'));
    const lockedAt = Date.now();
    const healthz: number[] = [];
    const problems: string[] = [];
    const until = lockedAt + 10_000;
    const probe = (async () => {
      while (Date.now() < until) {
        const started = Date.now();
        try {
          const r = await fetch(`${wiki.url}/healthz`);
          await r.text();
          if (r.status !== 200) problems.push(`healthz ${r.status}`);
        } catch (e) {
          problems.push(`healthz ${String(e)}`);
        }
        healthz.push(Date.now() - started);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const views = (async () => {
      while (Date.now() < until) {
        try {
          const r = await fetch(`${wiki.url}/wiki/Talk:Many_comments`);
          await r.text();
          if (r.status !== 200) problems.push(`page ${r.status}`);
        } catch (e) {
          problems.push(`page ${String(e)}`);
        }
      }
    })();
    // Reports during the lock: each waits up to 5 s for it, then is refused, saying nothing was stored.
    await new Promise((r) => setTimeout(r, 1000));
    const reports = await Promise.all(seeded.reporters.map((r) => post(wiki.url, r, reportBody(seeded, seeded.threadIds[0]!, r))));
    await Promise.all([probe, views]);
    await lock.release();

    healthz.sort((a, b) => a - b);
    const p99 = healthz[Math.min(healthz.length - 1, Math.ceil(healthz.length * 0.99) - 1)]!;
    console.info(`10 s lock: ${healthz.length} /healthz answers, p99 ${p99} ms, max ${healthz.at(-1)} ms; reports: ${reports.map((r) => r.status).join(', ')}`);
    expect(problems).toEqual([]);
    expect(p99).toBeLessThan(200);
    expect(reports.every((r) => r.status === 503)).toBe(true);
    expect(storedReports(seeded.dataDir).size).toBe(0);
    // Once the lock is gone, the same reports go through.
    const again = await Promise.all(seeded.reporters.map((r) => post(wiki.url, r, reportBody(seeded, seeded.threadIds[0]!, r))));
    expect(again.map((r) => r.status)).toEqual(seeded.reporters.map(() => 201));
  });
});
