// Browser tests of the report flow in headless Chromium, with JavaScript on (the steps of
// Special:ReportIncident in a modal dialog over the talk page) and off (one step a page): the emergency
// and the non-emergency flows, validation, the keyboard, the remaining-characters counter, who sees
// Report, and every step at 375 px; screenshots of every step at 1280 and 375 px.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, commentWith, logInThroughHeader, screenshot } from '../support/browser.js';
import { parseTitle } from '../../src/wiki/Title.js';
import type { TestWiki } from '../support/testWiki.js';

const TALK = '/wiki/Talk:African_wild_dog';
const SPECIAL = '/wiki/Special:ReportIncident';
/** The comment by Brackenfield that is reported throughout. */
const REPORTED = 'Keep reverting me';
const WIDTHS = [1280, 375] as const;
const PHONE = 375;
const MODES = [
  { js: true, label: 'on' },
  { js: false, label: 'off' },
] as const;
/** A report's reference, as ReportService makes it. */
const REFERENCE = /\bRI-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}\b/;

type Step = 'choose-type' | 'emergency' | 'behavior' | 'maybe-emergency' | 'support' | 'submitted' | 'ineligible';

const suite = browserSuite();

/**
 * A wiki of the test's own, for tests that file a report: Alice reporting the same comment twice in a
 * day is folded into her first report ("You already reported this"), which is not what these tests are about.
 */
function freshWiki(): Promise<TestWiki> {
  return suite.ownWiki();
}

/** A page in a context of its own, as one fresh visitor (of the suite's wiki unless `on` says otherwise). */
function openPage(options: { js: boolean; width?: number; on?: TestWiki }): Promise<Page> {
  // The dialog fetches steps: a step that asks again (422) or explains a refusal (403) is part of the flow.
  return suite.openPage({ ...options, expected: (response) => response.request().resourceType() === 'fetch' && new URL(response.url()).pathname.startsWith(SPECIAL) && [403, 422].includes(response.status()) });
}

/** The page's current URL, to read its path, query and fragment. */
function where(page: Page): URL {
  return new URL(page.url());
}

/** Logs in from the talk page and is sent back to it. */
const logIn = (page: Page, name = 'Alice') => logInThroughHeader(page, name, TALK, TALK);
const comment = commentWith;

/** The ⋮ menu of a comment: its <details>, its button and its "Report" item. */
function menuOf(article: Locator) {
  const details = article.locator('.comment-tools details.overflow-menu');
  // By class, not by role: a closed <details> hides its items from the accessibility tree.
  return { details, button: details.locator('summary'), report: details.locator('a.menu-item-report') };
}

/** Opens the ⋮ menu of the reported comment (or the one with `text`) with the mouse and chooses Report. */
async function chooseReport(page: Page, text = REPORTED): Promise<void> {
  const menu = menuOf(comment(page, text));
  await menu.button.click();
  await menu.details.getByRole('link', { name: 'Report' }).click();
}

async function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

/** Presses Tab until `target` has focus, as a keyboard user does; returns how many presses it took. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await hasFocus(target)) return presses;
  }
  throw new Error(`focus did not reach the target in ${limit} presses of Tab`);
}

/** The report dialog over the talk page (JavaScript on). */
function dialogOf(page: Page): Locator {
  return page.locator('dialog.report-dialog');
}

/** Where the steps are shown: the dialog with JavaScript, the page without. */
function flow(page: Page, js: boolean): Locator {
  return js ? dialogOf(page) : page.locator('#content');
}

/**
 * Marks the steps shown now as stale, so that expectStep() waits for the next one to replace them: in the
 * dialog the old step stays until the fetch has answered, and may be the same step again (with errors).
 */
async function markStale(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('#report-step').forEach((el) => el.setAttribute('data-stale', '')));
}

/** Clicks a control that leads to another step (or the same one again), having marked the current one stale. */
async function advance(control: Locator): Promise<void> {
  const handle = await control.elementHandle();
  if (!handle) throw new Error('no such control');
  await markStale(control.page());
  await handle.click();
  await handle.dispose();
}

/** What the focused element is, to compare in messages: its tag, id and classes. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}` : 'none';
  });
}

/**
 * Waits for a step and checks where it is shown. With JavaScript: in the open modal dialog, named by its
 * title, over the talk page whose URL has not changed, with the focus moved into the dialog (onto the
 * step or its title, or the error summary when there is one). Without: as a page of Special:ReportIncident.
 */
