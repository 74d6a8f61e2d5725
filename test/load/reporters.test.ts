// A bounded load test on loopback: 200 reporters, each with their own session, post reports back to back for
// 60 seconds against the wiki running as its own process (rate limits raised for the test, every report about
// another comment or harm type, so none is folded as a duplicate), with a real SMTP server taking the mail.
// Then the outbox must drain (bounded), every 201 must have its stored report and exactly one Trust & Safety
// mail (matched on X-ReportIncident-Report-Id), and no answer may be a 5xx. The counts are printed.
import { writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildWiki, type ChildWiki } from '../support/childWiki.js';
import { seedReporters } from '../support/seededReporters.js';
import { SmtpSink } from '../support/smtpSink.js';

const REPORTERS = 200;
const DURATION_MS = Number(process.env.LOAD_DURATION_MS ?? 60_000);
/** Each reporter's pause between two reports: the mail of what is accepted must be able to drain in the bound below. */
const PAUSE_MS = Number(process.env.LOAD_PAUSE_MS ?? 500);
/**
 * Back-pressure of the load generator: reporters wait while more than this many messages are waiting in the outbox.
 * Measured here, the worker sends about 450 messages/s with nothing else to do and under half that while it also
 * answers hundreds of reports a second (two messages each: Trust & Safety and the receipt), so an unbounded load
 * would leave a backlog no drain bound can wait for; this keeps what is left at the end drainable on a slow machine.
 */
const MAX_BACKLOG = Number(process.env.LOAD_MAX_BACKLOG ?? 4_000);
/** How long the outbox may take to drain once the reporters stop. */
const DRAIN_LIMIT_MS = 60_000;
const REST = '/w/rest.php/reportincident/v0/report';
const T_AND_S = 'emergency@localhost';
const HARMS = ['threats-physical-harm', 'threats-self-harm', 'threats-public-harm'] as const;

/**
 * What this test keeps of each message (its recipients and report id), so that tens of thousands of messages
 * cost little to receive.
 */
class MailCounts {
  /** Trust & Safety messages per report id. */
  readonly staff = new Map<string, number>();
  /** Message-IDs seen, to tell a resend from a second message. */
  readonly messageIds = new Map<string, number>();
  total = 0;

  count(raw: string, envelopeTo: string[]): void {
    const head = raw.slice(0, raw.search(/\r?\n\r?\n/));
    const reportId = /^X-ReportIncident-Report-Id:\s*(\S+)/im.exec(head)?.[1] ?? '';
    const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '';
    this.total++;
    this.messageIds.set(messageId, (this.messageIds.get(messageId) ?? 0) + 1);
    if (envelopeTo.includes(T_AND_S)) this.staff.set(reportId, (this.staff.get(reportId) ?? 0) + 1);
  }
}

function quantile(values: number[], q: number): string {
  if (values.length === 0) return '-';
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
}

