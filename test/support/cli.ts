/** The operators' CLI run as `npm run -s cli` runs it, against a data directory, for tests of its commands. */
import { spawnSync } from 'node:child_process';
import { projectRoot } from '../../src/container.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `src/cli.ts` with `args` on `dataDir`, demo seeding off, with only PATH and HOME of this environment. */
export function runCli(dataDir: string, args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, DEMO_SEED: '0', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
