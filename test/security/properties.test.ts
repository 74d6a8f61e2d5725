// Property tests (fast-check) of the parsers that meet untrusted input first: the report body's schema and its
// problem list, the strict JSON reader of admin edits, the title parser, the wikitext reader and, when the
// module is there, the text classifiers. None may throw on any input; what they say must stay meaningful
// (every problem names a field; strict JSON agrees with JSON.parse wherever both read a document).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictJson } from '../../src/shared/strictJson.js';
import { bodyProblems, MAX_REPORTED_USER_LENGTH, ReportBodySchema } from '../../src/reporting/reportSchemas.js';
import { behaviorTypes, incidentTypes, physicalHarmTypes } from '../../src/taxonomy/taxonomy.js';
import { Namespaces } from '../../src/wiki/namespaces.js';
import { parseTitle } from '../../src/wiki/Title.js';
import { parseWikitext } from '../../src/wiki/wikitext.js';

const RUNS = { numRuns: 300 };
const namespaces = new Namespaces('Demo Wiki');

/** Characters that have bitten parsers: zero-width, bidi controls, BOM, combining marks, astral, NUL, lone surrogates. */
const TRICKY = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202E', '\u202D', '\u200E', '\u200F', '\u0301', '\u{1F600}', '\u0000', '\u007F', '\uD800', '\uDFFF', '\uFFFD', '\uFFFE', '\u00A0', '\u3000', '\r', '\n', '\t', '＜', '＞'];

/** Unicode strings with the tricky characters spliced in often (plain fullUnicodeString rarely draws them). */
const unicodeText = (maxLength: number) =>
  fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.fullUnicodeString({ maxLength: 20 }) }, { weight: 2, arbitrary: fc.constantFrom(...TRICKY) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), { maxLength: Math.max(1, Math.ceil(maxLength / 8)) })
    .map((parts) => parts.join('').slice(0, maxLength));

const FIELDS = ['revisionId', 'page', 'threadId', 'reportedUser', 'incidentType', 'physicalHarmType', 'behaviorType', 'about', 'details', 'somethingElseDetails', 'directReport', 'token'] as const;

/** Any value a JSON body can hold, and a little more (what a buggy client could hand over). */
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.fullUnicodeString({ maxLength: 1200 }), unicodeText(1200), fc.integer(), fc.double(), fc.constant(undefined), fc.constant(null));

/** A value that is often right for the field, often nearly right (a wrong enum value, an overlong string). */
function fieldValue(field: (typeof FIELDS)[number]): fc.Arbitrary<unknown> {
  const enumOf = (values: readonly string[]) => fc.oneof(fc.constantFrom(...values), fc.fullUnicodeString({ maxLength: 30 }), anyValue);
  switch (field) {
    case 'revisionId':
      return fc.oneof(fc.nat(), fc.integer({ min: -5, max: 5 }), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 2), fc.string(), anyValue);
    case 'incidentType':
      return enumOf(incidentTypes);
    case 'physicalHarmType':
      return enumOf(physicalHarmTypes);
    case 'behaviorType':
      return enumOf(behaviorTypes);
    case 'about':
      return enumOf(['self', 'someone-else']);
    case 'reportedUser':
      return fc.oneof(unicodeText(MAX_REPORTED_USER_LENGTH + 20), anyValue);
    default:
      return fc.oneof(unicodeText(1100), fc.fullUnicodeString({ maxLength: 1100 }), anyValue);
  }
}

/** A body with some of the known fields (arbitrary values) and sometimes unknown ones. */
const bodyLike = fc
  .tuple(
    fc.record(Object.fromEntries(FIELDS.map((f) => [f, fieldValue(f)])) as Record<(typeof FIELDS)[number], fc.Arbitrary<unknown>>, { requiredKeys: [] }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'toString', '', ' token')), anyValue, { maxKeys: 3 }),
    fc.boolean(),
  )
  .map(([known, extra, withExtra]) => (withExtra ? { ...extra, ...known } : known) as Record<string, unknown>);

/** Runs the schema and the problem list together, as the REST handler and the no-JavaScript forms do. */
function check(body: unknown) {
  const parsed = ReportBodySchema.safeParse(body);
  return { parsed, problems: parsed.success ? [] : bodyProblems(parsed.error, body) };
}

