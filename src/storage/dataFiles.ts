/**
 * The data directory holds report texts, identities, password hashes and the development mailbox: it is made for
 * its owner only (700, files 600), and the wiki will not start on a database other local users can read (#16).
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Database files this process created: a start that fails before writing one removes it again (never left empty). */
export const createdDatabaseFiles = new Set<string>();

/** Creates the directory (700) and an empty database file (600) if missing; SQLite gives its -wal and -shm the file's mode. */
export function prepareDataFile(file: string): void {
  const dir = path.dirname(file);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // mkdir's mode is masked by the umask; 700 is what we mean whatever it is.
    chmodSync(dir, 0o700);
  }
  if (!existsSync(file)) {
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
    createdDatabaseFiles.add(file);
  }
}

/**
 * After a failed first start (a full disk, a crash of the migration): removes the database file this process
 * created if nothing was written to it, so that the next start makes a new wiki instead of refusing an empty file.
 */
export function removeEmptyCreatedFiles(): void {
  for (const file of createdDatabaseFiles) {
    const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
    if (existsSync(file) && size(file) === 0 && size(`${file}-wal`) === 0) {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    }
  }
}

/**
 * The files that others than their owner may read or write (the database, its -wal and -shm), each with the
 * command that fixes it; empty when all is well, and always on Windows, whose modes mean nothing here.
 */
export function exposedDataFiles(file: string, platform: NodeJS.Platform = process.platform): { file: string; mode: string; fix: string }[] {
  if (platform === 'win32') return [];
  const exposed = [];
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(f)) continue;
    const mode = statSync(f).mode & 0o777;
    if ((mode & 0o077) !== 0) exposed.push({ file: f, mode: mode.toString(8).padStart(3, '0'), fix: `chmod 600 ${JSON.stringify(f)}` });
  }
  return exposed;
}
