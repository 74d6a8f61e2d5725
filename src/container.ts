/** The composition root: the one place that builds services and adapters and wires them together. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AccountService } from './accounts/AccountService.js';
import { LoginThrottle } from './accounts/LoginThrottle.js';
import { UserRepository } from './accounts/UserRepository.js';
import { createI18n, type Messages } from './i18n/createI18n.js';
import { MenuRegistry } from './menus/MenuRegistry.js';
import { SessionRepository } from './sessions/SessionRepository.js';
import { SessionService } from './sessions/SessionService.js';
import type { Settings } from './settings.js';
import type { Clock } from './shared/Clock.js';
import { systemClock } from './shared/Clock.js';
import type { Logger } from './shared/Logger.js';
import { createLogger } from './shared/Logger.js';
import { migrate, migratePostgres } from './storage/migrate.js';
import { PostgresDatabase } from './storage/PostgresDatabase.js';
import { type Db, openDatabase } from './storage/openDatabase.js';
import type { SqlDatabase } from './storage/SqlDatabase.js';
import { SqliteDatabase } from './storage/SqliteDatabase.js';
import { CommunityConfigProvider } from './communityConfig/CommunityConfigProvider.js';
import { COMMUNITY_CONFIG_PAGE } from './communityConfig/communityConfigSchema.js';
import { CommunityConfigService } from './communityConfig/CommunityConfigService.js';
import { Delivery } from './delivery/Delivery.js';
import { DevMailboxRepository } from './delivery/DevMailboxRepository.js';
import { ReportMailComposer } from './delivery/emails/ReportMailComposer.js';
import type { Mailer } from './delivery/Mailer.js';
import { isCaseMail, type OutboxMessage, OutboxRepository } from './delivery/OutboxRepository.js';
import { registerReportMenuItems } from './reporting/reportMenuItems.js';
import { RetentionService } from './retention/RetentionService.js';
import { FunnelCounters } from './statistics/FunnelCounters.js';
import { StatisticsService } from './statistics/StatisticsService.js';
import { ReportDrafts } from './reporting/ReportDrafts.js';
import { ReportRepository } from './reporting/ReportRepository.js';
import { CaseRepository } from './cases/CaseRepository.js';
import { CaseService } from './cases/CaseService.js';
import { CaseMailComposer } from './cases/CaseMailComposer.js';
import { caseMailbox } from './cases/caseMailbox.js';
import { CaseReminders } from './cases/CaseReminders.js';
import { CaseTemplates } from './cases/caseTemplates.js';
import { longestRateLimitWindow, ReportService } from './reporting/ReportService.js';
import { registerTalkMenuItems } from './talk/talkMenuItems.js';
import { TalkItemRepository } from './talk/TalkItemRepository.js';
import { TalkPageService } from './talk/TalkPageService.js';
import { ThreadsHtmlCache } from './talk/ThreadsHtmlCache.js';
import { Namespaces } from './wiki/namespaces.js';
import { PageRepository } from './wiki/PageRepository.js';
import { PageService } from './wiki/PageService.js';
import { parseTitle } from './wiki/Title.js';

/** The project's root folder, for views/, locales/ and config/: the parent of src/ (or, compiled, of build/). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Container {
  settings: Settings;
  clock: Clock;
  logger: Logger;
  /** The SQLite connection, for what only SQLite has (its write-ahead log, its pragmas); absent on PostgreSQL. */
  db: Db;
  /** The database as repositories use it, whichever the engine. */
  sql: SqlDatabase;
  /** Resolves once the database is reachable and migrated (PostgreSQL's migrations run asynchronously). */
  ready(): Promise<void>;
  paths: { root: string; views: string; locales: string };
  namespaces: Namespaces;
  messages: Messages;
  accounts: AccountService;
  sessions: SessionService;
  pages: PageService;
  talk: TalkPageService;
  menus: MenuRegistry;
  threadsCache: ThreadsHtmlCache;
  communityConfig: CommunityConfigProvider;
  communityConfigEditor: CommunityConfigService;
  reports: ReportService;
  /** The responder desk's cases (#21). */
  cases: CaseService;
  /** What staff are told of a report: its mail's model, which the case page shows too. */
  reportFacts: Pick<ReportMailComposer, 'staffModel' | 'receiptModel'>;
  /** The desk's reply templates, in the reporter's language. */
  caseTemplates: CaseTemplates;
  reportDrafts: ReportDrafts;
  delivery: Delivery;
  devMailbox: DevMailboxRepository;
  retention: RetentionService;
  /** Reminders of cases left waiting (#21), every few minutes, one process at a time. */
  reminders: CaseReminders;
  funnel: FunnelCounters;
  statistics: StatisticsService;
  /** Starts what runs beside requests: the mail path and its worker. */
  start(): Promise<void>;
  /** Stops the worker (waiting for mail being sent) and closes the database. */
  stop(): Promise<void>;
  /** Stops at once: the counts made are written, mail being sent is left to its lease, the database closes. */
  close(): Promise<void>;
}

