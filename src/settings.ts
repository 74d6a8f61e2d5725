/** Operator settings: config/default.json, then REPORTINCIDENT_CONFIG, then environment variables, validated by zod. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseStrictJson } from './shared/strictJson.js';
import { isValidEmail } from './shared/email.js';
import { RESERVED_KEYS } from './shared/reservedKeys.js';
import { behaviorTypes } from './taxonomy/taxonomy.js';

const emailAddress = z.string().refine(isValidEmail, { error: 'must be an email address' });
const rateLimit = z.tuple(
  [z.int().positive({ error: 'the count must be a positive integer' }), z.int().positive({ error: 'the period must be a positive number of seconds' })],
  { error: 'must be [count, seconds]' },
);

/** The keys an operator may set in a settings file; MediaWiki's names without the `wg` prefix. */
/** A PostgreSQL URL, or empty for SQLite under DATA_DIR. The password it may hold is never logged. */
const databaseUrl = z.union([
  z.literal(''),
  z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL (or empty for SQLite under DATA_DIR)' }),
]);

export const WikiSettingsSchema = z.strictObject({
  /** Public base URL used in links and emails, without a trailing slash. */
  Server: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .transform((s) => s.replace(/\/+$/, '')),
  /** The wiki's name. */
  Sitename: z.string().trim().min(1, { error: 'must not be empty' }).max(100),
  /** The content language (a language code). */
  LanguageCode: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, { error: 'must be a language code such as "en" or "pt-br"' }),
  /** The From address of all mail. */
  PasswordSender: emailAddress,
  /** Whether the Report entry points are shown. */
  ReportIncidentReportButtonEnabled: z.boolean(),
  /** Whether the REST report endpoint exists. */
  ReportIncidentApiEnabled: z.boolean(),
  /** Skips the account-age and email checks; for development only. */
  ReportIncidentDeveloperMode: z.boolean(),
  /** Namespaces whose pages get Report links. */
  ReportIncidentEnabledNamespaces: z.array(z.int().min(0, { error: 'must be a namespace number' })),
  /** How old an account must be, in seconds, to report. */
  ReportIncidentMinimumAccountAgeInSeconds: z.int().min(0, { error: 'must be zero or more seconds' }),
  /** Trust & Safety addresses that receive emergency reports. */
  ReportIncidentRecipientEmails: z.array(emailAddress).min(1, { error: 'needs at least one address' }),
  /** The non-emergency categories offered, in order. */
  ReportIncidentEnabledNonEmergencyCategories: z
    .array(z.enum(behaviorTypes, { error: `must be one of ${behaviorTypes.join(', ')}` }))
    .min(1, { error: 'needs at least one category' })
    .refine((list) => new Set(list).size === list.length, { error: 'lists a category twice' }),
  /** Whether non-emergency reports may be sent by email to community responders. */
  ReportIncidentEnableDirectReporting: z.boolean(),
  /** Language of the mail to Trust & Safety and community responders. */
  ReportIncidentEmailLanguage: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, { error: 'must be a language code such as "en"' }),
  /** Whether reporters get a receipt by email (reference id, what happens next; never their text). */
  ReportIncidentSendReceipt: z.boolean(),
  /** Days after which report texts, snapshots and identities are erased. */
  ReportIncidentRetentionDays: z.int().min(1, { error: 'must be at least 1 day' }).max(3650),
  /** Rate limits, as MediaWiki's $wgRateLimits: [count, seconds] per group. */
  RateLimits: z.strictObject({
    reportincident: z.strictObject({ newbie: rateLimit, user: rateLimit }),
    /** Reports that send nothing (the Get support page): recorded for statistics, limited so nobody fills the database. */
    'reportincident-support': z.strictObject({ user: rateLimit }).optional(),
  }),
  /** Account age in seconds after which a user is autoconfirmed. */
  AutoConfirmAge: z.int().min(0),
  /** Edit count after which a user is autoconfirmed. */
  AutoConfirmCount: z.int().min(0),
  /** Seed demo users and pages into an empty database. */
  DemoSeed: z.boolean(),
  /** Start even when other local users may read the database file (it holds reports and identities). */
  AllowDataReadableByOthers: z.boolean(),
  /** A PostgreSQL database (postgres://…) instead of SQLite under DATA_DIR; DATABASE_URL overrides it. */
  DatabaseUrl: databaseUrl,
  /** Seconds a process may hold a message it is sending before another process sends it (a crashed process's mail). */
  ReportIncidentMailLeaseSeconds: z
    .int({ error: 'must be a whole number of seconds' })
    .min(5, { error: 'must be at least 5 seconds (longer than a send takes)' })
    .max(3600, { error: 'must be at most 3600 seconds' }),
  /** Hours within which a case must be acknowledged before it is marked overdue and its group reminded (#21). */
  ReportIncidentAcknowledgeWithinHours: z.strictObject({
    emergency: z.number({ error: 'must be a number of hours' }).positive({ error: 'must be more than 0 hours' }).max(8760, { error: 'must be at most 8760 hours (a year)' }),
    community: z.number({ error: 'must be a number of hours' }).positive({ error: 'must be more than 0 hours' }).max(8760, { error: 'must be at most 8760 hours (a year)' }),
  }),
});
export type WikiSettings = z.infer<typeof WikiSettingsSchema>;

