// IdleMemoryRelease: one full collection after work followed by quiet, never while busy, never twice for one burst.
import { describe, expect, it } from 'vitest';
import { eventLoopBusyShare, IdleMemoryRelease } from '../../../src/shared/IdleMemoryRelease.js';
import { createLogger } from '../../../src/shared/Logger.js';

/** A release fed a fixed sequence of busy shares, counting its collections. */
function releaseWith(shares: number[]) {
  let collections = 0;
  const release = new IdleMemoryRelease(
    () => collections++,
    () => shares.shift() ?? 0,
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
