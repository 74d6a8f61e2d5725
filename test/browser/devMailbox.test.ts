// The development mailbox in a real browser: the list and a Trust & Safety mail at phone and desktop widths, the
// HTML preview as tall as the whole mail, with screenshots.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, screenshot } from '../support/browser.js';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
let browser: Browser;

beforeAll(async () => {
  [wiki, browser] = await Promise.all([startTestWiki({ delivery: true }), launchBrowser()]);
  const alice = new HttpClient(wiki.url);
  await alice.login('Alice');
  const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
  const details = 'He wrote this under my edit and then sent me a private message with my home town in it. '.repeat(6);
  expect((await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target, details })).status).toBe(201);
  // The outbox worker sends it moments after the 201.
  for (let waited = 0; (await wiki.container.devMailbox.list(10)).length === 0; waited += 50) {
    if (waited > 15_000) throw new Error('the report mail never reached the development mailbox');
    await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(async () => {
  await browser?.close();
  await wiki?.close();
});

describe('Special:DevMailbox', () => {
  it.each([360, 1280])('when Tomas opens a Trust & Safety mail at %i px, then nothing scrolls sideways and the HTML preview shows the whole mail', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await logIn(page, wiki.url, 'Tomas', 'Special:DevMailbox');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await screenshot(page, `devmailbox-list-${width}`);
    await page.getByRole('link', { name: /Emergency report: Threats of physical harm on Talk:African wild dog/u }).click();
    const frame = page.locator('iframe.mail-html');
    await frame.waitFor();
    // The frame grows to its document once it has loaded: its last line (the footer) is inside it, not cut off.
    await expect.poll(async () => frame.evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height >= f.contentDocument!.documentElement.scrollHeight)).toBe(true);
    expect(await frame.evaluate((f: HTMLIFrameElement) => f.contentDocument!.body.textContent)).toContain('The reported user has not been told.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await screenshot(page, `devmailbox-mail-${width}`);
    await context.close();
  });
});
