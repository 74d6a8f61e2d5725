// ReportRepository.related: the reports about the same comment or the same user within a window, newest 50,
// from two index scans (src/reporting/ReportRepository.ts), checked against the rule written out over all rows.
import { describe, expect, it } from 'vitest';
import type { IncidentReport } from '../../src/reporting/IncidentReport.js';
import { ReportRepository } from '../../src/reporting/ReportRepository.js';
import { migrate } from '../../src/storage/migrate.js';
import { openDatabase } from '../../src/storage/openDatabase.js';
import { SqliteDatabase } from '../../src/storage/SqliteDatabase.js';
import { incidentReport } from '../support/reporting.js';

function report(n: number, fields: Partial<IncidentReport>): IncidentReport {
  return incidentReport({ id: `RI-${String(n).padStart(5, '0')}`, createdAt: 1_000_000 + n * 1000, ...fields });
}

describe('ReportRepository.related', () => {
  it('when a user and a comment have been reported many times, then the 50 newest others come back, each once, flagged by reason', async () => {
    const db = openDatabase(':memory:');
    migrate(db);
    db.pragma('foreign_keys = OFF'); // page ids without pages: this test is about the query
    const repository = new ReportRepository(new SqliteDatabase(db));
    const all: IncidentReport[] = [];
    for (let n = 0; n < 400; n++) {
      const r = report(n, {
        reportedUser: n % 3 === 0 ? 'Brackenfield' : n % 3 === 1 ? 'Rowan' : '',
        pageId: n % 4 === 0 ? 7 : 8,
        threadId: n % 5 === 0 ? 'c-Brackenfield-1' : `c-Other-${n % 7}`,
        route: n % 11 === 0 ? 'support' : n % 2 === 0 ? 'emergency' : 'direct',
        ...(n % 2 === 0 ? { incidentType: 'immediate-threat-physical-harm' as const, physicalHarmType: 'threats-physical-harm' as const, behaviorType: null } : {}),
      });
      await repository.insert(r);
      all.push(r);
    }
    // About a comment only (395), about a comment and its author (390, given an author), about an author only (399).
    const cases = [all[395]!, { ...all[390]!, reportedUser: 'Brackenfield' }, all[399]!];
    for (const about of cases) {
      const since = 1_000_000 + 100 * 1000;
      const sameComment = (r: IncidentReport) => about.threadId !== null && r.pageId === about.pageId && r.threadId === about.threadId;
      const expected = all
        .filter((r) => r.id !== about.id && r.createdAt > since && r.route !== 'support' && (sameComment(r) || (about.reportedUser !== '' && r.reportedUser === about.reportedUser)))
        .sort((a, b) => b.createdAt - a.createdAt)
        .slice(0, 50)
        .map((r) => ({ id: r.id, type: r.physicalHarmType ?? r.behaviorType, sameComment: sameComment(r), createdAt: r.createdAt, revId: r.revId, threadId: r.threadId }));
      expect(expected.length).toBeGreaterThan(0);
      expect(await repository.related(about, since)).toEqual(expected);
    }
    db.close();
  });
});
