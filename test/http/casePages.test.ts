// The responder desk's pages (#21) against the real app, on each engine, with forms only (no script): the queue, a
// case and its actions, Special:MyReports, and who sees what (Trust & Safety, responder, reporter, reported user, others).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTitle } from '../../src/wiki/Title.js';
import { clientsOf, HttpClient, hiddenField, type Reply } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
let emergencyId: string;
let directId: string;

const as = clientsOf(() => wiki.url);

const locationOf = (r: Reply) => r.headers.get('location') ?? '';

/** The text of a textarea in a page, unescaped as a browser reads it. */
function textareaOf(html: string, id: string): string {
  const m = new RegExp(`<textarea (?:dir="auto" )?id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  if (!m) throw new Error(`no textarea ${id}`);
  return m[1]!.replace(/&#39;/g, "'").replace(/&#34;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Sends one action's form from the page it is on, with that page's token and revision. */
async function act(client: HttpClient, page: Reply, path: string, fields: Record<string, string>): Promise<Reply> {
  const revision = new RegExp(`name="action" value="${fields.action}">\\s*<input type="hidden" name="revision" value="(\\d+)"`).exec(page.text)?.[1] ?? '0';
  return client.post(path, { wpEditToken: hiddenField(page.text, 'wpEditToken'), revision, ...fields });
}

beforeAll(async () => {
  wiki = await startTestWiki({ settings: { ReportIncidentEnableDirectReporting: true } });
  const title = parseTitle('MediaWiki:IncidentReportingConfig.json', wiki.container.namespaces);
  if (!title.ok) throw new Error('title');
  const ines = (await wiki.container.accounts.findByName('Ines'))!;
  const config = { ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: "Demo Wiki:Administrators' noticeboard", Email: 'admins@example.org', ContactCommunity: '' } };
  expect((await wiki.container.pages.saveText(title.value, { user: ines }, JSON.stringify(config), 'Direct reports')).ok).toBe(true);
  const alice = await as('Alice');
  const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
  const emergency = await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: 'He wrote that he knows where I live.', ...target });
  expect(emergency.status).toBe(201);
  emergencyId = emergency.json<{ reportId: string }>().reportId;
  const testing = await as('Testing');
  const direct = await postReport(testing, { incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', directReport: 'Brackenfield keeps following my edits and mocking me.', ...target });
  expect(direct.json<{ route: string }>().route).toBe('direct');
  directId = direct.json<{ reportId: string }>().reportId;
});
afterAll(() => wiki.close());

describe('Special:IncidentReports, the queue', () => {
  it('when Trust & Safety opens it, then the waiting emergency is listed first, marked, with its filters; the direct report is not theirs', async () => {
    const r = await (await as('Tomas')).get('/wiki/Special:IncidentReports');
    expect(r.status).toBe(200);
    expect(r.text).toContain(`href="/wiki/Special:IncidentReports/${emergencyId}"`);
    expect(r.text).not.toContain(directId);
    expect(r.text).toContain('case-badge-emergency');
    expect(r.text).toMatch(/<select id="filter-status" name="status">/);
  });

  it('when a community responder opens it, then the direct report is there and the emergency is not', async () => {
    const r = await (await as('Priya')).get('/wiki/Special:IncidentReports');
    expect(r.status).toBe(200);
    expect(r.text).toContain(directId);
    expect(r.text).not.toContain(emergencyId);
    // Alice's emergency is about the same comment, but Priya may not see it: it is not counted as related for her.
    expect(r.text).toContain('<dd>0 others</dd>');
    // Tomas sees the emergency; the direct report beside it is not his to see, nor to count.
    const ts = await (await as('Tomas')).get('/wiki/Special:IncidentReports');
    expect(ts.text).toContain('<dd>0 others</dd>');
    expect(ts.text).not.toContain('<dd>1 other</dd>');
  });

  it('when the filters are used, then only matching cases show; a value that does not exist is said, and the rest still applies', async () => {
    const tomas = await as('Tomas');
    expect((await tomas.get('/wiki/Special:IncidentReports?type=spam')).text).not.toContain(emergencyId);
    expect((await tomas.get('/wiki/Special:IncidentReports?status=closed')).text).not.toContain(emergencyId);
    expect((await tomas.get('/wiki/Special:IncidentReports?assignee=none&type=threats-physical-harm')).text).toContain(emergencyId);
    const bad = await tomas.get('/wiki/Special:IncidentReports?status=urgent&type=threats-physical-harm');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('&#34;urgent&#34; cannot be chosen here');
    expect(bad.text).toContain(emergencyId);
  });

  it('when someone who handles no cases asks, then 403; nobody logged in is sent to log in', async () => {
    for (const name of ['Rowan', 'Brackenfield', 'Ines']) {
      const r = await (await as(name)).get('/wiki/Special:IncidentReports');
      expect({ name, status: r.status }).toEqual({ name, status: 403 });
    }
    const anonymous = await new HttpClient(wiki.url).get('/wiki/Special:IncidentReports');
    expect(anonymous.status).toBe(303);
    expect(locationOf(anonymous)).toContain('Special:UserLogin?returnto=Special%3AIncidentReports');
  });
});

describe('a case, through its forms', () => {
  const path = () => `/wiki/Special:IncidentReports/${emergencyId}`;

  it('when Trust & Safety opens the case, then it shows what the mail had, the timeline, and an acknowledgement template in Alice\'s language to fill in', async () => {
    const r = await (await as('Tomas')).get(path());
    expect(r.status).toBe(200);
    expect(r.text).toContain('He wrote that he knows where I live.');
    expect(r.text).toContain('alice@example.org');
    expect(r.text).toContain('Report received');
    const template = textareaOf(r.text, 'text-acknowledge');
    expect(template).toContain('Hello Alice,');
    expect(template).toContain(emergencyId);
    expect(template).toContain('[date]');
    expect(template).toContain(`/wiki/Special:MyReports/${emergencyId}`);
  });

  it('when the template is sent with its date left unfilled, then it is refused beside the text, and nothing is sent', async () => {
    const tomas = await as('Tomas');
    const page = await tomas.get(path());
    const r = await act(tomas, page, path(), { action: 'acknowledge', template: 'acknowledge-emergency', text: textareaOf(page.text, 'text-acknowledge') });
    expect(r.status).toBe(400);
    expect(r.text).toContain('Replace &#34;[date]&#34; in the text');
    expect(r.text).toContain('<details class="case-action" id="form-acknowledge" open>');
    expect(textareaOf(r.text, 'text-acknowledge')).toContain('Hello Alice,');
  });

  it('when Tomas claims, acknowledges with the template filled in, messages and closes, then each lands in the timeline and the reporter reads what was meant for her', async () => {
    const tomas = await as('Tomas');
    let page = await tomas.get(path());
    let r = await act(tomas, page, path(), { action: 'claim' });
    expect(r.status).toBe(303);
    expect(locationOf(r)).toBe(`${path()}?done=claim`);
    page = await tomas.follow(r);
    expect(page.text).toContain('Done: Claim.');
    const text = textareaOf(page.text, 'text-acknowledge').replace('[date]', '9 December');
    r = await act(tomas, page, path(), { action: 'acknowledge', template: 'acknowledge-emergency', text });
    expect(r.status).toBe(303);
    page = await tomas.follow(r);
    r = await act(tomas, page, path(), { action: 'note', text: 'Internal: account created yesterday.' });
    page = await tomas.follow(r);
    r = await act(tomas, page, path(), { action: 'message', text: 'We have blocked the account. Are you safe now?' });
    page = await tomas.follow(r);
    r = await act(tomas, page, path(), { action: 'close', status: 'resolved', text: 'The account was blocked for threats.' });
    expect(r.status).toBe(303);
    page = await tomas.follow(r);
    expect(page.text).toContain('case-status-resolved');
    expect(page.text).toContain('Internal: account created yesterday.');

    const alice = await as('Alice');
    const mine = await alice.get(`/wiki/Special:MyReports/${emergencyId}`);
    expect(mine.status).toBe(200);
    expect(mine.text).toContain('9 December');
    expect(mine.text).toContain('We have blocked the account. Are you safe now?');
    expect(mine.text).toContain('The account was blocked for threats.');
    expect(mine.text).not.toContain('Internal: account created yesterday.');
    expect(mine.text).not.toContain('Tomas');
    expect(mine.text).toContain('You can ask for a review of this outcome until');
    // What she reported, in her own words, and the way back to her reports from every page.
    expect(mine.text).toContain('What you reported');
    expect(mine.text).toContain('He wrote that he knows where I live.');
    expect(mine.text).toContain('<a href="/wiki/Special:MyReports">My reports</a>');
    const list = await alice.get('/wiki/Special:MyReports');
    expect(list.text).toContain(`href="/wiki/Special:MyReports/${emergencyId}"`);
    expect(list.text).not.toContain(directId);
  });

  it('when Alice adds information and asks for a review, then the case opens again, flagged, and Tomas reads both', async () => {
    const alice = await as('Alice');
    const myPath = `/wiki/Special:MyReports/${emergencyId}`;
    let page = await alice.get(myPath);
    let r = await act(alice, page, myPath, { action: 'add-information', text: 'He wrote to me again today.' });
    expect(r.status).toBe(303);
    expect(locationOf(r)).toBe(`${myPath}?done=add-information`);
    page = await alice.follow(r);
    r = await act(alice, page, myPath, { action: 'request-review', text: 'He has a second account.' });
    page = await alice.follow(r);
    expect(page.text).toContain('You asked for a review');
    const staff = await (await as('Tomas')).get(path());
    expect(staff.text).toContain('He wrote to me again today.');
    expect(staff.text).toContain('He has a second account.');
    expect(staff.text).toContain('case-badge-review');
  });

  it('when two responders act on the same revision, then the second is told and keeps what they wrote', async () => {
    const tomas = await as('Tomas');
    const page = await tomas.get(path());
    expect((await act(tomas, page, path(), { action: 'note', text: 'First note.' })).status).toBe(303);
    const second = await act(tomas, page, path(), { action: 'note', text: 'Second note, written on the old page.' });
    expect(second.status).toBe(409);
    expect(second.text).toContain('This case changed while you were looking at it, perhaps in another tab or by a colleague.');
    expect(textareaOf(second.text, 'text-note')).toBe('Second note, written on the old page.');
  });

  it('when a form is wrong, then the refusal is said beside the field, and the case is unchanged', async () => {
    const tomas = await as('Tomas');
    const page = await tomas.get(path());
    const revision = /name="revision" value="(\d+)"/.exec(page.text)![1];
    const sent: { fields: Record<string, string>; status: number; says: string; field: string }[] = [
      { fields: { action: 'note', text: '   ' }, status: 400, says: 'Please write something in the text box first.', field: 'text-note-error' },
      { fields: { action: 'close', text: '' }, status: 400, says: 'Choose an outcome: resolved, or closed without action.', field: 'status-close-error' },
      { fields: { action: 'note', text: 'x'.repeat(5001) }, status: 400, says: 'The text is too long', field: 'text-note-error' },
      { fields: { action: 'assign', assignee: 'Brackenfield' }, status: 400, says: 'user Brackenfield may not', field: 'assignee-assign-error' },
      { fields: { action: 'status', status: 'resolved' }, status: 400, says: 'cannot be chosen here', field: 'status-status-error' },
      { fields: { action: 'acknowledge', text: 'again' }, status: 409, says: 'while its status is', field: '' },
      { fields: { action: 'delete' }, status: 400, says: 'is not an action on a case', field: '' },
    ];
    for (const s of sent) {
      const r = await act(tomas, page, path(), s.fields);
      expect({ action: s.fields.action, status: r.status }).toEqual({ action: s.fields.action, status: s.status });
      expect(r.text).toContain(s.says);
      if (s.field) expect(r.text).toContain(`id="${s.field}"`);
      else expect(r.text).toContain('<a href="#case-actions-title">');
    }
    const noRevision = await tomas.post(path(), { wpEditToken: hiddenField(page.text, 'wpEditToken'), action: 'note', text: 'Kept, though the form was broken.' });
    expect(noRevision.status).toBe(400);
    expect(noRevision.text).toContain('This form does not say which version of the case you saw');
    expect(textareaOf(noRevision.text, 'text-note')).toBe('Kept, though the form was broken.');
    // Tomas holds the case: claiming it is no longer offered, and assigning takes no text.
    expect(page.text).not.toContain('id="form-claim"');
    const assignWithText = await act(tomas, page, path(), { action: 'assign', assignee: 'Tomas', text: 'mine' });
    expect(assignWithText.status).toBe(400);
    expect(assignWithText.text).toContain('&#34;assign&#34; does not take &#34;text&#34;');
    const badToken = await tomas.post(path(), { wpEditToken: 'nope', action: 'note', text: 'x', revision: revision! });
    expect(badToken.status).toBe(400);
    expect(badToken.text).toContain('Your session has expired');
    expect(/name="revision" value="(\d+)"/.exec((await tomas.get(path())).text)![1]).toBe(revision);
  });

  it('when the reported user, someone else or a responder of the community opens the emergency, then it does not exist for them', async () => {
    const tomasAccount = (await wiki.container.accounts.findByName('Tomas'))!;
    const views = async () => (await wiki.container.cases.accessLogFor(tomasAccount, emergencyId))!.length;
    const before = await views();
    for (const name of ['Brackenfield', 'Rowan', 'Priya']) {
      const client = await as(name);
      expect({ name, status: (await client.get(path())).status }).toEqual({ name, status: 404 });
      expect({ name, status: (await client.get(`/wiki/Special:MyReports/${emergencyId}`)).status }).toEqual({ name, status: 404 });
      expect({ name, status: (await client.post(path(), { wpEditToken: 'x', action: 'note', text: 'x', revision: '1' })).status }).toEqual({ name, status: 404 });
    }
    expect((await (await as('Tomas')).get('/wiki/Special:IncidentReports/RI-XXXXX-XXXXX-XXXXX-XXXXX')).status).toBe(404);
    // Tomas trying the reporter's address gets 404 too, and it is no opening of the case.
    expect((await (await as('Tomas')).get(`/wiki/Special:MyReports/${emergencyId}`)).status).toBe(404);
    expect(await views()).toBe(before);
  });

  it('when the reporter opens the responders\' page of her own case, then she is sent to hers', async () => {
    const r = await (await as('Alice')).get(path());
    expect(r.status).toBe(303);
    expect(locationOf(r)).toBe(`/wiki/Special:MyReports/${emergencyId}`);
  });
});

describe('a direct report, for community responders', () => {
  it('when Priya escalates it, then it moves to Trust & Safety\'s queue, and she keeps it in view with notes only', async () => {
    const priya = await as('Priya');
    const path = `/wiki/Special:IncidentReports/${directId}`;
    let page = await priya.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Brackenfield keeps following my edits');
    expect(page.text).toContain('This template is in English, the reporter&#39;s language.');
    // Answering a case nobody holds takes it: the queue says who is on it.
    let r = await act(priya, page, path, { action: 'acknowledge', template: 'acknowledge-community', text: textareaOf(page.text, 'text-acknowledge').replace('[date]', 'Friday') });
    expect(r.status).toBe(303);
    expect((await priya.get('/wiki/Special:IncidentReports')).text).toMatch(/<dt>Handled by<\/dt><dd><bdi>Priya<\/bdi>/);
    page = await priya.follow(r);
    r = await act(priya, page, path, { action: 'escalate', text: 'This looks like stalking across wikis.' });
    expect(r.status).toBe(303);
    page = await priya.follow(r);
    expect(page.text).toContain('id="form-note"');
    expect(page.text).not.toContain('id="form-close"');
    expect((await (await as('Tomas')).get('/wiki/Special:IncidentReports')).text).toContain(directId);
    const mine = await (await as('Testing')).get(`/wiki/Special:MyReports/${directId}`);
    expect(mine.text).toContain('Passed to Trust &amp; Safety');
    expect(mine.text).not.toContain('This looks like stalking across wikis.');
  });
});

describe('Special:MyReports', () => {
  it('when nobody is logged in, then they are sent to log in; someone with no reports reads that there are none', async () => {
    expect((await new HttpClient(wiki.url).get('/wiki/Special:MyReports')).status).toBe(303);
    const r = await (await as('Rowan')).get('/wiki/Special:MyReports');
    expect(r.status).toBe(200);
    expect(r.text).toContain('You have not sent any report that people handle.');
  });
});

describe('keeping responders out of a direct report (REST)', () => {
  it('when the reporter names responders to keep out, then each must be one, one must remain, and only a direct report takes them', async () => {
    const testing = await as('Testing');
    const target = await findComment(testing, 'User_talk:Testing', 'Every edit you make');
    const direct = { incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', directReport: 'Insults on my talk page.', ...target };
    const cases: { recuse: string[]; body: Record<string, unknown>; says: string }[] = [
      { recuse: ['Priya'], body: direct, says: 'At least one responder must be able to read your report.' },
      { recuse: ['Rowan'], body: direct, says: '"Rowan" is not one of this wiki\'s incident responders' },
      { recuse: ['Priya'], body: { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target }, says: 'only be kept away from a report sent to this wiki\'s responders' },
    ];
    for (const c of cases) {
      const r = await postReport(testing, { ...c.body, recuse: c.recuse });
      expect(r.status).toBe(422);
      expect(Object.values(r.json<{ messageTranslations: Record<string, string> }>().messageTranslations)[0]).toContain(c.says);
    }
  });
});

describe('withdrawing', () => {
  it('when Testing withdraws without ticking the box, then nothing happens and she is asked to; ticked, the report is withdrawn and she is told so', async () => {
    const testing = await as('Testing');
    const path = `/wiki/Special:MyReports/${directId}`;
    const page = await testing.get(path);
    const unticked = await act(testing, page, path, { action: 'withdraw', text: 'It stopped.' });
    expect(unticked.status).toBe(400);
    expect(unticked.text).toContain('id="confirm-withdraw-error"');
    expect(textareaOf(unticked.text, 'text-withdraw')).toBe('It stopped.');
    const ticked = await act(testing, page, path, { action: 'withdraw', text: 'It stopped.', confirm: 'yes' });
    expect(ticked.status).toBe(303);
    const after = await testing.follow(ticked);
    expect(after.text).toContain('Your report is withdrawn. Nobody will work on it any more.');
    expect(after.text).toContain('case-status-withdrawn');
  });
});

describe('the community\'s own wording of a reply', () => {
  it('when the configuration words the emergency acknowledgement for English, then the case offers it, filled in; the editor shows it', async () => {
    const title = parseTitle('MediaWiki:IncidentReportingConfig.json', wiki.container.namespaces);
    if (!title.ok) throw new Error('title');
    const ines = (await wiki.container.accounts.findByName('Ines'))!;
    const own = { template: 'acknowledge-emergency', language: 'en', text: 'Dear {{name}}, we have your report {{id}} and will answer by {{date}}. Add more at {{link}}.' };
    // A wording for threats of physical harm only: this report (a threat to the public) gets the general one.
    const physical = { template: 'acknowledge-emergency', language: 'en', category: 'threats-physical-harm', text: 'Physical harm: by {{date}}.' };
    const config = { ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: '', Email: 'admins@example.org', ContactCommunity: '' }, ReportIncident_ReplyTemplates: [physical, own] };
    expect((await wiki.container.pages.saveText(title.value, { user: ines }, JSON.stringify(config), 'Our own reply')).ok).toBe(true);
    const alice = await as('Alice');
    const r = await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', details: 'He says there will be a bomb at the meetup.', ...(await findComment(alice, 'Talk:African_wild_dog', 'Nobody asked for your opinion')) });
    const id = r.json<{ reportId: string }>().reportId;
    const page = await (await as('Tomas')).get(`/wiki/Special:IncidentReports/${id}`);
    expect(textareaOf(page.text, 'text-acknowledge')).toBe(`Dear Alice, we have your report ${id} and will answer by [date]. Add more at http://127.0.0.1:8080/wiki/Special:MyReports/${id}.`);
    const editor = await (await as('Ines')).get('/wiki/Special:CommunityConfiguration/ReportIncident');
    expect(editor.text).toContain('Replies to reporters');
    expect(editor.text).toContain('Dear {{name}}, we have your report {{id}}');
  });
});

