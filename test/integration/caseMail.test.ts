// The desk's mail (#21) through a real SMTP server on loopback: what responders write reaches the reporter in her
// language, naming nobody; cases left waiting remind their group once at the limit and once at twice it (CLI --now).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserAccount } from '../../src/accounts/UserAccount.js';
import { runCli } from '../support/cli.js';
import { HttpClient } from '../support/HttpClient.js';
import { csrfToken, findComment } from '../support/reporting.js';
import { SmtpSink } from '../support/smtpSink.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
let sink: SmtpSink;
let tomas: UserAccount;
let alice: HttpClient;

beforeAll(async () => {
  sink = await new SmtpSink().start();
  wiki = await startTestWiki({ delivery: true, env: { SMTP_URL: sink.url }, settings: { ReportIncidentEnableDirectReporting: true } });
  tomas = (await wiki.container.accounts.findByName('Tomas'))!;
  alice = new HttpClient(wiki.url);
  await alice.login('Alice');
});
afterAll(async () => {
  await wiki?.close();
  await sink?.stop();
});

/** Files an emergency as Alice, with the interface in `lang`; waits for its staff mail and receipt. */
async function emergency(comment: string, lang: string): Promise<string> {
  const before = sink.received.length;
  const target = await findComment(alice, 'Talk:African_wild_dog', comment);
  const body = { token: await csrfToken(alice), incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: 'He wrote where I live.', ...target };
  const r = await alice.request('POST', `/w/rest.php/reportincident/v0/report?uselang=${lang}`, JSON.stringify(body), { 'content-type': 'application/json' });
  expect(r.status).toBe(201);
  await sink.waitFor(before + 2);
  return r.json<{ reportId: string }>().reportId;
}

const act = async (id: string, action: string, fields: { text?: string; status?: string } = {}) => {
  const revision = (await wiki.container.cases.view(tomas, id))!.case.revision;
  const result = await wiki.container.cases.act(tomas, id, { action, revision, ...fields });
  expect(result.ok).toBe(true);
};
const toAlice = () => sink.received.filter((m) => m.envelopeTo.includes('alice@example.org'));