async function expectStep(page: Page, js: boolean, step: Step): Promise<Locator> {
  const root = flow(page, js).locator(`#report-step[data-step="${step}"]:not([data-stale])`);
  await root.waitFor();
  if (js) {
    const dialog = page.getByRole('dialog', { name: 'Report an incident' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialogOf(page).evaluate((el) => (el as HTMLDialogElement).open && el.matches(':modal'))).toBe(true);
    expect(page.url()).toBe(new URL(TALK, where(page).origin).href);
    // The focus is on the error summary when there is one, else on the step (or its title).
    const summary = root.locator('.error-summary');
    const hasSummary = (await summary.count()) > 0;
    const focusIsRight = () =>
      root.evaluate((el, onSummary) => {
        const active = document.activeElement;
        return onSummary ? active === el.querySelector('.error-summary') : active === el || active === el.querySelector('.report-step-title');
      }, hasSummary);
    await expect.poll(focusIsRight, { message: `focus is on ${await focused(page)}` }).toBe(true);
  } else {
    expect(where(page).pathname.startsWith(SPECIAL)).toBe(true);
    expect(await page.locator('dialog').count()).toBe(0);
  }
  return root;
}

/** Whether the page and, with JavaScript, the dialog fit the viewport's width: nothing to scroll sideways. */
async function overflow(page: Page): Promise<{ page: number; viewport: number; dialog: number | null }> {
  return page.evaluate(() => {
    const dialog = document.querySelector<HTMLDialogElement>('dialog.report-dialog');
    return {
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      dialog: dialog?.open ? dialog.scrollWidth - dialog.clientWidth : null,
    };
  });
}

async function expectFitsPhone(page: Page, what: string): Promise<void> {
  const o = await overflow(page);
  expect(o.viewport, what).toBe(PHONE);
  expect(o.page, `${what}: document.documentElement.scrollWidth`).toBeLessThanOrEqual(PHONE);
  if (o.dialog !== null) expect(o.dialog, `${what}: the dialog scrolls sideways by`).toBeLessThanOrEqual(0);
}

/**
 * Screenshots of the step as it is, at 1280 and 375 px (checking at 375 px that nothing scrolls
 * sideways), then back at the width the test was at. Without JavaScript, the whole page. With it, what
 * the screen shows, the dialog over the talk page; a dialog taller than the screen is shot again
 * scrolled to its end ("-end"), so its buttons are seen too.
 */
async function screenshots(page: Page, name: string, js: boolean): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 800 };
  const dialogOpen = js && (await page.locator('dialog.report-dialog[open]').count()) > 0;
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    if (width === PHONE) await expectFitsPhone(page, `${name} at ${PHONE} px with JavaScript ${js ? 'on' : 'off'}`);
    const file = `report-${name}-${width}-js-${js ? 'on' : 'off'}`;
    await screenshot(page, file, { fullPage: !dialogOpen });
    if (dialogOpen && (await dialogOf(page).evaluate((el) => el.scrollHeight > el.clientHeight))) {
      const top = await dialogOf(page).evaluate((el) => el.scrollTop);
      await dialogOf(page).evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await screenshot(page, `${file}-end`, { fullPage: false });
      await dialogOf(page).evaluate((el, y) => el.scrollTo(0, y), top);
    }
  }
  await page.setViewportSize(before);
}

/** Chooses a radio button by its label, with the mouse. */
async function choose(root: Locator, name: string): Promise<void> {
  await root.getByRole('radio', { name, exact: true }).check();
}

/** Step 1 → the emergency step, choosing Immediate threat and Threats of physical harm. */
async function toEmergency(page: Page, js: boolean): Promise<Locator> {
  const first = await expectStep(page, js, 'choose-type');
  await choose(first, 'Immediate threat of physical harm');
  await choose(first, 'Threats of physical harm');
  await advance(first.getByRole('button', { name: 'Continue' }));
  return expectStep(page, js, 'emergency');
}

/** Step 1 → the behaviour step, with `behaviorType` chosen there. */
async function toBehavior(page: Page, js: boolean, behaviorType: string): Promise<Locator> {
  const first = await expectStep(page, js, 'choose-type');
  await choose(first, 'Unacceptable user behavior');
  await advance(first.getByRole('button', { name: 'Continue' }));
  const behavior = await expectStep(page, js, 'behavior');
  await choose(behavior, behaviorType);
  return behavior;
}

/** Step 1 → the behaviour step → the Get support page for doxing. */
async function toDoxingSupport(page: Page, js: boolean, shots = false): Promise<Locator> {
  const behavior = await toBehavior(page, js, 'Sharing private information (doxing)');
  if (shots) await screenshots(page, 'behavior', js);
  await advance(behavior.getByRole('button', { name: 'Continue' }));
  return expectStep(page, js, 'support');
}

