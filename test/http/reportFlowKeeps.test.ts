// What the report flow keeps for a reporter (#15): the language asked for in the URL, the words typed (Back after
// Submit, a reopened draft, the dialog's save on close), the self-harm path, and who is reported (the server decides).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, hiddenField, type Reply } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';
import { parseTitle } from '../../src/wiki/Title.js';

const BASE = '/wiki/Special:ReportIncident';
const TALK = 'Talk:African_wild_dog';

let wiki: TestWiki;
beforeAll(async () => {
  wiki = await startTestWiki();
});
afterAll(() => wiki.close());

async function loggedIn(name: string, qqx = true): Promise<HttpClient> {
  const client = new HttpClient(wiki.url);
  if (qqx) client.cookies.set('wiki_language', 'qqx');
  expect((await client.login(name)).status).toBe(303);
  return client;
}

const unescape = (s: string) => s.replace(/&amp;/g, '&');

/** The Report link of the comment whose text contains `text`, as the talk page (read with `query`) gives it. */
async function reportLink(client: HttpClient, text: string, query = ''): Promise<string> {
  const page = await client.get(`/wiki/${TALK}${query}`);
  const { threadId } = await findComment(client, TALK, text);
  const link = [...page.text.matchAll(/<a class="menu-item menu-item-report" href="([^"]*)"/g)].map((m) => unescape(m[1]!)).find((h) => h.includes(`threadId=${encodeURIComponent(threadId)}`));
  if (!link) throw new Error(`no Report link for ${threadId}`);
  return link;
}

function post(client: HttpClient, page: Reply, action: string, fields: Record<string, string>): Promise<Reply> {
  const base = { wpEditToken: hiddenField(page.text, 'wpEditToken') };
  const names = page.text.includes('name="draft"') ? ['draft'] : ['page', 'threadId', 'revisionId'];
  const draft: Record<string, string> = Object.fromEntries(names.map((n) => [n, hiddenField(page.text, n)]));
  return client.post(action, { ...base, ...draft, ...fields });
}

