/** The embedded engine: SqlDatabase over one better-sqlite3 connection, its statements cached, its transactions queued. */
import type Database from 'better-sqlite3';
import { isDatabaseBusy } from './databaseErrors.js';
import type { SqlDatabase, SqlParams, TransactionOptions } from './SqlDatabase.js';
import { type OpenTransaction, TransactionScope } from './TransactionScope.js';

/** How long a grouped submission waits for another process's write lock before it is refused (503, nothing stored). */
export const LOCK_WAIT = 5_000;

interface GroupedWork {
  work: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** When it was queued (wall time: a lock is waited for in real time, whatever the app's clock says). */
  since: number;
}

/**
 * better-sqlite3 runs each statement synchronously, so a statement alone needs no queue. A transaction spans awaits,
 * though, and the connection is shared: while one is open, statements from outside it wait for it to end (they
 * would otherwise join it, and be rolled back with it).
 */
export class SqliteDatabase implements SqlDatabase {
  readonly engine = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly scope = new TransactionScope<OpenTransaction>();
  private locked = false;
  private readonly waiting: (() => void)[] = [];
  private grouped: GroupedWork[] = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private busyRetries = 0;

  constructor(readonly connection: Database.Database) {}

  // Not async functions: a statement with no transaction open anywhere runs at once and hands back a settled
  // promise, without the bookkeeping of an async function or a look at which transaction the caller is in.
  all<Row>(sql: string, params?: SqlParams): Promise<Row[]> {
    return this.execute(sql, params, 'all') as Promise<Row[]>;
  }

  get<Row>(sql: string, params?: SqlParams): Promise<Row | undefined> {
    return this.execute(sql, params, 'get') as Promise<Row | undefined>;
  }

  async run(sql: string, params?: SqlParams): Promise<{ changes: number }> {
    const result = (await this.execute(sql, params, 'run')) as Database.RunResult;
    return { changes: result.changes };
  }

  private execute(sql: string, params: SqlParams | undefined, how: 'all' | 'get' | 'run'): Promise<unknown> {
    if (this.mustWait()) return this.outside(() => bind(this.statement(sql), params, how));
    try {
      return Promise.resolve(bind(this.statement(sql), params, how));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async transaction<T>(work: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const open = this.scope.here();
    if (open) return this.savepoint(open, work);
    if (options.grouped) return this.enqueue(work);
    await this.lock();
    try {
      this.connection.exec('BEGIN IMMEDIATE');
      try {
        const value = await this.scope.run({ depth: 0, ended: false }, work);
        this.connection.exec('COMMIT');
        return value;
      } catch (error) {
        if (this.connection.inTransaction) this.connection.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.unlock();
    }
  }

  async runAlone<T>(_key: string, work: () => Promise<T>): Promise<T | null> {
    return work();
  }

  async version(): Promise<string> {
    return (await this.get<{ v: string }>('SELECT sqlite_version() AS v'))!.v;
  }

  async close(): Promise<void> {
    if (this.connection.open) this.connection.close();
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** A statement from outside an open transaction of this connection waits for it. */
  private mustWait(): boolean {
    return this.locked && this.scope.here() === undefined;
  }

  /** Runs a statement once no transaction is open (it takes no lock itself: it runs at once, in one piece). */
  private async outside<T>(statement: () => T): Promise<T> {
    while (this.locked) await this.wakeUp();
    return statement();
  }

  // The check and the taking are one step: two waiters woken together must not both find the lock free.
  private async lock(): Promise<void> {
    while (this.locked) await this.wakeUp();
    this.locked = true;
  }

  /** Resolves at the next unlock. */
  private wakeUp(): Promise<void> {
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Wakes everything waiting: statements run, and the first transaction to resume takes the lock again. */
  private unlock(): void {
    this.locked = false;
    for (const wake of this.waiting.splice(0)) wake();
  }

  // A full disk or an I/O error can end the whole transaction: then there is no savepoint to go back to.
  private savepoint<T>(open: OpenTransaction, work: () => Promise<T>): Promise<T> {
    return this.scope.savepoint(open, (sql) => this.connection.exec(sql), work, () => this.connection.inTransaction);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.grouped.push({ work, resolve: resolve as (value: unknown) => void, reject, since: Date.now() });
      if (this.grouped.length === 1 && !this.retryTimer) setImmediate(() => void this.commitGroup());
    });
  }

  /**
   * The submissions of one turn of the event loop share one transaction taken at once (BEGIN IMMEDIATE: a count and
   * an insert cannot interleave with another process), each in its own savepoint; a failed commit fails them all.
   */
  private async commitGroup(): Promise<void> {
    await this.lock();
    const batch = this.grouped;
    this.grouped = [];
    if (batch.length === 0) return this.unlock();
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      try {
        this.connection.exec('BEGIN IMMEDIATE');
      } catch (error) {
        // (#17) Another process holds the write lock and nothing of this turn ran. SQLite's own busy wait would freeze
        // every request for as long; the turn is tried again a little later, each submission for LOCK_WAIT at most.
        if (!isDatabaseBusy(error)) throw error;
        const now = Date.now();
        for (const job of batch) if (now - job.since >= LOCK_WAIT) job.reject(error);
        const waiting = batch.filter((job) => now - job.since < LOCK_WAIT);
        if (waiting.length > 0) this.retryLater(waiting);
        return;
      }
      const open: OpenTransaction = { depth: 0, ended: false };
      await this.scope.run(open, async () => {
        for (const job of batch) {
          if (!this.connection.inTransaction) {
            outcomes.push({ ok: false, error: new Error('the transaction of this group was rolled back') });
            continue;
          }
          try {
            outcomes.push({ ok: true, value: await this.savepoint(open, job.work) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
      // A full disk or an I/O error can make SQLite roll back the whole transaction: then nothing of this turn is
      // stored, and every submission must hear so (none may run on outside the transaction).
      if (!this.connection.inTransaction) {
        const cause = outcomes.find((o) => !o.ok);
        throw cause && !cause.ok ? cause.error : new Error('the transaction was rolled back');
      }
      this.connection.exec('COMMIT');
    } catch (error) {
      if (this.connection.inTransaction) this.connection.exec('ROLLBACK');
      for (const job of batch) job.reject(error);
      return;
    } finally {
      this.unlock();
    }
    this.busyRetries = 0;
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  /** Puts a locked-out turn back in front of the queue and tries again after 10 ms, doubling to 250 ms. */
  private retryLater(waiting: GroupedWork[]): void {
    this.grouped = [...waiting, ...this.grouped];
    const delay = Math.min(250, 10 * 2 ** Math.min(5, this.busyRetries));
    this.busyRetries += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.commitGroup();
    }, delay);
  }
}

function bind(statement: Database.Statement, params: SqlParams | undefined, how: 'all' | 'get' | 'run'): unknown {
  if (params === undefined) return statement[how]();
  if (Array.isArray(params)) return statement[how](...(params as unknown[]));
  return statement[how](params);
}