describe('when Alice reports an immediate threat of harm', () => {
  for (const { js, label } of MODES) {
    it(`when JavaScript is ${label} and she goes from the comment's ⋮ menu through the emergency steps, then she sees the confirmation with a reference RI-…${js ? ', all inside the dialog over the talk page' : ', one step a page'}`, async () => {
      const own = await freshWiki();
      const page = await openPage({ js, on: own });
      await logIn(page);
      const article = comment(page, REPORTED);
      expect(await article.locator('.signature a').first().textContent()).toBe('Brackenfield');
      const threadId = (await article.getAttribute('id'))!;

      await chooseReport(page);
      const first = await expectStep(page, js, 'choose-type');
      if (!js) {
        expect(where(page).searchParams.get('threadId')).toBe(threadId);
        expect(where(page).searchParams.get('page')).toBe('Talk:African_wild_dog');
      }
      expect(await first.getByRole('heading', { level: 2 }).textContent()).toBe('What would you like to do?');
      expect(await first.locator('.report-target').textContent()).toMatch(/You are reporting the comment by Brackenfield at .+ on Talk:African wild dog\./);
      await screenshots(page, 'choose-type', js);
      await choose(first, 'Immediate threat of physical harm');
      await choose(first, 'Threats of physical harm');
      await screenshots(page, 'choose-type-emergency-chosen', js);
      await advance(first.getByRole('button', { name: 'Continue' }));

      const emergency = await expectStep(page, js, 'emergency');
      expect(await emergency.getByRole('heading', { level: 2 }).textContent()).toBe('Report an immediate threat of harm');
      expect(await emergency.locator('.chosen-type').textContent()).toBe('Kind of threat: Threats of physical harm');
      // The comment's author is who is reported, and cannot be typed wrong.
      const reported = emergency.getByLabel('Who are you reporting?');
      expect(await reported.inputValue()).toBe('Brackenfield');
      expect(await reported.getAttribute('readonly')).not.toBeNull();
      await choose(emergency, 'About me');
      await emergency.getByLabel('Anything else the team should know').fill(`They found my workplace and threatened me (JavaScript ${label}).`);
      await screenshots(page, 'emergency', js);
      await advance(emergency.getByRole('button', { name: 'Submit report' }));

      const submitted = await expectStep(page, js, 'submitted');
      expect(await submitted.getByRole('heading', { level: 2 }).textContent()).toBe('Thank you for your report');
      const status = submitted.locator('.notice-success');
      expect(await status.getAttribute('role')).toBe('status');
      const reference = REFERENCE.exec((await status.textContent()) ?? '')?.[0];
      expect(reference).toBeDefined();
      expect(await submitted.locator('.notice-info').count()).toBe(0); // not folded into an earlier report
      expect(await submitted.getByRole('heading', { name: 'Important' }).isVisible()).toBe(true);
      expect(await submitted.getByRole('heading', { name: 'What happens next?' }).isVisible()).toBe(true);
      if (!js) expect(where(page).pathname).toBe(`${SPECIAL}/submitted/${reference}`);
      // What was filed is what she chose and typed.
      const report = (await own.container.reports.find(reference!))!;
      expect(report).toMatchObject({ threadId, physicalHarmType: 'threats-physical-harm', reportedUser: 'Brackenfield', route: 'emergency' });
      expect(report.details).toBe(`They found my workplace and threatened me (JavaScript ${label}).`);
      await screenshots(page, 'submitted', js);

      await submitted.getByRole('link', { name: 'Back to Talk:African wild dog' }).click();
      if (js) {
        // The dialog closes onto the ⋮ button that opened it.
        await expect.poll(() => dialogOf(page).evaluate((el) => (el as HTMLDialogElement).open)).toBe(false);
        expect(await hasFocus(menuOf(article).button)).toBe(true);
        expect(where(page).pathname).toBe(TALK);
      } else {
        await page.waitForURL((url) => url.pathname === TALK);
        expect(decodeURIComponent(where(page).hash)).toBe(`#${threadId}`);
      }
    });
  }
});

/** A wiki of the test's own whose talk page has a comment that reads like a threat. */
async function wikiWithThreat(text: string): Promise<TestWiki> {
  const own = await freshWiki();
  const c = own.container;
  const title = parseTitle('Talk:African wild dog', c.namespaces);
  if (!title.ok) throw new Error('title');
  const topic = await c.talk.addTopic(title.value, { user: (await c.accounts.findByName('Brackenfield'))! }, 'Last warning', text);
  if (!topic.ok) throw new Error(topic.messageKey);
  return own;
}

describe('when Alice reports a threat as unacceptable behaviour', () => {
  const THREAT = 'I know where you live and I will come to your house and hurt you.';
  for (const { js, label } of MODES) {
    for (const { answer, leadsTo } of [
      { answer: 'Report as: Threats of physical harm', leadsTo: 'emergency' },
      { answer: 'Continue with: Trolling or hounding', leadsTo: 'support' },
    ] as const) {
      it(`when JavaScript is ${label} and she chooses trolling, then "This may be an emergency" shows what was found, and "${answer}" leads to the ${leadsTo} step`, async () => {
        const own = await wikiWithThreat(THREAT);
        const page = await openPage({ js, on: own });
        await logIn(page);
        await chooseReport(page, 'I will come to your house');
        const behavior = await toBehavior(page, js, 'Trolling or hounding');
        await advance(behavior.getByRole('button', { name: 'Continue' }));
        const step = await expectStep(page, js, 'maybe-emergency');
        expect(await step.getByRole('heading', { level: 2 }).textContent()).toBe('This may be an emergency');
        expect(await step.textContent()).toContain('Threat to hurt someone: I will come');
        expect(await step.textContent()).toContain('Your choice decides');
        if (leadsTo === 'emergency') await screenshots(page, 'maybe-emergency', js);
        await advance(step.getByRole('button', { name: answer }));
        const next = await expectStep(page, js, leadsTo);
        if (leadsTo === 'emergency') expect(await next.textContent()).toContain('Threats of physical harm');
        // Nothing was sent by the question itself: only a submitted report queues mail.
        expect(await own.container.delivery.stats()).toMatchObject({ pending: 0, sending: 0, sent: 0 });
      });
    }
  }
});

