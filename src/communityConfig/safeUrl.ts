/**
 * Whether an https address in the community configuration leads where it reads: no user name before "@"
 * (https://trusted.org@evil.example/ goes to evil.example), and no host name whose labels mix alphabets, as
 * look-alike (homoglyph) domains do; such a host is shown in its punycode form, the name it really has (#16).
 */
import { domainToUnicode } from 'node:url';

export type UrlProblem = { messageKey: string; params: Record<string, unknown> };

/** The problems of an address that leads elsewhere than it reads. */
export const LOOKALIKE_PROBLEMS = ['communityconfig-error-url-userinfo', 'communityconfig-error-url-mixed-script'];

// Scripts a label may combine, as browsers' IDN display rules allow: Japanese, Chinese and Korean writing, with Latin.
const allowedTogether = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];
const scripts = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Khmer', 'Ethiopic', 'Cherokee', 'Mongolian', 'Han', 'Hiragana', 'Katakana', 'Bopomofo', 'Hangul'];
const scriptPatterns = scripts.map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);

function scriptsOf(label: string): Set<string> {
  const found = new Set<string>();
  for (const ch of label) {
    if (!/\p{L}/u.test(ch)) continue;
    const script = scriptPatterns.find(([, re]) => re.test(ch))?.[0] ?? 'Other';
    found.add(script);
  }
  return found;
}

/** True when a host name's label mixes alphabets that are not written together. */
export function mixesScripts(asciiHost: string): boolean {
  return asciiHost.split('.').some((label) => {
    const used = [...scriptsOf(domainToUnicode(label) || label)];
    return used.length > 1 && !allowedTogether.some((set) => used.every((s) => set.includes(s)));
  });
}

/** null when `value` is an https URL that leads where it reads; else the problem, in the validator's terms. */
export function checkHttpsUrl(value: string): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { messageKey: 'communityconfig-error-invalid-url', params: { value } };
  }
  if (url.protocol !== 'https:') {
    return url.protocol === 'http:' ? { messageKey: 'communityconfig-error-use-https', params: { value } } : { messageKey: 'communityconfig-error-bad-scheme', params: { scheme: url.protocol.replace(/:$/, '') } };
  }
  if (url.username !== '' || url.password !== '') return { messageKey: 'communityconfig-error-url-userinfo', params: { value, host: url.hostname } };
  if (mixesScripts(url.hostname)) return { messageKey: 'communityconfig-error-url-mixed-script', params: { value, punycode: url.hostname } };
  return null;
}
