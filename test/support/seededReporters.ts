/**
 * A data directory prepared for tests that run the wiki as a child process: the demo seed, many eligible
 * reporters with a logged-in session each (made directly, as test/bench/seedBench.ts does, so no password is
 * hashed or typed), and a talk page with as many comments as needed so that each report can name another one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserRepository } from '../../src/accounts/UserRepository.js';
import { createContainer } from '../../src/container.js';
import { seedDemo } from '../../src/seed/demoSeed.js';
import { MemoryLogger } from '../../src/shared/Logger.js';
import { parseTitle } from '../../src/wiki/Title.js';
import { testSettings } from './testWiki.js';

export interface SeededReporter {
  name: string;
  email: string;
  /** The Cookie header of the reporter's session. */
  cookie: string;
  /** The session's CSRF token, for the REST endpoint. */
  token: string;
}

export interface SeededWiki {
  dataDir: string;
  reporters: SeededReporter[];
  /** The talk page every report is about, its latest revision and the ids of its comments. */
  page: string;
  revisionId: number;
  threadIds: string[];
}

const DAY = 24 * 3600 * 1000;

export interface SeedOptions {
  reporters: number;
  /** Of the reporters, how many (the last ones) are newbies: a day old with one edit, so not autoconfirmed. */
  newbies?: number;
  comments?: number;
  authors?: number;
  dataDir?: string;
  /** A PostgreSQL database (with its schema) instead of SQLite under dataDir. */
  databaseUrl?: string;
}

export async function seedReporters(options: SeedOptions): Promise<SeededWiki> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'wiki-seeded-'));
  const c = createContainer(testSettings(dataDir, {}, options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}), { logger: new MemoryLogger() });
  try {
    await c.ready();
    await seedDemo(c);
    const users = new UserRepository(c.sql);
    const now = c.clock.now();
    const reporters: SeededReporter[] = [];
    await c.sql.transaction(async () => {
      const firstNewbie = options.reporters - (options.newbies ?? 0);
      for (let i = 0; i < options.reporters; i++) {
        const name = `Reporter ${i}`;
        const email = `reporter${i}@example.org`;
        const age = i >= firstNewbie ? DAY : 300 * DAY;
        // An empty hash never matches a password: these accounts only ever use the session made here.
        const user = await users.create({ name, passwordHash: '', email, emailConfirmedAt: now - age, registeredAt: now - age, editCount: i >= firstNewbie ? 1 : 50, groups: [] });
        const session = await c.sessions.create(user.id);
        reporters.push({ name, email, cookie: `wiki_session=${session.id}`, token: c.sessions.token(session, 'csrf') });
      }
    });
    const page = 'Talk:Many comments';
    const title = parseTitle(page, c.namespaces);
    if (!title.ok) throw new Error(page);
    // The comments are Brackenfield's, or spread over several authors (reports about many users, not one).
    const authorCount = options.authors ?? 1;
    const authors =
      authorCount <= 1
        ? [(await c.accounts.findByName('Brackenfield'))!]
        : await c.sql.transaction(async () => {
            const created = [];
            for (let i = 0; i < authorCount; i++) created.push(await users.create({ name: `Author ${i}`, passwordHash: '', email: `author${i}@example.org`, emailConfirmedAt: now - 300 * DAY, registeredAt: now - 300 * DAY, editCount: 10, groups: [] }));
            return created;
          });
    const comments = options.comments ?? 1;
    let at = now - 10 * DAY;
    await c.sql.transaction(async () => {
      const topic = await c.talk.addTopic(title.value, { user: authors[0]! }, 'A long thread', 'Comment 0 of a long thread.', at);
      if (!topic.ok) throw new Error(topic.messageKey);
      let parent = (await c.talk.topicsAt(topic.value.page, topic.value.revId))[0]!.comments[0]!.item.threadId;
      for (let k = 1; k < comments; k++) {
        at += 1000;
        const reply = await c.talk.addReply(title.value, { user: authors[k % authors.length]! }, parent, `Comment ${k} of a long thread.`, at);
        if (!reply.ok) throw new Error(reply.messageKey);
        if (k % 10 === 0) parent = reply.value.threadId;
      }
    });
    const stored = (await c.pages.find(title.value))!;
    const threadIds = (await c.talk.topicsAt(stored, stored.latestRevId)).flatMap((t) => t.comments.map((x) => x.item.threadId));
    return { dataDir, reporters, page, revisionId: stored.latestRevId, threadIds };
  } finally {
    await c.close();
  }
}
