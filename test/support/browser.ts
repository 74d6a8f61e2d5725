/**
 * A headless Chromium for browser tests, found without downloading anything: CHROMIUM_PATH, else the
 * system's /usr/bin/chromium, else the binary bundled in the @sparticuz/chromium devDependency.
 * Also a helper that saves full-page screenshots into test-results/screenshots (git-ignored), and the
 * steps every browser test takes as a person would: logging in, finding a comment; and the harness of a browser
 * test file (browserSuite).
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type LaunchOptions, type Locator, type Page, type Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startTestWiki, type TestWiki } from './testWiki.js';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags for a distribution's Chromium: quiet (no update, sync or background traffic) and container-friendly. */
export const SYSTEM_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/**
 * @sparticuz/chromium's flags are made for AWS Lambda; these ones are wrong for a test run:
 * --single-process kills the whole browser as soon as a second context is closed (every test here has
 * its own context), --disable-web-security and --allow-running-insecure-content would hide same-origin
 * and mixed-content behaviour the app must really get, and Playwright passes its own --headless.
 */
const SPARTICUZ_UNWANTED = ['--single-process', '--disable-web-security', '--allow-running-insecure-content', '--headless'];

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';

export interface ChromiumChoice {
  source: ChromiumSource;
  executablePath: string;
  args: string[];
}

