// HTTP tests of Special:UserLogin, Special:UserLogout and Special:Preferences against the real app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, hiddenField } from '../support/HttpClient.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
beforeAll(async () => {
  wiki = await startTestWiki();
});
afterAll(() => wiki.close());

const sessionCookie = (r: { headers: Headers }) => r.headers.getSetCookie().find((c) => c.startsWith('wiki_session='));

describe('Special:UserLogin', () => {
  it('when the right password is given, then the session id changes and the user is logged in', async () => {
    const client = new HttpClient(wiki.url);
    const form = await client.get('/wiki/Special:UserLogin');
    const anonymousSession = client.cookies.get('wiki_session');
    expect(anonymousSession).toBeTruthy();
    const r = await client.post('/wiki/Special:UserLogin', {
      wpName: 'alice',
      wpPassword: 'demo-password',
      wpLoginToken: hiddenField(form.text, 'wpLoginToken'),
      returnto: 'Talk:African_wild_dog',
      returntoquery: '',
    });
    expect(r.status).toBe(303);
    expect(r.location).toBe('/wiki/Talk:African_wild_dog');
    expect(client.cookies.get('wiki_session')).not.toBe(anonymousSession);
    const cookie = sessionCookie(r)!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const page = await client.get('/wiki/Talk:African_wild_dog');
    expect(page.text).toContain('href="/wiki/User:Alice"');
  });

  it('when returnto and returntoquery name a wiki page, then login returns there with the query', async () => {
    const client = new HttpClient(wiki.url);
    const form = await client.get('/wiki/Special:UserLogin?returnto=Talk:African_wild_dog&returntoquery=action%3Dhistory');
    const r = await client.post('/wiki/Special:UserLogin', {
      wpName: 'Alice',
      wpPassword: 'demo-password',
      wpLoginToken: hiddenField(form.text, 'wpLoginToken'),
      returnto: hiddenField(form.text, 'returnto'),
      returntoquery: hiddenField(form.text, 'returntoquery'),
    });
    expect(r.location).toBe('/wiki/Talk:African_wild_dog?action=history');
  });

  it.each([
    ['an external URL', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/x'],
  ])('when returnto is %s, then login stays on the wiki', async (_name, returnto) => {
    const client = new HttpClient(wiki.url);
    const form = await client.get('/wiki/Special:UserLogin');
    const r = await client.post('/wiki/Special:UserLogin', { wpName: 'Alice', wpPassword: 'demo-password', wpLoginToken: hiddenField(form.text, 'wpLoginToken'), returnto, returntoquery: '' });
    expect(r.status).toBe(303);
    expect(r.location!.startsWith('/')).toBe(true);
    expect(r.location!.startsWith('//')).toBe(false);
  });

  it('when the password is wrong or the account does not exist, then the same generic message is shown', async () => {
    const client = new HttpClient(wiki.url);
    const attempt = async (name: string) => {
      const form = await client.get('/wiki/Special:UserLogin?uselang=qqx');
      return client.post('/wiki/Special:UserLogin?uselang=qqx', { wpName: name, wpPassword: 'not the password', wpLoginToken: hiddenField(form.text, 'wpLoginToken'), returnto: '', returntoquery: '' });
    };
    const wrong = await attempt('Rowan');
    const unknown = await attempt('Nobody Here');
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.text).toContain('(login-error-wrong)');
    expect(unknown.text).toContain('(login-error-wrong)');
    // Said once, in the summary: not again beside the password field.
    expect(wrong.text.split('(login-error-wrong)')).toHaveLength(2);
    expect(wrong.text).not.toContain('Rowan</a>');
  });

  it('when a name gets five wrong passwords from one address, then the sixth attempt is throttled even with the right password', async () => {
    const client = new HttpClient(wiki.url);
    let last;
    for (let i = 0; i < 6; i++) {
      const form = await client.get('/wiki/Special:UserLogin?uselang=qqx');
      last = await client.post('/wiki/Special:UserLogin?uselang=qqx', {
        wpName: 'Juniper',
        wpPassword: i < 5 ? 'wrong' : 'demo-password',
        wpLoginToken: hiddenField(form.text, 'wpLoginToken'),
        returnto: '',
        returntoquery: '',
      });
    }
    expect(last!.status).toBe(429);
    expect(last!.text).toContain('(login-error-throttled');
  });

  it('when the login token is missing, then nothing happens and the form asks to try again', async () => {
    const client = new HttpClient(wiki.url);
    await client.get('/wiki/Special:UserLogin');
    const r = await client.post('/wiki/Special:UserLogin?uselang=qqx', { wpName: 'Alice', wpPassword: 'demo-password' });
    expect(r.status).toBe(400);
    expect(r.text).toContain('(session-failure)');
    expect(r.text).toContain('value="Alice"');
  });
});

describe('Special:UserLogout', () => {
  it('when a logged-in user posts the logout form, then the session ends and its cookie is cleared', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Alice');
    const oldSession = client.cookies.get('wiki_session')!;
    const page = await client.get('/wiki/Special:UserLogout');
    const r = await client.post('/wiki/Special:UserLogout?uselang=qqx', { wpEditToken: hiddenField(page.text, 'wpEditToken') });
    expect(r.status).toBe(200);
    expect(r.text).toContain('(logout-done)');
    expect(client.cookies.get('wiki_session')).toBeUndefined();
    const replay = new HttpClient(wiki.url);
    replay.cookies.set('wiki_session', oldSession);
    expect((await replay.get('/wiki/Main_Page')).text).not.toContain('User:Alice');
  });

  it('when the logout form has no valid token, then the user stays logged in', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Alice');
    const r = await client.post('/wiki/Special:UserLogout', { wpEditToken: 'forged+\\' });
    expect(r.status).toBe(400);
    expect((await client.get('/wiki/Main_Page')).text).toContain('href="/wiki/User:Alice"');
  });
});

describe('Special:Preferences', () => {
  it('when a user with an unconfirmed email confirms it, then the preferences say it is confirmed', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Chloe');
    const page = await client.get('/wiki/Special:Preferences?uselang=qqx');
    expect(page.text).toContain('(preferences-email-unconfirmed)');
    const r = await client.post('/wiki/Special:Preferences?uselang=qqx', { wpEditToken: hiddenField(page.text, 'wpEditToken'), wpAction: 'confirm-email' });
    expect(r.status).toBe(200);
    expect(r.text).toContain('(preferences-email-confirmed)');
    expect((await wiki.container.accounts.findByName('Chloe'))!.emailConfirmedAt).not.toBeNull();
  });

  it('when an invalid email is saved, then the field shows the error and keeps what was typed', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Rowan');
    const page = await client.get('/wiki/Special:Preferences?uselang=qqx');
    const r = await client.post('/wiki/Special:Preferences?uselang=qqx', { wpEditToken: hiddenField(page.text, 'wpEditToken'), wpAction: 'save', wpEmail: 'not an address', wpLanguage: '' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('(email-invalid: not an address)');
    expect(r.text).toContain('value="not an address"');
    expect(r.text).toContain('class="error-summary"');
  });

  it('when an anonymous visitor opens the preferences, then they are sent to log in', async () => {
    const r = await new HttpClient(wiki.url).get('/wiki/Special:Preferences');
    expect(r.status).toBe(303);
    expect(r.location).toContain('Special:UserLogin');
  });
});
