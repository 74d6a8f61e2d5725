// Checks of the message files in the spirit of MediaWiki's banana-checker: en.json and qqq.json agree, translations use
// only the English parameters, every key used in src/ and views/ exists, and every English key is used.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/container.js';
import { behaviorTypes, physicalHarmTypes } from '../../src/taxonomy/taxonomy.js';
import { named } from '../support/named.js';

type MessageFile = Record<string, string>;

const localesDir = path.join(projectRoot, 'locales');
const readLocale = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(localesDir, file), 'utf8')) as Record<string, unknown>;
function messagesOf(raw: Record<string, unknown>): MessageFile {
  const { '@metadata': _metadata, ...rest } = raw;
  return rest as MessageFile;
}

const localeFiles = readdirSync(localesDir).filter((f) => f.endsWith('.json')).sort();
const en = messagesOf(readLocale('en.json'));
const qqq = messagesOf(readLocale('qqq.json'));
/** Every other file is a translation. */
const translations = localeFiles.filter((f) => f !== 'en.json' && f !== 'qqq.json').map((f) => ({ lang: f.slice(0, -5), messages: messagesOf(readLocale(f)) }));

// ---- helpers, tested below against made-up messages too ----

/** i18next's plural suffixes (Intl.PluralRules categories). */
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(pluralSuffix, '');

/** The {{param}} names in a message (i18next interpolation, also {{param, format}}). */
function paramsOf(message: string): Set<string> {
  return new Set([...message.matchAll(/\{\{\s*([^{}\s,]+)\s*(?:,[^{}]*)?\}\}/g)].map((m) => m[1]!));
}

/** The English messages a key may correspond to: itself, or any plural variant of its base key. */
function englishVariants(english: MessageFile, key: string): string[] {
  const base = baseKey(key);
  return Object.keys(english).filter((k) => k === key || baseKey(k) === base);
}

/** Whether a key, as written in code, names an English message (a plural base key counts). */
function existsInEnglish(english: MessageFile, key: string): boolean {
  return key in english || Object.keys(english).some((k) => pluralSuffix.test(k) && baseKey(k) === key);
}

/** Translation problems: unknown keys, blank messages, and parameters that the English message lacks. */
function translationProblems(english: MessageFile, translation: MessageFile, lang: string): string[] {
  const problems: string[] = [];
  for (const [key, message] of Object.entries(translation)) {
    const variants = englishVariants(english, key);
    if (variants.length === 0) {
      problems.push(`${lang}: ${key}: not an English key`);
      continue;
    }
    if (typeof message !== 'string' || message.trim() === '') {
      problems.push(`${lang}: ${key}: blank translation`);
      continue;
    }
    const allowed = new Set(variants.flatMap((k) => [...paramsOf(english[k]!)]));
    for (const p of paramsOf(message)) if (!allowed.has(p)) problems.push(`${lang}: ${key}: {{${p}}} is not a parameter of the English message`);
  }
  return problems;
}

// ---- the source files ----

function filesUnder(dir: string, extensions: string[]): string[] {
  return (readdirSync(path.join(projectRoot, dir), { recursive: true }) as string[])
    .filter((f) => extensions.some((e) => f.endsWith(e)))
    .map((f) => path.join(dir, f))
    .sort();
}
const sources = [...filesUnder('src', ['.ts']), ...filesUnder('views', ['.ejs', '.js'])].map((file) => ({
  file,
  text: readFileSync(path.join(projectRoot, file), 'utf8'),
}));
const sourceText = (file: string) => sources.find((s) => s.file === file)?.text ?? '';

const KEY = String.raw`([a-z][a-z0-9_-]*)`;
const Q = String.raw`(?:'${KEY}'|"${KEY}"|\`${KEY}\`)`;
/** Any quoted string, not captured: for arguments that are not keys. */
const QS = String.raw`(?:'[^'\n]*'|"[^"\n]*"|\`[^\`\n]*\`)`;
const literalKeys = (s: string) => [...s.matchAll(new RegExp(Q, 'g'))].map((m) => (m[1] ?? m[2] ?? m[3])!);
const T_CALL = String.raw`\b(?:t|tHtml|en|contentT|t0)\(`;

