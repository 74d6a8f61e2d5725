/**
 * Mail under chaos (#17's goal): the wiki as a child process, a mail server refusing 30 % of messages at random,
 * reports from 30 reporters for 60 s, and a kill -9 and restart every 15 s. Prints the time from each report's
 * 201 to its Trust & Safety mail reaching the server, and the same for receipts (which may wait).
 * Run: npx tsx test/bench/chaos.ts   (CHAOS_SECONDS sets the length; about two minutes with the drain)
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ChildWiki, startChildWiki } from '../support/childWiki.js';
import { seedReporters } from '../support/seededReporters.js';
import { SmtpSink } from '../support/smtpSink.js';

const SECONDS = Number(process.env.CHAOS_SECONDS ?? 60);
const T_AND_S = 'emergency@localhost';
const seeded = await seedReporters({ reporters: 30, comments: 600 });
const settings = path.join(seeded.dataDir, 'settings.json');
writeFileSync(settings, JSON.stringify({ RateLimits: { reportincident: { newbie: [1_000_000, 86400], user: [1_000_000, 86400] } } }));

const filedAt = new Map<string, number>();
const staffAt = new Map<string, number>();
const receiptAt = new Map<string, number>();
const sink = await new SmtpSink({
  parse: false,
  failRate: 0.3,
  onMessage: (raw, to) => {
    const id = /^X-ReportIncident-Report-Id: (\S+)/im.exec(raw)?.[1];
    if (!id || /^Subject: .*update/im.test(raw)) return;
    const seen = to.includes(T_AND_S) ? staffAt : receiptAt;
    if (!seen.has(id)) seen.set(id, Date.now());
  },
}).start();

const env = { DATA_DIR: seeded.dataDir, DEMO_SEED: '0', SMTP_URL: sink.url, REPORTINCIDENT_CONFIG: settings };
let wiki: ChildWiki = await startChildWiki(env);
let running = true;
let kills = 0;
const started = Date.now();

async function reporter(i: number): Promise<void> {
  const r = seeded.reporters[i]!;
  for (let n = 0; running; n++) {
    const body = JSON.stringify({ token: r.token, revisionId: seeded.revisionId, threadId: seeded.threadIds[(i * 97 + n) % seeded.threadIds.length], incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: `chaos ${i}/${n}` });
    try {
      const res = await fetch(`${wiki.url}/w/rest.php/reportincident/v0/report`, { method: 'POST', headers: { cookie: r.cookie, 'content-type': 'application/json' }, body });
      const json = (await res.json()) as { reportId?: string };
      if (res.status === 201 && json.reportId) filedAt.set(json.reportId, Date.now());
    } catch {
      // the wiki is down (killed): try again shortly
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const loops = seeded.reporters.map((_, i) => reporter(i));
while (Date.now() - started < SECONDS * 1000) {
  await new Promise((resolve) => setTimeout(resolve, 15_000));
  if (Date.now() - started >= SECONDS * 1000) break;
  wiki.child.kill('SIGKILL');
  await wiki.exited;
  kills++;
  wiki = await startChildWiki(env);
}
running = false;
await Promise.all(loops);
const drainUntil = Date.now() + 120_000;
while (Date.now() < drainUntil && [...filedAt.keys()].some((id) => !staffAt.has(id))) await new Promise((resolve) => setTimeout(resolve, 500));

const delays = (seen: Map<string, number>) => [...filedAt].flatMap(([id, at]) => (seen.has(id) ? [Math.max(0, seen.get(id)! - at)] : [])).sort((a, b) => a - b);
const pct = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]! : NaN);
const show = (name: string, xs: number[]) => console.log(`${name}: ${xs.length} delivered of ${filedAt.size}; p50 ${(pct(xs, 50) / 1000).toFixed(1)} s, p90 ${(pct(xs, 90) / 1000).toFixed(1)} s, max ${(pct(xs, 100) / 1000).toFixed(1)} s`);
console.log(`chaos: ${SECONDS} s, ${kills} × kill -9, mail server refusing 30 % of messages`);
show('Trust & Safety mail, from the 201', delays(staffAt));
show('receipts, from the 201', delays(receiptAt));
const missing = [...filedAt.keys()].filter((id) => !staffAt.has(id));
if (missing.length > 0) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(seeded.dataDir, 'wiki.sqlite'), { readonly: true });
  for (const id of missing) console.log('not yet delivered to Trust & Safety:', JSON.stringify(db.prepare("SELECT state, attempts, next_attempt_at - ? AS due_in_ms, last_error FROM outbox WHERE report_id = ? AND kind = 'trust-and-safety'").get(Date.now(), id)));
  db.close();
}
wiki.child.kill('SIGTERM');
await wiki.exited;
await sink.stop();
rmSync(seeded.dataDir, { recursive: true, force: true });
process.exit(0);
