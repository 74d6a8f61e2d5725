// Staff mail a responder can triage from the inbox (issue 19): the subject and the first lines say what, where, how
// urgent and how many related reports; both accounts come with age, edits and blocks; emergencies are marked urgent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { type ReceivedMail, SmtpSink } from '../support/smtpSink.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
let sink: SmtpSink;
const ids: Record<string, string> = {};

async function report(user: string, page: string, comment: string, body: Record<string, unknown>): Promise<string> {
  const client = new HttpClient(wiki.url);
  await client.login(user);
  const target = await findComment(client, page, comment);
  const reply = await postReport(client, { ...target, ...body });
  expect(reply.status, reply.text).toBe(201);
  return reply.json<{ reportId: string }>().reportId;
}

/** The mail about a report to one recipient (the report id is in a header of every mail). */
function mailOf(reportId: string, recipient: string): ReceivedMail {
  const mail = sink.received.find((m) => m.header('x-reportincident-report-id') === reportId && m.envelopeTo.includes(recipient));
  if (!mail) throw new Error(`no mail about ${reportId} to ${recipient}`);
  return mail;
}

const firstLines = (mail: ReceivedMail, n: number) => (mail.parsed.text ?? '').replace(/\r\n/g, '\n').split('\n').slice(0, n);

