/** The interwiki table: prefixes that link to other wikis, as a wiki's Special:Interwiki lists them. */
/** A Map, not an object: a prefix such as "constructor" must find nothing, not Object.prototype's member (#16). */
export const interwikiTable: ReadonlyMap<string, string> = new Map([
  ['meta', 'https://meta.wikimedia.org/wiki/$1'],
  ['m', 'https://meta.wikimedia.org/wiki/$1'],
  ['foundation', 'https://foundation.wikimedia.org/wiki/$1'],
  ['wikimedia', 'https://foundation.wikimedia.org/wiki/$1'],
  ['wikipedia', 'https://en.wikipedia.org/wiki/$1'],
  ['w', 'https://en.wikipedia.org/wiki/$1'],
  ['commons', 'https://commons.wikimedia.org/wiki/$1'],
  ['mw', 'https://www.mediawiki.org/wiki/$1'],
  ['mediawikiwiki', 'https://www.mediawiki.org/wiki/$1'],
  ['phab', 'https://phabricator.wikimedia.org/$1'],
  ['wikt', 'https://en.wiktionary.org/wiki/$1'],
  ['wiktionary', 'https://en.wiktionary.org/wiki/$1'],
]);

/** The URL of an interwiki link ("meta:Special:MyLanguage/Foo"), or null when the prefix is not in the table. */
export function interwikiUrl(value: string): string | null {
  const colon = value.indexOf(':');
  if (colon <= 0) return null;
  const pattern = interwikiTable.get(value.slice(0, colon).trim().toLowerCase());
  if (!pattern) return null;
  const rest = value.slice(colon + 1).trim().replace(/ /g, '_');
  const [page = '', fragment] = rest.split('#');
  const encoded = encodeURIComponent(page).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
  return pattern.replace('$1', encoded) + (fragment ? `#${encodeURIComponent(fragment)}` : '');
}
