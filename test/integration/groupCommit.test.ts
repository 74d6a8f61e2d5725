// Submissions of one turn of the event loop share a write transaction, each in its own savepoint
// (ReportRepository.immediate): one that throws is undone alone; a failed commit fails them all.
import { describe, expect, it } from 'vitest';
import { ReportRepository } from '../../src/reporting/ReportRepository.js';
import { migrate } from '../../src/storage/migrate.js';
import { type Db, openDatabase } from '../../src/storage/openDatabase.js';
import { SqliteDatabase } from '../../src/storage/SqliteDatabase.js';

function setUp() {
  const db = openDatabase(':memory:');
  migrate(db);
  return { db, repository: new ReportRepository(new SqliteDatabase(db)) };
}

const addCounter = (db: Db, event: string) => db.prepare("INSERT INTO funnel_counters (day, event, detail, count) VALUES ('2026-11-22', ?, '', 1)").run(event);
const counters = (db: Db) => db.prepare('SELECT event FROM funnel_counters ORDER BY event').pluck().all();

describe('ReportRepository.immediate (group commit)', () => {
  it('when three writes are queued in one turn and the second throws, then the first and third are kept and only the second fails', async () => {
    const { db, repository } = setUp();
    const results = await Promise.allSettled([
      repository.immediate(async () => (addCounter(db, 'a'), 'first')),
      repository.immediate(async () => {
        addCounter(db, 'b');
        throw new Error('second refused');
      }),
      repository.immediate(async () => (addCounter(db, 'c'), 'third')),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['first', 'second refused', 'third']);
    expect(counters(db)).toEqual(['a', 'c']);
  });

  it('when a later write sees an earlier one of the same turn, then it sees it committed in order (a duplicate check works)', async () => {
    const { db, repository } = setUp();
    const seen = await Promise.all([
      repository.immediate(async () => (addCounter(db, 'a'), counters(db).length)),
      repository.immediate(async () => (addCounter(db, 'b'), counters(db).length)),
    ]);
    expect(seen).toEqual([1, 2]);
  });

  it('when the shared commit fails, then every write of the turn fails and none is kept', async () => {
    const { db, repository } = setUp();
    const results = await Promise.allSettled([
      repository.immediate(async () => addCounter(db, 'a')),
      repository.immediate(async () => {
        // A foreign key checked only at COMMIT: the savepoint is released, the commit is refused.
        db.pragma('defer_foreign_keys = ON');
        db.prepare("INSERT INTO outbox (report_id, kind, recipients, message_id, next_attempt_at, created_at) VALUES ('RI-NONE', 'receipt', '[]', '<x@y>', 0, 0)").run();
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(counters(db)).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  it('when writes come in different turns, then each commits on its own', async () => {
    const { db, repository } = setUp();
    await repository.immediate(async () => addCounter(db, 'a'));
    await expect(repository.immediate(async () => {
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(counters(db)).toEqual(['a']);
  });
});

describe('ReportRepository.immediate when the database is full', () => {
  it('when one write of a turn fills the database, then every write reported as done is stored and every refused one is not', async () => {
    const { db, repository } = setUp();
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    const big = 'x'.repeat(64 * 1024);
    const results = await Promise.allSettled([
      repository.immediate(async () => addCounter(db, 'a')),
      repository.immediate(async () => db.prepare("INSERT INTO funnel_counters (day, event, detail, count) VALUES ('2026-11-22', 'big', ?, 1)").run(big)),
      repository.immediate(async () => addCounter(db, 'c')),
    ]);
    expect(results[1]!.status).toBe('rejected');
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_FULL' });
    const done = ['a', 'big', 'c'].filter((_, i) => results[i]!.status === 'fulfilled');
    expect(counters(db)).toEqual(done);
    expect(db.inTransaction).toBe(false);
  });
});
