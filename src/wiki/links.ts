/** Building the wiki's URLs in one place: /w/index.php links and safe return targets. */
import type { Title } from './Title.js';
import { encodeTitleForUrl } from './Title.js';

/** /w/index.php?title=Talk:X&action=history; parameters in the order given. */
export function indexPhp(title: Title, params: Record<string, string | number>): string {
  const query = [`title=${encodeTitleForUrl(title.prefixedDbKey)}`, ...Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)];
  return `/w/index.php?${query.join('&')}`;
}

/** The permanent link to a revision, optionally to one topic or comment in it. */
export function permanentLink(title: Title, revId: number, fragment?: string): string {
  return indexPhp(title, { oldid: revId }) + (fragment ? `#${encodeURIComponent(fragment).replace(/%3A/gi, ':')}` : '');
}

/**
 * Where to go after login: a wiki title plus an optional query (MediaWiki's returnto and returntoquery).
 * Only a path of this wiki can come out, so a crafted link never redirects off-site.
 */
export function returnToPath(returnTo: string | undefined, returnToQuery: string | undefined, parse: (s: string) => Title | null): string {
  const title = returnTo ? parse(returnTo) : null;
  if (!title) return '/';
  const query = (returnToQuery ?? '').replace(/^\?/, '');
  const safeQuery = query && /^[^\s#]{1,2000}$/.test(query) ? `?${query}` : '';
  return title.path + safeQuery;
}
