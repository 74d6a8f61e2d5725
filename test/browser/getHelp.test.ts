// Browser tests of "Get help" in headless Chromium: Farah, who is blocked, finds Get help in a comment's ⋮ menu
// (and the Tools menu) where others find Report, follows it, and reads why she cannot report, the emergency address,
// the Get support pages and the way back, at 360 and 1280 px with JavaScript on and off; axe on the page, in
// English and Arabic. Screenshots: test-results/screenshots/gethelp-*.png.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, browserSuite, commentWith, logInThroughHeader, screenshot } from '../support/browser.js';

const TALK = '/wiki/Talk:African_wild_dog';
const HELP = '/wiki/Special:ReportIncident/help';
/** A comment by Brackenfield, the kind a person might report. */
const COMMENT = 'Keep reverting me';
const WIDTHS = [360, 1280] as const;
const MODES = [
  { js: true, label: 'on' },
  { js: false, label: 'off' },
] as const;
const BEHAVIORS = ['Bullying, intimidation, threats or insults', 'Sexual harassment', 'Sharing private information (doxing)'];

const suite = browserSuite();

/** The ⋮ menu of a comment: its <details>, its button, and its Get help and Report items. */
function menuOf(article: Locator) {
  const details = article.locator('.comment-tools details.overflow-menu');
  return { details, button: details.locator('summary'), getHelp: details.locator('a.menu-item-gethelp'), report: details.locator('a.menu-item-report') };
}

/** How far the page scrolls sideways: nothing may, at any width. */
function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}


const audit = axeViolations;

