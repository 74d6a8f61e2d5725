/**
 * PostgreSQL for the suites that run on both engines. TEST_DATABASE_URL names the server (.ci/run sets it to the
 * machine's); each test file gets a schema of its own, dropped at its end. Without it those suites run on SQLite
 * only, and vitest.globalSetup.ts says so once.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migratePostgres } from '../../src/storage/migrate.js';
import { openDatabase } from '../../src/storage/openDatabase.js';
import { migrate } from '../../src/storage/migrate.js';
import { PostgresDatabase } from '../../src/storage/PostgresDatabase.js';
import type { Engine, SqlDatabase } from '../../src/storage/SqlDatabase.js';
import { SqliteDatabase } from '../../src/storage/SqliteDatabase.js';

export const testDatabaseUrl: string | null = process.env.TEST_DATABASE_URL || null;

/** The engines a suite runs on here: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const testEngines: Engine[] = testDatabaseUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/** A new, empty schema on the test server; `drop` removes it and everything in it. */
export async function newSchema(): Promise<{ schema: string; drop: () => Promise<void> }> {
  if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return {
    schema,
    drop: async () => {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** A migrated database of the engine, with what closes it (and, for PostgreSQL, drops its schema). */
export async function migratedDatabase(engine: Engine): Promise<{ sql: SqlDatabase; close: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const db = openDatabase(':memory:');
    migrate(db);
    const sql = new SqliteDatabase(db);
    return { sql, close: () => sql.close() };
  }
  const { schema, drop } = await newSchema();
  const sql = PostgresDatabase.connect(testDatabaseUrl!, { schema, max: 4 });
  await migratePostgres(sql);
  return {
    sql,
    close: async () => {
      await sql.close();
      await drop();
    },
  };
}

/** Where each test wiki on PostgreSQL keeps its data: the CLI run on its data directory uses the same schema. */
export const postgresUrlOfDataDir = new Map<string, string>();

/** TEST_DATABASE_URL with the schema every connection uses, for processes started by the tests. */
export function urlWithSchema(schema: string): string {
  const url = new URL(testDatabaseUrl!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
