// While a slow mailbox holds the worker's window full, each new report wakes the worker at a constant cost
// (src/delivery/OutboxWorker.ts): it used to race every message in flight, leaving a reaction on each per wake-up.
import { createHook } from 'node:async_hooks';
import { afterEach, expect, it } from 'vitest';
import { startOutboxWorker } from '../support/outboxWorker.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

it('when reports keep coming while ten messages wait on a slow mailbox, then a wake-up makes a few promises, not one per message in flight', async () => {
  const { worker, queueMessage, close } = await startOutboxWorker({ mailboxDelayMs: 3000, parse: false });
  cleanups.push(close);
  for (let i = 0; i < 10; i++) queueMessage(`RI-${i}`);
  await worker.start();
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