describe('ReportBodySchema and bodyProblems', () => {
  it('when the body is any JSON value at all, then neither throws and a refused body has at least one problem', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        const { parsed, problems } = check(body);
        expect(Array.isArray(problems)).toBe(true);
        if (!parsed.success) expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) expect(p.messageKey).toMatch(/^reportincident-error-/);
      }),
      RUNS,
    );
  });

  it('when the body is an object with the known fields holding arbitrary values, then every problem names a field of the body or of the schema', () => {
    fc.assert(
      fc.property(bodyLike, (body) => {
        const { parsed, problems } = check(body);
        if (parsed.success) {
          expect(problems).toEqual([]);
          return;
        }
        expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) {
          // An unknown key is named as it is (even ""); every other problem is about a field of the schema.
          if (p.messageKey !== 'reportincident-error-unknown-field') expect(FIELDS as readonly string[], JSON.stringify(p)).toContain(p.field);
          expect([...FIELDS, ...Object.keys(body)], JSON.stringify(p)).toContain(p.field);
          expect(p.messageKey).toMatch(/^reportincident-error-/);
          expect(p.params).toBeTypeOf('object');
        }
      }),
      RUNS,
    );
  });

  it('when the text fields hold any Unicode (zero-width, bidi, astral, controls), then a valid body is accepted or each problem names that field', () => {
    const textField = fc.constantFrom('details', 'somethingElseDetails', 'directReport', 'reportedUser', 'threadId', 'page');
    fc.assert(
      fc.property(textField, fc.oneof(fc.fullUnicodeString({ maxLength: 1100, size: 'max' }), unicodeText(1100)), (field, text) => {
        const body = { revisionId: 1, incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', token: 't', [field]: text };
        const { parsed, problems } = check(body);
        if (!parsed.success) {
          expect(problems.map((p) => p.field)).toEqual(problems.map(() => field));
          expect(problems.map((p) => p.messageKey).every((k) => ['reportincident-error-too-long', 'reportincident-error-control-characters', 'reportincident-error-invalid-field'].includes(k))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('when the input is not JSON at all (anything fast-check makes), then neither throws', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true, maxDepth: 2 }), (body) => {
        expect(() => check(body)).not.toThrow();
      }),
      RUNS,
    );
  });
});

describe('parseStrictJson', () => {
  const LIMIT = 10 * 1024 * 1024;

  it('when the text is any string, then it never throws, and what it reads JSON.parse reads the same', () => {
    fc.assert(
      fc.property(fc.oneof(fc.fullUnicodeString({ maxLength: 200 }), unicodeText(200), fc.json({ maxDepth: 4 })), (text) => {
        const r = parseStrictJson(text, LIMIT);
        let native: { ok: true; value: unknown } | { ok: false };
        try {
          native = { ok: true, value: JSON.parse(text) };
        } catch {
          native = { ok: false };
        }
        if (r.ok) {
          expect(native.ok, `JSON.parse refuses what the strict reader read: ${JSON.stringify(text)}`).toBe(true);
          expect(r.value).toStrictEqual((native as { value: unknown }).value);
        } else {
          expect(r.problem.line).toBeGreaterThanOrEqual(1);
          expect(r.problem.column).toBeGreaterThanOrEqual(1);
          expect(r.problem.pointer === '' || r.problem.pointer.startsWith('/')).toBe(true);
          expect(r.problem.messageKey).toMatch(/^communityconfig-error-/);
        }
      }),
      RUNS,
    );
  });

  it('when the text is valid JSON without duplicate or reserved keys (any spacing), then it reads exactly what JSON.parse reads', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), fc.constantFrom(undefined, 0, 1, 2, '\t', ' \r\n'), (value, space) => {
        // Keys named like inherited properties are refused on purpose (#16), with their own test.
        if (/"(__proto__|constructor|prototype)":/.test(JSON.stringify(value))) return;
        // JSON.stringify writes each key once, so the document has no duplicate keys.
        const text = space === ' \r\n' ? JSON.stringify(value).replace(/([,:[{])/g, '$1 \r\n') : JSON.stringify(value, null, space);
        // The replace above may touch punctuation inside strings: only documents JSON.parse still reads count.
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          return;
        }
        const r = parseStrictJson(text, LIMIT);
        expect(r.ok, JSON.stringify(r)).toBe(true);
        if (r.ok) expect(r.value).toStrictEqual(expected);
      }),
      RUNS,
    );
  });

  it('when valid JSON is damaged by one edit, then it never throws and never reads something JSON.parse refuses', () => {
    const damaged = fc.tuple(fc.json({ maxDepth: 4 }), fc.nat(), fc.constantFrom('delete', 'insert', 'duplicate'), fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '\\', '\u0000', '\n', 'e', '-', '0', '\uD800', '\u2028')).map(([json, at, op, ch]) => {
      const i = json.length ? at % json.length : 0;
      if (op === 'delete') return json.slice(0, i) + json.slice(i + 1);
      if (op === 'insert') return json.slice(0, i) + ch + json.slice(i);
      return json.slice(0, i) + json.slice(0, i) + json.slice(i);
    });
    fc.assert(
      fc.property(damaged, (text) => {
        const r = parseStrictJson(text, LIMIT);
        if (r.ok) expect(() => JSON.parse(text)).not.toThrow();
      }),
      RUNS,
    );
  });
});

