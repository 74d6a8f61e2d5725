// The mail worker under faults (#17): Trust & Safety's mail before receipts, mail sent again promptly when the
// server answers again, no message stranded in "sending", a delivered message never sent twice, and the hour's
// alarm for every message not delivered.
import { afterEach, expect, it } from 'vitest';
import { startOutboxWorker } from '../support/outboxWorker.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setUp(mailboxDelayMs = 0) {
  const started = await startOutboxWorker({ mailboxDelayMs });
  cleanups.push(() => started.close());
  return started;
}

async function eventually(condition: () => boolean, limitMs = 10_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('the condition never held');
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('when twenty receipts wait and an emergency mail comes last, then the emergency goes in the first batch, not after the receipts', async () => {
  const { sink, worker, queueMessage } = await setUp(200);
  for (let i = 0; i < 20; i++) queueMessage(`RI-RECEIPT-${i}`, 'receipt');
  queueMessage('RI-STAFF', 'trust-and-safety');
  await worker.start();
  await sink.waitFor(21);
  const order = sink.received.map((m) => m.parsed.messageId);
  // Ten are in flight at once: the emergency is among the first ten to arrive (before, it waited for ten receipts).
  expect(order.indexOf('<RI-STAFF@wiki>')).toBeLessThan(10);
});

it('when the mail server refuses for a while and answers again, then the waiting emergency mail goes within seconds, not at its backoff timer', { timeout: 60_000 }, async () => {
  const { sink, worker, queueMessage, db } = await setUp();
  sink.failing = true;
  queueMessage('RI-STAFF', 'trust-and-safety');
  await worker.start();
  // Three refusals: the next retry would be 10 to 20 s away.
  await eventually(() => (db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending' AND attempts >= 3").pluck().get() as number) === 1, 40_000);
  sink.failing = false;
  const recovered = Date.now();
  await sink.waitFor(1);
  expect(Date.now() - recovered).toBeLessThan(8_000);
});

it('when a message was claimed and its lease ran out without an outcome (a stuck send), then it is queued again while the app runs and sent', async () => {
  const { sink, worker, db } = await setUp();
  await worker.start();
  await new Promise((r) => setTimeout(r, 50));
  db.prepare("INSERT INTO outbox (report_id, kind, recipients, message_id, state, attempts, next_attempt_at, created_at) VALUES ('RI-STUCK', 'trust-and-safety', 'ts@example.org', '<RI-STUCK@wiki>', 'sending', 1, ?, ?)").run(Date.now() - 1000, Date.now() - 400_000);
  worker.kick();
  await sink.waitFor(1);
  expect(sink.received[0]!.parsed.messageId).toBe('<RI-STUCK@wiki>');
});

it('when a message is delivered while its outcome cannot be written, then it is recorded as sent once the database allows, and never sent again', async () => {
  const { sink, other, state, logger, lockWhileAtMailbox } = await setUp(300);
  await lockWhileAtMailbox();
  await sink.waitFor(1);
  await eventually(() => logger.lines.some((l) => l.message === 'the mail worker could not use the outbox; it tries again shortly'));
  other.exec('ROLLBACK');
  await eventually(() => state() === 'sent');
  await new Promise((r) => setTimeout(r, 1500));
  expect(sink.received).toHaveLength(1);
  expect(logger.lines.filter((l) => l.message === 'mail not sent; will retry')).toEqual([]);
});

it('when a message has been in "sending" for over an hour with no error written, then the hour\'s alarm names it too', async () => {
  const { worker, db, logger } = await setUp();
  await worker.start();
  await new Promise((r) => setTimeout(r, 50));
  // Claimed (its lease still running) by a send that never came back.
  db.prepare("INSERT INTO outbox (report_id, kind, recipients, message_id, state, attempts, next_attempt_at, created_at) VALUES ('RI-OLD', 'trust-and-safety', 'ts@example.org', '<RI-OLD@wiki>', 'sending', 1, ?, ?)").run(Date.now() + 600_000, Date.now() - 2 * 3600_000);
  worker.kick();
  await eventually(() => logger.lines.some((l) => l.message === 'mail still not delivered after an hour' && l.fields?.state === 'sending'));
});

it('when the server refuses a message while another process holds the lock, so "retry later" cannot be written, then it is written once the lock goes and the message is retried at its time, not stranded (D1)', { timeout: 30_000 }, async () => {
  const { sink, other, state, lockWhileAtMailbox } = await setUp(300);
  sink.failing = true;
  // The refusal comes while the lock is held: its outcome cannot be written.
  await lockWhileAtMailbox();
  await new Promise((r) => setTimeout(r, 2000));
  other.exec('ROLLBACK');
  sink.failing = false;
  const released = Date.now();
  await eventually(() => state() === 'pending' || state() === 'sent', 5_000);
  await sink.waitFor(1);
  expect(Date.now() - released).toBeLessThan(12_000);
});
