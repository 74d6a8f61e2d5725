/** The operators' command line: `npm run -s cli -- <command>`; later issues add their commands here. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ExplicitGroup } from './accounts/UserAccount.js';
import { explicitGroups } from './accounts/UserAccount.js';
import { type Container, createContainer, databaseFileOf, projectRoot } from './container.js';
import { classifyLines } from './classifiers/classifyCommand.js';
import { loadSettings } from './settings.js';
import { createLogger } from './shared/Logger.js';
import { parseTitle } from './wiki/Title.js';
import { copySqliteToPostgres, TargetNotEmpty } from './storage/copyDatabase.js';
import { listMigrations, migrate, migratePostgres, migrationOf } from './storage/migrate.js';
import { openDatabase } from './storage/openDatabase.js';
import { PostgresDatabase } from './storage/PostgresDatabase.js';
import { describeStartFailure, postgresPlace } from './startFailure.js';
import { RETENTION_LOCK } from './retention/RetentionService.js';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

type Command = { summary: string; usage: string; run(args: string[], io: Io, container: () => Container, env: Record<string, string | undefined>): Promise<number> | number };

const commands: Record<string, Command> = {
  'db:copy': {
    summary: 'copy the SQLite wiki under DATA_DIR into an empty PostgreSQL database, to run it there',
    usage: 'db:copy --to postgres://USER@HOST:PORT/DATABASE',
    async run(args, io, _container, env) {
      const { values } = parseArgs({ args, options: { to: { type: 'string' } } });
      if (!values.to || !/^postgres(ql)?:\/\//.test(values.to)) return usage(io, this.usage);
      // The source is the SQLite wiki, whatever DATABASE_URL says.
      const loaded = loadSettings({ ...env, DATABASE_URL: '' }, projectRoot);
      if (!loaded.ok) throw new CliError(loaded.problems.join('; '));
      const file = databaseFileOf(loaded.settings);
      if (!existsSync(file)) return fail(io, `there is no SQLite wiki at ${file}: set DATA_DIR to its data directory`);
      const source = openDatabase(file);
      const target = PostgresDatabase.connect(values.to, { max: 2 });
      const at = postgresPlace(values.to);
      try {
        migrate(source);
        await migratePostgres(target);
        const counts = await copySqliteToPostgres(source, target);
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        io.out(`copied ${rows} rows of ${file} into ${at.database} on ${at.host}:${at.port} (users ${counts.users}, pages ${counts.pages}, reports ${counts.reports}); start the wiki with DATABASE_URL set to it`);
        return 0;
      } catch (e) {
        if (e instanceof TargetNotEmpty) return fail(io, e.message);
        const problem = describeStartFailure(e, { databaseFile: file, host: '', port: 0, postgres: at });
        return fail(io, problem);
      } finally {
        source.close();
        await target.close();
      }
    },
  },
  migrate: {
    summary: 'apply the database migrations not applied yet (the wiki does too, at start) and say where the database is',
    usage: 'migrate',
    async run(args, io, container) {
      if (args.length > 0) return usage(io, this.usage);
      const c = container();
      // SQLite is migrated as it opens; PostgreSQL once ready() resolves, under the lock every process shares.
      await c.ready();
      const engine = c.sql.engine;
      const version = await migrationOf(c.sql);
      const latest = listMigrations(engine).at(-1)?.version ?? 0;
      io.out(`the ${engine === 'postgres' ? 'PostgreSQL' : 'SQLite'} database is at migration ${version}, the latest this code knows (${latest})`);
      return 0;
    },
  },
  'user:create': {
    summary: 'create an account',
    usage: 'user:create NAME --password P [--email E] [--email-confirmed] [--edits N] [--registered ISO8601] [--group G]...',
    async run(args, io, container) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          password: { type: 'string' },
          email: { type: 'string' },
          'email-confirmed': { type: 'boolean', default: false },
          edits: { type: 'string' },
          registered: { type: 'string' },
          group: { type: 'string', multiple: true, default: [] },
        },
      });
      if (positionals.length !== 1 || !values.password) return usage(io, this.usage);
      const edits = values.edits === undefined ? 0 : Number(values.edits);
      if (!Number.isInteger(edits) || edits < 0) return fail(io, `--edits must be a whole number of edits, not "${values.edits}"`);
      const registered = values.registered === undefined ? undefined : Date.parse(values.registered);
      if (registered !== undefined && Number.isNaN(registered)) return fail(io, `--registered must be a date such as 2024-05-01T12:00:00Z, not "${values.registered}"`);
      const groups = values.group ?? [];
      const unknown = groups.filter((g) => !(explicitGroups as readonly string[]).includes(g));
      if (unknown.length) return fail(io, `unknown group ${unknown.join(', ')}; groups are ${explicitGroups.join(', ')} (user and autoconfirmed are implicit)`);
      const c = container();
      const created = await c.accounts.create({
        name: positionals[0]!,
        password: values.password,
        ...(values.email !== undefined ? { email: values.email } : {}),
        emailConfirmed: values['email-confirmed'] ?? false,
        edits,
        ...(registered !== undefined ? { registeredAt: registered } : {}),
        groups: groups as ExplicitGroup[],
      });
      if (!created.ok) return fail(io, c.messages.translator('en')(created.messageKey, created.params ?? {}));
      io.out(JSON.stringify({ created: created.value.name, id: created.value.id, groups: created.value.groups }));
      return 0;
    },
  },
  'user:groups': {
    summary: 'add an existing account to groups or take it out (incident-responder, trust-and-safety, …)',
    usage: 'user:groups NAME [--add GROUP]... [--remove GROUP]...',
    async run(args, io, container) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { add: { type: 'string', multiple: true, default: [] }, remove: { type: 'string', multiple: true, default: [] } } });
      if (positionals.length !== 1) return usage(io, this.usage);
      const add = values.add ?? [];
      const remove = values.remove ?? [];
      const unknown = [...add, ...remove].filter((g) => !(explicitGroups as readonly string[]).includes(g));
      if (unknown.length) return fail(io, `unknown group ${unknown.join(', ')}; groups are ${explicitGroups.join(', ')} (user and autoconfirmed are implicit)`);
      const both = add.filter((g) => remove.includes(g));
      if (both.length) return fail(io, `${both.join(', ')} is both added and removed; name each group once`);
      const c = container();
      const user = await c.accounts.findByName(positionals[0]!);
      if (!user) return fail(io, `no account named "${positionals[0]}"`);
      for (const g of add) await c.accounts.addGroup(user, g as ExplicitGroup);
      for (const g of remove) await c.accounts.removeGroup(user, g as ExplicitGroup);
      const now = (await c.accounts.findByName(user.name))!;
      io.out(JSON.stringify({ user: now.name, groups: now.groups }));
      return 0;
    },
  },
  reminders: {
    summary: 'queue the reminders of cases left unacknowledged past ReportIncidentAcknowledgeWithinHours (the app does this every 5 minutes)',
    usage: 'reminders [--now ISO8601]',
    async run(args, io, container) {
      const { values } = parseArgs({ args, options: { now: { type: 'string' } } });
      const at = values.now === undefined ? undefined : Date.parse(values.now);
      if (at !== undefined && (Number.isNaN(at) || !/^\d{4}-\d\d-\d\dT/.test(values.now!))) return fail(io, `--now takes a time such as 2030-01-01T12:00:00Z, not "${values.now}"`);
      const c = container();
      const sent = await c.reminders.runOnce(at);
      if (sent === null) return fail(io, 'another process is sending reminders right now; nothing was done (run it again in a minute)');
      io.out(JSON.stringify({ queued: sent.length, reminders: sent }));
      if (sent.length > 0) io.err(`${sent.length} reminder(s) queued in the outbox; the running wiki sends them within 30 s`);
      return 0;
    },
  },
  'user:block': {
    summary: 'block an account, sitewide or partially',
    usage: 'user:block NAME [--reason TEXT] [--expiry ISO8601] [--namespace N]... [--page TITLE]...',
    async run(args, io, container) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          reason: { type: 'string', default: '' },
          expiry: { type: 'string' },
          namespace: { type: 'string', multiple: true, default: [] },
          page: { type: 'string', multiple: true, default: [] },
        },
      });
      if (positionals.length !== 1) return usage(io, this.usage);
      const c = container();
      const user = await c.accounts.findByName(positionals[0]!);
      if (!user) return fail(io, `no account named "${positionals[0]}"`);
      const expiresAt = values.expiry === undefined ? null : Date.parse(values.expiry);
      if (expiresAt !== null && (Number.isNaN(expiresAt) || expiresAt <= c.clock.now())) return fail(io, `--expiry must be a future date such as 2030-01-01T00:00:00Z, not "${values.expiry}"`);
      const namespaces = (values.namespace ?? []).map(Number);
      if (namespaces.some((n) => !c.namespaces.exists(n) || n < 0)) return fail(io, `--namespace takes a namespace number such as 0 or 1`);
      const pageIds: number[] = [];
      for (const p of values.page ?? []) {
        const parsed = await c.pages.find(parseTitleOrThrow(c, p));
        if (!parsed) return fail(io, `no page named "${p}"`);
        pageIds.push(parsed.id);
      }
      const partial = namespaces.length > 0 || pageIds.length > 0;
      const block = await c.accounts.block(user, { reason: values.reason ?? '', expiresAt, ...(partial ? { partial: { pageIds, namespaces } } : {}) });
      io.out(JSON.stringify({ blocked: user.name, blockId: block.id, sitewide: block.sitewide, expires: block.expiresAt === null ? 'infinite' : new Date(block.expiresAt).toISOString() }));
      return 0;
    },
  },
  outbox: {
    summary: 'mail waiting, sent and failed; the oldest waiting; the last errors',
    usage: 'outbox [--json]',
    async run(args, io, container) {
      const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
      const c = container();
      const stats = await c.delivery.stats();
      const now = c.clock.now();
      const errors = (await c.delivery.recentErrors(10)).map((m) => ({ id: m.id, reportId: m.reportId, kind: m.kind, state: m.state, attempts: m.attempts, nextAttempt: new Date(m.nextAttemptAt).toISOString(), error: m.lastError }));
      const oldestPendingSeconds = stats.oldestPendingAt === null ? null : Math.round((now - stats.oldestPendingAt) / 1000);
      if (values.json) {
        io.out(JSON.stringify({ pending: stats.pending, sending: stats.sending, sent: stats.sent, failed: stats.failed, oldestPendingSeconds, errors }));
        return 0;
      }
      io.out(`pending ${stats.pending}, sending ${stats.sending}, sent ${stats.sent}, failed ${stats.failed}`);
      io.out(`oldest waiting: ${oldestPendingSeconds === null ? 'none' : `${oldestPendingSeconds} s`}`);
      for (const e of errors) io.out(`#${e.id} ${e.kind} ${e.reportId} ${e.state} after ${e.attempts} attempt(s), next ${e.nextAttempt}: ${e.error}`);
      return 0;
    },
  },
  'outbox:retry': {
    summary: 'send a waiting or failed message again now',
    usage: 'outbox:retry ID',
    async run(args, io, container) {
      if (args.length !== 1 || !/^\d+$/.test(args[0]!)) return usage(io, this.usage);
      const c = container();
      const id = Number(args[0]);
      const message = await c.delivery.find(id);
      if (!message) return fail(io, `no outbox message #${id}`);
      if (message.state === 'sent') return fail(io, `message #${id} was already sent`);
      if (message.state === 'sending') return fail(io, `message #${id} is being sent now`);
      await c.delivery.retry(id);
      io.out(`message #${id} (${message.kind}, report ${message.reportId}) is queued again; the running wiki sends it within 30 s`);
      return 0;
    },
  },
  'export:deidentified': {
    summary: 'reports between two days, de-identified: day, types, route, namespace, delivery delay, group size, people as hashes salted per export',
    usage: 'export:deidentified --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|json]',
    async run(args, io, container) {
      const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'csv' } } });
      const day = /^\d{4}-\d{2}-\d{2}$/;
      if (!values.from || !values.to || !day.test(values.from) || !day.test(values.to) || Number.isNaN(Date.parse(values.from)) || Number.isNaN(Date.parse(values.to))) return usage(io, this.usage);
      if (values.format !== 'csv' && values.format !== 'json') return fail(io, `--format is csv or json, not "${values.format}"`);
      if (values.from > values.to) return fail(io, '--from must not be after --to');
      const rows = await container().statistics.exportDeidentified(values.from, values.to);
      if (values.format === 'json') {
        for (const r of rows) io.out(JSON.stringify(r));
        return 0;
      }
      const columns = ['day', 'incidentType', 'harmOrBehaviorType', 'route', 'namespace', 'deliveryDelaySeconds', 'groupSize', 'reporter', 'reportedUser'] as const;
      io.out(columns.join(','));
      // Every value is a date, a type from a fixed list, a number or a hex hash: nothing needs quoting.
      for (const r of rows) io.out(columns.map((col) => (r[col] === null ? '' : String(r[col]))).join(','));
      return 0;
    },
  },
  classify: {
    summary: 'JSON lines in ({"text": "...", "lang": "pt"}), one verdict a line out, in the same order',
    usage: 'classify < lines.jsonl',
    async run(args, io) {
      if (args.length !== 0) return usage(io, this.usage);
      const { createInterface } = await import('node:readline');
      return classifyLines(createInterface({ input: process.stdin, crlfDelay: Infinity }), io.out);
    },
  },
  purge: {
    summary: 'apply retention now: erase report texts and identities older than ReportIncidentRetentionDays',
    usage: 'purge',
    async run(args, io, container) {
      if (args.length !== 0) return usage(io, this.usage);
      // A running wiki's scheduled purge and this one take turns.
      const c = container();
      const result = (await c.sql.runAlone(RETENTION_LOCK, () => c.retention.purge(), { wait: true }))!;
      io.out(JSON.stringify(result));
      return 0;
    },
  },
  'config:validate': {
    summary: 'check a community configuration or an operator settings file (exit 0, or 1 with the problems by path)',
    usage: 'config:validate FILE [--community | --settings]',
    async run(args, io, container) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { community: { type: 'boolean', default: false }, settings: { type: 'boolean', default: false } } });
      if (positionals.length !== 1) return usage(io, this.usage);
      const file = positionals[0]!;
      let text: string;
      try {
        text = readFileSync(path.resolve(file), 'utf8');
      } catch (e) {
        return fail(io, `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
      if (values.community || (!values.settings && looksLikeCommunityConfig(text))) {
        const c = container();
        const checked = await c.communityConfigEditor.parseAndValidate(text);
        if (checked.ok) {
          io.out(`${file}: valid community configuration`);
          return 0;
        }
        const t = c.messages.translator('en');
        const at = checked.line ? ` (line ${checked.line}, column ${checked.column})` : '';
        for (const i of checked.issues) io.err(`${file}: ${i.pointer || '/'}: ${t(i.messageKey, i.params)}${at}`);
        return 1;
      }
      // The settings file is checked merged over config/default.json, exactly as the wiki reads it at start.
      const loaded = loadSettings({ REPORTINCIDENT_CONFIG: file }, projectRoot);
      if (loaded.ok) {
        io.out(`${file}: valid`);
        return 0;
      }
      for (const p of loaded.problems) io.err(p);
      return 1;
    },
  },
  'config:import': {
    summary: 'save a community configuration file (e.g. a wiki\'s MediaWiki:IncidentReportingConfig.json) as a new revision',
    usage: 'config:import FILE --summary TEXT [--user NAME]',
    async run(args, io, container) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { summary: { type: 'string' }, user: { type: 'string', default: 'Maintenance script' } } });
      if (positionals.length !== 1 || values.summary === undefined) return usage(io, this.usage);
      let text: string;
      try {
        text = readFileSync(path.resolve(positionals[0]!), 'utf8');
      } catch (e) {
        return fail(io, `cannot read ${positionals[0]}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
      const c = container();
      const t = c.messages.translator('en');
      const checked = await c.communityConfigEditor.parseAndValidate(text);
      if (!checked.ok) {
        const at = checked.line ? ` (line ${checked.line}, column ${checked.column})` : '';
        for (const i of checked.issues) io.err(`${positionals[0]}: ${i.pointer || '/'}: ${t(i.messageKey, i.params)}${at}`);
        return 1;
      }
      const system = await c.accounts.systemUser(values.user ?? 'Maintenance script', ['interface-admin', 'bot']);
      if (!system.ok) return fail(io, t(system.messageKey, system.params ?? {}));
      const user = system.value;
      const saved = await c.communityConfigEditor.save(user, checked.config, values.summary, null);
      if (!saved.ok) return fail(io, t(saved.messageKey, saved.params ?? {}));
      io.out(JSON.stringify({ imported: positionals[0], revision: saved.value.revId, user: user.name }));
      return 0;
    },
  },
};

/** A community configuration has keys an operator settings file never has. */
function looksLikeCommunityConfig(text: string): boolean {
  // By its text, so that a community configuration with a syntax error is still checked as one.
  return /"(ReportIncident_|ReportIncidentE2ETesterUsers"|\$version")/.test(text);
}

