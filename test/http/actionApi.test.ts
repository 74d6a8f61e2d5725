// The Action API subset at /w/api.php, in MediaWiki's JSON shapes, and a real MediaWiki client (mwn) against it.
import { Mwn } from 'mwn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/HttpClient.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
beforeAll(async () => {
  wiki = await startTestWiki();
});
afterAll(() => wiki.close());

type Json = Record<string, any>;
const api = (client: HttpClient, query: string) => client.get(`/w/api.php?format=json&${query}`);

async function apiLogin(client: HttpClient, name: string, password = 'demo-password'): Promise<Json> {
  const tokenReply = (await api(client, 'action=query&meta=tokens&type=login&formatversion=2')).json<Json>();
  const r = await client.post('/w/api.php', { action: 'login', format: 'json', formatversion: '2', lgname: name, lgpassword: password, lgtoken: tokenReply.query.tokens.logintoken });
  return r.json<Json>();
}

describe('action=query&meta=tokens', () => {
  it('when an anonymous caller asks for a csrf token, then it gets MediaWiki\'s bare "+\\\\"', async () => {
    const body = (await api(new HttpClient(wiki.url), 'action=query&meta=tokens&formatversion=2')).json<Json>();
    expect(body).toEqual({ batchcomplete: true, query: { tokens: { csrftoken: '+\\' } } });
  });

  it('when a logged-in caller asks for several token types, then each has the "+\\\\" suffix and unknown types warn', async () => {
    const client = new HttpClient(wiki.url);
    await apiLogin(client, 'Alice');
    const body = (await api(client, 'action=query&meta=tokens&type=csrf|watch|bogus&formatversion=2')).json<Json>();
    expect(body.query.tokens.csrftoken).toMatch(/^[0-9a-f]{40}\+\\$/);
    expect(body.query.tokens.watchtoken).toMatch(/\+\\$/);
    expect(body.warnings.tokens.warnings).toContain('bogus');
  });
});

