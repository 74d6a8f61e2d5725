// Unit tests of loading operator settings (src/settings.ts): config/default.json, REPORTINCIDENT_CONFIG, environment.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { named } from '../support/named.js';
import { projectRoot } from '../../src/container.js';
import { formatPath, loadSettings, type Settings } from '../../src/settings.js';
import { isValidEmail } from '../../src/shared/email.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'settings-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
/** Writes a settings file into the temporary folder and returns its path. */
function configFile(content: unknown): string {
  const file = path.join(dir, `config-${++fileCount}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function settingsOf(env: Record<string, string | undefined>): Settings {
  const r = loadSettings(env, projectRoot);
  if (!r.ok) throw new Error(`settings did not load:\n${r.problems.join('\n')}`);
  return r.settings;
}

function problemsOf(env: Record<string, string | undefined>): string[] {
  const r = loadSettings(env, projectRoot);
  return r.ok ? [] : r.problems;
}

describe('loadSettings: defaults', () => {
  it('when nothing is set, then config/default.json loads with the runtime defaults', () => {
    const s = settingsOf({});
    expect(s.Sitename).toBe('Demo Wiki');
    expect(s.Server).toBe('http://127.0.0.1:8080');
    expect(s.LanguageCode).toBe('en');
    expect(s.PasswordSender).toBe('wiki@localhost');
    expect(s.RateLimits.reportincident).toEqual({ newbie: [1, 86400], user: [5, 86400] });
    expect(s.DemoSeed).toBe(true);
    expect(s.runtime).toEqual({ port: 8080, host: '127.0.0.1', dataDir: path.resolve('./data'), smtpUrl: undefined, production: false });
  });

  it.each(named([
    { name: 'PORT=3000', env: { PORT: '3000' }, runtime: { port: 3000 } },
    { name: 'PORT=0', env: { PORT: '0' }, runtime: { port: 0 } },
    { name: 'PORT=65535', env: { PORT: '65535' }, runtime: { port: 65535 } },
    { name: 'HOST=0.0.0.0', env: { HOST: '0.0.0.0' }, runtime: { host: '0.0.0.0' } },
    { name: 'DATA_DIR=/var/wiki', env: { DATA_DIR: '/var/wiki' }, runtime: { dataDir: '/var/wiki' } },
    { name: 'SMTP_URL=smtp://localhost:2525', env: { SMTP_URL: 'smtp://localhost:2525' }, runtime: { smtpUrl: 'smtp://localhost:2525' } },
    { name: 'SMTP_URL=smtps://mail.example:465', env: { SMTP_URL: 'smtps://mail.example:465' }, runtime: { smtpUrl: 'smtps://mail.example:465' } },
    { name: 'an empty SMTP_URL', env: { SMTP_URL: '' }, runtime: { smtpUrl: undefined } },
    { name: 'NODE_ENV=production', env: { NODE_ENV: 'production' }, runtime: { production: true } },
    { name: 'NODE_ENV=development', env: { NODE_ENV: 'development' }, runtime: { production: false } },
  ]))('when the environment has %s, then the runtime settings follow it', (_, { env, runtime }) => {
    expect(settingsOf(env).runtime).toMatchObject(runtime);
  });
});

describe('loadSettings: REPORTINCIDENT_CONFIG and environment overrides', () => {
  it('when a settings file changes the name, then the rest of the defaults stay', () => {
    const s = settingsOf({ REPORTINCIDENT_CONFIG: configFile({ Sitename: 'Other Wiki' }) });
    expect(s.Sitename).toBe('Other Wiki');
    expect(s.Server).toBe('http://127.0.0.1:8080');
    expect(s.AutoConfirmCount).toBe(10);
  });

  it('when a settings file sets one rate limit, then the other rate limit keeps its default (objects merge)', () => {
    const s = settingsOf({ REPORTINCIDENT_CONFIG: configFile({ RateLimits: { reportincident: { user: [9, 60] } } }) });
    expect(s.RateLimits.reportincident).toEqual({ newbie: [1, 86400], user: [9, 60] });
  });

  it('when a settings file lists recipients, then the list replaces the default one (arrays do not merge)', () => {
    const s = settingsOf({ REPORTINCIDENT_CONFIG: configFile({ ReportIncidentRecipientEmails: ['ts@example.org'] }) });
    expect(s.ReportIncidentRecipientEmails).toEqual(['ts@example.org']);
  });

  it('when a settings file lists fewer categories, then only those are offered, in its order', () => {
    const s = settingsOf({ REPORTINCIDENT_CONFIG: configFile({ ReportIncidentEnabledNonEmergencyCategories: ['spam', 'doxing'] }) });
    expect(s.ReportIncidentEnabledNonEmergencyCategories).toEqual(['spam', 'doxing']);
  });

  it('when the Server has trailing slashes, then they are removed', () => {
    expect(settingsOf({ SERVER: 'https://wiki.example.org//' }).Server).toBe('https://wiki.example.org');
  });

  it('when both a settings file and SERVER set the Server, then SERVER wins', () => {
    const s = settingsOf({ REPORTINCIDENT_CONFIG: configFile({ Server: 'https://file.example' }), SERVER: 'https://env.example' });
    expect(s.Server).toBe('https://env.example');
  });

  it.each(named([
    { name: 'DEMO_SEED=0', env: { DEMO_SEED: '0' }, file: undefined, demoSeed: false },
    { name: 'DEMO_SEED=1', env: { DEMO_SEED: '1' }, file: undefined, demoSeed: true },
    { name: 'DemoSeed false in a file', env: {}, file: { DemoSeed: false }, demoSeed: false },
    { name: 'DemoSeed false in a file and DEMO_SEED=1', env: { DEMO_SEED: '1' }, file: { DemoSeed: false }, demoSeed: true },
    { name: 'DemoSeed true in a file and DEMO_SEED=0', env: { DEMO_SEED: '0' }, file: { DemoSeed: true }, demoSeed: false },
  ], (r) => `when there is ${r.name}, then DemoSeed is ${r.demoSeed}`))('%s', (_, { env, file, demoSeed }) => {
    const withFile = file ? { ...env, REPORTINCIDENT_CONFIG: configFile(file) } : env;
    expect(settingsOf(withFile).DemoSeed).toBe(demoSeed);
  });

  it('when the settings file is empty JSON object, then the defaults load', () => {
    expect(settingsOf({ REPORTINCIDENT_CONFIG: configFile({}) }).Sitename).toBe('Demo Wiki');
  });
});

describe('loadSettings: one line per problem, naming its JSON path', () => {
  it.each(named<{ name: string; file?: unknown; env?: Record<string, string>; line: RegExp }>([
    {
      name: 'a zero count in a rate limit',
      file: { RateLimits: { reportincident: { newbie: [0, 86400] } } },
      line: /^RateLimits\.reportincident\.newbie\[0\]: the count must be a positive integer \(.*default\.json \+ .*config-\d+\.json\)$/,
    },
    { name: 'a negative period in a rate limit', file: { RateLimits: { reportincident: { user: [5, -1] } } }, line: /^RateLimits\.reportincident\.user\[1\]: the period must be a positive number of seconds / },
    { name: 'a rate limit that is not a pair', file: { RateLimits: { reportincident: { newbie: [1] } } }, line: /^RateLimits\.reportincident\.newbie: must be \[count, seconds\] / },
    { name: 'an unknown rate-limit group', file: { RateLimits: { reportincident: { other: [1, 2] } } }, line: /^RateLimits\.reportincident: unknown key "other" / },
    // (#16) JSON.parse keeps "__proto__" as a key; merged by a spread it would become the object's prototype, unseen.
    { name: 'a __proto__ key', file: '{"RateLimits": {"__proto__": {"reportincident": {"newbie": [1000, 1]}}}}', line: /^RateLimits\.__proto__: this key is not allowed \(.*config-\d+\.json\)$/ },
    { name: 'a constructor key at the top', file: '{"constructor": {"prototype": {}}}', line: /^constructor: this key is not allowed / },
    { name: 'a zero support-route limit', file: { RateLimits: { 'reportincident-support': { user: [0, 86400] } } }, line: /^RateLimits\.reportincident-support\.user\[0\]: the count must be a positive integer / },
    { name: 'a recipient that is not an email address', file: { ReportIncidentRecipientEmails: ['not an email'] }, line: /^ReportIncidentRecipientEmails\[0\]: must be an email address / },
    { name: 'the second recipient invalid', file: { ReportIncidentRecipientEmails: ['ok@example.org', 'x@'] }, line: /^ReportIncidentRecipientEmails\[1\]: must be an email address / },
    { name: 'no recipients', file: { ReportIncidentRecipientEmails: [] }, line: /^ReportIncidentRecipientEmails: needs at least one address / },
    { name: 'an unknown category', file: { ReportIncidentEnabledNonEmergencyCategories: ['spam', 'nope'] }, line: /^ReportIncidentEnabledNonEmergencyCategories\[1\]: must be one of intimidation, / },
    { name: 'a category listed twice', file: { ReportIncidentEnabledNonEmergencyCategories: ['spam', 'spam'] }, line: /^ReportIncidentEnabledNonEmergencyCategories: lists a category twice / },
    { name: 'no categories', file: { ReportIncidentEnabledNonEmergencyCategories: [] }, line: /^ReportIncidentEnabledNonEmergencyCategories: needs at least one category / },
    { name: 'a negative namespace', file: { ReportIncidentEnabledNamespaces: [1, -1] }, line: /^ReportIncidentEnabledNamespaces\[1\]: must be a namespace number / },
    { name: 'a negative account age', file: { ReportIncidentMinimumAccountAgeInSeconds: -5 }, line: /^ReportIncidentMinimumAccountAgeInSeconds: must be zero or more seconds / },
    { name: 'an unknown top-level key', file: { Sitenmae: 'typo' }, line: /^\(root\): unknown key "Sitenmae" / },
    { name: 'two unknown keys', file: { Foo: 1, Bar: 2 }, line: /^\(root\): unknown keys "Foo", "Bar" / },
    { name: 'an empty Sitename', file: { Sitename: '   ' }, line: /^Sitename: must not be empty / },
    { name: 'an upper-case language code', file: { LanguageCode: 'EN' }, line: /^LanguageCode: must be a language code such as "en" or "pt-br" / },
    { name: 'a sender that is not an email address', file: { PasswordSender: 'wiki' }, line: /^PasswordSender: must be an email address / },
    { name: 'a string for a boolean', file: { ReportIncidentApiEnabled: 'yes' }, line: /^ReportIncidentApiEnabled: / },
    { name: 'a Server that is not http(s)', file: { Server: 'ftp://wiki.example' }, line: /^Server: must be an http:\/\/ or https:\/\/ URL / },
    { name: 'invalid JSON in the file', file: '{"Sitename": ', line: /^\(root\): invalid JSON at line 1, column 14: Unexpected end of JSON input \(.*config-\d+\.json\)$/ },
    { name: 'a missing comma on line 3', file: '{\n  "Sitename": "Wiki"\n  "LanguageCode": "en"\n}', line: /^\(root\): invalid JSON at line 3, column 3: Expected ',' or '}' after property value \(.*config-\d+\.json\)$/ },
    { name: 'a bad literal next to a password', file: '{\n  "Sitename": "Wiki",\n  "SmtpPassword": "hunter2", "x": tru\n}', line: /^\(root\): invalid JSON at line 3, column 35: Unexpected token '\\n' \(.*config-\d+\.json\)$/ },
    { name: 'a JSON array instead of an object', file: '[1, 2]', line: /^\(root\): must be a JSON object \(.*config-\d+\.json\)$/ },
    { name: 'a JSON string instead of an object', file: '"text"', line: /^\(root\): must be a JSON object / },
    { name: 'a missing settings file', env: { REPORTINCIDENT_CONFIG: path.join(os.tmpdir(), 'no-such-dir-for-settings', 'missing.json') }, line: /^\(file\): cannot read .*missing\.json: ENOENT$/ },
    { name: 'a PORT that is not a number', env: { PORT: 'eighty' }, line: /^PORT: must be a port number \(environment\)$/ },
    { name: 'a PORT above 65535', env: { PORT: '70000' }, line: /^PORT: .* \(environment\)$/ },
    { name: 'a negative PORT', env: { PORT: '-1' }, line: /^PORT: .* \(environment\)$/ },
    { name: 'a fractional PORT', env: { PORT: '80.5' }, line: /^PORT: .* \(environment\)$/ },
    { name: 'an http SMTP_URL', env: { SMTP_URL: 'http://mail.example' }, line: /^SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL \(environment\)$/ },
    { name: 'an SMTP_URL that is not a URL', env: { SMTP_URL: 'localhost:25' }, line: /^SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL \(environment\)$/ },
    { name: 'a DEMO_SEED other than 0 or 1', env: { DEMO_SEED: 'yes' }, line: /^DEMO_SEED: must be 0 or 1 \(environment\)$/ },
    { name: 'a SERVER that is not a URL', env: { SERVER: 'wiki.example' }, line: /^Server: must be an http:\/\/ or https:\/\/ URL \(.*default\.json \+ SERVER\)$/ },
    { name: 'an empty SERVER', env: { SERVER: '' }, line: /^Server: must be an http:\/\/ or https:\/\/ URL / },
  ]))('when there is %s, then exactly one problem line names it', (_, { file, env, line }) => {
    const problems = problemsOf({ ...(file !== undefined ? { REPORTINCIDENT_CONFIG: configFile(file) } : {}), ...env });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(line);
  });

  it('when the environment and the settings file have several problems, then all are reported at once', () => {
    const problems = problemsOf({
      PORT: 'x',
      DEMO_SEED: 'maybe',
      REPORTINCIDENT_CONFIG: configFile({
        RateLimits: { reportincident: { newbie: [0, 1] } },
        ReportIncidentRecipientEmails: ['a@example.org', 'bad'],
        Unknown: true,
      }),
    });
    expect(problems).toHaveLength(5);
    expect(problems.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['PORT', 'DEMO_SEED', 'RateLimits.reportincident.newbie[0]', 'ReportIncidentRecipientEmails[1]', '(root)']),
    );
  });

  it('when a settings file is missing and the environment is bad too, then both are reported', () => {
    const problems = problemsOf({ PORT: 'x', REPORTINCIDENT_CONFIG: path.join(dir, 'absent.json') });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^PORT: /);
    expect(problems[1]).toMatch(/^\(file\): cannot read /);
  });

  it('when the settings file names the sender wiki@localhost, then it is a valid email address', () => {
    expect(settingsOf({ REPORTINCIDENT_CONFIG: configFile({ PasswordSender: 'wiki@localhost', ReportIncidentRecipientEmails: ['ts@localhost'] }) }).PasswordSender).toBe(
      'wiki@localhost',
    );
  });
});

describe('formatPath', () => {
  it.each(named([
    { name: 'an empty path', parts: [] as PropertyKey[], expected: '(root)' },
    { name: 'a top-level key', parts: ['Sitename'], expected: 'Sitename' },
    { name: 'nested keys and an index', parts: ['RateLimits', 'reportincident', 'newbie', 0], expected: 'RateLimits.reportincident.newbie[0]' },
    { name: 'an index at the start', parts: [0, 'x'], expected: '[0].x' },
    { name: 'two indexes', parts: ['a', 1, 2], expected: 'a[1][2]' },
  ], (r) => `when the path is ${r.name}, then it is written ${r.expected}`))('%s', (_, { parts, expected }) => {
    expect(formatPath(parts)).toBe(expected);
  });
});

describe('isValidEmail', () => {
  it.each(['wiki@localhost', 'emergency@localhost', 'a.b+tag@example.org', "o'brien@example.co.uk", 'x@a-b.example'])('when the address is %s, then it is valid', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each(['', 'wiki', '@localhost', 'wiki@', 'a b@example.org', 'a@-example.org', 'a@example-.org', 'a@exa_mple.org', `${'a'.repeat(250)}@x.org`])(
    'when the address is "%s", then it is invalid',
    (email) => {
      expect(isValidEmail(email)).toBe(false);
    },
  );
});
