// Who reported whom stays between the reporter and the report's recipients. After several reports (emergencies,
// a report of a page, a direct report, a "Get support" record), every page and answer someone else can read
// (the reported user's pages and contributions, the talk pages, the reporters' contributions, the Action API,
// REST errors) is exactly what it was before the reports, and names no report; the log carries report ids and
// counts only, even when the SMTP server's errors name addresses; a confirmation page or a draft answers another
// user as if it did not exist; the reported user gets no mail; and no report page or REST answer may be cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTitle } from '../../src/wiki/Title.js';
import { HttpClient, hiddenField, type Reply } from '../support/HttpClient.js';
import { csrfToken, findComment, postReport } from '../support/reporting.js';
import { SmtpSink } from '../support/smtpSink.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

const REPORT = '/wiki/Special:ReportIncident';
const REST = '/w/rest.php/reportincident/v0/report';
const REPORT_ID = /RI-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}/g;
const REPORTERS = ['Alice', 'Testing', 'Rowan'] as const;
const REPORTER_EMAILS = ['alice@example.org', 'testing@example.org', 'rowan@example.org'];
/** What the reporters typed: none of it may leave the report's recipients. */
const SECRETS = {
  alice: 'Secret-7f3a: he named my university and my supervisor',
  testing: 'Secret-91bc: he posted my home street; I am scared',
  direct: 'Secret-c2d4: this user insults me on every page I edit',
  rowan: 'Secret-e5f6: the whole page is a campaign against one editor',
  support: 'Secret-0a1b: something else entirely about this user',
};

