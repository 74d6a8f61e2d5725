// While a slow mailbox holds the worker's window full, each new report wakes the worker at a constant cost
// (src/delivery/OutboxWorker.ts): it used to race every message in flight, leaving a reaction on each per wake-up.
import { createHook } from 'node:async_hooks';
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

it('when reports keep coming while ten messages wait on a slow mailbox, then a wake-up makes a few promises, not one per message in flight', async () => {
  const db = openDatabase(':memory:');
  migrate(db);
  // Outbox rows without their reports: this test is about the worker, not the reports.
  db.pragma('foreign_keys = OFF');
  const insert = db.prepare("INSERT INTO outbox (report_id, kind, recipients, message_id, next_attempt_at, created_at) VALUES (?, 'trust-and-safety', 'ts@example.org', ?, 0, 0)");
  for (let i = 0; i < 10; i++) insert.run(`RI-${i}`, `<RI-${i}@wiki>`);
  const sink = await new SmtpSink({ parse: false }).start();
  sink.setDelay(3000);
  const mailer = new SmtpMailer({ url: sink.url, plain: true });
  const composer = {
    compose: async () => ({ from: 'wiki@example.org', to: ['ts@example.org'], subject: 'Report', text: 'text', html: '<p>html</p>', messageId: '<RI@wiki>', headers: {}, date: new Date() }),
  };
  const worker = new OutboxWorker(new OutboxRepository(db), composer, mailer, systemClock, new MemoryLogger());
  cleanups.push(async () => {
    await worker.stop();
    await mailer.close();
    await sink.stop();
    db.close();
  });

  worker.start();
  await new Promise((r) => setTimeout(r, 200)); // all ten claimed and waiting on the mailbox
  let promises = 0;
  const hook = createHook({ init: (_id, type) => void (type === 'PROMISE' && promises++) }).enable();
  const wakeUps = 500;
  for (let i = 0; i < wakeUps; i++) {
    worker.kick();
    await new Promise((r) => setImmediate(r));
  }
  hook.disable();
  // The loop's own await and this test's; racing ten messages made more than ten more each time.
  expect(promises / wakeUps).toBeLessThan(6);
});
