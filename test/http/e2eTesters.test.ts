// ReportIncidentE2ETesterUsers (#16): a listed tester's report goes through every step and is kept as a test, but is
// mailed to nobody, counted nowhere and listed in no other report's mail; the confirmation says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
let rowan: HttpClient;
let target: { revisionId: number; threadId: string };

beforeAll(async () => {
  wiki = await startTestWiki();
  const c = wiki.container;
  const ines = (await c.accounts.findByName('Ines'))!;
  const saved = await c.communityConfigEditor.save(ines, { ...(await c.communityConfigEditor.current()), ReportIncidentE2ETesterUsers: ['rowan'] }, 'testers', (await c.communityConfigEditor.currentJson()).revId);
  expect(saved.ok).toBe(true);
  rowan = new HttpClient(wiki.url);
  await rowan.login('Rowan');
  target = await findComment(rowan, 'Talk:African_wild_dog', 'Keep reverting me');
});
afterAll(() => wiki.close());

const outbox = async (id: string) => (await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM outbox WHERE report_id = ?', [id]))!.n;

describe('end-to-end testers', () => {
  it('when a tester files an emergency report, then it is stored as a test and no mail at all is queued, not even a receipt', async () => {
    const r = await postReport(rowan, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target, details: 'testing the flow' });
    expect(r.status).toBe(201);
    const body = r.json<{ reportId: string; test?: boolean }>();
    expect(body.test).toBe(true);
    expect((await wiki.container.reports.find(body.reportId))!.test).toBe(true);
    expect(await outbox(body.reportId)).toBe(0);
  });

  it('when the tester opens the confirmation, then it says the report was a test sent to nobody, not that it is being sent', async () => {
    const r = await postReport(rowan, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm', about: 'someone-else', ...target, details: 'testing again' });
    const { reportId } = r.json<{ reportId: string }>();
    const page = await rowan.get(`/wiki/Special:ReportIncident/submitted/${reportId}?uselang=en`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('This was a test: you are listed as an end-to-end tester');
    expect(page.text).not.toContain('is being sent');
  });

  it('when a tester leaves the list and reports the same comment for real, then it is a new report that is mailed, not folded into the test', async () => {
    const c = wiki.container;
    const ines = (await c.accounts.findByName('Ines'))!;
    const listed = async (names: string[]) => expect((await c.communityConfigEditor.save(ines, { ...(await c.communityConfigEditor.current()), ReportIncidentE2ETesterUsers: names }, 'testers', (await c.communityConfigEditor.currentJson()).revId)).ok).toBe(true);
    await listed([]);
    try {
      const real = await postReport(rowan, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target, details: 'Now for real: he posted my home address.' });
      expect(real.status).toBe(201);
      const body = real.json<{ reportId: string; test?: boolean; duplicate?: boolean }>();
      expect(body.test).toBeUndefined();
      expect(await outbox(body.reportId)).toBeGreaterThan(0);
      // Listed again, a repeat of that real report is a new test, and mails no update to its recipients.
      await listed(['Rowan']);
      const mails = (await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM outbox'))!.n;
      const again = await postReport(rowan, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target, details: 'Now for real: he posted my home address. And a tester run.' });
      expect(again.json<{ test?: boolean }>().test).toBe(true);
      expect((await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM outbox'))!.n).toBe(mails);
      // Leaves the statistics as the rest of this file expects them.
      await c.sql.run('DELETE FROM outbox WHERE report_id = ?', [body.reportId]);
      // Its case too (#21): a real emergency opens one.
      await c.sql.run('DELETE FROM case_events WHERE report_id = ?', [body.reportId]);
      await c.sql.run('DELETE FROM incident_cases WHERE report_id = ?', [body.reportId]);
      await c.sql.run('DELETE FROM reports WHERE report_id = ?', [body.reportId]);
    } finally {
      await listed(['rowan']);
    }
  });

  it('when a tester opens the report form, then its first step says their reports go nowhere and where a real emergency goes, and the funnel does not count it', async () => {
    const day = new Date(wiki.container.clock.now()).toISOString().slice(0, 10);
    const opened = async () => (await wiki.container.funnel.rows(day, day)).filter((r) => r.event === 'report-opened').reduce((a, r) => a + r.count, 0);
    const before = await opened();
    const page = await rowan.get('/wiki/Talk:African_wild_dog');
    const link = /href="(\/wiki\/Special:ReportIncident\?[^"]+source=menu)"/.exec(page.text)![1]!.replace(/&amp;/g, '&');
    const step1 = await rowan.get(`${link}&uselang=en`);
    expect(step1.status).toBe(200);
    expect(step1.text).toContain('id="tester-notice"');
    expect(step1.text).toContain('is kept as a test and sent to nobody');
    expect(step1.text).toMatch(/id="tester-notice"[\s\S]*?href="mailto:emergency@localhost/);
    expect(await opened()).toBe(before);
    // Anyone else's first step says nothing of it.
    const alice = new HttpClient(wiki.url);
    await alice.login('Alice');
    expect((await alice.get(link)).text).not.toContain('tester-notice');
  });

  it('when someone who is not a tester reports the same comment, then their mail goes out and lists no test report as related, and statistics count only theirs', async () => {
    const alice = new HttpClient(wiki.url);
    await alice.login('Alice');
    const r = await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target, details: 'a real one' });
    const { reportId } = r.json<{ reportId: string }>();
    expect(await outbox(reportId)).toBeGreaterThan(0);
    const report = (await wiki.container.reports.find(reportId))!;
    expect((await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM reports WHERE test = 1'))!.n).toBe(2);
    // The mail's "other reports about this comment" come from here.
    const related = await wiki.container.reports.related(report, 0);
    expect(related.map((x) => x.id)).toEqual([]);
    const rows = await wiki.container.statistics.exportDeidentified('2000-01-01', '2100-01-01');
    expect(rows).toHaveLength(1);
  });
});