describe('the access log, for Trust & Safety', () => {
  it('when a community responder opens a direct report, then Trust & Safety reads who did (names and times only), though the case is not theirs to open; nobody else reads it', async () => {
    const testing = await as('Testing');
    const r = await postReport(testing, { incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', directReport: 'He mocks me again.', ...(await findComment(testing, 'User_talk:Testing', 'I found your real name')) });
    expect(r.json<{ route: string }>().route).toBe('direct');
    const id = r.json<{ reportId: string }>().reportId;
    expect((await (await as('Priya')).get(`/wiki/Special:IncidentReports/${id}`)).status).toBe(200);
    const tomas = await as('Tomas');
    expect((await tomas.get(`/wiki/Special:IncidentReports/${id}`)).status).toBe(404);
    const log = await tomas.get(`/wiki/Special:IncidentReports/${id}/access`);
    expect(log.status).toBe(200);
    expect(log.text).toContain('<bdi>Priya</bdi>');
    expect(log.text).not.toContain('He mocks me again.');
    for (const name of ['Priya', 'Rowan', 'Brackenfield', 'Testing']) expect({ name, status: (await (await as(name)).get(`/wiki/Special:IncidentReports/${id}/access`)).status }).toEqual({ name, status: 404 });
  });
});

describe('the queue by colleague', () => {
  it('when a responder filters by a colleague\'s name, then only the cases that colleague holds show; a name that handles nothing is said', async () => {
    const priya = await as('Priya');
    const page = await priya.get('/wiki/Special:IncidentReports?status=all');
    expect(page.text).toMatch(/<optgroup label="A colleague">[\s\S]*<option value="Tomas">Tomas<\/option>/);
    const tomas = await as('Tomas');
    const held = await tomas.get('/wiki/Special:IncidentReports?status=all&assignee=Tomas');
    expect(held.text).toContain(emergencyId);
    expect((await tomas.get('/wiki/Special:IncidentReports?status=all&assignee=Priya')).text).not.toContain(emergencyId);
    const bad = await tomas.get('/wiki/Special:IncidentReports?assignee=Brackenfield');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('&#34;Brackenfield&#34; cannot be chosen here');
    const rest = await tomas.get('/w/rest.php/reportincident/v0/reports?status=all&assignee=Tomas');
    expect(rest.json<{ reports: { reportId: string; assignee: string }[] }>().reports.every((x) => x.assignee === 'Tomas')).toBe(true);
    expect((await tomas.get('/w/rest.php/reportincident/v0/reports?assignee=Brackenfield')).status).toBe(400);
  });
});

describe('every responder action through the pages', () => {
  it('when Trust & Safety takes each action on an emergency, and a responder each on a direct report, then each lands in the timeline as what it is', async () => {
    const made = await wiki.container.accounts.create({ name: 'Tara', password: 'trust-and-safety-pw', email: 'tara@example.org', emailConfirmed: true, edits: 10, registeredAt: Date.now() - 400 * 86_400_000, groups: ['trust-and-safety'] });
    if (!made.ok) throw new Error(made.messageKey);
    const alice = await as('Alice');
    const emergency = await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: 'Every action, one by one.', ...(await findComment(alice, 'Talk:African_wild_dog', 'This looks like an advertisement')) });
    const id = emergency.json<{ reportId: string }>().reportId;
    const steps: [string, Record<string, string>, string][] = [
      ['claim', {}, 'Claimed'],
      ['assign', { assignee: 'Tara' }, 'Assigned to Tara'],
      ['acknowledge', { text: 'We have it and will write by Friday.' }, 'Acknowledged to the reporter'],
      ['message', { text: 'Are you safe?' }, 'Message to the reporter'],
      ['note', { text: 'Checked the history.' }, 'Internal note'],
      ['status', { status: 'investigating', text: 'Looking at other accounts.' }, 'Status changed to &#34;Being looked into&#34;'],
      ['answered-by-mail', { text: 'Phoned her back by mail.' }, 'Answered the reporter by mail'],
      ['close', { status: 'resolved', text: 'Blocked.' }, 'Closed: Resolved'],
      ['reopen', { text: 'New evidence.' }, 'Reopened'],
    ];
    const tomas = await as('Tomas');
    const path = `/wiki/Special:IncidentReports/${id}`;
    let page = await tomas.get(path);
    for (const [action, fields, label] of steps) {
      const r = await act(tomas, page, path, { action, ...fields });
      expect({ action, status: r.status }).toEqual({ action, status: 303 });
      page = await tomas.follow(r);
      expect(page.text).toContain(`<strong>${label}</strong>`);
    }
    expect(page.text).toContain('case-status-investigating');
    // The reporter read the acknowledgement, the message, the close and the reopening, never the rest.
    const mine = await alice.get(`/wiki/Special:MyReports/${id}`);
    for (const seen of ['We have it and will write by Friday.', 'Are you safe?', 'Blocked.']) expect(mine.text).toContain(seen);
    for (const hidden of ['Checked the history.', 'Looking at other accounts.', 'Phoned her back by mail.', 'New evidence.', 'Tara', 'Tomas']) expect(mine.text).not.toContain(hidden);
  });
});

describe('going to a reference', () => {
  it('when a responder types a reference in the queue, then they go to its case (lower case and spaces forgiven); something else is said', async () => {
    const tomas = await as('Tomas');
    const r = await tomas.get(`/wiki/Special:IncidentReports?id=${encodeURIComponent(` ${emergencyId.toLowerCase()} `)}`);
    expect(r.status).toBe(303);
    expect(locationOf(r)).toBe(`/wiki/Special:IncidentReports/${emergencyId}`);
    const bad = await tomas.get('/wiki/Special:IncidentReports?id=12345');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('&#34;12345&#34; is not a report reference.');
    expect(bad.text).toContain('id="filter-id-error"');
  });
});
