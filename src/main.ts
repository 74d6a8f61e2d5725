/** Starts the wiki: reads the environment, validates settings, builds the container, listens, handles signals. */
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { createContainer, databaseFileOf, projectRoot } from './container.js';
import { refreshDemo, seedDemo, warnAboutDemoAccounts } from './seed/demoSeed.js';
import { compactingCollection, eventLoopBusyShare, IdleMemoryRelease } from './shared/IdleMemoryRelease.js';
import { loadSettings } from './settings.js';
import { exposedDataFiles } from './storage/dataFiles.js';
import { WalCheckpointer } from './storage/WalCheckpointer.js';

const loaded = loadSettings(process.env, projectRoot);
if (!loaded.ok) {
  process.stderr.write(`The wiki cannot start: the settings have ${loaded.problems.length} problem${loaded.problems.length > 1 ? 's' : ''}.\n`);
  for (const p of loaded.problems) process.stderr.write(`settings: ${p}\n`);
  process.exit(1);
}
const settings = loaded.settings;
const exposed = exposedDataFiles(databaseFileOf(settings));
if (exposed.length > 0 && !settings.AllowDataReadableByOthers) {
  process.stderr.write('The wiki cannot start: other local users can read its data (reports, identities, password hashes).\n');
  for (const e of exposed) process.stderr.write(`data: ${e.file} has mode ${e.mode}; fix it with: ${e.fix}\n`);
  process.stderr.write('data: or set AllowDataReadableByOthers to true to start anyway (see config/README.md).\n');
  process.exit(1);
}
const container = createContainer(settings);
const { logger } = container;

if (settings.DemoSeed) {
  if (seedDemo(container)) logger.info('demo wiki seeded', { users: 'see README' });
  refreshDemo(container);
}
warnAboutDemoAccounts(container);

await container.start();
const checkpointer = new WalCheckpointer(container.db, logger);
checkpointer.start();
// npm start runs node with --expose-gc for this; run otherwise (tsx in development), the heap is left to V8.
const gc = (globalThis as { gc?: () => void }).gc;
const memory = gc ? new IdleMemoryRelease(compactingCollection(gc), eventLoopBusyShare(), logger) : null;
memory?.start();
const app = createApp(container);
const server: Server = app.listen(settings.runtime.port, settings.runtime.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.runtime.port;
  logger.info('wiki listening', { url: `http://${settings.runtime.host}:${port}/`, server: settings.Server, dataDir: settings.runtime.dataDir });
});
server.headersTimeout = 20_000;
server.requestTimeout = 30_000;
server.keepAliveTimeout = 5_000;

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info('stopping', { signal });
  memory?.stop();
  // Requests in flight finish, the worker finishes the mail it is sending, then the database closes.
  server.close(() => {
    void checkpointer
      .stop()
      .then(() => container.stop())
      .then(() => process.exit(0));
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
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
