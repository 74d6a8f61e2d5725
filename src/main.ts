/** Starts the wiki: reads the environment, validates settings, builds the container, listens, handles signals. */
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { type Container, createContainer, databaseFileOf, projectRoot } from './container.js';
import { Lifecycle } from './http/lifecycle.js';
import { seedDemoCases } from './seed/demoCases.js';
import { refreshDemo, seedDemo, warnAboutDemoAccounts } from './seed/demoSeed.js';
import { compactingCollection, eventLoopBusyShare, IdleMemoryRelease } from './shared/IdleMemoryRelease.js';
import { loadSettings } from './settings.js';
import { describeStartFailure, postgresPlace } from './startFailure.js';
import { exposedDataFiles, removeEmptyCreatedFiles } from './storage/dataFiles.js';
import { WalCheckpointer } from './storage/WalCheckpointer.js';

const loaded = loadSettings(process.env, projectRoot);
if (!loaded.ok) {
  process.stderr.write(`The wiki cannot start: the settings have ${loaded.problems.length} problem${loaded.problems.length > 1 ? 's' : ''}.\n`);
  for (const p of loaded.problems) process.stderr.write(`settings: ${p}\n`);
  process.exit(1);
}
const settings = loaded.settings;
const postgresUrl = settings.runtime.databaseUrl;
const exposed = postgresUrl ? [] : exposedDataFiles(databaseFileOf(settings));
if (exposed.length > 0 && !settings.AllowDataReadableByOthers) {
  process.stderr.write('The wiki cannot start: other local users can read its data (reports, identities, password hashes).\n');
  for (const e of exposed) process.stderr.write(`data: ${e.file} has mode ${e.mode}; fix it with: ${e.fix}\n`);
  process.stderr.write('data: or set AllowDataReadableByOthers to true to start anyway (see config/README.md).\n');
  process.exit(1);
}
const where = { databaseFile: databaseFileOf(settings), host: settings.runtime.host, port: settings.runtime.port, postgres: postgresUrl ? postgresPlace(postgresUrl) : undefined };
/** (#17) One clear line and exit 1, never a stack trace: the operator reads what to do. */
function cannotStart(error: unknown): never {
  process.stderr.write(`The wiki cannot start: ${describeStartFailure(error, where)}\n`);
  removeEmptyCreatedFiles();
  process.exit(1);
}

let container: Container;
try {
  container = createContainer(settings);
  await container.ready();
  if (settings.DemoSeed) {
    if (await seedDemo(container)) {
      // The demo's handled reports send mail: only into the development mailbox, never through a real relay.
      const reports = container.delivery.usesDevMailbox ? await seedDemoCases(container) : 0;
      container.logger.info('demo wiki seeded', { users: 'see README', reports });
    }
    await refreshDemo(container);
  }
  await warnAboutDemoAccounts(container);
  await container.start();
} catch (error) {
  cannotStart(error);
}
const { logger } = container;
// SQLite's write-ahead log is checkpointed beside the requests; PostgreSQL looks after its own.
const checkpointer = container.sql.engine === 'sqlite' ? new WalCheckpointer(container.db, logger) : null;
checkpointer?.start();
// npm start runs node with --expose-gc for this; run otherwise (tsx in development), the heap is left to V8.
const gc = (globalThis as { gc?: () => void }).gc;
const memory = gc ? new IdleMemoryRelease(compactingCollection(gc), eventLoopBusyShare(), logger) : null;
memory?.start();
const lifecycle = new Lifecycle();
const app = createApp(container, lifecycle);
// Express 5 hands a listen error (a port in use) to this callback: before, it was ignored and "listening" logged.
const server: Server = app.listen(settings.runtime.port, settings.runtime.host, (error?: Error) => {
  if (error) cannotStart(error);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.runtime.port;
  // The database is named by where it is, never by its URL (it may hold a password).
  const database = where.postgres ? { postgres: `${where.postgres.host}:${where.postgres.port}/${where.postgres.database}` } : { dataDir: settings.runtime.dataDir };
  logger.info('wiki listening', { url: `http://${settings.runtime.host}:${port}/`, server: settings.Server, ...database });
});
server.headersTimeout = 20_000;
server.requestTimeout = 30_000;
server.keepAliveTimeout = 5_000;

/** How long a stop may take before what is left is cut off: within the 10 s a supervisor usually allows. */
const STOP_BOUND = 8_000;
let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  // (#17) No new listener connections; every answer from now on closes its connection; idle ones close now.
  const inFlight = lifecycle.startDraining();
  logger.info('stopping', { signal, requestsInFlight: inFlight });
  memory?.stop();
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Requests in flight finish, the worker finishes the mail it is sending, then the database closes.
  const graceful = drained.then(() => checkpointer?.stop()).then(() => container.stop());
  const bound = new Promise<'bound'>((resolve) => setTimeout(() => resolve('bound'), STOP_BOUND).unref());
  void Promise.race([graceful.then(() => 'done' as const), bound]).then(
    async (outcome) => {
      if (outcome === 'bound') {
        // What did not finish in time is cut off cleanly: connections closed, mail being sent queued again with
        // the same Message-ID (a recipient's mail client shows a repeat once), the database closed.
        server.closeAllConnections();
        const requeued = await container.delivery.requeueInFlight();
        await container.close();
        logger.warn('stopped at the time bound; mail still being sent is queued again', { afterMs: Date.now() - started, mailRequeued: requeued });
      } else {
        logger.info('stopped', { afterMs: Date.now() - started });
      }
      process.exit(0);
    },
    (error: unknown) => {
      logger.error('stop failed', { error: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    },
  );
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
process.on('unhandledRejection', (reason) => {
  logger.error('unhandled rejection', { error: reason instanceof Error ? reason.stack : String(reason) });
  process.exit(1);
});
process.on('uncaughtException', (error) => {
  logger.error('uncaught exception', { error: error.stack });
  process.exit(1);
});