describe('when Farah, who is blocked, looks for help from a comment', () => {
  for (const { js, label } of MODES) {
    for (const width of WIDTHS) {
      it(`when JavaScript is ${label} at ${width} px, then the ⋮ menu offers Get help (not Report), which leads to why she cannot report and where to get help`, async () => {
        const page = await suite.openPage({ js, width });
        await logInThroughHeader(page, 'Farah', TALK, TALK);
        const article = commentWith(page, COMMENT);
        const menu = menuOf(article);
        await menu.button.click();
        expect(await menu.getHelp.isVisible()).toBe(true);
        expect(await menu.details.getByRole('link', { name: 'Get help' }).isVisible()).toBe(true);
        expect(await menu.report.isVisible()).toBe(false);
        expect(await page.locator('a.menu-item-report:visible').count()).toBe(0);
        // The open menu fits the screen.
        const box = (await menu.details.locator('.menu-items').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        await article.scrollIntoViewIfNeeded();
        await screenshot(page, `gethelp-menu-${width}-js-${label}`, { fullPage: false });

        const threadId = new URL((await menu.getHelp.getAttribute('href'))!, suite.wiki.url).searchParams.get('threadId')!;
        expect(threadId).toMatch(/^c-Brackenfield-/);
        await menu.details.getByRole('link', { name: 'Get help' }).click();
        await page.waitForURL((url) => url.pathname === HELP);
        // No dialog: Get help is a page of its own, with or without JavaScript.
        expect(await page.locator('dialog[open]').count()).toBe(0);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Get help');
        expect(await page.title()).toMatch(/^Get help/);
        const content = page.locator('#content');
        expect(await content.getByRole('heading', { level: 2 }).textContent()).toBe('You cannot report while your account is blocked');
        expect(await content.getByRole('alert').textContent()).toContain('Your account is blocked, so you cannot report through this form. Reason given for the block: Repeated edit warring (demo block)');
        expect(await content.textContent()).not.toMatch(/\byet\b/i);

        const emergency = content.getByRole('region', { name: 'In an emergency' });
        expect(await emergency.textContent()).toContain('If someone is in immediate danger, call your local emergency services.');
        const mail = emergency.getByRole('link', { name: 'emergency@localhost' });
        const mailto = new URL((await mail.getAttribute('href'))!);
        expect(mailto.protocol).toBe('mailto:');
        expect(mailto.pathname).toBe('emergency@localhost');
        expect(mailto.searchParams.get('subject')).toBe('Urgent: help needed on Demo Wiki');

        const support = content.getByRole('region', { name: 'Get support' });
        expect(await support.getByRole('listitem').count()).toBe(7);
        for (const name of BEHAVIORS) expect(await support.getByRole('link', { name }).isVisible()).toBe(true);
        const back = content.getByRole('link', { name: 'Back to Talk:African wild dog' });
        expect(await back.isVisible()).toBe(true);

        expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
        await screenshot(page, `gethelp-page-${width}-js-${label}`);

        // The way back leads to the comment itself.
        await back.click();
        await page.waitForURL((url) => url.pathname === TALK && url.hash === `#${threadId}`);
        expect(await page.locator(`[id="${threadId}"]`).evaluate((el) => el.matches(':target'))).toBe(true);

        // A Get support page is readable too (reading it is not a report).
        await page.goBack();
        await page.waitForURL((url) => url.pathname === HELP);
        await page.locator('#content').getByRole('link', { name: 'Sharing private information (doxing)' }).click();
        await page.waitForURL((url) => url.pathname === '/wiki/Special:ReportIncident/support/doxing');
        expect(await page.locator('#report-step[data-step="support"]').isVisible()).toBe(true);
        expect(await page.locator('textarea').count()).toBe(0);
        expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
        await screenshot(page, `gethelp-support-${width}-js-${label}`);
      });
    }
  }

  it('when JavaScript is on and Farah opens the Tools menu, then it has Get help for the page and no Report', async () => {
    const page = await suite.openPage({ js: true, width: 1280 });
    await logInThroughHeader(page, 'Farah', TALK, TALK);
    const tools = page.locator('details.tools-menu');
    await tools.locator('summary').click();
    const getHelp = tools.getByRole('link', { name: 'Get help' });
    expect(await getHelp.isVisible()).toBe(true);
    expect(await tools.getByRole('link', { name: 'Report' }).count()).toBe(0);
    await screenshot(page, 'gethelp-tools-1280-js-on', { fullPage: false });
    await getHelp.click();
    await page.waitForURL((url) => url.pathname === HELP);
    expect(await page.locator('#content').getByRole('heading', { level: 2 }).textContent()).toBe('You cannot report while your account is blocked');
    // The page as a whole: the way back is to the page, at no comment.
    expect(await page.getByRole('link', { name: 'Back to Talk:African wild dog' }).getAttribute('href')).toBe(TALK);
  });

  it('when JavaScript is on and the ⋮ menu is used by keyboard, then ArrowDown reaches Get help and skips the hidden Report', async () => {
    const page = await suite.openPage({ js: true });
    await logInThroughHeader(page, 'Farah', TALK, TALK);
    const menu = menuOf(commentWith(page, COMMENT));
    await menu.button.focus();
    await page.keyboard.press('ArrowDown');
    expect(await menu.details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Copy link');
    await page.keyboard.press('ArrowDown');
    expect(await menu.getHelp.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Copy link');
  });

  it('when Alice, who may report, opens the same menu, then it has Report and no Get help', async () => {
    const page = await suite.openPage({ js: true });
    await logInThroughHeader(page, 'Alice', TALK, TALK);
    const menu = menuOf(commentWith(page, COMMENT));
    await menu.button.click();
    expect(await menu.report.isVisible()).toBe(true);
    expect(await menu.getHelp.isVisible()).toBe(false);
    expect(await page.locator('a.menu-item-gethelp:visible').count()).toBe(0);
  });
});

describe.each(['en', 'ar'])('axe on Get help in %s', (lang) => {
  for (const { js, label } of MODES) {
    it(`when the Get help page is audited with JavaScript ${label}, then there are no violations`, async () => {
      // axe is injected, so the page's own policy is bypassed; "off" blocks the wiki's scripts instead.
      const context = await suite.browser.newContext({ baseURL: suite.wiki.url, viewport: { width: 1280, height: 900 }, bypassCSP: true });
      try {
        if (!js) await context.route('**/static/*.js*', (route) => route.abort());
        const page = await context.newPage();
        await page.goto('/wiki/Special:UserLogin');
        await page.fill('#wpName', 'Farah');
        await page.fill('#wpPassword', 'demo-password');
        await Promise.all([page.waitForURL((url) => url.pathname !== '/wiki/Special:UserLogin'), page.click('#wpLoginAttempt')]);
        await page.goto(`${TALK}?uselang=${lang}`);
        const href = (await commentWith(page, COMMENT).locator('a.menu-item-gethelp').getAttribute('href'))!;
        expect(href).toContain(`uselang=${lang}`);
        const response = await page.goto(href);
        expect(response?.status()).toBe(200);
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        expect(await audit(page)).toEqual([]);
        if (lang === 'ar' && js) {
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 900 });
            expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
            await screenshot(page, `gethelp-page-ar-${width}`);
          }
        }
      } finally {
        await context.close();
      }
    });
  }
});