describe('action=login', () => {
  it('when the login token and password are right, then the result is Success and userinfo names the user', async () => {
    const client = new HttpClient(wiki.url);
    const body = await apiLogin(client, 'Alice');
    expect(body.login).toMatchObject({ result: 'Success', lgusername: 'Alice' });
    const info = (await api(client, 'action=query&meta=userinfo&uiprop=groups|editcount|email|rights&formatversion=2')).json<Json>();
    expect(info.query.userinfo).toMatchObject({ name: 'Alice', editcount: expect.any(Number), email: 'alice@example.org' });
    expect(info.query.userinfo.groups).toEqual(expect.arrayContaining(['*', 'user', 'autoconfirmed']));
    expect(info.query.userinfo.emailauthenticated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(info.query.userinfo.rights).toContain('reportincident');
  });

  it('when the password is wrong, then the result is Failed with a reason that does not say whether the name exists', async () => {
    const client = new HttpClient(wiki.url);
    const wrong = await apiLogin(client, 'Rowan', 'nope');
    const missing = await apiLogin(client, 'Nobody', 'nope');
    expect(wrong.login.result).toBe('Failed');
    expect(wrong.login.reason).toBe(missing.login.reason);
  });

  it('when the token is wrong, then the result is WrongToken', async () => {
    const client = new HttpClient(wiki.url);
    await api(client, 'action=query&meta=tokens&type=login');
    const r = await client.post('/w/api.php', { action: 'login', format: 'json', lgname: 'Alice', lgpassword: 'demo-password', lgtoken: 'abc+\\' });
    expect(r.json<Json>().login.result).toBe('WrongToken');
  });

  it('when action=login comes as a GET, then it is refused with mustpostparams', async () => {
    const r = await api(new HttpClient(wiki.url), 'action=login&lgname=Alice&lgpassword=x&lgtoken=y');
    expect(r.json<Json>().error.code).toBe('mustpostparams');
    expect(r.headers.get('mediawiki-api-error')).toBe('mustpostparams');
  });
});

describe('errors and warnings', () => {
  it('when the action is unknown, then the error JSON names it and there is no stack trace', async () => {
    const r = await api(new HttpClient(wiki.url), 'action=nonsense&formatversion=2');
    const body = r.json<Json>();
    expect(body.error.code).toBe('badvalue');
    expect(body.error.info).toContain('nonsense');
    expect(r.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('when formatversion is 1, then the error has MediaWiki\'s "*" doc reference', async () => {
    const body = (await api(new HttpClient(wiki.url), 'action=nonsense')).json<Json>();
    expect(body.error['*']).toBeTruthy();
  });

  it('when a parameter is unknown, then a warning names it', async () => {
    const body = (await api(new HttpClient(wiki.url), 'action=query&meta=siteinfo&foo=1&formatversion=2')).json<Json>();
    expect(body.warnings.main.warnings).toContain('foo');
  });

  it('when aulimit is not a number, then badinteger', async () => {
    const body = (await api(new HttpClient(wiki.url), 'action=query&list=allusers&aulimit=lots')).json<Json>();
    expect(body.error.code).toBe('badinteger');
  });

  it('when assert=user is sent without a login, then assertuserfailed', async () => {
    const body = (await api(new HttpClient(wiki.url), 'action=query&meta=userinfo&assert=user')).json<Json>();
    expect(body.error.code).toBe('assertuserfailed');
  });
});

describe('errors and warnings in the reader\'s language (errorformat, uselang, errorlang)', () => {
  const t = (lang: string) => wiki.container.messages.translator(lang);

  it('when errorformat=plaintext and uselang=de, then errors come as a list in German with the module and the doc reference', async () => {
    const body = (await api(new HttpClient(wiki.url), 'action=frobnicate&formatversion=2&errorformat=plaintext&uselang=de')).json<Json>();
    expect(body).toEqual({ errors: [{ code: 'badvalue', text: t('de')('apierror-badvalue', { name: 'action', value: 'frobnicate' }), module: 'main' }], docref: t('de')('apierror-docref') });
    expect(body.errors[0].text).not.toBe(t('en')('apierror-badvalue', { name: 'action', value: 'frobnicate' }));
  });

  it('when errorlang is given, then it wins over uselang; "content" is the wiki\'s own language', async () => {
    const client = new HttpClient(wiki.url);
    const fr = (await api(client, 'action=frobnicate&formatversion=2&errorformat=plaintext&uselang=de&errorlang=fr')).json<Json>();
    expect(fr.errors[0].text).toBe(t('fr')('apierror-badvalue', { name: 'action', value: 'frobnicate' }));
    const content = (await api(client, 'action=frobnicate&formatversion=2&errorformat=plaintext&uselang=de&errorlang=content')).json<Json>();
    expect(content.errors[0].text).toBe(t('en')('apierror-badvalue', { name: 'action', value: 'frobnicate' }));
  });

  it('when no errorformat is given, then the old format answers in English whatever uselang says, as MediaWiki does', async () => {
    const body = (await api(new HttpClient(wiki.url), 'action=frobnicate&formatversion=2&uselang=de')).json<Json>();
    expect(body.error.info).toBe(t('en')('apierror-badvalue', { name: 'action', value: 'frobnicate' }));
  });

  it('when a parameter is unknown under errorformat=plaintext, then the warning is a list entry with its code, in the language asked', async () => {
    const body = (await api(new HttpClient(wiki.url), 'action=query&meta=tokens&formatversion=2&errorformat=plaintext&uselang=uk&bogus=1')).json<Json>();
    expect(body.warnings).toEqual([{ code: 'unrecognizedparams', text: t('uk')('apiwarn-unrecognizedparams', { names: 'bogus', count: 1 }), module: 'main' }]);
  });

  it('when errorformat is html, raw or none, then each gives its own shape; an unknown format is refused by name', async () => {
    const client = new HttpClient(wiki.url);
    const html = (await api(client, 'action=%3Cb%3E&formatversion=2&errorformat=html')).json<Json>();
    expect(html.errors[0].html).toContain('&lt;b&gt;');
    const raw = (await api(client, 'action=frobnicate&formatversion=2&errorformat=raw')).json<Json>();
    expect(raw.errors[0]).toEqual({ code: 'badvalue', key: 'apierror-badvalue', params: ['action', 'frobnicate'], module: 'main' });
    const none = (await api(client, 'action=frobnicate&formatversion=2&errorformat=none')).json<Json>();
    expect(none.errors[0]).toEqual({ code: 'badvalue', module: 'main' });
    const bad = (await api(client, 'action=query&formatversion=2&errorformat=fancy')).json<Json>();
    expect(bad.error).toMatchObject({ code: 'badvalue', info: t('en')('apierror-badvalue', { name: 'errorformat', value: 'fancy' }) });
  });
});

describe('meta=siteinfo and list=allusers', () => {
  it('when siteinfo is asked for, then general, namespaces and aliases come in MediaWiki\'s shapes', async () => {
    const body = (await api(new HttpClient(wiki.url), 'action=query&meta=siteinfo&siprop=general|namespaces|namespacealiases&formatversion=2')).json<Json>();
    expect(body.query.general).toMatchObject({ sitename: 'Demo Wiki', mainpage: 'Main Page', articlepath: '/wiki/$1', case: 'first-letter' });
    expect(body.query.namespaces['3']).toMatchObject({ id: 3, name: 'User talk', canonical: 'User talk' });
    expect(body.query.namespaces['4'].name).toBe('Demo Wiki');
    expect(body.query.namespacealiases).toContainEqual({ id: 6, alias: 'Image' });
  });

  it('when allusers is asked with a prefix, then matching names come in order', async () => {
    const body = (await api(new HttpClient(wiki.url), 'action=query&list=allusers&auprefix=J&formatversion=2')).json<Json>();
    expect(body.query.allusers.map((u: Json) => u.name)).toEqual(['Juniper']);
  });

  it('when allusers checks one name with aufrom and auto, then only that exact user comes back', async () => {
    const body = (await api(new HttpClient(wiki.url), 'action=query&list=allusers&aufrom=Brackenfield&auto=Brackenfield&aulimit=1&formatversion=2')).json<Json>();
    expect(body.query.allusers).toEqual([{ userid: expect.any(Number), name: 'Brackenfield' }]);
  });

  it('when there are more users than the limit, then a continue block points at the next name', async () => {
    const body = (await api(new HttpClient(wiki.url), 'action=query&list=allusers&aulimit=2&formatversion=2')).json<Json>();
    expect(body.query.allusers).toHaveLength(2);
    expect(body.continue.aufrom).toBeTruthy();
  });
});

describe('a standard MediaWiki client (mwn)', () => {
  it('when mwn logs in with a bot framework\'s usual calls, then it gets a csrf token and namespace data unchanged', async () => {
    const bot = new Mwn({ apiUrl: `${wiki.url}/w/api.php`, username: 'Alice', password: 'demo-password', silent: true, maxRetries: 0 });
    const login = await bot.login();
    expect(login.result).toBe('Success');
    expect(bot.csrfToken).toMatch(/\+\\$/);
    const title = new bot.Title('user talk:testing');
    expect(title.getNamespaceId()).toBe(3);
    const users = await bot.request({ action: 'query', list: 'allusers', auprefix: 'Te' });
    expect(users.query!.allusers.map((u: Json) => u.name)).toContain('Testing');
  });

  it('when mwn logs in with a wrong password, then it rejects with the failed-login error', async () => {
    const bot = new Mwn({ apiUrl: `${wiki.url}/w/api.php`, username: 'Alice', password: 'wrong-password', silent: true, maxRetries: 0 });
    await expect(bot.login()).rejects.toMatchObject({ code: 'mwn_failedlogin' });
  });
});