describe('when Alice asks for help with unacceptable behaviour', () => {
  for (const { js, label } of MODES) {
    it(`when JavaScript is ${label} and she chooses doxing, then the Get support page shows the warning and "What to do next"`, async () => {
      const page = await openPage({ js });
      await logIn(page);
      await chooseReport(page);
      const support = await toDoxingSupport(page, js, true);
      expect(await support.getByRole('heading', { level: 2 }).textContent()).toBe('Get support');
      expect(await support.locator('.notice-info').textContent()).toContain('Sharing private information (doxing)');
      const warning = support.locator('.notice-warning');
      expect(await warning.getAttribute('role')).toBe('note');
      expect(await warning.textContent()).toContain('Please do not post your request on this wiki or any other public website');
      const next = support.getByRole('region', { name: 'What to do next' });
      expect(await next.isVisible()).toBe(true);
      expect(await next.textContent()).toContain('Do not repeat the private information anywhere');
      expect(await support.getByRole('heading', { name: 'How to ask for help' }).isVisible()).toBe(true);
      await screenshots(page, 'support', js);
    });
  }

  // Get support's "Choose another kind of behavior" is a plain link to the step's page; in the dialog it loads that step in place.
  it('when JavaScript is on and she presses Back on the Get support page, then the behaviour step shows again in the dialog with doxing still chosen', async () => {
    const page = await openPage({ js: true });
    await logIn(page);
    await chooseReport(page);
    const support = await toDoxingSupport(page, true);
    await advance(support.getByRole('link', { name: 'Choose another kind of behavior', exact: true }));
    const behavior = await expectStep(page, true, 'behavior');
    expect(await behavior.getByRole('radio', { name: 'Sharing private information (doxing)' }).isChecked()).toBe(true);
  });

  it('when JavaScript is off and she presses Back on the Get support page, then the behaviour step shows again with doxing still chosen', async () => {
    const page = await openPage({ js: false });
    await logIn(page);
    await chooseReport(page);
    const support = await toDoxingSupport(page, false);
    await advance(support.getByRole('link', { name: 'Choose another kind of behavior', exact: true }));
    const behavior = await expectStep(page, false, 'behavior');
    expect(where(page).pathname).toBe(`${SPECIAL}/behavior`);
    expect(await behavior.getByRole('radio', { name: 'Sharing private information (doxing)' }).isChecked()).toBe(true);
    // And Back once more returns to step 1 with its choice kept too.
    await advance(behavior.getByRole('button', { name: 'Back' }));
    const first = await expectStep(page, false, 'choose-type');
    expect(await first.getByRole('radio', { name: 'Unacceptable user behavior' }).isChecked()).toBe(true);
  });

  for (const { js, label } of MODES) {
    it(`when JavaScript is ${label} and she presses Back on the behaviour step, then step 1 shows again with her choice kept`, async () => {
      const page = await openPage({ js });
      await logIn(page);
      await chooseReport(page);
      const behavior = await toBehavior(page, js, 'Trolling or hounding');
      await advance(behavior.getByRole('button', { name: 'Back' }));
      const again = await expectStep(page, js, 'choose-type');
      expect(await again.getByRole('radio', { name: 'Unacceptable user behavior' }).isChecked()).toBe(true);
      await advance(again.getByRole('button', { name: 'Continue' }));
      const behaviorAgain = await expectStep(page, js, 'behavior');
      expect(await behaviorAgain.getByRole('radio', { name: 'Trolling or hounding' }).isChecked()).toBe(true);
    });
  }
});

