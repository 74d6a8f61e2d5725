/** Keeps a language chosen with ?uselang on the wiki's own links, forms and redirects, as MediaWiki's forms carry it. */

/**
 * The href with `uselang` added to its query, before any fragment. Left as it is: no explicit language, a
 * link that already names one, and anything that is not a path on this wiki (`https:`, `mailto:`, `//host`, `#id`).
 */
export function carryLanguage(href: string, uselang: string | null): string {
  if (!uselang || !href.startsWith('/') || href.startsWith('//')) return href;
  const hashAt = href.indexOf('#');
  const path = hashAt === -1 ? href : href.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : href.slice(hashAt);
  const queryAt = path.indexOf('?');
  if (queryAt !== -1 && new URLSearchParams(path.slice(queryAt + 1)).has('uselang')) return href;
  const separator = queryAt === -1 ? '?' : path.endsWith('?') || path.endsWith('&') ? '' : '&';
  return `${path}${separator}uselang=${encodeURIComponent(uselang)}${hash}`;
}
