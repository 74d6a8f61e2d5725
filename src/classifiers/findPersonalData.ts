/**
 * Finds personal data written out in a comment: phone numbers and identity numbers (CPF, US social security numbers,
 * Korean resident registration numbers, Indonesian NIK). Used on the reported comment only: a reporter may well give
 * their own number. Every pattern has fixed or bounded repetitions, so the scan is linear in the text's length.
 */
import { foldText, maxClassifiedChars } from './normalise.js';

export interface PersonalData {
  kind: 'phone-number' | 'identity-number';
  /** The number with all but its last two digits hidden: the signal explains itself without repeating the data. */
  masked: string;
}

const identityPatterns: RegExp[] = [
  /(?<![\d.-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d-])/gu, // CPF
  /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/gu, // US SSN
  /(?<![\d-])\d{6}-[1-8]\d{6}(?![\d-])/gu, // Korean RRN
  /(?<![\d])\d{16}(?!\d)/gu, // Indonesian NIK
];

// A run that starts with +, ( or a digit and holds digits and single separators; bounded, so no backtracking blow-up.
const phoneCandidate = /(?<![\p{L}\p{N}=/#:_-])(?:\+|\()?\d[\d ().-]{7,22}\d(?![\p{L}\p{N}])/gu;

function mask(s: string): string {
  const digits = [...s].filter((c) => c >= '0' && c <= '9').length;
  let seen = 0;
  let out = '';
  for (const c of s) {
    if (c >= '0' && c <= '9') out += ++seen > digits - 2 ? c : '•';
    else out += c;
  }
  return out;
}

function looksLikePhone(run: string, before: string): boolean {
  const digits = run.replace(/\D/gu, '');
  if (digits.length < 9 || digits.length > 15) return false;
  if (/[ ().-]{3}/u.test(run)) return false;
  if (/isbn[\s:-]*$/u.test(before) || /(?:oldid|diff|rev|revid|curid|pageid|id)[\s:=]*$/u.test(before)) return false;
  const groups = run.split(/[ ().-]+/u).filter((g) => g !== '');
  // A list of years or a date range is not a phone number.
  if (groups.every((g) => /^(?:1[89]|20)\d{2}$/u.test(g))) return false;
  if (new Set(digits).size <= 2) return false;
  return run.startsWith('+') || run.startsWith('(') || run.startsWith('0') || /[-.()]/u.test(run) || digits.length >= 10;
}

/** Fewer ASCII digits than the shortest number found here has: an ASCII text without them needs no scan. */
function tooFewDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return false; // NFKC may make digits of other characters (fullwidth, superscript)
    if (c >= 48 && c <= 57 && ++digits >= 9) return false;
  }
  return true;
}

export function findPersonalData(text: string): PersonalData[] {
  if (tooFewDigits(text)) return [];
  const source = foldText(text.length > maxClassifiedChars ? text.slice(0, maxClassifiedChars) : text);
  const found: PersonalData[] = [];
  const taken: [number, number][] = [];
  for (const re of identityPatterns) {
    for (const m of source.matchAll(re)) {
      found.push({ kind: 'identity-number', masked: mask(m[0]) });
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  for (const m of source.matchAll(phoneCandidate)) {
    const run = m[0].trim();
    if (taken.some(([a, b]) => m.index < b && a < m.index + m[0].length)) continue;
    if (looksLikePhone(run, source.slice(Math.max(0, m.index - 12), m.index))) found.push({ kind: 'phone-number', masked: mask(run) });
    if (found.length >= 20) break;
  }
  return found;
}
