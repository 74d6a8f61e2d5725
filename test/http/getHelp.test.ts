// "Get help" for logged-in users who may not report (blocked, partially blocked, too new, no edits): the item in
// the ⋮ and Tools menus where others find Report, Special:ReportIncident/help and the refusal it shares with a
// Report link (why, the emergency address as a mailto: link, the Get support pages, the way back), Get support
// readable by them, and Chloe led back to her report once her email is confirmed. Read in qqx (message keys).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, hiddenField, type Reply } from '../support/HttpClient.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

const BASE = '/wiki/Special:ReportIncident';
const TALK = '/wiki/Talk:African_wild_dog';
const DEFAULT_BEHAVIORS = ['intimidation', 'sexual-harassment', 'doxing', 'trolling', 'hate-or-discrimination', 'spam', 'something-else'];
const MAY_NOT_REPORT = ['Farah', 'Gus', 'Dmitri', 'Emil'];

let wiki: TestWiki;
beforeAll(async () => {
  // Direct reporting on, so Get support has a form to keep from those who may not report.
  wiki = await startTestWiki({ settings: { ReportIncidentEnableDirectReporting: true } });
});
afterAll(() => wiki.close());

/** A browser without JavaScript that reads every page in qqx (message keys). */
function browser(): HttpClient {
  const client = new HttpClient(wiki.url);
  client.cookies.set('wiki_language', 'qqx');
  return client;
}

async function loggedIn(name: string): Promise<HttpClient> {
  const client = browser();
  expect((await client.login(name)).status, `login of ${name}`).toBe(303);
  return client;
}

const unescape = (href: string) => href.replace(/&amp;/g, '&');

interface Item {
  id: string;
  href: string;
  /** The capability it needs (thread items), or null (the Tools menu, rendered per reader). */
  needs: string | null;
  visible: boolean;
}

/** Every item of a page's ⋮ and Tools menus, and whether this reader sees it (CSS hides needs-X without can-X on the body). */
function menuItems(html: string): Item[] {
  const body = (/<body class="([^"]*)"/.exec(html)?.[1] ?? '').split(' ');
  return [...html.matchAll(/<li(?: class="([^"]*)")?><a class="menu-item menu-item-([\w-]+)" href="([^"]*)"/g)].map((m) => {
    const needs = /needs-([\w-]+)/.exec(m[1] ?? '')?.[1] ?? null;
    return { id: m[2]!, href: unescape(m[3]!), needs, visible: needs === null || body.includes(`can-${needs}`) };
  });
}

const visible = (items: Item[], id: string) => items.filter((i) => i.id === id && i.visible);

/** The ids of a talk page's topics and comments. */
const threadIdsOf = (html: string) => [...html.matchAll(/ id="([ch]-[^"]+)"/g)].map((m) => m[1]!).filter((id) => !id.endsWith('-sig'));

/** The Get help link of the first comment by Brackenfield, as this reader's talk page has it. */
async function getHelpLink(client: HttpClient): Promise<string> {
  const items = menuItems((await client.get(TALK)).text);
  const link = visible(items, 'gethelp').find((i) => new URL(i.href, 'http://x').searchParams.get('threadId')?.startsWith('c-Brackenfield'));
  if (!link) throw new Error('no Get help link for a comment by Brackenfield');
  return link.href;
}

/** The step's own HTML (the content of #report-step), without the skin around it. */
function step(r: Reply): string {
  const at = r.text.indexOf('<div id="report-step"');
  expect(at, 'a report step').toBeGreaterThan(-1);
  return r.text.slice(at, r.text.indexOf('</main>', at));
}

function locationOf(r: Reply): string {
  expect(r.status, 'a 303 redirect').toBe(303);
  const url = new URL(r.location!, 'http://x');
  return url.pathname + url.search;
}