let wiki: ChildWiki | null = null;
const mails = new MailCounts();
let smtp: SmtpSink | null = null;
let dataDir = '';
afterAll(async () => {
  if (wiki && wiki.child.exitCode === null) {
    wiki.child.kill('SIGTERM');
    await wiki.exited;
  }
  await smtp?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('200 concurrent reporters for 60 seconds', () => {
  it('when 200 reporters post reports for 60 s, then every 201 is stored and mailed to Trust & Safety exactly once, and nothing answers 5xx', { timeout: 150_000 }, async () => {
    const seeded = await seedReporters({ reporters: REPORTERS, comments: 300, authors: 100 });
    dataDir = seeded.dataDir;
    // Nobody is limited here: the test is about load, not about the rate limit.
    const settingsFile = path.join(dataDir, 'load-settings.json');
    writeFileSync(settingsFile, JSON.stringify({ RateLimits: { reportincident: { newbie: [1_000_000, 86_400], user: [1_000_000, 86_400] } } }));
    smtp = await new SmtpSink({ parse: false, onMessage: (raw, to) => mails.count(raw, to) }).start();
    wiki = await startChildWiki({ DATA_DIR: dataDir, SMTP_URL: smtp.url, DEMO_SEED: '1', REPORTINCIDENT_CONFIG: settingsFile, NODE_ENV: 'production' });
    const url = wiki.url;

    const statuses = new Map<number, number>();
    const accepted: string[] = [];
    const failures: string[] = [];
    /** Answer times (ms), printed for information only: this test bounds time with its timeout, never asserts it. */
    const latencies: number[] = [];
    const threads = seeded.threadIds;
    const end = Date.now() + DURATION_MS;
    const db = new Database(path.join(dataDir, 'wiki.sqlite'), { readonly: true });
    const waiting = () => db.prepare("SELECT count(*) FROM outbox WHERE state != 'sent'").pluck().get() as number;
    let backlog = 0;
    let heldBack = 0;
    const poller = setInterval(() => {
      backlog = waiting();
    }, 500);

    const reporter = async (i: number) => {
      const r = seeded.reporters[i]!;
      // Each reporter walks the comments from its own place, then again with the next harm type: no repeats.
      for (let k = 0; Date.now() < end; k++) {
        while (backlog > MAX_BACKLOG && Date.now() < end) {
          heldBack++;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        if (Date.now() >= end) break;
        const body = JSON.stringify({
          token: r.token,
          revisionId: seeded.revisionId,
          threadId: threads[(i * 7 + k) % threads.length],
          incidentType: 'immediate-threat-physical-harm',
          physicalHarmType: HARMS[Math.floor(k / threads.length) % HARMS.length],
          details: `Load test report ${k} from ${r.name}.`,
        });
        const sent = performance.now();
        try {
          const res = await fetch(url + REST, { method: 'POST', headers: { cookie: r.cookie, 'content-type': 'application/json' }, body });
          const text = await res.text();
          latencies.push(performance.now() - sent);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 201) accepted.push((JSON.parse(text) as { reportId: string }).reportId);
          else if (failures.length < 10) failures.push(`${res.status}: ${text.slice(0, 200)}`);
        } catch (e) {
          statuses.set(0, (statuses.get(0) ?? 0) + 1);
          if (failures.length < 10) failures.push(`connection: ${String(e)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    };
    await Promise.all(Array.from({ length: REPORTERS }, (_, i) => reporter(i)));
    clearInterval(poller);
    const leftWhenStopped = waiting();

    // The outbox drains, within a bound.
    const drainEnd = Date.now() + DRAIN_LIMIT_MS;
    while (waiting() > 0 && Date.now() < drainEnd) await new Promise((r) => setTimeout(r, 250));
    const left = waiting();
    const stored = new Set(db.prepare('SELECT report_id FROM reports').pluck().all() as string[]);
    const outbox = db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
    db.close();

    const other = [...statuses].filter(([s]) => s !== 201).map(([s, n]) => `${s}: ${n}`);
    const staffMails = [...mails.staff.values()].reduce((a, b) => a + b, 0);
    console.log(
      [
        `load: ${REPORTERS} reporters for ${DURATION_MS / 1000} s`,
        `201 answers: ${accepted.length} (${(accepted.length / (DURATION_MS / 1000)).toFixed(0)}/s)`,
        `other statuses: ${other.length ? other.join(', ') : 'none'}`,
        `answer times: median ${quantile(latencies, 0.5)} ms, p95 ${quantile(latencies, 0.95)} ms, max ${quantile(latencies, 1)} ms`,
        `back-pressure: reporters waited ${heldBack} times for the outbox (over ${MAX_BACKLOG} waiting); ${leftWhenStopped} messages waiting when the reporters stopped`,
        `mails received: ${mails.total} (Trust & Safety: ${staffMails}, receipts: ${mails.total - staffMails}); outbox rows: ${outbox}, not sent at the end: ${left}`,
      ].join('\n'),
    );
    if (failures.length) console.log(`first failures:\n${failures.join('\n')}`);

    expect([...statuses.keys()].filter((s) => s >= 500 || s === 0), 'no 5xx and no failed connection').toEqual([]);
    expect(left, 'messages still waiting after the drain bound').toBe(0);
    expect(accepted.length).toBeGreaterThan(0);
    expect(new Set(accepted).size, 'every 201 a new report').toBe(accepted.length);
    const missing = accepted.filter((id) => !stored.has(id));
    expect(missing, 'reports answered 201 but not stored').toEqual([]);
    const wrongCount = accepted.filter((id) => mails.staff.get(id) !== 1).map((id) => `${id}: ${mails.staff.get(id) ?? 0}`);
    expect(wrongCount.slice(0, 20), 'reports without exactly one Trust & Safety mail').toEqual([]);
    expect(staffMails).toBe(accepted.length);
    expect([...mails.messageIds.values()].filter((n) => n > 1), 'messages received twice').toEqual([]);

    wiki.child.kill('SIGTERM');
    expect(await wiki.exited).toBe(0);
  });
});