async function eventually(condition: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`still not true: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function loggedIn(wiki: TestWiki, name: string): Promise<HttpClient> {
  const client = new HttpClient(wiki.url);
  const r = await client.login(name);
  if (r.status !== 303) throw new Error(`login of ${name}: ${r.status}`);
  return client;
}

interface Outbox {
  outbox_id: number;
  kind: string;
  state: string;
  attempts: number;
  last_error: string | null;
}
const outbox = (wiki: TestWiki) => wiki.container.db.prepare('SELECT outbox_id, kind, state, attempts, last_error FROM outbox').all() as Outbox[];

/** Everything someone other than a reporter can read, by path; POSTs are REST calls with a body. */
interface Probe {
  label: string;
  run: () => Promise<Reply>;
}

let wiki: TestWiki;
/** Refuses recipients (naming their address in its answer) until the log has been checked. */
let smtp: SmtpSink;
let brackenfield: HttpClient;
let anonymous: HttpClient;
let probes: Probe[];
const before = new Map<string, { status: number; text: string }>();
const filed: { id: string; reporter: (typeof REPORTERS)[number]; client: HttpClient }[] = [];
let draftOfAlice = '';
/** The report the reported user files himself (his receipt is the only mail he may get). */
let ownReportOfBrackenfield = '';

/** A stable form of an answer: tokens are per session (the same here), nothing else may differ. */
async function snapshot(p: Probe): Promise<{ status: number; text: string }> {
  const r = await p.run();
  return { status: r.status, text: r.text };
}

beforeAll(async () => {
  smtp = await new SmtpSink({ rejectingRecipients: true }).start();
  wiki = await startTestWiki({ delivery: true, env: { SMTP_URL: smtp.url }, settings: { ReportIncidentEnableDirectReporting: true } });
  brackenfield = await loggedIn(wiki, 'Brackenfield');
  anonymous = new HttpClient(wiki.url);
  const token = await csrfToken(brackenfield);
  const talk = parseTitle('Talk:African_wild_dog', wiki.container.namespaces);
  if (!talk.ok) throw new Error('bad title');
  const revision = (await wiki.container.pages.find(talk.value))!.latestRevId;
  const rest = (label: string, body: unknown, client = brackenfield, raw?: string): Probe => ({
    label: `REST ${label}`,
    run: () => client.request('POST', REST, raw ?? JSON.stringify(body), { 'content-type': 'application/json' }),
  });
  const get = (path: string, client: HttpClient, who: string): Probe => ({ label: `${path} as ${who}`, run: () => client.get(path) });
  const pages = [
    '/wiki/User:Brackenfield',
    '/wiki/User_talk:Brackenfield',
    '/wiki/Special:Contributions/Brackenfield',
    ...REPORTERS.map((r) => `/wiki/Special:Contributions/${r}`),
    ...REPORTERS.map((r) => `/wiki/User:${r}`),
    '/wiki/Talk:African_wild_dog',
    '/wiki/User_talk:Testing',
    '/w/index.php?title=Talk:African_wild_dog&action=history',
    '/w/index.php?title=User_talk:Testing&action=history',
    `/w/index.php?oldid=${revision}`,
    '/wiki/Special:SpecialPages',
    '/wiki/Special:DevMailbox',
    '/w/api.php?action=query&list=allusers&auprop=editcount|registration|groups|blockinfo&aulimit=max&format=json&formatversion=2',
    '/w/api.php?action=query&meta=userinfo&uiprop=rights|groups|editcount|email|registrationdate|blockinfo&format=json&formatversion=2',
    '/w/api.php?action=query&list=allusers&auprefix=A&auprop=editcount&format=json',
    `${REST}`,
    `/w/rest.php/reportincident/v0/reports`,
    `/w/rest.php/reportincident/v0/report/RI-00000-00000-00000-00000`,
  ];
  probes = [
    ...pages.map((p) => get(p, brackenfield, 'Brackenfield')),
    ...pages.map((p) => get(p, anonymous, 'an anonymous visitor')),
    rest('malformed JSON', null, brackenfield, '{"revisionId":'),
    rest('without a token', { revisionId: revision, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm' }),
    rest('with a missing field', { token, revisionId: revision }),
    rest('with an unknown field', { token, revisionId: revision, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', reporter: 'Alice' }),
    rest('about a thread that is not there', { token, revisionId: revision, threadId: 'c-Alice-20000101000000', incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm' }),
    rest('about a revision that is not there', { token, revisionId: 999_999, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm' }),
    rest('with fields that do not go together', { token, revisionId: revision, incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', physicalHarmType: 'threats-physical-harm' }),
    rest('anonymously', { token: '+\\', revisionId: revision, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm' }, anonymous),
  ];
  for (const p of probes) before.set(p.label, await snapshot(p));

  // The reports, while the SMTP server refuses every recipient by address.
  const [alice, testing, rowan] = await Promise.all(REPORTERS.map((n) => loggedIn(wiki, n)));
  const keep = async (reporter: (typeof REPORTERS)[number], client: HttpClient, body: Record<string, unknown>, status = 201) => {
    const r = await postReport(client, body);
    expect(r.status, r.text).toBe(status);
    filed.push({ id: r.json<{ reportId: string }>().reportId, reporter, client });
  };
  const threat = await findComment(alice!, 'Talk:African_wild_dog', 'Keep reverting me');
  const doxing = await findComment(testing!, 'User_talk:Testing', 'I found your real name');
  const insult = await findComment(testing!, 'User_talk:Testing', 'Every edit you make is rubbish');
  await keep('Alice', alice!, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', about: 'self', ...threat, details: SECRETS.alice });
  await keep('Testing', testing!, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm', about: 'self', ...doxing, details: SECRETS.testing });
  await keep('Testing', testing!, { incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', ...insult, directReport: SECRETS.direct });
  await keep('Rowan', rowan!, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', revisionId: 0, page: 'Talk:African wild dog', reportedUser: 'Brackenfield', details: SECRETS.rowan });
  await keep('Rowan', rowan!, { incidentType: 'unacceptable-user-behavior', behaviorType: 'something-else', ...threat, somethingElseDetails: SECRETS.support });

  // A draft of Alice's with her text in it, left unfinished.
  const start = await alice!.get(`${REPORT}?page=Talk:African_wild_dog&threadId=${encodeURIComponent(threat.threadId)}&revisionId=${threat.revisionId}`);
  const chosen = await alice!.post(REPORT, { wpEditToken: hiddenField(start.text, 'wpEditToken'), page: 'Talk:African_wild_dog', threadId: threat.threadId, revisionId: String(threat.revisionId), incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm' });
  const step = await alice!.follow(chosen);
  draftOfAlice = hiddenField(step.text, 'draft');
  await alice!.post(`${REPORT}/emergency`, { wpEditToken: hiddenField(step.text, 'wpEditToken'), draft: draftOfAlice, details: SECRETS.alice, wpAction: 'back' });

  // Every message is tried and refused by address; then the server takes them and they are sent again.
  await eventually(() => outbox(wiki).length > 0 && outbox(wiki).every((m) => m.attempts >= 1 && m.last_error !== null), 'every message refused once');
  smtp.rejectingRecipients = false;
  for (const m of outbox(wiki)) await wiki.container.delivery.retry(m.outbox_id);
  await eventually(() => outbox(wiki).every((m) => m.state === 'sent'), 'every message sent');
}, 90_000);

afterAll(async () => {
  await wiki?.close();
  await smtp?.stop();
});

describe('what others can read', () => {
  it('when reports were filed, then every page, API answer and REST error others can read is exactly as it was before', async () => {
    expect(filed).toHaveLength(5);
    for (const p of probes) {
      const after = await snapshot(p);
      expect(after, p.label).toEqual(before.get(p.label));
    }
  });

  it('when reports were filed, then nothing others can read holds a report id, a report text, or a reporter next to a report', async () => {
    for (const p of probes) {
      const r = await p.run();
      // The one id a probe may show is the made-up one in its own URL.
      expect((r.text.match(REPORT_ID) ?? []).filter((id) => id !== 'RI-00000-00000-00000-00000'), p.label).toEqual([]);
      for (const f of filed) expect(r.text, p.label).not.toContain(f.id);
      for (const s of Object.values(SECRETS)) expect(r.text, p.label).not.toContain(s.slice(0, 11));
      for (const e of REPORTER_EMAILS) expect(r.text, p.label).not.toContain(e);
      // A reporter's name may be on a talk page as an author; never with a word about reporting.
      for (const name of REPORTERS) expect(r.text, p.label).not.toMatch(new RegExp(`${name}[^<]{0,80}\\breport(ed|er)\\b|\\breport(ed|er)\\b[^<]{0,80}${name}`, 'i'));
    }
  });

  it('when the reported user files a report of his own, then the answer names only his report', async () => {
    const threat = await findComment(brackenfield, 'User_talk:Testing', 'Which edit do you mean');
    const r = await postReport(brackenfield, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...threat });
    expect(r.status).toBe(201);
    const own = r.json<{ reportId: string }>().reportId;
    ownReportOfBrackenfield = own;
    expect(r.text.match(REPORT_ID)).toEqual([own]);
    for (const f of filed) expect(r.text).not.toContain(f.id);
  });

  it.each(['Brackenfield', 'Testing', 'Juniper', 'Tomas'])('when %s opens the confirmation page of a report by someone else, then it answers 404 as for a report that does not exist', async (name) => {
    const client = name === 'Brackenfield' ? brackenfield : await loggedIn(wiki, name);
    const nowhere = 'RI-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ';
    const missing = await client.get(`${REPORT}/submitted/${nowhere}`);
    expect(missing.status).toBe(404);
    for (const f of filed.filter((x) => x.reporter !== name)) {
      const r = await client.get(`${REPORT}/submitted/${f.id}`);
      expect(r.status, f.id).toBe(404);
      // The same page, word for word, once the id in the URL is set aside.
      expect(r.text.replaceAll(f.id, nowhere), f.id).toBe(missing.text);
      expect(r.headers.get('cache-control')).toContain('no-store');
    }
  });

  it('when an anonymous visitor opens a confirmation page, then they are sent to log in, as for any id', async () => {
    const r = await anonymous.get(`${REPORT}/submitted/${filed[0]!.id}`);
    const other = await anonymous.get(`${REPORT}/submitted/RI-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ`);
    expect(r.status).toBe(303);
    expect(other.status).toBe(303);
    expect(r.text).not.toContain(SECRETS.alice.slice(0, 11));
  });

  it("when the reported user opens a reporter's draft, then it answers as an expired draft and shows nothing of it", async () => {
    const r = await brackenfield.get(`${REPORT}/emergency?draft=${draftOfAlice}`);
    const random = await brackenfield.get(`${REPORT}/emergency?draft=AAAAAAAAAAAAAAAAAAAAAA`);
    expect(r.status).toBe(410);
    expect(r.text.replaceAll(draftOfAlice, 'AAAAAAAAAAAAAAAAAAAAAA')).toBe(random.text);
    expect(r.text).not.toContain(SECRETS.alice.slice(0, 11));
  });

  it('when the reports were mailed, then the reported user got no mail, and no mail went anywhere but to staff, the community address and the reporters', async () => {
    expect(smtp.received.length).toBeGreaterThanOrEqual(filed.length);
    await eventually(() => outbox(wiki).every((m) => m.state === 'sent'), 'every message sent');
    const reportOf = (m: (typeof smtp.received)[number]) => m.parsed.headers.find((h) => h.key === 'x-reportincident-report-id')?.value ?? '';
    for (const m of smtp.received) {
      const to = [...m.envelopeTo, ...(m.parsed.to ?? []).map((a) => a.address ?? ''), ...(m.parsed.cc ?? []).map((a) => a.address ?? ''), ...(m.parsed.bcc ?? []).map((a) => a.address ?? '')];
      // His own receipt, for the report he filed himself, is the one mail he may get.
      if (to.includes('brackenfield@example.org')) expect({ report: reportOf(m), to: m.envelopeTo }).toEqual({ report: ownReportOfBrackenfield, to: ['brackenfield@example.org'] });
      else for (const address of m.envelopeTo) expect(['emergency@localhost', 'admins@localhost', ...REPORTER_EMAILS]).toContain(address);
    }
    const aboutHim = smtp.received.filter((m) => filed.some((f) => f.id === reportOf(m)));
    expect(aboutHim.length).toBeGreaterThanOrEqual(filed.length - 1);
    for (const m of aboutHim) expect(m.envelopeTo).not.toContain('brackenfield@example.org');
    // Receipts carry the reference but never what the reporter wrote.
    for (const m of smtp.received.filter((x) => x.envelopeTo.some((a) => REPORTER_EMAILS.includes(a)))) {
      for (const s of Object.values(SECRETS)) expect(`${m.parsed.text}${m.parsed.html}`).not.toContain(s.slice(0, 11));
    }
  });
});

describe('the log', () => {
  it('when reports were filed and their mail refused by address then sent, then no log line holds a report text, a name or an address; only ids and counts', async () => {
    const lines = wiki.logger.lines.map((l) => JSON.stringify(l));
    // The server's refusals named the addresses; the log keeps only the SMTP codes (#16).
    expect(lines.some((l) => l.includes('mail not sent; will retry') && l.includes('SMTP 452 4.2.2 on RCPT TO'))).toBe(true);
    expect(lines.some((l) => l.includes('mail sent'))).toBe(true);
    for (const line of lines) {
      for (const s of Object.values(SECRETS)) expect(line).not.toContain(s.slice(0, 11));
      for (const name of [...REPORTERS, 'Brackenfield']) expect(line).not.toMatch(new RegExp(`\\b${name}\\b`, 'i'));
      expect(line, 'an email address in the log').not.toMatch(/[^\s<>"'()@\\]+@[^\s<>"'()\\]+/);
      // What the reported comments said, too.
      expect(line).not.toContain('Keep reverting me');
      expect(line).not.toContain('real name');
    }
    // The lines that speak of reports speak of them by id: every report's mail is logged under its id.
    const mentioned = new Set(lines.flatMap((l) => l.match(REPORT_ID) ?? []));
    for (const f of filed) if ((await wiki.container.reports.deliveryState((await wiki.container.reports.find(f.id))!)) !== 'none') expect(mentioned).toContain(f.id);
  });
});

describe('caching', () => {
  it('when any step of the report flow answers (pages, redirects, refusals), then it says Cache-Control: no-store', async () => {
    const rowan = await loggedIn(wiki, 'Rowan');
    const seen: { label: string; r: Reply }[] = [];
    const see = (label: string, r: Reply) => {
      seen.push({ label, r });
      return r;
    };
    const target = await findComment(rowan, 'User_talk:Testing', 'A few of us are meeting');
    const query = `page=User_talk:Testing&threadId=${encodeURIComponent(target.threadId)}&revisionId=${target.revisionId}`;
    const start = see('choose type', await rowan.get(`${REPORT}?${query}`));
    const token = hiddenField(start.text, 'wpEditToken');
    const fields = { wpEditToken: token, page: 'User_talk:Testing', threadId: target.threadId, revisionId: String(target.revisionId) };
    see('choose type refused', await rowan.post(REPORT, fields));
    const toEmergency = see('choose type → emergency', await rowan.post(REPORT, { ...fields, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm' }));
    const emergency = see('emergency', await rowan.follow(toEmergency));
    const draft = hiddenField(emergency.text, 'draft');
    see('emergency back', await rowan.post(`${REPORT}/emergency`, { wpEditToken: token, draft, details: 'x', wpAction: 'back' }));
    see('emergency too long', await rowan.post(`${REPORT}/emergency`, { wpEditToken: token, draft, details: 'x'.repeat(1001), wpAction: 'submit' }));
    const submitted = see('emergency submit', await rowan.post(`${REPORT}/emergency`, { wpEditToken: token, draft, details: 'cache test', wpAction: 'submit' }));
    const confirmation = see('confirmation', await rowan.follow(submitted));
    expect(confirmation.status).toBe(200);
    const toBehavior = see('choose type → behaviour', await rowan.post(REPORT, { ...fields, incidentType: 'unacceptable-user-behavior' }));
    const behavior = see('behaviour', await rowan.follow(toBehavior));
    const draft2 = hiddenField(behavior.text, 'draft');
    const toSupport = see('behaviour → support', await rowan.post(`${REPORT}/behavior`, { wpEditToken: token, draft: draft2, behaviorType: 'intimidation', wpAction: 'continue' }));
    see('support', await rowan.follow(toSupport));
    see('support, direct report empty', await rowan.post(`${REPORT}/support/intimidation`, { wpEditToken: token, draft: draft2, directReport: '', wpAction: 'submit' }));
    const direct = see('support, direct report', await rowan.post(`${REPORT}/support/intimidation`, { wpEditToken: token, draft: draft2, directReport: 'cache test direct', wpAction: 'submit' }));
    see('direct confirmation', await rowan.follow(direct));
    see('shared support link', await rowan.get(`${REPORT}/support/spam`));
    see('expired draft', await rowan.get(`${REPORT}/emergency?draft=nope`));
    see('unknown report', await rowan.get(`${REPORT}/submitted/RI-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ`));
    see('unknown step', await rowan.get(`${REPORT}/nowhere`));
    see('anonymous', await anonymous.get(`${REPORT}?${query}`));
    see('ineligible', await (await loggedIn(wiki, 'Chloe')).get(`${REPORT}?${query}`));
    see('ineligible (blocked)', await (await loggedIn(wiki, 'Farah')).get(`${REPORT}?${query}`));
    const statuses = new Set(seen.map((s) => s.r.status));
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 303, 403, 404, 410, 422]));
    for (const { label, r } of seen) expect(r.headers.get('cache-control') ?? '', `${label} (${r.status})`).toContain('no-store');
  });

  it('when the REST endpoint answers anything (201, duplicate, every error), then it says Cache-Control: no-store', async () => {
    const nora = await loggedIn(wiki, 'Nora');
    const juniper = await loggedIn(wiki, 'Juniper');
    const token = await csrfToken(juniper);
    const target = await findComment(juniper, 'Talk:African_wild_dog', 'Best prices on wild dog');
    const body = { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', ...target };
    const answers: [string, Reply][] = [
      ['201', await postReport(juniper, body, token)],
      ['duplicate', await postReport(juniper, body, token)],
      ['malformed', await juniper.request('POST', REST, '{', { 'content-type': 'application/json' })],
      ['bad token', await postReport(juniper, body, 'nope')],
      ['anonymous', await postReport(anonymous, body, 'nope')],
      ['ineligible', await postReport(await loggedIn(wiki, 'Emil'), body)],
      ['invalid', await postReport(juniper, { ...body, incidentType: 'x' }, token)],
      ['no revision', await postReport(juniper, { ...body, revisionId: 999_999 }, token)],
      ['no thread', await postReport(juniper, { ...body, threadId: 'c-x-1' }, token)],
      ['content type', await juniper.request('POST', REST, JSON.stringify({ token, ...body }), { 'content-type': 'text/plain' })],
      ['too large', await juniper.request('POST', REST, JSON.stringify({ token, ...body, details: 'x'.repeat(70_000) }), { 'content-type': 'application/json' })],
      ['first of a newbie', await postReport(nora, body)],
      ['rate limited', await postReport(nora, { ...body, physicalHarmType: 'threats-self-harm' })],
      ['GET', await juniper.get(REST)],
    ];
    expect(answers.map(([, r]) => r.status)).toEqual([201, 200, 400, 403, 403, 403, 400, 404, 422, 415, 413, 201, 429, 404]);
    for (const [label, r] of answers) {
      expect(r.headers.get('cache-control') ?? '', `${label} (${r.status})`).toContain('no-store');
      expect(r.headers.get('content-type') ?? '', label).toMatch(/^application\/json/);
    }
  });
});
