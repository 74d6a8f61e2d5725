// POST /w/rest.php/reportincident/v0/report against the real app: a port of every case of the original's
// ReportHandlerTest (access denials, body validation, incompatible fields, payloads, rate limit), plus
// what CONTRACT.md §5 adds (201 shapes, duplicates, storage with the outbox, body limits, direct reports).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/Clock.js';
import { parseTitle, type Title } from '../../src/wiki/Title.js';
import { HttpClient, type Reply } from '../support/HttpClient.js';
import { named } from '../support/named.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

type Json = Record<string, any>;

const REPORT = '/w/rest.php/reportincident/v0/report';
const EMERGENCY = 'immediate-threat-physical-harm';
const NON_EMERGENCY = 'unacceptable-user-behavior';
const REPORT_ID = /^RI-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

interface Reporter {
  client: HttpClient;
  token: string;
}

/** Logs in through the login form and fetches the CSRF token from meta=tokens, as the dialog does. */
async function reporter(wiki: TestWiki, name: string): Promise<Reporter> {
  const client = new HttpClient(wiki.url);
  const login = await client.login(name);
  expect(login.status, `login of ${name}`).toBe(303);
  return { client, token: await csrfToken(client) };
}

async function csrfToken(client: HttpClient): Promise<string> {
  const r = await client.get('/w/api.php?action=query&meta=tokens&format=json&formatversion=2');
  return r.json<Json>().query.tokens.csrftoken as string;
}

/** POSTs a JSON body; `raw` sends a string as it is, `query` is appended (e.g. uselang=qqx). */
function post(client: HttpClient, body: unknown, options: { query?: string; contentType?: string; raw?: string } = {}): Promise<Reply> {
  const path = REPORT + (options.query ? `?${options.query}` : '');
  return client.request('POST', path, options.raw ?? JSON.stringify(body), { 'content-type': options.contentType ?? 'application/json' });
}

/** Files a report as `who` with its own token; fields override a valid emergency report on revision 0 of a fresh page. */
function submit(who: Reporter, fields: Json, query = 'uselang=qqx'): Promise<Reply> {
  return post(who.client, { token: who.token, ...fields }, { query });
}

function titleOf(wiki: TestWiki, text: string): Title {
  const parsed = parseTitle(text, wiki.container.namespaces);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
}

async function latestRevision(wiki: TestWiki, text: string): Promise<number> {
  return (await wiki.container.pages.find(titleOf(wiki, text)))!.latestRevId;
}

/** The DiscussionTools ids on a page, from its HTML, in page order. */
async function threadIds(wiki: TestWiki, text: string): Promise<string[]> {
  const r = await new HttpClient(wiki.url).get(`/wiki/${text}`);
  return [...r.text.matchAll(/ id="([ch]-[^"]+)"/g)].map((m) => m[1]!).filter((id) => !id.endsWith("-sig"));
}

interface OutboxRow {
  kind: string;
  recipients: string;
  message_id: string;
}

/** Every outbox row of a report, the reporter's own receipt included (ReportIncidentSendReceipt). */
async function allOutboxRows(wiki: TestWiki, reportId: string): Promise<OutboxRow[]> {
  return wiki.container.sql.all<OutboxRow>('SELECT kind, recipients, message_id FROM outbox WHERE report_id = ? ORDER BY outbox_id', [reportId]);
}

/** The outbox rows that carry the report to its recipients (not the reporter's receipt). */
async function outboxRows(wiki: TestWiki, reportId: string): Promise<OutboxRow[]> {
  return (await allOutboxRows(wiki, reportId)).filter((r) => r.kind !== 'receipt');
}