/** Where code names message keys literally. Each pattern's captured text is searched for quoted keys. */
const keyPatterns: { name: string; re: RegExp; valuesOnly?: boolean }[] = [
  { name: "t('key') and its kin tHtml, en, contentT, t0", re: new RegExp(String.raw`${T_CALL}\s*(${Q})`, 'g') },
  { name: "t(cond ? 'a' : 'b')", re: new RegExp(String.raw`${T_CALL}[^,()]*?\?\s*(${Q}\s*:\s*${Q})`, 'g') },
  {
    name: "messageKey/labelKey/titleKey/saved: 'key' (or: cond ? 'key')",
    re: new RegExp(String.raw`\b(?:messageKey|labelKey|titleKey|headingKey|saved)\s*:\s*(?:[^?\n]*?\?\s*)?(${Q})`, 'g'),
  },
  { name: "messageKey === 'key'", re: new RegExp(String.raw`\bmessageKey\s*===?\s*(${Q})`, 'g') },
  { name: "err('key')", re: new RegExp(String.raw`\berr\(\s*(${Q})`, 'g') },
  { name: "new AppError(status, 'key')", re: new RegExp(String.raw`\bnew AppError\(\s*[\w.?]+\s*,\s*(${Q})`, 'g') },
  { name: "new ApiError('code', 'key')", re: new RegExp(String.raw`\bnew ApiError\(\s*${QS}\s*,\s*(${Q})`, 'g') },
  { name: "notFound('key'), forbidden('key'), badRequest('key')", re: new RegExp(String.raw`\b(?:notFound|forbidden|badRequest)\(\s*(${Q})`, 'g') },
  { name: "(key = 'default-key')", re: new RegExp(String.raw`\(key\s*=\s*(${Q})`, 'g') },
  { name: "warn('module', 'key')", re: new RegExp(String.raw`\bwarn\(\s*${QS}\s*,\s*(${Q})`, 'g') },
  { name: "return 'a-message-key'; (functions that answer with a key, such as userNameProblem)", re: new RegExp(String.raw`\breturn\s+('[a-z][a-z0-9]*(?:-[a-z0-9]+)+');`, 'g') },
  { name: 'const fooKey: Record<…> = { …: \'key\' } (tables of keys)', re: /\bconst \w*Key\w*\s*:\s*Record<[^>]*>\s*=\s*\{([^}]*)\}/g, valuesOnly: true },
  { name: "type FooProblem = 'a' | 'b' (unions of keys)", re: /\btype \w*(?:Problem|Key)\s*=([^;]*);/g },
  { name: "const fooKey = cond ? 'a' : 'b'; (keys chosen in an expression)", re: /\bconst \w+Key\s*=([^;\n]*)/g },
];

type Use = { key: string; file: string; pattern: string };
function collectKeyUses(files: { file: string; text: string }[]): Use[] {
  const uses: Use[] = [];
  for (const { file, text } of files) {
    for (const { name, re, valuesOnly } of keyPatterns) {
      for (const m of text.matchAll(re)) {
        // In a table, the property names are not keys; only what follows a colon is.
        const captured = valuesOnly ? [...(m[1] ?? '').matchAll(new RegExp(String.raw`:\s*(${Q})`, 'g'))].map((v) => v[1]!).join(' ') : (m[1] ?? '');
        for (const key of literalKeys(captured)) uses.push({ key, file, pattern: name });
      }
    }
  }
  return uses;
}
const uses = collectKeyUses(sources);

/**
 * Keys that code builds at run time and never writes out whole. Each entry names where the keys are made and
 * patterns that must still match there, so the list cannot silently go stale.
 */