describe('when Alice continues without choosing', () => {
  for (const { js, label } of MODES) {
    it(`when JavaScript is ${label} and step 1 has no choice, then the error summary and the field error show, and ${js ? 'the focus is on the summary' : "the summary's link takes the focus to the first choice"}`, async () => {
      const page = await openPage({ js });
      await logIn(page);
      await chooseReport(page);
      const first = await expectStep(page, js, 'choose-type');
      await advance(first.getByRole('button', { name: 'Continue' }));

      // expectStep checks that, with JavaScript, the focus is on the summary.
      const again = await expectStep(page, js, 'choose-type');
      const summary = again.locator('.error-summary');
      expect(await summary.getAttribute('role')).toBe('alert');
      expect(await summary.getByRole('heading').textContent()).toBe('There is a problem with what you entered');
      const link = summary.getByRole('link', { name: 'Choose what you would like to do.' });
      expect(await link.getAttribute('href')).toBe('#incidentType-unacceptable-user-behavior');
      const fieldError = again.locator('#incidentType-unacceptable-user-behavior-error');
      expect(await fieldError.isVisible()).toBe(true);
      expect(await fieldError.textContent()).toContain('Choose what you would like to do.');
      expect(await again.locator('fieldset.has-error').count()).toBeGreaterThan(0);
      await screenshots(page, 'choose-type-error', js);
      if (js) return; // following the link in the dialog: see the known bug below

      await link.click();
      const radio = again.getByRole('radio', { name: 'Unacceptable user behavior' });
      await expect.poll(() => hasFocus(radio), { message: `focus is on ${await focused(page)}` }).toBe(true);
      expect(await radio.evaluate((el) => el.id)).toBe('incidentType-unacceptable-user-behavior');
    });

    it(`when JavaScript is ${label} and an immediate threat is chosen without its kind, then the error names the missing kind${js ? '' : ' and its link leads to its first choice'}`, async () => {
      const page = await openPage({ js });
      await logIn(page);
      await chooseReport(page);
      const first = await expectStep(page, js, 'choose-type');
      await choose(first, 'Immediate threat of physical harm');
      await advance(first.getByRole('button', { name: 'Continue' }));
      const again = await expectStep(page, js, 'choose-type');
      // The choice made is kept.
      expect(await again.getByRole('radio', { name: 'Immediate threat of physical harm' }).isChecked()).toBe(true);
      const link = again.locator('.error-summary').getByRole('link', { name: 'Choose what kind of threat it is.' });
      expect(await link.getAttribute('href')).toBe('#physicalHarmType-threats-physical-harm');
      expect(await again.locator('#physicalHarmType-threats-physical-harm-error').textContent()).toContain('Choose what kind of threat it is.');
      if (js) return;
      await link.click();
      await expect.poll(() => hasFocus(again.getByRole('radio', { name: 'Threats of physical harm' })), { message: `focus is on ${await focused(page)}` }).toBe(true);
    });

    it(`when JavaScript is ${label} and the behaviour step has no choice, then the error summary and the field error show${js ? '' : ", and the summary's link leads to the first behaviour"}`, async () => {
      const page = await openPage({ js });
      await logIn(page);
      await chooseReport(page);
      const first = await expectStep(page, js, 'choose-type');
      await choose(first, 'Unacceptable user behavior');
      await advance(first.getByRole('button', { name: 'Continue' }));
      const behavior = await expectStep(page, js, 'behavior');
      await advance(behavior.getByRole('button', { name: 'Continue' }));
      const again = await expectStep(page, js, 'behavior');
      const link = again.locator('.error-summary').getByRole('link', { name: 'Choose the type of behavior.' });
      expect(await link.getAttribute('href')).toBe('#behaviorType-intimidation');
      expect(await again.locator('#behaviorType-intimidation-error').textContent()).toContain('Choose the type of behavior.');
      await screenshots(page, 'behavior-error', js);
      if (js) return;
      await link.click();
      await expect.poll(() => hasFocus(again.getByRole('radio', { name: 'Bullying, intimidation, threats or insults' })), { message: `focus is on ${await focused(page)}` }).toBe(true);
    });
  }
});

describe("when the error summary's link is followed in the dialog", () => {
  // The summary's links are fragment links (#incidentType-…): in the dialog they must move the focus, not
  // navigate the talk page (which would fire popstate and close the dialog).
  it("when JavaScript is on and the summary's link is clicked, then the dialog stays open and the focus is on the first choice", async () => {
    const page = await openPage({ js: true });
    await logIn(page);
    await chooseReport(page);
    const first = await expectStep(page, true, 'choose-type');
    await advance(first.getByRole('button', { name: 'Continue' }));
    const again = await expectStep(page, true, 'choose-type');
    await again.locator('.error-summary').getByRole('link', { name: 'Choose what you would like to do.' }).click();
    await expect.poll(() => hasFocus(again.getByRole('radio', { name: 'Unacceptable user behavior' })), { message: `focus is on ${await focused(page)}` }).toBe(true);
    expect(await dialogOf(page).evaluate((el) => (el as HTMLDialogElement).open)).toBe(true);
  });
});