/** What a module is given: the named members of the container, and nothing else. */
export type Services<K extends keyof Container> = Pick<Container, K>;

/**
 * The composition root hands each module only the members it names. Each is read when used, not when picked:
 * some (the mail path) are made at start.
 */
export function servicesOf<K extends keyof Container>(c: Container, keys: readonly K[]): Services<K> {
  const picked = {} as Services<K>;
  for (const key of keys) Object.defineProperty(picked, key, { get: () => c[key], enumerable: true });
  return picked;
}

export interface ContainerOverrides {
  clock?: Clock;
  logger?: Logger;
  /** A database file other than DATA_DIR/wiki.sqlite, or ':memory:'. */
  databaseFile?: string;
  /** A PostgreSQL database instead of SQLite (tests: each file its own schema). */
  postgres?: { url: string; schema?: string };
  /** How long a statement waits for another process's write lock (the CLI may wait; the app must not). */
  busyTimeoutMs?: number;
  /** Builds the mailer for an SMTP URL (tests may wrap it). */
  mailerFactory?: (url: string, plain: boolean) => Mailer;
}

/**
 * (#17) The app waits this long, synchronously, for another process's write lock, then answers or retries without
 * blocking: a report's transaction is tried again for LOCK_WAIT, other writes answer 503 "nothing was stored".
 */
export const SERVER_BUSY_TIMEOUT = 20;

/** The SQLite database in the data directory. */
export function databaseFileOf(settings: Settings): string {
  return path.join(settings.runtime.dataDir, 'wiki.sqlite');
}

