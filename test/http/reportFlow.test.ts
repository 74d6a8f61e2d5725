// The no-JavaScript report flow of Special:ReportIncident against the real app: Report links, refusals,
// login and back, every step with POST-redirect-GET, field errors, Back, CSRF, the Get support pages and
// the confirmation, all read with ?uselang=qqx (a qqx language cookie) so assertions match message keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTitle } from '../../src/wiki/Title.js';
import { HttpClient, hiddenField, type Reply } from '../support/HttpClient.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

const BASE = '/wiki/Special:ReportIncident';
const TALK = '/wiki/Talk:African_wild_dog';
const DEFAULT_BEHAVIORS = ['intimidation', 'sexual-harassment', 'doxing', 'trolling', 'hate-or-discrimination', 'spam', 'something-else'];

/** A browser without JavaScript that reads every page in qqx (message keys). */
function browser(wiki: TestWiki): HttpClient {
  const client = new HttpClient(wiki.url);
  client.cookies.set('wiki_language', 'qqx');
  return client;
}

async function loggedIn(wiki: TestWiki, name: string): Promise<HttpClient> {
  const client = browser(wiki);
  const r = await client.login(name);
  expect(r.status, `login of ${name}`).toBe(303);
  return client;
}

const unescape = (href: string) => href.replace(/&amp;/g, '&');

/** The Report links of a page's overflow and Tools menus. */
/**
 * The Report links this reader is shown. Threads are rendered once for every reader; items that need the
 * "report" capability show only when the page's body carries can-report (so links in an ineligible
 * reader's HTML are hidden; the Tools menu's Report is left out for them altogether).
 */
async function reportLinks(client: HttpClient, path = TALK): Promise<string[]> {
  const r = await client.get(path);
  expect(r.status).toBe(200);
  const body = /<body class="([^"]*)"/.exec(r.text)?.[1] ?? '';
  if (!body.split(' ').includes('can-report')) return [];
  return [...r.text.matchAll(/<a class="menu-item menu-item-report" href="([^"]*)"/g)].map((m) => unescape(m[1]!));
}

/** The Report link of the first comment whose id starts with `prefix`. */
async function reportLinkFor(client: HttpClient, prefix: string): Promise<string> {
  const link = (await reportLinks(client)).find((href) => new URL(href, 'http://x').searchParams.get('threadId')?.startsWith(prefix));
  if (!link) throw new Error(`no Report link for ${prefix}`);
  return link;
}

/** Path and query of a redirect's Location. */
function locationOf(r: Reply): string {
  expect(r.status, 'a 303 redirect').toBe(303);
  const url = new URL(r.location!, 'http://x');
  return url.pathname + url.search;
}

/** Opens step 1 from the Report link of a comment by Brackenfield (the threat) and returns its page. */
async function openStep1(client: HttpClient, prefix = 'c-Brackenfield'): Promise<Reply> {
  let step1 = await client.get(await reportLinkFor(client, prefix));
  if (step1.status === 303 && step1.location?.includes('resumed=1')) {
    // An earlier test left a draft on this comment: the Report link reopened it, and "Start over" begins anew.
    const resumed = await client.follow(step1);
    const startOver = /class="notice notice-info resumed"[\s\S]*?<a href="([^"]+)"/.exec(resumed.text)?.[1];
    if (!startOver) throw new Error('a reopened draft without a Start over link');
    step1 = await client.get(unescape(startOver));
  }
  expect(step1.status).toBe(200);
  expect(step1.text).toContain('data-step="choose-type"');
  return step1;
}

/** The hidden fields step 1 carries (token and page/threadId/revisionId, or its draft). */
function step1Fields(page: Reply): Record<string, string> {
  const fields: Record<string, string> = { wpEditToken: hiddenField(page.text, 'wpEditToken') };
  if (page.text.includes('name="draft"')) fields.draft = hiddenField(page.text, 'draft');
  else for (const name of ['page', 'threadId', 'revisionId']) fields[name] = hiddenField(page.text, name);
  return fields;
}

/** Posts step 1 from its page with the given choice. */
function postStep1(client: HttpClient, page: Reply, choice: Record<string, string>): Promise<Reply> {
  return client.post(BASE, { ...step1Fields(page), ...choice, wpAction: 'continue' });
}

/** Posts a later step's form (emergency, behavior, support) from its page. */
function postStep(client: HttpClient, page: Reply, action: string, fields: Record<string, string>): Promise<Reply> {
  return client.post(action, { wpEditToken: hiddenField(page.text, 'wpEditToken'), draft: hiddenField(page.text, 'draft'), ...fields });
}

/** Step 1 → the emergency step, with a harm type. */
async function toEmergencyStep(client: HttpClient, harm = 'threats-physical-harm', prefix = 'c-Brackenfield'): Promise<Reply> {
  const step1 = await openStep1(client, prefix);
  const r = await postStep1(client, step1, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: harm });
  expect(locationOf(r)).toMatch(/^\/wiki\/Special:ReportIncident\/emergency\?draft=[\w-]+$/);
  const page = await client.follow(r);
  expect(page.status).toBe(200);
  expect(page.text).toContain('data-step="emergency"');
  return page;
}