beforeAll(async () => {
  sink = await new SmtpSink().start();
  wiki = await startTestWiki({ delivery: true, env: { SMTP_URL: sink.url }, settings: { ReportIncidentEnableDirectReporting: true } as never });
  const accounts = wiki.container.accounts;
  const brackenfield = (await accounts.findByName('Brackenfield'))!;
  await accounts.block(brackenfield, { reason: 'Harassment on talk pages', expiresAt: Date.now() + 7 * 86_400_000, partial: { pageIds: [], namespaces: [1] } });
  ids.first = await report('Alice', 'Talk:African_wild_dog', 'Keep reverting me', { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: 'He knows where I work.' });
  ids.second = await report('Testing', 'User_talk:Testing', 'Every edit you make is rubbish', { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: 'Same person again.' });
  ids.atRisk = await report('Rowan', 'Talk:African_wild_dog', 'Keep reverting me', { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm', about: 'self', details: 'I cannot go on like this.' });
  ids.direct = await report('Juniper', 'User_talk:Testing', 'Every edit you make is rubbish', { incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', directReport: 'He insults Testing again.' });
  // Each report: its mail and the reporter's receipt.
  await sink.waitFor(8);
}, 60_000);

afterAll(async () => {
  await wiki?.close();
  await sink?.stop();
});

describe('the Trust & Safety mail', () => {
  it('when a report has related reports, then the subject names the type, the page and how many, and the first lines say what, where, how urgent and which', () => {
    const mail = mailOf(ids.second!, 'emergency@localhost');
    expect(mail.parsed.subject).toBe(`[Demo Wiki] Emergency report: Threats of physical harm on User talk:Testing (${ids.second}) [+1 related]`);
    const lines = firstLines(mail, 5);
    expect(lines[0]).toMatch(/^What: Threats of physical harm \(RI-/u);
    expect(lines[1]).toMatch(/^Where: User talk:Testing <http:\/\/.+\/w\/index\.php\?oldid=\d+#c-Brackenfield-/u);
    expect(lines[2]).toBe('Urgency: Emergency. The reporter was told to expect an answer within 24 hours.');
    expect(lines[3]).toBe('Related reports: 2 reports about this comment or user in 7 days, this one included:');
    expect(lines[4]).toMatch(new RegExp(`^- ${ids.first}: Threats of physical harm \\(same reported user\\) <http://.+/w/index\\.php\\?oldid=\\d+#c-Brackenfield-`, 'u'));
  });

  it('when a report is the only one, then one line says so and nothing repeats it', () => {
    const text = mailOf(ids.first!, 'emergency@localhost').parsed.text ?? '';
    expect(text).toContain('Related reports: none in the last 7 days');
    expect(text).not.toMatch(/None\.|only report/u);
  });

  it('when the reporter reports a threat of self-harm about themselves, then the subject and the first line say they may be at risk', () => {
    const mail = mailOf(ids.atRisk!, 'emergency@localhost');
    expect(mail.parsed.subject).toMatch(/^\[Demo Wiki\] Reporter may be at risk: Threats of self-harm on Talk:African wild dog \(RI-[^)]+\) \[\+\d+ related\]$/u);
    expect(firstLines(mail, 1)[0]).toMatch(/^The reporter may be at risk themselves/u);
  });

  it('when both accounts are described, then each has its age, its edits and its blocks, the reported user\'s block in force', () => {
    const text = mailOf(ids.second!, 'emergency@localhost').parsed.text ?? '';
    const reporter = text.slice(text.indexOf('== Reporter =='), text.indexOf('== Reported user =='));
    const reported = text.slice(text.indexOf('== Reported user =='), text.indexOf('== Reported content =='));
    for (const part of [reporter, reported]) {
      expect(part).toMatch(/Account age: \d+ days?/u);
      expect(part).toMatch(/Edits: \d+/u);
      expect(part).toContain('Blocks, now or in the last 90 days:');
    }
    expect(reporter).toContain('Blocks, now or in the last 90 days: none');
    expect(reported).toMatch(/- Partial block since \d{4}-\d\d-\d\d \d\d:\d\d UTC, until \d{4}-\d\d-\d\d \d\d:\d\d UTC, in force now: Harassment on talk pages/u);
    const html = mailOf(ids.second!, 'emergency@localhost').parsed.html ?? '';
    expect(html).toContain('<strong>Partial block since');
  });

  it('when an emergency is mailed, then it is marked urgent for mail clients; a direct report and a receipt are not', () => {
    const emergency = mailOf(ids.first!, 'emergency@localhost');
    expect(emergency.header('importance')).toBe('high');
    expect(emergency.header('x-priority')).toBe('1');
    const direct = mailOf(ids.direct!, 'admins@localhost');
    const receipt = sink.received.find((m) => m.header('x-reportincident-report-id') === ids.first && !m.envelopeTo.includes('emergency@localhost'))!;
    for (const mail of [direct, receipt]) {
      expect(mail.header('importance')).toBeUndefined();
      expect(mail.header('x-priority')).toBeUndefined();
    }
  });
});

describe('the direct mail', () => {
  it('when community responders get a report, then the first lines say what, where and that it is not an emergency, and nothing of other reports', () => {
    const mail = mailOf(ids.direct!, 'admins@localhost');
    expect(mail.parsed.subject).toBe(`[Demo Wiki] Report to community responders: Bullying, intimidation, threats or insults on User talk:Testing (${ids.direct})`);
    const lines = firstLines(mail, 3);
    expect(lines[0]).toMatch(/^What: Bullying, intimidation, threats or insults \(RI-/u);
    expect(lines[1]).toMatch(/^Where: User talk:Testing </u);
    expect(lines[2]).toBe("Urgency: Not an emergency. A report for the wiki's community responders.");
    expect(mail.parsed.text).not.toContain('Related reports');
    expect(mail.parsed.text).not.toContain(ids.first!);
  });
});

describe('the language of staff mail', () => {
  it('when the wiki is German and Trust & Safety read English, then a direct report is mailed in German and an emergency in English', async () => {
    const german = await new SmtpSink().start();
    const de = await startTestWiki({ delivery: true, env: { SMTP_URL: german.url }, settings: { ReportIncidentEnableDirectReporting: true, LanguageCode: 'de', ReportIncidentEmailLanguage: 'en' } as never });
    try {
      const reportOn = async (user: string, page: string, comment: string, body: Record<string, unknown>) => {
        const client = new HttpClient(de.url);
        await client.login(user);
        const reply = await postReport(client, { ...(await findComment(client, page, comment)), ...body });
        expect(reply.status, reply.text).toBe(201);
        return reply.json<{ reportId: string }>().reportId;
      };
      const direct = await reportOn('Juniper', 'User_talk:Testing', 'Every edit you make is rubbish', { incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', directReport: 'Er beleidigt Testing schon wieder.' });
      const emergency = await reportOn('Alice', 'Talk:African_wild_dog', 'Keep reverting me', { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm' });
      await german.waitFor(4);
      const directMail = german.received.find((m) => m.header('x-reportincident-report-id') === direct && m.envelopeTo.includes('admins@localhost'))!;
      const emergencyMail = german.received.find((m) => m.header('x-reportincident-report-id') === emergency && m.envelopeTo.includes('emergency@localhost'))!;
      const t = de.container.messages.translator('de');
      expect(directMail.parsed.html).toContain('<html lang="de"');
      expect(directMail.parsed.text).toContain(`${t('reportincident-email-summary-what')}: ${t('reportincident-behavior-intimidation')}`);
      expect(emergencyMail.parsed.html).toContain('<html lang="en"');
      expect(emergencyMail.parsed.subject).toMatch(/^\[Demo Wiki\] Emergency report: /u);
    } finally {
      await de.close();
      await german.stop();
    }
  }, 60_000);
});
