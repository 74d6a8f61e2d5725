// The statistics describe the last quarter hour, the alarm about failing mail included: nothing on the page moves
// between two quarter hours, so no figure tells when a report came (#16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/Clock.js';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

const clock = new FixedClock('2026-03-11T10:07:30Z');
let wiki: TestWiki;
beforeAll(async () => {
  wiki = await startTestWiki({ clock });
  const alice = new HttpClient(wiki.url);
  await alice.login('Alice');
  const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
  const { reportId } = (await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target })).json<{ reportId: string }>();
  // Its mail fails from the start (no worker runs here: the failure is written as the worker would).
  wiki.container.db.prepare("UPDATE outbox SET attempts = 1, last_error = 'SMTP 451 on DATA' WHERE report_id = ?").run(reportId);
});
afterAll(() => wiki.close());

describe('the alarm about mail failing for an hour', () => {
  it('when a report\'s mail turns an hour old within a quarter hour, then the alarm does not change until the next one', async () => {
    clock.set('2026-03-11T11:07:29.999Z');
    const before = (await wiki.container.statistics.overview()).outbox.failingOverAnHour;
    clock.set('2026-03-11T11:07:30.000Z');
    expect((await wiki.container.statistics.overview()).outbox.failingOverAnHour).toBe(before);
    clock.set('2026-03-11T11:15:00.000Z');
    expect((await wiki.container.statistics.overview()).outbox.failingOverAnHour).toBeGreaterThan(before);
  });
});
