// Every repository's SQL on each engine (SQLite always; PostgreSQL when TEST_DATABASE_URL is set): the same calls
// must give the same answers, so that no feature behaves differently on a wiki that moved to PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/accounts/LoginThrottle.js';
import { UserRepository } from '../../src/accounts/UserRepository.js';
import { DevMailboxRepository } from '../../src/delivery/DevMailboxRepository.js';
import { OutboxRepository } from '../../src/delivery/OutboxRepository.js';
import type { IncidentReport } from '../../src/reporting/IncidentReport.js';
import { ReportRepository } from '../../src/reporting/ReportRepository.js';
import { SessionRepository } from '../../src/sessions/SessionRepository.js';
import { FixedClock } from '../../src/shared/Clock.js';
import { MemoryLogger } from '../../src/shared/Logger.js';
import { FunnelCounters } from '../../src/statistics/FunnelCounters.js';
import type { SqlDatabase } from '../../src/storage/SqlDatabase.js';
import { TalkItemRepository } from '../../src/talk/TalkItemRepository.js';
import { PageRepository } from '../../src/wiki/PageRepository.js';
import { migratedDatabase, testEngines } from '../support/postgres.js';
import { incidentReport } from '../support/reporting.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-20T10:00:00Z');

/** A report on the first comment of Talk:Talk_page, by user 1 about user 2 ("Author"). */
function report(overrides: Partial<IncidentReport> & Pick<IncidentReport, 'id'>): IncidentReport {
  return incidentReport({
    createdAt: T0,
    reporterUserId: 1,
    pageId: 1,
    pageTitle: 'Talk_page',
    threadId: 'c-Author-1',
    reportedUser: 'Author',
    reportedUserId: 2,
    details: 'details',
    snapshot: { author: 'Author', createdAt: T0 - 1000, text: 'the comment' },
    ...overrides,
  });
}

