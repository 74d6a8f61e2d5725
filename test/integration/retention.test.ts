// Retention: after ReportIncidentRetentionDays, texts and identities are erased and only what statistics need stays.
import { afterEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/Clock.js';
import { HttpClient } from '../support/HttpClient.js';
import { closeOpenCases, findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki | null = null;
afterEach(async () => {
  await wiki?.close();
  wiki = null;
});

describe('RetentionService.purge', () => {
  it('when a report is older than the retention period, then its texts, snapshot and identities are erased and its type and date stay', async () => {
    const clock = new FixedClock('2026-01-10T10:00:00Z');
    wiki = await startTestWiki({ clock, settings: { ReportIncidentRetentionDays: 30 } as never });
    const alice = new HttpClient(wiki.url);
    await alice.login('Alice');
    const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
    const r = await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target, details: 'a secret detail' });
    const { reportId } = r.json<{ reportId: string }>();
    clock.advance(29 * 24 * 3600 * 1000);
    expect((await wiki.container.retention.purge()).reports).toBe(0);
    // (#21) Past the retention period, a report whose case is open is kept: it is still being handled.
    clock.advance(2 * 24 * 3600 * 1000);
    expect((await wiki.container.retention.purge()).reports).toBe(0);
    // Closed, it is kept for the six months its reporter may ask for a review, then erased.
    await closeOpenCases(wiki.container.sql, clock.now());
    clock.set('2026-08-10T09:00:00Z');
    expect((await wiki.container.retention.purge()).reports).toBe(0);
    clock.set('2026-08-11T11:00:00Z');
    expect((await wiki.container.retention.purge()).reports).toBe(1);
    const report = (await wiki.container.reports.find(reportId))!;
    expect(report).toMatchObject({ reporterUserId: null, reportedUser: '', details: '', snapshot: null, threadId: null, physicalHarmType: 'threats-physical-harm', route: 'emergency' });
    // The day stays for statistics, not the time (#16).
    expect(report.createdAt).toBe(Date.parse('2026-01-10T00:00:00Z'));
    expect(report.revId).toBe(0);
    const row = JSON.stringify(wiki.container.db.prepare('SELECT * FROM reports WHERE report_id = ?').get(reportId));
    for (const secret of ['a secret detail', 'Keep reverting me', 'Brackenfield', 'African']) expect(row).not.toContain(secret);
    const receipt = wiki.container.db.prepare("SELECT recipients FROM outbox WHERE report_id = ? AND kind = 'receipt'").pluck().get(reportId);
    // Never sent in this test (no worker): given up, and its address erased with the report's identities.
    expect(receipt).toBe('');
    expect(wiki.logger.lines.filter((l) => l.message === 'retention applied').every((l) => !JSON.stringify(l).includes(reportId))).toBe(true);
  });

  it('when a report with an update is purged, then the update\'s text is erased with the report\'s', async () => {
    const clock = new FixedClock('2026-01-10T10:00:00Z');
    wiki = await startTestWiki({ clock, settings: { ReportIncidentRetentionDays: 30 } as never });
    const alice = new HttpClient(wiki.url);
    await alice.login('Alice');
    const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
    const report = { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target };
    const { reportId } = (await postReport(alice, { ...report, details: 'a secret detail' })).json<{ reportId: string }>();
    clock.advance(3600 * 1000);
    expect((await postReport(alice, { ...report, details: 'a secret detail. a secret addition.' })).json()).toMatchObject({ reportId, updated: true });
    const updates = () => JSON.stringify(wiki!.container.db.prepare('SELECT * FROM report_updates WHERE report_id = ?').all(reportId));
    expect(updates()).toContain('a secret addition');

    await closeOpenCases(wiki.container.sql, clock.now());
    clock.advance(190 * 24 * 3600 * 1000);
    expect((await wiki.container.retention.purge()).reports).toBe(1);

    expect(updates()).not.toContain('a secret addition');
    expect(wiki.container.db.prepare('SELECT text FROM report_updates WHERE report_id = ?').pluck().all(reportId)).toEqual(['']);
  });
});
