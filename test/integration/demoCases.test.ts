// The demo's responder desk (#21): the reports npm start files and handles after seeding, so the queue is lived in.
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../src/seed/demoCases.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki | null = null;
afterEach(async () => {
  await wiki?.close();
  wiki = null;
});

const queueOf = async (w: TestWiki, name: string) => {
  const user = (await w.container.accounts.findByName(name))!;
  return (await w.container.cases.queue(user, { status: 'all', type: null, assignee: 'any', limit: 50, offset: 0 }))?.entries ?? [];
};

describe('seedDemoCases', () => {
  it('when the demo sends direct reports, then Tomas finds a waiting emergency, one being looked into and one closed, and Priya a direct report', async () => {
    wiki = await startTestWiki({ settings: { ReportIncidentEnableDirectReporting: true } });
    expect(await seedDemoCases(wiki.container)).toBe(4);
    const tomas = await queueOf(wiki, 'Tomas');
    expect(tomas.map((e) => e.status).sort()).toEqual(['investigating', 'new', 'resolved']);
    expect(tomas.find((e) => e.status === 'investigating')?.assigneeName).toBe('Tomas');
    expect((await queueOf(wiki, 'Priya')).map((e) => [e.status, e.type])).toEqual([['new', 'intimidation']]);
    // Testing, who reported, follows both reports on Special:MyReports; Brackenfield, reported, sees nothing.
    const testing = (await wiki.container.accounts.findByName('Testing'))!;
    expect((await wiki.container.cases.mine(testing)).length).toBe(2);
    expect(await queueOf(wiki, 'Brackenfield')).toEqual([]);
  });

  it('when the demo sends no direct reports (the default), then only the three emergencies are filed', async () => {
    wiki = await startTestWiki();
    expect(await seedDemoCases(wiki.container)).toBe(3);
    expect(await queueOf(wiki, 'Priya')).toEqual([]);
  });
});
