/** Starts the real app on an ephemeral loopback port with its own data directory, for HTTP and browser tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app.js';
import { type Container, type ContainerOverrides, createContainer, projectRoot } from '../../src/container.js';
import { seedDemo } from '../../src/seed/demoSeed.js';
import { loadSettings, type Settings } from '../../src/settings.js';
import type { Clock } from '../../src/shared/Clock.js';
import { MemoryLogger } from '../../src/shared/Logger.js';
import type { Engine } from '../../src/storage/SqlDatabase.js';
import { newSchema, postgresUrlOfDataDir, testDatabaseUrl, urlWithSchema } from './postgres.js';

export interface TestWiki {
  url: string;
  container: Container;
  logger: MemoryLogger;
  dataDir: string;
  close(): Promise<void>;
}

export interface TestWikiOptions {
  seed?: boolean;
  clock?: Clock;
  /** Settings keys to override (merged over config/default.json). */
  settings?: Partial<Settings>;
  env?: Record<string, string>;
  /** Start the mail path and its worker (to SMTP_URL in env, or the development mailbox). */
  delivery?: boolean;
  /** Reuse this data directory (kept on close) instead of a new temporary one. */
  dataDir?: string;
  mailerFactory?: ContainerOverrides['mailerFactory'];
}

export function testSettings(dataDir: string, overrides: Partial<Settings> = {}, env: Record<string, string> = {}): Settings {
  const loaded = loadSettings({ DATA_DIR: dataDir, PORT: '0', ...env }, projectRoot);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  return { ...loaded.settings, ...overrides };
}

/**
 * The engine the HTTP suites run on: vitest's "postgres" project runs them again with TEST_ENGINE=postgres, each
 * wiki in a schema of its own on TEST_DATABASE_URL's server.
 */
export const testWikiEngine: Engine = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export async function startTestWiki(options: TestWikiOptions = {}): Promise<TestWiki> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'wiki-test-'));
  const logger = new MemoryLogger();
  const settings = testSettings(dataDir, options.settings, options.env);
  const schema = testWikiEngine === 'postgres' ? await newSchema() : null;
  const container = createContainer(settings, {
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.mailerFactory ? { mailerFactory: options.mailerFactory } : {}),
    ...(schema ? { postgres: { url: testDatabaseUrl!, schema: schema.schema } } : {}),
  });
  await container.ready();
  if (schema) postgresUrlOfDataDir.set(dataDir, urlWithSchema(schema.schema));
  if (options.seed ?? true) await seedDemo(container);
  if (options.delivery) await container.start();
  const app = createApp(container);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    container,
    logger,
    dataDir,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await container.stop();
      await schema?.drop();
      postgresUrlOfDataDir.delete(dataDir);
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
