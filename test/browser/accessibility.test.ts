// axe-core on every page and every step of the report flow, in English and in Arabic (right to left), with JavaScript on and off.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, logIn, screenshot } from '../support/browser.js';
import { HttpClient, hiddenField } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';


let wiki: TestWiki;
let browser: Browser;
let confirmationPath = '';

beforeAll(async () => {
  [wiki, browser] = await Promise.all([startTestWiki({ delivery: true, settings: { ReportIncidentEnableDirectReporting: true } as never }), launchBrowser()]);
  const alice = new HttpClient(wiki.url);
  await alice.login('Alice');
  const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
  const r = await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm', ...target });
  confirmationPath = `/wiki/Special:ReportIncident/submitted/${r.json<{ reportId: string }>().reportId}`;
});
afterAll(async () => {
  await browser?.close();
  await wiki?.close();
});

const audit = axeViolations;

/**
 * "JavaScript off" means the wiki's own scripts never run (they are blocked), while axe itself, injected
 * into the page, still can: a context with JavaScript disabled could not run the audit at all.
 */
async function open(lang: string, js: boolean, user: string | null, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true, locale: lang });
  if (!js) await context.route('**/static/*.js*', (route) => route.abort());
  const page = await context.newPage();
  if (user) await logIn(page, wiki.url, user);
  return { context, page };
}

const pages: { name: string; user: string | null; path: () => string }[] = [
  { name: 'talk page, logged out', user: null, path: () => '/wiki/Talk:African_wild_dog' },
  { name: 'talk page, logged in', user: 'Alice', path: () => '/wiki/Talk:African_wild_dog' },
  { name: 'article', user: null, path: () => '/wiki/African_wild_dog' },
  { name: 'missing page', user: null, path: () => '/wiki/No_such_page' },
  { name: 'login', user: null, path: () => '/wiki/Special:UserLogin' },
  { name: 'preferences', user: 'Chloe', path: () => '/wiki/Special:Preferences' },
  { name: 'history', user: null, path: () => '/w/index.php?title=Talk:African_wild_dog&action=history' },
  { name: 'reply form', user: 'Alice', path: () => '/w/index.php?title=User_talk:Testing&action=edit&section=new' },
  { name: 'report step 1', user: 'Alice', path: () => '/wiki/Special:ReportIncident?page=Talk:African_wild_dog' },
  { name: 'ineligible (email)', user: 'Chloe', path: () => '/wiki/Special:ReportIncident?page=Talk:African_wild_dog' },
  { name: 'Get support (doxing)', user: 'Alice', path: () => '/wiki/Special:ReportIncident/support/doxing?page=Talk:African_wild_dog' },
  { name: 'confirmation', user: 'Alice', path: () => confirmationPath },
  { name: 'community configuration', user: 'Ines', path: () => '/wiki/Special:CommunityConfiguration/ReportIncident' },
  { name: 'statistics', user: 'Tomas', path: () => '/wiki/Special:ReportIncidentStatistics' },
  { name: 'development mailbox', user: 'Tomas', path: () => '/wiki/Special:DevMailbox' },
];

describe.each(['en', 'ar'])('axe in %s', (lang) => {
  for (const js of [true, false]) {
    it.each(pages.map((p) => [p.name, p] as const))(`when "%s" is audited with JavaScript ${js ? 'on' : 'off'}, then there are no violations`, async (_name, p) => {
      const { context, page } = await open(lang, js, p.user);
      const response = await page.goto(`${wiki.url}${p.path()}${p.path().includes('?') ? '&' : '?'}uselang=${lang}`);
      expect(response?.status()).toBeLessThan(500);
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await audit(page)).toEqual([]);
      await context.close();
    });
  }

  it('when the report flow is walked step by step, then every step passes the audit', async () => {
    const { context, page } = await open(lang, false, 'Alice');
    const steps: string[][] = [];
    await page.goto(`${wiki.url}/wiki/Special:ReportIncident?page=Talk:African_wild_dog&uselang=${lang}`);
    await page.click('button[value=continue]');
    steps.push(await audit(page));
    await page.check('#incidentType-immediate-threat-physical-harm');
    await page.check('#physicalHarmType-threats-public-harm');
    await page.click('button[value=continue]');
    steps.push(await audit(page));
    await page.click('button[value=back]');
    await page.check('#incidentType-unacceptable-user-behavior');
    await page.click('button[value=continue]');
    steps.push(await audit(page));
    await page.check('#behaviorType-intimidation');
    await page.click('button[value=continue]');
    steps.push(await audit(page));
    expect(steps).toEqual([[], [], [], []]);
    await context.close();
  });

  it.each([360, 1280])('when the talk page and a report step are shown at %i px, then screenshots are saved', async (width) => {
    const { context, page } = await open(lang, true, 'Alice', width);
    await page.goto(`${wiki.url}/wiki/Talk:African_wild_dog?uselang=${lang}`);
    await screenshot(page, `a11y-talk-${lang}-${width}`);
    await page.goto(`${wiki.url}/wiki/Special:ReportIncident?page=Talk:African_wild_dog&uselang=${lang}`);
    await screenshot(page, `a11y-step1-${lang}-${width}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await context.close();
  });
});
