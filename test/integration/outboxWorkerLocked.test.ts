// The mail worker meets a database locked by another process, as it claims mail or as it records how a message
// went: it logs, the app keeps running, nothing is lost, and the message goes once the lock is gone.
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

it('when another process holds the write lock as the worker claims mail, then it logs, does not crash, and sends once the lock is gone', async () => {
  const { sink, logger, worker, other, queueMessage, state } = await setUp();
  await worker.start();
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
  const { sink, logger, other, lockWhileAtMailbox } = await setUp(300);
  // The message is at the mailbox (300 ms); marking it sent, or for a retry, now fails with SQLITE_BUSY.
  await lockWhileAtMailbox();
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

it('when the outbox stays locked while reports keep arriving, then the worker backs off instead of spinning, and sends once the lock is gone (#17)', async () => {
  const { sink, logger, worker, other, queueMessage, state } = await setUp();
  await worker.start();
  await new Promise((r) => setTimeout(r, 50));
  queueMessage();
  other.exec('BEGIN IMMEDIATE');
  // Three seconds of reports, each kicking the worker, as a busy wiki would.
  const end = Date.now() + 3000;
  while (Date.now() < end) {
    worker.kick();
    await new Promise((r) => setTimeout(r, 3));
  }
  const attempts = logger.lines.filter((l) => l.message === 'the mail worker could not use the outbox; it tries again shortly');
  // 0.5 s, 1 s, 2 s between tries: four at the most in three seconds (the code before tried at every kick).
  expect(attempts.length).toBeGreaterThanOrEqual(1);
  expect(attempts.length).toBeLessThanOrEqual(4);
  expect(attempts.at(-1)!.fields?.failuresInARow).toBe(attempts.length);
  other.exec('ROLLBACK');
  await sink.waitFor(1);
  await eventually(() => state() === 'sent');
});
