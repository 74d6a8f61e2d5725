/** Filing reports in tests through the REST endpoint, as the dialog or an API client does, or as rows for a repository. */
import type { IncidentReport } from '../../src/reporting/IncidentReport.js';
import type { HttpClient, Reply } from './HttpClient.js';

export async function csrfToken(client: HttpClient): Promise<string> {
  const r = await client.get('/w/api.php?action=query&meta=tokens&format=json&formatversion=2');
  return r.json<{ query: { tokens: { csrftoken: string } } }>().query.tokens.csrftoken;
}

export async function postReport(client: HttpClient, body: Record<string, unknown>, token?: string): Promise<Reply> {
  const t = token ?? (await csrfToken(client));
  return client.request('POST', '/w/rest.php/reportincident/v0/report', JSON.stringify({ token: t, ...body }), { 'content-type': 'application/json' });
}

/** The page's latest revision and the id of the first comment whose text contains `text`. */
export async function findComment(client: HttpClient, page: string, text: string): Promise<{ revisionId: number; threadId: string }> {
  const r = await client.get(`/wiki/${page}`);
  const permalink = /oldid=(\d+)/.exec(r.text);
  const articles = [...r.text.matchAll(/<article class="comment[^"]*" id="([^"]+)"[\s\S]*?<\/article>/g)];
  const match = articles.find((a) => a[0].includes(text));
  if (!permalink || !match) throw new Error(`no comment with "${text}" on ${page}`);
  return { revisionId: Number(permalink[1]), threadId: match[1]! };
}

/** A non-emergency direct report as a repository stores it: nobody and nothing named, but what `fields` say. */
export function incidentReport(fields: Partial<IncidentReport> & Pick<IncidentReport, 'id' | 'createdAt'>): IncidentReport {
  return {
    reporterUserId: null,
    reporterLanguage: 'en',
    incidentType: 'unacceptable-user-behavior',
    physicalHarmType: null,
    behaviorType: 'intimidation',
    about: null,
    route: 'direct',
    pageId: null,
    pageNamespace: 1,
    pageTitle: 'African_wild_dog',
    revId: 1,
    threadId: null,
    reportedUser: '',
    reportedUserId: null,
    details: '',
    somethingElseDetails: '',
    directReport: '',
    snapshot: null,
    ...fields,
  };
}

/**
 * (#21) Closes every open case as at `at`, as responders would have: retention keeps a report while its case is
 * open or its outcome may still be reviewed (six months), so retention tests close them first.
 */
export async function closeOpenCases(sql: { run(sql: string, params?: readonly (string | number | null)[]): Promise<unknown> }, at: number): Promise<void> {
  await sql.run("UPDATE incident_cases SET status = 'resolved', closed_at = ? WHERE closed_at IS NULL", [at]);
}
