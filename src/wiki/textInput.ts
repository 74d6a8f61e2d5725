/** Cleaning and checking text that people type into the wiki: line ends, Unicode form, length in code points. */
import type { Result } from '../shared/Result.js';
import { err, ok } from '../shared/Result.js';

// C0 and C1 controls other than tab and newline, and the Unicode non-characters U+FFFE/U+FFFF.
const forbidden = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/;

export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Normalises typed text (CR LF to LF, NFC, trimmed) and checks it. `field` names the message keys:
 * `<field>-empty`, `<field>-too-long`, `<field>-control-characters`.
 */
export function cleanText(raw: unknown, field: string, maxCodePoints: number, singleLine = false): Result<string> {
  const s = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n').normalize('NFC').trim() : '';
  // (#16) Text of nothing but direction and zero-width marks shows nothing: it is as empty as no text.
  if (s.replace(/[\p{Cf}\s]/gu, '') === '') return err(`${field}-empty`);
  // (#16) Half of a UTF-16 pair cannot be stored as UTF-8: refused like the controls, not turned into U+FFFD.
  if (forbidden.test(s) || /\p{Cs}/u.test(s) || (singleLine && s.includes('\n'))) return err(`${field}-control-characters`);
  const length = codePointLength(s);
  if (length > maxCodePoints) return err(`${field}-too-long`, { max: maxCodePoints, count: length });
  return ok(s);
}
