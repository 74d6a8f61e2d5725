/**
 * The benchmark's yardstick for report POSTs, not part of the wiki: a bare Express 5 route that checks a JSON body
 * with zod and inserts it into SQLite (WAL, one transaction a request), the "plain insert POST" the performance
 * issue names for scale. Listens on an ephemeral loopback port and prints it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import express from 'express';
import { z } from 'zod';

const dir = mkdtempSync(path.join(tmpdir(), 'wiki-bench-reference-'));
const db = new Database(path.join(dir, 'reference.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE reports (id INTEGER PRIMARY KEY, revision_id INTEGER NOT NULL, thread_id TEXT NOT NULL, incident_type TEXT NOT NULL, harm_type TEXT, details TEXT NOT NULL) STRICT');
const insert = db.prepare('INSERT INTO reports (revision_id, thread_id, incident_type, harm_type, details) VALUES (?, ?, ?, ?, ?)');
const Body = z.object({ token: z.string(), revisionId: z.number().int(), threadId: z.string(), incidentType: z.string(), physicalHarmType: z.string().optional(), details: z.string() });

const app = express();
// As the app's: the benchmark waits on it between phases.
app.get('/healthz', (_req, res) => void res.type('text').send('ok'));
app.post('/report', express.json(), (req, res) => {
  const body = Body.safeParse(req.body);
  if (!body.success) return void res.status(400).json({ error: body.error.issues[0]?.message });
  const { lastInsertRowid } = insert.run(body.data.revisionId, body.data.threadId, body.data.incidentType, body.data.physicalHarmType ?? null, body.data.details);
  res.status(201).json({ id: Number(lastInsertRowid) });
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
