// Three real wiki processes (npm start's entry point) on one PostgreSQL database: a newbie's concurrent reports
// spread over all three give one 201, its mail goes out once, and a configuration imported by the CLI is in force
// on every process at once. Runs only with TEST_DATABASE_URL (the line at the start of `npm test` says so).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildWiki, startChildWiki } from '../support/childWiki.js';
import { runCli } from '../support/cli.js';
import { HttpClient } from '../support/HttpClient.js';
import { newSchema, testDatabaseUrl, urlWithSchema } from '../support/postgres.js';
import { csrfToken, postReport } from '../support/reporting.js';
import { SmtpSink } from '../support/smtpSink.js';

describe.skipIf(!testDatabaseUrl)('three processes on one PostgreSQL database', () => {
  const dirs: string[] = [];
  const wikis: ChildWiki[] = [];
  let sink: SmtpSink;
  let databaseUrl: string;
  let dropSchema: () => Promise<void>;

  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wiki-multi-'));
    dirs.push(dir);
    return dir;
  };
  const start = (seed: boolean) => startChildWiki({ DATABASE_URL: databaseUrl, DATA_DIR: tempDir(), DEMO_SEED: seed ? '1' : '0', SMTP_URL: sink.url });

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    const schema = await newSchema();
    dropSchema = schema.drop;
    databaseUrl = urlWithSchema(schema.schema);
    // The first migrates and seeds; the other two find the wiki made.
    wikis.push(await start(true));
    wikis.push(...(await Promise.all([start(false), start(false)])));
  }, 120_000);

  afterAll(async () => {
    for (const w of wikis) {
      w.child.kill('SIGTERM');
      await w.exited;
    }
    await sink.stop();
    await dropSchema();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('when a newbie (one report a day) sends eight reports at once, spread over the three processes, then exactly one is accepted, stored and mailed', async () => {
    // One login: the session is in the database, so it is good on every process.
    const login = new HttpClient(wikis[0]!.url);
    expect((await login.login('Nora')).status).toBe(303);
    const token = await csrfToken(login);
    const answers = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const client = new HttpClient(wikis[i % 3]!.url);
        for (const [name, value] of login.cookies) client.cookies.set(name, value);
        const r = await postReport(client, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', revisionId: 0, page: `Talk:Multi ${i}`, details: `report ${i}` }, token);
        return { status: r.status, body: r.json<{ reportId?: string }>() };
      }),
    );
    const accepted = answers.filter((a) => a.status === 201);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 429, 429, 429, 429, 429, 429, 429]);
    const reportId = accepted[0]!.body.reportId!;
    // Its mail to Trust & Safety arrives once, whichever process's worker claimed it.
    const deadline = Date.now() + 20_000;
    const staffMail = () => sink.received.filter((m) => m.header('message-id') === `<${reportId}.trust-and-safety@127.0.0.1>`);
    while (staffMail().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1500)); // time for a second copy, were there one
    expect(staffMail()).toHaveLength(1);
    // Nothing of the refused seven was mailed: every message received is about the one report.
    expect(sink.received.map((m) => m.header('message-id')).filter((id) => !id?.startsWith(`<${reportId}.`))).toEqual([]);
  });

  it('when the CLI imports a community configuration, then every process serves it at once', async () => {
    const config = {
      ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: 'https://example.org/multi-process-admins', Email: '', ContactCommunity: '' },
    };
    const file = path.join(tempDir(), 'config.json');
    writeFileSync(file, JSON.stringify(config));
    const imported = runCli(tempDir(), ['config:import', file, '--summary', 'from the CLI'], { DATABASE_URL: databaseUrl });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    for (const w of wikis) {
      const client = new HttpClient(w.url);
      await client.login('Alice');
      const page = await client.get('/wiki/Special:ReportIncident/support/intimidation');
      expect(page.status).toBe(200);
      expect(page.text).toContain('href="https://example.org/multi-process-admins"');
    }
  });
});
