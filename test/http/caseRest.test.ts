// REST for cases (#21) against the real app, on each engine: GET …/report/{id} and POST …/report/{id}/action, with
// every role (Trust & Safety, the reporter, the reported user, anyone else, nobody logged in) and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsOf, HttpClient, type Reply } from '../support/HttpClient.js';
import { csrfToken, findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

const PATH = '/w/rest.php/reportincident/v0/report';
let wiki: TestWiki;
let reportId: string;

type Case = { reportId: string; status: string; revision: number; role: string; actions: string[]; queue?: string; assignee?: string | null; events: { type: string; at: string; text?: string; actor?: string; detail?: Record<string, string> }[] };
type RestError = { errorKey: string; httpCode: number; messageTranslations: Record<string, string> };

const as = clientsOf(() => wiki.url);

async function action(client: HttpClient, body: Record<string, unknown>, id = reportId): Promise<Reply> {
  return client.request('POST', `${PATH}/${id}/action`, JSON.stringify({ token: await csrfToken(client), ...body }), { 'content-type': 'application/json' });
}

beforeAll(async () => {
  wiki = await startTestWiki();
  const alice = await as('Alice');
  const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
  const r = await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: 'He wrote where I live.', ...target });
  expect(r.status).toBe(201);
  reportId = r.json<{ reportId: string }>().reportId;
});
afterAll(() => wiki.close());