describe('Get help in the menus', () => {
  it.each(MAY_NOT_REPORT)('when %s, who may not report, reads a talk page, then every comment, topic and the Tools menu offer Get help, and no Report shows', async (name) => {
    const client = await loggedIn(name);
    const r = await client.get(TALK);
    const items = menuItems(r.text);
    const threads = threadIdsOf(r.text);
    expect(threads.length).toBeGreaterThan(5);
    const help = visible(items, 'gethelp');
    // One per topic and comment, plus one for the page in the Tools menu.
    expect(help).toHaveLength(threads.length + 1);
    const threadIds = help.map((i) => new URL(i.href, 'http://x').searchParams.get('threadId'));
    expect(threadIds.filter((t): t is string => t !== null).sort()).toEqual([...threads].sort());
    for (const i of help) expect(i.href).toMatch(/^\/wiki\/Special:ReportIncident\/help\?page=Talk%3AAfrican_wild_dog&(threadId=[^&]+&)?revisionId=\d+$/);
    expect(help.filter((i) => i.needs === null)).toHaveLength(1);
    expect(visible(items, 'report')).toEqual([]);
    expect(r.text).toMatch(/<body class="[^"]*\bcan-gethelp\b/);
    expect(r.text).not.toMatch(/<body class="[^"]*\bcan-report\b/);
  });

  it.each(['Alice', 'Chloe'])('when %s, who sees Report, reads a talk page, then no Get help shows', async (name) => {
    const client = await loggedIn(name);
    const items = menuItems((await client.get(TALK)).text);
    expect(visible(items, 'gethelp')).toEqual([]);
    expect(visible(items, 'report').length).toBeGreaterThan(5);
  });

  it('when an anonymous visitor reads a talk page, then neither Report nor Get help shows', async () => {
    const r = await browser().get(TALK);
    const items = menuItems(r.text);
    expect(visible(items, 'gethelp')).toEqual([]);
    expect(visible(items, 'report')).toEqual([]);
    // The cached threads have both items for every reader; the body decides which shows.
    expect(items.some((i) => i.id === 'gethelp' && i.needs === 'gethelp')).toBe(true);
  });

  it('when Farah reads an article (a namespace without reporting), then there is no Get help', async () => {
    const client = await loggedIn('Farah');
    const r = await client.get('/wiki/African_wild_dog');
    expect(r.status).toBe(200);
    expect(menuItems(r.text).filter((i) => i.id === 'gethelp')).toEqual([]);
    expect(r.text).not.toMatch(/<body class="[^"]*\bcan-gethelp\b/);
  });
});

