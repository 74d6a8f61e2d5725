// (#16) Answers that may carry private details are never stored: API answers and every error page, the body
// parsers' own (400, 413, 415) included, which carry the user's name and a token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/HttpClient.js';
import { csrfToken } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
let alice: HttpClient;
beforeAll(async () => {
  wiki = await startTestWiki();
  alice = new HttpClient(wiki.url);
  await alice.login('Alice');
});
afterAll(() => wiki.close());

describe('Cache-Control: no-store', () => {
  it.each([
    { name: 'the Action API with the user\'s email', send: () => alice.get('/w/api.php?action=query&meta=userinfo&uiprop=email&format=json') },
    { name: 'the Action API as HTML (jsonfm)', send: () => alice.get('/w/api.php?action=query&meta=tokens') },
    { name: 'a form body over the limit (413)', send: () => alice.request('POST', '/wiki/Special:Preferences', `wpEmail=${'x'.repeat(300 * 1024)}`, { 'content-type': 'application/x-www-form-urlencoded' }) },
    { name: 'a form with too many fields (413)', send: () => alice.request('POST', '/wiki/Special:Preferences', Array.from({ length: 300 }, (_, i) => `f${i}=1`).join('&'), { 'content-type': 'application/x-www-form-urlencoded' }) },
    { name: 'malformed JSON to the REST endpoint (400)', send: async () => alice.request('POST', '/w/rest.php/reportincident/v0/report', '{"token":', { 'content-type': 'application/json' }) },
    { name: 'a REST body of the wrong type (415)', send: async () => alice.request('POST', '/w/rest.php/reportincident/v0/report', `token=${encodeURIComponent(await csrfToken(alice))}`, { 'content-type': 'text/plain' }) },
    { name: 'a page that does not exist (404)', send: () => alice.get('/wiki/Special:NoSuchPage') },
  ])('when $name is answered, then it says no-store', async ({ send }) => {
    const r = await send();
    expect(r.headers.get('cache-control'), `status ${r.status}`).toContain('no-store');
  });
});
