/** Gives memory back to the system after a burst of work: once the process has been quiet a few seconds, one full GC. */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import type { Logger } from './Logger.js';

/**
 * V8 keeps the heap it grew during a burst (a report spike, a crawl of talk pages) for as long as the process lives:
 * its own memory reducer starts only while JavaScript keeps allocating, which an idle wiki does not. A full collection
 * once things are quiet frees the emptied pages, and the process goes back to its resting size.
 */
export class IdleMemoryRelease {
  private timer: NodeJS.Timeout | null = null;
  /** Whether there has been work since the last collection: an idle wiki is not collected again and again. */
  private worked = false;
  private quietTicks = 0;

  constructor(
    /** A full garbage collection (node --expose-gc's gc). */
    private readonly collect: () => void,
    /** The share of the time since the last call that the event loop was busy, from 0 to 1. */
    private readonly busyShare: () => number,
    private readonly logger: Logger,
    private readonly options = { tickMs: 1000, quietTicks: 3, busy: 0.1, quiet: 0.02 },
  ) {}

  start(): void {
    this.busyShare();
    this.timer = setInterval(() => this.tick(), this.options.tickMs);
    // The timer alone must not keep the process alive.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One look at the event loop; collects when work was followed by `quietTicks` quiet looks. Returns whether it did. */
  tick(): boolean {
    const share = this.busyShare();
    if (share >= this.options.busy) this.worked = true;
    this.quietTicks = share <= this.options.quiet ? this.quietTicks + 1 : 0;
    if (!this.worked || this.quietTicks < this.options.quietTicks) return false;
    this.worked = false;
    const before = process.memoryUsage().rss;
    const started = performance.now();
    this.collect();
    // The collection's own time is not work: counted in the next look, a long one would set off the next.
    this.busyShare();
    this.logger.info('memory released after a burst', { rssBeforeMiB: Math.round(before / 1048576), gcMs: Math.round(performance.now() - started) });
    return true;
  }
}

/** The event loop's busy share between calls, from Node's event loop utilisation. */
export function eventLoopBusyShare(): () => number {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const share = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    return share;
  };
}

/**
 * A full collection that also compacts: gc() alone leaves every page that still holds a live object mapped, and after a
 * burst most pages hold a few. V8 reads this flag at each full collection, so it is set for this one only.
 */
export function compactingCollection(gc: () => void): () => void {
  return () => {
    v8.setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      v8.setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}
