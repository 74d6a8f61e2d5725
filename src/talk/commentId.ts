/** DiscussionTools' ids for topics and comments: c-<author>-<YYYYMMDDHHMMSS>[-<parent>], h-<author>-<YYYYMMDDHHMMSS>. */

/** MediaWiki's timestamp form, in UTC: 20230504030201. */
export function timestampString(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** A part of an id: spaces become underscores, cut to 80 bytes on a character boundary (DT's truncateForId). */
export function idPart(text: string): string {
  const underscored = text.trim().replace(/\s+/g, '_');
  let out = '';
  let bytes = 0;
  for (const ch of underscored) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > 80) break;
    out += ch;
    bytes += size;
  }
  return out;
}

export type ThreadItemKind = 'heading' | 'comment';

/** Whether a thread id names a topic ("h-") or a comment ("c-"); anything else is not ours. */
export function threadItemKind(threadId: string): ThreadItemKind | null {
  return threadId.startsWith('h-') ? 'heading' : threadId.startsWith('c-') ? 'comment' : null;
}

/** The ids an item may take, in the order they are tried: the base, then with each disambiguator, then counted. */
function* candidates(base: string, disambiguators: string[]): Generator<string> {
  yield base;
  let id = base;
  for (const d of disambiguators) {
    if (!d) continue;
    id = `${id}-${d}`;
    yield id;
  }
  for (let n = 2; ; n++) yield `${id}-${n}`;
}

function unique(ids: Iterable<string>, taken: (id: string) => boolean): string {
  for (const id of ids) if (!taken(id)) return id;
  throw new Error('unreachable: the candidates never end');
}

/**
 * A comment's id. On a collision (the same author within the same second), the parent's id is
 * appended, as DiscussionTools does, then a counter.
 */
export function commentIdCandidates(author: string, createdAt: number, parentId: string | null): Iterable<string> {
  return candidates(`c-${idPart(author)}-${timestampString(createdAt)}`, [parentId ? parentId.slice(2) : '']);
}

export function commentId(author: string, createdAt: number, parentId: string | null, taken: (id: string) => boolean): string {
  return unique(commentIdCandidates(author, createdAt, parentId), taken);
}

/** A topic's id, from its first comment's author and time; the heading's text breaks a tie. */
export function headingIdCandidates(firstAuthor: string, createdAt: number, headingText: string): Iterable<string> {
  return candidates(`h-${idPart(firstAuthor)}-${timestampString(createdAt)}`, [idPart(headingText)]);
}

export function headingId(firstAuthor: string, createdAt: number, headingText: string, taken: (id: string) => boolean): string {
  return unique(headingIdCandidates(firstAuthor, createdAt, headingText), taken);
}

/** The first of the candidates no item of the page has yet, asked one at a time (almost always the first). */
export async function firstFree(ids: Iterable<string>, taken: (id: string) => Promise<boolean>): Promise<string> {
  for (const id of ids) if (!(await taken(id))) return id;
  throw new Error('unreachable: the candidates never end');
}
