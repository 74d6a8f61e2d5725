/** The operators' CLI run as `npm run -s cli` runs it, against a data directory, for tests of its commands. */
import { spawnSync } from 'node:child_process';
import { projectRoot } from '../../src/container.js';
import { postgresUrlOfDataDir } from './postgres.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `src/cli.ts` with `args` on `dataDir` (or the PostgreSQL schema of the test wiki there), demo seeding off, with only PATH and HOME of this environment. */
export function runCli(dataDir: string, args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, DEMO_SEED: '0', ...(postgresUrlOfDataDir.has(dataDir) ? { DATABASE_URL: postgresUrlOfDataDir.get(dataDir)! } : {}), ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