describe('when the emergency flow is used by keyboard only', () => {
  for (const js of [true, false]) {
    it(`when JavaScript is ${js ? 'on' : 'off'}, then Tab, Space and Enter alone take a report from the ⋮ menu to its confirmation`, async () => {
      const own = await freshWiki();
      {
        const page = await openPage({ js, on: own });
        await logIn(page);
        const menu = menuOf(comment(page, REPORTED));
        await page.locator('#firstHeading').click();
        await tabTo(page, menu.button);
        await page.keyboard.press('Enter');
        for (let presses = 0; presses < 5 && !(await hasFocus(menu.report)); presses++) await page.keyboard.press(js ? 'ArrowDown' : 'Tab');
        expect(await hasFocus(menu.report)).toBe(true);
        await page.keyboard.press('Enter');

        const first = await expectStep(page, js, 'choose-type');
        // A radio group is one Tab stop: Tab reaches it, arrow keys move and choose within it.
        await tabTo(page, first.getByRole('radio', { name: 'Unacceptable user behavior' }), 15);
        await page.keyboard.press('ArrowDown');
        expect(await first.getByRole('radio', { name: 'Immediate threat of physical harm' }).isChecked()).toBe(true);
        const harm = first.getByRole('radio', { name: 'Threats of physical harm' });
        await tabTo(page, harm, 10);
        await page.keyboard.press('Space');
        expect(await harm.isChecked()).toBe(true);
        await tabTo(page, first.getByRole('button', { name: 'Continue' }), 15);
        await markStale(page);
        await page.keyboard.press('Enter');

        const step = await expectStep(page, js, 'emergency');
        const aboutMe = step.getByRole('radio', { name: 'About me' });
        await tabTo(page, aboutMe, 15);
        await page.keyboard.press('Space');
        await tabTo(page, step.locator('#details'), 10);
        await page.keyboard.type('He wrote where I work and that he will come.');
        await tabTo(page, step.getByRole('button', { name: 'Submit report' }), 10);
        await markStale(page);
        await page.keyboard.press('Enter');

        const done = await expectStep(page, js, 'submitted');
        expect(await done.textContent()).toMatch(/RI-[0-9A-Z]{5}-/);
      }
    });
  }
});

describe('when the report dialog is used by keyboard only', () => {
  it('when JavaScript is on, then Tab, Enter and ArrowDown open Report from the ⋮ menu, Space chooses, Enter continues, and Escape closes the dialog onto the ⋮ button', async () => {
    const page = await openPage({ js: true });
    await logIn(page);
    const menu = menuOf(comment(page, REPORTED));

    await page.locator('#firstHeading').click(); // start tabbing from the top of the content, as after reading
    await tabTo(page, menu.button);
    await page.keyboard.press('Enter');
    expect(await menu.details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    for (let presses = 0; presses < 5 && !(await hasFocus(menu.report)); presses++) await page.keyboard.press('ArrowDown');
    expect(await hasFocus(menu.report)).toBe(true);
    await page.keyboard.press('Enter');

    const first = await expectStep(page, true, 'choose-type');
    const nonEmergency = first.getByRole('radio', { name: 'Unacceptable user behavior' });
    await tabTo(page, nonEmergency, 10);
    await page.keyboard.press('Space');
    expect(await nonEmergency.isChecked()).toBe(true);
    const continueButton = first.getByRole('button', { name: 'Continue' });
    await tabTo(page, continueButton, 10);
    await markStale(page);
    await page.keyboard.press('Enter');

    const behavior = await expectStep(page, true, 'behavior');
    const intimidation = behavior.getByRole('radio', { name: 'Bullying, intimidation, threats or insults' });
    await tabTo(page, intimidation, 10);
    // Arrow keys move within the group and choose as they go; Space chooses the one with focus.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const doxing = behavior.getByRole('radio', { name: 'Sharing private information (doxing)' });
    expect(await hasFocus(doxing)).toBe(true);
    await page.keyboard.press('Space');
    expect(await doxing.isChecked()).toBe(true);
    // Enter on a radio button submits the form with its first button, Continue.
    await markStale(page);
    await page.keyboard.press('Enter');

    const support = await expectStep(page, true, 'support');
    // Tab stays in the modal dialog: it reaches the links and buttons of the step and, wrapping round
    // (past the browser's own controls, where the document has no focused element), the ×.
    const visited = new Set<string>();
    for (let presses = 0; presses < 25; presses++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const active = document.activeElement;
        return !active || active === document.body ? 'nowhere' : document.querySelector('dialog.report-dialog')?.contains(active) ? 'dialog' : 'page';
      });
      expect(where, `Tab press ${presses + 1} left the modal dialog for ${await focused(page)}`).not.toBe('page');
      if (where === 'dialog') visited.add(await focused(page));
    }
    expect([...visited]).toContain('button.report-dialog-close');
    // One way back to the comment, a plain button: none of the Get support page's buttons leads away from help.
    expect([...visited]).toContain('a.button');
    expect(await support.locator('a.button').count()).toBeGreaterThan(0);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOf(page).evaluate((el) => (el as HTMLDialogElement).open)).toBe(false);
    expect(await hasFocus(menu.button)).toBe(true);
    expect(await menu.details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(where(page).pathname).toBe(TALK);
  });

  it('when JavaScript is on and the × is pressed with Enter, then the dialog closes and the focus returns to the ⋮ button', async () => {
    const page = await openPage({ js: true });
    await logIn(page);
    const menu = menuOf(comment(page, REPORTED));
    await chooseReport(page);
    await expectStep(page, true, 'choose-type');
    const close = dialogOf(page).getByRole('button', { name: 'Close' });
    expect(await close.textContent()).toBe('×');
    await close.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialogOf(page).evaluate((el) => (el as HTMLDialogElement).open)).toBe(false);
    expect(await hasFocus(menu.button)).toBe(true);
  });

  it("when JavaScript is on and the browser's back button is used while the dialog is open, then the dialog closes and the talk page is still shown", async () => {
    const page = await openPage({ js: true });
    await logIn(page);
    const talkUrl = page.url();
    const menu = menuOf(comment(page, REPORTED));
    await chooseReport(page);
    const first = await expectStep(page, true, 'choose-type');
    await choose(first, 'Unacceptable user behavior');
    await advance(first.getByRole('button', { name: 'Continue' }));
    await expectStep(page, true, 'behavior');

    await page.goBack();
    await expect.poll(() => dialogOf(page).evaluate((el) => (el as HTMLDialogElement).open)).toBe(false);
    expect(page.url()).toBe(talkUrl);
    expect(await page.locator('#firstHeading').textContent()).toBe('Talk:African wild dog');
    expect(await comment(page, REPORTED).isVisible()).toBe(true);
    expect(await hasFocus(menu.button)).toBe(true);
    // The reader is still logged in and on the talk page, not on the login page before it.
    expect(await page.getByRole('navigation', { name: 'Personal tools' }).getByRole('link', { name: 'Alice', exact: true }).isVisible()).toBe(true);
  });

  it('when JavaScript is on and the dialog was closed with Escape, then the back button leaves the talk page rather than reopening anything', async () => {
    const page = await openPage({ js: true });
    await logIn(page);
    await chooseReport(page);
    await expectStep(page, true, 'choose-type');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOf(page).evaluate((el) => (el as HTMLDialogElement).open)).toBe(false);
    // Closing took back the history entry the dialog added: Back goes where it went before (the login form).
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/wiki/Special:UserLogin');
  });
});