describe('the Get help page', () => {
  it('when Farah, who is blocked, follows Get help, then the page says why without "yet", with the emergency address, the Get support pages and the way back', async () => {
    const client = await loggedIn('Farah');
    const link = await getHelpLink(client);
    const threadId = new URL(link, 'http://x').searchParams.get('threadId')!;
    const r = await client.get(link);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control') ?? '').toContain('no-store');
    expect(r.text).toContain('<h1 id="firstHeading" class="first-heading">(reportincident-gethelp-title)</h1>');
    const html = step(r);
    expect(html).toContain('data-step="ineligible"');
    expect(html).toContain('(reportincident-ineligible-title-blocked)');
    expect(html).not.toContain('(reportincident-ineligible-title)');
    expect(html).toContain('(reportincident-ineligible-blocked: Repeated edit warring (demo block))');
    // The emergency address is a mailto: link with a subject in the reader's language.
    expect(html).toContain('(reportincident-gethelp-emergency-header)');
    const mailto = /\(reportincident-ineligible-emergency: <a class="gethelp-email" href="(mailto:[^"]+)" dir="ltr" translate="no">emergency@localhost<\/a>\)/.exec(html);
    expect(mailto, 'the emergency address as a link').not.toBeNull();
    const mail = new URL(unescape(mailto![1]!));
    expect(mail.pathname).toBe('emergency@localhost');
    expect(mail.searchParams.get('subject')).toBe('(reportincident-gethelp-mail-subject: Demo Wiki)');
    // Every enabled Get support page, by the name of its behaviour.
    // …each carrying the comment, so that its page leads back to it.
    for (const b of DEFAULT_BEHAVIORS) expect(html).toMatch(new RegExp(`<li><a href="${BASE}/support/${b}\\?page=[^"]*threadId=[^"]+">\\(reportincident-behavior-${b}\\)</a></li>`));
    expect(html).toContain(`href="${TALK}#${encodeURIComponent(threadId)}" data-behavior="close-dialog">(reportincident-back-to-page: Talk:African wild dog)</a>`);
    // Nothing that files a report.
    expect(html).not.toContain('<form');
  });

  it('when Farah reads Get help in English, then "yet" is nowhere in it', async () => {
    const client = await loggedIn('Farah');
    const r = await client.get(`${await getHelpLink(client)}&uselang=en`);
    const html = step(r);
    expect(html).toContain('You cannot report while your account is blocked');
    expect(html).toContain('If someone is in immediate danger, call your local emergency services.');
    expect(html).toContain('?subject=Urgent%3A%20help%20needed%20on%20Demo%20Wiki');
    expect(html).not.toMatch(/\byet\b/i);
  });

  it('when Gus, who is partially blocked, opens Get help, then he is told that a partial block stops reporting too', async () => {
    const client = await loggedIn('Gus');
    const html = step(await client.get(await getHelpLink(client)));
    expect(html).toContain('(reportincident-ineligible-title-blocked)');
    expect(html).toContain('(reportincident-ineligible-blocked-partial: Edit warring on articles (demo partial block))');
  });

  it.each([
    ['Dmitri', 'reportincident-ineligible-too-new'],
    ['Emil', 'reportincident-ineligible-no-edits'],
  ])('when %s opens Get help, then "not yet" is said, as time or an edit will change it (%s)', async (name, messageKey) => {
    const client = await loggedIn(name);
    const html = step(await client.get(await getHelpLink(client)));
    expect(html).toContain('(reportincident-ineligible-title)');
    expect(html).toContain(`(${messageKey}`);
    expect(html).toContain('href="mailto:emergency@localhost?subject=');
    expect(html).toContain(`href="${BASE}/support/doxing?page=`);
  });

  it('when the page is read with ?uselang=ar, then its links keep the language and the subject is Arabic', async () => {
    const client = await loggedIn('Farah');
    const link = await getHelpLink(client);
    const r = await client.get(`${link}&uselang=ar`);
    const html = step(r);
    expect(r.text).toContain('dir="rtl"');
    expect(html).toMatch(new RegExp(`href="${BASE}/support/doxing\\?page=[^"]*&amp;uselang=ar"`));
    expect(html).toMatch(new RegExp(`href="${TALK}\\?uselang=ar#c-Brackenfield`));
    const subject = new URL(unescape(/href="(mailto:[^"]+)"/.exec(html)![1]!)).searchParams.get('subject');
    expect(subject).toBe('عاجل: أحتاج إلى مساعدة في Demo Wiki');
  });

  it('when Farah opens a Report link by URL, then the refusal (403) has the same ways to get help', async () => {
    const client = await loggedIn('Farah');
    const link = (await getHelpLink(client)).replace('/help?', '?');
    const r = await client.get(link);
    expect(r.status).toBe(403);
    const html = step(r);
    expect(html).toContain('(reportincident-ineligible-title-blocked)');
    expect(html).toContain('href="mailto:emergency@localhost?subject=');
    for (const b of DEFAULT_BEHAVIORS) expect(html).toContain(`href="${BASE}/support/${b}?`);
    expect(html).toMatch(new RegExp(`href="${TALK}#c-Brackenfield[^"]*" data-behavior="close-dialog"`));
  });

  it('when the URL names no comment, then there is no way back to offer, and the rest of the page is there', async () => {
    const client = await loggedIn('Farah');
    const html = step(await client.get(`${BASE}/help`));
    expect(html).toContain('(reportincident-ineligible-title-blocked)');
    expect(html).toContain(`href="${BASE}/support/spam"`);
    expect(html).not.toContain('(reportincident-back-to-page');
  });

  it('when the URL names a page that does not exist, then no link back is made to it', async () => {
    const client = await loggedIn('Farah');
    const html = step(await client.get(`${BASE}/help?page=Talk:No_such_page&threadId=c-x-1&revisionId=1`));
    expect(html).not.toContain('(reportincident-back-to-page');
  });

  it('when Alice, who may report, opens a Get help link, then she is sent on to the report', async () => {
    const farah = await loggedIn('Farah');
    const link = await getHelpLink(farah);
    const alice = await loggedIn('Alice');
    const r = await alice.get(link);
    const query = new URL(link, 'http://x').searchParams;
    expect(locationOf(r)).toBe(`${BASE}?${new URLSearchParams({ page: query.get('page')!, threadId: query.get('threadId')!, revisionId: query.get('revisionId')! }).toString()}`);
    const step1 = await alice.follow(r);
    expect(step1.text).toContain('data-step="choose-type"');
  });

  it('when an anonymous visitor opens a Get help link, then they are sent to log in and back to it', async () => {
    const r = await browser().get(`${BASE}/help?page=Talk:African_wild_dog&revisionId=1`);
    expect(locationOf(r)).toBe(`/wiki/Special:UserLogin?returnto=${encodeURIComponent('Special:ReportIncident/help')}&returntoquery=${encodeURIComponent('page=Talk:African_wild_dog&revisionId=1')}`);
  });
});

