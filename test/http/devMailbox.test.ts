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
  while (wiki.container.devMailbox.list(10).length < 2 && Date.now() < end) await new Promise((res) => setTimeout(res, 20));
});
afterAll(() => wiki.close());

describe('Special:DevMailbox', () => {
  it.each(['Tomas', 'Ines'])('when %s (Trust & Safety or interface-admin) opens it, then the messages are listed and each opens with its headers and parts', async (name) => {
    const client = new HttpClient(wiki.url);
    await client.login(name);
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
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
    expect(html.text).not.toContain('<b>not bold</b>');
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
