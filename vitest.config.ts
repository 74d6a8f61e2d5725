// Test runner settings: every suite runs in its own forked process, in UTC. With TEST_DATABASE_URL, the HTTP suites,
// the outbox CLI's and the cases' run a second time on PostgreSQL (the "postgres" project), each test wiki in a
// schema of its own. Files run three at a time at least: most suites wait on sockets, PostgreSQL, Chromium and child
// processes, and vitest's default (one fewer than the cores) is a single file at a time on a 2-core machine.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const postgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: Math.max(3, availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'], globalSetup: ['./vitest.globalSetup.ts'] } },
      ...(postgres ? [{ extends: true as const, test: { name: 'postgres', include: ['test/http/**/*.test.ts', 'test/integration/outboxCli.test.ts', 'test/integration/cases.test.ts', 'test/integration/caseMail.test.ts', 'test/integration/demoCases.test.ts'], env: { TZ: 'UTC', TEST_ENGINE: 'postgres' } } }] : []),
    ],
  },
});