async function outboxCount(wiki: TestWiki): Promise<number> {
  return (await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM outbox'))!.n;
}

async function reportCount(wiki: TestWiki): Promise<number> {
  return (await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM reports'))!.n;
}

let pageCounter = 0;
/** A page without revisions, unique per call: reports on it are never duplicates of another test's. */
function freshPage(): { revisionId: 0; page: string } {
  pageCounter += 1;
  return { revisionId: 0, page: `User_talk:Report_target_${pageCounter}` };
}

const emergencyFields = (extra: Json = {}): Json => ({ ...freshPage(), incidentType: EMERGENCY, physicalHarmType: 'threats-physical-harm', ...extra });
const supportFields = (extra: Json = {}): Json => ({ ...freshPage(), incidentType: NON_EMERGENCY, behaviorType: 'trolling', ...extra });

/** The English message of an error reply. */
const messageOf = (r: Reply): string => Object.values(r.json<Json>().messageTranslations as Record<string, string>)[0] ?? '';

// The main wiki raises the autoconfirmed limit, so that the many successful reports of this file do not trip it;
// the rate limit itself is tested below on wikis with the default limits.
let wiki: TestWiki;
let alice: Reporter;
beforeAll(async () => {
  wiki = await startTestWiki({ settings: { RateLimits: { reportincident: { newbie: [1, 86400], user: [1000, 86400] } } } });
  alice = await reporter(wiki, 'Alice');
});
afterAll(() => wiki.close());

describe('POST /w/rest.php/reportincident/v0/report: who may report (ReportHandlerTest access denials)', () => {
  it('when an anonymous visitor posts, then 403 rest-permission-denied-anon answers (testDenyAnonymousUsers)', async () => {
    const anon = new HttpClient(wiki.url);
    const r = await post(anon, { token: await csrfToken(anon), ...emergencyFields() });
    expect(r.status).toBe(403);
    expect(r.json<Json>()).toMatchObject({ errorKey: 'rest-permission-denied-anon', httpCode: 403 });
  });

  const refusals = [
    { name: 'Emil, who has no edits (testDenyUsersWithNoEdits)', user: 'Emil', status: 403, errorKey: 'apierror-permissiondenied', messageKey: 'reportincident-ineligible-no-edits' },
    { name: 'Farah, blocked sitewide (testDenyUserWithBlock)', user: 'Farah', status: 403, errorKey: 'apierror-blocked', messageKey: 'reportincident-ineligible-blocked' },
    { name: 'Gus, only partially blocked elsewhere (T378778)', user: 'Gus', status: 403, errorKey: 'apierror-blocked', messageKey: 'reportincident-ineligible-blocked' },
    { name: 'Dmitri, whose account is 1 hour old (testAccountsUnderReportIncidentMinimumAccountAgeInSecondsThreshold)', user: 'Dmitri', status: 403, errorKey: 'apierror-permissiondenied', messageKey: 'reportincident-ineligible-too-new' },
    { name: 'Chloe, without a confirmed email (testDenyWithoutConfirmedEmail)', user: 'Chloe', status: 403, errorKey: 'reportincident-confirmedemail-required', messageKey: 'reportincident-ineligible-email-unconfirmed' },
  ];
  it.each(named(refusals, (r) => `when ${r.name} posts a valid report, then ${r.status} ${r.errorKey} answers and nothing is stored`))('%s', async (_, row) => {
    const who = await reporter(wiki, row.user);
    const before = await reportCount(wiki);
    const r = await submit(who, emergencyFields());
    expect(r.status).toBe(row.status);
    expect(r.json<Json>()).toMatchObject({ errorKey: row.errorKey, httpCode: row.status });
    expect(messageOf(r)).toContain(`(${row.messageKey}`);
    expect(await reportCount(wiki)).toBe(before);
  });

  it('when a blocked user is refused, then the message gives the reason of the block', async () => {
    const farah = await reporter(wiki, 'Farah');
    const r = await submit(farah, emergencyFields(), 'uselang=en');
    expect(messageOf(r)).toContain('Repeated edit warring (demo block)');
  });

  it('when a too-new account is refused, then the message says how many hours an account needs', async () => {
    const dmitri = await reporter(wiki, 'Dmitri');
    const r = await submit(dmitri, emergencyFields(), 'uselang=en');
    expect(messageOf(r)).toContain('3 hours');
  });
});

describe('developer mode (testAllowWithoutConfirmedEmailWhenDeveloperMode)', () => {
  let dev: TestWiki;
  beforeAll(async () => {
    dev = await startTestWiki({ settings: { ReportIncidentDeveloperMode: true } });
  });
  afterAll(() => dev.close());

  it.each(['Chloe', 'Dmitri'])('when developer mode is on, then %s (refused otherwise for email or age) may report', async (name) => {
    const who = await reporter(dev, name);
    const r = await submit(who, emergencyFields());
    expect(r.status).toBe(201);
    expect(r.json<Json>()).toMatchObject({ route: 'emergency', reportId: expect.stringMatching(REPORT_ID) });
  });

  it.each([
    ['Emil', 'apierror-permissiondenied'],
    ['Farah', 'apierror-blocked'],
  ])('when developer mode is on, then %s is still refused with %s (it skips only age and email)', async (name, errorKey) => {
    const who = await reporter(dev, name);
    const r = await submit(who, emergencyFields());
    expect(r.status).toBe(403);
    expect(r.json<Json>().errorKey).toBe(errorKey);
  });

  it('when developer mode is on, then anonymous visitors are still refused', async () => {
    const anon = new HttpClient(dev.url);
    const r = await post(anon, { token: '+\\', ...emergencyFields() });
    expect(r.status).toBe(403);
    expect(r.json<Json>().errorKey).toBe('rest-permission-denied-anon');
  });
});

describe('the feature flag (testConfigDisabled)', () => {
  let off: TestWiki;
  beforeAll(async () => {
    off = await startTestWiki({ settings: { ReportIncidentApiEnabled: false } });
  });
  afterAll(() => off.close());

  it('when ReportIncidentApiEnabled is false, then an eligible reporter gets 404 rest-no-match and nothing is stored', async () => {
    const who = await reporter(off, 'Alice');
    const r = await submit(who, emergencyFields());
    expect(r.status).toBe(404);
    expect(r.json<Json>()).toMatchObject({ errorKey: 'rest-no-match', httpCode: 404 });
    expect(await reportCount(off)).toBe(0);
  });

  it('when ReportIncidentApiEnabled is false, then an anonymous visitor also gets 404, not 403', async () => {
    const r = await post(new HttpClient(off.url), { token: '+\\', ...emergencyFields() });
    expect(r.status).toBe(404);
    expect(r.json<Json>().errorKey).toBe('rest-no-match');
  });

  it('when ReportIncidentApiEnabled is false, then even a malformed body gets 404', async () => {
    const r = await post(new HttpClient(off.url), null, { raw: '{not json', contentType: 'text/plain' });
    expect(r.status).toBe(404);
  });
});

describe('the CSRF token', () => {
  it('when the token is missing, then 403 badtoken answers', async () => {
    const r = await post(alice.client, emergencyFields());
    expect(r.status).toBe(403);
    expect(r.json<Json>()).toMatchObject({ errorKey: 'badtoken', httpCode: 403 });
  });

  it.each(['', '+\\', 'abc+\\', '0000000000000000000000000000000000000000+\\'])('when the token is %j, then 403 badtoken answers', async (token) => {
    const r = await post(alice.client, { ...emergencyFields(), token });
    expect(r.status).toBe(403);
    expect(r.json<Json>().errorKey).toBe('badtoken');
  });

  it('when the token belongs to another session, then 403 badtoken answers', async () => {
    const other = await reporter(wiki, 'Rowan');
    const r = await post(alice.client, { ...emergencyFields(), token: other.token });
    expect(r.status).toBe(403);
    expect(r.json<Json>().errorKey).toBe('badtoken');
  });

  it('when the token is not a string, then 403 badtoken answers', async () => {
    const r = await post(alice.client, { ...emergencyFields(), token: { value: alice.token } });
    expect(r.status).toBe(403);
    expect(r.json<Json>().errorKey).toBe('badtoken');
  });
});

describe('body validation (testBodyFailsValidation)', () => {
  const long = 'a'.repeat(2000);
  const cases = [
    { name: 'reportedUser is an object', fields: { reportedUser: { name: 'Brackenfield' } }, messageKey: 'reportincident-error-wrong-type', field: 'reportedUser' },
    { name: 'details is an object', fields: { details: { text: 'x' } }, messageKey: 'reportincident-error-wrong-type', field: 'details' },
    { name: 'details has 2000 characters', fields: { details: long }, messageKey: 'reportincident-error-too-long', field: 'details' },
    { name: 'somethingElseDetails is an object', fields: { incidentType: NON_EMERGENCY, physicalHarmType: undefined, behaviorType: 'something-else', somethingElseDetails: { text: 'x' } }, messageKey: 'reportincident-error-wrong-type', field: 'somethingElseDetails' },
    { name: 'somethingElseDetails has 2000 characters', fields: { incidentType: NON_EMERGENCY, physicalHarmType: undefined, behaviorType: 'something-else', somethingElseDetails: long }, messageKey: 'reportincident-error-too-long', field: 'somethingElseDetails' },
    { name: 'incidentType is missing', fields: { incidentType: undefined }, messageKey: 'reportincident-error-missing-field', field: 'incidentType' },
    { name: 'incidentType is not a known type', fields: { incidentType: 'foo' }, messageKey: 'reportincident-error-invalid-value', field: 'incidentType' },
    { name: 'incidentType has several values', fields: { incidentType: [EMERGENCY, NON_EMERGENCY] }, messageKey: 'reportincident-error-invalid-value', field: 'incidentType' },
    { name: 'physicalHarmType is not a known type', fields: { physicalHarmType: 'foo' }, messageKey: 'reportincident-error-invalid-value', field: 'physicalHarmType' },
    { name: 'behaviorType is not a known type', fields: { incidentType: NON_EMERGENCY, physicalHarmType: undefined, behaviorType: 'foo' }, messageKey: 'reportincident-error-invalid-value', field: 'behaviorType' },
    { name: 'revisionId is missing', fields: { revisionId: undefined }, messageKey: 'reportincident-error-missing-field', field: 'revisionId' },
    { name: 'revisionId is a string', fields: { revisionId: '12' }, messageKey: 'reportincident-error-wrong-type', field: 'revisionId' },
    { name: 'revisionId is negative', fields: { revisionId: -1 }, messageKey: 'reportincident-error-wrong-type', field: 'revisionId' },
    { name: 'revisionId is not an integer', fields: { revisionId: 1.5 }, messageKey: 'reportincident-error-wrong-type', field: 'revisionId' },
    { name: 'threadId is a number', fields: { threadId: 5 }, messageKey: 'reportincident-error-wrong-type', field: 'threadId' },
  ];
  it.each(named(cases, (c) => `when ${c.name}, then 400 rest-body-validation-error names the field and nothing is stored`))('%s', async (_, row) => {
    const before = await reportCount(wiki);
    const r = await submit(alice, emergencyFields(row.fields));
    expect(r.status).toBe(400);
    const body = r.json<Json>();
    expect(body).toMatchObject({ errorKey: 'rest-body-validation-error', httpCode: 400 });
    expect(body.failures).toEqual(expect.arrayContaining([expect.objectContaining({ field: row.field })]));
    expect(await reportCount(wiki)).toBe(before);
  });

  const checkKey = async (row: (typeof cases)[number]) => {
    const r = await submit(alice, emergencyFields(row.fields));
    expect(r.json<Json>().failures).toEqual([expect.objectContaining({ field: row.field, messageKey: row.messageKey })]);
  };
  it.each(named(cases, (c) => `when ${c.name}, then the failure says ${c.messageKey}`))('%s', (_, row) => checkKey(row));

  it.each([
    ['incidentType', { incidentType: 'foo' }, ['unacceptable-user-behavior', 'immediate-threat-physical-harm']],
    ['physicalHarmType', { physicalHarmType: 'foo' }, ['threats-physical-harm', 'threats-self-harm', 'threats-public-harm']],
    [
      'behaviorType',
      { incidentType: NON_EMERGENCY, physicalHarmType: undefined, behaviorType: 'foo' },
      ['intimidation', 'sexual-harassment', 'doxing', 'trolling', 'hate-or-discrimination', 'spam', 'something-else', 'sockpuppetry', 'vandalism', 'userdispute', 'disruptiveediting', 'other'],
    ],
  ] as const)('when %s has an unknown value, then the English message lists every allowed value', async (field, fields, allowed) => {
    const r = await submit(alice, emergencyFields(fields), 'uselang=en');
    expect(r.status).toBe(400);
    const message = messageOf(r);
    expect(message).toContain(`"${field}"`);
    for (const value of allowed) expect(message).toContain(value);
    expect(r.json<Json>().failures[0].message).toBe(message);
  });

  it('when several fields are wrong, then every problem is listed in failures, each with its message', async () => {
    const r = await submit(alice, emergencyFields({ incidentType: 'foo', details: { x: 1 }, bogus: true }));
    expect(r.status).toBe(400);
    const failures = r.json<Json>().failures as { field: string; messageKey: string; message: string }[];
    expect(failures.map((f) => f.field).sort()).toEqual(['bogus', 'details', 'incidentType']);
    for (const f of failures) expect(f.message).toContain(`(${f.messageKey}`);
  });

  it.each([
    ['an unknown field', { bogus: 1 }, 'bogus'],
    ['the old MTP-era field behaviors', { behaviors: ['intimidation'] }, 'behaviors'],
  ])('when the body has %s, then 400 names it as unknown', async (_, fields, field) => {
    const r = await submit(alice, emergencyFields(fields));
    expect(r.status).toBe(400);
    expect(r.json<Json>().errorKey).toBe('rest-body-validation-error');
    expect(r.json<Json>().failures).toEqual([expect.objectContaining({ field, messageKey: 'reportincident-error-unknown-field' })]);
  });

  it.each([
    ['NUL in details', { details: 'before\u0000after' }, 'details'],
    ['a bell character in details', { details: 'ring\u0007' }, 'details'],
    ['an escape character in reportedUser', { reportedUser: 'Bracken\u001bfield' }, 'reportedUser'],
    ['a DEL character in threadId', { threadId: 'c-x\u007f' }, 'threadId'],
    ['a lone surrogate in details (#16)', { details: 'broken \ud800 text' }, 'details'],
  ])('when the body has %s, then 400 says which field has control characters', async (_, fields, field) => {
    const r = await submit(alice, emergencyFields(fields), 'uselang=en');
    expect(r.status).toBe(400);
    expect(r.json<Json>().errorKey).toBe('rest-body-validation-error');
    expect(r.json<Json>().failures).toEqual([expect.objectContaining({ field, messageKey: 'reportincident-error-control-characters' })]);
    expect(messageOf(r)).toContain(`"${field}"`);
  });

  it('when details has tabs, newlines and carriage returns, then they are accepted (they are not control characters of plain text)', async () => {
    const r = await submit(alice, emergencyFields({ details: 'line one\r\n\tline two\nline three' }));
    expect(r.status).toBe(201);
    const stored = (await wiki.container.reports.find(r.json<Json>().reportId))!;
    expect(stored.details).toBe('line one\n\tline two\nline three');
  });

  it('when details has 1000 emoji (2000 UTF-16 units), then it is accepted: the limit counts code points', async () => {
    const r = await submit(alice, emergencyFields({ details: '😀'.repeat(1000) }));
    expect(r.status).toBe(201);
    expect((await wiki.container.reports.find(r.json<Json>().reportId))!.details).toBe('😀'.repeat(1000));
  });

  it.each(['details', 'somethingElseDetails', 'directReport'])('when %s has 1001 emoji, then 400 says it is too long, at most 1000', async (field) => {
    const fields = field === 'details' ? emergencyFields({ details: '😀'.repeat(1001) }) : supportFields({ behaviorType: 'something-else', somethingElseDetails: 'x', [field]: '😀'.repeat(1001) });
    const r = await submit(alice, fields, 'uselang=en');
    expect(r.status).toBe(400);
    expect(r.json<Json>().failures).toEqual([expect.objectContaining({ field, messageKey: 'reportincident-error-too-long' })]);
    expect(messageOf(r)).toContain('1000');
  });
});

describe('the body as a whole', () => {
  it.each(['{"revisionId": 0,', 'not json at all', '', '[1, 2]', '"a string"', 'null'])('when the body is %j, then 400 rest-json-body-parse-error answers', async (raw) => {
    const r = await post(alice.client, null, { raw });
    expect(r.status).toBe(400);
    expect(r.json<Json>()).toMatchObject({ errorKey: 'rest-json-body-parse-error', httpCode: 400 });
  });

  it.each(['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x'])('when the content type is %s, then 415 answers', async (contentType) => {
    const r = await post(alice.client, null, { raw: new URLSearchParams({ token: alice.token, revisionId: '0', page: 'User_talk:X', incidentType: EMERGENCY, physicalHarmType: 'threats-physical-harm' }).toString(), contentType });
    expect(r.status).toBe(415);
    expect(r.json<Json>()).toMatchObject({ errorKey: 'rest-unsupported-content-type', httpCode: 415 });
  });

  it('when the content type is application/json with a charset, then it is accepted', async () => {
    const r = await post(alice.client, { token: alice.token, ...emergencyFields() }, { contentType: 'application/json; charset=utf-8' });
    expect(r.status).toBe(201);
  });

  it('when the body is larger than 64 KiB, then 413 answers and nothing is stored', async () => {
    const before = await reportCount(wiki);
    const r = await post(alice.client, { token: alice.token, ...emergencyFields({ details: 'x'.repeat(70 * 1024) }) });
    expect(r.status).toBe(413);
    expect(r.json<Json>()).toMatchObject({ errorKey: 'rest-request-too-large', httpCode: 413 });
    expect(await reportCount(wiki)).toBe(before);
  });

  it('when an answer is sent, then it is never cached', async () => {
    const r = await submit(alice, emergencyFields({ incidentType: 'foo' }));
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});

describe('incompatible fields (testValidateIncompatibleFields)', () => {
  const cases = [
    { name: 'an emergency report has no physicalHarmType', fields: emergencyFields({ physicalHarmType: undefined }), status: 422, errorKey: 'rest-missing-body-field', messageKey: 'reportincident-threat-harm-required' },
    { name: 'a non-emergency report has no behaviorType', fields: supportFields({ behaviorType: undefined }), status: 422, errorKey: 'rest-missing-body-field', messageKey: 'reportincident-behavior-required' },
    { name: 'an emergency report also has a behaviorType', fields: emergencyFields({ behaviorType: 'trolling' }), status: 422, errorKey: 'rest-extraneous-body-fields', messageKey: 'reportincident-error-extraneous-field: behaviorType' },
    { name: 'a non-emergency report also has a physicalHarmType', fields: supportFields({ physicalHarmType: 'threats-self-harm' }), status: 422, errorKey: 'rest-extraneous-body-fields', messageKey: 'reportincident-error-extraneous-field: physicalHarmType' },
    { name: 'a non-emergency report says whom the emergency is about', fields: supportFields({ about: 'self' }), status: 422, errorKey: 'rest-extraneous-body-fields', messageKey: 'reportincident-error-extraneous-field: about' },
    { name: 'an emergency report has somethingElseDetails', fields: emergencyFields({ somethingElseDetails: 'x' }), status: 422, errorKey: 'rest-extraneous-body-fields', messageKey: 'reportincident-error-extraneous-field: somethingElseDetails' },
    { name: 'an emergency report has a directReport', fields: emergencyFields({ directReport: 'x' }), status: 422, errorKey: 'rest-extraneous-body-fields', messageKey: 'reportincident-error-extraneous-field: directReport' },
    { name: 'a something-else report has no description', fields: supportFields({ behaviorType: 'something-else' }), status: 422, errorKey: 'rest-missing-body-field', messageKey: 'reportincident-something-else-empty' },
    { name: 'a something-else report has only spaces as description', fields: supportFields({ behaviorType: 'something-else', somethingElseDetails: '   ' }), status: 422, errorKey: 'rest-missing-body-field', messageKey: 'reportincident-something-else-empty' },
  ];
  it.each(named(cases, (c) => `when ${c.name}, then ${c.status} ${c.errorKey} answers`))('%s', async (_, row) => {
    const before = await reportCount(wiki);
    const r = await submit(alice, row.fields);
    expect(r.status).toBe(row.status);
    expect(r.json<Json>()).toMatchObject({ errorKey: row.errorKey, httpCode: row.status });
    expect(messageOf(r)).toContain(`(${row.messageKey}`);
    expect(await reportCount(wiki)).toBe(before);
  });

  it('when a behaviorType is missing, then the message names behaviorType, not physicalHarmType (the original\'s bug fixed in 8fa102f)', async () => {
    const r = await submit(alice, supportFields({ behaviorType: undefined }), 'uselang=en');
    expect(r.status).toBe(422);
    expect(messageOf(r)).toBe(wiki.container.messages.translator('en')('reportincident-behavior-required'));
  });
});

describe('the revision, the page and the thread', () => {
  it('when revisionId is 0 and page names a page without revisions, then the report is accepted on that title (testRestPayload: nonexistent page)', async () => {
    const r = await submit(alice, { incidentType: EMERGENCY, physicalHarmType: 'threats-public-harm', revisionId: 0, page: 'User talk:Nobody yet' });
    expect(r.status).toBe(201);
    const stored = (await wiki.container.reports.find(r.json<Json>().reportId))!;
    expect(stored).toMatchObject({ pageNamespace: 3, pageTitle: 'Nobody_yet', revId: 0, pageId: null });
  });

  it('when revisionId is 0 and page names an existing page, then its latest revision is reported', async () => {
    const r = await submit(alice, { incidentType: EMERGENCY, physicalHarmType: 'threats-public-harm', revisionId: 0, page: 'User_talk:Testing' });
    expect(r.status).toBe(201);
    expect((await wiki.container.reports.find(r.json<Json>().reportId))!.revId).toBe(await latestRevision(wiki, 'User_talk:Testing'));
  });

  it.each(['Foo<bar', 'Talk:', '#only-a-fragment', 'Special:'])('when revisionId is 0 and page is %j, which does not parse, then 422 rest-invalid-title', async (page) => {
    const r = await submit(alice, { incidentType: EMERGENCY, physicalHarmType: 'threats-public-harm', revisionId: 0, page });
    expect(r.status).toBe(422);
    expect(r.json<Json>().errorKey).toBe('rest-invalid-title');
  });

  it.each([
    ['no page', {}],
    ['an empty page', { page: '' }],
  ])('when revisionId is 0 and there is %s, then 422 asks for the page (testRevisionDoesntExistAndNoPageProvided)', async (_, fields) => {
    const r = await submit(alice, { incidentType: EMERGENCY, physicalHarmType: 'threats-public-harm', revisionId: 0, ...fields });
    expect(r.status).toBe(422);
    expect(r.json<Json>().errorKey).toBe('rest-missing-body-field');
    expect(messageOf(r)).toContain('(reportincident-error-page-required');
  });

  it('when the revision does not exist, then 404 rest-nonexistent-revision', async () => {
    const r = await submit(alice, { incidentType: EMERGENCY, physicalHarmType: 'threats-public-harm', revisionId: 999999 });
    expect(r.status).toBe(404);
    expect(r.json<Json>()).toMatchObject({ errorKey: 'rest-nonexistent-revision', httpCode: 404 });
  });

  it('when the revision belongs to another page than page, then 422 answers', async () => {
    const r = await submit(alice, { incidentType: EMERGENCY, physicalHarmType: 'threats-public-harm', revisionId: await latestRevision(wiki, 'User_talk:Testing'), page: 'Talk:African_wild_dog' });
    expect(r.status).toBe(422);
    expect(r.json<Json>().errorKey).toBe('rest-invalid-title');
    expect(messageOf(r)).toContain('(reportincident-error-revision-of-other-page');
  });

  it('when the revision is given with the same page spelt differently, then it is accepted', async () => {
    const r = await submit(alice, { incidentType: EMERGENCY, physicalHarmType: 'threats-public-harm', revisionId: await latestRevision(wiki, 'User_talk:Testing'), page: 'user talk:Testing', threadId: (await threadIds(wiki, 'User_talk:Testing'))[0] });
    expect(r.status).toBe(201);
  });

  it('when the threadId is on another page, then 422 says it is not on this page', async () => {
    const otherThread = (await threadIds(wiki, 'User_talk:Testing')).find((id) => id.startsWith('c-Brackenfield'))!;
    const r = await submit(alice, { incidentType: EMERGENCY, physicalHarmType: 'threats-physical-harm', revisionId: await latestRevision(wiki, 'Talk:African_wild_dog'), threadId: otherThread });
    expect(r.status).toBe(422);
    expect(messageOf(r)).toContain('(reportincident-error-thread-not-on-page');
  });

  it('when the threadId does not exist at all, then 422 answers', async () => {
    const r = await submit(alice, { incidentType: EMERGENCY, physicalHarmType: 'threats-physical-harm', revisionId: await latestRevision(wiki, 'Talk:African_wild_dog'), threadId: 'c-Nobody-20200101000000' });
    expect(r.status).toBe(422);
  });

  it('when the threadId was posted after the reported revision, then 422 answers: it was not on the page at that revision', async () => {
    const title = titleOf(wiki, 'Talk:African_wild_dog');
    const page = (await wiki.container.pages.find(title))!;
    const oldest = (await wiki.container.pages.history(page, Number.MAX_SAFE_INTEGER, 1000)).at(-1)!;
    const later = (await threadIds(wiki, 'Talk:African_wild_dog')).find((id) => id.startsWith('c-Brackenfield'))!;
    const r = await submit(alice, { incidentType: EMERGENCY, physicalHarmType: 'threats-physical-harm', revisionId: oldest.id, threadId: later });
    expect(r.status).toBe(422);
  });

  it('when revisionId is 0 with a threadId on a page without revisions, then 422 answers', async () => {
    const r = await submit(alice, { ...emergencyFields(), threadId: 'c-Someone-20200101000000' });
    expect(r.status).toBe(422);
  });
});

describe('successful reports (testRestPayload)', () => {
  let braThreat: string;
  let revision: number;
  beforeAll(async () => {
    const ids = await threadIds(wiki, 'Talk:African_wild_dog');
    braThreat = ids.filter((id) => id.startsWith('c-Brackenfield'))[1]!; // "Keep reverting me and you will regret it…"
    revision = await latestRevision(wiki, 'Talk:African_wild_dog');
  });

  it('when an emergency report is valid, then 201 answers with a reportId and route emergency, and nothing else', async () => {
    const r = await submit(alice, { revisionId: revision, threadId: braThreat, incidentType: EMERGENCY, physicalHarmType: 'threats-physical-harm', reportedUser: 'Brackenfield', details: 'He says I will regret it.' });
    expect(r.status).toBe(201);
    const body = r.json<Json>();
    expect(Object.keys(body).sort()).toEqual(['reportId', 'route']);
    expect(body.reportId).toMatch(REPORT_ID);
    expect(body.route).toBe('emergency');
  });

  it('when an emergency report is stored, then it keeps the reporter, the comment as it stood and one outbox row with a fixed Message-ID', async () => {
    const before = await outboxCount(wiki);
    const r = await submit(alice, { revisionId: revision, threadId: braThreat, incidentType: EMERGENCY, physicalHarmType: 'threats-public-harm', details: '  Please look.  ' });
    expect(r.status).toBe(201);
    const id = r.json<Json>().reportId as string;
    const stored = (await wiki.container.reports.find(id))!;
    expect(stored).toMatchObject({
      reporterUserId: (await wiki.container.accounts.findByName('Alice'))!.id,
      incidentType: EMERGENCY,
      physicalHarmType: 'threats-public-harm',
      behaviorType: null,
      route: 'emergency',
      revId: revision,
      threadId: braThreat,
      pageNamespace: 1,
      pageTitle: 'African_wild_dog',
      details: 'Please look.',
      // Without reportedUser, the comment's author is reported (testRestPayload: missing reported user).
      reportedUser: 'Brackenfield',
      reportedUserId: (await wiki.container.accounts.findByName('Brackenfield'))!.id,
    });
    expect(stored.snapshot).toMatchObject({ author: 'Brackenfield', text: expect.stringContaining('Keep reverting me and you will regret it') });
    const rows = await outboxRows(wiki, id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'trust-and-safety', recipients: 'emergency@localhost' });
    expect(rows[0]!.message_id).toMatch(new RegExp(`^<${id}\\.trust-and-safety@[^>]+>$`));
    // One row per message: besides Trust & Safety's, at most the reporter's receipt, to her own address.
    const all = await allOutboxRows(wiki, id);
    expect(all.filter((r) => r.kind === 'receipt').every((r) => r.recipients === 'alice@example.org')).toBe(true);
    expect(new Set(all.map((r) => r.message_id)).size).toBe(all.length);
    expect(await outboxCount(wiki)).toBe(before + all.length);
  });

  it('when reportedUser is empty, then the report is accepted and keeps it empty (testRestPayload: empty reported user)', async () => {
    const r = await submit(alice, emergencyFields({ reportedUser: '' }));
    expect(r.status).toBe(201);
    expect((await wiki.container.reports.find(r.json<Json>().reportId))!.reportedUser).toBe('');
  });

  it('when reportedUser names no account or an IP, then the report is accepted (T381119, T346680)', async () => {
    const ghost = await submit(alice, emergencyFields({ reportedUser: 'No such user here' }));
    expect(ghost.status).toBe(201);
    expect(await wiki.container.reports.find(ghost.json<Json>().reportId)).toMatchObject({ reportedUser: 'No such user here', reportedUserId: null });
    const ip = await submit(alice, emergencyFields({ reportedUser: '192.0.2.44' }));
    expect(ip.status).toBe(201);
    expect(await wiki.container.reports.find(ip.json<Json>().reportId)).toMatchObject({ reportedUser: '192.0.2.44', reportedUserId: null });
  });

  it('when details is empty, then the report is accepted (testRestPayload: empty details)', async () => {
    const r = await submit(alice, emergencyFields({ details: '' }));
    expect(r.status).toBe(201);
  });

  it('when two reports are filed, then their ids differ and both have the RI-XXXXX-XXXXX-XXXXX-XXXXX format', async () => {
    const a = (await submit(alice, emergencyFields())).json<Json>().reportId as string;
    const b = (await submit(alice, emergencyFields())).json<Json>().reportId as string;
    expect(a).toMatch(REPORT_ID);
    expect(b).toMatch(REPORT_ID);
    expect(a).not.toBe(b);
  });

  it('when a non-emergency report is valid, then 201 answers with route support and the supportUrl of its category, and no mail is queued', async () => {
    const before = await outboxCount(wiki);
    const r = await submit(alice, { revisionId: revision, threadId: braThreat, incidentType: NON_EMERGENCY, behaviorType: 'intimidation', reportedUser: 'Brackenfield' });
    expect(r.status).toBe(201);
    const body = r.json<Json>();
    expect(Object.keys(body).sort()).toEqual(['reportId', 'route', 'supportUrl']);
    expect(body).toMatchObject({ reportId: expect.stringMatching(REPORT_ID), route: 'support' });
    const url = new URL(body.supportUrl as string);
    expect(url.origin).toBe(wiki.container.settings.Server);
    expect(url.pathname).toBe('/wiki/Special:ReportIncident/support/intimidation');
    expect(url.searchParams.get('page')).toBe('Talk:African_wild_dog');
    expect(url.searchParams.get('threadId')).toBe(braThreat);
    expect(await outboxCount(wiki)).toBe(before);
    expect(await allOutboxRows(wiki, body.reportId)).toEqual([]);
  });

  it('when the reporter opens the supportUrl, then its Get support page answers 200 without a redirect', async () => {
    const r = await submit(alice, supportFields({ behaviorType: 'doxing' }));
    const url = new URL(r.json<Json>().supportUrl as string);
    const page = await alice.client.get(`${url.pathname}${url.search}&uselang=qqx`);
    expect(page.status).toBe(200);
    expect(page.location).toBeNull();
    expect(page.text).toContain('(reportincident-behavior-doxing)');
    expect(page.text).toContain('(reportincident-support-doxing-warning)');
  });

  it('when a something-else report is valid, then its description is kept', async () => {
    const r = await submit(alice, supportFields({ behaviorType: 'something-else', somethingElseDetails: 'Edits my user page' }));
    expect(r.status).toBe(201);
    expect((await wiki.container.reports.find(r.json<Json>().reportId))!.somethingElseDetails).toBe('Edits my user page');
  });

  it.each(['sockpuppetry', 'vandalism', 'userdispute', 'disruptiveediting', 'other'])('when a non-emergency report has the non-default behaviour %s, then the API accepts it', async (behaviorType) => {
    const r = await submit(alice, supportFields({ behaviorType }));
    expect(r.status).toBe(201);
    expect(r.json<Json>().supportUrl).toContain(`/support/${behaviorType}`);
  });

  it('when direct reporting is off, then a non-emergency report with directReport is refused with 422', async () => {
    const before = await reportCount(wiki);
    const r = await submit(alice, supportFields({ behaviorType: 'intimidation', directReport: 'Please help.' }));
    expect(r.status).toBe(422);
    expect(messageOf(r)).toContain('(reportincident-error-direct-unavailable');
    expect(await reportCount(wiki)).toBe(before);
  });
});

describe('duplicates', () => {
  let thread: string;
  let revision: number;
  let rowan: Reporter;
  beforeAll(async () => {
    thread = (await threadIds(wiki, 'User_talk:Testing')).filter((id) => id.startsWith('c-Brackenfield'))[1]!;
    revision = await latestRevision(wiki, 'User_talk:Testing');
    rowan = await reporter(wiki, 'Rowan');
  });

  it('when the same reporter repeats a report on the same thread with the same type, then 200 gives the first reportId with duplicate true and no new mail', async () => {
    const body = { revisionId: revision, threadId: thread, incidentType: EMERGENCY, physicalHarmType: 'threats-physical-harm', details: 'The same words' };
    const first = await submit(rowan, body);
    expect(first.status).toBe(201);
    const firstId = first.json<Json>().reportId as string;
    const outbox = await outboxCount(wiki);
    const reports = await reportCount(wiki);
    const again = await submit(rowan, body);
    expect(again.status).toBe(200);
    expect(again.json<Json>()).toEqual({ reportId: firstId, route: 'emergency', duplicate: true });
    expect(await outboxCount(wiki)).toBe(outbox);
    expect(await reportCount(wiki)).toBe(reports);
    // The first report's mail keeps its one Message-ID.
    expect(await outboxRows(wiki, firstId)).toHaveLength(1);
  });

  it('when the repeat adds details, then 200 says updated true and one update mail to Trust & Safety is queued in the first mail\'s thread, not charged', async () => {
    const body = emergencyFields({ details: 'He said he would come.' });
    const first = await submit(rowan, body);
    const firstId = first.json<Json>().reportId as string;
    const hits = async () => (await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM rate_limit_hits'))!.n;
    const charged = await hits();
    const reports = await reportCount(wiki);

    const again = await submit(rowan, { ...body, details: 'He said he would come. He named the day.', about: 'self' });

    expect(again.status).toBe(200);
    expect(again.json<Json>()).toEqual({ reportId: firstId, route: 'emergency', duplicate: true, updated: true });
    expect(await reportCount(wiki)).toBe(reports);
    expect(await hits()).toBe(charged);
    const [mail, update] = await wiki.container.sql.all<OutboxRow & { in_reply_to: string | null; update_id: number | null }>(
      "SELECT kind, recipients, message_id, in_reply_to, update_id FROM outbox WHERE report_id = ? AND kind != 'receipt' ORDER BY outbox_id",
      [firstId],
    );
    expect(update).toMatchObject({ kind: 'trust-and-safety', recipients: mail!.recipients, message_id: `<${firstId}.trust-and-safety.update-1@127.0.0.1>`, in_reply_to: mail!.message_id });
    expect(await wiki.container.reports.findUpdate(update!.update_id!)).toMatchObject({ reportId: firstId, seq: 1, text: 'He named the day.', about: 'self' });
    // The confirmation page speaks of the report's own mail, not its updates'.
    expect(await wiki.container.reports.deliveryState((await wiki.container.reports.find(firstId))!)).toBe('pending');
  });

  it('when a support-route report (which sent nothing) is repeated with details, then nothing is stored or sent', async () => {
    const body = { revisionId: revision, threadId: thread, incidentType: NON_EMERGENCY, behaviorType: 'spam' };
    const first = (await submit(rowan, body)).json<Json>();
    const outbox = await outboxCount(wiki);
    const again = await submit(rowan, { ...body, details: 'More about the spam.' });
    expect(again.json<Json>()).toMatchObject({ reportId: first.reportId, duplicate: true });
    expect(again.json<Json>()).not.toHaveProperty('updated');
    expect(await outboxCount(wiki)).toBe(outbox);
    expect((await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM report_updates WHERE report_id = ?', [first.reportId]))!.n).toBe(0);
  });

  it('when the same reporter reports the same thread with another harm type, then it is a new report', async () => {
    const r = await submit(rowan, { revisionId: revision, threadId: thread, incidentType: EMERGENCY, physicalHarmType: 'threats-self-harm' });
    expect(r.status).toBe(201);
  });

  it('when another reporter reports the same thread with the same type, then it is a new report', async () => {
    const juniper = await reporter(wiki, 'Juniper');
    const r = await submit(juniper, { revisionId: revision, threadId: thread, incidentType: EMERGENCY, physicalHarmType: 'threats-physical-harm' });
    expect(r.status).toBe(201);
  });

  it('when a report about the whole page (no thread) is repeated, then it is folded, and one about a thread of it is not', async () => {
    const body = { revisionId: revision, incidentType: EMERGENCY, physicalHarmType: 'threats-public-harm' };
    const first = await submit(rowan, body);
    expect(first.status).toBe(201);
    const again = await submit(rowan, body);
    expect(again.status).toBe(200);
    expect(again.json<Json>()).toMatchObject({ reportId: first.json<Json>().reportId, duplicate: true });
    const aboutThread = await submit(rowan, { ...body, threadId: thread });
    expect(aboutThread.status).toBe(201);
  });

  it('when a support-route report is repeated, then it is folded too, with its supportUrl', async () => {
    const body = { revisionId: revision, threadId: thread, incidentType: NON_EMERGENCY, behaviorType: 'trolling' };
    const first = (await submit(rowan, body)).json<Json>();
    const again = await submit(rowan, body);
    expect(again.status).toBe(200);
    expect(again.json<Json>()).toMatchObject({ reportId: first.reportId, route: 'support', duplicate: true, supportUrl: first.supportUrl });
  });
});

describe('messages in the reporter\'s language', () => {
  it('when uselang=en, then messageTranslations holds the English message under "en"', async () => {
    const r = await submit(alice, emergencyFields({ physicalHarmType: undefined }), 'uselang=en');
    expect(r.json<Json>().messageTranslations).toEqual({ en: wiki.container.messages.translator('en')('reportincident-threat-harm-required') });
  });

  it('when uselang=qqx, then the message is the key (as MediaWiki\'s qqx shows it)', async () => {
    const r = await submit(alice, emergencyFields({ physicalHarmType: undefined }), 'uselang=qqx');
    expect(messageOf(r)).toMatch(/^\(reportincident-threat-harm-required(: [^)]*)?\)$/);
  });

  it('when an anonymous visitor asks in English, then the refusal is translated too', async () => {
    const r = await post(new HttpClient(wiki.url), { token: '+\\', ...emergencyFields() }, { query: 'uselang=en' });
    expect(r.json<Json>().messageTranslations).toEqual({ en: wiki.container.messages.translator('en')('reportincident-ineligible-anonymous') });
  });

  it('when the language comes from Accept-Language only, then the reply is still in a language the wiki has', async () => {
    const r = await alice.client.request('POST', REPORT, JSON.stringify({ token: alice.token, ...emergencyFields({ incidentType: 'foo' }) }), { 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.8' });
    expect(r.status).toBe(400);
    expect(Object.keys(r.json<Json>().messageTranslations)).toEqual(['en']);
  });
});

describe('the rate limit (testRateLimitTrip)', () => {
  let limited: TestWiki;
  let nora: Reporter;
  let noraFirst: Json;
  const clock = new FixedClock('2026-03-01T12:00:00Z');
  beforeAll(async () => {
    limited = await startTestWiki({ clock });
    nora = await reporter(limited, 'Nora');
  });
  afterAll(() => limited.close());

  it('when a newbie files support-route reports, then they are never charged', async () => {
    for (const behaviorType of ['intimidation', 'trolling', 'spam', 'doxing']) {
      const r = await submit(nora, supportFields({ behaviorType }));
      expect(r.status, behaviorType).toBe(201);
    }
    expect(await limited.container.reports.rateLimit((await limited.container.accounts.findByName('Nora'))!)).toEqual({ limited: false, remaining: 1 });
  });

  it('when a newbie (1 a day) files a second emergency report, then 429 apierror-ratelimited with Retry-After and the Trust & Safety address, and nothing is stored', async () => {
    noraFirst = emergencyFields();
    const first = await submit(nora, noraFirst);
    expect(first.status).toBe(201);
    const reports = await reportCount(limited);
    const outbox = await outboxCount(limited);
    const second = await submit(nora, emergencyFields({ physicalHarmType: 'threats-self-harm' }), 'uselang=en');
    expect(second.status).toBe(429);
    expect(second.json<Json>()).toMatchObject({ errorKey: 'apierror-ratelimited', httpCode: 429 });
    // The clock stands still, so the wait is the whole day.
    expect(second.headers.get('retry-after')).toBe('86400');
    expect(messageOf(second)).toContain('emergency@localhost');
    expect(await reportCount(limited)).toBe(reports);
    expect(await outboxCount(limited)).toBe(outbox);
  });

  it('when a limited newbie repeats the report already filed, then it is still folded into it with 200', async () => {
    const body = { revisionId: 0, page: 'User_talk:Nora_duplicate', incidentType: EMERGENCY, physicalHarmType: 'threats-physical-harm' };
    // Nora is limited now: a new report is refused ...
    expect((await submit(nora, body)).status).toBe(429);
    // ... but a report filed before the limit was reached, repeated, is answered as a duplicate.
    const again = await submit(nora, { ...noraFirst, details: 'the same again' });
    expect(again.status).toBe(200);
    expect(again.json<Json>().duplicate).toBe(true);
  });

  it('when a limited newbie files a support-route report, then it is accepted: it sends nothing', async () => {
    const r = await submit(nora, supportFields({ behaviorType: 'hate-or-discrimination' }));
    expect(r.status).toBe(201);
  });

  it('when a limited report is refused, then its validation still comes first: a bad body gets 400, not 429', async () => {
    const r = await submit(nora, emergencyFields({ incidentType: 'foo' }));
    expect(r.status).toBe(400);
  });

  it('when an autoconfirmed user files 5 emergency reports, then the sixth gets 429', async () => {
    const testing = await reporter(limited, 'Testing');
    for (let i = 0; i < 5; i++) expect((await submit(testing, emergencyFields())).status).toBe(201);
    expect((await submit(testing, emergencyFields())).status).toBe(429);
  });

  it('when 24 hours have passed, then the newbie may report again, and the old report is no longer a duplicate', async () => {
    clock.advance(24 * 3600 * 1000 + 1000);
    const r = await submit(nora, emergencyFields());
    expect(r.status).toBe(201);
  });
});

describe('the support route\'s own limit (#16)', () => {
  it('when a reporter files more support-route reports than their limit, then 429 says so with the Get support page\'s address, and nothing is stored', async () => {
    const small = await startTestWiki({ settings: { RateLimits: { reportincident: { newbie: [1, 86400], user: [5, 86400] }, 'reportincident-support': { user: [2, 86400] } } } });
    try {
      const rowan = await reporter(small, 'Rowan');
      for (const behaviorType of ['intimidation', 'trolling']) expect((await submit(rowan, supportFields({ behaviorType }))).status).toBe(201);
      const reports = await reportCount(small);
      const third = await submit(rowan, supportFields({ behaviorType: 'spam' }), 'uselang=en');
      expect(third.status).toBe(429);
      expect(third.json<Json>()).toMatchObject({ errorKey: 'apierror-ratelimited', httpCode: 429 });
      expect(third.json<Json>().supportUrl).toMatch(/\/wiki\/Special:ReportIncident\/support\/spam\?page=User\+talk%3AReport_target_\d+&revisionId=0$/);
      expect(messageOf(third)).toContain('not recorded');
      expect(await reportCount(small)).toBe(reports);
      // Reports that send something are limited apart: the support route used none of them.
      expect((await submit(rowan, emergencyFields())).status).toBe(201);
    } finally {
      await small.close();
    }
  });

  it('when the operator sets no support limit, then 50 a day applies', async () => {
    const c = wiki.container;
    const rowan = (await c.accounts.findByName('Juniper'))!;
    for (let i = 0; i < 50; i++) await c.sql.run('INSERT INTO rate_limit_hits (user_id, action, at) VALUES (?, ?, ?)', [rowan.id, 'reportincident-support', c.clock.now() - 1000]);
    const juniper = await reporter(wiki, 'Juniper');
    expect((await submit(juniper, supportFields())).status).toBe(429);
  });
});

describe('direct reporting', () => {
  let direct: TestWiki;
  let reporterAlice: Reporter;
  const config = {
    ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: '', Email: 'admins@example.org', ContactCommunity: '' },
    ReportIncident_NonEmergency_SomethingElse_HelpMethod: { ContactAdmin: '', Email: 'else@example.org', ContactCommunity: '' },
  };
  beforeAll(async () => {
    direct = await startTestWiki({ settings: { ReportIncidentEnableDirectReporting: true } });
    const ines = (await direct.container.accounts.findByName('Ines'))!;
    const saved = await direct.container.pages.saveText(titleOf(direct, 'MediaWiki:IncidentReportingConfig.json'), { user: ines }, JSON.stringify(config), 'Direct reports for intimidation');
    expect(saved.ok).toBe(true);
    reporterAlice = await reporter(direct, 'Alice');
  });
  afterAll(() => direct.close());

  it('when an intimidation report carries directReport, then 201 route direct and one outbox row to the community address', async () => {
    const r = await submit(reporterAlice, supportFields({ behaviorType: 'intimidation', directReport: 'He follows me from page to page.' }));
    expect(r.status).toBe(201);
    const body = r.json<Json>();
    expect(body).toEqual({ reportId: expect.stringMatching(REPORT_ID), route: 'direct' });
    const rows = await outboxRows(direct, body.reportId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'direct', recipients: 'admins@example.org' });
    expect((await direct.container.reports.find(body.reportId))!.directReport).toBe('He follows me from page to page.');
  });

  it('when an intimidation report has no directReport, then it takes the support route and sends nothing', async () => {
    const r = await submit(reporterAlice, supportFields({ behaviorType: 'intimidation' }));
    expect(r.status).toBe(201);
    expect(r.json<Json>().route).toBe('support');
    expect(await allOutboxRows(direct, r.json<Json>().reportId)).toEqual([]);
  });

  it('when directReport is only spaces, then it is not a direct report', async () => {
    const r = await submit(reporterAlice, supportFields({ behaviorType: 'intimidation', directReport: '   ' }));
    expect(r.status).toBe(201);
    expect(r.json<Json>().route).toBe('support');
  });

  it.each([
    ['trolling, which has no configured address', { behaviorType: 'trolling' }],
    ['something-else, which is never direct even with an address', { behaviorType: 'something-else', somethingElseDetails: 'x' }],
  ])('when directReport is sent for %s, then 422 and nothing is stored', async (_, fields) => {
    const before = await reportCount(direct);
    const r = await submit(reporterAlice, supportFields({ ...fields, directReport: 'Please help.' }));
    expect(r.status).toBe(422);
    expect(messageOf(r)).toContain('(reportincident-error-direct-unavailable');
    expect(await reportCount(direct)).toBe(before);
  });

  it('when a direct report is filed by a newbie, then it is charged to the rate limit: it sends mail', async () => {
    const nora = await reporter(direct, 'Nora');
    expect((await submit(nora, supportFields({ behaviorType: 'intimidation', directReport: 'one' }))).status).toBe(201);
    const second = await submit(nora, supportFields({ behaviorType: 'intimidation', directReport: 'two' }));
    expect(second.status).toBe(429);
    expect(second.json<Json>().errorKey).toBe('apierror-ratelimited');
  });
});

describe('pages where reports may be filed (#16)', () => {
  it.each([
    { name: 'the main page (an article)', page: 'Main_Page' },
    { name: 'a Special page', page: 'Special:RecentChanges' },
    { name: 'the community configuration page', page: 'MediaWiki:IncidentReportingConfig.json' },
    { name: 'an article that does not exist', page: 'No such article' },
  ])('when a report names $name, then 422 refuses it and nothing is stored', async ({ page }) => {
    const count = async () => (await wiki.container.sql.get<{ n: number }>('SELECT count(*) AS n FROM reports'))!.n;
    const before = await count();
    const r = await submit(alice, { incidentType: EMERGENCY, physicalHarmType: 'threats-public-harm', revisionId: 0, page });
    expect(r.status).toBe(422);
    expect(r.json<Json>().errorKey).toBe('rest-invalid-title');
    expect(messageOf(r)).toContain('(reportincident-error-namespace-not-enabled');
    expect(await count()).toBe(before);
  });

  it('when a report names a talk page not yet written (revisionId 0), then it is still accepted, as in the original', async () => {
    const r = await submit(alice, { incidentType: EMERGENCY, physicalHarmType: 'threats-public-harm', revisionId: 0, page: 'User talk:Not written yet' });
    expect(r.status).toBe(201);
  });
});
