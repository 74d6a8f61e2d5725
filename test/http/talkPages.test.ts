// HTTP tests of pages, permanent links, history, replies and new topics against the real app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, hiddenField } from '../support/HttpClient.js';
import { parseTitle } from '../../src/wiki/Title.js';
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

describe('replies and new topics', () => {
  it('when a logged-in user replies to a comment, then a new revision holds it, the edit count rises and the redirect points at its id', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Rowan');
    const before = (await wiki.container.accounts.findByName('Rowan'))!.editCount;
    const page = await client.get('/wiki/Talk:African_wild_dog');
    const target = /id="(c-Testing-\d{14})"/.exec(page.text)![1]!;
    const form = await client.get(`/w/index.php?title=Talk:African_wild_dog&action=reply&replyto=${target}`);
    expect(form.status).toBe(200);
    const r = await client.post(`/w/index.php?title=Talk:African_wild_dog&action=reply&replyto=${target}`, {
      wpEditToken: hiddenField(form.text, 'wpEditToken'),
      wpTextbox1: 'I agree with [[User:Testing|Testing]] here. <script>alert(1)</script>',
    });
    expect(r.status).toBe(303);
    const newId = decodeURIComponent(r.location!.split('#')[1]!);
    expect(newId).toMatch(/^c-Rowan-\d{14}/);
    const after = await client.get('/wiki/Talk:African_wild_dog');
    expect(after.text).toContain(`id="${newId}"`);
    expect(after.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(after.text).not.toContain('<script>alert(1)');
    expect(after.text).toContain('<a href="/wiki/User:Testing" title="User:Testing">Testing</a>');
    expect((await wiki.container.accounts.findByName('Rowan'))!.editCount).toBe(before + 1);
  });

  it('when the reply is empty, then the form comes back with the error beside the field and in the summary', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Rowan');
    const page = await client.get('/wiki/Talk:African_wild_dog');
    const target = /id="(c-Rowan-\d{14})"/.exec(page.text)![1]!;
    const url = `/w/index.php?title=Talk:African_wild_dog&action=reply&replyto=${target}&uselang=qqx`;
    const form = await client.get(url);
    const r = await client.post(url, { wpEditToken: hiddenField(form.text, 'wpEditToken'), wpTextbox1: '   ' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('class="error-summary"');
    expect(r.text).toContain('href="#wpTextbox1"');
    expect(r.text).toContain('id="wpTextbox1-error"');
    expect(r.text).toContain('(talk-error-comment-empty)');
  });

  it('when the CSRF token is wrong, then nothing is saved and the typed text is kept', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Rowan');
    const page = await client.get('/wiki/Talk:African_wild_dog');
    const target = /id="(c-Rowan-\d{14})"/.exec(page.text)![1]!;
    const latest = (await wiki.container.pages.find(titleOf('Talk:African_wild_dog')))!.latestRevId;
    const r = await client.post(`/w/index.php?title=Talk:African_wild_dog&action=reply&replyto=${target}&uselang=qqx`, { wpEditToken: 'forged+\\', wpTextbox1: 'keep me' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('(session-failure)');
    expect(r.text).toContain('keep me');
    expect((await wiki.container.pages.find(titleOf('Talk:African_wild_dog')))!.latestRevId).toBe(latest);
  });

  it('when an anonymous visitor opens a reply link, then they are sent to log in and back', async () => {
    const r = await new HttpClient(wiki.url).get('/w/index.php?title=Talk:African_wild_dog&action=reply&replyto=c-X-1');
    expect(r.status).toBe(303);
    expect(r.location).toContain('/wiki/Special:UserLogin?returnto=Talk%3AAfrican_wild_dog&returntoquery=action%3Dreply%26replyto%3Dc-X-1');
  });

  it('when a sitewide-blocked user tries to reply, then they are refused with the block reason', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Farah');
    const page = await client.get('/wiki/Talk:African_wild_dog');
    const target = /id="(c-Rowan-\d{14})"/.exec(page.text)![1]!;
    // Reply links are in the cached threads for everyone, hidden unless the body says the reader may reply.
    expect(page.text).not.toMatch(/<body class="[^"]*can-reply/);
    const r = await client.get(`/w/index.php?title=Talk:African_wild_dog&action=reply&replyto=${target}&uselang=qqx`);
    expect(r.status).toBe(403);
    expect(r.text).toContain('(edit-denied-blocked');
  });

  it('when a user partially blocked from articles replies on a talk page, then it is allowed', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Gus');
    const page = await client.get('/wiki/Talk:African_wild_dog');
    expect(page.text).toMatch(/<body class="[^"]*can-reply/);
  });

  it('when a new topic is added, then the topic id is h-<author>-<time> and the edit summary names it', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Alice');
    const form = await client.get('/w/index.php?title=User_talk:Testing&action=edit&section=new');
    const r = await client.post('/w/index.php?title=User_talk:Testing&action=edit&section=new', {
      wpEditToken: hiddenField(form.text, 'wpEditToken'),
      wpSummary: 'A question about sources',
      wpTextbox1: 'Which book did you use for the pack sizes?',
    });
    expect(r.status).toBe(303);
    expect(decodeURIComponent(r.location!)).toMatch(/#h-Alice-\d{14}$/);
    const history = await client.get('/w/index.php?title=User_talk:Testing&action=history');
    expect(history.text).toContain('/* A question about sources */ new section');
  });

  it('when a new topic is started on a talk page that does not exist, then the page is created', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Alice');
    const missing = await client.get('/wiki/User_talk:Nora');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('action=edit&amp;section=new');
    const form = await client.get('/w/index.php?title=User_talk:Nora&action=edit&section=new');
    const r = await client.post('/w/index.php?title=User_talk:Nora&action=edit&section=new', { wpEditToken: hiddenField(form.text, 'wpEditToken'), wpSummary: 'Hello', wpTextbox1: 'Welcome!' });
    expect(r.status).toBe(303);
    expect((await client.get('/wiki/User_talk:Nora')).status).toBe(200);
  });
});

