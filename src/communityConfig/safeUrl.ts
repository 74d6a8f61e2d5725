/**
 * Whether an https address in the community configuration leads where it reads: no user name before "@"
 * (https://trusted.org@evil.example/ goes to evil.example), and no host name whose labels mix alphabets, or pass
 * for Latin ones, as look-alike (homoglyph) domains do; such a host is shown in its punycode form, the name it
 * really has (#16).
 */
import { domainToUnicode } from 'node:url';

export type UrlProblem = { messageKey: string; params: Record<string, unknown> };

/** The problems of an address that leads elsewhere than it reads. */
export const LOOKALIKE_PROBLEMS = ['communityconfig-error-url-userinfo', 'communityconfig-error-url-mixed-script', 'communityconfig-error-url-lookalike'];

// Letters of other scripts that pass for Latin ones (as in UTS #39's confusables): a label written only in them,
// under a Latin top-level domain, reads as a Latin name it is not ("аррӏе.com" in Cyrillic).
const LATIN_LOOKALIKES: Record<string, string> = {
  Cyrillic: 'аbвеһіјкӏмнорԛѕтуԝхъьҽпгѵѡзсԁ',
  Greek: 'αβεικνορτυχωϲ',
  Armenian: 'օսցհոզ',
};
// Latin letters that pass for other Latin letters: dotless i, a dental click for l, small capitals, script g.
const LATIN_IMPOSTORS = /[\u0131\u0237\u01c0\u0251\u0261\u0269\u026a\u029f\u0274\u0280\u1d00-\u1d22\ua731]/u;

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
    // Marks shared by several scripts (the Japanese long-vowel mark, digits, hyphens) belong to none of them.
    if (!/\p{L}/u.test(ch) || /[\p{Script=Common}\p{Script=Inherited}]/u.test(ch)) continue;
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

/**
 * True when a label reads as a Latin name it is not: written only in another script's Latin look-alikes under a
 * top-level domain in Latin letters, or with a Latin letter that passes for another (a dotless i, a small capital).
 */
export function looksLikeLatin(asciiHost: string): boolean {
  const labels = asciiHost.split('.').map((label) => domainToUnicode(label) || label);
  const tld = labels.at(-1) ?? '';
  const latinTld = /^[a-z0-9-]+$/.test(tld);
  return labels.some((label) => {
    if (LATIN_IMPOSTORS.test(label)) return true;
    const used = [...scriptsOf(label)];
    if (!latinTld || used.length !== 1 || !(used[0]! in LATIN_LOOKALIKES)) return false;
    const letters = [...label].filter((ch) => /\p{L}/u.test(ch));
    return letters.length > 0 && letters.every((ch) => LATIN_LOOKALIKES[used[0]!]!.includes(ch.toLowerCase()));
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
  if (looksLikeLatin(url.hostname)) return { messageKey: 'communityconfig-error-url-lookalike', params: { value, punycode: url.hostname } };
  return null;
}