function parseTitleOrThrow(c: Container, text: string) {
  const parsed = parseTitle(text, c.namespaces);
  if (!parsed.ok) throw new CliError(`"${text}" is not a valid page title`);
  return parsed.value;
}

class CliError extends Error {}

function usage(io: Io, text: string): number {
  io.err(`usage: npm run -s cli -- ${text}`);
  return 2;
}

function fail(io: Io, message: string): number {
  io.err(`error: ${message}`);
  return 1;
}

export async function runCli(argv: string[], env: Record<string, string | undefined>, io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.err(name ? `unknown command "${name}"` : 'no command given');
    io.err('commands:');
    for (const c of Object.values(commands)) io.err(`  ${c.usage.padEnd(60)} ${c.summary}`);
    return 2;
  }
  let container: Container | null = null;
  const getContainer = () => {
    if (container) return container;
    const loaded = loadSettings(env, projectRoot);
    if (!loaded.ok) {
      for (const p of loaded.problems) io.err(`settings: ${p}`);
      throw new CliError('the settings are invalid');
    }
    // A command may wait for the app's write lock: it blocks nobody but itself.
    container = createContainer(loaded.settings, { logger: createLogger('warn'), busyTimeoutMs: 5000 });
    return container;
  };
  try {
    return await command.run(rest, io, getContainer, env);
  } catch (e) {
    if (e instanceof CliError) return fail(io, e.message);
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) return fail(io, e.message);
    throw e;
  } finally {
    await (container as Container | null)?.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(projectRoot, 'src', 'cli.ts')) {
  const code = await runCli(process.argv.slice(2), process.env, { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') });
  process.exitCode = code;
}
