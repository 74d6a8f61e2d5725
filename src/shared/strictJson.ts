/**
 * A strict JSON reader for admin edits: the same grammar as JSON.parse, but it refuses duplicate keys
 * and says where each problem is (line, column, and the JSON pointer of the place).
 */
import { RESERVED_KEYS } from './reservedKeys.js';

export interface JsonProblem {
  messageKey: string;
  params: Record<string, unknown>;
  /** JSON pointer of the place, as /ReportIncident_NonEmergency_Spam_HelpMethod/Email. */
  pointer: string;
  line: number;
  column: number;
}

export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

const MAX_DEPTH = 64;
// Sticky, so it matches at the current position of the whole text, however long the number.
const literalPattern = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function pointerOf(path: (string | number)[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function parseStrictJson(text: string, maxBytes: number): StrictJsonResult {
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    return { ok: false, problem: { messageKey: 'communityconfig-error-too-large', params: { max: Math.round(maxBytes / 1024) }, pointer: '', line: 1, column: 1 } };
  }
  let i = 0;
  const path: (string | number)[] = [];

  class Stop extends Error {
    constructor(readonly problem: JsonProblem) {
      super(problem.messageKey);
    }
  }
  const where = (at: number) => {
    let line = 1;
    let column = 1;
    for (let k = 0; k < at && k < text.length; k++) {
      if (text[k] === '\n') {
        line++;
        column = 1;
      } else column++;
    }
    return { line, column };
  };
  const fail = (messageKey: string, params: Record<string, unknown> = {}, at = i): never => {
    throw new Stop({ messageKey, params, pointer: pointerOf(path), ...where(at) });
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  /** Characters a person cannot see: pasted from a web page or a word processor. */
  const INVISIBLE = /^[\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]$/u;
  const CURLY_QUOTES = new Set(['\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '\u2018', '\u2019']);
  /** Problems any position shares, in plain words: what was found there and how to mend it. */
  const common = (found: string | undefined): never | void => {
    if (found === undefined) return;
    if (INVISIBLE.test(found)) fail('communityconfig-error-json-invisible', { code: 'U+' + found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') });
    if (CURLY_QUOTES.has(found)) fail('communityconfig-error-json-curly-quote', { found });
    if (found === "'") fail('communityconfig-error-json-single-quote');
    if (found === '/' || found === '#') fail('communityconfig-error-json-comment');
  };
  /** After an entry of an object or list: a comma, or the closing bracket. */
  const close = (open: '{' | '[') => {
    const closing = open === '{' ? '}' : ']';
    const found = text[i];
    if (found === closing) {
      i++;
      return;
    }
    if (found === undefined) fail('communityconfig-error-json-unclosed', { open, close: closing });
    common(found);
    if (found === '}' || found === ']') fail('communityconfig-error-json-wrong-bracket', { found, open, close: closing });
    if (/[0-9.eExX+-]/.test(found!) && /[0-9]/.test(text[i - 1] ?? '')) fail('communityconfig-error-json-number');
    if (found === '"' || found === '{' || found === '[' || /[\p{L}\p{N}]/u.test(found!)) fail('communityconfig-error-json-missing-comma');
    fail('communityconfig-error-json-unexpected', { found });
  };

  const string = (): string => {
    i++; // the opening quotation mark
    let out = '';
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail('communityconfig-error-json-unterminated-string');
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch! < ' ') fail('communityconfig-error-json-control-character');
      if (ch === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('communityconfig-error-json-bad-escape');
      } else {
        out += ch;
        i++;
      }
    }
  };

  /** The last character before the current position that is not white space. */
  const lastNonSpace = () => {
    let k = i - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '\n' || text[k] === '\r')) k--;
    return text[k] ?? '';
  };

  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail('communityconfig-error-json-too-deep');
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      const obj: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return { ...obj };
      }
      for (;;) {
        ws();
        const keyAt = i;
        if (text[i] !== '"') {
          if (text[i] === '}') fail('communityconfig-error-json-trailing-comma', { found: '}' });
          if (text[i] === undefined) fail('communityconfig-error-json-unclosed', { open: '{', close: '}' });
          common(text[i]);
          fail('communityconfig-error-json-unquoted-name');
        }
        const key = string();
        if (seen.has(key)) {
          path.push(key);
          fail('communityconfig-error-json-duplicate-key', { key }, keyAt);
        }
        if (RESERVED_KEYS.has(key)) {
          path.push(key);
          fail('communityconfig-error-json-reserved-key', { key }, keyAt);
        }
        seen.add(key);
        ws();
        if (text[i] !== ':') {
          common(text[i]);
          fail('communityconfig-error-json-missing-colon', { key });
        }
        i++;
        path.push(key);
        obj[key] = value(depth + 1);
        path.pop();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        close('{');
        return { ...obj };
      }
    }
    if (ch === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        ws();
        if (text[i] === '}') fail('communityconfig-error-json-wrong-bracket', { found: '}', open: '[', close: ']' });
        path.push(arr.length);
        arr.push(value(depth + 1));
        path.pop();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        close('[');
        return arr;
      }
    }
    if (ch === '"') return string();
    literalPattern.lastIndex = i;
    const literal = literalPattern.exec(text);
    if (!literal) {
      if (ch === undefined) fail('communityconfig-error-json-unexpected-end');
      common(ch);
      const before = path.length > 0 ? lastNonSpace() : '';
      if ((ch === ']' || ch === '}') && before === ',') fail('communityconfig-error-json-trailing-comma', { found: ch });
      if (ch === ',' || ch === '}' || ch === ']') fail('communityconfig-error-json-missing-value');
      if (/[0-9.+-]/.test(ch!)) fail('communityconfig-error-json-number');
      fail('communityconfig-error-json-bad-value');
    }
    i += literal![0].length;
    const word = literal![0];
    return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
  };

  try {
    const result = value(0);
    ws();
    if (i < text.length) {
      if (/[0-9.eE+-]/.test(text[i]!) && /[0-9]/.test(text[i - 1] ?? '')) fail('communityconfig-error-json-number');
      common(text[i]);
      fail('communityconfig-error-json-trailing');
    }
    return { ok: true, value: result };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, problem: e.problem };
    throw e;
  }
}