describe('parseTitle', () => {
  const titleLike = fc
    .array(fc.oneof(fc.constantFrom('Talk', 'User', 'User talk', 'Special', 'Demo Wiki', 'MediaWiki', 'Project', ':', '::', '_', ' ', '/', '.', '..', '~~~', '#', '%41', '&amp;', 'a', 'É', 'ß', 'ǆ'), fc.constantFrom(...TRICKY), fc.fullUnicodeString({ maxLength: 8 })), { maxLength: 30 })
    .map((parts) => parts.join(''));

  it('when the input is any string, with any default namespace, then it never throws and a title it gives is one it reads again the same', () => {
    fc.assert(
      fc.property(fc.oneof(titleLike, fc.fullUnicodeString({ maxLength: 400, size: 'max' }), unicodeText(400)), fc.constantFrom(0, 1, 2, 3, 4, -1, 8), (input, ns) => {
        const r = parseTitle(input, namespaces, ns);
        if (!r.ok) {
          expect(r.messageKey).toMatch(/^title-invalid-/);
          return;
        }
        const again = parseTitle(r.value.prefixedText, namespaces);
        expect(again.ok, `${JSON.stringify(input)} → ${JSON.stringify(r.value.prefixedText)}`).toBe(true);
        if (again.ok) expect(again.value.prefixedText).toBe(r.value.prefixedText);
      }),
      RUNS,
    );
  });
});

describe('parseWikitext', () => {
  const wikiLike = fc
    .array(fc.oneof(fc.constantFrom('[[', ']]', '|', '==', '=', '*', '\n', '\r\n', ' ', ':', '#', 'a', '[', ']', 'Talk:', '\n\n', '== x ==\n', '* item\n'), fc.constantFrom(...TRICKY), fc.fullUnicodeString({ maxLength: 12 })), { maxLength: 2000, size: 'max' })
    .map((parts) => parts.join('').slice(0, 10_000));

  it('when the text is any string up to 10,000 characters, then it never throws and gives blocks', () => {
    fc.assert(
      fc.property(fc.oneof(wikiLike, fc.fullUnicodeString({ maxLength: 10_000, size: 'max' }).map((s) => s.slice(0, 10_000)), fc.string({ maxLength: 10_000, size: 'max' })), (text) => {
        const blocks = parseWikitext(text, namespaces);
        expect(Array.isArray(blocks)).toBe(true);
      }),
      RUNS,
    );
  });
});

/** The classifiers' functions, loosely typed: the module is written by another change and may not be there yet. */
interface Classifiers {
  classifyText(text: string, lang?: string | null): { emergency: boolean; signals: { match: string }[] };
  classifyEmergency(input: Record<string, unknown>): { emergency: boolean; signals: { match: string }[] };
  classifyNonEmergency(input: Record<string, unknown>): { route: string; signals: { match: string }[] };
}

// A specifier in a variable: TypeScript and Vite leave it alone, so this file runs without the module.
const CLASSIFIERS = '../../src/classifiers/index.js';
const classifiers = (await import(/* @vite-ignore */ CLASSIFIERS).catch(() => null)) as Classifiers | null;

describe.skipIf(classifiers === null)('the classifiers (src/classifiers/index.ts)', () => {
  const WORDS = ['kill', 'yourself', 'bomb', 'address', 'phone', '+1 555 0100', 'I will find you', 'matar', 'töten', '죽', 'вбити', 'suicide', 'k\u200Bi\u200Dll', 'ki\u00ADll', 'Ｋｉｌｌ', '\u202Ellik'];
  const text = fc.oneof(
    fc.fullUnicodeString({ maxLength: 2000, size: 'max' }),
    unicodeText(2000),
    fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...TRICKY), fc.constantFrom(' ', '.', '!', '\n')), { maxLength: 200 }).map((p) => p.join('')),
  );
  const language = fc.oneof(fc.constantFrom(null, undefined, '', 'en', 'de', 'pt-br', 'ko', 'uk', 'qqx', 'xx', 'EN', 'zh-hant'), fc.string({ maxLength: 12 }));
  const input = fc.record({
    incidentType: fc.constantFrom(null, ...incidentTypes),
    physicalHarmType: fc.constantFrom(null, ...physicalHarmTypes),
    behaviorType: fc.constantFrom(null, ...behaviorTypes),
    texts: fc.array(text, { maxLength: 4 }),
    snapshot: fc.option(text),
    language,
    directReportAvailable: fc.boolean(),
  });

  it('when classifyText is given any Unicode text and language, then it never throws and gives signals', () => {
    fc.assert(
      fc.property(text, language, (t, lang) => {
        const v = classifiers!.classifyText(t, lang);
        expect(typeof v.emergency).toBe('boolean');
        expect(Array.isArray(v.signals)).toBe(true);
      }),
      RUNS,
    );
  });

  it('when classifyEmergency and classifyNonEmergency are given any report, then neither throws', () => {
    fc.assert(
      fc.property(input, (i) => {
        const e = classifiers!.classifyEmergency(i);
        expect(typeof e.emergency).toBe('boolean');
        const n = classifiers!.classifyNonEmergency(i);
        expect(['support', 'direct']).toContain(n.route);
        for (const s of [...e.signals, ...n.signals]) expect(typeof s.match).toBe('string');
      }),
      RUNS,
    );
  });
});