/** Step 1 → the behaviour step. */
async function toBehaviorStep(client: HttpClient, prefix = 'c-Brackenfield'): Promise<Reply> {
  const step1 = await openStep1(client, prefix);
  const r = await postStep1(client, step1, { incidentType: 'unacceptable-user-behavior' });
  expect(locationOf(r)).toMatch(/^\/wiki\/Special:ReportIncident\/behavior\?draft=[\w-]+$/);
  const page = await client.follow(r);
  expect(page.text).toContain('data-step="behavior"');
  return page;
}

/** The text of a textarea in a page (EJS-escaped). */
function textarea(html: string, id: string): string {
  const m = new RegExp(`<textarea id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  if (!m) throw new Error(`no textarea ${id}`);
  return m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

const checked = (html: string, id: string) => new RegExp(`id="${id}"[^>]*checked`).test(html);

async function reportCount(wiki: TestWiki): Promise<number> {
  return (await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM reports'))!.n;
}

let wiki: TestWiki;
beforeAll(async () => {
  wiki = await startTestWiki();
});
afterAll(() => wiki.close());

describe('Report links in the overflow and Tools menus', () => {
  it.each(['Alice', 'Chloe'])('when %s reads a talk page, then every comment, topic and the page itself has a Report link', async (name) => {
    const client = await loggedIn(wiki, name);
    const links = await reportLinks(client);
    const ids = [...(await client.get(TALK)).text.matchAll(/ id="([ch]-[^"]+)"/g)].map((m) => m[1]!).filter((id) => !id.endsWith('-sig'));
    expect(ids.length).toBeGreaterThan(5);
    // One per topic and comment, plus one for the page (no threadId) in the Tools menu.
    expect(links).toHaveLength(ids.length + 1);
    const threadIds = links.map((l) => new URL(l, 'http://x').searchParams.get('threadId'));
    expect(threadIds.filter((t) => t === null)).toHaveLength(1);
    expect(threadIds.filter((t): t is string => t !== null).sort()).toEqual([...ids].sort());
    for (const l of links) expect(l).toMatch(/^\/wiki\/Special:ReportIncident\?page=Talk%3AAfrican_wild_dog&(threadId=[^&]+&)?revisionId=\d+&source=(menu|tools)$/);
  });

  it.each(['Emil', 'Dmitri', 'Farah', 'Gus'])('when %s, who may not report, reads a talk page, then there is no Report link', async (name) => {
    const client = await loggedIn(wiki, name);
    expect(await reportLinks(client)).toEqual([]);
  });

  it('when an anonymous visitor reads a talk page, then there is no Report link', async () => {
    expect(await reportLinks(browser(wiki))).toEqual([]);
  });

  it('when Alice reads an article (a namespace without reporting), then there is no Report link', async () => {
    const client = await loggedIn(wiki, 'Alice');
    expect(await reportLinks(client, '/wiki/African_wild_dog')).toEqual([]);
  });

  it('when the other menu items are shown to an ineligible user, then only Report is hidden (and absent from Tools)', async () => {
    const client = await loggedIn(wiki, 'Emil');
    const r = await client.get(TALK);
    expect(r.text).toContain('class="menu overflow-menu"');
    expect(r.text).toMatch(/<body class="[^"]*can-reply/);
    expect(r.text).not.toMatch(/<body class="[^"]*can-report/);
    expect(r.text).toMatch(/<li class="needs-report"><a class="menu-item menu-item-report"/);
    expect(r.text).not.toContain('menu-item-report" href="/wiki/Special:ReportIncident?page=Talk%3AAfrican_wild_dog&amp;revisionId=');
  });
});

describe('refusals', () => {
  const refusals = [
    { user: 'Emil', messageKey: 'reportincident-ineligible-no-edits' },
    { user: 'Dmitri', messageKey: 'reportincident-ineligible-too-new' },
    { user: 'Farah', messageKey: 'reportincident-ineligible-blocked' },
    { user: 'Gus', messageKey: 'reportincident-ineligible-blocked' },
    { user: 'Chloe', messageKey: 'reportincident-ineligible-email-unconfirmed' },
  ];
  it.each(refusals.map((r) => [r.user, r.messageKey, r] as const))('when %s opens the report form, then 403 names what is missing (%s)', async (_, __, row) => {
    const alice = await loggedIn(wiki, 'Alice');
    const link = await reportLinkFor(alice, 'c-Brackenfield');
    const client = await loggedIn(wiki, row.user);
    const r = await client.get(link);
    expect(r.status).toBe(403);
    expect(r.text).toContain('data-step="ineligible"');
    expect(r.text).toContain(`(${row.messageKey}`);
    // Every refusal still says where to turn in an emergency (the address a mailto: link; test/http/getHelp.test.ts has the rest).
    expect(r.text).toMatch(/\(reportincident-ineligible-emergency: <a class="gethelp-email" href="mailto:emergency@localhost\?subject=[^"]+" dir="ltr" translate="no">emergency@localhost<\/a>\)/);
    expect(r.text).not.toContain('name="incidentType"');
  });

  it('when Chloe (email not confirmed) is refused, then the page links to her preferences to confirm the address', async () => {
    const client = await loggedIn(wiki, 'Chloe');
    const alice = await loggedIn(wiki, 'Alice');
    const r = await client.get(await reportLinkFor(alice, 'c-Brackenfield'));
    expect(r.text).toContain('(reportincident-email-required-title)');
    // …and back to this report once it is confirmed.
    expect(r.text).toContain(`href="/wiki/Special:Preferences?returnto=Special%3AReportIncident&amp;returntoquery=`);
    expect(r.text).toContain('(reportincident-email-confirm-link)');
  });

  it('when Farah is refused, then the block reason is given', async () => {
    const client = await loggedIn(wiki, 'Farah');
    const r = await client.get(`${BASE}?page=Talk:African_wild_dog&revisionId=0`);
    expect(r.text).toContain('Repeated edit warring (demo block)');
  });

  it('when a refused user posts a step directly, then the post is refused too and nothing is stored', async () => {
    const before = await reportCount(wiki);
    const client = await loggedIn(wiki, 'Emil');
    const r = await client.post(`${BASE}/emergency`, { wpEditToken: 'x', draft: 'x', details: 'x', wpAction: 'submit' });
    expect(r.status).toBe(403);
    expect(await reportCount(wiki)).toBe(before);
  });
});

