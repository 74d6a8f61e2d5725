// (#16) A stored community configuration value never takes down a Get support page: names Object.prototype answers
// to ("Constructor:…") are page titles like any other, and a page that cannot be built falls back to the defaults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTitle } from '../../src/wiki/Title.js';
import { HttpClient } from '../support/HttpClient.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

const BASE = '/wiki/Special:ReportIncident';
let wiki: TestWiki;

beforeAll(async () => {
  wiki = await startTestWiki();
  const title = parseTitle('MediaWiki:IncidentReportingConfig.json', wiki.container.namespaces);
  if (!title.ok) throw new Error('title');
  // Stored as an older validator let it through: saveText does not validate.
  const config = { ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: 'Constructor:Report_here', Email: '', ContactCommunity: 'toString:Help' } };
  expect((await wiki.container.pages.saveText(title.value, { user: (await wiki.container.accounts.findByName('Ines'))! }, JSON.stringify(config), 'Odd values')).ok).toBe(true);
});
afterAll(() => wiki.close());

describe('a Get support page built from odd stored values', () => {
  it('when a help link is "Constructor:Report_here", then the page answers 200 and its links and counter do not fail', async () => {
    const alice = new HttpClient(wiki.url);
    await alice.login('Alice');
    const page = await alice.get(`${BASE}/support/intimidation`);
    expect(page.status).toBe(200);
    const out = await alice.get(`${BASE}/out/intimidation/ContactAdmin`);
    expect([303, 404]).toContain(out.status);
    const ping = await alice.request('POST', `${BASE}/out/intimidation/ContactAdmin`, 'PING', { 'content-type': 'text/ping' });
    expect([204, 404]).toContain(ping.status);
  });

  it('when Ines previews the configuration in the editor, then it answers 200', async () => {
    const ines = new HttpClient(wiki.url);
    await ines.login('Ines');
    const editor = await ines.get('/wiki/Special:CommunityConfiguration/ReportIncident');
    expect(editor.status).toBe(200);
  });
});
