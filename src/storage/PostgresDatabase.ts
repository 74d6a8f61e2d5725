/** The engine for many app processes: SqlDatabase over a node-postgres pool, each transaction on a client of its own. */
import pg from 'pg';
import type { SqlDatabase, SqlParams, TransactionOptions } from './SqlDatabase.js';
import { type OpenTransaction as Open, TransactionScope } from './TransactionScope.js';
import { lockKey } from './advisoryLock.js';

interface OpenTransaction extends Open {
  client: pg.PoolClient;
}

/** A statement in PostgreSQL's numbered form ($1, $2…), and the order of the names its @name parameters had. */
interface Translated {
  text: string;
  names: string[] | null;
  /** The name it is prepared under on each connection, so that the server parses and plans it once. */
  statement: string;
}

/**
 * Counts and sums come back as BIGINT or NUMERIC, which node-postgres gives as strings (they may pass 2^53). The
 * app's numbers (milliseconds, ids, counts) stay far below, and SQLite gives them as numbers: so do we.
 */
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** The schema to use instead of public (each test file gets its own). */
  schema?: string;
  /** Connections in the pool. */
  max?: number;
}

export class PostgresDatabase implements SqlDatabase {
  readonly engine = 'postgres' as const;
  private readonly translated = new Map<string, Translated>();
  private readonly scope = new TransactionScope<OpenTransaction>();

  /** Statements wait for this first: the migrations, run when the app starts. */
  private gate: Promise<unknown> | null = null;

  constructor(readonly pool: pg.Pool) {}

  /** Makes every statement wait until `ready` settles (a failure then fails them too). */
  waitFor(ready: Promise<unknown>): void {
    this.gate = ready;
    ready.then(
      () => {
        if (this.gate === ready) this.gate = null;
      },
      () => {},
    );
  }

  static connect(url: string, options: PostgresOptions = {}): PostgresDatabase {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      types,
      connectionTimeoutMillis: 5_000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // An idle client that loses its connection (the server restarted) must not crash the process: the pool drops it.
    pool.on('error', () => {});
    return new PostgresDatabase(pool);
  }

  async all<Row>(sql: string, params?: SqlParams): Promise<Row[]> {
    return (await this.query(sql, params)).rows as Row[];
  }

  async get<Row>(sql: string, params?: SqlParams): Promise<Row | undefined> {
    return (await this.query(sql, params)).rows[0] as Row | undefined;
  }

  async run(sql: string, params?: SqlParams): Promise<{ changes: number }> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }

  async transaction<T>(work: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const open = this.scope.here();
    if (open) return this.scope.savepoint(open, (sql) => open.client.query(sql), work);
    if (this.gate) await this.gate;
    const client = await this.pool.connect();
    let broken = false;
    try {
      // Transactions about the same thing (one reporter's rate limit and duplicates) run one after another, whichever
      // process runs them; the lock ends with the transaction. Sent with BEGIN, as one round trip (a simple query:
      // the key is a literal, escaped by the driver).
      await client.query(options.serializeOn === undefined ? 'BEGIN' : `BEGIN; SELECT pg_advisory_xact_lock(${lockKey('transaction', client.escapeLiteral(options.serializeOn))})`);
      const value = await this.scope.run({ client, depth: 0, ended: false }, work);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      // A client whose connection failed mid-transaction is closed, not handed to the next request.
      client.release(broken);
    }
  }

  async runAlone<T>(key: string, work: () => Promise<T>, options: { wait?: boolean } = {}): Promise<T | null> {
    if (this.gate) await this.gate;
    // A session lock on a client of its own, held while the work runs its statements on the pool.
    const client = await this.pool.connect();
    const lock = lockKey('session', '$1');
    try {
      if (options.wait) await client.query(`SELECT pg_advisory_lock(${lock})`, [key]);
      else if (!(await client.query<{ got: boolean }>(`SELECT pg_try_advisory_lock(${lock}) AS got`, [key])).rows[0]?.got) return null;
      try {
        return await work();
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${lock})`, [key]);
      }
    } finally {
      client.release();
    }
  }

  async version(): Promise<string> {
    return (await this.get<{ v: string }>("SELECT current_setting('server_version') AS v"))?.v ?? '';
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async query(sql: string, params?: SqlParams): Promise<pg.QueryResult> {
    const { text, names, statement } = this.translate(sql);
    const values = params === undefined ? [] : names ? names.map((n) => (params as Record<string, unknown>)[n] ?? null) : [...(params as readonly unknown[])];
    const open = this.scope.here();
    if (!open && this.gate) await this.gate;
    return (open ? open.client : this.pool).query({ name: statement, text, values });
  }

  /** `?` and `@name` become $1, $2…; quoted text and identifiers are left as they are. */
  private translate(sql: string): Translated {
    let found = this.translated.get(sql);
    if (found) return found;
    const names: string[] = [];
    let positional = 0;
    let text = '';
    for (let i = 0; i < sql.length; i++) {
      const ch = sql[i]!;
      if (ch === "'" || ch === '"') {
        const end = sql.indexOf(ch, i + 1);
        const stop = end < 0 ? sql.length : end;
        text += sql.slice(i, stop + 1);
        i = stop;
      } else if (ch === '-' && sql[i + 1] === '-') {
        const end = sql.indexOf('\n', i);
        const stop = end < 0 ? sql.length : end;
        text += sql.slice(i, stop);
        i = stop - 1;
      } else if (ch === '?') {
        text += `$${++positional}`;
      } else if (ch === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
        const name = /^[A-Za-z_]\w*/.exec(sql.slice(i + 1))![0];
        let index = names.indexOf(name);
        if (index < 0) index = names.push(name) - 1;
        text += `$${index + 1}`;
        i += name.length;
      } else {
        text += ch;
      }
    }
    if (positional > 0 && names.length > 0) throw new Error('a statement uses either ? or @name parameters, not both');
    found = { text, names: names.length > 0 ? names : null, statement: `s${this.translated.size + 1}` };
    this.translated.set(sql, found);
    return found;
  }
}