/** Where Chromium is, in the order CHROMIUM_PATH, /usr/bin/chromium, @sparticuz/chromium (unpacked into the temp dir on first use). */
export async function resolveChromium(env: NodeJS.ProcessEnv = process.env, systemPath: string = SYSTEM_CHROMIUM): Promise<ChromiumChoice> {
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist`);
    return { source: 'CHROMIUM_PATH', executablePath: fromEnv, args: [...SYSTEM_CHROMIUM_ARGS] };
  }
  if (existsSync(systemPath)) return { source: 'system', executablePath: systemPath, args: [...SYSTEM_CHROMIUM_ARGS] };
  const sparticuz = (await import('@sparticuz/chromium')).default;
  const executablePath = await sparticuz.executablePath();
  // The bundle brings its own fonts (Open Sans) but points fontconfig at them only on Amazon Linux;
  // on a machine without any fontconfig setup, use them rather than render tofu.
  if (!env['FONTCONFIG_PATH'] && !existsSync('/etc/fonts/fonts.conf') && existsSync(path.join(tmpdir(), 'fonts', 'fonts.conf'))) {
    env['FONTCONFIG_PATH'] = path.join(tmpdir(), 'fonts');
  }
  const args = sparticuz.args.filter((arg) => !SPARTICUZ_UNWANTED.some((unwanted) => arg === unwanted || arg.startsWith(`${unwanted}=`)));
  return { source: '@sparticuz/chromium', executablePath, args };
}

/** The Chromium the last launchBrowser() used, for logs. */
export let launchedChromium: ChromiumChoice | null = null;

/** Launches headless Chromium; extra launch options (e.g. slowMo) are passed on, extra args appended. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const choice = await resolveChromium();
  launchedChromium = choice;
  return chromium.launch({
    headless: true,
    ...options,
    executablePath: choice.executablePath,
    args: [...choice.args, ...(options.args ?? [])],
  });
}

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export interface ScreenshotOptions {
  /**
   * The whole page (the default), or only the viewport: what a phone shows over a modal <dialog>, which a
   * full-page capture would lay out in a viewport as tall as the page.
   */
  fullPage?: boolean;
}

/** Saves a full-page (or viewport) PNG as test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, { fullPage = true }: ScreenshotOptions = {}): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`screenshot name ${JSON.stringify(name)} must be letters, digits, dot, dash or underscore`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage, animations: 'disabled', caret: 'hide' });
  return file;
}

/**
 * Logs in as a person does, from the page at `from`: the header's "Log in" link, then the Special:UserLogin
 * form with the demo password. Waits until the wiki sends the page back to `returnsTo` when given, else
 * until it leaves the login form.
 */
export async function logInThroughHeader(page: Page, name: string, from: string, returnsTo?: string): Promise<void> {
  await page.goto(from);
  await page.getByRole('navigation', { name: 'Personal tools' }).getByRole('link', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname === '/wiki/Special:UserLogin');
  await page.getByLabel('Username').fill(name);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => (returnsTo === undefined ? url.pathname !== '/wiki/Special:UserLogin' : url.pathname === returnsTo));
}

/** The talk page comment whose text contains `text`. */
export function commentWith(page: Page, text: string): Locator {
  return page.locator('article.comment', { hasText: text });
}

/**
 * Records into `problems` what must not happen on any page: a script error, a console error, or a failed
 * subresource (a document's own error status, a 422 for a missing choice, is logged by Chromium too and is not one).
 * `expected` names failed responses that are part of the flow.
 */
export function recordProblems(page: Page, problems: string[], expected: (response: Response) => boolean = () => false): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document' && response.status() >= 400 && !expected(response)) problems.push(`${response.status()} for ${response.url()}`);
  });
}

export interface VisitorOptions {
  js: boolean;
  width?: number;
  /** The wiki to visit: the suite's own unless given. */
  on?: TestWiki;
  /** Grants clipboard access (for "Copy link"). */
  clipboard?: boolean;
  /** Responses of 400 and above that are part of what the test does, not problems. */
  expected?: (response: Response) => boolean;
}

export interface BrowserSuite {
  /** The suite's wiki and browser, started before its first test. */
  readonly wiki: TestWiki;
  readonly browser: Browser;
  /** A page in a context of its own, as one fresh visitor; closed after the test, its problems checked. */
  openPage(options: VisitorOptions): Promise<Page>;
  /** A wiki of the running test's own (for tests that file reports or keep drafts), closed after its contexts. */
  ownWiki(): Promise<TestWiki>;
}

/**
 * One wiki and one Chromium for a test file, with the hooks every browser test file needs: contexts closed after
 * each test (then `afterContexts`, e.g. wikis of the test's own), and every page's script errors, console errors
 * and failed subresources expected to be none.
 */
export function browserSuite(afterContexts: () => Promise<void> = async () => {}): BrowserSuite {
  const contexts: BrowserContext[] = [];
  const ownWikis: TestWiki[] = [];
  const problems: string[] = [];
  let wiki: TestWiki | null = null;
  let browser: Browser | null = null;
  beforeAll(async () => {
    [wiki, browser] = await Promise.all([startTestWiki(), launchBrowser()]);
    console.info(`browser tests use Chromium ${browser.version()} from ${launchedChromium?.source} (${launchedChromium?.executablePath})`);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await Promise.all(ownWikis.splice(0).map((w) => w.close()));
    await afterContexts();
    // Every page must load without script errors or CSP violations.
    expect(problems.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await wiki?.close();
  });
  const started = <T>(value: T | null): T => {
    if (value === null) throw new Error('the browser suite has not started yet');
    return value;
  };
  return {
    get wiki() {
      return started(wiki);
    },
    get browser() {
      return started(browser);
    },
    async ownWiki() {
      const own = await startTestWiki();
      ownWikis.push(own);
      return own;
    },
    async openPage({ js, width = 1280, on, clipboard = false, expected }) {
      const target = on ?? started(wiki);
      const context = await started(browser).newContext({ baseURL: target.url, javaScriptEnabled: js, viewport: { width, height: 800 }, reducedMotion: 'reduce' });
      contexts.push(context);
      // Fail fast with Playwright's own message rather than at vitest's 30 s test timeout.
      context.setDefaultTimeout(5_000);
      if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: target.url });
      const page = await context.newPage();
      recordProblems(page, problems, expected);
      return page;
    },
  };
}

/** Logs a demo user in through Special:UserLogin, as a person does, and waits until the wiki has answered the form. */
export async function logIn(page: Page, baseUrl: string, name: string, returnTo?: string): Promise<void> {
  await page.goto(`${baseUrl}/wiki/Special:UserLogin${returnTo ? `?returnto=${encodeURIComponent(returnTo)}` : ''}`);
  await page.fill('#wpName', name);
  await page.fill('#wpPassword', 'demo-password');
  await Promise.all([page.waitForURL((url) => url.pathname !== '/wiki/Special:UserLogin'), page.click('#wpLoginAttempt')]);
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The WCAG levels every page is audited against. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG 2.2 AA violations of the page as it is, one line each (rule and the first elements). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  }, AXE_TAGS);
}