describe.each(testEngines)('repositories on %s', (engine) => {
  let sql: SqlDatabase;
  let close: () => Promise<void>;
  let users: UserRepository;
  let pages: PageRepository;

  beforeAll(async () => {
    ({ sql, close } = await migratedDatabase(engine));
    users = new UserRepository(sql);
    pages = new PageRepository(sql);
  });
  afterAll(async () => close());

  it('when accounts get groups and blocks, then they are read back with them, listed by name and counted', async () => {
    const reporter = await users.create({ name: 'Reporter', passwordHash: 'x', email: 'r@example.org', emailConfirmedAt: T0, registeredAt: T0 - 400 * DAY, editCount: 3, groups: ['sysop', 'interface-admin'] });
    const author = await users.create({ name: 'Author', passwordHash: '', email: '', emailConfirmedAt: null, registeredAt: T0, editCount: 0, groups: [] });
    expect(reporter.id).toBe(1);
    expect(author.id).toBe(2);
    expect(reporter.groups).toEqual(['interface-admin', 'sysop']);
    await users.addGroup(author.id, 'sysop');
    await users.addGroup(author.id, 'sysop'); // a second time changes nothing
    await users.removeFromGroup(reporter.id, 'sysop');
    await users.incrementEditCount(author.id);
    expect((await users.findByName('Author'))?.groups).toEqual(['sysop']);
    expect((await users.findById(author.id))?.editCount).toBe(1);
    expect(await users.passwordHashOf('Reporter')).toBe('x');
    const blockId = await users.block({ userId: author.id, byUserId: reporter.id, reason: 'r', sitewide: false, createdAt: T0, expiresAt: T0 + DAY, pageIds: [1], namespaces: [0, 4] });
    const blocks = await users.activeBlocks(author.id, T0 + 1000);
    expect(blocks).toEqual([expect.objectContaining({ id: blockId, sitewide: false, pageIds: [1], namespaces: [0, 4], expiresAt: T0 + DAY })]);
    // The account and its blocks in one statement: the same as reading them apart, one row per block.
    const sitewide = await users.block({ userId: author.id, byUserId: reporter.id, reason: 's', sitewide: true, createdAt: T0, expiresAt: T0 + 3 * DAY, pageIds: [], namespaces: [] });
    const both = await users.findWithActiveBlocks(author.id, T0 + 1000);
    expect(both).toEqual({ account: await users.findById(author.id), blocks: await users.activeBlocks(author.id, T0 + 1000) });
    expect(both?.blocks.map((b) => b.id)).toEqual([blockId, sitewide]);
    expect((await users.findWithActiveBlocks(author.id, T0 + 2 * DAY))?.blocks.map((b) => b.id)).toEqual([sitewide]);
    expect(await users.findWithActiveBlocks(reporter.id, T0)).toEqual({ account: await users.findById(reporter.id), blocks: [] });
    expect(await users.findWithActiveBlocks(999, T0)).toBeNull();
    expect((await users.list({ from: '', to: '', prefix: 'Re', limit: 10 })).map((u) => u.name)).toEqual(['Reporter']);
    expect((await users.list({ from: 'B', to: '', prefix: '', limit: 10 })).map((u) => u.name)).toEqual(['Reporter']);
    expect(await users.total()).toBe(2);
  });

  it('when a page gets revisions and talk items, then history, next revision, contributions, existence and items at a revision are right', async () => {
    const pageId = await pages.createPage(1, 'Talk_page', 'talk');
    const first = await pages.addRevision({ pageId, parentId: null, actorUserId: 2, actorName: 'Author', createdAt: T0, summary: 'new', content: null, size: 10 });
    const second = await pages.addRevision({ pageId, parentId: first, actorUserId: 1, actorName: 'Reporter', createdAt: T0 + 1, summary: 'reply', content: null, size: 20 });
    expect((await pages.findPage(1, 'Talk_page'))?.latestRevId).toBe(second);
    expect(await pages.nextRevisionId(pageId, first)).toBe(second);
    expect(await pages.nextRevisionId(pageId, second)).toBeNull();
    expect((await pages.history(pageId, Number.MAX_SAFE_INTEGER, 10)).map((r) => r.id)).toEqual([second, first]);
    expect(await pages.revisionCount(pageId)).toBe(2);
    expect(await pages.findRevisionWithPage(first)).toEqual({ revision: await pages.findRevision(first), page: await pages.findPageById(pageId) });
    expect(await pages.findRevisionWithPage(second + 100)).toBeNull();
    expect((await pages.contributions('Author', Number.MAX_SAFE_INTEGER, 10)).map((r) => [r.id, r.title])).toEqual([[first, 'Talk_page']]);
    expect([...(await pages.existing([{ namespace: 1, title: 'Talk_page' }, { namespace: 0, title: 'Missing' }]))]).toEqual(['1:Talk_page']);
    const items = new TalkItemRepository(sql);
    const heading = await items.insert({ pageId, revId: first, threadId: 'h-Author-1', kind: 'heading', topicItemId: null, parentItemId: null, depth: 0, authorName: 'Author', authorUserId: 2, createdAt: T0, body: 'Topic' });
    await items.insert({ pageId, revId: first, threadId: 'c-Author-1', kind: 'comment', topicItemId: heading, parentItemId: null, depth: 0, authorName: 'Author', authorUserId: 2, createdAt: T0, body: 'Comment' });
    await items.insert({ pageId, revId: second, threadId: 'c-Reporter-2', kind: 'comment', topicItemId: heading, parentItemId: null, depth: 1, authorName: 'Reporter', authorUserId: 1, createdAt: T0 + 1, body: 'Reply' });
    expect((await items.itemsAt(pageId, first)).map((i) => i.threadId)).toEqual(['h-Author-1', 'c-Author-1']);
    expect((await items.find(pageId, 'c-Reporter-2'))?.depth).toBe(1);
    expect((await items.findById(heading))?.body).toBe('Topic');
    expect(await items.isTaken(pageId, 'c-Author-1')).toBe(true);
    expect(await items.isTaken(pageId, 'c-Author-2')).toBe(false);
  });

  it('when reports are filed, then one is found again, its duplicate and related reports too, and statistics read them by day', async () => {
    const reports = new ReportRepository(sql);
    await reports.immediate(async () => {
      await reports.insert(report({ id: 'RI-1' }));
      await reports.insert(report({ id: 'RI-2', createdAt: T0 + 1000, reporterUserId: 1, threadId: null, reportedUser: 'Author', route: 'emergency', incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', behaviorType: null, about: 'someone-else' }));
      await reports.insert(report({ id: 'RI-TEST', createdAt: T0 + 2000, test: true }));
      await reports.addOutbox({ reportId: 'RI-1', kind: 'direct', recipients: ['admins@example.org'], messageId: '<RI-1.direct@wiki>', nextAttemptAt: T0, createdAt: T0 });
      await reports.addOutbox({ reportId: 'RI-1', kind: 'receipt', recipients: ['r@example.org'], messageId: '<RI-1.receipt@wiki>', nextAttemptAt: T0, createdAt: T0 });
      await reports.addHit(1, 'reportincident', T0 - 1);
    });
    expect(await reports.find('RI-1')).toEqual(report({ id: 'RI-1', test: false }));
    const duplicate = await reports.findDuplicate({ reporter: 1, pageNamespace: 1, pageTitle: 'Talk_page', threadId: 'c-Author-1', reportedUser: null, type: 'intimidation', route: 'direct', since: T0 - DAY, test: false });
    expect(duplicate?.id).toBe('RI-1');
    const pageLevel = await reports.findDuplicate({ reporter: 1, pageNamespace: 1, pageTitle: 'Talk_page', threadId: null, reportedUser: 'Author', type: 'threats-physical-harm', route: 'emergency', since: T0 - DAY, test: false });
    expect(pageLevel?.id).toBe('RI-2');
    // A tester's report is found only by a tester's repeat, and the other way round.
    expect((await reports.findDuplicate({ reporter: 1, pageNamespace: 1, pageTitle: 'Talk_page', threadId: 'c-Author-1', reportedUser: null, type: 'intimidation', route: 'direct', since: T0 - DAY, test: true }))?.id).toBe('RI-TEST');
    const related = await reports.related(report({ id: 'RI-3', createdAt: T0 + 5000 }), T0 - DAY);
    expect(related.map((r) => [r.id, r.sameComment])).toEqual([
      ['RI-2', false],
      ['RI-1', true],
    ]);
    expect((await reports.mailingsFor('RI-1')).map((m) => m.kind)).toEqual(['direct']);
    expect((await reports.outboxFor('RI-1')).map((m) => m.state)).toEqual(['pending', 'pending']);
    expect(await reports.hitsSince(1, 'reportincident', T0 - DAY)).toEqual({ count: 1, oldest: T0 - 1 });
    const updateId = await reports.addUpdate({ reportId: 'RI-1', seq: 1, createdAt: T0 + 10, text: 'more', about: null });
    expect((await reports.findUpdate(updateId))?.text).toBe('more');
    expect((await reports.updatesFor('RI-1')).map((u) => u.seq)).toEqual([1]);
    expect(await reports.countsPerDay(T0 - DAY, T0 + DAY)).toEqual([
      { day: '2026-11-20', type: 'intimidation', route: 'direct', n: 1 },
      { day: '2026-11-20', type: 'threats-physical-harm', route: 'emergency', n: 1 },
    ]);
    const stats = await reports.statsRows(T0 - DAY, T0 + DAY);
    expect(stats.map((r) => [r.report_id, r.group_size])).toEqual([
      ['RI-1', 2],
      ['RI-2', 2],
    ]);
  });

  it('when two submissions of one reporter check and charge the rate limit at once, then the second sees the first charge', async () => {
    const reports = new ReportRepository(sql);
    const submit = () =>
      reports.immediate(async () => {
        const { count } = await reports.hitsSince(1, 'race', 0);
        await new Promise((resolve) => setTimeout(resolve, 30)); // a slow classifier, a slow disk: time for the other
        if (count > 0) return 'limited';
        await reports.addHit(1, 'race', T0);
        return 'charged';
      }, '1');
    expect((await Promise.all([submit(), submit()])).sort()).toEqual(['charged', 'limited']);
  });

  it('when ten logins from one address are attempted at once against a limit of two, then exactly two are let through', async () => {
    const throttle = new LoginThrottle(sql, new FixedClock('2026-11-20T10:00:00Z'), [{ by: 'address', count: 2, seconds: 60 }]);
    const reservations = await Promise.all(Array.from({ length: 10 }, (_, i) => throttle.reserve(`Name ${i}`, '192.0.2.7')));
    expect(reservations.filter((r) => r.ok)).toHaveLength(2);
  });

  it('when drafts are kept, found, listed and expire, then each step is counted once', async () => {
    const reports = new ReportRepository(sql);
    await reports.saveDraft('d1', 1, '{"a":1}', T0, 'choose-type');
    await reports.saveDraft('d1', 1, '{"a":2}', T0 + 1, 'behavior');
    await reports.saveDraft('d1', 2, '{"stolen":1}', T0 + 2, 'behavior'); // another user cannot take it over
    await reports.saveDraft('d2', 1, '{}', T0 + 3, 'support');
    expect(await reports.findDraft('d1', 1, T0 - 1)).toBe('{"a":2}');
    expect(await reports.findDraft('d1', 2, T0 - 1)).toBeNull();
    expect((await reports.draftsOf(1, T0 - 1)).map((d) => d.id)).toEqual(['d2', 'd1']);
    expect(await reports.pruneDraftsBefore(T0 + 10)).toEqual(expect.arrayContaining([{ step: 'behavior', count: 1 }, { step: 'support', count: 1 }]));
    expect(await reports.draftsOf(1, 0)).toEqual([]);
  });

  it('when the outbox is claimed, then Trust & Safety comes first, each message once, and its outcome and counts are kept', async () => {
    const reports = new ReportRepository(sql);
    const outbox = new OutboxRepository(sql);
    await reports.addOutbox({ reportId: 'RI-2', kind: 'trust-and-safety', recipients: ['ts@example.org'], messageId: '<RI-2.trust-and-safety@wiki>', nextAttemptAt: T0 + 5, createdAt: T0 });
    const claimed = await outbox.claim(T0 + 10, 2, T0 + 60_000);
    expect(claimed.map((m) => m.kind)).toEqual(['trust-and-safety', 'direct']);
    expect(await outbox.claim(T0 + 10, 10, T0 + 60_000)).toEqual([expect.objectContaining({ kind: 'receipt' })]);
    await outbox.markSent(claimed[0]!.id, T0 + 20);
    await outbox.retryLater(claimed[1]!.id, T0 + 30, 'refused');
    expect((await outbox.find(claimed[1]!.id))?.state).toBe('pending');
    expect(await outbox.nextDueAt()).toBe(T0 + 30);
    expect(await outbox.requeueExpired(T0 + 70_000)).toBe(1);
    expect(await outbox.stats()).toEqual({ pending: 2, sending: 0, sent: 1, failed: 0, oldestPendingAt: T0 });
    expect(await outbox.statsAsOf(T0 + 15)).toEqual({ pending: 3, sending: 0, sent: 0, failed: 0, oldestPendingAt: T0 });
    expect(await outbox.staffWaitingForRetry(T0)).toBe(0);
    // The message waiting for its retry, and the one whose lease ran out.
    expect(await outbox.makeRetriesDue(T0 + 25)).toBe(2);
    await outbox.markFailed(claimed[1]!.id, 'gave up');
    expect((await outbox.recentErrors(10)).map((m) => m.lastError)).toEqual(['gave up']);
    expect((await outbox.failingUnalerted(T0 + 1)).length).toBe(2);
    await outbox.setAlerted(claimed[1]!.id, T0 + 40);
    expect(await outbox.failingSinceCount(T0 + 1)).toBe(2);
    expect(await outbox.retry(claimed[1]!.id, T0 + 50)).toBe(true);
    expect(await outbox.requeueInterrupted(T0 + 60)).toBe(0);
  });

  it('when a stop gives back the messages its worker claimed, then only those return to the queue, and another worker keeps its own', async () => {
    const reports = new ReportRepository(sql);
    const outbox = new OutboxRepository(sql);
    // Due before anything else in Trust & Safety's lane, so these three are the ones claimed.
    await reports.addOutboxes([1, 2, 3].map((n) => ({ reportId: 'RI-2', kind: 'trust-and-safety' as const, recipients: ['ts@example.org', `n${n}@example.org`], messageId: `<RI-2.stop-${n}@wiki>`, nextAttemptAt: T0 - 100 + n, createdAt: T0 })));
    const [sent, ours, theirs] = [await outbox.claim(T0, 1, T0 + 60_000), await outbox.claim(T0, 1, T0 + 60_000), await outbox.claim(T0, 1, T0 + 60_000)].map((c) => c[0]!);
    expect([sent!.messageId, ours!.messageId, theirs!.messageId]).toEqual(['<RI-2.stop-1@wiki>', '<RI-2.stop-2@wiki>', '<RI-2.stop-3@wiki>']);
    expect(theirs!.recipients).toEqual(['ts@example.org', 'n3@example.org']);
    await outbox.markSent(sent!.id, T0 + 1);
    // A sent message is not given back, an unknown id changes nothing, and another worker's claim stays its own.
    expect(await outbox.requeue([sent!.id, ours!.id, 999_999], T0 + 2)).toBe(1);
    expect(await outbox.find(ours!.id)).toEqual(expect.objectContaining({ state: 'pending', nextAttemptAt: T0 + 2 }));
    expect((await outbox.find(sent!.id))?.state).toBe('sent');
    expect((await outbox.find(theirs!.id))?.state).toBe('sending');
    await outbox.markSent(theirs!.id, T0 + 3);
    expect(outbox.sharedByProcesses).toBe(engine === 'postgres');
  });

  it('when retention purges, then texts, identities and exact times go, and the mailbox copies of purged reports too', async () => {
    const reports = new ReportRepository(sql);
    const mailbox = new DevMailboxRepository(sql);
    const kept = await mailbox.add(T0 + 3 * DAY, 'wiki@example.org', ['x@example.org'], Buffer.from('Message-ID: <RI-OTHER.direct@wiki>\r\n\r\nhi'));
    await mailbox.add(T0 + 3 * DAY, 'wiki@example.org', ['ts@example.org'], Buffer.from('Message-ID: <RI-1.direct@wiki>\r\n\r\nabout RI-1'));
    expect((await mailbox.list(10)).length).toBe(2);
    expect((await mailbox.find(kept))?.envelopeTo).toEqual(['x@example.org']);
    const purged = await reports.purgeBefore(T0 + DAY, T0 + 2 * DAY);
    expect(purged.sort()).toEqual(['RI-1', 'RI-2', 'RI-TEST']);
    const erased = (await reports.find('RI-1'))!;
    expect({ details: erased.details, reporter: erased.reporterUserId, createdAt: erased.createdAt % DAY }).toEqual({ details: '', reporter: null, createdAt: 0 });
    expect(await reports.purgedSince(T0)).toHaveLength(3);
    expect(await mailbox.purgeBefore(T0, await reports.purgedSince(T0))).toBe(1);
    expect((await mailbox.list(10)).map((m) => m.id)).toEqual([kept]);
    expect(await reports.purgeHitsBefore(T0)).toBe(1);
  });

  it('when sessions, login failures and funnel counts are written, then they are read back and expire', async () => {
    const sessions = new SessionRepository(sql);
    await sessions.insert({ sessionHash: 'h1', userId: 1, tokenSecret: 's', createdAt: T0, lastSeenAt: T0, expiresAt: T0 + DAY });
    await sessions.touch('h1', T0 + 5, T0 + 2 * DAY);
    expect((await sessions.find('h1', T0 + DAY + 1))?.lastSeenAt).toBe(T0 + 5);
    expect(await sessions.purgeExpired(T0 + 3 * DAY)).toBe(1);
    const clock = new FixedClock('2026-11-20T10:00:00Z');
    const throttle = new LoginThrottle(sql, clock, [{ by: 'name+address', count: 2, seconds: 60 }]);
    const first = await throttle.reserve('Reporter', '127.0.0.1');
    await throttle.reserve('Reporter', '127.0.0.1');
    expect(await throttle.reserve('Reporter', '127.0.0.1')).toEqual({ ok: false, retryAfterSeconds: 60 });
    if (first.ok) await throttle.release(first, 'Reporter', '127.0.0.1');
    expect(await throttle.retryAfter('Reporter', '127.0.0.1')).toBe(0);
    const funnel = new FunnelCounters(sql, clock, new MemoryLogger());
    funnel.count('report-opened', 'menu');
    funnel.count('report-opened', 'menu');
    await funnel.flush();
    funnel.count('report-opened', 'menu');
    expect(await funnel.rows('2026-11-20', '2026-11-20')).toEqual([{ day: '2026-11-20', event: 'report-opened', detail: 'menu', count: 3 }]);
    await funnel.close();
  });
});
