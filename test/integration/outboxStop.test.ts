// The mail worker's stop and alarms under faults, as a review found them (#17): a delivery not yet written is
// written at stop, never sent again; a stop waits for every send in flight; one refused address is not an outage;
// every alarm line is written.
import { afterEach, expect, it, vi } from 'vitest';
import { OutboxRepository } from '../../src/delivery/OutboxRepository.js';
import { OutboxWorker } from '../../src/delivery/OutboxWorker.js';
import { SmtpMailer } from '../../src/delivery/SmtpMailer.js';
import { systemClock } from '../../src/shared/Clock.js';
import { createLogger, MemoryLogger } from '../../src/shared/Logger.js';
import { startOutboxWorker } from '../support/outboxWorker.js';
import { SqliteDatabase } from '../../src/storage/SqliteDatabase.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  while (cleanups.length) await cleanups.pop()!();
});
async function eventually(condition: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error('the condition never held');
    await new Promise((r) => setTimeout(r, 20));
  }
}
const composer = { compose: async (m: { messageId: string }) => ({ from: 'w@example.org', to: ['ts@example.org'], subject: 's', text: 't', html: 'h', messageId: m.messageId, headers: {}, date: new Date() }) };

it('when a delivery could not be written and the app stops before the next try, then stop writes it, and the next start does not send it again', async () => {
  const s = await startOutboxWorker({ mailboxDelayMs: 300 });
  cleanups.push(() => s.close());
  await s.lockWhileAtMailbox();
  await s.sink.waitFor(1);
  await eventually(() => s.logger.lines.some((l) => l.message === 'the mail worker could not use the outbox; it tries again shortly'));
  s.other.exec('ROLLBACK');
  await s.worker.stop();
  expect(s.state()).toBe('sent');
  const mailer = new SmtpMailer({ url: s.sink.url, plain: true });
  const next = new OutboxWorker(new OutboxRepository(new SqliteDatabase(s.db)), composer, mailer, systemClock, new MemoryLogger());
  await next.start();
  await new Promise((r) => setTimeout(r, 500));
  await next.stop();
  await mailer.close();
  expect(s.sink.received).toHaveLength(1);
});

it('when one outcome cannot be written while another message is still at the mailbox, then stop waits for that send too', async () => {
  const s = await startOutboxWorker();
  cleanups.push(() => s.close());
  s.queueMessage('RI-A');
  s.queueMessage('RI-B');
  const delivered: string[] = [];
  const mailer = {
    send: (m: { messageId: string }) => new Promise<void>((resolve) => setTimeout(() => (delivered.push(m.messageId), resolve()), m.messageId === '<RI-A@wiki>' ? 100 : 1500)),
    verify: async () => ({ ok: true as const }),
    close: async () => {},
  };
  const worker = new OutboxWorker(new OutboxRepository(new SqliteDatabase(s.db)), composer, mailer, systemClock, new MemoryLogger());
  await worker.start();
  await new Promise((r) => setTimeout(r, 50));
  s.other.exec('BEGIN IMMEDIATE');
  await new Promise((r) => setTimeout(r, 100));
  s.other.exec('ROLLBACK');
  await worker.stop();
  expect(delivered).toEqual(['<RI-A@wiki>', '<RI-B@wiki>']);
  expect(s.db.prepare("SELECT count(*) FROM outbox WHERE state = 'sent'").pluck().get()).toBe(2);
});

it('when the server refuses one Trust & Safety address for an hour (550), then other mail keeps its own backoff: a refused address is not an outage', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const s = await startOutboxWorker();
  cleanups.push(() => s.close());
  for (let i = 0; i < 3; i++) s.queueMessage(`RI-TS${i}`, 'trust-and-safety', Date.now());
  s.queueMessage('RI-R', 'receipt', Date.now());
  let receiptTries = 0;
  const mailer = {
    send: async (m: { messageId: string }) => {
      if (m.messageId === '<RI-R@wiki>') receiptTries++;
      throw Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 });
    },
    verify: async () => ({ ok: true as const }),
    close: async () => {},
  };
  const worker = new OutboxWorker(new OutboxRepository(new SqliteDatabase(s.db)), composer, mailer, systemClock, new MemoryLogger());
  await worker.start();
  await vi.advanceTimersByTimeAsync(3600_000);
  await worker.stop();
  // Doubling from 5 s to 15 minutes: about ten tries in an hour (the review measured 722).
  expect(receiptTries).toBeLessThan(20);
});

it('when 25 messages are over an hour old, then the alarm writes a line for each of them', async () => {
  const s = await startOutboxWorker();
  cleanups.push(() => s.close());
  const lines: string[] = [];
  const logger = createLogger('info', (l) => lines.push(l));
  for (let i = 0; i < 25; i++) s.queueMessage(`RI-${i}`, 'receipt', 0);
  s.db.exec("UPDATE outbox SET state = 'failed', last_error = 'x'");
  const worker = new OutboxWorker(new OutboxRepository(new SqliteDatabase(s.db)), composer, { send: async () => {}, verify: async () => ({ ok: true as const }), close: async () => {} }, systemClock, logger);
  await worker.drain();
  expect(lines.filter((l) => l.includes('mail still not delivered after an hour'))).toHaveLength(25);
});