describe('GET …/report/{id}', () => {
  it('when Trust & Safety asks for an emergency, then it gets the whole case: status, revision, queue, the actions it has and the events', async () => {
    const r = await (await as('Tomas')).get(`${PATH}/${reportId}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const body = r.json<Case>();
    expect(body).toMatchObject({ reportId, status: 'new', revision: 1, role: 'trust-and-safety', queue: 'trust-and-safety', assignee: null });
    expect(body.actions).toContain('acknowledge');
    expect(body.events).toEqual([{ type: 'opened', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
  });

  it('when the reporter asks, then they get their view: no queue, no assignee, only what is meant for them', async () => {
    const body = (await (await as('Alice')).get(`${PATH}/${reportId}`)).json<Case>();
    expect(body).toMatchObject({ reportId, status: 'new', role: 'reporter', actions: ['add-information', 'withdraw'] });
    expect(body).not.toHaveProperty('queue');
    expect(body).not.toHaveProperty('assignee');
  });

  it('when the reported user, anyone else, nobody logged in, or a made-up id asks, then 404 says there is no case they can see', async () => {
    for (const client of [await as('Brackenfield'), await as('Rowan'), new HttpClient(wiki.url)]) {
      const r = await client.get(`${PATH}/${reportId}`);
      expect(r.status).toBe(404);
      expect(r.json<RestError>()).toMatchObject({ errorKey: 'rest-nonexistent-case', httpCode: 404 });
      expect(Object.values(r.json<RestError>().messageTranslations)[0]).toBe(`There is no case ${reportId} that you can see.`);
    }
    expect((await (await as('Tomas')).get(`${PATH}/RI-XXXXX-XXXXX-XXXXX-XXXXX`)).status).toBe(404);
    expect((await (await as('Tomas')).get(`${PATH}/not-an-id`)).status).toBe(404);
  });
});

describe('POST …/report/{id}/action', () => {
  it('when Trust & Safety claims, acknowledges and notes, then each answer is the case at its new revision, and the reporter reads only the acknowledgement', async () => {
    const tomas = await as('Tomas');
    let r = await action(tomas, { action: 'claim', revision: 1 });
    expect(r.status).toBe(200);
    expect(r.json<Case>()).toMatchObject({ revision: 2, assignee: 'Tomas' });
    r = await action(tomas, { action: 'acknowledge', text: 'We have your report and are on it; we will write again within the hour.', revision: 2 });
    expect(r.json<Case>()).toMatchObject({ status: 'acknowledged', revision: 3 });
    r = await action(tomas, { action: 'note', text: 'Checked the account: created yesterday.', revision: 3 });
    expect(r.json<Case>().events.at(-1)).toMatchObject({ type: 'note', actor: 'Tomas', text: 'Checked the account: created yesterday.' });
    const mine = (await (await as('Alice')).get(`${PATH}/${reportId}`)).json<Case>();
    expect(mine.events.map((e) => e.type)).toEqual(['opened', 'acknowledge']);
    expect(mine.events[1]).toEqual({ type: 'acknowledge', at: expect.any(String), text: 'We have your report and are on it; we will write again within the hour.' });
  });

  it('when the reporter adds information, then it is on the case for both sides', async () => {
    const alice = await as('Alice');
    const revision = (await alice.get(`${PATH}/${reportId}`)).json<Case>().revision;
    const r = await action(alice, { action: 'add-information', text: 'He has now written to me by email too.', revision });
    expect(r.status).toBe(200);
    const staff = (await (await as('Tomas')).get(`${PATH}/${reportId}`)).json<Case>();
    expect(staff.events.at(-1)).toMatchObject({ type: 'add-information', actor: 'Alice', text: 'He has now written to me by email too.' });
  });

  it('when requests are wrong, then each gets its own status and error, and nothing changes', async () => {
    const tomas = await as('Tomas');
    const revision = (await tomas.get(`${PATH}/${reportId}`)).json<Case>().revision;
    const cases: { name: string; send: () => Promise<Reply>; status: number; errorKey: string; says?: string }[] = [
      { name: 'a stale revision', send: () => action(tomas, { action: 'note', text: 'x', revision: revision - 1 }), status: 409, errorKey: 'rest-stale-revision', says: 'This case changed while you were looking at it' },
      { name: 'an unknown action', send: () => action(tomas, { action: 'delete', revision }), status: 400, errorKey: 'rest-invalid-action', says: '"delete" is not an action on a case' },
      { name: 'an action the status does not allow', send: () => action(tomas, { action: 'acknowledge', text: 'again', revision }), status: 409, errorKey: 'rest-action-not-allowed', says: 'while its status is "acknowledged"' },
      { name: 'an empty text', send: () => action(tomas, { action: 'message', text: ' ', revision }), status: 400, errorKey: 'rest-invalid-text', says: 'Please write something in the text box first.' },
      { name: 'an assignee who is no responder', send: () => action(tomas, { action: 'assign', assignee: 'Brackenfield', revision }), status: 400, errorKey: 'rest-invalid-assignee', says: 'user Brackenfield may not' },
      { name: 'no revision', send: () => action(tomas, { action: 'note', text: 'x' }), status: 400, errorKey: 'rest-body-validation-error' },
      { name: 'an unknown template', send: () => action(tomas, { action: 'message', text: 'x', template: 'cheerful', revision }), status: 400, errorKey: 'rest-invalid-template', says: 'no reply template "cheerful"' },
      { name: 'a template with its date left in', send: () => action(tomas, { action: 'message', text: 'We will write again by [date].', template: 'acknowledge-emergency', revision }), status: 400, errorKey: 'rest-template-placeholder', says: 'Replace "[date]"' },
      { name: 'an unknown field', send: () => action(tomas, { action: 'note', text: 'x', revision, priority: 'high' }), status: 400, errorKey: 'rest-body-validation-error' },
      { name: 'a bad token', send: () => tomas.request('POST', `${PATH}/${reportId}/action`, JSON.stringify({ token: 'nope', action: 'note', text: 'x', revision }), { 'content-type': 'application/json' }), status: 403, errorKey: 'badtoken' },
      { name: 'a form body', send: () => tomas.request('POST', `${PATH}/${reportId}/action`, 'action=note', { 'content-type': 'application/x-www-form-urlencoded' }), status: 415, errorKey: 'rest-unsupported-content-type' },
      { name: 'broken JSON', send: () => tomas.request('POST', `${PATH}/${reportId}/action`, '{"action":', { 'content-type': 'application/json' }), status: 400, errorKey: 'rest-json-body-parse-error' },
    ];
    for (const c of cases) {
      const r = await c.send();
      expect({ name: c.name, status: r.status, errorKey: r.json<RestError>().errorKey }).toEqual({ name: c.name, status: c.status, errorKey: c.errorKey });
      if (c.says) expect(Object.values(r.json<RestError>().messageTranslations)[0]).toContain(c.says);
    }
    expect((await tomas.get(`${PATH}/${reportId}`)).json<Case>().revision).toBe(revision);
    expect((await action(tomas, { action: 'note', text: 'x', revision: revision - 1 })).json<{ revision: number }>().revision).toBe(revision);
  });

  it('when someone who may not see the case acts on it, then 404, whatever the body', async () => {
    for (const client of [await as('Brackenfield'), new HttpClient(wiki.url)]) {
      expect((await action(client, { action: 'note', text: 'x', revision: 1 })).status).toBe(404);
      expect((await client.request('POST', `${PATH}/${reportId}/action`, 'garbage', { 'content-type': 'text/plain' })).status).toBe(404);
    }
  });
});

describe('GET …/reports, the queue', () => {
  it('when Trust & Safety asks, then it gets the cases it may handle with what the queue shows; filters and paging work', async () => {
    const r = await (await as('Tomas')).get(`${PATH}s?status=all`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const body = r.json<{ reports: { reportId: string; emergency: boolean; queue: string; type: string; createdAt: string; overdue: boolean }[]; continue?: unknown }>();
    expect(body.reports.map((x) => x.reportId)).toContain(reportId);
    expect(body.reports.find((x) => x.reportId === reportId)).toMatchObject({ emergency: true, queue: 'trust-and-safety', type: 'threats-physical-harm', overdue: expect.any(Boolean) });
    expect((await (await as('Tomas')).get(`${PATH}s?status=all&type=spam`)).json<{ reports: unknown[] }>().reports).toEqual([]);
    const page = (await (await as('Tomas')).get(`${PATH}s?status=all&limit=1`)).json<{ reports: unknown[]; continue?: { offset: number } }>();
    expect(page.reports).toHaveLength(1);
  });

  it('when a parameter is wrong, then 400 names it and what is allowed', async () => {
    const r = await (await as('Tomas')).get(`${PATH}s?limit=5000`);
    expect(r.status).toBe(400);
    expect(r.json<RestError>().errorKey).toBe('rest-invalid-parameter');
    expect(Object.values(r.json<RestError>().messageTranslations)[0]).toContain('"limit"');
    const s = await (await as('Tomas')).get(`${PATH}s?status=urgent`);
    expect(Object.values(s.json<RestError>().messageTranslations)[0]).toContain('Allowed: open, closed, all, new');
  });

  it('when someone who handles no cases asks (the reporter, the reported user, nobody logged in), then 403 and no list', async () => {
    for (const client of [await as('Alice'), await as('Brackenfield'), new HttpClient(wiki.url)]) {
      const r = await client.get(`${PATH}s`);
      expect(r.status).toBe(403);
      expect(r.json<RestError>().errorKey).toBe('rest-permission-denied');
    }
  });
});
