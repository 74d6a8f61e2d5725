// HTTP tests of pages, permanent links, history, replies and new topics against the real app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, hiddenField } from '../support/HttpClient.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
beforeAll(async () => {
  wiki = await startTestWiki();
});
afterAll(() => wiki.close());

describe('GET /wiki/{title}', () => {
  it('when a seeded talk page is read, then its topics and comments carry DiscussionTools ids', async () => {
    const r = await new HttpClient(wiki.url).get('/wiki/Talk:African_wild_dog');
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/<h2 id="h-Rowan-\d{14}"/);
    expect(r.text).toMatch(/<article class="comment depth-0" id="c-Rowan-\d{14}"/);
    expect(r.text).toContain('Copy link');
  });

  it('when the title is not canonical, then it redirects to the canonical URL', async () => {
    const r = await new HttpClient(wiki.url).get('/wiki/talk:african%20wild%20dog');
    expect(r.status).toBe(301);
    expect(r.location).toBe('/wiki/Talk:African_wild_dog');
  });

  it.each(['Foo<bar', 'Foo[bar', 'Foo|bar', 'Foo%23bar', 'Foo%01bar'])('when the title is %s, then a 400 Bad title page answers', async (t) => {
    const r = await new HttpClient(wiki.url).get(`/wiki/${t}?uselang=qqx`);
    expect(r.status).toBe(400);
    expect(r.text).toContain('(badtitle)');
    expect(r.text).toContain('(title-invalid-characters');
  });

  it('when a page does not exist, then MediaWiki\'s no-text page answers 404', async () => {
    const r = await new HttpClient(wiki.url).get('/wiki/No_such_page?uselang=qqx');
    expect(r.status).toBe(404);
    expect(r.text).toContain('(wiki-missing-text)');
  });
});