const EnvSchema = z.object({
  DATABASE_URL: databaseUrl.optional(),
  PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(8080)),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SERVER: z.string().optional(),
  DEMO_SEED: z.enum(['0', '1'], { error: 'must be 0 or 1' }).optional(),
  NODE_ENV: z.string().optional(),
  REPORTINCIDENT_CONFIG: z.string().optional(),
});

/** Settings as the app uses them: the wiki's keys plus what only the environment sets. */
export type Settings = WikiSettings & {
  runtime: { port: number; host: string; dataDir: string; smtpUrl: string | undefined; databaseUrl: string | undefined; production: boolean };
};

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: string[] };

/** Formats a zod issue path as a JSON path: `RateLimits.reportincident.newbie[0]`. */
export function formatPath(issuePath: readonly PropertyKey[]): string {
  let out = '';
  for (const part of issuePath) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || '(root)';
}

function problemsOf(error: z.ZodError, source: string, prefix: readonly PropertyKey[] = []): string[] {
  return error.issues.map((issue) => {
    const where = formatPath([...prefix, ...issue.path]);
    const what =
      issue.code === 'unrecognized_keys'
        ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
        : issue.message;
    return `${where}: ${what} (${source})`;
  });
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Later files win; objects merge key by key, everything else (arrays included) is replaced. */
function merge(base: Json, over: Json): Json {
  if (base && over && typeof base === 'object' && typeof over === 'object' && !Array.isArray(base) && !Array.isArray(over)) {
    const out: { [key: string]: Json } = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = Object.hasOwn(out, k) ? merge(out[k] as Json, v) : v;
    return out;
  }
  return over;
}

/** The JSON paths of keys named like the properties every object inherits. */
function reservedKeyPaths(value: Json, at: PropertyKey[] = []): string[] {
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => reservedKeyPaths(v, [...at, i]));
  return Object.entries(value).flatMap(([k, v]) => (RESERVED_KEYS.has(k) ? [formatPath([...at, k])] : reservedKeyPaths(v, [...at, k])));
}

/** " at line 3, column 14": where the strict reader (the community configuration's) stops, as an editor counts. */
function positionOfSyntaxError(text: string): string {
  const read = parseStrictJson(text, Number.POSITIVE_INFINITY);
  return read.ok ? '' : ` at line ${read.problem.line}, column ${read.problem.column}`;
}

/** JSON.parse's reason without the position (given as line and column) or the quoted text (it may hold a password). */
function syntaxErrorReason(e: Error): string {
  return e.message
    .replace(/, (?:\.\.\.)?".*" is not valid JSON$/su, '')
    .replace(/ in JSON at position \d+.*$/su, '')
    .replace(/[\r\n]/gu, (c) => (c === '\n' ? '\\n' : '\\r'));
}

function readJson(file: string, problems: string[]): Json | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    problems.push(`(file): cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Json;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`(root): must be a JSON object (${file})`);
      return undefined;
    }
    // JSON.parse makes "__proto__" an own key, which an object spread then turns into a prototype: never merged.
    const reserved = reservedKeyPaths(value);
    if (reserved.length > 0) {
      for (const where of reserved) problems.push(`${where}: this key is not allowed (${file})`);
      return undefined;
    }
    return value;
  } catch (e) {
    problems.push(`(root): invalid JSON${positionOfSyntaxError(text)}: ${syntaxErrorReason(e as Error)} (${file})`);
    return undefined;
  }
}

/**
 * Loads and validates the settings. `env` is passed in (main.ts is the only reader of process.env).
 * Every problem is one line naming its JSON path, so an operator can fix them all at once.
 */
export function loadSettings(env: Record<string, string | undefined>, projectRoot: string): SettingsResult {
  const problems: string[] = [];
  const envParsed = EnvSchema.safeParse(env);
  if (!envParsed.success) problems.push(...problemsOf(envParsed.error, 'environment'));

  const defaultsFile = path.join(projectRoot, 'config', 'default.json');
  let merged: Json = readJson(defaultsFile, problems) ?? {};
  const sources = [defaultsFile];
  const extraFile = env.REPORTINCIDENT_CONFIG;
  if (extraFile) {
    const extra = readJson(path.resolve(extraFile), problems);
    if (extra !== undefined) merged = merge(merged, extra);
    sources.push(extraFile);
  }
  const fromEnv: { [key: string]: Json } = {};
  if (env.SERVER !== undefined) fromEnv.Server = env.SERVER;
  if (env.DEMO_SEED === '0' || env.DEMO_SEED === '1') fromEnv.DemoSeed = env.DEMO_SEED === '1';
  merged = merge(merged, fromEnv);

  const wiki = WikiSettingsSchema.safeParse(merged);
  if (!wiki.success) problems.push(...problemsOf(wiki.error, sources.join(' + ') + (env.SERVER !== undefined ? ' + SERVER' : '')));

  if (problems.length > 0 || !wiki.success || !envParsed.success) return { ok: false, problems };
  const e = envParsed.data;
  return {
    ok: true,
    settings: {
      ...wiki.data,
      runtime: {
        port: e.PORT,
        host: e.HOST,
        dataDir: path.resolve(e.DATA_DIR),
        smtpUrl: e.SMTP_URL,
        databaseUrl: e.DATABASE_URL || wiki.data.DatabaseUrl || undefined,
        production: e.NODE_ENV === 'production',
      },
    },
  };
}