describe('an anonymous visit', () => {
  it('when an anonymous visitor opens a Report link, then they are sent to log in and come back to the same step', async () => {
    const alice = await loggedIn(wiki, 'Alice');
    const link = await reportLinkFor(alice, 'c-Brackenfield');
    const query = link.slice(link.indexOf('?') + 1);
    const anon = browser(wiki);
    const r = await anon.get(link);
    expect(r.status).toBe(303);
    expect(locationOf(r)).toBe(`/wiki/Special:UserLogin?returnto=${encodeURIComponent('Special:ReportIncident')}&returntoquery=${encodeURIComponent(query)}`);
    const loginPage = await anon.follow(r);
    expect(loginPage.status).toBe(200);
    expect(hiddenField(loginPage.text, 'returnto')).toBe('Special:ReportIncident');
    expect(hiddenField(loginPage.text, 'returntoquery')).toBe(query);
    const afterLogin = await anon.post('/wiki/Special:UserLogin', {
      wpName: 'Rowan',
      wpPassword: 'demo-password',
      wpLoginToken: hiddenField(loginPage.text, 'wpLoginToken'),
      returnto: hiddenField(loginPage.text, 'returnto'),
      returntoquery: hiddenField(loginPage.text, 'returntoquery'),
    });
    expect(locationOf(afterLogin)).toBe(link);
    const step1 = await anon.follow(afterLogin);
    expect(step1.status).toBe(200);
    expect(step1.text).toContain('data-step="choose-type"');
    expect(hiddenField(step1.text, 'threadId')).toBe(new URL(link, 'http://x').searchParams.get('threadId'));
  });

  it('when an anonymous visitor opens a later step, then the login returns to that step', async () => {
    const r = await browser(wiki).get(`${BASE}/emergency?draft=abc`);
    expect(r.status).toBe(303);
    expect(locationOf(r)).toBe(`/wiki/Special:UserLogin?returnto=${encodeURIComponent('Special:ReportIncident/emergency')}&returntoquery=${encodeURIComponent('draft=abc')}`);
  });

  it('when an anonymous visitor posts a step, then nothing is stored and they are sent to log in', async () => {
    const before = await reportCount(wiki);
    const r = await browser(wiki).post(`${BASE}/emergency`, { draft: 'abc', details: 'x', wpAction: 'submit' });
    expect(r.status).toBe(303);
    expect(r.location).toContain('/wiki/Special:UserLogin');
    expect(await reportCount(wiki)).toBe(before);
  });
});

