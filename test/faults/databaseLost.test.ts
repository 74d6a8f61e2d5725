// PostgreSQL lost while the wiki runs (a restart, a network cut, played here by a TCP proxy the test closes):
// every request answers 503 "nothing was stored", nothing is half-stored, and the wiki serves again by itself once
// the database answers, without a restart. Runs only with TEST_DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildWiki, startChildWiki } from '../support/childWiki.js';
import { HttpClient } from '../support/HttpClient.js';
import { newSchema, testDatabaseUrl, urlWithSchema } from '../support/postgres.js';
import { csrfToken, postReport } from '../support/reporting.js';

/** A TCP proxy to the database that can be cut (connections dropped, new ones refused) and opened again. */
class CuttableProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe.skipIf(!testDatabaseUrl)('PostgreSQL lost while the wiki runs', () => {
  let proxy: CuttableProxy;
  let wiki: ChildWiki;
  let dir: string;
  let schema: { schema: string; drop: () => Promise<void> };

  beforeAll(async () => {
    const target = new URL(testDatabaseUrl!);
    proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.open();
    schema = await newSchema();
    const viaProxy = new URL(urlWithSchema(schema.schema));
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    dir = mkdtempSync(path.join(tmpdir(), 'wiki-lost-'));
    wiki = await startChildWiki({ DATABASE_URL: viaProxy.toString(), DATA_DIR: dir, DEMO_SEED: '1' });
  }, 60_000);

  afterAll(async () => {
    wiki.child.kill('SIGTERM');
    await wiki.exited;
    await proxy.cut();
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const reportCount = async () => {
    const client = new pg.Client({ connectionString: urlWithSchema(schema.schema) });
    await client.connect();
    // This test's reports only: the demo files its own at first start (#21).
    const n = (await client.query<{ n: string }>("SELECT count(*) AS n FROM reports WHERE page_title LIKE 'Lost%'")).rows[0]!.n;
    await client.end();
    return Number(n);
  };

  it('when the database stops answering, then pages and reports answer 503 saying nothing was stored; when it answers again, then the same process serves and stores again', async () => {
    const alice = new HttpClient(wiki.url);
    expect((await alice.login('Alice')).status).toBe(303);
    const token = await csrfToken(alice);
    const report = (page: string) => postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', revisionId: 0, page, details: 'during the outage' }, token);
    expect((await alice.get('/wiki/Talk:African_wild_dog')).status).toBe(200);

    await proxy.cut();
    const page = await alice.get('/wiki/Talk:African_wild_dog?uselang=en');
    expect(page.status).toBe(503);
    expect(page.text).toContain('Nothing you submitted was stored');
    const refused = await report('Talk:Lost 1');
    expect(refused.status).toBe(503);
    // The log says so for the operator.
    expect(wiki.log()).toContain('"code":"ECONNREFUSED"');

    await proxy.open();
    let again = await alice.get('/wiki/Talk:African_wild_dog');
    for (let i = 0; i < 20 && again.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      again = await alice.get('/wiki/Talk:African_wild_dog');
    }
    expect(again.status).toBe(200);
    const stored = await report('Talk:Lost 2');
    expect(stored.status).toBe(201);
    expect(await reportCount()).toBe(1);
  });
});