describe('permanent links and history', () => {
  it('when an old revision is requested, then it shows the page as it stood, with the old-revision notice', async () => {
    const client = new HttpClient(wiki.url);
    const page = (await wiki.container.pages.find(titleOf('Talk:African_wild_dog')))!;
    const first = (await wiki.container.pages.history(page, Number.MAX_SAFE_INTEGER, 1000)).at(-1)!;
    const r = await client.get(`/w/index.php?title=Talk:African_wild_dog&oldid=${first.id}&uselang=qqx`);
    expect(r.status).toBe(200);
    expect(r.text).toContain('(wiki-oldrevision-notice');
    expect(r.text.match(/<article /g)).toHaveLength(1);
  });

  it('when oldid names a revision of another page, then that page is shown, as MediaWiki does', async () => {
    const other = (await wiki.container.pages.find(titleOf('User_talk:Testing')))!;
    const r = await new HttpClient(wiki.url).get(`/w/index.php?title=Talk:African_wild_dog&oldid=${other.latestRevId}`);
    expect(r.status).toBe(200);
    expect(r.text).toContain('<h1 id="firstHeading" class="first-heading">User talk:Testing</h1>');
  });

  it.each(['999999', 'abc', '-1'])('when oldid is %s, then a 404 says the revision does not exist', async (oldid) => {
    const r = await new HttpClient(wiki.url).get(`/w/index.php?title=Talk:African_wild_dog&oldid=${oldid}&uselang=qqx`);
    expect(r.status).toBe(404);
    expect(r.text).toContain('(wiki-error-missing-revision');
  });

  it('when the history is read, then every revision links to its permanent link', async () => {
    const r = await new HttpClient(wiki.url).get('/w/index.php?title=Talk:African_wild_dog&action=history');
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/href="\/w\/index.php\?title=Talk:African_wild_dog&amp;oldid=\d+"/);
  });

  it('when Special:Contributions of an IP editor is read, then its edit is listed', async () => {
    const r = await new HttpClient(wiki.url).get('/wiki/Special:Contributions/192.0.2.44');
    expect(r.status).toBe(200);
    expect(r.text).toContain('Talk:African wild dog');
  });
});

function titleOf(text: string) {
  const parsed = parseTitle(text, wiki.container.namespaces);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
}
