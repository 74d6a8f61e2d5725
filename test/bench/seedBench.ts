/** Seeds a benchmark database: talk pages of 2,000 and 10,000 comments, many reporters with sessions; prints their cookies and tokens. */
import { writeFileSync } from 'node:fs';
import { createContainer, projectRoot } from '../../src/container.js';
import { hashPassword } from '../../src/accounts/passwords.js';
import { seedDemo } from '../../src/seed/demoSeed.js';
import { loadSettings } from '../../src/settings.js';
import { createLogger } from '../../src/shared/Logger.js';
import { parseTitle } from '../../src/wiki/Title.js';
import type { UserAccount } from '../../src/accounts/UserAccount.js';

const [dataDir, out, reporterCount = '400'] = process.argv.slice(2);
if (!dataDir || !out) throw new Error('usage: seedBench DATA_DIR OUT.json [REPORTERS]');
const loaded = loadSettings({ DATA_DIR: dataDir, REPORTINCIDENT_CONFIG: process.env.REPORTINCIDENT_CONFIG, DATABASE_URL: process.env.DATABASE_URL }, projectRoot);
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const c = createContainer(loaded.settings, { logger: createLogger('warn') });
await seedDemo(c);

const day = 24 * 3600 * 1000;
const start = c.clock.now() - 300 * day;
// One hash for all: hashing is deliberately slow, and these accounts never log in with a password.
const hash = hashPassword('bench-password');
const authors: UserAccount[] = [];
for (let i = 0; i < 50; i++) {
  const r = await c.accounts.create({ name: `Author ${i}`, password: 'bench-password-long', edits: 100, registeredAt: start - day });
  if (r.ok) authors.push(r.value);
}
void hash;

async function talkPage(name: string, comments: number, threads: number) {
  const title = parseTitle(name, c.namespaces);
  if (!title.ok) throw new Error(name);
  const perThread = Math.floor(comments / threads);
  let at = start;
  await c.sql.transaction(async () => {
    for (let t = 0; t < threads; t++) {
      const author = authors[t % authors.length]!;
      at += 60_000;
      const topic = await c.talk.addTopic(title.value, { user: author }, `Topic ${t + 1}: sources for section ${t % 17}`, `Opening comment of topic ${t + 1}, with a [[African wild dog|link]] and some words to make it a realistic length for a talk page comment.`, at);
      if (!topic.ok) throw new Error(topic.messageKey);
      let parent = (await c.talk.topicsAt(topic.value.page, topic.value.revId)).find((x) => x.heading.threadId === topic.value.threadId)!.comments[0]!.item.threadId;
      for (let k = 1; k < perThread; k++) {
        at += 1000;
        const who = authors[(t + k) % authors.length]!;
        const reply = await c.talk.addReply(title.value, { user: who }, k % 3 === 0 ? parent : parent, `Reply ${k} in topic ${t + 1}. I think the figure in the second paragraph needs a better source; see [[Talk:African wild dog]].`, at);
        if (!reply.ok) throw new Error(reply.messageKey);
        if (k % 4 === 0) parent = reply.value.threadId;
      }
    }
  });
}
await talkPage('Talk:Bench 2000', 2000, 200);
await talkPage('Talk:Bench 10000', 10000, 1000);

const reporters: { cookie: string; token: string }[] = [];
for (let i = 0; i < Number(reporterCount); i++) {
  const r = await c.accounts.create({ name: `Reporter ${i}`, password: 'bench-password-long', email: `reporter${i}@example.org`, emailConfirmed: true, edits: 50, registeredAt: start - day });
  if (!r.ok) throw new Error(r.messageKey);
  const session = await c.sessions.create(r.value.id);
  reporters.push({ cookie: `wiki_session=${session.id}`, token: c.sessions.token(session, 'csrf') });
}
const page = (await c.pages.find(parseTitle('Talk:Bench 10000', c.namespaces).ok ? (parseTitle('Talk:Bench 10000', c.namespaces) as { ok: true; value: import('../../src/wiki/Title.js').Title }).value : (null as never)))!;
const threads = (await c.talk.topicsAt(page, page.latestRevId)).flatMap((t) => t.comments.map((x) => x.item.threadId));
writeFileSync(out, JSON.stringify({ reporters, revisionId: page.latestRevId, threads }));
await c.close();
