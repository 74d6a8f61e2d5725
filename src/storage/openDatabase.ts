/** Opens the SQLite database with the pragmas every connection needs (WAL, foreign keys, a busy timeout). */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { EmptyDatabaseFile } from '../startFailure.js';
import { prepareDataFile } from './dataFiles.js';

export type Db = Database.Database;

/**
 * `busyTimeoutMs` is how long a statement waits, synchronously, for another process's write lock: the CLI may
 * wait seconds; the app waits only a moment (SERVER_BUSY_TIMEOUT), since waiting there freezes every request.
 */
export function openDatabase(file: string, { busyTimeoutMs = 5000 }: { busyTimeoutMs?: number } = {}): Db {
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
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  return db;
}
