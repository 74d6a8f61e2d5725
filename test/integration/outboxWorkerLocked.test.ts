// The mail worker meets a database locked by another process, as it claims mail or as it records how a message
// went: it logs, the app keeps running, nothing is lost, and the message goes once the lock is gone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { OutboxRepository } from '../../src/delivery/OutboxRepository.js';
import { OutboxWorker } from '../../src/delivery/OutboxWorker.js';
import { SmtpMailer } from '../../src/delivery/SmtpMailer.js';
import { systemClock } from '../../src/shared/Clock.js';
import { MemoryLogger } from '../../src/shared/Logger.js';
import { migrate } from '../../src/storage/migrate.js';
import { openDatabase } from '../../src/storage/openDatabase.js';
import { SmtpSink } from '../support/smtpSink.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A worker on a database file with busy_timeout 0, a second connection to take the write lock, and a mailbox. */
async function setUp(mailboxDelayMs = 0) {
  const dir = mkdtempSync(path.join(tmpdir(), 'outbox-locked-'));
  const file = path.join(dir, 'wiki.sqlite');
  const db = openDatabase(file);
  migrate(db);
  db.pragma('busy_timeout = 0');
  // An outbox row without its report: these tests are about the worker, not the report.
  db.pragma('foreign_keys = OFF');
  const sink = await new SmtpSink().start();
  sink.setDelay(mailboxDelayMs);
  const mailer = new SmtpMailer({ url: sink.url, plain: true });
  const logger = new MemoryLogger();
  const composer = {
    compose: async () => ({ from: 'wiki@example.org', to: ['ts@example.org'], subject: 'Report RI-TEST', text: 'text', html: '<p>html</p>', messageId: '<RI-TEST@wiki>', headers: {}, date: new Date() }),
  };
  const worker = new OutboxWorker(new OutboxRepository(db), composer, mailer, systemClock, logger);
  const other = openDatabase(file);
  cleanups.push(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    await worker.stop();
    await mailer.close();
    await sink.stop();
    other.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const queueMessage = () =>
    db.prepare("INSERT INTO outbox (report_id, kind, recipients, message_id, next_attempt_at, created_at) VALUES ('RI-TEST', 'trust-and-safety', '[\"ts@example.org\"]', '<RI-TEST@wiki>', 0, 0)").run();
  const state = () => db.prepare("SELECT state FROM outbox WHERE message_id = '<RI-TEST@wiki>'").pluck().get() as string;
  return { sink, logger, worker, other, queueMessage, state };
}

it('when another process holds the write lock as the worker claims mail, then it logs, does not crash, and sends once the lock is gone', async () => {
  const { sink, logger, worker, other, queueMessage, state } = await setUp();
  worker.start();
  await new Promise((r) => setTimeout(r, 50)); // its first look finds nothing
  queueMessage();
  other.exec('BEGIN IMMEDIATE');
  worker.kick();
  await eventually(() => logger.lines.some((l) => l.message === 'the mail worker could not use the outbox; it tries again shortly'));
  expect(sink.received).toHaveLength(0);
  other.exec('ROLLBACK');
  worker.kick();
  await sink.waitFor(1);
  expect(sink.received[0]!.envelopeTo).toEqual(['ts@example.org']);
  await eventually(() => state() === 'sent');
});

it('when the lock is taken while a message is at the mailbox, so its outcome cannot be written, then the worker logs it and the process goes on', async () => {
  const { sink, logger, worker, other, queueMessage, state } = await setUp(300);
  worker.start();
  await new Promise((r) => setTimeout(r, 50));
  queueMessage();
  worker.kick();
  await eventually(() => state() === 'sending');
  // The message is at the mailbox (300 ms); marking it sent, or for a retry, now fails with SQLITE_BUSY.
  other.exec('BEGIN IMMEDIATE');
  await sink.waitFor(1);
  // An unhandled rejection here would fail the test run (and stop the app: main.ts exits on one).
  await eventually(() => logger.lines.some((l) => l.message === 'the mail worker could not use the outbox; it tries again shortly'));
  other.exec('ROLLBACK');
});

async function eventually(condition: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error('the condition never held');
    await new Promise((r) => setTimeout(r, 20));
  }
}