describe('when Alice writes details near the limit', () => {
  it('when JavaScript is on and 950 characters are typed, then the counter shows what is left, counting an emoji as one character', async () => {
    const page = await openPage({ js: true });
    await logIn(page);
    await chooseReport(page);
    const emergency = await toEmergency(page, true);
    const details = emergency.getByLabel('Anything else the team should know');
    const counter = emergency.locator('#details-counter');
    expect(await counter.getAttribute('aria-live')).toBe('polite');
    expect(await details.getAttribute('aria-describedby')).toContain('details-counter');
    expect(await counter.textContent()).toBe('At most 1000 characters.');

    // 100 left: not yet shown; 99 left: shown.
    await details.fill('a'.repeat(900));
    expect(await counter.textContent()).toBe('At most 1000 characters.');
    await details.press('End');
    await page.keyboard.type('b');
    expect(await counter.textContent()).toBe('Characters left: 99');

    await details.fill('a'.repeat(950));
    expect(await counter.textContent()).toBe('Characters left: 50');
    await details.press('End');
    await page.keyboard.type('🐕🐕🐕');
    // Three code points (six UTF-16 units, as String.length counts).
    expect(await details.evaluate((el) => (el as HTMLTextAreaElement).value.length)).toBe(956);
    expect(await counter.textContent()).toBe('Characters left: 47');
    await screenshots(page, 'emergency-counter', true);

    await details.fill('a'.repeat(999) + '🐕🐕');
    const over = (await counter.textContent()) ?? '';
    expect(over).toContain('over the limit');
    expect(over).toMatch(/\b1\b/);
    expect(await counter.getAttribute('class')).toContain('over');
    await details.fill('🐕'.repeat(1000));
    expect(await counter.textContent()).toBe('Characters left: 0');
  });

  it('when JavaScript is off, then the form states the limit, and the server counts an emoji as one character: 1001 are refused with what was typed kept, 1000 are accepted', async () => {
    const own = await freshWiki();
    const page = await openPage({ js: false, on: own });
    await logIn(page);
    await chooseReport(page);
    const emergency = await toEmergency(page, false);
    expect(await emergency.locator('#details-counter').textContent()).toBe('At most 1000 characters.');
    await choose(emergency, 'About someone else');
    await emergency.getByLabel('Anything else the team should know').fill('🐕'.repeat(1001));
    await advance(emergency.getByRole('button', { name: 'Submit report' }));

    const again = await expectStep(page, false, 'emergency');
    expect(await again.locator('.error-summary').textContent()).toContain('This is too long: at most 1000 characters.');
    expect(await again.locator('#details-error').isVisible()).toBe(true);
    const details = again.getByLabel('Anything else the team should know');
    expect(await details.getAttribute('aria-invalid')).toBe('true');
    expect(await details.inputValue()).toBe('🐕'.repeat(1001));
    expect(await again.getByRole('radio', { name: 'About someone else' }).isChecked()).toBe(true);
    await screenshots(page, 'emergency-too-long', false);

    await details.fill('🐕'.repeat(1000));
    await advance(again.getByRole('button', { name: 'Submit report' }));
    const submitted = await expectStep(page, false, 'submitted');
    expect(await submitted.locator('.notice-success').textContent()).toMatch(REFERENCE);
  });
});

