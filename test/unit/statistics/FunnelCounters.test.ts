// The funnel counters add up in memory and write together; every count reaches SQLite (src/statistics/FunnelCounters.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FixedClock } from '../../../src/shared/Clock.js';
import { MemoryLogger } from '../../../src/shared/Logger.js';
import { FunnelCounters } from '../../../src/statistics/FunnelCounters.js';
import { migrate } from '../../../src/storage/migrate.js';
import { type Db, openDatabase } from '../../../src/storage/openDatabase.js';
import { SqliteDatabase } from '../../../src/storage/SqliteDatabase.js';
import { migratedDatabase, testEngines } from '../../support/postgres.js';

function setUp() {
  const db = openDatabase(':memory:');
  migrate(db);
  const clock = new FixedClock(Date.parse('2026-11-22T10:00:00Z'));
  return { db, clock, funnel: new FunnelCounters(new SqliteDatabase(db), clock, new MemoryLogger()) };
}

const stored = (db: Db) => db.prepare('SELECT day, event, detail, count FROM funnel_counters ORDER BY event, detail').all();

describe('FunnelCounters', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when events are counted, then nothing is written until a flush, and the flush writes the sums in one go', async () => {
    const { db, funnel } = setUp();
    funnel.count('report-opened', 'menu');
    funnel.count('report-opened', 'menu');
    funnel.count('step1-choice', 'emergency');
    expect(stored(db)).toEqual([]);
    await funnel.flush();
    expect(stored(db)).toEqual([
      { day: '2026-11-22', event: 'report-opened', detail: 'menu', count: 2 },
      { day: '2026-11-22', event: 'step1-choice', detail: 'emergency', count: 1 },
    ]);
  });

  it('when counts are flushed twice, then the second adds to the first', async () => {
    const { db, funnel } = setUp();
    funnel.count('support-viewed', 'doxing');
    await funnel.flush();
    funnel.count('support-viewed', 'doxing');
    funnel.count('support-viewed', 'doxing');
    await funnel.flush();
    expect(stored(db)).toEqual([{ day: '2026-11-22', event: 'support-viewed', detail: 'doxing', count: 3 }]);
  });

  it('when the rows are read, then the counts not yet written are included', async () => {
    const { funnel } = setUp();
    funnel.count('flow-abandoned', 'step1');
    expect(await funnel.rows('2026-11-22', '2026-11-22')).toEqual([{ day: '2026-11-22', event: 'flow-abandoned', detail: 'step1', count: 1 }]);
  });

  it('when a second passes after a count, then it is written without being asked', async () => {
    vi.useFakeTimers();
    const { db, funnel } = setUp();
    funnel.count('help-link-followed', 'doxing/0');
    await vi.advanceTimersByTimeAsync(1000);
    expect(stored(db)).toEqual([{ day: '2026-11-22', event: 'help-link-followed', detail: 'doxing/0', count: 1 }]);
  });

  it('when the day changes between counts, then each day keeps its own count', async () => {
    const { funnel, clock } = setUp();
    funnel.count('report-opened');
    clock.advance(24 * 3600_000);
    funnel.count('report-opened');
    expect((await funnel.rows('2026-11-22', '2026-11-23')).map((r) => [r.day, r.count])).toEqual([
      ['2026-11-22', 1],
      ['2026-11-23', 1],
    ]);
  });
});

describe('FunnelCounters when the database is locked', () => {
  it('when another connection holds the write lock, then the counts stay in memory and are written once it is free', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'funnel-'));
    const file = path.join(dir, 'wiki.sqlite');
    const db = openDatabase(file);
    migrate(db);
    db.pragma('busy_timeout = 0');
    const funnel = new FunnelCounters(new SqliteDatabase(db), new FixedClock('2026-11-22T10:00:00Z'), new MemoryLogger());
    const other = openDatabase(file);
    other.prepare('BEGIN IMMEDIATE').run();
    funnel.count('report-opened');
    await expect(funnel.flush()).resolves.toBeUndefined();
    other.prepare('COMMIT').run();
    funnel.count('report-opened');
    await funnel.flush();
    expect(stored(db)).toEqual([{ day: '2026-11-22', event: 'report-opened', detail: '', count: 2 }]);
    await funnel.flush();
    other.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('FunnelCounters when the disk is full', () => {
  it('when the counts cannot be written, then an error is logged, nothing throws, and they are written once there is room', async () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const logger = new MemoryLogger();
    const funnel = new FunnelCounters(new SqliteDatabase(db), new FixedClock('2026-11-22T10:00:00Z'), logger);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    // Fill what is left, so the counters' table has no page to grow into.
    expect(() => db.prepare('CREATE TABLE filler (x TEXT)').run()).toThrow();
    for (let i = 0; i < 200; i++) funnel.count('help-link-followed', `doxing/${i}`);
    await expect(funnel.flush()).resolves.toBeUndefined();
    expect(logger.lines.map((l) => l.message)).toContain('funnel counts could not be written; they are kept and tried again');
    db.pragma(`max_page_count = ${pages + 100}`);
    await funnel.flush();
    expect(await funnel.rows('2026-11-22', '2026-11-22')).toHaveLength(200);
    db.close();
  });
});

describe.each(testEngines)('FunnelCounters on %s', (engine) => {
  it('when events are counted while close() writes, then they are written too', async () => {
    const { sql, close } = await migratedDatabase(engine);
    try {
      const funnel = new FunnelCounters(sql, new FixedClock(Date.parse('2026-11-22T10:00:00Z')), new MemoryLogger());
      funnel.count('report-opened', 'menu');
      const closing = funnel.close();
      funnel.count('report-opened', 'menu');
      await closing;
      expect(await sql.all('SELECT count FROM funnel_counters')).toEqual([{ count: 2 }]);
    } finally {
      await close();
    }
  });

  it('when the table is read while a flush is writing, then the read waits for it and sees its counts', async () => {
    const { sql, close } = await migratedDatabase(engine);
    try {
      // Connections open and idle, as in a running wiki: a read does not wait for a new one while the flush writes.
      await Promise.all([sql.all('SELECT 1'), sql.all('SELECT 1'), sql.all('SELECT 1')]);
      const funnel = new FunnelCounters(sql, new FixedClock(Date.parse('2026-11-22T10:00:00Z')), new MemoryLogger());
      funnel.count('report-opened', 'menu');
      const writing = funnel.flush();
      expect(await funnel.rows('2026-11-22', '2026-11-22')).toEqual([{ day: '2026-11-22', event: 'report-opened', detail: 'menu', count: 1 }]);
      await writing;
    } finally {
      await close();
    }
  });
});