describe('Get support for those who may not report', () => {
  it.each(MAY_NOT_REPORT)('when %s opens a Get support page, then it is shown (reading it files nothing)', async (name) => {
    const client = await loggedIn(name);
    const r = await client.get(`${BASE}/support/doxing`);
    expect(r.status).toBe(200);
    expect(r.text).toContain('data-step="support"');
    expect(r.text).toContain('(reportincident-behavior-doxing)');
  });

  it('when Farah opens Get support with a comment named, then it has no direct-report form, which Alice would get', async () => {
    const query = `page=Talk:African_wild_dog&revisionId=${(await getHelpLink(await loggedIn('Farah'))).match(/revisionId=(\d+)/)![1]}`;
    const farah = await (await loggedIn('Farah')).get(`${BASE}/support/intimidation?${query}`);
    expect(farah.status).toBe(200);
    expect(farah.text).not.toContain('id="directReport"');
    const alice = await (await loggedIn('Alice')).get(`${BASE}/support/intimidation?${query}`);
    expect(alice.text).toContain('id="directReport"');
  });

  it('when Farah posts a direct report anyway, then it is refused and nothing is stored', async () => {
    const count = async () => (await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM reports'))!.n;
    const before = await count();
    const client = await loggedIn('Farah');
    const r = await client.post(`${BASE}/support/intimidation`, { wpEditToken: 'x', draft: 'x', directReport: 'x', wpAction: 'submit' });
    expect(r.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('when an anonymous visitor opens a Get support page, then they are still sent to log in', async () => {
    const r = await browser().get(`${BASE}/support/doxing`);
    expect(r.status).toBe(303);
    expect(r.location).toContain('/wiki/Special:UserLogin');
  });
});

describe('Chloe confirms her email and is led back to her report', () => {
  it('when Chloe is asked to confirm her email and does, then Preferences leads her back to the report she started', async () => {
    const client = await loggedIn('Chloe');
    const report = visible(menuItems((await client.get(TALK)).text), 'report').find((i) => i.href.includes('threadId=c-Brackenfield'))!.href;
    const refused = await client.get(report);
    expect(refused.status).toBe(403);
    const confirm = /<a class="button button-primary" href="([^"]*)">\(reportincident-email-confirm-link\)<\/a>/.exec(step(refused));
    expect(confirm, 'the confirm-your-email link').not.toBeNull();
    const preferencesHref = unescape(confirm![1]!);
    const query = report.slice(report.indexOf('?') + 1);
    expect(preferencesHref).toBe(`/wiki/Special:Preferences?${new URLSearchParams({ returnto: 'Special:ReportIncident', returntoquery: query }).toString()}`);

    const preferences = await client.get(preferencesHref);
    expect(preferences.status).toBe(200);
    expect(preferences.text).not.toContain('(preferences-returnto-report');
    const confirmed = await client.post('/wiki/Special:Preferences', {
      wpEditToken: hiddenField(preferences.text, 'wpEditToken'),
      wpAction: 'confirm-email',
      returnto: hiddenField(preferences.text, 'returnto'),
      returntoquery: hiddenField(preferences.text, 'returntoquery'),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('(preferences-email-confirmed)');
    const back = /<a class="button button-primary" href="([^"]*)">\(preferences-returnto-report: Special:ReportIncident\)<\/a>/.exec(confirmed.text);
    expect(back, 'the way back to the report').not.toBeNull();
    expect(unescape(back![1]!)).toBe(report);
    const step1 = await client.get(report);
    expect(step1.status).toBe(200);
    expect(step1.text).toContain('data-step="choose-type"');
  });

  it.each([
    ['an external URL', 'https://evil.example/', ''],
    ['a protocol-relative URL', '//evil.example/x', ''],
    ['a query that tries to leave', 'Special:ReportIncident', '@evil.example/'],
  ])('when returnto is %s, then the way back stays on the wiki', async (_name, returnto, returntoquery) => {
    // Chloe's email is confirmed by now, so Preferences offers the way back at once.
    const client = await loggedIn('Chloe');
    const r = await client.get(`/wiki/Special:Preferences?${new URLSearchParams({ returnto, returntoquery }).toString()}`);
    expect(r.status).toBe(200);
    for (const m of r.text.matchAll(/<p class="prefs-returnto"><a [^>]*href="([^"]*)"/g)) {
      const href = unescape(m[1]!);
      expect(href.startsWith('/wiki/')).toBe(true);
      expect(new URL(href, wiki.url).origin).toBe(wiki.url);
    }
    const saved = await client.post('/wiki/Special:Preferences', { wpEditToken: hiddenField(r.text, 'wpEditToken'), wpAction: 'save', wpEmail: 'chloe@example.org', wpLanguage: '', returnto, returntoquery });
    expect(saved.status).toBe(303);
    expect(new URL(saved.location!, wiki.url).origin).toBe(wiki.url);
    expect(locationOf(saved)).toMatch(/^\/wiki\/Special:Preferences\?saved=1/);
  });
});
