/** Filing reports in tests through the REST endpoint, as the dialog or an API client does. */
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
