// The operators' view of the outbox: `outbox` counts by state and shows errors, `outbox:retry ID` queues a message again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { downSmtpServer } from '../support/smtpSink.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';
import { runCli } from '../support/cli.js';

let wiki: TestWiki;
beforeAll(async () => {
  // A mail server that is down: the messages wait with an error.
  wiki = await startTestWiki({ delivery: true, env: { SMTP_URL: (await downSmtpServer()).url } });
  const alice = new HttpClient(wiki.url);
  await alice.login('Alice');
  const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
  expect((await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target })).status).toBe(201);
  const end = Date.now() + 10_000;
  while ((await wiki.container.delivery.recentErrors()).length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
});
afterAll(() => wiki.close());

const cli = (args: string[]) => runCli(wiki.dataDir, args);

describe('npm run -s cli -- outbox', () => {
  it('when mail is waiting on a server that is down, then the counts, the oldest waiting and the last errors are shown', () => {
    const r = cli(['outbox', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { pending: number; sent: number; oldestPendingSeconds: number | null; errors: { id: number; error: string }[] };
    expect(out.pending + out.sent).toBeGreaterThanOrEqual(2);
    expect(out.oldestPendingSeconds).not.toBeNull();
    expect(out.errors.length).toBeGreaterThanOrEqual(2);
    const plain = cli(['outbox']);
    expect(plain.stdout).toMatch(/^pending \d+, sending \d+, sent \d+, failed \d+$/m);
  });

  it('when outbox:retry names a waiting message, then it is queued again; an unknown id exits 1', () => {
    const id = (JSON.parse(cli(['outbox', '--json']).stdout) as { errors: { id: number }[] }).errors[0]!.id;
    const r = cli(['outbox:retry', String(id)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`#${id}`);
    expect(cli(['outbox:retry', '999999']).code).toBe(1);
    expect(cli(['outbox:retry', 'abc']).code).toBe(2);
  });
});