const dynamicKeys: {
  why: string;
  /** Keys that must exist in en.json. */
  keys: string[];
  /** Keys the code may build for some values only (so en.json need not have all), still counted as used. */
  optional?: string[];
  evidence: { file: string; re: RegExp }[];
}[] = [
  {
    why: 'cleanText(raw, field, …) in src/wiki/textInput.ts answers `${field}-empty`, `${field}-too-long` and `${field}-control-characters`; src/talk/TalkPageService.ts passes the fields talk-error-comment and talk-error-heading, src/cases/CaseService.ts reportincident-case-text',
    keys: ['talk-error-comment', 'talk-error-heading', 'reportincident-case-text'].flatMap((field) => ['empty', 'too-long', 'control-characters'].map((what) => `${field}-${what}`)),
    evidence: [
      { file: 'src/wiki/textInput.ts', re: /err\(`\$\{field\}-empty`\)/ },
      { file: 'src/wiki/textInput.ts', re: /err\(`\$\{field\}-too-long`/ },
      { file: 'src/wiki/textInput.ts', re: /err\(`\$\{field\}-control-characters`\)/ },
      { file: 'src/talk/TalkPageService.ts', re: /cleanText\([^)]*'talk-error-comment'/ },
      { file: 'src/talk/TalkPageService.ts', re: /cleanText\([^)]*'talk-error-heading'/ },
      { file: 'src/cases/CaseService.ts', re: /cleanText\([^)]*'reportincident-case-text'/ },
    ],
  },
  {
    why: 'the error handler (src/http/errorHandler.ts) picks the page heading from the status: badtitle for title-invalid-*, else app-error-4xx/500-title',
    keys: ['badtitle', 'app-error-400-title', 'app-error-403-title', 'app-error-404-title', 'app-error-500-title'],
    evidence: [
      { file: 'src/http/errorHandler.ts', re: /headingKey = badTitle \? 'badtitle'/ },
      { file: 'src/http/errorHandler.ts', re: /t\(headingKey\)/ },
    ],
  },
  {
    // Added for the ReportIncident taxonomy, which was being written (uncommitted) when this list was made.
    why: 'src/taxonomy/taxonomy.ts builds reportincident-behavior-<type>[-help], reportincident-support-<type>-nextstep[-link], reportincident-support-<type>-warning and reportincident-harm-<harm>[-example] from behaviorTypes and physicalHarmTypes',
    keys: [
      ...behaviorTypes.flatMap((t) => [`reportincident-behavior-${t}`, `reportincident-behavior-${t}-help`, `reportincident-support-${t}-nextstep`]),
      ...physicalHarmTypes.flatMap((h) => [`reportincident-harm-${h}`, `reportincident-harm-${h}-example`]),
    ],
    // Only the types with a link or a warning in behaviorDefinitions have these.
    optional: behaviorTypes.flatMap((t) => [`reportincident-support-${t}-nextstep-link`, `reportincident-support-${t}-warning`]),
    evidence: [
      { file: 'src/taxonomy/taxonomy.ts', re: /`reportincident-behavior-\$\{t\}`/ },
      { file: 'src/taxonomy/taxonomy.ts', re: /`reportincident-behavior-\$\{t\}-help`/ },
      { file: 'src/taxonomy/taxonomy.ts', re: /`reportincident-support-\$\{t\}-nextstep\$\{linked \? '-link' : ''\}`/ },
      { file: 'src/taxonomy/taxonomy.ts', re: /`reportincident-support-\$\{t\}-warning`/ },
      { file: 'src/taxonomy/taxonomy.ts', re: /`reportincident-harm-\$\{h\}`/ },
      { file: 'src/taxonomy/taxonomy.ts', re: /`reportincident-harm-\$\{h\}-example`/ },
    ],
  },
];
const dynamic = new Set(dynamicKeys.flatMap((d) => [...d.keys, ...(d.optional ?? [])]));

// ---- the checks ----

describe('en.json and qqq.json', () => {
  it('when the English keys are compared with qqq.json, then every key is documented', () => {
    expect(Object.keys(en).filter((k) => !(k in qqq))).toEqual([]);
  });

  it('when the qqq.json keys are compared with English, then qqq.json documents no key English lacks', () => {
    expect(Object.keys(qqq).filter((k) => !(k in en))).toEqual([]);
  });

  it('when qqq.json is read, then no documentation is empty', () => {
    expect(Object.entries(qqq).filter(([, doc]) => typeof doc !== 'string' || doc.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('when en.json is read, then no message is empty or not a string', () => {
    expect(Object.entries(en).filter(([, m]) => typeof m !== 'string' || m.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it.each(localeFiles)('when %s is read, then it has @metadata and only lower-case keys', (file) => {
    const raw = readLocale(file);
    expect(raw['@metadata']).toBeTypeOf('object');
    expect(Object.keys(messagesOf(raw)).filter((k) => !/^[a-z][a-z0-9_-]*$/.test(k))).toEqual([]);
  });

  it('when plural keys are listed, then each has an _other form', () => {
    const bases = new Set(Object.keys(en).filter((k) => pluralSuffix.test(k)).map(baseKey));
    expect([...bases].filter((b) => !(`${b}_other` in en))).toEqual([]);
  });

  it('when plural keys are listed, then no base key also exists without a suffix', () => {
    const bases = new Set(Object.keys(en).filter((k) => pluralSuffix.test(k)).map(baseKey));
    expect([...bases].filter((b) => b in en)).toEqual([]);
  });
});

describe('translations', () => {
  it('when the translations are checked, then none uses an unknown key, a blank message or a parameter English lacks', () => {
    expect(translations.flatMap(({ lang, messages }) => translationProblems(en, messages, lang))).toEqual([]);
  });

  it.each(
    named<{ name: string; translation: MessageFile; problems: string[] }>(
      [
        { name: 'the same parameters', translation: { 'skin-html-title': '{{sitename}} – {{page}}' }, problems: [] },
        { name: 'fewer parameters', translation: { 'skin-html-title': '{{page}}' }, problems: [] },
        {
          name: 'a parameter English lacks',
          translation: { 'skin-html-title': '{{page}} – {{wiki}}' },
          problems: ['xx: skin-html-title: {{wiki}} is not a parameter of the English message'],
        },
        { name: 'a plural form English has', translation: { 'wiki-history-count_one': 'Eine Version: {{count}}' }, problems: [] },
        { name: 'a plural form English lacks (_few)', translation: { 'wiki-history-count_few': '{{count}} wersje' }, problems: [] },
        {
          name: 'a plural form with a parameter no variant has',
          translation: { 'wiki-history-count_few': '{{count}} {{title}}' },
          problems: ['xx: wiki-history-count_few: {{title}} is not a parameter of the English message'],
        },
        { name: 'a formatted parameter', translation: { 'talk-signature-timestamp': '{{date, short}} {{time}}' }, problems: [] },
        { name: 'an unknown key', translation: { 'no-such-key': 'x' }, problems: ['xx: no-such-key: not an English key'] },
        { name: 'a blank message', translation: { 'login-title': '  ' }, problems: ['xx: login-title: blank translation'] },
      ],
      (r) => `when a made-up translation has ${r.name}, then the check reports ${r.problems.length ? r.problems.join('; ') : 'nothing'}`,
    ),
  )('%s', (_, { translation, problems }) => {
    expect(translationProblems(en, translation, 'xx')).toEqual(problems);
  });

  // Messages are counted by base key: a plural message is one message, however many forms a language needs.
  const englishMessages = [...new Set(Object.keys(en).map(baseKey))];
  it.each(translations.map((t) => [t.lang, t.messages] as const))('when %s is counted, then it translates at least 95% of the English messages', (lang, messages) => {
    const translated = new Set(Object.keys(messages).map(baseKey));
    const missing = englishMessages.filter((k) => !translated.has(k));
    expect(missing.length / englishMessages.length, `${lang} lacks ${missing.length}: ${missing.slice(0, 20).join(', ')}`).toBeLessThanOrEqual(0.05);
  });

  it.each([
    { message: 'plain', params: [] },
    { message: '{{a}} and {{ b }}', params: ['a', 'b'] },
    { message: '{{a}} {{a}}', params: ['a'] },
    { message: '{{date, short}}', params: ['date'] },
    { message: '[{{authorHref}} {{author}}]', params: ['authorHref', 'author'] },
    { message: '{single} braces', params: [] },
  ])('when the message is $message, then its parameters are $params', ({ message, params }) => {
    expect([...paramsOf(message)]).toEqual(params);
  });
});

describe('keys used in src/ and views/', () => {
  it('when the sources are scanned, then keys are found by every kind of use', () => {
    const found = new Set(uses.map((u) => u.key));
    for (const sentinel of [
      'login-title', // t('…')
      'wiki-oldrevision-notice', // tHtml('…') in a view
      'apierror-docref', // en('…')
      'apierror-internal', // messageKey: '…' in an object
      'talk-summary-new-topic', // contentT(cond ? '…' : '…')
      'mainpage', // t0('…')
      'session-failure', // messageKey: '…'
      'skin-tab-read', // labelKey: '…'
      'specialpages-title', // titleKey: '…'
      'edit-error-talk-page-text', // err('…')
      'wiki-error-unknown-action', // new AppError(400, '…')
      'app-error-bad-request', // new AppError(e.status, '…')
      'preferences-saved', // saved: cond ? '…' : null
      'apierror-assertuserfailed', // new ApiError('…', '…')
      'wiki-error-missing-page', // notFound('…')
      'app-error-403-text', // (key = '…')
      'apiwarn-unrecognizedparams', // warn('…', '…')
      'user-name-invalid-ip', // return '…';
      'skin-tab-user', // const subjectTabKey: Record<…> = { … }
      'title-invalid-talk-namespace', // type TitleProblem = …
      'app-error-500-title', // const headingKey = …
      'form-error-summary-title', // plural, used without a suffix
    ]) {
      expect(found, sentinel).toContain(sentinel);
    }
  });

  it('when a key is used literally, then it exists in en.json (a plural base key counts)', () => {
    const missing = uses.filter((u) => !existsInEnglish(en, u.key)).map((u) => `${u.key} (${u.file}, ${u.pattern})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it.each(named(dynamicKeys.map((d) => ({ ...d, name: d.keys.length > 3 ? `${d.keys.slice(0, 2).join(', ')} and ${d.keys.length - 2} more` : d.keys.join(', ') }))))(
    'when keys are built at run time (%s), then the code still builds them and en.json has them',
    (_, { keys, evidence }) => {
    for (const { file, re } of evidence) expect(sourceText(file), `${file} should match ${re}`).toMatch(re);
    expect(keys.filter((k) => !existsInEnglish(en, k))).toEqual([]);
    },
  );

  it('when an English key is looked for in src/ and views/, then it is written there as a string or built at run time', () => {
    const all = sources.map((s) => s.text).join('\n');
    const quoted = (key: string) => new RegExp(String.raw`['"\`]${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`).test(all);
    const unused = [...new Set(Object.keys(en).map(baseKey))].filter((base) => !dynamic.has(base) && !quoted(base) && !englishVariants(en, base).some(quoted));
    expect(unused).toEqual([]);
  });
});
