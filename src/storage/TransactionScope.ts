/**
 * Which transaction the calling code runs in, for both engines: the repositories' statements join it without being
 * handed it. A transaction inside another is a savepoint.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface OpenTransaction {
  /** Savepoints opened inside, for their names. */
  depth: number;
  /** Ended: work it started that runs on (a callback, a timer) is outside it, and runs like any other. */
  ended: boolean;
}

export class TransactionScope<T extends OpenTransaction> {
  private readonly current = new AsyncLocalStorage<T>();

  /** The transaction the calling code runs in, if it is still open. */
  here(): T | undefined {
    const open = this.current.getStore();
    return open && !open.ended ? open : undefined;
  }

  /** Runs work inside `open`, which ends with it (the engine commits or rolls back after). */
  async run<R>(open: T, work: () => Promise<R>): Promise<R> {
    try {
      return await this.current.run(open, work);
    } finally {
      open.ended = true;
    }
  }

  /**
   * Runs work in a savepoint of `open`: undone alone if it throws. `stillOpen` says whether the engine's transaction
   * survived the error (SQLite ends it on a full disk): then there is no savepoint to go back to.
   */
  async savepoint<R>(open: T, execute: (sql: string) => unknown, work: () => Promise<R>, stillOpen: () => boolean = () => true): Promise<R> {
    const name = `sp${++open.depth}`;
    await execute(`SAVEPOINT ${name}`);
    try {
      const value = await work();
      await execute(`RELEASE SAVEPOINT ${name}`);
      return value;
    } catch (error) {
      if (stillOpen()) {
        await execute(`ROLLBACK TO SAVEPOINT ${name}`);
        await execute(`RELEASE SAVEPOINT ${name}`);
      }
      throw error;
    } finally {
      open.depth--;
    }
  }
}