/** Waits (bounded) for mail the worker sends in the background. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`still not true: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('mail to the reporter', () => {
  it('when Tomas acknowledges, writes and closes, then Alice gets each in her mail with the link to her report, and no name but hers', async () => {
    const id = await emergency('Keep reverting me', 'en');
    const before = toAlice().length;
    await act(id, 'claim');
    await act(id, 'note', { text: 'Internal: the account is a sock of another.' });
    await act(id, 'acknowledge', { text: 'We have your report and will write again by Friday.' });
    await act(id, 'message', { text: 'Is there anything more you can tell us?' });
    await act(id, 'close', { status: 'resolved', text: 'The account is blocked.' });
    await until(() => toAlice().length >= before + 3, 'three mails to Alice');
    const mails = toAlice().slice(before);
    expect(mails.map((m) => m.parsed.subject)).toEqual([
      `Your report ${id} on Demo Wiki: someone is handling it`,
      `Your report ${id} on Demo Wiki: a message for you`,
      `Your report ${id} on Demo Wiki: the outcome`,
    ]);
    expect(mails[0]!.parsed.text).toContain('> We have your report and will write again by Friday.');
    expect(mails[2]!.parsed.text).toContain('The outcome: Resolved.');
    expect(mails[2]!.parsed.text).toMatch(/ask for a review on that page until \d{4}-\d\d-\d\d\./);
    for (const m of mails) {
      expect(m.parsed.text).toContain(`http://127.0.0.1:8080/wiki/Special:MyReports/${id}`);
      expect(m.parsed.text).not.toMatch(/Tomas|Brackenfield|sock/);
      expect(m.parsed.html).not.toMatch(/Tomas|Brackenfield|sock/);
      expect(m.header('in-reply-to')).toBe(`<${id}.receipt@127.0.0.1>`);
    }
  });

  it('when Alice adds information and later asks for a review, then Trust & Safety hears of each by mail, with her words and a reply that reaches her', async () => {
    const id = await emergency('Please comment on the edit', 'en');
    const alice = (await wiki.container.accounts.findByName('Alice'))!;
    const reporterAct = async (action: string, text: string) => {
      const revision = (await wiki.container.cases.view(alice, id))!.case.revision;
      expect((await wiki.container.cases.act(alice, id, { action, revision, text })).ok).toBe(true);
    };
    await reporterAct('add-information', 'He wrote to me again tonight.');
    await act(id, 'close', { status: 'no-action', text: 'We found nothing we could act on.' });
    await reporterAct('request-review', 'He has a second account.');
    const toStaff = () => sink.received.filter((m) => m.envelopeTo.includes('emergency@localhost') && m.header('x-reportincident-report-id') === id && m.parsed.subject?.includes('The reporter') === true);
    await until(() => toStaff().length >= 2, 'two mails to Trust & Safety');
    const [added, review] = [toStaff().find((m) => m.parsed.subject!.includes('added information'))!, toStaff().find((m) => m.parsed.subject!.includes('asks for a review'))!];
    expect(added.parsed.subject).toBe(`[Demo Wiki] The reporter added information: Threats of physical harm (${id})`);
    expect(added.parsed.text).toContain('> He wrote to me again tonight.');
    expect(added.parsed.text).toContain(`Open the case: http://127.0.0.1:8080/wiki/Special:IncidentReports/${id}`);
    expect(added.parsed.replyTo?.[0]?.address).toBe('alice@example.org');
    expect(review.parsed.text).toContain('> He has a second account.');
  });

  it('when Alice reported with the interface in German, then the mail to her is in German', async () => {
    const id = await emergency('Nobody asked for your opinion', 'de');
    const before = toAlice().length;
    await act(id, 'acknowledge', { text: 'Wir haben deine Meldung.' });
    await until(() => toAlice().length >= before + 1, 'a mail to Alice');
    const mail = toAlice().at(-1)!;
    expect(mail.parsed.html).toContain('<html lang="de"');
    expect(mail.parsed.subject).toContain(id);
    expect(mail.parsed.subject).not.toContain('someone is handling it');
  });
});

describe('reminders', () => {
  it('when an emergency waits past its hour, then `cli reminders --now` queues one reminder to Trust & Safety, once; at twice the limit a second', async () => {
    const id = await emergency('Best prices', 'en');
    const created = (await wiki.container.cases.view(tomas, id))!.case.createdAt;
    const at = (minutes: number) => new Date(created + minutes * 60_000).toISOString();
    const run = (minutes: number) => {
      const r = runCli(wiki.dataDir, ['reminders', '--now', at(minutes)]);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as { queued: number; reminders: { reportId: string; level: number }[] };
    };
    expect(run(59).reminders.filter((x) => x.reportId === id)).toEqual([]);
    expect(run(61).reminders.filter((x) => x.reportId === id)).toEqual([{ reportId: id, level: 1 }]);
    expect(run(62).reminders.filter((x) => x.reportId === id)).toEqual([]);
    expect(run(121).reminders.filter((x) => x.reportId === id)).toEqual([{ reportId: id, level: 2 }]);
    expect(run(500).reminders.filter((x) => x.reportId === id)).toEqual([]);
    wiki.container.delivery.kick();
    const reminders = () => sink.received.filter((m) => m.header('in-reply-to') === `<${id}.trust-and-safety@127.0.0.1>` && m.parsed.subject !== undefined && !m.parsed.subject.startsWith('Your'));
    await until(() => reminders().length >= 2, 'two reminders');
    const [first, second] = reminders().sort((a, b) => (a.parsed.subject! < b.parsed.subject! ? 1 : -1));
    expect([first!.envelopeTo, second!.envelopeTo]).toEqual([['emergency@localhost'], ['emergency@localhost']]);
    expect(first!.parsed.subject).toBe(`[Demo Wiki] Waiting for an answer: Threats of physical harm (${id})`);
    expect(first!.parsed.text).toContain(`Open the case: http://127.0.0.1:8080/wiki/Special:IncidentReports/${id}`);
    expect(second!.parsed.subject).toBe(`[Demo Wiki] Still waiting, twice its time: Threats of physical harm (${id})`);
    expect(second!.parsed.text).toContain('twice as long');
    expect(second!.parsed.text).toContain('Please make sure someone takes it now.');
  });

  it('when a direct report waits 48 hours, then the community address is reminded, and at twice that told to escalate; escalated, Trust & Safety is reminded an hour after', async () => {
    const testing = new HttpClient(wiki.url);
    await testing.login('Testing');
    const target = await findComment(testing, 'User_talk:Testing', 'Every edit you make');
    const r = await testing.request('POST', '/w/rest.php/reportincident/v0/report', JSON.stringify({ token: await csrfToken(testing), incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', directReport: 'Insults on my talk page.', ...target }), { 'content-type': 'application/json' });
    expect(r.json<{ route: string }>().route).toBe('direct');
    const id = r.json<{ reportId: string }>().reportId;
    const priya = (await wiki.container.accounts.findByName('Priya'))!;
    const created = (await wiki.container.cases.view(priya, id))!.case.createdAt;
    const mine = async (at: number) => ((await wiki.container.reminders.runOnce(at)) ?? []).filter((x) => x.reportId === id);
    expect(await mine(created + 47 * 3_600_000)).toEqual([]);
    expect(await mine(created + 49 * 3_600_000)).toEqual([{ reportId: id, level: 1 }]);
    expect(await mine(created + 97 * 3_600_000)).toEqual([{ reportId: id, level: 2 }]);
    const reminders = () => sink.received.filter((m) => m.header('in-reply-to') === `<${id}.direct@127.0.0.1>`);
    await until(() => reminders().length >= 2, 'two reminders to the community');
    expect(reminders().map((m) => m.envelopeTo)).toEqual([['admins@localhost'], ['admins@localhost']]);
    expect(reminders().find((m) => m.parsed.subject!.includes('twice'))!.parsed.text).toContain('escalate it to Trust & Safety from the case page');
    // Escalated: Trust & Safety's hour starts now, and reminders start again.
    const revision = (await wiki.container.cases.view(priya, id))!.case.revision;
    expect((await wiki.container.cases.act(priya, id, { action: 'escalate', text: 'Beyond us.', revision })).ok).toBe(true);
    const escalatedAt = (await wiki.container.cases.view(tomas, id))!.case.escalatedAt!;
    await until(() => sink.received.some((m) => m.envelopeTo.includes('emergency@localhost') && m.parsed.subject === `[Demo Wiki] Escalated to Trust & Safety: Bullying, intimidation, threats or insults (${id})` && m.parsed.text!.includes('> Beyond us.')), 'the escalation mailed to Trust & Safety');
    expect(await mine(escalatedAt + 59 * 60_000)).toEqual([]);
    expect(await mine(escalatedAt + 61 * 60_000)).toEqual([{ reportId: id, level: 1 }]);
    wiki.container.delivery.kick();
    await until(() => sink.received.some((m) => m.envelopeTo.includes('emergency@localhost') && m.parsed.subject?.includes(id) === true && m.parsed.subject.startsWith('[Demo Wiki] Waiting')), 'a reminder to Trust & Safety');
  });

  it('when two checks run at the same moment (two processes), then each due reminder is queued once', async () => {
    const rowan = new HttpClient(wiki.url);
    await rowan.login('Rowan');
    const target = await findComment(rowan, 'Talk:African_wild_dog', 'Thank you, that reads much better');
    const filed = await rowan.request('POST', '/w/rest.php/reportincident/v0/report', JSON.stringify({ token: await csrfToken(rowan), incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', details: 'A bomb at the meetup.', ...target }), { 'content-type': 'application/json' });
    expect(filed.status).toBe(201);
    const id = filed.json<{ reportId: string }>().reportId;
    const created = (await wiki.container.cases.view(tomas, id))!.case.createdAt;
    const at = created + 61 * 60_000;
    const [a, b] = await Promise.all([wiki.container.cases.sendReminders(at), wiki.container.cases.sendReminders(at)]);
    expect([...a, ...b].filter((x) => x.reportId === id)).toEqual([{ reportId: id, level: 1 }]);
  });

  it('when a case is acknowledged in time, then no reminder is ever queued for it', async () => {
    const id = await emergency('This looks like an advertisement', 'en');
    await act(id, 'acknowledge', { text: 'We are on it.' });
    const created = (await wiki.container.cases.view(tomas, id))!.case.createdAt;
    const sent = await wiki.container.reminders.runOnce(created + 10 * 3_600_000);
    expect(sent?.filter((x) => x.reportId === id)).toEqual([]);
  });

  it('when --now is not a time, then it refuses', () => {
    const r = runCli(wiki.dataDir, ['reminders', '--now', 'tomorrow']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--now takes a time such as');
  });
});

describe('user:groups', () => {
  it('when an existing account is made an incident responder, then it can open the queue; taken out, it cannot', async () => {
    const add = runCli(wiki.dataDir, ['user:groups', 'Rowan', '--add', 'incident-responder']);
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toEqual({ user: 'Rowan', groups: ['incident-responder'] });
    const rowan = new HttpClient(wiki.url);
    await rowan.login('Rowan');
    expect((await rowan.get('/wiki/Special:IncidentReports')).status).toBe(200);
    expect(runCli(wiki.dataDir, ['user:groups', 'Rowan', '--remove', 'incident-responder']).code).toBe(0);
    expect((await rowan.get('/wiki/Special:IncidentReports')).status).toBe(403);
    const bad = runCli(wiki.dataDir, ['user:groups', 'Rowan', '--add', 'wizard']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown group wizard');
    expect(runCli(wiki.dataDir, ['user:groups', 'Nobody', '--add', 'sysop']).code).toBe(1);
  });
});
