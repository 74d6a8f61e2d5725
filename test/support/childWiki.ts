/** The wiki as a real child process (npm start's entry point), for tests that kill or stop it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { projectRoot } from '../../src/container.js';

export interface ChildWiki {
  url: string;
  child: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
}

export async function startChildWiki(env: Record<string, string>): Promise<ChildWiki> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the wiki did not start: ${log}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)\/"/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => reject(new Error(`the wiki exited with ${code}: ${log}`)));
  });
  return { url, child, log: () => log, exited };
}
