// `npm run -s cli -- db:copy`: the demo wiki, with a report filed and its mail sent, copied from SQLite into an empty
// PostgreSQL database; then the copy serves the same pages and logins, files new reports with new ids, and a second
// copy into it is refused. Runs only with TEST_DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createContainer } from '../../src/container.js';
import { MemoryLogger } from '../../src/shared/Logger.js';
import { runCli } from '../support/cli.js';
import { HttpClient } from '../support/HttpClient.js';
import { newSchema, testDatabaseUrl, urlWithSchema } from '../support/postgres.js';
import { postReport } from '../support/reporting.js';
import { startTestWiki, testSettings, type TestWiki } from '../support/testWiki.js';

async function fileReport(url: string, name: string, page: string): Promise<{ status: number; reportId?: string }> {
  const client = new HttpClient(url);
  expect((await client.login(name)).status).toBe(303);
  const r = await postReport(client, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', revisionId: 0, page, details: `copied wiki: ${page}` });
  return { status: r.status, ...(r.status === 201 ? { reportId: r.json<{ reportId: string }>().reportId } : {}) };
}

describe.skipIf(!testDatabaseUrl)('db:copy from SQLite into PostgreSQL', () => {
  let source: TestWiki;
  let schema: { schema: string; drop: () => Promise<void> };
  let copiedReport: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    // The SQLite wiki (this file runs in the "sqlite" project only).
    const dir = mkdtempSync(path.join(tmpdir(), 'wiki-copy-'));
    dirs.push(dir);
    source = await startTestWiki({ dataDir: dir });
    const filed = await fileReport(source.url, 'Alice', 'Talk:Before the move');
    expect(filed.status).toBe(201);
    copiedReport = filed.reportId!;
    schema = await newSchema();
  });

  afterAll(async () => {
    await source.close();
    await schema.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('when the demo wiki is copied, then every row is there, the copy serves the same wiki and files new reports, and a second copy is refused', async () => {
    const before = (await source.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM revisions'))!.n;
    const copied = runCli(source.dataDir, ['db:copy', '--to', urlWithSchema(schema.schema)]);
    expect(copied.stderr).toBe('');
    expect(copied.code).toBe(0);
    expect(copied.stdout).toMatch(/^copied \d+ rows of .*wiki\.sqlite into test on 127\.0\.0\.1:5432 \(users \d+, pages \d+, reports 1\)/);

    const dataDir = mkdtempSync(path.join(tmpdir(), 'wiki-copy-pg-'));
    dirs.push(dataDir);
    const container = createContainer(testSettings(dataDir), { logger: new MemoryLogger(), postgres: { url: testDatabaseUrl!, schema: schema.schema } });
    await container.ready();
    const app = createApp(container);
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
    try {
      expect((await container.sql.get<{ n: number }>('SELECT count(*) AS n FROM revisions'))!.n).toBe(before);
      expect((await container.reports.find(copiedReport))?.details).toBe('copied wiki: Talk:Before the move');
      const talk = await new HttpClient(url).get('/wiki/Talk:African_wild_dog');
      expect(talk.status).toBe(200);
      expect(talk.text).toContain('Keep reverting me');
      // New rows get ids after the copied ones: a new report, a new page and revision, a new session.
      const filed = await fileReport(url, 'Juniper', 'Talk:After the move');
      expect(filed.status).toBe(201);
      const juniper = new HttpClient(url);
      await juniper.login('Juniper');
      expect((await juniper.get('/wiki/Special:Preferences')).status).toBe(200);

      const again = runCli(source.dataDir, ['db:copy', '--to', urlWithSchema(schema.schema)]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('the PostgreSQL database already holds a wiki');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await container.stop();
    }
  });
});