describe('when someone who may not report opens the menu', () => {
  for (const { js, label } of MODES) {
    it(`when JavaScript is ${label} and Chloe, whose email is not confirmed, follows Report, then she is asked to confirm her email with a link to Special:Preferences`, async () => {
      const page = await openPage({ js });
      await logIn(page, 'Chloe');
      const menu = menuOf(comment(page, REPORTED));
      await menu.button.click();
      expect(await menu.details.getByRole('link', { name: 'Report' }).isVisible()).toBe(true);
      await menu.report.click();

      const step = await expectStep(page, js, 'ineligible');
      expect(await step.getByRole('heading', { level: 2 }).textContent()).toBe('A confirmed email address is needed');
      expect(await step.getByRole('alert').textContent()).toContain('We need a confirmed email address to follow up on your report.');
      const confirm = step.getByRole('link', { name: 'Confirm my email address' });
      // …and, once confirmed, back to this report (test/http/getHelp.test.ts follows it).
      expect(await confirm.getAttribute('href')).toMatch(/^\/wiki\/Special:Preferences\?returnto=Special%3AReportIncident&returntoquery=/);
      await screenshots(page, 'ineligible-email', js);
      await confirm.click();
      await page.waitForURL((url) => url.pathname === '/wiki/Special:Preferences');
      expect(await page.locator('dialog[open]').count()).toBe(0);
    });

    it(`when JavaScript is ${label} and Farah, who is blocked, opens a comment's ⋮ menu, then it has no Report item`, async () => {
      const page = await openPage({ js });
      await logIn(page, 'Farah');
      const menu = menuOf(comment(page, REPORTED));
      await menu.button.click();
      expect(await menu.details.getByRole('link', { name: 'Copy link' }).isVisible()).toBe(true);
      expect(await menu.details.getByRole('link', { name: 'Report' }).count()).toBe(0);
      // Nor anywhere else on the page: no comment's or topic's menu, nor the Tools menu, shows one.
      // (The threads are rendered once for every reader; Report items are hidden unless the reader may report.
      // Get help, which she has instead, is test/browser/getHelp.test.ts's.)
      expect(await page.locator('a.menu-item-report:visible, a[href^="/wiki/Special:ReportIncident?"]:visible').count()).toBe(0);
    });
  }
});

describe('when the report flow is used on a phone 375 px wide', () => {
  for (const { js, label } of MODES) {
    it(`when JavaScript is ${label}, then every step of both flows fits without scrolling sideways`, async () => {
      const own = await freshWiki();
      const page = await openPage({ js, width: PHONE, on: own });
      await logIn(page);
      await expectFitsPhone(page, 'the talk page');

      await chooseReport(page);
      let step = await expectStep(page, js, 'choose-type');
      await expectFitsPhone(page, 'step 1');
      await advance(step.getByRole('button', { name: 'Continue' }));
      step = await expectStep(page, js, 'choose-type');
      await expectFitsPhone(page, 'step 1 with errors');
      await choose(step, 'Unacceptable user behavior');
      await advance(step.getByRole('button', { name: 'Continue' }));
      step = await expectStep(page, js, 'behavior');
      await expectFitsPhone(page, 'the behaviour step');
      await choose(step, 'Something else');
      await advance(step.getByRole('button', { name: 'Continue' }));
      // Reading the help of "Something else" needs no description.
      step = await expectStep(page, js, 'support');
      await expectFitsPhone(page, 'Get support for "something else" without a description');
      await advance(step.getByRole('link', { name: 'Choose another kind of behavior', exact: true }));
      step = await expectStep(page, js, 'behavior');
      await choose(step, 'Sharing private information (doxing)');
      await advance(step.getByRole('button', { name: 'Continue' }));
      step = await expectStep(page, js, 'support');
      await expectFitsPhone(page, 'Get support');

      if (js) {
        await dialogOf(page).getByRole('button', { name: 'Close' }).click();
        await chooseReport(page);
      } else {
        await page.goto(TALK);
        await chooseReport(page);
      }
      step = await expectStep(page, js, 'choose-type');
      await choose(step, 'Immediate threat of physical harm');
      await choose(step, 'Threats of public harm');
      await advance(step.getByRole('button', { name: 'Continue' }));
      step = await expectStep(page, js, 'emergency');
      await expectFitsPhone(page, 'the emergency step');
      await choose(step, 'About someone else');
      // A long word, as a pasted link is, must wrap rather than widen the page.
      await step.getByLabel('Anything else the team should know').fill(`https://example.org/${'x'.repeat(300)} ${'ok '.repeat(100)}`);
      await advance(step.getByRole('button', { name: 'Submit report' }));
      step = await expectStep(page, js, 'submitted');
      await expectFitsPhone(page, 'the confirmation');
      expect(await step.locator('.notice-success').textContent()).toMatch(REFERENCE);
      await screenshots(page, 'submitted-public-harm', js);
    });
  }
});
