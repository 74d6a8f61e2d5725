// The responder desk (#21) in a real browser with the wiki's scripts blocked: the queue, a case and Special:MyReports,
// in English and Arabic, at phone and desktop widths; axe finds nothing, nothing overflows, and screenshots are saved.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTitle } from '../../src/wiki/Title.js';
import { axeViolations, launchBrowser, logIn, screenshot } from '../support/browser.js';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';


let wiki: TestWiki;
let browser: Browser;
const emergencyOf: Record<string, string> = {};

beforeAll(async () => {
  [wiki, browser] = await Promise.all([startTestWiki({ settings: { ReportIncidentEnableDirectReporting: true } }), launchBrowser()]);
  const title = parseTitle('MediaWiki:IncidentReportingConfig.json', wiki.container.namespaces);
  if (!title.ok) throw new Error('title');
  const ines = (await wiki.container.accounts.findByName('Ines'))!;
  const config = { ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: '', Email: 'admins@example.org', ContactCommunity: '' } };
  expect((await wiki.container.pages.saveText(title.value, { user: ines }, JSON.stringify(config), 'Direct reports')).ok).toBe(true);
  const file = async (name: string, body: Record<string, unknown>, comment = 'Keep reverting me') => {
    const client = new HttpClient(wiki.url);
    await client.login(name);
    const target = await findComment(client, 'Talk:African_wild_dog', comment);
    const r = await postReport(client, { ...target, ...body });
    expect(r.status).toBe(201);
    return r.json<{ reportId: string }>().reportId;
  };
  // A lived-in queue: two emergencies of Alice's (one for each language's walk), a reporter at risk, a direct report.
  for (const lang of ['en', 'ar']) {
    emergencyOf[lang] = await file('Alice', { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: 'He wrote that he knows which school my daughter goes to and that he will be waiting there.' }, lang === 'en' ? 'Keep reverting me' : 'Best prices');
  }
  await file('Rowan', { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm', about: 'self', details: 'I cannot go on like this.' });
  await file('Testing', { incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', directReport: 'Brackenfield follows my edits and mocks me on every talk page.' });
});
afterAll(async () => {
  await browser?.close();
  await wiki?.close();
});

const audit = axeViolations;

/** A browser with the wiki's scripts blocked (the desk needs none); axe is injected past the CSP. */
async function open(name: string, width: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
  context.setDefaultTimeout(5_000);
  await context.route('**/static/*.js*', (route) => route.abort());
  const page = await context.newPage();
  await logIn(page, wiki.url, name);
  return { page, close: () => context.close() };
}

/** What every desk page must be: right direction, no axe violation, no sideways scrolling. */
async function check(page: Page, lang: string, width: number, shot: string): Promise<void> {
  expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  expect(await audit(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  await screenshot(page, shot);
}

describe.each(['en', 'ar'])('the desk in %s', (lang) => {
  // Desktop first: it takes the actions, so the phone's screenshots show a case with a history.
  it.each([1280, 360])('when Tomas works a case and Alice follows it at %i px, then each page passes axe, fits, and keeps the language', async (width) => {
    const id = emergencyOf[lang]!;
    const tomas = await open('Tomas', width);
    await tomas.page.goto(`${wiki.url}/wiki/Special:IncidentReports?uselang=${lang}`);
    expect(await tomas.page.locator(`a[href*="${id}"]`).count()).toBe(1);
    await check(tomas.page, lang, width, `desk-queue-${lang}-${width}`);

    await tomas.page.click(`a[href*="${id}"]`);
    expect(new URL(tomas.page.url()).searchParams.get('uselang')).toBe(lang);
    if (width === 1280) {
      await tomas.page.locator('#form-acknowledge > summary').click();
      const template = await tomas.page.inputValue('#text-acknowledge');
      expect(template).toContain(id);
      await tomas.page.fill('#text-acknowledge', template.replace('[date]', '9 December'));
      await Promise.all([tomas.page.waitForURL(/done=acknowledge/), tomas.page.click('#form-acknowledge button[type=submit]')]);
      expect(new URL(tomas.page.url()).searchParams.get('uselang')).toBe(lang);
      await tomas.page.locator('#form-message > summary').click();
      await tomas.page.fill('#text-message', 'We have blocked the account. Are you and your daughter safe now?');
      await Promise.all([tomas.page.waitForURL(/done=message/), tomas.page.click('#form-message button[type=submit]')]);
      expect(await tomas.page.locator('.case-timeline .case-event').count()).toBe(3);
    }
    // The phone shows the case with one form open, as a responder about to write.
    if (width === 360) await tomas.page.locator('#form-note > summary').click();
    await check(tomas.page, lang, width, `desk-case-${lang}-${width}`);
    await tomas.page.goto(`${wiki.url}/wiki/Special:IncidentReports/${id}/access?uselang=${lang}`);
    expect(await tomas.page.locator('.case-access-list li').count()).toBeGreaterThan(0);
    await check(tomas.page, lang, width, `desk-access-${lang}-${width}`);
    await tomas.close();

    const alice = await open('Alice', width);
    await alice.page.goto(`${wiki.url}/wiki/Special:MyReports?uselang=${lang}`);
    expect(await alice.page.locator(`a[href*="${id}"]`).count()).toBe(1);
    await check(alice.page, lang, width, `desk-myreports-${lang}-${width}`);
    await alice.page.click(`a[href*="${id}"]`);
    expect(await alice.page.locator('.case-event-text').first().textContent()).toContain('9 December');
    expect(await alice.page.content()).not.toContain('Tomas');
    if (width === 1280) {
      await alice.page.locator('#form-add-information > summary').click();
      await alice.page.fill('#text-add-information', 'He wrote to me again this morning.');
      await Promise.all([alice.page.waitForURL(/done=add-information/), alice.page.click('#form-add-information button[type=submit]')]);
      expect(new URL(alice.page.url()).searchParams.get('uselang')).toBe(lang);
    }
    await check(alice.page, lang, width, `desk-myreport-${lang}-${width}`);
    await alice.close();
  });
});
