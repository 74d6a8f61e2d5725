// The data directory is its owner's alone, and the wiki will not start on a database others can read (#16).
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { exposedDataFiles } from '../../src/storage/dataFiles.js';
import { type ChildWiki, startChildWiki } from '../support/childWiki.js';

const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);
const posix = process.platform !== 'win32';

let root: string;
let child: ChildWiki | null = null;
afterEach(async () => {
  if (child) {
    child.child.kill('SIGTERM');
    await child.exited;
    child = null;
  }
  rmSync(root, { recursive: true, force: true });
});

describe.runIf(posix)('file modes of the data directory', () => {
  it('when the wiki starts on a new data directory, then the directory is 700 and the database and its -wal and -shm are 600', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'wiki-modes-'));
    const dataDir = path.join(root, 'data');
    child = await startChildWiki({ DATA_DIR: dataDir, DEMO_SEED: '0' });
    expect(mode(dataDir)).toBe('700');
    for (const f of ['wiki.sqlite', 'wiki.sqlite-wal', 'wiki.sqlite-shm']) expect(mode(path.join(dataDir, f)), f).toBe('600');
  });

  it('when the database file is readable by others, then the wiki refuses to start and says which file and the chmod that fixes it', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'wiki-modes-'));
    const file = path.join(root, 'wiki.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const refused = startChildWiki({ DATA_DIR: root, DEMO_SEED: '0' });
    const error = await refused.then(() => null, (e: Error) => e.message);
    expect(error).toContain('exited with 1');
    expect(error).toContain('other local users can read its data');
    expect(error).toContain(`data: ${file} has mode 644; fix it with: chmod 600 "${file}"`);
    expect(error).toContain('AllowDataReadableByOthers');
  });

  it('when the operator allows it in the settings, then the wiki starts anyway', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'wiki-modes-'));
    const file = path.join(root, 'wiki.sqlite');
    // A database, not an empty file (an empty one is refused for another reason).
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.close();
    chmodSync(file, 0o640);
    const settings = path.join(root, 'settings.json');
    writeFileSync(settings, JSON.stringify({ AllowDataReadableByOthers: true }));
    child = await startChildWiki({ DATA_DIR: root, DEMO_SEED: '0', REPORTINCIDENT_CONFIG: settings });
    expect((await fetch(`${child.url}/wiki/Special:UserLogin`)).status).toBe(200);
  });
});

describe('exposedDataFiles', () => {
  it('when the files are the owner\'s alone, or on Windows, then nothing is exposed', () => {
    root = mkdtempSync(path.join(tmpdir(), 'wiki-modes-'));
    const file = path.join(root, 'wiki.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o600);
    expect(exposedDataFiles(file)).toEqual([]);
    chmodSync(file, 0o666);
    expect(exposedDataFiles(file, 'win32')).toEqual([]);
    if (posix) expect(exposedDataFiles(file).map((e) => e.mode)).toEqual(['666']);
  });
});
