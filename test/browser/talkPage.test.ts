// Browser tests of a talk page in headless Chromium, with JavaScript on and off: logging in, the ⋮
// overflow menu by mouse and by keyboard, "Copy link", replying, and screenshots at 1280 and 375 px.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, commentWith, logInThroughHeader, screenshot } from '../support/browser.js';
import { HttpClient, hiddenField } from '../support/HttpClient.js';

const TALK = '/wiki/Talk:African_wild_dog';
const WIDTHS = [1280, 375] as const;
const MODES = [
  { js: true, label: 'on' },
  { js: false, label: 'off' },
] as const;
/** A permanent link to a thread item of the talk page, as "Copy link" gives it. */
const PERMALINK = /^\/w\/index\.php\?title=Talk:African_wild_dog&oldid=(\d+)#([ch]-[\w.-]+)$/;

const suite = browserSuite();
const openPage = suite.openPage;

/** Screenshots of the page as it is, at each width; the viewport is left at the last one. */
async function screenshots(page: Page, name: string, js: boolean): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await screenshot(page, `${name}-${width}-js-${js ? 'on' : 'off'}`);
  }
}

/** The page's current URL, to read its path, query and fragment. */
function where(page: Page): URL {
  return new URL(page.url());
}

/** Logs in from the page at `from` and is sent back to it. */
const logIn = (page: Page, name = 'Alice', from = TALK) => logInThroughHeader(page, name, from, from);
const comment = commentWith;

/** The ⋮ menu of a comment: its <details>, its button and its "Copy link" item. */
function menuOf(article: Locator) {
  const details = article.locator('.comment-tools details.overflow-menu');
  // By class, not by role: a closed <details> hides its items from the accessibility tree.
  return { details, button: details.locator('summary'), copyLink: details.locator('a.menu-item-copy-link') };
}

async function isOpen(details: Locator): Promise<boolean> {
  return details.evaluate((el) => (el as HTMLDetailsElement).open);
}

async function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

/** Presses Tab until `target` has focus, as a keyboard user does; returns how many presses it took. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await hasFocus(target)) return presses;
  }
  throw new Error(`focus did not reach the target in ${limit} presses of Tab`);
}

/** Whether a focused element draws a visible focus indicator (outline or box-shadow). */
async function showsFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    return el.matches(':focus-visible') && (outline || style.boxShadow !== 'none');
  });
}

