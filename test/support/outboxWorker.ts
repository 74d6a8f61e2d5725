/**
 * The mail worker alone, for tests of how it sends: a migrated database file (busy_timeout 0), a second connection to
 * take its write lock as another process would, an SMTP sink, and a composer that makes the same small mail for every
 * outbox row (rows are queued without their reports: these tests are about the worker, not the reports).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OutboxRepository } from '../../src/delivery/OutboxRepository.js';
import { OutboxWorker } from '../../src/delivery/OutboxWorker.js';
import { SmtpMailer } from '../../src/delivery/SmtpMailer.js';
import { systemClock } from '../../src/shared/Clock.js';
import { MemoryLogger } from '../../src/shared/Logger.js';
import { migrate } from '../../src/storage/migrate.js';
import { openDatabase } from '../../src/storage/openDatabase.js';
import { SmtpSink } from './smtpSink.js';
import { SqliteDatabase } from '../../src/storage/SqliteDatabase.js';

export async function startOutboxWorker(options: { mailboxDelayMs?: number; parse?: boolean } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'outbox-worker-'));
  const file = path.join(dir, 'wiki.sqlite');
  const db = openDatabase(file);
  migrate(db);
  db.pragma('busy_timeout = 0');
  db.pragma('foreign_keys = OFF');
  const sink = await new SmtpSink({ parse: options.parse ?? true }).start();
  sink.setDelay(options.mailboxDelayMs ?? 0);
  const mailer = new SmtpMailer({ url: sink.url, plain: true });
  const logger = new MemoryLogger();
  const composer = {
    // Each message says which row it is (its Message-ID), so a test can tell the order they arrived in.
    compose: async (m: { messageId: string }) => ({ from: 'wiki@example.org', to: ['ts@example.org'], subject: 'Report RI-TEST', text: 'text', html: '<p>html</p>', messageId: m.messageId, headers: {}, date: new Date() }),
  };
  const worker = new OutboxWorker(new OutboxRepository(new SqliteDatabase(db)), composer, mailer, systemClock, logger);
  /** Another process's connection to the same file. */
  const other = openDatabase(file);
  const insert = db.prepare("INSERT INTO outbox (report_id, kind, recipients, message_id, next_attempt_at, created_at) VALUES (?, ?, 'ts@example.org', ?, 0, ?)");
  return {
    sink,
    logger,
    worker,
    other,
    db,
    /** Queues a message, due now, for a report id that need not exist. */
    queueMessage: (reportId = 'RI-TEST', kind = 'trust-and-safety', createdAt = 0) => void insert.run(reportId, kind, `<${reportId}@wiki>`, createdAt),
    state: (reportId = 'RI-TEST') => db.prepare('SELECT state FROM outbox WHERE message_id = ?').pluck().get(`<${reportId}@wiki>`) as string,
    /**
     * Starts the worker, queues one message and, once it is at the mailbox, takes the write lock as another process
     * would: whatever the mailbox answers, its outcome cannot be written until `other` lets go.
     */
    async lockWhileAtMailbox(): Promise<void> {
      await worker.start();
      await new Promise((r) => setTimeout(r, 50)); // its first look finds nothing
      insert.run('RI-TEST', 'trust-and-safety', '<RI-TEST@wiki>', 0);
      worker.kick();
      const end = Date.now() + 10_000;
      while (db.prepare('SELECT state FROM outbox WHERE message_id = ?').pluck().get('<RI-TEST@wiki>') !== 'sending') {
        if (Date.now() > end) throw new Error('the message was never claimed');
        await new Promise((r) => setTimeout(r, 20));
      }
      other.exec('BEGIN IMMEDIATE');
    },
    async close() {
      if (other.inTransaction) other.exec('ROLLBACK');
      await worker.stop();
      await mailer.close();
      await sink.stop();
      other.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
