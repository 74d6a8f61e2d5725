// WalCheckpointer: the log is copied into the database file by a worker thread; the app's own connection checkpoints
// only past a far threshold while the worker runs, and as before once it has stopped or failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/container.js';
import { createLogger } from '../../src/shared/Logger.js';
import { type Db, openDatabase } from '../../src/storage/openDatabase.js';
import { BACKSTOP_PAGES, WalCheckpointer } from '../../src/storage/WalCheckpointer.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function database(): { db: Db; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'wiki-wal-'));
  dirs.push(dir);
  const file = path.join(dir, 'wiki.sqlite');
  const db = openDatabase(file);
  db.exec('CREATE TABLE t (x TEXT NOT NULL) STRICT');
  return { db, file };
}

/** Some 1,500 pages of log: more than SQLite's own threshold (1,000), far less than the backstop. */
function writeLog(db: Db) {
  const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
  for (let i = 0; i < 60; i++) db.transaction(() => {
    for (let k = 0; k < 100; k++) insert.run('x'.repeat(1000));
  })();
}

async function waitFor(check: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const autocheckpoint = (db: Db) => db.pragma('wal_autocheckpoint', { simple: true });

describe('WalCheckpointer', () => {
  it('when the app writes past SQLite\'s threshold, then the worker, not the app\'s connection, copies the log into the file', async () => {
    const { db, file } = database();
    const checkpointer = new WalCheckpointer(db, createLogger('error', () => {}), 20);
    checkpointer.start();
    expect(autocheckpoint(db)).toBe(BACKSTOP_PAGES);
    const before = statSync(file).size;
    writeLog(db);
    // Only a checkpoint writes pages into the database file itself.
    await waitFor(() => statSync(file).size > before + 5_000_000);
    await checkpointer.stop();
    expect(autocheckpoint(db)).toBe(1000);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(6000);
    db.close();
  });

  it('when stop() is awaited in a process with nothing else to do (a shutdown), then the process waits for it', () => {
    const { db, file } = database();
    db.close();
    const script = `
      import { openDatabase } from './src/storage/openDatabase.ts';
      import { WalCheckpointer } from './src/storage/WalCheckpointer.ts';
      import { createLogger } from './src/shared/Logger.ts';
      const db = openDatabase(${JSON.stringify(file)});
      const checkpointer = new WalCheckpointer(db, createLogger('error'), 20);
      checkpointer.start();
      setTimeout(() => {
        void checkpointer.stop().then(() => {
          db.close();
          process.stdout.write('closed after the checkpointer stopped');
        });
      }, 100);
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8', timeout: 20_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('closed after the checkpointer stopped');
  });

  it('when the worker cannot open the database, then the failure is logged and the app checkpoints as SQLite does by default', async () => {
    const { db, file } = database();
    // The app's connection stays open; the worker, opening the file anew, finds no directory to open it in.
    rmSync(path.dirname(file), { recursive: true, force: true });
    const lines: string[] = [];
    const checkpointer = new WalCheckpointer(db, createLogger('info', (l) => lines.push(l)), 20);
    checkpointer.start();
    await waitFor(() => lines.some((l) => l.includes('the checkpoint worker stopped')));
    expect(autocheckpoint(db)).toBe(1000);
    await checkpointer.stop();
    db.close();
  });
});
