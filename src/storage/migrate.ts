/**
 * Applies the numbered SQL migrations of src/storage/migrations/<engine>, each once, in its own transaction; refuses a
 * database that a newer version of the code has migrated. SQLite keeps the version in PRAGMA user_version;
 * PostgreSQL in a table, changed under an advisory lock so that processes starting together migrate once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './openDatabase.js';
import type { PostgresDatabase } from './PostgresDatabase.js';
import type { Engine, SqlDatabase } from './SqlDatabase.js';
import { DatabaseNewerThanCode } from '../startFailure.js';
import { migrationLock } from './advisoryLock.js';

// From src/storage or, compiled, build/storage: the SQL files stay in the source tree.
const migrationsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'storage', 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(engine: Engine = 'sqlite', dir = path.join(migrationsRoot, engine)): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(path.join(dir, f), 'utf8') }));
}

/** SQLite: returns the names of the migrations it applied. */
export function migrate(db: Db, migrations = listMigrations('sqlite')): string[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new DatabaseNewerThanCode(current, latest);
  const applied: string[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.name);
  }
  return applied;
}

/** The migration a database is at: SQLite's user_version, PostgreSQL's schema_version (the CLI's migrate says it). */
export async function migrationOf(sql: SqlDatabase): Promise<number> {
  if (sql.engine === 'sqlite') return (await sql.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
  return (await sql.get<{ v: number | null }>('SELECT max(version) AS v FROM schema_version'))?.v ?? 0;
}

/** PostgreSQL: returns the names of the migrations it applied (none when another process did them first). */
export async function migratePostgres(database: PostgresDatabase, migrations = listMigrations('postgres')): Promise<string[]> {
  const latest = migrations.at(-1)?.version ?? 0;
  const client = await database.pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${migrationLock})`);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
      const found = await client.query<{ version: number }>('SELECT max(version) AS version FROM schema_version');
      const current = found.rows[0]?.version ?? 0;
      if (current > latest) throw new DatabaseNewerThanCode(current, latest);
      const applied: string[] = [];
      for (const m of migrations) {
        if (m.version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('DELETE FROM schema_version');
          await client.query('INSERT INTO schema_version (version) VALUES ($1)', [m.version]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        applied.push(m.name);
      }
      return applied;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${migrationLock})`);
    }
  } finally {
    client.release();
  }
}
