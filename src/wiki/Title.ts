/** Page titles as MediaWiki normalises them: namespace prefix, first letter upper case, underscores in URLs. */
import type { Result } from '../shared/Result.js';
import { err, ok } from '../shared/Result.js';
import type { Namespaces } from './namespaces.js';
import { NS_SPECIAL } from './namespaces.js';

/** A normalised title: a namespace number and the rest of the title with spaces. */
export class Title {
  constructor(
    readonly namespace: number,
    /** The title without its namespace, with spaces ("African wild dog"). */
    readonly text: string,
    private readonly namespaceName: string,
  ) {}

  /** "Talk:African wild dog" */
  get prefixedText(): string {
    return this.namespaceName ? `${this.namespaceName}:${this.text}` : this.text;
  }

  /** "African_wild_dog", as stored. */
  get dbKey(): string {
    return this.text.replace(/ /g, '_');
  }

  /** "Talk:African_wild_dog", as in URLs. */
  get prefixedDbKey(): string {
    return this.prefixedText.replace(/ /g, '_');
  }

  /** The path of the page: /wiki/Talk:African_wild_dog, encoded as MediaWiki's wfUrlencode does. */
  get path(): string {
    return `/wiki/${encodeTitleForUrl(this.prefixedDbKey)}`;
  }

  equals(other: Title): boolean {
    return this.namespace === other.namespace && this.text === other.text;
  }
}

/** Percent-encodes a title for a URL path, keeping the characters MediaWiki leaves readable. */
export function encodeTitleForUrl(dbKey: string): string {
  return encodeURIComponent(dbKey).replace(/'/g, '%27').replace(/%3B/gi, ';').replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%2C/gi, ',').replace(/%40/gi, '@').replace(/%24/g, '$').replace(/%21/g, '!').replace(/%2A/g, '*').replace(/%28/g, '(').replace(/%29/g, ')');
}

const MAX_TITLE_BYTES = 255;
// MediaWiki's $wgLegalTitleChars, as a class of what is NOT allowed.
const illegalChars = /[#<>[\]|{}\u0000-\u001f\u007f\ufffd]/;

/** Title problems, each a message key that explains it (MediaWiki's "title-invalid-*"). */
export type TitleProblem =
  | 'title-invalid-empty'
  | 'title-invalid-characters'
  | 'title-invalid-relative'
  | 'title-invalid-magic-tilde'
  | 'title-invalid-too-long'
  | 'title-invalid-leading-colon'
  | 'title-invalid-talk-namespace';

/** Parses user input or a URL path segment into a Title, as MediaWiki's TitleParser does. */
export function parseTitle(input: string, namespaces: Namespaces, defaultNamespace = 0): Result<Title> {
  let s = input.replace(/_/g, ' ');
  // Strip the bidi marks and collapse white space, as MediaWiki does.
  s = s.replace(/[\u200e\u200f\u202a-\u202e]/g, '').replace(/[ \u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, ' ').trim();
  if (illegalChars.test(s)) return err('title-invalid-characters');
  let ns = defaultNamespace;
  if (s.startsWith(':')) {
    s = s.slice(1).trim();
    ns = 0;
  }
  if (s.startsWith(':')) return err('title-invalid-leading-colon');
  const colon = s.indexOf(':');
  if (colon > 0) {
    const id = namespaces.idOf(s.slice(0, colon));
    if (id !== undefined) {
      ns = id;
      s = s.slice(colon + 1).trim();
      if (s.startsWith(':')) return err('title-invalid-leading-colon');
      // "Talk:User:X" names a talk page of a talk page, which cannot exist.
      if (namespaces.isTalk(ns)) {
        const inner = s.indexOf(':');
        if (inner > 0 && namespaces.idOf(s.slice(0, inner)) !== undefined) return err('title-invalid-talk-namespace');
      }
    }
  }
  if (s === '') return err('title-invalid-empty');
  if (s === '.' || s === '..' || s.startsWith('./') || s.startsWith('../') || s.includes('/./') || s.includes('/../') || s.endsWith('/.') || s.endsWith('/..')) {
    return err('title-invalid-relative');
  }
  if (s.includes('~~~')) return err('title-invalid-magic-tilde');
  if (Buffer.byteLength(s, 'utf8') > MAX_TITLE_BYTES && ns !== NS_SPECIAL) return err('title-invalid-too-long');
  // Every namespace here is "first-letter" case, as on Wikipedia.
  s = upperFirst(s);
  return ok(new Title(ns, s, namespaces.nameOf(ns)));
}

function upperFirst(s: string): string {
  const first = String.fromCodePoint(s.codePointAt(0) ?? 0);
  return first.toUpperCase() + s.slice(first.length);
}
