// Golden files of each mail (text and HTML), from a wiki at a fixed time; `npx vitest run -u` rewrites them after a reviewed change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/Clock.js';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { SmtpSink } from '../support/smtpSink.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
let sink: SmtpSink;
const reportIds: string[] = [];

beforeAll(async () => {
  sink = await new SmtpSink().start();
  wiki = await startTestWiki({ delivery: true, clock: new FixedClock('2026-03-02T09:30:00Z'), env: { SMTP_URL: sink.url }, settings: { ReportIncidentEnableDirectReporting: true } as never });
  const alice = new HttpClient(wiki.url);
  await alice.login('Alice');
  const threat = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
  const emergency = await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm', about: 'someone-else', ...threat, details: 'He wrote this after I reverted him.\nI am worried about him, not only me.' });
  const testing = new HttpClient(wiki.url);
  await testing.login('Testing');
  const insult = await findComment(testing, 'User_talk:Testing', 'Every edit you make is rubbish');
  const direct = await postReport(testing, { incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', ...insult, directReport: 'This user insults me on my talk page & elsewhere <again>.' });
  for (const r of [emergency, direct]) reportIds.push(r.json<{ reportId: string }>().reportId);
  await sink.waitFor(4);
  // The same emergency again, with new words and another "about": an update in the first mail's thread.
  await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm', about: 'self', ...threat, details: 'He wrote this after I reverted him.\nNow he writes to me <by email> too.' });
  await sink.waitFor(5);
});

afterAll(async () => {
  await wiki.close();
  await sink.stop();
});

/** Report ids are random: the golden files name them by their order. */
const normalise = (s: string) => reportIds.reduce((out, id, i) => out.replaceAll(id, `RI-REPORT-${i + 1}`), s).replace(/\r\n/g, '\n');

describe.each([
  ['trust-and-safety', 'emergency@localhost'],
  ['direct', 'admins@localhost'],
  ['receipt', 'alice@example.org'],
])('the %s mail', (name, recipient) => {
  it('when composed for the golden case, then its text part matches the golden file', async () => {
    const mail = sink.received.find((m) => m.envelopeTo.includes(recipient))!;
    await expect(normalise(`Subject: ${mail.parsed.subject}\n\n${mail.parsed.text}`)).toMatchFileSnapshot(`./emails/${name}.txt`);
  });

  it('when composed for the golden case, then its HTML part matches the golden file', async () => {
    const mail = sink.received.find((m) => m.envelopeTo.includes(recipient))!;
    await expect(normalise(mail.parsed.html ?? '')).toMatchFileSnapshot(`./emails/${name}.html`);
  });
});

describe('the update mail', () => {
  const update = () => sink.received.find((m) => m.header('in-reply-to'))!;

  it('when composed for the golden case, then its text part matches the golden file', async () => {
    await expect(normalise(`Subject: ${update().parsed.subject}\n\n${update().parsed.text}`)).toMatchFileSnapshot('./emails/trust-and-safety-update.txt');
  });

  it('when composed for the golden case, then its HTML part matches the golden file', async () => {
    await expect(normalise(update().parsed.html ?? '')).toMatchFileSnapshot('./emails/trust-and-safety-update.html');
  });
});