describe('the emergency flow', () => {
  it('when Alice reports a threat end to end, then the confirmation shows the reference of the stored report', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const emergency = await toEmergencyStep(client, 'threats-physical-harm');
    expect(emergency.text).toContain('(reportincident-emergency-chosen: (reportincident-harm-threats-physical-harm))');
    // The author and the page title are isolated, so a Latin title keeps its order in an Arabic sentence.
    expect(emergency.text).toMatch(/\(reportincident-target-comment: <bdi>Brackenfield<\/bdi>, [^,]+, [^,]+, <bdi>Talk:African wild dog<\/bdi>\)/);
    // The author of the reported comment exists, so the reported user is fixed.
    expect(emergency.text).toMatch(/id="reportedUser" name="reportedUser" value="Brackenfield" readonly/);
    const submitted = await postStep(client, emergency, `${BASE}/emergency`, { reportedUser: 'Brackenfield', about: 'self', details: 'He says I will regret it.', wpAction: 'submit' });
    const location = locationOf(submitted);
    const reportId = decodeURIComponent(/\/submitted\/([^?]+)$/.exec(location)![1]!);
    expect(reportId).toMatch(/^RI-[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    const confirmation = await client.follow(submitted);
    expect(confirmation.status).toBe(200);
    expect(confirmation.text).toContain('data-step="submitted"');
    expect(confirmation.text).toContain(`(reportincident-submitted-reference: <bdi class="report-reference" dir="ltr" translate="no">${reportId}</bdi>)`);
    // (#21) The reporter can follow it from here.
    expect(confirmation.text).toMatch(new RegExp(`href="/wiki/Special:MyReports/${reportId}(\\?uselang=qqx)?">\\(reportincident-submitted-follow\\)`));
    expect(confirmation.text).toContain('(reportincident-submitted-call-emergency)');
    expect(await wiki.container.reports.find(reportId)).toMatchObject({
      reporterUserId: (await wiki.container.accounts.findByName('Alice'))!.id,
      route: 'emergency',
      physicalHarmType: 'threats-physical-harm',
      about: 'self',
      details: 'He says I will regret it.',
      reportedUser: 'Brackenfield',
      snapshot: expect.objectContaining({ author: 'Brackenfield' }),
    });
  });

  it('when someone other than the reporter opens the confirmation, then 404, the same as for an unknown id', async () => {
    const alice = await loggedIn(wiki, 'Alice');
    const emergency = await toEmergencyStep(alice, 'threats-public-harm');
    const submitted = await postStep(alice, emergency, `${BASE}/emergency`, { details: '', wpAction: 'submit' });
    const path = locationOf(submitted);
    expect((await alice.get(path)).status).toBe(200);
    const rowan = await loggedIn(wiki, 'Rowan');
    const other = await rowan.get(path);
    expect(other.status).toBe(404);
    expect(other.text).toContain('(reportincident-error-no-such-report)');
    expect(other.text).not.toContain('data-step="submitted"');
    const unknown = await rowan.get(`${BASE}/submitted/RI-00000-00000-00000-00000`);
    expect(unknown.status).toBe(404);
    const anon = await browser(wiki).get(path);
    expect(anon.status).toBe(303);
    expect(anon.location).toContain('Special:UserLogin');
  });

  it('when a self-harm report is confirmed, then crisis resources are listed', async () => {
    const client = await loggedIn(wiki, 'Testing');
    const emergency = await toEmergencyStep(client, 'threats-self-harm');
    const confirmation = await client.follow(await postStep(client, emergency, `${BASE}/emergency`, { details: '', wpAction: 'submit' }));
    expect(confirmation.text).toContain('class="crisis-resources"');
    expect(confirmation.text).toContain('https://findahelpline.com/');
  });

  it('when the reporter goes Back from the emergency step and Continues, then the details typed are still there', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const emergency = await toEmergencyStep(client, 'threats-physical-harm', 'c-Testing');
    const typed = 'Line one <b>bold?</b>\nLine "two" & more';
    const back = await postStep(client, emergency, `${BASE}/emergency`, { details: typed, about: 'someone-else', wpAction: 'back' });
    const draft = hiddenField(emergency.text, 'draft');
    expect(locationOf(back)).toBe(`${BASE}?draft=${draft}`);
    const step1 = await client.follow(back);
    expect(step1.status).toBe(200);
    expect(checked(step1.text, 'incidentType-immediate-threat-physical-harm')).toBe(true);
    expect(checked(step1.text, 'physicalHarmType-threats-physical-harm')).toBe(true);
    const again = await client.follow(await postStep1(client, step1, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm' }));
    expect(textarea(again.text, 'details')).toBe(typed);
    expect(checked(again.text, 'about-someone-else')).toBe(true);
    expect(again.text).not.toContain('<b>bold?</b>');
  });

  it('when the details are longer than 1000 code points, then 422 shows the error beside the field and keeps the text', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const emergency = await toEmergencyStep(client, 'threats-physical-harm', 'c-Juniper');
    const before = await reportCount(wiki);
    const long = '😀'.repeat(1001);
    const r = await postStep(client, emergency, `${BASE}/emergency`, { details: long, wpAction: 'submit' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('class="error-summary"');
    expect(r.text).toContain('href="#details"');
    expect(r.text).toContain('id="details-error"');
    expect(r.text).toContain('(reportincident-error-too-long-field');
    expect(textarea(r.text, 'details')).toBe(long);
    expect(await reportCount(wiki)).toBe(before);
  });

  it('when the details have exactly 1000 emoji, then the report is accepted', async () => {
    const client = await loggedIn(wiki, 'Juniper');
    const emergency = await toEmergencyStep(client, 'threats-physical-harm', 'c-Rowan');
    const r = await postStep(client, emergency, `${BASE}/emergency`, { details: '😀'.repeat(1000), wpAction: 'submit' });
    expect(r.status).toBe(303);
  });

  it('when the details contain a control character, then 422 says so beside the field', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const emergency = await toEmergencyStep(client, 'threats-physical-harm', 'c-192.0.2.44');
    const r = await postStep(client, emergency, `${BASE}/emergency`, { details: 'bell\u0007', wpAction: 'submit' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('id="details-error"');
    expect(r.text).toContain('(reportincident-error-control-characters');
  });

  it('when the CSRF token is wrong on the emergency step, then nothing is stored and the typed text is kept', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const emergency = await toEmergencyStep(client, 'threats-public-harm', 'h-Rowan');
    const before = await reportCount(wiki);
    const r = await client.post(`${BASE}/emergency`, { wpEditToken: 'forged+\\', draft: hiddenField(emergency.text, 'draft'), details: 'keep me please', wpAction: 'submit' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('(session-failure)');
    expect(textarea(r.text, 'details')).toBe('keep me please');
    expect(await reportCount(wiki)).toBe(before);
  });

  it('when the draft belongs to another user, then it is not found (410) and nothing is shown of it', async () => {
    const alice = await loggedIn(wiki, 'Alice');
    const emergency = await toEmergencyStep(alice, 'threats-public-harm', 'c-Rowan');
    await postStep(alice, emergency, `${BASE}/emergency`, { details: 'private words', wpAction: 'back' });
    const draft = hiddenField(emergency.text, 'draft');
    const rowan = await loggedIn(wiki, 'Rowan');
    const r = await rowan.get(`${BASE}/emergency?draft=${draft}`);
    expect(r.status).toBe(410);
    expect(r.text).not.toContain('private words');
  });
});

describe('step 1 errors', () => {
  it('when no choice is made, then 422 shows the error beside the choices and in the summary', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const step1 = await openStep1(client);
    const r = await postStep1(client, step1, {});
    expect(r.status).toBe(422);
    expect(r.text).toContain('class="error-summary"');
    expect(r.text).toContain('href="#incidentType-unacceptable-user-behavior"');
    expect(r.text).toContain('id="incidentType-unacceptable-user-behavior-error"');
    expect(r.text).toContain('(reportincident-type-required)');
  });

  it('when the emergency is chosen without a harm type, then 422 asks for the harm type and keeps the choice', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const step1 = await openStep1(client);
    const r = await postStep1(client, step1, { incidentType: 'immediate-threat-physical-harm' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('href="#physicalHarmType-threats-physical-harm"');
    expect(r.text).toContain('id="physicalHarmType-threats-physical-harm-error"');
    expect(r.text).toContain('(reportincident-threat-harm-required)');
    expect(checked(r.text, 'incidentType-immediate-threat-physical-harm')).toBe(true);
  });

  it('when a harm type is sent with the non-emergency choice, then it is dropped and the behaviour step follows', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const step1 = await openStep1(client);
    const r = await postStep1(client, step1, { incidentType: 'unacceptable-user-behavior', physicalHarmType: 'threats-self-harm' });
    expect(locationOf(r)).toContain('/behavior?draft=');
  });

  it('when the CSRF token is wrong on step 1, then 422 keeps the choices', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const step1 = await openStep1(client);
    const r = await client.post(BASE, { ...step1Fields(step1), wpEditToken: 'forged', incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', wpAction: 'continue' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('(session-failure)');
    expect(checked(r.text, 'incidentType-immediate-threat-physical-harm')).toBe(true);
    expect(checked(r.text, 'physicalHarmType-threats-public-harm')).toBe(true);
  });

  it('when the Report link names a comment that is not on the page, then the step explains it', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const r = await client.get(`${BASE}?page=Talk:African_wild_dog&threadId=c-Nobody-20200101000000&revisionId=0`);
    expect(r.status).toBe(422);
    expect(r.text).toContain('(reportincident-error-thread-not-on-page');
  });

  it('when the form is opened without a page or draft (its tab, a bookmark), then it says how to report, with the help pages and the emergency address, not "expired"', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const r = await client.get(BASE);
    expect(r.status).toBe(200);
    expect(r.text).toContain('(reportincident-start-title)');
    expect(r.text).not.toContain('(reportincident-expired-title)');
    expect(r.text).toContain(`href="${BASE}/support/doxing"`);
    expect(r.text).toMatch(/mailto:emergency@localhost\?subject=/);
  });

  it('when a draft that no longer exists is named, then it says the form has expired (410), with the same ways forward', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const r = await client.get(`${BASE}/emergency?draft=gone`);
    expect(r.status).toBe(410);
    expect(r.text).toContain('(reportincident-expired-title)');
    expect(r.text).toContain(`href="${BASE}/support/doxing"`);
  });
});

describe('the non-emergency flow', () => {
  it.each(DEFAULT_BEHAVIORS)('when %s is chosen, then its Get support page answers 200', async (behaviorType) => {
    const client = await loggedIn(wiki, 'Alice');
    const behavior = await toBehaviorStep(client);
    // The seven default categories are offered, in order.
    const offered = [...behavior.text.matchAll(/name="behaviorType" id="behaviorType-([^"]+)"/g)].map((m) => m[1]);
    expect(offered).toEqual(DEFAULT_BEHAVIORS);
    const fields: Record<string, string> = { behaviorType, wpAction: 'continue' };
    if (behaviorType === 'something-else') fields.somethingElseDetails = 'They rename my files.';
    const r = await postStep(client, behavior, `${BASE}/behavior`, fields);
    expect(locationOf(r)).toBe(`${BASE}/support/${behaviorType}?draft=${hiddenField(behavior.text, 'draft')}`);
    const support = await client.follow(r);
    expect(support.status).toBe(200);
    expect(support.text).toContain('data-step="support"');
    expect(support.text).toContain(`(reportincident-behavior-${behaviorType})`);
    expect(support.text).toContain(`(reportincident-support-${behaviorType}-nextstep`);
    expect(support.text).toContain('(reportincident-support-requesthelp-header)');
    // Reading a Get support page files nothing.
    expect(support.text).not.toContain('(reportincident-submitted-reference');
  });

  it('when no behaviour is chosen, then 422 shows the error beside the list and in the summary', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const behavior = await toBehaviorStep(client);
    const r = await postStep(client, behavior, `${BASE}/behavior`, { wpAction: 'continue' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('href="#behaviorType-intimidation"');
    expect(r.text).toContain('id="behaviorType-intimidation-error"');
    expect(r.text).toContain('(reportincident-behavior-required)');
  });

  it('when something else is chosen with an empty description, then its Get support page opens: reading help needs no description', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const behavior = await toBehaviorStep(client);
    const r = await postStep(client, behavior, `${BASE}/behavior`, { behaviorType: 'something-else', somethingElseDetails: '   ', wpAction: 'continue' });
    expect(locationOf(r)).toContain('/support/something-else?draft=');
    expect((await client.follow(r)).status).toBe(200);
  });

  it('when the something-else description has 201 code points, then 422 says it is too long and keeps it', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const behavior = await toBehaviorStep(client);
    const long = '😀'.repeat(201);
    const r = await postStep(client, behavior, `${BASE}/behavior`, { behaviorType: 'something-else', somethingElseDetails: long, wpAction: 'continue' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('id="somethingElseDetails-error"');
    expect(r.text).toContain('(reportincident-error-too-long-field: 200, 201)');
    expect(textarea(r.text, 'somethingElseDetails')).toBe(long);
  });

  it('when the something-else description has 200 emoji, then it is accepted', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const behavior = await toBehaviorStep(client);
    const r = await postStep(client, behavior, `${BASE}/behavior`, { behaviorType: 'something-else', somethingElseDetails: '😀'.repeat(200), wpAction: 'continue' });
    expect(locationOf(r)).toContain('/support/something-else?draft=');
  });

  it('when the reporter goes Back from the behaviour step and Continues, then the choice and description are still there', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const behavior = await toBehaviorStep(client);
    const back = await postStep(client, behavior, `${BASE}/behavior`, { behaviorType: 'something-else', somethingElseDetails: 'Moves my drafts', wpAction: 'back' });
    const step1 = await client.follow(back);
    expect(checked(step1.text, 'incidentType-unacceptable-user-behavior')).toBe(true);
    const again = await client.follow(await postStep1(client, step1, { incidentType: 'unacceptable-user-behavior' }));
    expect(checked(again.text, 'behaviorType-something-else')).toBe(true);
    expect(textarea(again.text, 'somethingElseDetails')).toBe('Moves my drafts');
  });

  it('when the CSRF token is wrong on the behaviour step, then 422 keeps the choice and the description', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const behavior = await toBehaviorStep(client);
    const r = await client.post(`${BASE}/behavior`, { wpEditToken: 'forged', draft: hiddenField(behavior.text, 'draft'), behaviorType: 'something-else', somethingElseDetails: 'keep this', wpAction: 'continue' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('(session-failure)');
    expect(checked(r.text, 'behaviorType-something-else')).toBe(true);
    expect(textarea(r.text, 'somethingElseDetails')).toBe('keep this');
  });

  it('when a behaviour outside the enabled list is posted, then it is not accepted', async () => {
    const client = await loggedIn(wiki, 'Alice');
    const behavior = await toBehaviorStep(client);
    const r = await postStep(client, behavior, `${BASE}/behavior`, { behaviorType: 'vandalism', wpAction: 'continue' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('(reportincident-behavior-required)');
  });
});

describe('the rate limit through the forms', () => {
  it('when Nora (a newbie, 1 a day) reads several Get support pages, then she can still file an emergency report, and the next one is refused with the address to write to', async () => {
    const nora = await loggedIn(wiki, 'Nora');
    for (const behaviorType of ['intimidation', 'doxing', 'spam']) {
      const behavior = await toBehaviorStep(nora);
      const support = await nora.follow(await postStep(nora, behavior, `${BASE}/behavior`, { behaviorType, wpAction: 'continue' }));
      expect(support.status).toBe(200);
      // A shared Get support link (no draft) also answers.
      expect((await nora.get(`${BASE}/support/${behaviorType}`)).status).toBe(200);
    }
    const emergency = await toEmergencyStep(nora, 'threats-physical-harm');
    const first = await postStep(nora, emergency, `${BASE}/emergency`, { details: 'first', wpAction: 'submit' });
    expect(first.status).toBe(303);
    expect(locationOf(first)).toContain('/submitted/');

    // At the limit, the first step says so before anything is typed, with the address to write to.
    const step1 = await openStep1(nora, 'c-Testing');
    expect(step1.text).toContain('(reportincident-ratelimit-notice:');
    expect(step1.text).toMatch(/mailto:emergency@localhost\?subject=\S+/);
    const before = await reportCount(wiki);
    const refused = await postStep1(nora, step1, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm' });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('(reportincident-ratelimited-first-step)');
    expect(refused.text).not.toContain('class="error-summary"');
    expect(await reportCount(wiki)).toBe(before);
  });

  it('when the limit is reached while a newbie is typing, then the refusal keeps the words and offers them in a mail to the emergency address', async () => {
    const nora = await loggedIn(wiki, 'Nora');
    // Two emergency forms opened before either is sent (Nora's limit was used by the test above: clear it).
    await wiki.container.sql.run('DELETE FROM rate_limit_hits');
    const first = await toEmergencyStep(nora, 'threats-physical-harm', 'c-Juniper');
    const second = await toEmergencyStep(nora, 'threats-physical-harm', 'c-Rowan');
    expect(locationOf(await postStep(nora, first, `${BASE}/emergency`, { details: 'first', wpAction: 'submit' }))).toContain('/submitted/');
    const before = await reportCount(wiki);
    const refused = await postStep(nora, second, `${BASE}/emergency`, { details: 'He said he will come to my house', wpAction: 'submit' });
    expect(refused.status).toBe(429);
    expect(refused.text).toMatch(/\(reportincident-ratelimited-emergency: [^)]*emergency@localhost/);
    expect(refused.text).not.toContain('class="error-summary"');
    expect(refused.text).toContain('id="rate-limit"');
    expect(refused.text).toMatch(/mailto:emergency@localhost\?subject=[^"]*&amp;body=[^"]*He%20said%20he%20will%20come%20to%20my%20house/);
    expect(textarea(refused.text, 'rate-limit-copy')).toBe('He said he will come to my house');
    expect(textarea(refused.text, 'details')).toBe('He said he will come to my house');
    expect(await reportCount(wiki)).toBe(before);
  });

  it('when a newbie at the limit repeats the report already filed, then it is let through step 1 and the confirmation says it was already received', async () => {
    const nora = await loggedIn(wiki, 'Nora');
    const emergency = await toEmergencyStep(nora, 'threats-physical-harm', 'c-Juniper');
    const r = await postStep(nora, emergency, `${BASE}/emergency`, { details: 'first', wpAction: 'submit' });
    expect(locationOf(r)).toMatch(/\/submitted\/RI-[^?]+\?duplicate=1$/);
    const page = await nora.follow(r);
    expect(page.status).toBe(200);
    expect(page.text).toContain('(reportincident-submitted-duplicate)');
  });
});

describe('direct reporting through the forms', () => {
  let direct: TestWiki;
  beforeAll(async () => {
    direct = await startTestWiki({ settings: { ReportIncidentEnableDirectReporting: true } });
    const title = parseTitle('MediaWiki:IncidentReportingConfig.json', direct.container.namespaces);
    if (!title.ok) throw new Error('title');
    const ines = (await direct.container.accounts.findByName('Ines'))!;
    const config = { ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: 'Demo Wiki:Administrators\' noticeboard', Email: 'admins@example.org', ContactCommunity: '' } };
    expect((await direct.container.pages.saveText(title.value, { user: ines }, JSON.stringify(config), 'Direct reports')).ok).toBe(true);
  });
  afterAll(() => direct.close());

  it('when intimidation has an address, then its Get support page offers the form instead of the contact methods, and submitting it queues mail to that address', async () => {
    const client = await loggedIn(direct, 'Alice');
    const behavior = await toBehaviorStep(client);
    const support = await client.follow(await postStep(client, behavior, `${BASE}/behavior`, { behaviorType: 'intimidation', wpAction: 'continue' }));
    expect(support.status).toBe(200);
    expect(support.text).toContain('id="directReport"');
    expect(support.text).not.toContain('class="help-methods"');
    const empty = await postStep(client, support, `${BASE}/support/intimidation`, { directReport: '  ', wpAction: 'submit' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('id="directReport-error"');
    expect(empty.text).toContain('(reportincident-directreport-empty)');
    const sent = await postStep(client, support, `${BASE}/support/intimidation`, { directReport: 'He follows me around.', wpAction: 'submit' });
    const reportId = decodeURIComponent(/\/submitted\/([^?]+)/.exec(locationOf(sent))![1]!);
    const rows = await direct.container.sql.all("SELECT kind, recipients FROM outbox WHERE report_id = ? AND kind != 'receipt'", [reportId]);
    expect(rows).toEqual([{ kind: 'direct', recipients: 'admins@example.org' }]);
    const confirmation = await client.follow(sent);
    expect(confirmation.text).toContain(`(reportincident-submitted-reference: <bdi class="report-reference" dir="ltr" translate="no">${reportId}</bdi>)`);
  });

  it('when responders are listed on the form, then the reporter may keep one out of the case; keeping out all is refused beside the list, with the text kept', async () => {
    const client = await loggedIn(direct, 'Alice');
    const behavior = await toBehaviorStep(client);
    let support = await client.follow(await postStep(client, behavior, `${BASE}/behavior`, { behaviorType: 'intimidation', wpAction: 'continue' }));
    // With one responder nobody can be kept out (one must remain): the form says where to write instead.
    expect(support.text).not.toContain('name="recuse"');
    expect(support.text).toContain('(reportincident-recuse-none: emergency@localhost)');
    const made = await direct.container.accounts.create({ name: 'Rhea', password: 'responder-password-long', edits: 10, registeredAt: Date.now() - 400 * 86_400_000 });
    if (!made.ok) throw new Error(made.messageKey);
    await direct.container.accounts.addGroup(made.value, 'incident-responder');
    support = await client.get(`${BASE}/support/intimidation?draft=${hiddenField(support.text, 'draft')}`);
    expect(support.text).toContain('name="recuse" id="recuse-0" value="Priya"');
    const refused = await client.request('POST', `${BASE}/support/intimidation`, `wpEditToken=${encodeURIComponent(hiddenField(support.text, 'wpEditToken'))}&draft=${encodeURIComponent(hiddenField(support.text, 'draft'))}&directReport=${encodeURIComponent('Priya is part of this dispute.')}&recuse=Priya&recuse=Rhea&wpAction=submit`, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('id="recuse-error"');
    expect(refused.text).toContain('(reportincident-error-recuse-none-left)');
    expect(refused.text).toContain('Priya is part of this dispute.</textarea>');
    expect(refused.text).toMatch(/value="Priya" checked/);
    // Priya alone can be kept out: she does not see the case; Rhea does.
    const sent = await postStep(client, support, `${BASE}/support/intimidation`, { directReport: 'Priya is part of this dispute.', recuse: 'Priya', wpAction: 'submit' });
    const reportId = decodeURIComponent(/\/submitted\/([^?]+)/.exec(locationOf(sent))![1]!);
    const priya = (await direct.container.accounts.findByName('Priya'))!;
    expect(await direct.container.cases.roleFor(priya, reportId)).toBe('none');
    // Through the pages too: the case does not exist for her, and her queue does not list it.
    const priyaClient = await loggedIn(direct, 'Priya');
    expect((await priyaClient.get(`/wiki/Special:IncidentReports/${reportId}`)).status).toBe(404);
    expect((await priyaClient.get('/wiki/Special:IncidentReports?status=all')).text).not.toContain(reportId);
    expect(await direct.container.cases.roleFor((await direct.container.accounts.findByName('Rhea'))!, reportId)).toBe('responder');
  });

  it('when trolling has no address, then its Get support page has no form', async () => {
    const client = await loggedIn(direct, 'Alice');
    const behavior = await toBehaviorStep(client);
    const support = await client.follow(await postStep(client, behavior, `${BASE}/behavior`, { behaviorType: 'trolling', wpAction: 'continue' }));
    expect(support.text).not.toContain('id="directReport"');
  });
});

describe('the confirmation page of a report that sent nothing', () => {
  // A support-route report sent nothing: its confirmation must not say it is being sent; it shows the Get support page.
  it('when the reporter opens the confirmation of a support-route report, then it does not claim the report is being sent', async () => {
    const client = await loggedIn(wiki, 'Rowan');
    const token = (await client.get('/w/api.php?action=query&meta=tokens&format=json&formatversion=2')).json<{ query: { tokens: { csrftoken: string } } }>().query.tokens.csrftoken;
    const filed = await client.request('POST', '/w/rest.php/reportincident/v0/report', JSON.stringify({ token, revisionId: 0, page: 'User_talk:Support_only', incidentType: 'unacceptable-user-behavior', behaviorType: 'trolling' }), { 'content-type': 'application/json' });
    expect(filed.json<{ route: string }>().route).toBe('support');
    const page = await client.follow(await client.get(`${BASE}/submitted/${filed.json<{ reportId: string }>().reportId}`));
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('(reportincident-submitted-pending-direct)');
    expect(page.text).not.toContain('(reportincident-submitted-next-direct)');
  });
});

describe('settings that hide the Report links', () => {
  it('when ReportIncidentReportButtonEnabled is false, then no Report link is shown and the form answers 404', async () => {
    const off = await startTestWiki({ settings: { ReportIncidentReportButtonEnabled: false } });
    try {
      const client = await loggedIn(off, 'Alice');
      expect(await reportLinks(client)).toEqual([]);
      const r = await client.get(`${BASE}?page=Talk:African_wild_dog&revisionId=0`);
      expect(r.status).toBe(404);
    } finally {
      await off.close();
    }
  });

  it('when the community configuration enables only User talk, then Talk pages have no Report link but User talk pages do', async () => {
    const only = await startTestWiki();
    try {
      const title = parseTitle('MediaWiki:IncidentReportingConfig.json', only.container.namespaces);
      if (!title.ok) throw new Error('title');
      const saved = await only.container.pages.saveText(title.value, { user: (await only.container.accounts.findByName('Ines'))! }, JSON.stringify({ ReportIncidentEnabledNamespaces: [3] }), 'Only user talk pages');
      expect(saved.ok).toBe(true);
      const client = await loggedIn(only, 'Alice');
      expect(await reportLinks(client)).toEqual([]);
      expect((await reportLinks(client, '/wiki/User_talk:Testing')).length).toBeGreaterThan(1);
    } finally {
      await only.close();
    }
  });
});
