// IdleMemoryRelease: one full collection after work followed by quiet, never while busy, never twice for one burst.
import { describe, expect, it } from 'vitest';
import { eventLoopBusyShare, IdleMemoryRelease } from '../../../src/shared/IdleMemoryRelease.js';
import { createLogger } from '../../../src/shared/Logger.js';

/** A release fed a fixed sequence of busy shares, one a tick, counting its collections (which take no time here). */
function releaseWith(shares: number[]) {
  let collections = 0;
  let justCollected = false;
  const release = new IdleMemoryRelease(
    () => {
      collections++;
      justCollected = true;
    },
    () => {
      if (!justCollected) return shares.shift() ?? 0;
      justCollected = false;
      return 0;
    },
    createLogger('error', () => {}),
  );
  const ticks = (n: number) => Array.from({ length: n }, () => release.tick());
  return { ticks, collections: () => collections };
}

describe('IdleMemoryRelease', () => {
  it('when a burst is followed by three quiet seconds, then it collects once, on the third', () => {
    const r = releaseWith([0.9, 0.8, 0.01, 0.01, 0.01, 0, 0, 0, 0]);
    expect(r.ticks(9)).toEqual([false, false, false, false, true, false, false, false, false]);
    expect(r.collections()).toBe(1);
  });

  it('when the process has only ever been idle, then it never collects', () => {
    const r = releaseWith(Array.from({ length: 20 }, () => 0.001));
    r.ticks(20);
    expect(r.collections()).toBe(0);
  });

  it('when work goes on, with short pauses, then it waits for a pause of three quiet seconds', () => {
    const r = releaseWith([0.5, 0.01, 0.01, 0.4, 0.01, 0.3, 0.01, 0.01, 0.01]);
    expect(r.ticks(9).indexOf(true)).toBe(8);
    expect(r.collections()).toBe(1);
  });

  it('when the load is light but not quiet (between the thresholds), then it does not collect in the middle of it', () => {
    const r = releaseWith([0.5, ...Array.from({ length: 10 }, () => 0.05)]);
    r.ticks(11);
    expect(r.collections()).toBe(0);
  });

  it('when a second burst comes after a collection, then the next quiet spell collects again', () => {
    const r = releaseWith([0.5, 0, 0, 0, 0.6, 0, 0, 0]);
    expect(r.ticks(8)).toEqual([false, false, false, true, false, false, false, true]);
  });

  it('when the collection itself keeps the loop busy (150 ms of a second), then that is not taken for new work', () => {
    // A loop that is busy for `busyMs` and then idle: the share is busy time over time since the last look.
    let busyMs = 0;
    const tick = 1000;
    let collections = 0;
    const release = new IdleMemoryRelease(
      () => {
        collections++;
        busyMs += 150;
      },
      () => {
        const share = busyMs / tick;
        busyMs = 0;
        return Math.min(1, share);
      },
      createLogger('error', () => {}),
    );
    busyMs = 900;
    for (let i = 0; i < 30; i++) release.tick();
    expect(collections).toBe(1);
  });
});

describe('eventLoopBusyShare', () => {
  it('when the loop was blocked for most of the interval, then the share is high, and low for a following idle wait', async () => {
    const share = eventLoopBusyShare();
    const until = Date.now() + 60;
    while (Date.now() < until) {
      // Busy on purpose: the event loop does nothing else.
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(share()).toBeGreaterThan(0.5);
    await new Promise((r) => setTimeout(r, 100));
    expect(share()).toBeLessThan(0.5);
  });
});
