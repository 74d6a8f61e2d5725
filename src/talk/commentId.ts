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

function unique(base: string, disambiguators: string[], taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  let id = base;
  for (const d of disambiguators) {
    if (!d) continue;
    id = `${id}-${d}`;
    if (!taken(id)) return id;
  }
  for (let n = 2; ; n++) if (!taken(`${id}-${n}`)) return `${id}-${n}`;
}

/**
 * A comment's id. On a collision (the same author within the same second), the parent's id is
 * appended, as DiscussionTools does, then a counter.
 */
export function commentId(author: string, createdAt: number, parentId: string | null, taken: (id: string) => boolean): string {
  const base = `c-${idPart(author)}-${timestampString(createdAt)}`;
  return unique(base, [parentId ? parentId.slice(2) : ''], taken);
}

/** A topic's id, from its first comment's author and time; the heading's text breaks a tie. */
export function headingId(firstAuthor: string, createdAt: number, headingText: string, taken: (id: string) => boolean): string {
  const base = `h-${idPart(firstAuthor)}-${timestampString(createdAt)}`;
  return unique(base, [idPart(headingText)], taken);
}
