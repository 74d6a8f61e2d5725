// The operator's commands as real processes: the CLI (npm run -s cli) and the server's start with good and bad settings.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/container.js';
import { runCli } from '../support/cli.js';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'wiki-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, DEMO_SEED: '0' });

const cli = (args: string[], env: Record<string, string> = {}) => runCli(dataDir, args, env);

describe('the CLI', () => {
  it('when npm run -s cli -- user:create is run, then the account exists with its email, edits and groups', () => {
    const r = spawnSync('npm', ['run', '-s', 'cli', '--', 'user:create', 'Zed Example', '--password', 'long-enough-pw', '--email', 'zed@example.org', '--email-confirmed', '--edits', '12', '--registered', '2020-01-02T03:04:05Z', '--group', 'sysop', '--group', 'trust-and-safety'], {
      cwd: projectRoot,
      env: baseEnv(),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ created: 'Zed Example', groups: ['sysop', 'trust-and-safety'] });
  });

  it('when the name is taken, then it exits 1 with a message', () => {
    const r = cli(['user:create', 'Zed_Example', '--password', 'long-enough-pw']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already in use');
  });

  it.each([
    ['no password', ['user:create', 'Yan'], 2],
    ['an unknown group', ['user:create', 'Yan', '--password', 'long-enough-pw', '--group', 'wizard'], 1],
    ['a bad date', ['user:create', 'Yan', '--password', 'long-enough-pw', '--registered', 'yesterday'], 1],
    ['a short password', ['user:create', 'Yan', '--password', 'short'], 1],
    ['an unknown option', ['user:create', 'Yan', '--password', 'long-enough-pw', '--colour', 'red'], 1],
  ])('when user:create gets %s, then it refuses with a non-zero exit code', (_name, args, code) => {
    const r = cli(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr.length).toBeGreaterThan(0);
  });

  it('when user:block is run, then the account is blocked sitewide, or partially with --namespace', () => {
    const sitewide = cli(['user:block', 'Zed Example', '--reason', 'testing']);
    expect(sitewide.code).toBe(0);
    expect(JSON.parse(sitewide.stdout)).toMatchObject({ blocked: 'Zed Example', sitewide: true, expires: 'infinite' });
    cli(['user:create', 'Partial', '--password', 'long-enough-pw']);
    const partial = cli(['user:block', 'Partial', '--namespace', '0']);
    expect(JSON.parse(partial.stdout)).toMatchObject({ sitewide: false });
  });

  it('when user:block names nobody, then it exits 1', () => {
    expect(cli(['user:block', 'Nobody']).code).toBe(1);
  });

  it('when an unknown command is given, then the list of commands is printed and it exits 2', () => {
    const r = cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('user:create');
  });

  it('when config:validate reads a good and a bad settings file, then it exits 0 and 1 with one line per problem', () => {
    const good = path.join(dataDir, 'good.json');
    const bad = path.join(dataDir, 'bad.json');
    writeFileSync(good, JSON.stringify({ Sitename: 'Test Wiki', RateLimits: { reportincident: { newbie: [2, 3600], user: [9, 86400] } } }));
    writeFileSync(bad, JSON.stringify({ Server: 'ftp://x', RateLimits: { reportincident: { newbie: [0, 3600], user: [5, 86400] } }, Typo: 1 }));
    expect(cli(['config:validate', good]).code).toBe(0);
    const r = cli(['config:validate', bad]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.some((l) => l.startsWith('Server:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('RateLimits.reportincident.newbie[0]:'))).toBe(true);
    expect(lines.some((l) => l.includes('"Typo"'))).toBe(true);
  });
});

describe('npm start', () => {
  it('when a setting is invalid, then the start stops with exit code 1 and one line per problem naming its path', () => {
    const file = path.join(dataDir, 'broken.json');
    writeFileSync(file, JSON.stringify({ AutoConfirmCount: -1, ReportIncidentRecipientEmails: ['not-an-email'] }));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: projectRoot, env: { ...baseEnv(), REPORTINCIDENT_CONFIG: file, PORT: 'eighty' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('settings: '));
    expect(lines).toHaveLength(3);
    expect(r.stderr).toContain('settings: PORT:');
    expect(r.stderr).toContain('settings: AutoConfirmCount:');
    expect(r.stderr).toContain('settings: ReportIncidentRecipientEmails[0]:');
  });

  it('when the settings are good, then the compiled app (prestart, then build/main.js) seeds the demo, serves pages and stops cleanly on SIGTERM', async () => {
    const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: projectRoot, encoding: 'utf8' });
    expect(built.status, built.stdout + built.stderr).toBe(0);
    const seedDir = mkdtempSync(path.join(tmpdir(), 'wiki-start-'));
    const child = spawn(process.execPath, ['build/main.js'], { cwd: projectRoot, env: { ...baseEnv(), DATA_DIR: seedDir, DEMO_SEED: '1', PORT: '0' } });
    let log = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line in: ${log}`)), 20_000);
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        const m = /"url":"(http:\/\/[^"]+)"/.exec(log);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    const page = await fetch(`${url}wiki/User_talk:Testing`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Meetup next month');
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    rmSync(seedDir, { recursive: true, force: true });
  });
});
