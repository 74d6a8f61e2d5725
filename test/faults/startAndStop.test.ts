// Starting and stopping as a supervisor sees it (#17): every start failure is one clear line and exit 1 (a port
// in use, a damaged, empty or locked database, a data directory that is not one), never a new wiki over an
// existing file; SIGTERM under keep-alive load stops taking reports at once and exits 0 within the bound.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/container.js';
import { type ChildWiki, startChildWiki } from '../support/childWiki.js';
import { type SeededReporter, seedReporters } from '../support/seededReporters.js';

const REST = '/w/rest.php/reportincident/v0/report';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'wiki-start-'));
  dirs.push(d);
  return d;
};

/** Starts src/main.ts expecting it to fail: its exit code and everything it wrote. */
function failedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', DEMO_SEED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) => child.on('exit', (code) => {
    clearTimeout(timer);
    resolve({ code, output });
  }));
}

function expectOneClearLine(output: string, says: string): void {
  const lines = output.trim().split('\n');
  const line = lines.find((l) => l.startsWith('The wiki cannot start: '));
  expect(line, output).toBeDefined();
  expect(line).toContain(says);
  expect(output, 'no stack trace').not.toMatch(/^\s+at /m);
  expect(output).not.toContain('wiki listening');
}

describe('a start that cannot work says why in one line and exits 1', () => {
  it('when the port is already in use, then one line says so, and nothing claims to be listening', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as net.AddressInfo).port;
    const r = await failedStart({ DATA_DIR: tempDir(), PORT: String(port) });
    expect(r.code).toBe(1);
    expectOneClearLine(r.output, `port ${port} on 127.0.0.1 is already in use`);
  });

  it('when wiki.sqlite exists but is empty, then the wiki refuses to make a new one over it, and the file is left as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'wiki.sqlite');
    writeFileSync(file, '', { mode: 0o600 });
    const r = await failedStart({ DATA_DIR: dir });
    expect(r.code).toBe(1);
    expectOneClearLine(r.output, 'is empty (0 bytes)');
    expect(statSync(file).size).toBe(0);
  });

  it('when wiki.sqlite is not a database (damaged), then one line says to restore it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'wiki.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 0x5a), { mode: 0o600 });
    const r = await failedStart({ DATA_DIR: dir });
    expect(r.code).toBe(1);
    expectOneClearLine(r.output, 'is not a readable SQLite database');
    expect(readFileSync(file)).toEqual(Buffer.alloc(8192, 0x5a));
  });

  it('when DATA_DIR is a file, not a folder, then one line says the database cannot be created there', async () => {
    const dir = tempDir();
    const notAFolder = path.join(dir, 'file');
    writeFileSync(notAFolder, 'x');
    const r = await failedStart({ DATA_DIR: path.join(notAFolder, 'data') });
    expect(r.code).toBe(1);
    expectOneClearLine(r.output, 'cannot');
  });

  it('when another process holds the database locked, then one line says so (after the busy timeout)', { timeout: 40_000 }, async () => {
    const dir = tempDir();
    // A wiki that exists, then a lock no writer can pass.
    const first = await startChildWiki({ DATA_DIR: dir, DEMO_SEED: '1' });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const holder = new Database(path.join(dir, 'wiki.sqlite'));
    holder.exec('BEGIN EXCLUSIVE');
    cleanups.push(() => {
      holder.exec('ROLLBACK');
      holder.close();
    });
    const r = await failedStart({ DATA_DIR: dir });
    expect(r.code).toBe(1);
    expectOneClearLine(r.output, 'is locked by another process');
  });
});

// ---- SIGTERM under keep-alive load ----

interface Answer {
  status: number;
  at: number;
  reportId: string | null;
}

/** One reporter sending reports one after another on one keep-alive connection until the wiki stops answering. */
async function keepPosting(url: string, r: SeededReporter, body: (i: number) => string, answers: Answer[]): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; ; i++) {
      const answer = await new Promise<Answer>((resolve) => {
        const req = http.request(url + REST, { method: 'POST', agent, headers: { cookie: r.cookie, 'content-type': 'application/json' } }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, at: Date.now(), reportId: res.statusCode === 201 ? (JSON.parse(text) as { reportId: string }).reportId : null }));
        });
        req.on('error', () => resolve({ status: 0, at: Date.now(), reportId: null }));
        req.end(body(i));
      });
      answers.push(answer);
      if (answer.status === 0 || answer.status === 503) return;
    }
  } finally {
    agent.destroy();
  }
}

describe('SIGTERM under keep-alive load', () => {
  it('when SIGTERM arrives while reporters keep their connections busy, then no report is accepted a second after it, the process exits 0 within 10 s, and no mail is left sending', { timeout: 90_000 }, async () => {
    const seeded = await seedReporters({ reporters: 20, comments: 400 });
    dirs.push(seeded.dataDir);
    const settings = path.join(seeded.dataDir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ RateLimits: { reportincident: { newbie: [1_000_000, 86400], user: [1_000_000, 86400] } } }));
    const wiki: ChildWiki = await startChildWiki({ DATA_DIR: seeded.dataDir, DEMO_SEED: '0', REPORTINCIDENT_CONFIG: settings });
    cleanups.push(async () => {
      if (wiki.child.exitCode === null && wiki.child.signalCode === null) {
        wiki.child.kill('SIGKILL');
        await wiki.exited;
      }
    });
    const answers: Answer[] = [];
    const body = (r: SeededReporter) => (i: number) =>
      JSON.stringify({ token: r.token, revisionId: seeded.revisionId, threadId: seeded.threadIds[i % seeded.threadIds.length], incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: `report ${i} of ${r.name}` });
    const loops = seeded.reporters.map((r) => keepPosting(wiki.url, r, body(r), answers));
    while (answers.filter((a) => a.status === 201).length < 40) await new Promise((resolve) => setTimeout(resolve, 20));

    const signalled = Date.now();
    wiki.child.kill('SIGTERM');
    const code = await wiki.exited;
    const exitedAfter = Date.now() - signalled;
    await Promise.all(loops);

    const accepted = answers.filter((a) => a.status === 201 || a.status === 200);
    const late = accepted.filter((a) => a.at > signalled + 1000);
    console.info(`SIGTERM under keep-alive load: ${accepted.length} accepted, ${answers.filter((a) => a.status === 503).length} × 503 after it, exit ${code} after ${exitedAfter} ms`);
    expect(code).toBe(0);
    expect(exitedAfter).toBeLessThan(10_000);
    expect(late).toEqual([]);
    expect(answers.every((a) => [0, 200, 201, 503].includes(a.status)), JSON.stringify([...new Set(answers.map((a) => a.status))])).toBe(true);
    const db = new Database(path.join(seeded.dataDir, 'wiki.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM outbox WHERE state = 'sending'").pluck().get()).toBe(0);
      const stored = new Set(db.prepare('SELECT report_id FROM reports').pluck().all() as string[]);
      for (const a of accepted.filter((x) => x.reportId)) expect(stored.has(a.reportId!)).toBe(true);
    } finally {
      db.close();
    }
  });
});
