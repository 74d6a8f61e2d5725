// The statistics page in a real browser: its charts and tables, with a screenshot at desktop and phone widths.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/Clock.js';
import { launchBrowser, logIn, screenshot } from '../support/browser.js';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
let browser: Browser;

// A fixed day, so the page is the same whatever the date; it is read the next day, when the reports and the funnel
// of the day they were filed on are shown (the page holds back the last quarter hour and the day not yet ended).
const clock = new FixedClock('2026-03-10T10:00:00Z');

beforeAll(async () => {
  [wiki, browser] = await Promise.all([startTestWiki({ clock }), launchBrowser()]);
  // A few reports from different users, so the charts have bars of both kinds (5 or more, and fewer than 5).
  for (const name of ['Alice', 'Testing', 'Rowan', 'Juniper', 'Ines', 'Tomas']) {
    const client = new HttpClient(wiki.url);
    await client.login(name);
    const target = await findComment(client, 'Talk:African_wild_dog', 'Keep reverting me');
    await postReport(client, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target });
    await postReport(client, { incidentType: 'unacceptable-user-behavior', behaviorType: 'spam', ...(await findComment(client, 'Talk:African_wild_dog', 'Best prices')) });
  }
  clock.set('2026-03-11T10:00:00Z');
});
afterAll(async () => {
  await browser?.close();
  await wiki?.close();
});

describe('Special:ReportIncidentStatistics', () => {
  it.each([1280, 360])('when Tomas opens it at %i px, then the period is chosen at the top, the charts are drawn beside tables, and everything reads as words and fits', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await logIn(page, wiki.url, 'Tomas', 'Special:ReportIncidentStatistics');
    const charts = page.locator('svg.stats-chart');
    expect(await charts.count()).toBe(2);
    expect(await page.locator('svg.stats-chart rect').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('table', { name: 'Reports per day, by route' }).isVisible()).toBe(true);
    expect(await page.locator('text=fewer than 5').first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // Not even a table scrolls inside its own region: each fits the width it is given.
    expect(await page.evaluate(() => [...document.querySelectorAll('.table-scroll')].filter((r) => r.scrollWidth > r.clientWidth + 1).map((r) => `${r.querySelector('caption, th')?.textContent}: ${r.scrollWidth} > ${r.clientWidth}`))).toEqual([]);
    // The period comes first, labelled, the current one marked; the types and steps are words, not identifiers.
    const period = page.getByRole('navigation', { name: 'Period' });
    expect(await period.getByRole('link', { name: 'Last 30 days' }).getAttribute('aria-current')).toBe('page');
    expect(await page.evaluate(() => document.querySelector('nav.stats-period')!.compareDocumentPosition(document.querySelector('h2')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
    expect(await page.getByRole('table', { name: 'Reports by type' }).innerText()).toContain('Threats of physical harm');
    expect(await page.locator('main code, #content code').count()).toBe(0);
    // Thirty days, one with reports: the other 29 are counted, not listed.
    expect(await page.getByRole('table', { name: 'Reports per day, by route' }).locator('tbody tr').count()).toBe(1);
    expect(await page.locator('text=29 days without reports are not listed.').isVisible()).toBe(true);
    expect(await page.locator('svg.stats-chart desc').first().textContent()).toMatch(/^12 reports from 2026-02-10 to 2026-03-11; the most on 2026-03-10 \(12\)\.$/u);
    await screenshot(page, `statistics-${width}`);
    await context.close();
  });
});
