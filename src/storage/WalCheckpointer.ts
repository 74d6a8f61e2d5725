/** Copies the write-ahead log into the database file from a worker thread, so no request waits for a checkpoint. */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../shared/Logger.js';
import type { Db } from './openDatabase.js';

/**
 * Left to itself, SQLite checkpoints inside the commit that takes the log past 1,000 pages: that request copies some
 * 4 MB and waits for two fsyncs, on the event loop every other request waits on too. In a report spike that was one
 * request in twenty and a fifth of the app's time. The worker has its own connection and checkpoints without
 * blocking anyone (PASSIVE); the app's connection keeps a much later threshold of its own in case the worker stops.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** The log may grow to this many pages (of 4 KiB) before the app's own connection checkpoints: only if the worker is gone. */
export const BACKSTOP_PAGES = 10_000;

export class WalCheckpointer {
  private worker: Worker | null = null;

  constructor(
    /** The app's connection; the worker opens the same file (db.name). */
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly everyMs = 200,
  ) {}

  start(): void {
    if (this.db.memory) return;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: this.db.name, everyMs: this.everyMs },
      // None of the parent's node flags: its source is CommonJS whatever the parent runs as (--input-type, tsx).
      execArgv: [],
      // It holds no data: a small heap is plenty.
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
    });
    worker.on('message', (m: { error?: string }) => {
      if (m.error) this.logger.warn('a checkpoint of the database log failed; the next one will try again', { error: m.error });
    });
    worker.on('error', (error) => {
      this.logger.error('the checkpoint worker stopped; the app checkpoints the log itself from now on', { error: error.message });
      this.fallBack();
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.fallBack();
    });
    worker.unref();
    this.worker = worker;
    this.db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  }

  /** Stops the worker after one last checkpoint. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    // Unreferenced, the worker would not keep the process alive while it is awaited: at shutdown, with nothing else
    // left, node would exit here, before the caller closes the database.
    worker.ref();
    worker.postMessage('stop');
    await exited;
    this.fallBack();
  }

  private fallBack(): void {
    this.worker = null;
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }
}
