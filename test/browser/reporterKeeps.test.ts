// Browser tests of what the report flow keeps for a reporter (#15), with JavaScript on (the dialog) and off, at
// 360 and 1280 px: the language of ?uselang=ar and ?uselang=ko through every step, talk content left to right inside
// an Arabic interface, crisis resources as soon as self-harm is chosen, and a dialog that asks before losing words.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, commentWith, screenshot } from '../support/browser.js';
import type { TestWiki } from '../support/testWiki.js';

const TALK = '/wiki/Talk:African_wild_dog';
const SPECIAL = '/wiki/Special:ReportIncident';
const REPORTED = 'Keep reverting me';

const suite = browserSuite();
/** Each test files or keeps drafts of its own: a wiki of its own keeps them apart. */
const freshWiki = () => suite.ownWiki();

function openPage(on: TestWiki, js: boolean, width: number): Promise<Page> {
  return suite.openPage({ js, width, on, expected: (r) => r.request().resourceType() === 'fetch' && new URL(r.url()).pathname.startsWith(SPECIAL) && [403, 422, 429].includes(r.status()) });
}

/** Logs in on the login page, then opens the talk page with `query`. */
async function logIn(page: Page, name: string, query: string): Promise<void> {
  await page.goto(`/wiki/Special:UserLogin${query}`);
  await page.fill('#wpName', name);
  await page.fill('#wpPassword', 'demo-password');
  await page.click('#wpLoginAttempt');
  await page.waitForURL(/Main_Page|Special:UserLogin|wiki\//);
  await page.goto(`${TALK}${query}`);
}

async function chooseReport(page: Page, text = REPORTED): Promise<void> {
  const details = commentWith(page, text).locator('.comment-tools details.overflow-menu');
  await details.locator('summary').click();
  await details.locator('a.menu-item-report').click();
}

/** The current step's root, in the dialog with JavaScript, in the page without. */
async function step(page: Page, js: boolean, name: string) {
  const root = (js ? page.locator('dialog.report-dialog') : page.locator('#content')).locator(`#report-step[data-step="${name}"]`);
  await root.waitFor();
  return root;
}

/** The language and direction the step is shown in: the page's own with JavaScript (the dialog sits on it), else the step page's. */
async function languageOf(page: Page): Promise<[string | null, string | null]> {
  return page.evaluate(() => [document.documentElement.getAttribute('lang'), document.documentElement.getAttribute('dir')]);
}

/** Logs in, chooses Report on the reported comment and an immediate threat of `harm`: the emergency step. */
async function toEmergency(page: Page, js: boolean, name: string, harm: string, query = '') {
  await logIn(page, name, query);
  await chooseReport(page);
  const first = await step(page, js, 'choose-type');
  await first.locator('#incidentType-immediate-threat-physical-harm').check();
  await first.locator(`#physicalHarmType-${harm}`).check();
  await first.locator('button[value="continue"]').click();
  return step(page, js, 'emergency');
}

const MODES = [true, false] as const;
const WIDTHS = [360, 1280] as const;

describe('?uselang through the whole flow', () => {
  for (const js of MODES) {
    for (const [lang, dir, nonEmergency, cont] of [
      ['ar', 'rtl', 'سلوك غير مقبول من مستخدم', 'متابعة'],
      ['ko', 'ltr', '용납할 수 없는 사용자 행동', '계속'],
    ] as const) {
      it.each(WIDTHS)(`when Alice reports with ?uselang=${lang}, JavaScript ${js ? 'on' : 'off'}, at %i px, then every step is in ${lang} and ${dir}`, async (width) => {
        const wiki = await freshWiki();
        const page = await openPage(wiki, js, width);
        await logIn(page, 'Alice', `?uselang=${lang}`);
        expect(await languageOf(page)).toEqual([lang, dir]);
        // Talk content keeps the content language's direction inside an interface of another.
        const body = commentWith(page, REPORTED).locator('.comment-body');
        expect(await body.getAttribute('dir')).toBe('ltr');
        expect(await body.getAttribute('lang')).toBe('en');
        await chooseReport(page);
        const first = await step(page, js, 'choose-type');
        expect(await first.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe(lang);
        expect(await first.textContent()).toContain(nonEmergency);
        await first.locator('#incidentType-unacceptable-user-behavior').check();
        expect(await first.locator('button[value="continue"]').textContent()).toContain(cont);
        await first.locator('button[value="continue"]').click();
        const behavior = await step(page, js, 'behavior');
        if (!js) expect(await languageOf(page)).toEqual([lang, dir]);
        if (!js) expect(page.url()).toContain(`uselang=${lang}`);
        await behavior.locator('#behaviorType-intimidation').check();
        await behavior.locator('button[value="continue"]').click();
        const support = await step(page, js, 'support');
        if (!js) expect(await languageOf(page)).toEqual([lang, dir]);
        // Nothing on the Get support page is in English.
        expect(await support.textContent()).not.toContain('Get support');
        await screenshot(page, `uselang-${lang}-support-js-${js ? 'on' : 'off'}-${width}`);
      });
    }
  }
});

const LANGS = [
  { lang: 'en', dir: 'ltr', query: '' },
  { lang: 'ar', dir: 'rtl', query: '?uselang=ar' },
  { lang: 'ko', dir: 'ltr', query: '?uselang=ko' },
] as const;

/** A message as the reader sees it in `lang` (English where the language lacks it). */
function msg(lang: string, key: string): string {
  const read = (l: string) => JSON.parse(readFileSync(new URL(`../../locales/${l}.json`, import.meta.url), 'utf8')) as Record<string, string>;
  return read(lang)[key] ?? read('en')[key]!;
}

describe('the emergency path in the reader\'s language', () => {
  for (const { lang, dir, query } of LANGS.filter((l) => l.lang !== 'en')) {
    for (const js of MODES) {
      it.each(WIDTHS)(`when Alice reports a threat with ?uselang=${lang}, JavaScript ${js ? 'on' : 'off'}, at %i px, then the emergency step and the confirmation are in ${lang} and ${dir}, with the reference left to right on one line`, async (width) => {
        const page = await openPage(await freshWiki(), js, width);
        const emergency = await toEmergency(page, js, 'Alice', 'threats-physical-harm', query);
        expect(await languageOf(page)).toEqual([lang, dir]);
        expect(await emergency.locator('button[value="submit"]').textContent()).toContain(msg(lang, 'reportincident-submit'));
        await emergency.locator('#details').fill('He said he will come to my house');
        await screenshot(page, `uselang-${lang}-emergency-js-${js ? 'on' : 'off'}-${width}`);
        await emergency.locator('button[value="submit"]').click();
        const submitted = await step(page, js, 'submitted');
        expect(await languageOf(page)).toEqual([lang, dir]);
        const reference = submitted.locator('.report-reference').first();
        expect(await reference.getAttribute('dir')).toBe('ltr');
        expect(await reference.evaluate((el) => el.getClientRects().length)).toBe(1);
        await screenshot(page, `uselang-${lang}-submitted-js-${js ? 'on' : 'off'}-${width}`);
      });
    }
  }
});

describe('self-harm about oneself', () => {
  for (const { lang, query } of LANGS) {
    for (const js of MODES) {
      it.each(WIDTHS)(`when Testing chooses self-harm in ${lang}, JavaScript ${js ? 'on' : 'off'}, at %i px, then crisis resources show before anything is typed, and "about me" asks for no one to report`, async (width) => {
        const page = await openPage(await freshWiki(), js, width);
        const ask = await toEmergency(page, js, 'Testing', 'threats-self-harm', query);
        await ask.locator('.crisis-resources').waitFor();
        expect(await ask.locator('#reportedUser').count()).toBe(0);
        await screenshot(page, `self-harm-question-${lang}-js-${js ? 'on' : 'off'}-${width}`);
        await ask.locator('#about-self').check();
        await ask.locator('button[value="about"]').click();
        const details = (js ? page.locator('dialog.report-dialog') : page.locator('#content')).locator('#report-step[data-step="emergency"] #details');
        await details.waitFor();
        const root = await step(page, js, 'emergency');
        expect(await root.locator('#reportedUser').count()).toBe(0);
        expect(await root.locator('.crisis-resources').count()).toBe(1);
        expect(await root.textContent()).toContain(msg(lang, 'reportincident-emergency-self-who-sees'));
        expect(await root.textContent()).not.toContain(msg(lang, 'reportincident-emergency-not-told'));
        await screenshot(page, `self-harm-details-${lang}-js-${js ? 'on' : 'off'}-${width}`);
      });
    }
  }
});

describe('the dialog keeps what was typed', () => {
  for (const { lang, query } of LANGS) {
    it.each(WIDTHS)(`when the reporter presses Esc with words typed in ${lang} at %i px, then the dialog asks first; dismissed, it stays; accepted, Report on the same comment reopens the words`, async (width) => {
      const wiki = await freshWiki();
      const page = await openPage(wiki, true, width);
      const emergency = await toEmergency(page, true, 'Alice', 'threats-physical-harm', query);
      await emergency.locator('#details').fill('He wrote that he knows where I live.');
      const questions: string[] = [];
      page.once('dialog', (d) => {
        questions.push(d.message());
        void d.dismiss();
      });
      await page.keyboard.press('Escape');
      await expect.poll(() => questions.length).toBe(1);
      expect(questions[0]).toBe(msg(lang, 'reportincident-dialog-close-confirm'));
      expect(await page.locator('dialog.report-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
      page.once('dialog', (d) => void d.accept());
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('dialog.report-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
      // The words were saved as the dialog closed; Report again reopens them.
      await expect.poll(async () => (wiki.container.db.prepare("SELECT count(*) AS n FROM report_drafts WHERE data LIKE '%knows where I live%'").get() as { n: number }).n).toBe(1);
      await chooseReport(page);
      const reopened = await step(page, true, 'emergency');
      expect(await reopened.locator('#details').inputValue()).toBe('He wrote that he knows where I live.');
      expect(await reopened.locator('.resumed').textContent()).toContain(msg(lang, 'reportincident-resumed'));
      await screenshot(page, `dialog-reopened-draft-${lang}-${width}`);
    });
  }

  it('when Esc is pressed three times quickly with words typed and each time the reporter chooses to stay, then the dialog stays open', async () => {
    const page = await openPage(await freshWiki(), true, 360);
    const emergency = await toEmergency(page, true, 'Testing', 'threats-self-harm');
    await emergency.locator('#about-self').check();
    await emergency.locator('button[value="about"]').click();
    const details = page.locator('dialog.report-dialog #report-step[data-step="emergency"] #details');
    await details.waitFor();
    await details.fill('I do not want to be here.');
    let asked = 0;
    page.on('dialog', (d) => {
      asked++;
      void d.dismiss();
    });
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    await expect.poll(() => asked).toBe(3);
    expect(await page.locator('dialog.report-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await details.inputValue()).toBe('I do not want to be here.');
  });

  for (const { lang, query } of LANGS) {
    it.each(WIDTHS)(`when the reporter goes Back in the browser after Submit without JavaScript in ${lang} at %i px, then the confirmation shows, not "expired"`, async (width) => {
      const page = await openPage(await freshWiki(), false, width);
      const emergency = await toEmergency(page, false, 'Alice', 'threats-physical-harm', query);
      await emergency.locator('#details').fill('Back after submit');
      await emergency.locator('button[value="submit"]').click();
      await step(page, false, 'submitted');
      const confirmation = page.url();
      await page.goBack();
      await step(page, false, 'submitted');
      expect(page.url().replace(/\?.*$/, '')).toBe(confirmation.replace(/\?.*$/, ''));
      expect(await page.locator('#content').textContent()).not.toContain(msg(lang, 'reportincident-expired-title'));
      await screenshot(page, `back-after-submit-${lang}-${width}`);
    });
  }
});