const formAction = (html: string) => unescape(/<form class="wiki-form report-form" method="post" action="([^"]+)"/.exec(html)![1]!);
const htmlLang = (html: string) => /<html lang="([^"]+)" dir="([^"]+)"/.exec(html)?.slice(1);

describe('the language asked for with ?uselang', () => {
  it.each([
    { lang: 'ar', dir: 'rtl' },
    { lang: 'ko', dir: 'ltr' },
  ])('when Alice reports with ?uselang=$lang and no JavaScript, then every step, redirect and link keeps it', async ({ lang, dir }) => {
    const alice = await loggedIn('Alice', false);
    const link = await reportLink(alice, 'Keep reverting me', `?uselang=${lang}`);
    expect(link).toContain(`uselang=${lang}`);
    let page = await alice.get(link);
    if (page.status === 303) page = await alice.get(unescape(/class="notice notice-info resumed"[\s\S]*?<a href="([^"]+)"/.exec((await alice.follow(page)).text)![1]!));
    expect(htmlLang(page.text)).toEqual([lang, dir]);
    expect(formAction(page.text)).toContain(`uselang=${lang}`);
    const toBehavior = await post(alice, page, formAction(page.text), { incidentType: 'unacceptable-user-behavior', wpAction: 'continue' });
    expect(toBehavior.location).toContain(`uselang=${lang}`);
    const behavior = await alice.follow(toBehavior);
    expect(htmlLang(behavior.text)).toEqual([lang, dir]);
    const toSupport = await post(alice, behavior, formAction(behavior.text), { behaviorType: 'intimidation', wpAction: 'continue' });
    expect(toSupport.location).toContain(`uselang=${lang}`);
    const support = await alice.follow(toSupport);
    expect(htmlLang(support.text)).toEqual([lang, dir]);
    // Every link of the page back into the wiki keeps the language too.
    const local = [...support.text.matchAll(/<a (?:class="button[^"]*" )?href="(\/wiki\/(?:Talk|Special:ReportIncident)[^"]*)"/g)].map((m) => unescape(m[1]!));
    expect(local.length).toBeGreaterThan(0);
    for (const href of local) expect(href).toContain(`uselang=${lang}`);
  });

  it('when ?uselang names no language the wiki has, then the page answers 200 in the usual language and the links do not carry it', async () => {
    const alice = await loggedIn('Alice', false);
    const page = await alice.get(`/wiki/${TALK}?uselang=xx-nonsense`);
    expect(page.status).toBe(200);
    expect(htmlLang(page.text)?.[0]).toBe('en');
    expect(page.text).not.toContain('uselang=xx');
  });
});

describe('nothing typed is lost', () => {
  it('when the reporter goes Back after Submit, then the step shows that report\'s confirmation, not "expired", and nothing is filed twice', async () => {
    const alice = await loggedIn('Alice');
    const step1 = await alice.get(`${await reportLink(alice, 'Keep reverting me')}&fresh=1`);
    const emergency = await alice.follow(await post(alice, step1, BASE, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', wpAction: 'continue' }));
    const sent = await post(alice, emergency, `${BASE}/emergency`, { details: 'first words', wpAction: 'submit' });
    const confirmation = sent.location!;
    expect(confirmation).toMatch(/\/submitted\/RI-/);
    const count = async () => (await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM reports'))!.n;
    const before = await count();
    const back = await alice.get(`${BASE}/emergency?draft=${hiddenField(emergency.text, 'draft')}`);
    expect(back.status).toBe(303);
    expect(back.location).toBe(confirmation.replace(/\?.*$/, ''));
    const resent = await post(alice, emergency, `${BASE}/emergency`, { details: 'first words', wpAction: 'submit' });
    expect(resent.status).toBe(303);
    expect(resent.location).toMatch(/\/submitted\/RI-/);
    expect(await count()).toBe(before);
  });

  it('when Report is chosen again on a comment whose report was left unfinished, then the draft reopens where it was left, with a way to start over', async () => {
    const testing = await loggedIn('Testing');
    const link = await reportLink(testing, 'Best prices');
    const step1 = await testing.get(`${link}&fresh=1`);
    const emergency = await testing.follow(await post(testing, step1, BASE, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', wpAction: 'continue' }));
    // The dialog keeps what was typed when it is closed: wpAction=save stores it and sends nothing.
    const saved = await post(testing, emergency, `${BASE}/emergency`, { details: 'kept words', wpAction: 'save' });
    expect(saved.status).toBe(204);
    const again = await testing.get(link);
    expect(again.status).toBe(303);
    expect(again.location).toMatch(/\/emergency\?draft=[\w-]+&resumed=1/);
    const reopened = await testing.follow(again);
    expect(reopened.text).toContain('(reportincident-resumed)');
    expect(reopened.text).toContain('kept words</textarea>');
    const startOver = unescape(/class="notice notice-info resumed"[\s\S]*?<a href="([^"]+)"/.exec(reopened.text)![1]!);
    const fresh = await testing.get(startOver);
    expect(fresh.status).toBe(200);
    expect(fresh.text).toContain('data-step="choose-type"');
  });

  it('when another user names someone\'s draft id, then it is as if it did not exist', async () => {
    const alice = await loggedIn('Alice');
    const step1 = await alice.get(`${await reportLink(alice, 'Keep reverting me')}&fresh=1`);
    const emergency = await alice.follow(await post(alice, step1, BASE, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', wpAction: 'continue' }));
    const draft = hiddenField(emergency.text, 'draft');
    const rowan = await loggedIn('Rowan');
    const r = await rowan.get(`${BASE}/emergency?draft=${draft}`);
    expect(r.status).toBe(410);
    expect(r.text).not.toContain(draft);
  });
});

describe('self-harm about oneself', () => {
  async function selfHarmStep(name: string): Promise<{ client: HttpClient; page: Reply }> {
    const client = await loggedIn(name);
    const step1 = await client.get(`${await reportLink(client, 'Keep reverting me')}&fresh=1`);
    const page = await client.follow(await post(client, step1, BASE, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm', wpAction: 'continue' }));
    return { client, page };
  }

  it('when self-harm is chosen, then crisis resources show at once and the first question is whether it is about the reporter (optional)', async () => {
    const { page } = await selfHarmStep('Juniper');
    expect(page.text).toContain('class="crisis-resources"');
    expect(page.text).toContain('https://findahelpline.com/');
    expect(page.text).toMatch(/\(reportincident-about-legend\) <span class="optional">\(reportincident-optional\)/);
    expect(page.text).not.toContain('id="reportedUser"');
    expect(page.text).not.toContain('id="details"');
  });

  it('when the reporter says it is about them, then nobody is asked for or reported, the notice says what is true for them, and the report names no reported user', async () => {
    const { client, page } = await selfHarmStep('Rowan');
    const details = await client.follow(await post(client, page, `${BASE}/emergency`, { about: 'self', wpAction: 'about' }));
    expect(details.text).toContain('(reportincident-emergency-self-who-sees)');
    expect(details.text).not.toContain('(reportincident-emergency-not-told)');
    expect(details.text).not.toContain('id="reportedUser"');
    expect(details.text).toContain('(reportincident-about-chosen-self)');
    expect(details.text).toContain('(reportincident-target-comment-self:');
    expect(details.text).toContain('class="crisis-resources"');
    const sent = await post(client, details, `${BASE}/emergency`, { details: 'I do not want to be here any more', wpAction: 'submit' });
    const id = /\/submitted\/(RI-[\w-]+)/.exec(sent.location!)![1]!;
    expect(await wiki.container.reports.find(id)).toMatchObject({ about: 'self', reportedUser: '', reportedUserId: null });
    const confirmation = await client.follow(sent);
    expect(confirmation.text).toContain('class="crisis-resources"');
  });

  it('when the reporter goes Back from the details of a self-harm report, then the question comes again with the answer kept', async () => {
    const { client, page } = await selfHarmStep('Ines');
    const details = await client.follow(await post(client, page, `${BASE}/emergency`, { about: 'someone-else', wpAction: 'about' }));
    expect(details.text).toContain('id="reportedUser"');
    expect(details.text).toContain('(reportincident-submitted-crisis-intro-other)');
    const back = await client.follow(await post(client, details, `${BASE}/emergency`, { details: 'she wrote goodbye', wpAction: 'back' }));
    expect(back.text).toMatch(/id="about-someone-else"[^>]*checked/);
    const again = await client.follow(await post(client, back, `${BASE}/emergency`, { about: 'someone-else', wpAction: 'about' }));
    expect(again.text).toContain('she wrote goodbye</textarea>');
  });
});

describe('the server decides who is reported', () => {
  it('when a REST request names someone other than the comment\'s author, then 422 refuses it and stores nothing', async () => {
    const alice = await loggedIn('Alice');
    const target = await findComment(alice, TALK, 'Keep reverting me');
    const r = await postReport(alice, { ...target, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', reportedUser: 'Rowan' });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.json())).toContain('reportincident-error-reported-user-not-author');
    const same = await postReport(alice, { ...target, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', reportedUser: 'brackenfield' });
    expect(same.status).toBe(201);
    expect((await wiki.container.reports.find(same.json<{ reportId: string }>().reportId))!.reportedUser).toBe('Brackenfield');
  });

  it('when the form is posted naming someone other than the comment\'s author, then 422 shows the error on the field and nothing is filed', async () => {
    const tomas = await loggedIn('Tomas');
    const step1 = await tomas.get(`${await reportLink(tomas, 'Keep reverting me')}&fresh=1`);
    const emergency = await tomas.follow(await post(tomas, step1, BASE, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', wpAction: 'continue' }));
    const r = await post(tomas, emergency, `${BASE}/emergency`, { reportedUser: 'Juniper', details: 'x', wpAction: 'submit' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('href="#reportedUser"');
    expect(r.text).toContain('(reportincident-error-reported-user-not-author: Brackenfield, Juniper)');
  });
});

describe('the end of a Get support page', () => {
  it('when a Get support page is read, then its help links show their real destination and count clicks with <a ping>, and "Can\'t find" gives real links and one way back', async () => {
    const alice = await loggedIn('Alice');
    const step1 = await alice.get(`${await reportLink(alice, 'Keep reverting me')}&fresh=1`);
    const behavior = await alice.follow(await post(alice, step1, BASE, { incidentType: 'unacceptable-user-behavior', wpAction: 'continue' }));
    const support = await alice.follow(await post(alice, behavior, `${BASE}/behavior`, { behaviorType: 'intimidation', wpAction: 'continue' }));
    expect(support.status).toBe(200);
    // In English (qqx shows message keys, not links) the help sentence's link goes to the page itself.
    alice.cookies.set('wiki_language', 'en');
    const english = await alice.get(`${BASE}/support/intimidation`);
    expect(english.text).not.toMatch(/href="[^"]*\/out\//);
    expect(english.text).toMatch(/<a href="\/wiki\/[^"]+" ping="\/wiki\/Special:ReportIncident\/out\/intimidation\/ContactAdmin">/);
    const other = /<ul class="other-help">([\s\S]*?)<\/ul>/.exec(support.text)?.[1] ?? '';
    expect(other).toContain('(reportincident-support-other-admins)');
    expect(other).toContain('(reportincident-support-other-emergency)');
    expect(other).toContain('(reportincident-support-other-behavior)');
    expect([...support.text.matchAll(/\(reportincident-back-to-page/g)]).toHaveLength(1);
    expect(support.text).not.toContain('button-primary');
    const ping = await alice.request('POST', `${BASE}/out/intimidation/ContactAdmin`, 'PING', { 'content-type': 'text/ping' });
    expect(ping.status).toBe(204);
  });
});

describe('the Trust & Safety mail of a reporter at risk', () => {
  let mailWiki: TestWiki;
  beforeAll(async () => {
    mailWiki = await startTestWiki({ delivery: true });
  });
  afterAll(() => mailWiki.close());

  it('when self-harm is reported about oneself, then the subject and the first line say the reporter may be at risk, and the comment\'s author is not the "reported user"', async () => {
    const juniper = new HttpClient(mailWiki.url);
    await juniper.login('Juniper');
    const target = await findComment(juniper, TALK, 'Keep reverting me');
    const r = await postReport(juniper, { ...target, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm', about: 'self', details: 'I have a plan for tonight' });
    expect(r.status).toBe(201);
    const end = Date.now() + 10_000;
    const staffMail = async () => (await mailWiki.container.devMailbox.list(10)).find((m) => m.envelopeTo.includes('emergency@localhost'))?.raw.toString('utf8');
    while (!(await staffMail()) && Date.now() < end) await new Promise((res) => setTimeout(res, 20));
    const raw = (await staffMail())!;
    expect(raw).toMatch(/^Subject: \[Demo Wiki\] Reporter may be at risk:/m);
    expect(raw).toContain('The reporter may be at risk themselves');
    expect(raw).not.toContain('Reported user');
  });
});

describe('what a walk by a new user found', () => {
  it('when Nora, at her limit, chooses self-harm, then the refusal lists the crisis services', async () => {
    const nora = await loggedIn('Nora');
    const first = await fileEmergency(nora);
    expect(first.status).toBe(303);
    const step1 = await nora.get(`${await reportLink(nora, 'Best prices')}&fresh=1`);
    expect(step1.text).toContain('(reportincident-ratelimit-notice:');
    const refused = await post(nora, step1, BASE, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm', wpAction: 'continue' });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('class="crisis-resources"');
  });

  it('when Farah follows Get help, then it lists the crisis services, and a Get support page it links to leads back to the comment', async () => {
    const farah = await loggedIn('Farah');
    const { threadId, revisionId } = await findComment(farah, TALK, 'Keep reverting me');
    const help = await farah.get(`${BASE}/help?${new URLSearchParams({ page: TALK, threadId, revisionId: String(revisionId) })}`);
    expect(help.status).toBe(200);
    expect(help.text).toContain('class="crisis-resources"');
    const supportHref = unescape(/<ul class="gethelp-support-links">[\s\S]*?<a href="([^"]+)"/.exec(help.text)![1]!);
    expect(supportHref).toContain(`threadId=${encodeURIComponent(threadId)}`);
    const support = await farah.get(supportHref);
    expect(support.status).toBe(200);
    expect(support.text).toContain(`href="/wiki/${TALK}#${threadId}"`);
    expect(support.text).toContain('(reportincident-support-other-emergency-mail)');
  });

  it('when the doxing Get support page is read, then "Can\'t find" does not point at the public administrators\' page', async () => {
    const alice = await loggedIn('Alice');
    const doxing = await alice.get(`${BASE}/support/doxing`);
    const other = /<ul class="other-help">([\s\S]*?)<\/ul>/.exec(doxing.text)?.[1] ?? '';
    expect(other).not.toContain('(reportincident-support-other-admins)');
    expect(doxing.text).toContain('(reportincident-support-nothing-sent)');
  });

  it('when a Get support page is read with ?uselang=ar, then its help links to wiki pages keep the language', async () => {
    const alice = await loggedIn('Alice', false);
    const support = await alice.get(`${BASE}/support/intimidation?uselang=ar`);
    const step = support.text.slice(support.text.indexOf('id="report-step"'), support.text.indexOf('<footer'));
    const local = [...step.matchAll(/href="(\/wiki\/[^"]*)"/g)].map((m) => unescape(m[1]!)).filter((h) => !h.startsWith('/wiki/Special:ReportIncident/out/'));
    expect(local.length).toBeGreaterThan(2);
    for (const href of local) expect(href, href).toContain('uselang=ar');
  });

  it('when a report is confirmed, then the address to write to with more details is a mailto: link naming the report', async () => {
    const alice = await loggedIn('Alice', false);
    const step1 = await alice.get(`${await reportLink(alice, 'Best prices')}&fresh=1`);
    const emergency = await alice.follow(await post(alice, step1, BASE, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', wpAction: 'continue' }));
    const confirmation = await alice.follow(await post(alice, emergency, `${BASE}/emergency`, { details: 'x', wpAction: 'submit' }));
    const id = /RI-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}/.exec(confirmation.text)![0];
    expect(confirmation.text).toContain(`href="mailto:emergency@localhost?subject=More%20about%20report%20${id}"`);
  });
});

/** Files an emergency report about the comment "Keep reverting me" from its Report link. */
async function fileEmergency(client: HttpClient): Promise<Reply> {
  const step1 = await client.get(`${await reportLink(client, 'Keep reverting me')}&fresh=1`);
  const emergency = await client.follow(await post(client, step1, BASE, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', wpAction: 'continue' }));
  return post(client, emergency, `${BASE}/emergency`, { details: 'first', wpAction: 'submit' });
}

describe('a submit sent twice at once', () => {
  it('when the same draft is submitted by two requests at the same moment (a double click, two tabs), then one report is stored and both land on its confirmation', async () => {
    const ines = await loggedIn('Ines');
    const step1 = await ines.get(`${await reportLink(ines, 'Best prices')}&fresh=1`);
    const emergency = await ines.follow(await post(ines, step1, BASE, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', wpAction: 'continue' }));
    const count = async () => (await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM reports'))!.n;
    const before = await count();
    const [a, b] = await Promise.all([1, 2].map(() => post(ines, emergency, `${BASE}/emergency`, { details: 'twice at once', wpAction: 'submit' })));
    expect(await count()).toBe(before + 1);
    const ids = [a!, b!].map((r) => /\/submitted\/(RI-[\w-]+)/.exec(r.location ?? '')?.[1]);
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBe(ids[0]);
  });
});

describe('what a review of the change found', () => {
  it('when a repeat would add a sixth update within a day, then 429 refuses it, with the address to write to, and no mail is queued', async () => {
    const nora = await loggedIn('Nora');
    const target = await findComment(nora, 'User_talk:Testing', 'Brackenfield');
    const fields = { ...target, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm' };
    await wiki.container.sql.run("DELETE FROM rate_limit_hits WHERE user_id = (SELECT user_id FROM users WHERE user_name = 'Nora')");
    expect((await postReport(nora, { ...fields, details: 'First.' })).status).toBe(201);
    for (let i = 1; i <= 5; i++) {
      const r = await postReport(nora, { ...fields, details: `Sentence number ${i} is new.` });
      expect(r.json<{ updated?: boolean }>().updated, `update ${i}`).toBe(true);
    }
    const outbox = async () => (await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM outbox'))!.n;
    const before = await outbox();
    const sixth = await postReport(nora, { ...fields, details: 'Sentence number six is new.' });
    expect(sixth.status).toBe(429);
    expect(JSON.stringify(sixth.json())).toContain('emergency@localhost');
    expect(await outbox()).toBe(before);
  });

  it('when a page as a whole is reported twice naming two users, then the second is a report of its own, not folded into the first', async () => {
    const rowan = await loggedIn('Rowan');
    const page = { revisionId: 0, page: 'User_talk:Juniper', incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm' };
    const first = await postReport(rowan, { ...page, reportedUser: 'Alice', details: 'same words' });
    const second = await postReport(rowan, { ...page, reportedUser: 'Tomas', details: 'same words' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json<{ reportId: string }>().reportId).not.toBe(first.json<{ reportId: string }>().reportId);
    expect((await wiki.container.reports.find(second.json<{ reportId: string }>().reportId))!.reportedUser).toBe('Tomas');
  });

  it('when "Start over" is chosen and the new report sent, then the words left in the old draft neither reopen nor fold in later', async () => {
    const tomas = await loggedIn('Tomas');
    const link = await reportLink(tomas, 'Please comment on the edit');
    const step1 = await tomas.get(`${link}&fresh=1`);
    const old = await tomas.follow(await post(tomas, step1, BASE, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', wpAction: 'continue' }));
    expect((await post(tomas, old, `${BASE}/emergency`, { details: 'WORDS I DISCARDED', wpAction: 'save' })).status).toBe(204);
    const fresh = await tomas.get(`${link}&fresh=1`);
    const emergency = await tomas.follow(await post(tomas, fresh, BASE, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', wpAction: 'continue' }));
    await post(tomas, emergency, `${BASE}/emergency`, { details: 'what I mean now', wpAction: 'submit' });
    const again = await tomas.get(link);
    expect(again.status).toBe(200);
    expect(again.text).toContain('data-step="choose-type"');
    expect((await wiki.container.sql.get<{ n: number }>("SELECT count(*) AS n FROM report_drafts WHERE data LIKE '%DISCARDED%'"))!.n).toBe(0);
  });
});

describe('a category that takes direct reports, read without a report in progress', () => {
  let direct: TestWiki;
  beforeAll(async () => {
    direct = await startTestWiki({ settings: { ReportIncidentEnableDirectReporting: true } });
    const title = parseTitle('MediaWiki:IncidentReportingConfig.json', direct.container.namespaces);
    if (!title.ok) throw new Error('title');
    const config = { ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: "Demo Wiki:Administrators' noticeboard", Email: 'admins@example.org', ContactCommunity: '' } };
    expect((await direct.container.pages.saveText(title.value, { user: (await direct.container.accounts.findByName('Ines'))! }, JSON.stringify(config), 'Direct reports')).ok).toBe(true);
  });
  afterAll(() => direct.close());

  it('when Farah (who may not report) reads it, then its contact methods are there, since no form replaces them', async () => {
    const farah = new HttpClient(direct.url);
    farah.cookies.set('wiki_language', 'qqx');
    await farah.login('Farah');
    const page = await farah.get(`${BASE}/support/intimidation`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('id="directReport"');
    expect(page.text).toContain('(reportincident-support-helpmethod-email:');
    expect(page.text).not.toContain('(reportincident-support-helpmethod-default)');
  });
});

describe('what a second walk found', () => {
  let mailWiki2: TestWiki;
  beforeAll(async () => {
    mailWiki2 = await startTestWiki({ delivery: true });
  });
  afterAll(() => mailWiki2.close());

  it('when a self-harm report about the reporter gets an update that does not change "about", then the update mail still says the reporter may be at risk', async () => {
    const testing = new HttpClient(mailWiki2.url);
    await testing.login('Testing');
    const target = await findComment(testing, TALK, 'Keep reverting me');
    const fields = { ...target, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm' };
    expect((await postReport(testing, { ...fields, about: 'self', details: 'I cannot go on.' })).status).toBe(201);
    const update = await postReport(testing, { ...fields, details: 'I cannot go on. It is worse tonight.' });
    expect(update.json<{ updated?: boolean }>().updated).toBe(true);
    const end = Date.now() + 10_000;
    const updateMail = async () => (await mailWiki2.container.devMailbox.list(20)).map((m) => m.raw.toString('utf8')).find((raw) => /^Subject: .*update to report/im.test(raw) && raw.includes('emergency@localhost'));
    while (!(await updateMail()) && Date.now() < end) await new Promise((res) => setTimeout(res, 20));
    expect(await updateMail()).toMatch(/^Subject: \[Demo Wiki\] Reporter may be at risk: update to report/m);
    expect(await updateMail()).toContain('The reporter may be at risk themselves');
  });

  it('when Nora, at her limit, opens Report on a comment she reported today, then she is told she can still add to that report', async () => {
    const nora = await loggedIn('Nora');
    await wiki.container.sql.run("DELETE FROM rate_limit_hits WHERE user_id = (SELECT user_id FROM users WHERE user_name = 'Nora')");
    const target = await findComment(nora, TALK, 'Nobody asked for your opinion');
    const first = await postReport(nora, { ...target, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', details: 'A.' });
    const id = first.json<{ reportId: string }>().reportId;
    const page = await nora.get(`${BASE}?${new URLSearchParams({ page: TALK, threadId: target.threadId, revisionId: String(target.revisionId), fresh: '1' })}`);
    expect(page.text).toContain(`(reportincident-ratelimit-notice-earlier: ${id}, (reportincident-harm-threats-public-harm))`);
  });

  it('when Farah (blocked) reads a Get support page, then it says the wiki pages may be closed to her and what still reaches people', async () => {
    const farah = await loggedIn('Farah');
    const page = await farah.get(`${BASE}/support/intimidation`);
    expect(page.text).toContain('(reportincident-support-blocked-note)');
    const alice = await loggedIn('Alice');
    expect((await alice.get(`${BASE}/support/intimidation`)).text).not.toContain('(reportincident-support-blocked-note)');
  });
});
