// Browser tests of the community configuration editor in headless Chromium, with JavaScript on and off: Ines
// changes the Intimidation "Contact an administrator" link, previews it, saves it with a summary, and finds it
// on the Get support page; screenshots of the editor, its errors, the preview and the history at 1280 and 375 px.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, logInThroughHeader, screenshot } from '../support/browser.js';

const EDITOR = '/wiki/Special:CommunityConfiguration/ReportIncident';
const SUPPORT = '/wiki/Special:ReportIncident/support/intimidation';
const HISTORY = '/w/index.php?title=MediaWiki:IncidentReportingConfig.json&action=history';
const INTIMIDATION = 'Bullying, intimidation, threats or insults';
const WIDTHS = [1280, 375] as const;
const MODES = [
  { js: true, label: 'on' },
  { js: false, label: 'off' },
] as const;

const suite = browserSuite();
const openPage = (js: boolean, width = 1280) => suite.openPage({ js, width });

async function screenshots(page: Page, name: string, js: boolean): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await screenshot(page, `${name}-${width}-js-${js ? 'on' : 'off'}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Logs in from the main page; where the wiki sends the page afterwards does not matter here. */
const logInAs = (page: Page, name: string) => logInThroughHeader(page, name, '/wiki/Main_Page');

/** The Intimidation section's "Contact an administrator" input, found as a person would: by its group and label. */
function contactAdmin(page: Page): Locator {
  return page.getByRole('group', { name: INTIMIDATION, exact: true }).getByLabel('Contact an administrator', { exact: true });
}

/** The "How to ask for help" links of a Get support page or of one preview. */
async function helpHrefs(scope: Locator): Promise<string[]> {
  return scope.locator('ul.help-methods a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/**
 * Where a link of a live Get support page leads: one through a local counting redirect
 * (/wiki/Special:ReportIncident/out/…) is requested once, in the page's session, for its target.
 */
async function target(page: Page, href: string): Promise<string> {
  if (!href.startsWith('/wiki/Special:ReportIncident/out/')) return href;
  const response = await page.request.get(href, { maxRedirects: 0 });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  return (response.headers()['location'] ?? '').replace(/^http:\/\/127\.0\.0\.1:\d+(?=\/)/, '');
}

describe('the editor, from the form to the Get support page', () => {
  for (const { js, label } of MODES) {
    it(`when JavaScript is ${label}, Ines changes the Intimidation "Contact an administrator" link, previews, saves with a summary, and the Get support page links to it`, async () => {
      const link = `https://example.org/wiki/Admin_desk_js_${label}`;
      const summary = `Send intimidation reports to the admin desk (JavaScript ${label})`;
      const page = await openPage(js);

      // An anonymous visit sends to the login form, which comes back to the editor.
      await page.goto(EDITOR);
      await page.waitForURL((url) => url.pathname === '/wiki/Special:UserLogin');
      await page.getByLabel('Username').fill('Ines');
      await page.getByLabel('Password').fill('demo-password');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL((url) => url.pathname === EDITOR);
      expect(await page.locator('#firstHeading').textContent()).toBe('Community configuration: incident reporting');
      expect(await contactAdmin(page).inputValue()).toMatch(/^(Demo Wiki:Administrators' noticeboard|https:\/\/example\.org\/.*)$/);
      await screenshots(page, 'cc-editor', js);

      // Type the new link and preview: the preview shows it, the live page does not.
      await contactAdmin(page).fill(link);
      await page.getByRole('button', { name: 'Preview the Get support pages' }).click();
      const preview = page.locator('#preview-intimidation');
      await preview.waitFor();
      expect(await page.getByRole('heading', { name: 'Preview', exact: true }).isVisible()).toBe(true);
      expect(await helpHrefs(preview)).toContain(link);
      expect(await preview.getByRole('link', { name: 'Contact an administrator' }).getAttribute('href')).toBe(link);
      expect(await contactAdmin(page).inputValue()).toBe(link);
      expect((await suite.wiki.container.communityConfig.current()).ReportIncident_NonEmergency_Intimidation_HelpMethod.ContactAdmin).not.toBe(link);
      await preview.scrollIntoViewIfNeeded();
      await screenshots(page, 'cc-preview', js);

      // Save with a summary.
      await page.getByLabel('Summary of your change').fill(summary);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL((url) => url.pathname === EDITOR && url.searchParams.get('saved') === '1');
      expect(await page.getByRole('status').filter({ hasText: 'Your changes were saved.' }).isVisible()).toBe(true);
      expect(await contactAdmin(page).inputValue()).toBe(link);
      const history = page.locator('section.cc-history');
      expect(await history.locator('li.history-row').first().textContent()).toContain(summary);
      expect(await history.locator('li.history-row').first().textContent()).toContain('Ines');
      await screenshots(page, 'cc-saved', js);

      // The full history and the diff of the change.
      await page.goto(HISTORY);
      expect(await page.locator('li.history-row').first().textContent()).toContain(summary);
      await screenshots(page, 'cc-history', js);
      await page.locator('li.history-row').first().getByRole('link', { name: 'prev' }).click();
      await page.waitForURL((url) => url.searchParams.has('diff'));
      expect(await page.locator('tr.diff-added').filter({ hasText: link }).count()).toBe(1);
      await screenshots(page, 'cc-diff', js);

      // The Get support page links to the new place.
      await page.goto(SUPPORT);
      const contact = page.getByRole('link', { name: 'Contact an administrator' });
      expect(await contact.isVisible()).toBe(true);
      expect(await target(page, (await contact.getAttribute('href'))!)).toBe(link);
      await screenshots(page, 'cc-support-after', js);
    });
  }

  it('when Ines types a javascript: link and saves, then the error is beside the field and in the summary, and nothing is saved', async () => {
    const page = await openPage(true);
    await logInAs(page, 'Ines');
    await page.goto(EDITOR);
    const before = (await suite.wiki.container.communityConfig.current()).ReportIncident_NonEmergency_Intimidation_HelpMethod.ContactAdmin;
    await contactAdmin(page).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Addresses starting with "javascript:" are not allowed');
    expect(await contactAdmin(page).getAttribute('aria-invalid')).toBe('true');
    expect(await contactAdmin(page).inputValue()).toBe('javascript:alert(1)');
    // The field's description, read with it, includes the error.
    const described = await contactAdmin(page).evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    expect(described).toContain('Addresses starting with "javascript:" are not allowed');
    // The summary's link takes the keyboard to the field.
    await summary.getByRole('link').first().click();
    expect(await contactAdmin(page).evaluate((el) => el === document.activeElement || location.hash === `#${el.id}`)).toBe(true);
    expect((await suite.wiki.container.communityConfig.current()).ReportIncident_NonEmergency_Intimidation_HelpMethod.ContactAdmin).toBe(before);
    await screenshots(page, 'cc-editor-errors', true);
  });

  it('when a non-admin (Alice) opens the editor, then a permission error is shown', async () => {
    const page = await openPage(false);
    await logInAs(page, 'Alice');
    const response = await page.goto(EDITOR);
    expect(response?.status()).toBe(403);
    expect(await page.getByText('Only interface administrators can change the community configuration.').isVisible()).toBe(true);
  });

  it('when the JSON mode is opened, then the stored JSON is in a labelled text area', async () => {
    const page = await openPage(false);
    await logInAs(page, 'Ines');
    await page.goto(`${EDITOR}?mode=json`);
    const area = page.getByLabel('The configuration as JSON');
    expect(JSON.parse(await area.inputValue())).toHaveProperty('ReportIncident_NonEmergency_Intimidation_HelpMethod');
    await screenshots(page, 'cc-json', false);
  });

  it('when the JSON has a comma after its last entry, then the error says so in plain words and its link puts the cursor on it', async () => {
    const page = await openPage(true);
    await logInAs(page, 'Ines');
    await page.goto(`${EDITOR}?mode=json`);
    const area = page.getByLabel('The configuration as JSON');
    const valid = await area.inputValue();
    // The comma an admin leaves after deleting the last entry of a block.
    const broken = valid.replace(/\n\}\s*$/, ',\n}\n');
    await area.fill(broken);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const lineOfError = broken.split('\n').length - 1;
    const link = summary.getByRole('link', { name: `Line ${lineOfError}, column 1: Remove the comma before this "}": JSON allows no comma after the last entry.` });
    await link.click();
    const caret = await area.evaluate((el: HTMLTextAreaElement) => ({ focused: el === document.activeElement, start: el.selectionStart, end: el.selectionEnd, value: el.value }));
    expect(caret.focused).toBe(true);
    expect(caret.start).toBe(caret.end);
    // The cursor is at the start of the line holding the closing brace, as the message says.
    expect(caret.value.slice(caret.start)).toMatch(/^\}\s*$/);
    await screenshots(page, 'cc-json-error', true);
  });

  it('when the form is at 375 px, then no field and no button sticks out of the viewport (nothing to scroll sideways)', async () => {
    const page = await openPage(true, 375);
    await logInAs(page, 'Ines');
    await page.goto(EDITOR);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const wide = await page.locator('.cc-form input, .cc-form textarea, .cc-form button').evaluateAll((els) =>
      els.filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((el) => (el as HTMLInputElement).name || el.id),
    );
    expect(wide).toEqual([]);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
