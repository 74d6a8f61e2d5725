/** The one seam between repositories and the database engines: SQL in, rows out, asynchronously, in transactions. */

export type SqlValue = string | number | bigint | null | Buffer;

/** Positional parameters (`?`) or named ones (`@name`); one statement uses one style. */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

export type Engine = 'sqlite' | 'postgres';

export interface TransactionOptions {
  /**
   * Submissions that may be grouped with others of the same moment into one commit (SQLite writes the log once for
   * all of them), each in its own savepoint so that one that fails is rolled back alone. PostgreSQL commits each.
   */
  grouped?: boolean;
  /**
   * Transactions with the same key run one after another, in every process (PostgreSQL: a transaction-scoped advisory
   * lock). SQLite needs none: its write transactions run one at a time anyway.
   */
  serializeOn?: string;
}

export interface SqlDatabase {
  readonly engine: Engine;
  all<Row>(sql: string, params?: SqlParams): Promise<Row[]>;
  get<Row>(sql: string, params?: SqlParams): Promise<Row | undefined>;
  /** A statement that returns no rows; how many rows it changed. */
  run(sql: string, params?: SqlParams): Promise<{ changes: number }>;
  /**
   * Runs work in one transaction. Every statement made through this object while work runs (by any repository)
   * joins it; a transaction inside another is a savepoint. Work must only await the database: nothing else may
   * hold a transaction open.
   */
  transaction<T>(work: () => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Runs scheduled work (retention) in one process at a time: work under the same key elsewhere makes this wait
   * (`wait`) or skip it (null). PostgreSQL: a session advisory lock; SQLite has one process to speak of.
   */
  runAlone<T>(key: string, work: () => Promise<T>, options?: { wait?: boolean }): Promise<T | null>;
  /** The engine's version (siteinfo's dbversion): SQLite's library, or the PostgreSQL server's. */
  version(): Promise<string>;
  close(): Promise<void>;
}
