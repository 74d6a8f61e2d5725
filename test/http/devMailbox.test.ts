// Special:DevMailbox: only without SMTP_URL, only for Trust & Safety and interface-admins, each message as its recipient sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
beforeAll(async () => {
  wiki = await startTestWiki({ delivery: true });
  const alice = new HttpClient(wiki.url);
  await alice.login('Alice');
  const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
  const r = await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', ...target, details: '<b>not bold</b>' });
  expect(r.status).toBe(201);
  const end = Date.now() + 10_000;
  while ((await wiki.container.devMailbox.list(10)).length < 2 && Date.now() < end) await new Promise((res) => setTimeout(res, 20));
});
afterAll(() => wiki.close());

describe('Special:DevMailbox', () => {
  it('when Tomas (Trust & Safety) opens it, then the Trust & Safety mail is listed and each opens with its headers and parts', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Tomas');
    const list = await client.get('/wiki/Special:DevMailbox');
    expect(list.status).toBe(200);
    expect(list.text).toContain('[Demo Wiki] Emergency report: Threats of public harm');
    const href = /href="(\/wiki\/Special:DevMailbox\/\d+)">\[Demo Wiki\] Emergency/.exec(list.text)![1]!;
    const message = await client.get(href);
    expect(message.status).toBe(200);
    expect(message.text).toContain('X-Reportincident-Type'.toLowerCase());
    expect(message.text).toContain('&lt;b&gt;not bold&lt;/b&gt;');
    expect(message.text).toMatch(/<iframe class="mail-html" src="[^"]+\/html" sandbox/);
    const html = await client.get(`${href}/html`);
    // The part keeps the wiki's origin so the page can size its frame, and nothing else: no script can run in it.
    const csp = html.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/(^|; )default-src 'none'(;|$)/u);
    expect(csp).toMatch(/(^|; )sandbox allow-same-origin(;|$)/u);
    expect(csp).not.toMatch(/allow-scripts|allow-forms|allow-popups|allow-top-navigation|script-src/u);
    expect(message.text).toMatch(/<iframe class="mail-html" src="[^"]+\/html" sandbox="allow-same-origin"/u);
    expect(html.text).not.toContain('<b>not bold</b>');
  });

  it('when Ines (interface-admin, not Trust & Safety) opens it, then she sees no Trust & Safety mail, and opening one by its number answers as if it did not exist (#16)', async () => {
    const tomas = new HttpClient(wiki.url);
    await tomas.login('Tomas');
    const href = /href="(\/wiki\/Special:DevMailbox\/\d+)">\[Demo Wiki\] Emergency/.exec((await tomas.get('/wiki/Special:DevMailbox')).text)![1]!;
    const ines = new HttpClient(wiki.url);
    await ines.login('Ines');
    const list = await ines.get('/wiki/Special:DevMailbox');
    expect(list.status).toBe(200);
    expect(list.text).not.toContain('Emergency report');
    expect(list.text).not.toContain('alice@example.org');
    for (const path of [href, `${href}/html`, `${href}/raw`]) expect((await ines.get(path)).status, path).toBe(404);
  });

  it.each([['Alice'], ['Juniper']])('when %s, who is neither, opens it, then a clear 403 answers', async (name) => {
    const client = new HttpClient(wiki.url);
    await client.login(name);
    const r = await client.get('/wiki/Special:DevMailbox?uselang=qqx');
    expect(r.status).toBe(403);
    expect(r.text).toContain('(devmailbox-forbidden)');
  });

  it('when an anonymous visitor opens it, then they are sent to log in', async () => {
    const r = await new HttpClient(wiki.url).get('/wiki/Special:DevMailbox');
    expect(r.status).toBe(303);
  });
});

describe('Special:DevMailbox with SMTP_URL set', () => {
  it('when mail goes to a real server, then the page does not exist', async () => {
    const other = await startTestWiki({ env: { SMTP_URL: 'smtp://127.0.0.1:9' } });
    try {
      const client = new HttpClient(other.url);
      await client.login('Tomas');
      const r = await client.get('/wiki/Special:DevMailbox?uselang=qqx');
      expect(r.status).toBe(404);
      expect(r.text).toContain('(wiki-error-no-such-special');
    } finally {
      await other.close();
    }
  });
});