describe('when a reader logs in through Special:UserLogin', () => {
  for (const { js, label } of MODES) {
    it(`when JavaScript is ${label} and Alice submits the login form reached from the talk page, then she lands back on the talk page, logged in`, async () => {
      const page = await openPage({ js });
      await page.goto(TALK);
      await screenshots(page, 'talk-logged-out', js);
      await page.setViewportSize({ width: 1280, height: 800 });

      await page.getByRole('navigation', { name: 'Personal tools' }).getByRole('link', { name: 'Log in' }).click();
      await page.waitForURL((url) => url.pathname === '/wiki/Special:UserLogin');
      expect(where(page).searchParams.get('returnto')).toBe('Talk:African_wild_dog');
      expect(await page.locator('input[name="returnto"]').inputValue()).toBe('Talk:African_wild_dog');
      await screenshots(page, 'login', js);

      await page.getByLabel('Username').fill('Alice');
      await page.getByLabel('Password').fill('demo-password');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL((url) => url.pathname === TALK);

      const personal = page.getByRole('navigation', { name: 'Personal tools' });
      expect(await personal.getByRole('link', { name: 'Alice', exact: true }).isVisible()).toBe(true);
      expect(await personal.getByRole('link', { name: 'Log in' }).count()).toBe(0);
      expect(await personal.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
      // Logged in, Alice may reply: every comment offers a Reply link.
      expect(await page.locator('article.comment .reply-link').count()).toBe(await page.locator('article.comment').count());
      await screenshots(page, 'talk-logged-in', js);
    });
  }

  it('when the password is wrong, then the form says so and keeps the name and the returnto', async () => {
    const page = await openPage({ js: false });
    await page.goto('/wiki/Special:UserLogin?returnto=Talk:African_wild_dog');
    await page.getByLabel('Username').fill('Alice');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').textContent()).toContain('Incorrect username or password');
    expect(await page.getByLabel('Username').inputValue()).toBe('Alice');
    expect(await page.locator('input[name="returnto"]').inputValue()).toBe('Talk:African_wild_dog');
  });
});

describe("when a comment's ⋮ menu is used with the mouse", () => {
  for (const { js, label } of MODES) {
    it(`when JavaScript is ${label} and the ⋮ of a comment is clicked, then its menu opens with "Copy link" to the comment's permanent link`, async () => {
      const page = await openPage({ js });
      await page.goto(TALK);
      const article = comment(page, 'The 2020 assessment');
      const id = await article.getAttribute('id');
      const menu = menuOf(article);
      expect(await menu.copyLink.isVisible()).toBe(false);
      expect(await menu.button.getAttribute('aria-label')).toMatch(/^More options for the comment by Juniper at /);

      await menu.button.click();
      expect(await isOpen(menu.details)).toBe(true);
      expect(await menu.details.getByRole('link', { name: 'Copy link' }).isVisible()).toBe(true);
      const href = await menu.copyLink.getAttribute('href');
      expect(href).toMatch(PERMALINK);
      expect(PERMALINK.exec(href ?? '')?.[2]).toBe(id);
      // The menu must be painted over what follows, not pushed under it.
      const box = await menu.copyLink.boundingBox();
      const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.menu-item')?.textContent?.trim(), { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 });
      expect(hit).toBe('Copy link');
      await screenshots(page, 'overflow-menu-open', js);
    });
  }

  it('when JavaScript is off and "Copy link" is followed, then the permanent link opens that revision at the comment, even after the page has changed', async () => {
    const page = await openPage({ js: false });
    await page.goto(TALK);
    const article = comment(page, 'The 2020 assessment');
    const id = (await article.getAttribute('id'))!;
    const menu = menuOf(article);
    await menu.button.click();
    const [, oldid] = PERMALINK.exec((await menu.copyLink.getAttribute('href')) ?? '') ?? [];
    expect(oldid).toBeDefined();

    // Meanwhile Rowan replies, so the revision the link names is no longer the latest.
    const rowan = new HttpClient(suite.wiki.url);
    expect((await rowan.login('Rowan')).status).toBe(303);
    const replyUrl = `/w/index.php?title=Talk:African_wild_dog&action=reply&replyto=${encodeURIComponent(id)}`;
    const form = await rowan.get(replyUrl);
    const posted = await rowan.post(replyUrl, { wpEditToken: hiddenField(form.text, 'wpEditToken'), wpTextbox1: 'A later reply that the permanent link must not show.' });
    expect(posted.status).toBe(303);

    await menu.copyLink.click();
    await page.waitForURL((url) => url.searchParams.has('oldid'));
    const url = where(page);
    expect(url.pathname + url.search).toBe(`/w/index.php?title=Talk:African_wild_dog&oldid=${oldid}`);
    expect(url.hash).toBe(`#${id}`);
    expect(await page.locator('.old-revision').isVisible()).toBe(true);
    expect(await page.locator('.old-revision').textContent()).toContain('This is an old revision of this page');
    const target = page.locator(`article.comment[id="${id}"]`);
    expect(await target.isVisible()).toBe(true);
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await page.getByText('A later reply that the permanent link must not show.').count()).toBe(0);
    // Replies are offered only on the latest revision.
    expect(await page.locator('.reply-link').count()).toBe(0);
    await page.goto(TALK);
    expect(await page.getByText('A later reply that the permanent link must not show.').count()).toBe(1);
  });

  it('when JavaScript is on and "Copy link" is clicked, then the absolute permanent link is on the clipboard, the live region says so, and the menu closes onto its button', async () => {
    const page = await openPage({ js: true, clipboard: true });
    await page.goto(TALK);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    const article = comment(page, 'Thank you, that reads much better now.');
    const menu = menuOf(article);
    await menu.button.click();
    const href = (await menu.copyLink.getAttribute('href'))!;
    expect(href).toMatch(PERMALINK);
    const before = page.url();

    await menu.copyLink.click();
    await expect.poll(() => page.locator('#live-region').textContent()).toBe('Link copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(href, suite.wiki.url).href);
    expect(page.url()).toBe(before);
    expect(await isOpen(menu.details)).toBe(false);
    expect(await hasFocus(menu.button)).toBe(true);
    expect(await page.locator('#live-region').getAttribute('role')).toBe('status');
  });

  it('when JavaScript is on and a second menu is opened, then the first one closes', async () => {
    const page = await openPage({ js: true });
    await page.goto(TALK);
    const first = menuOf(comment(page, 'The 2020 assessment'));
    const second = menuOf(comment(page, 'Thank you, that reads much better now.'));
    await first.button.click();
    expect(await isOpen(first.details)).toBe(true);
    await second.button.click();
    expect(await isOpen(second.details)).toBe(true);
    expect(await isOpen(first.details)).toBe(false);
    expect(await page.locator('details.menu[open]').count()).toBe(1);
  });

  it('when JavaScript is on and the reader clicks outside an open menu, then it closes', async () => {
    const page = await openPage({ js: true });
    await page.goto(TALK);
    const menu = menuOf(comment(page, 'The 2020 assessment'));
    await menu.button.click();
    expect(await isOpen(menu.details)).toBe(true);
    await page.locator('#firstHeading').click();
    expect(await isOpen(menu.details)).toBe(false);
    expect(await page.locator('details.menu[open]').count()).toBe(0);
  });

  it('when JavaScript is off and the reader clicks the ⋮ again, then the menu closes (the <details> needs no script)', async () => {
    const page = await openPage({ js: false });
    await page.goto(TALK);
    expect(await page.evaluate(() => document.documentElement.className)).toBe('no-js');
    const menu = menuOf(comment(page, 'The 2020 assessment'));
    await menu.button.click();
    expect(await isOpen(menu.details)).toBe(true);
    await menu.button.click();
    expect(await isOpen(menu.details)).toBe(false);
  });

  // Known bug, see the report: at 375 px the comment tools wrap to the start of a line, and the menu,
  // anchored to the button's inline end, opens leftwards past the viewport's edge, where nothing can
  // scroll to it. Remove `.fails` once views/static/skin.css anchors phone menus inside the comment.
  for (const { js, label } of MODES) {
    it(`when JavaScript is ${label} and a comment's menu is opened at 375 px, then the whole menu is inside the viewport`, async () => {
      const page = await openPage({ js, width: 375 });
      await page.goto(TALK);
      const menu = menuOf(comment(page, 'The 2020 assessment'));
      await menu.button.click();
      const box = (await menu.details.locator('.menu-items').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    });
  }
});

describe("when a comment's ⋮ menu is used by keyboard only", () => {
  it('when JavaScript is on, then Tab reaches the button with a visible focus ring, Enter opens, ArrowDown moves to "Copy link", and Escape closes with focus back on the button', async () => {
    const page = await openPage({ js: true });
    await page.goto(TALK);
    const menu = menuOf(comment(page, 'The 2020 assessment'));

    await tabTo(page, menu.button);
    expect(await showsFocus(menu.button)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await isOpen(menu.details)).toBe(true);
    expect(await hasFocus(menu.button)).toBe(true);

    await page.keyboard.press('ArrowDown');
    expect(await hasFocus(menu.copyLink)).toBe(true);
    expect(await showsFocus(menu.copyLink)).toBe(true);
    // One item: ArrowDown and ArrowUp wrap around onto it, Home and End stay on it, and none of
    // these keys scrolls the page as it would outside a menu.
    const scrollY = await page.evaluate(() => window.scrollY);
    for (const key of ['ArrowDown', 'ArrowUp', 'Home', 'End']) {
      await page.keyboard.press(key);
      expect(await hasFocus(menu.copyLink)).toBe(true);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);

    await page.keyboard.press('Escape');
    expect(await isOpen(menu.details)).toBe(false);
    expect(await hasFocus(menu.button)).toBe(true);
    expect(await showsFocus(menu.button)).toBe(true);
  });

  it('when JavaScript is on, then ArrowDown on the closed button opens the menu, and Tab out of it closes it', async () => {
    const page = await openPage({ js: true });
    await page.goto(TALK);
    const menu = menuOf(comment(page, 'The 2020 assessment'));
    await tabTo(page, menu.button);
    await page.keyboard.press('ArrowDown');
    expect(await isOpen(menu.details)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await hasFocus(menu.copyLink)).toBe(true);

    await page.keyboard.press('Tab');
    await expect.poll(() => isOpen(menu.details)).toBe(false);
    expect(await menu.details.evaluate((el) => el.contains(document.activeElement))).toBe(false);
  });

  it('when JavaScript is off, then Tab reaches the button, Enter opens the <details>, Tab reaches "Copy link" and Enter follows the permanent link', async () => {
    const page = await openPage({ js: false });
    await page.goto(TALK);
    const article = comment(page, 'The 2020 assessment');
    const id = await article.getAttribute('id');
    const menu = menuOf(article);

    await tabTo(page, menu.button);
    expect(await showsFocus(menu.button)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await isOpen(menu.details)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await hasFocus(menu.copyLink)).toBe(true);
    expect(await showsFocus(menu.copyLink)).toBe(true);
    await screenshot(page, 'overflow-menu-keyboard-1280-js-off');

    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.has('oldid'));
    expect(where(page).hash).toBe(`#${id}`);
    expect(await page.locator(`article.comment[id="${id}"]`).evaluate((el) => el.matches(':target'))).toBe(true);
  });

  it('when JavaScript is off, then Enter on the open button closes the menu again', async () => {
    const page = await openPage({ js: false });
    await page.goto(TALK);
    const menu = menuOf(comment(page, 'The 2020 assessment'));
    await tabTo(page, menu.button);
    await page.keyboard.press('Enter');
    expect(await isOpen(menu.details)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await isOpen(menu.details)).toBe(false);
    expect(await hasFocus(menu.button)).toBe(true);
  });
});

describe('when a logged-in user replies to a comment', () => {
  for (const { js, label } of MODES) {
    it(`when JavaScript is ${label} and Alice follows Reply, writes and submits, then the talk page shows her comment under it with its id as the URL fragment`, async () => {
      const page = await openPage({ js });
      await logIn(page);
      const parentText = js ? 'Happy to discuss the wording here.' : 'Thank you, that reads much better now.';
      const parent = comment(page, parentText);
      const parentId = (await parent.getAttribute('id'))!;
      const parentDepth = Number(/depth-(\d+)/.exec((await parent.getAttribute('class')) ?? '')?.[1]);
      const reply = parent.locator('.reply-link');
      expect(await reply.textContent()).toMatch(/^Reply/);

      await reply.click();
      await page.waitForURL((url) => url.searchParams.get('action') === 'reply');
      expect(where(page).searchParams.get('replyto')).toBe(parentId);
      expect(await page.locator('#firstHeading').textContent()).toBe('Replying on Talk:African wild dog');
      expect(await page.locator('.quoted-comment').textContent()).toContain(parentText);
      await page.getByLabel('Your reply').fill(`Agreed; replying with JavaScript ${label}.`);
      await screenshots(page, 'reply-form', js);
      await page.setViewportSize({ width: 1280, height: 800 });

      await page.getByRole('button', { name: 'Reply', exact: true }).click();
      await page.waitForURL((url) => url.pathname === TALK && url.hash.startsWith('#c-Alice-'));
      const id = decodeURIComponent(where(page).hash.slice(1));
      expect(id).toMatch(/^c-Alice-\d{14}(-.+)?$/);
      const mine = page.locator(`article.comment[id="${id}"]`);
      expect(await mine.isVisible()).toBe(true);
      expect(await mine.evaluate((el) => el.matches(':target'))).toBe(true);
      expect(await mine.locator('.comment-body').textContent()).toContain(`Agreed; replying with JavaScript ${label}.`);
      expect(await mine.locator('.signature a').first().textContent()).toBe('Alice');
      expect(await mine.getAttribute('class')).toContain(`depth-${parentDepth + 1}`);
      // The new comment comes after the one it answers, in the same topic.
      const order = await page.locator('article.comment').evaluateAll((els) => els.map((el) => el.id));
      expect(order.indexOf(id)).toBeGreaterThan(order.indexOf(parentId));
      // Its own menu already links to the revision that added it.
      expect((await menuOf(mine).copyLink.getAttribute('href')) ?? '').toMatch(new RegExp(`#${id}$`));
    });
  }
});