export function createContainer(settings: Settings, overrides: ContainerOverrides = {}): Container {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createLogger(settings.runtime.production ? 'info' : 'info');
  const paths = { root: projectRoot, views: path.join(projectRoot, 'views'), locales: path.join(projectRoot, 'locales') };

  const postgresUrl = overrides.postgres?.url ?? settings.runtime.databaseUrl;
  let db: Db | null = null;
  let sql: SqlDatabase;
  let migrated: Promise<void>;
  if (postgresUrl) {
    const postgres = PostgresDatabase.connect(postgresUrl, { ...(overrides.postgres?.schema ? { schema: overrides.postgres.schema } : {}) });
    sql = postgres;
    // Migrated before first use (ready()), under a lock shared by every process of the wiki.
    migrated = migratePostgres(postgres).then((applied) => {
      if (applied.length > 0) logger.info('database migrated', { migrations: applied });
    });
    migrated.catch(() => {}); // awaited by ready(); never an unhandled rejection before that
    postgres.waitFor(migrated);
  } else {
    db = openDatabase(overrides.databaseFile ?? databaseFileOf(settings), { busyTimeoutMs: overrides.busyTimeoutMs ?? SERVER_BUSY_TIMEOUT });
    const applied = migrate(db);
    if (applied.length > 0) logger.info('database migrated', { migrations: applied });
    sql = new SqliteDatabase(db);
    migrated = Promise.resolve();
  }

  const namespaces = new Namespaces(settings.Sitename);
  const messages = createI18n(paths.locales);
  const contentT = messages.translator(messages.has(settings.LanguageCode) ? settings.LanguageCode : 'en');

  const users = new UserRepository(sql);
  const accounts = new AccountService(users, new LoginThrottle(sql, clock), clock);
  const sessions = new SessionService(new SessionRepository(sql), clock);
  const pages = new PageService(new PageRepository(sql), users, namespaces, clock);
  const talk = new TalkPageService(pages, new TalkItemRepository(sql), namespaces, clock, (kind, heading) =>
    contentT(kind === 'new-topic' ? 'talk-summary-new-topic' : 'talk-summary-reply', { heading }),
  );

  const configTitle = parseTitle(COMMUNITY_CONFIG_PAGE, namespaces);
  if (!configTitle.ok) throw new Error(`${COMMUNITY_CONFIG_PAGE} is not a valid title`);
  const communityConfig = new CommunityConfigProvider(pages, configTitle.value, logger);
  const communityConfigEditor = new CommunityConfigService(communityConfig, pages, configTitle.value, namespaces, async (name) => (await accounts.findByName(name)) !== null);
  const reportRepository = new ReportRepository(sql);
  const caseRepository = new CaseRepository(sql);
  // The report service and the cases tell delivery after each commit; delivery is built later, so the call is late-bound.
  let delivery: Delivery | null = null;
  const caseTemplates = new CaseTemplates(messages, settings, communityConfig);
  const cases = new CaseService(
    caseRepository,
    {
      partiesOf: async (id) => {
        const r = await reportRepository.find(id);
        return { reporterUserId: r?.reporterUserId ?? null, reportedUserId: r?.reportedUserId ?? null, erased: !r || r.purgedAt !== undefined };
      },
      findUser: (id) => accounts.findById(id),
      inGroup: (group) => accounts.inGroup(group),
    },
    clock,
    settings.ReportIncidentAcknowledgeWithinHours,
    caseMailbox({ sql, reports: reportRepository, accounts, settings, clock, kick: () => delivery?.kick() }),
    caseTemplates,
  );
  const devMailbox = new DevMailboxRepository(sql);
  const funnel = new FunnelCounters(sql, clock, logger);
  const reports = new ReportService(reportRepository, accounts, pages, talk, communityConfig, namespaces, settings, clock, cases, (report, what) => {
    if (report.route !== 'support') delivery?.kick();
    // The funnel counts reports; an update of one is not another, and a tester's report is not one.
    if (what === 'update' || report.test) return;
    if (report.route === 'emergency') funnel.count('emergency-submitted', report.physicalHarmType ?? '');
    if (report.route === 'direct') funnel.count('direct-report-submitted', report.behaviorType ?? '');
  });
  const reportDrafts = new ReportDrafts(reportRepository, clock, (step) => funnel.count('flow-abandoned', step));
  const composer = new ReportMailComposer(reports, accounts, communityConfig, namespaces, messages, settings, clock, paths.views);
  const caseMail = new CaseMailComposer(reports, caseRepository, accounts, messages, settings, paths.views);
  // Each outbox message goes to the composer of its kind: the desk's own mail, or a report's.
  const composeByKind = { compose: (m: OutboxMessage) => (isCaseMail(m.kind) ? caseMail.compose(m) : composer.compose(m)) };
  delivery = new Delivery(new OutboxRepository(sql), composeByKind, devMailbox, settings, clock, logger, overrides.mailerFactory);
  const mail = delivery;
  const retention = new RetentionService(reportRepository, reportDrafts, devMailbox, sessions, settings.ReportIncidentRetentionDays, longestRateLimitWindow(settings), clock, logger, sql, caseRepository);

  const reminders = new CaseReminders(cases, sql, logger);

  const menus = new MenuRegistry();
  registerTalkMenuItems(menus, pages);
  registerReportMenuItems(menus, { reports, settings });

  return {
    settings,
    clock,
    logger,
    get db(): Db {
      if (!db) throw new Error('this wiki runs on PostgreSQL: it has no SQLite connection');
      return db;
    },
    sql,
    ready: () => migrated,
    paths,
    namespaces,
    messages,
    accounts,
    sessions,
    pages,
    talk,
    menus,
    threadsCache: new ThreadsHtmlCache(),
    communityConfig,
    communityConfigEditor,
    reports,
    cases,
    reportFacts: composer,
    caseTemplates,
    reportDrafts,
    delivery: mail,
    devMailbox,
    retention,
    reminders,
    funnel,
    statistics: new StatisticsService(reportRepository, funnel, mail, clock, caseRepository),
    start: async () => {
      await mail.start();
      retention.start();
      reminders.start();
    },
    stop: async () => {
      retention.stop();
      reminders.stop();
      await mail.stop();
      await funnel.close();
      await sql.close();
    },
    close: async () => {
      retention.stop();
      reminders.stop();
      void mail.stop();
      await funnel.close();
      await sql.close();
    },
  };
}
