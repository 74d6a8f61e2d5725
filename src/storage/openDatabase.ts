/** Opens the SQLite database with the pragmas every connection needs (WAL, foreign keys, a busy timeout). */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { EmptyDatabaseFile } from '../startFailure.js';
import { prepareDataFile } from './dataFiles.js';

export type Db = Database.Database;

export function openDatabase(file: string): Db {
  if (file !== ':memory:') {
    // (#17) An existing file of zero bytes is a damaged wiki, not a new one: never migrated and seeded over.
    if (existsSync(file) && statSync(file).size === 0) throw new EmptyDatabaseFile(file);
    prepareDataFile(file);
  }
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Another process (the CLI, a second app) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  return db;
}

/** The SQLite library's version, for siteinfo. */
export function sqliteVersion(db: Db): string {
  return db.prepare('SELECT sqlite_version() AS v').pluck().get() as string;
}
