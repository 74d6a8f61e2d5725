// A full disk while the wiki runs (#17): a report answers 507 "nothing was stored" in the reporter's language, the
// operator gets a log line, and the wiki recovers by itself once there is room. SQLite's max_page_count stands in
// for the full disk: a write past it fails with SQLITE_FULL, as on a disk with no space left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/HttpClient.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
beforeAll(async () => {
  wiki = await startTestWiki({ settings: { RateLimits: { reportincident: { newbie: [1000, 86400], user: [1000, 86400] } } } });
});
afterAll(() => wiki.close());

const reports = () => wiki.container.db.prepare('SELECT count(*) FROM reports').pluck().get() as number;

describe('a full disk', () => {
  it('when the disk fills up, then a report answers 507 saying nothing was stored, in German for a German reader; when room returns, the same report is stored', async () => {
    const alice = new HttpClient(wiki.url);
    await alice.login('Alice');
    const db = wiki.container.db;
    const token = (await alice.get('/w/api.php?action=query&meta=tokens&format=json&formatversion=2')).json<{ query: { tokens: { csrftoken: string } } }>().query.tokens.csrftoken;
    const body = (i: number) => ({ token, revisionId: 0, page: `User_talk:Full disk ${i}`, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: `${i} `.repeat(300) });
    // No new page may be added: reports fill the room left in the pages there are, then one no longer fits.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let refused = null;
    let i = 0;
    for (; i < 200 && !refused; i++) {
      const before = reports();
      const r = await alice.request('POST', '/w/rest.php/reportincident/v0/report?uselang=de', JSON.stringify(body(i)), { 'content-type': 'application/json' });
      if (r.status === 201) continue;
      expect(reports()).toBe(before);
      refused = r;
    }
    expect(refused, 'the disk never filled').not.toBeNull();
    expect(refused!.status, refused!.text).toBe(507);
    expect(refused!.headers.get('retry-after')).toBe('60');
    expect(refused!.json<{ errorKey: string; messageTranslations: Record<string, string> }>()).toMatchObject({ errorKey: 'app-error-storage-full', messageTranslations: { de: expect.stringContaining('Nichts, was du abgeschickt hast, wurde gespeichert') } });
    expect(wiki.logger.lines.some((l) => l.level === 'error' && l.fields?.code === 'SQLITE_FULL')).toBe(true);

    db.pragma('max_page_count = 1073741823');
    const again = await alice.request('POST', '/w/rest.php/reportincident/v0/report', JSON.stringify(body(i - 1)), { 'content-type': 'application/json' });
    expect(again.status).toBe(201);
  });
});
