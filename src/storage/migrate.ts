/** Applies the numbered SQL migrations in src/storage/migrations, tracked by PRAGMA user_version. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './openDatabase.js';

// From src/storage or, compiled, build/storage: the SQL files stay in the source tree.
const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'storage', 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(path.join(dir, f), 'utf8') }));
}

/** Returns the names of the migrations it applied; each runs in its own transaction. */
export function migrate(db: Db, migrations = listMigrations()): string[] {
  const current = db.pragma('user_version', { simple: true }) as number;
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
