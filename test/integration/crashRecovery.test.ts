// The app killed (SIGKILL) between a report's commit and its mail: after a restart the mail goes out with the same Message-ID.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildWiki } from '../support/childWiki.js';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { SmtpSink } from '../support/smtpSink.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'wiki-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function eventually(condition: () => boolean, what: string, limitMs = 15_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`still not true: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('a crash between commit and send', () => {
  it('when the app is killed while the mail is in flight, then after a restart it is delivered with the same Message-ID and the report is kept', async () => {
    // A server that takes the message but never answers in time: the app dies with the row "sending".
    const stuck = await new SmtpSink({ delayMs: 60_000 }).start();
    const first = await startChildWiki({ DATA_DIR: dataDir, DEMO_SEED: '1', SMTP_URL: stuck.url });
    const client = new HttpClient(first.url);
    await client.login('Alice');
    const target = await findComment(client, 'Talk:African_wild_dog', 'Keep reverting me');
    const reply = await postReport(client, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm', ...target });
    expect(reply.status).toBe(201);
    const { reportId } = reply.json<{ reportId: string }>();
    await eventually(() => stuck.holding > 0, 'the mail is in flight');
    first.child.kill('SIGKILL');
    await first.exited;
    await stuck.stop();

    const db = new Database(path.join(dataDir, 'wiki.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT kind, state, message_id FROM outbox WHERE report_id = ?').all(reportId) as { kind: string; state: string; message_id: string }[];
    db.close();
    expect(rows.some((r) => r.state === 'sending')).toBe(true);

    const sink = await new SmtpSink().start();
    const second = await startChildWiki({ DATA_DIR: dataDir, DEMO_SEED: '1', SMTP_URL: sink.url });
    await sink.waitFor(rows.length);
    const staff = sink.received.filter((m) => m.header('x-reportincident-report-id') === reportId && m.envelopeTo.includes('emergency@localhost'));
    expect(staff).toHaveLength(1);
    expect(staff[0]!.parsed.messageId).toBe(rows.find((r) => r.kind === 'trust-and-safety')!.message_id);
    expect(second.log()).toContain('queued again with the same Message-ID');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    await sink.stop();
  });
});
