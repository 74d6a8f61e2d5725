// The composition root builds every service on a real SQLite file, and migrations apply once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContainer } from '../../src/container.js';
import { seedDemo } from '../../src/seed/demoSeed.js';
import { FixedClock } from '../../src/shared/Clock.js';
import { MemoryLogger } from '../../src/shared/Logger.js';
import { listMigrations, migrate } from '../../src/storage/migrate.js';
import { openDatabase } from '../../src/storage/openDatabase.js';
import { parseTitle } from '../../src/wiki/Title.js';
import { testSettings } from '../support/testWiki.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'wiki-container-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe('createContainer', () => {
  it('when built on a new data directory, then every service exists and the database is in WAL mode with foreign keys', async () => {
    const dir = tempDir();
    const c = createContainer(testSettings(dir), { logger: new MemoryLogger() });
    for (const service of [c.accounts, c.sessions, c.pages, c.talk, c.menus, c.messages, c.namespaces]) expect(service).toBeDefined();
    expect(c.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.db.pragma('user_version', { simple: true })).toBe(listMigrations().at(-1)!.version);
    await c.close();
  });

  it('when the database is opened a second time, then no migration runs again and the data is kept', async () => {
    const dir = tempDir();
    const logger = new MemoryLogger();
    const first = createContainer(testSettings(dir), { logger });
    await seedDemo(first);
    const users = await first.accounts.count();
    await first.close();
    const again = createContainer(testSettings(dir), { logger: new MemoryLogger() });
    expect(await again.accounts.count()).toBe(users);
    expect(await seedDemo(again)).toBe(false);
    await again.close();
  });
});

describe('migrate', () => {
  it('when a migration fails half-way, then nothing of it stays and user_version is unchanged', () => {
    const db = openDatabase(':memory:');
    expect(() => migrate(db, [{ version: 1, name: '001_bad.sql', sql: 'CREATE TABLE a (x INTEGER) STRICT; CREATE TABLE a (y INTEGER);' }])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'a'").pluck().get()).toBe(0);
  });
});

describe('revisions of talk pages', () => {
  it('when two comments are posted by the same author in the same second, then the second id gets the parent appended', async () => {
    const clock = new FixedClock('2024-05-04T03:02:01Z');
    const c = createContainer(testSettings(tempDir()), { logger: new MemoryLogger(), clock });
    const alice = await c.accounts.create({ name: 'Alice', password: 'long-enough', email: 'a@example.org', emailConfirmed: true });
    expect(alice.ok).toBe(true);
    const user = alice.ok ? alice.value : null!;
    const title = parseTitle('Talk:Example', c.namespaces);
    if (!title.ok) throw new Error('title');
    const topic = await c.talk.addTopic(title.value, { user }, 'Hello', 'First comment');
    if (!topic.ok) throw new Error(topic.messageKey);
    expect(topic.value.threadId).toBe('h-Alice-20240504030201');
    const firstComment = (await c.talk.topicsAt(topic.value.page, topic.value.revId))[0]!.comments[0]!.item.threadId;
    expect(firstComment).toBe('c-Alice-20240504030201');
    const reply = await c.talk.addReply(title.value, { user }, firstComment, 'Second, same second');
    if (!reply.ok) throw new Error(reply.messageKey);
    expect(reply.value.threadId).toBe('c-Alice-20240504030201-Alice-20240504030201');
    const third = await c.talk.addReply(title.value, { user }, firstComment, 'Third, same second and parent');
    if (!third.ok) throw new Error(third.messageKey);
    expect(third.value.threadId).toBe('c-Alice-20240504030201-Alice-20240504030201-2');
    clock.advance(60_000);
    const later = await c.talk.addReply(title.value, { user }, firstComment, 'A minute later');
    if (!later.ok) throw new Error(later.messageKey);
    expect(later.value.threadId).toBe('c-Alice-20240504030301');
    expect((await c.accounts.findByName('Alice'))!.editCount).toBe(4);
    // Revision 1 shows only what existed then.
    const page = (await c.pages.find(title.value))!;
    expect((await c.talk.topicsAt(page, topic.value.revId))[0]!.comments).toHaveLength(1);
    expect((await c.talk.topicsAt(page, page.latestRevId))[0]!.comments).toHaveLength(4);
    await c.close();
  });
});
