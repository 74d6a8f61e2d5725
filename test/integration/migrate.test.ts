// Migrations on each engine: applied once, also when processes start together, and a database that newer code
// migrated is refused rather than used.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DatabaseNewerThanCode } from '../../src/startFailure.js';
import { listMigrations, migrate, migratePostgres } from '../../src/storage/migrate.js';
import { openDatabase } from '../../src/storage/openDatabase.js';
import { PostgresDatabase } from '../../src/storage/PostgresDatabase.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { newSchema, testDatabaseUrl, urlWithSchema } from '../support/postgres.js';
import { migrationLock } from '../../src/storage/advisoryLock.js';

describe('migrations on SQLite', () => {
  it('when a new database is migrated twice, then every migration runs once and the version is the last one', () => {
    const db = openDatabase(':memory:');
    expect(migrate(db)).toEqual(listMigrations('sqlite').map((m) => m.name));
    expect(migrate(db)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(listMigrations('sqlite').at(-1)!.version);
  });

  it('when the database was migrated by newer code, then it is refused, naming both versions, and left as it is', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const latest = listMigrations('sqlite').at(-1)!.version;
    db.pragma(`user_version = ${latest + 1}`);
    expect(() => migrate(db)).toThrow(DatabaseNewerThanCode);
    expect(() => migrate(db)).toThrow(`the database is at migration ${latest + 1}, but this code knows migrations up to ${latest}`);
    expect(db.pragma('user_version', { simple: true })).toBe(latest + 1);
  });
});

describe('npm run -s cli -- migrate', () => {
  it('when run on a new data directory, then it migrates SQLite and says it is at the latest migration', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wiki-migrate-'));
    try {
      const r = runCli(dir, ['migrate']);
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe(`the SQLite database is at migration ${listMigrations('sqlite').at(-1)!.version}, the latest this code knows (${listMigrations('sqlite').at(-1)!.version})`);
      expect(r.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!testDatabaseUrl)('when DATABASE_URL names an empty PostgreSQL database, then it migrates it', async () => {
    const { schema, drop } = await newSchema();
    try {
      const r = runCli(mkdtempSync(path.join(tmpdir(), 'wiki-migrate-')), ['migrate'], { DATABASE_URL: urlWithSchema(schema) });
      expect(r.stdout.trim()).toBe(`the PostgreSQL database is at migration ${listMigrations('postgres').at(-1)!.version}, the latest this code knows (${listMigrations('postgres').at(-1)!.version})`);
      expect(r.code).toBe(0);
    } finally {
      await drop();
    }
  });
});

describe.skipIf(!testDatabaseUrl)('migrations on PostgreSQL', () => {
  it('when three processes start on a new database at once, then the migrations run once and all three go on', async () => {
    const { schema, drop } = await newSchema();
    const databases = [0, 1, 2].map(() => PostgresDatabase.connect(testDatabaseUrl!, { schema, max: 2 }));
    try {
      const applied = await Promise.all(databases.map((d) => migratePostgres(d)));
      expect(applied.flat()).toEqual(listMigrations('postgres').map((m) => m.name));
      expect(await databases[0]!.get('SELECT count(*) AS n FROM users')).toEqual({ n: 0 });
    } finally {
      for (const d of databases) await d.close();
      await drop();
    }
  });

  it('when the database was migrated by newer code, then it is refused and left as it is', async () => {
    const { schema, drop } = await newSchema();
    const database = PostgresDatabase.connect(testDatabaseUrl!, { schema, max: 2 });
    try {
      await migratePostgres(database);
      const latest = listMigrations('postgres').at(-1)!.version;
      await database.run('UPDATE schema_version SET version = ?', [latest + 1]);
      await expect(migratePostgres(database)).rejects.toThrow(DatabaseNewerThanCode);
      expect(await database.get('SELECT version FROM schema_version')).toEqual({ version: latest + 1 });
      // The advisory lock was let go: another process can still ask.
      const other = new pg.Client({ connectionString: testDatabaseUrl!, options: `-c search_path=${schema}` });
      await other.connect();
      expect((await other.query(`SELECT pg_try_advisory_lock(${migrationLock}) AS free`)).rows[0]).toEqual({ free: true });
      await other.end();
    } finally {
      await database.close();
      await drop();
    }
  });
});
