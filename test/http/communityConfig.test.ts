// HTTP tests of Special:CommunityConfiguration/ReportIncident against the real app: who may open it, the form
// and its preview, saves as revisions, refusals that store nothing (invalid values, JSON problems, a stale
// token, an edit conflict), history, diffs and restore, and a broken stored page that never takes down the
// pages people rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { behaviorTypes } from '../../src/taxonomy/taxonomy.js';
import type { RevisionRecord } from '../../src/wiki/PageRepository.js';
import { parseTitle } from '../../src/wiki/Title.js';
import { HttpClient, hiddenField, type Reply } from '../support/HttpClient.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';
import { configRevisions, storedConfig } from '../support/configRevisions.js';

const EDITOR = '/wiki/Special:CommunityConfiguration/ReportIncident';
const SUPPORT = '/wiki/Special:ReportIncident/support/intimidation';
const CONTACT_ADMIN = 'ReportIncident_NonEmergency_Intimidation_HelpMethod.ContactAdmin';
const CONTACT_ADMIN_ID = 'cc-ReportIncident_NonEmergency_Intimidation_HelpMethod-ContactAdmin';
const HISTORY = '/w/index.php?title=MediaWiki:IncidentReportingConfig.json&action=history';

let wiki: TestWiki;
beforeAll(async () => {
  wiki = await startTestWiki();
});
afterAll(() => wiki.close());

// ---- Helpers ----

/** Decodes the entities EJS writes. */
function decode(s: string): string {
  return s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The page's text as a reader sees it: no tags, entities decoded, white space collapsed. */
function textOf(html: string): string {
  return decode(html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) out[m[1]!] = decode(m[2] ?? '');
  return out;
}

/** What a browser sends for the editor's main form: text inputs, ticked boxes and textareas, in order. */
function formOf(html: string): [string, string][] {
  const start = html.indexOf('<form class="wiki-form cc-form"');
  if (start < 0) throw new Error('no editor form in the page');
  const form = html.slice(start, html.indexOf('</form>', start));
  const pairs: [string, string][] = [];
  for (const m of form.matchAll(/<input\b([^>]*)>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const attrs = attributes(m[1] ?? m[2]!);
    if (!attrs.name) continue;
    if (m[1] !== undefined) {
      if (attrs.type === 'checkbox' && !('checked' in attrs)) continue;
      pairs.push([attrs.name, attrs.value ?? 'on']);
    } else {
      pairs.push([attrs.name, decode(m[3]!)]);
    }
  }
  return pairs;
}

/** The form with some fields replaced (a list replaces every value of a name; an empty list unticks). */
function withFields(pairs: [string, string][], changes: Record<string, string | string[]>): [string, string][] {
  const out = pairs.filter(([name]) => !(name in changes));
  for (const [name, value] of Object.entries(changes)) for (const v of Array.isArray(value) ? value : [value]) out.push([name, v]);
  return out;
}

function postPairs(client: HttpClient, path: string, pairs: [string, string][]): Promise<Reply> {
  return client.request('POST', path, new URLSearchParams(pairs).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
}

async function loggedIn(name: string): Promise<HttpClient> {
  const client = new HttpClient(wiki.url);
  const r = await client.login(name);
  expect(r.status).toBe(303);
  return client;
}

/** Opens the editor (form or JSON) and returns the page with what its form would send. */
async function openEditor(client: HttpClient, mode: 'form' | 'json' = 'form') {
  const page = await client.get(mode === 'json' ? `${EDITOR}?mode=json` : EDITOR);
  expect(page.status).toBe(200);
  return { page, form: formOf(page.text), token: hiddenField(page.text, 'wpEditToken'), baseRevId: hiddenField(page.text, 'baseRevId') };
}

/** Submits the editor's form with changes and an action (save or preview). */
async function submitForm(client: HttpClient, changes: Record<string, string | string[]>, action: 'save' | 'preview' = 'save', summary = ''): Promise<Reply> {
  const { form } = await openEditor(client);
  return postPairs(client, EDITOR, [...withFields(form, { wpSummary: summary, ...changes }), ['wpAction', action]]);
}

/** Submits JSON text in JSON mode. */
async function submitJson(client: HttpClient, json: string, summary = 'JSON edit', extra: Record<string, string> = {}): Promise<Reply> {
  const { token, baseRevId } = await openEditor(client, 'json');
  return postPairs(client, EDITOR, Object.entries({ wpEditToken: token, mode: 'json', baseRevId, wpJson: json, wpSummary: summary, wpAction: 'save', ...extra }));
}

const configTitle = () => wiki.container.communityConfigEditor.title;
const revisions = () => configRevisions(wiki);
const latest = async (): Promise<RevisionRecord> => (await revisions())[0]!;
const stored = () => storedConfig(wiki);

/** The HTML of one element with this id, up to its closing tag of the same name (no nesting of that tag inside). */
function elementById(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  if (at < 0) throw new Error(`no element #${id}`);
  const open = html.lastIndexOf('<', at);
  const tag = /^<(\w+)/.exec(html.slice(open))![1]!;
  const close = html.indexOf(`</${tag}>`, at);
  return html.slice(open, close < 0 ? undefined : close + tag.length + 3);
}

/** The links of the "How to ask for help" list of a Get support page. */
function helpLinks(html: string): string[] {
  const list = /<ul class="help-methods">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/href="([^"]*)"/g)].map((m) => decode(m[1]!));
}

/**
 * Where the help links of a live Get support page lead: a link through a local counting redirect
 * (/wiki/Special:ReportIncident/out/…) is followed once to its target, so the check holds with or without one.
 */
async function liveHelpLinks(client: HttpClient, html: string): Promise<string[]> {
  return Promise.all(helpLinks(html).map((href) => followOut(client, href)));
}

async function followOut(client: HttpClient, href: string): Promise<string> {
  if (!href.startsWith('/wiki/Special:ReportIncident/out/')) return href;
  const r = await client.get(href);
  expect(r.status, `the counting redirect ${href}`).toBeGreaterThanOrEqual(300);
  expect(r.status).toBeLessThan(400);
  // A local target may come back absolute, on this wiki's own address.
  return r.location!.replace(/^http:\/\/127\.0\.0\.1:\d+(?=\/)/, '');
}

/** The error summary's links and the ids they point at. */
function summaryTargets(html: string): string[] {
  const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]!);
}

// ---- Tests ----

describe('who may open the editor', () => {
  it('when an anonymous visitor opens it, then they are sent to log in and come back to it', async () => {
    const r = await new HttpClient(wiki.url).get(EDITOR);
    expect(r.status).toBe(303);
    const to = new URL(r.location!, wiki.url);
    expect(to.pathname).toBe('/wiki/Special:UserLogin');
    expect(to.searchParams.get('returnto')).toBe('Special:CommunityConfiguration/ReportIncident');
  });

  it('when an anonymous visitor posts to it, then they are sent to log in and nothing is saved', async () => {
    const before = await stored();
    const r = await new HttpClient(wiki.url).post(EDITOR, { mode: 'json', wpJson: '{}', wpAction: 'save' });
    expect(r.status).toBe(303);
    expect(r.location).toMatch(/^\/wiki\/Special:UserLogin\?/);
    expect(await stored()).toEqual(before);
  });

  it.each(['Alice', 'Juniper', 'Tomas'])('when %s (not an interface-admin) opens it, then a 403 page says only interface administrators may change it', async (name) => {
    const client = await loggedIn(name);
    const r = await client.get(EDITOR);
    expect(r.status).toBe(403);
    expect(textOf(r.text)).toContain('Permission error');
    expect(textOf(r.text)).toContain('Only interface administrators can change the community configuration.');
    expect(r.text).not.toContain('cc-form');
  });

  it.each(['Alice', 'Juniper', 'Tomas'])('when %s posts a save with a valid token of their own, then it is refused with 403 and nothing is saved', async (name) => {
    const client = await loggedIn(name);
    const any = await client.get('/wiki/Talk:African_wild_dog');
    const token = hiddenField(any.text, 'wpEditToken');
    const before = await stored();
    const r = await client.post(EDITOR, { wpEditToken: token, mode: 'json', wpJson: '{}', wpAction: 'save', wpSummary: 'take over' });
    expect(r.status).toBe(403);
    expect(textOf(r.text)).toContain('Only interface administrators can change the community configuration.');
    expect(await stored()).toEqual(before);
  });

  it('when Ines (interface-admin) opens it, then the editor answers 200', async () => {
    const client = await loggedIn('Ines');
    const r = await client.get(EDITOR);
    expect(r.status).toBe(200);
    expect(r.text).toContain('class="wiki-form cc-form"');
    expect(textOf(r.text)).toContain('Community configuration: incident reporting');
  });

  it('when the provider name is unknown, then a 404 says so', async () => {
    const client = await loggedIn('Ines');
    const r = await client.get('/wiki/Special:CommunityConfiguration/GrowthExperiments');
    expect(r.status).toBe(404);
    expect(textOf(r.text)).toContain('There is no community configuration named "GrowthExperiments".');
  });
});

describe('the form', () => {
  it('when Ines opens the form, then every field shows the stored value', async () => {
    const client = await loggedIn('Ines');
    const { page, form } = await openEditor(client);
    const values = new Map(form);
    expect(values.get(CONTACT_ADMIN)).toBe("Demo Wiki:Administrators' noticeboard");
    expect(values.get('ReportIncident_NonEmergency_Intimidation_HelpMethod.Email')).toBe('admins@localhost');
    expect(values.get('ReportIncident_NonEmergency_Intimidation_HelpMethod.ContactCommunity')).toBe('Demo Wiki:Help desk');
    expect(values.get('ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL')).toBe('Demo Wiki:Dispute resolution');
    expect(values.get('ReportIncident_NonEmergency_Doxing_HideEditURL')).toBe('Demo Wiki:Oversight');
    expect(values.get('ReportIncident_NonEmergency_Doxing_HelpMethod.Email')).toBe('oversight@localhost');
    expect(values.get('ReportIncident_NonEmergency_Doxing_ShowWarning')).toBe('1');
    expect(values.get('ReportIncident_NonEmergency_Spam_SpamContentURL')).toBe('Demo Wiki:Spam');
    expect(values.get('ReportIncident_Emergency_ResponseTimeHours')).toBe('24');
    expect(values.get('ReportIncident_CrisisResources.0.name')).toBe('Find A Helpline');
    expect(values.get('baseRevId')).toBe(String((await latest()).id));
    // Each input has its label.
    expect(page.text).toContain(`<label for="${CONTACT_ADMIN_ID}">Contact an administrator</label>`);
    // And the JSON mode shows the stored text as it is.
    const json = await openEditor(client, 'json');
    expect(new Map(json.form).get('wpJson')).toBe((await latest()).content);
  });

  it('when the form is saved without a change, then the stored configuration means the same as before (the form loses nothing)', async () => {
    const client = await loggedIn('Ines');
    const before = await wiki.container.communityConfigEditor.current();
    const r = await submitForm(client, {}, 'save', 'Save through the form unchanged');
    expect(r.status).toBe(303);
    const { $version, ...after } = JSON.parse((await latest()).content!) as Record<string, unknown>;
    expect($version).toBe('1.1.0');
    expect(after).toEqual(before);
  });
});

describe('preview', () => {
  it('when Ines previews typed values, then every Get support page is rendered with them and nothing is saved', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const changes: Record<string, string> = {};
    const configNames: Record<string, string> = { intimidation: 'Intimidation', 'sexual-harassment': 'SexualHarassment', trolling: 'Trolling', 'hate-or-discrimination': 'HateSpeech', spam: 'Spam', 'something-else': 'SomethingElse', sockpuppetry: 'Sockpuppetry', vandalism: 'Vandalism', userdispute: 'UserDispute', disruptiveediting: 'DisruptiveEditing', other: 'Other' };
    for (const [type, name] of Object.entries(configNames)) changes[`ReportIncident_NonEmergency_${name}_HelpMethod.ContactAdmin`] = `https://example.org/preview/${type}`;
    changes['ReportIncident_NonEmergency_Doxing_HelpMethod.Email'] = 'preview-oversight@example.org';
    changes.ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL = 'https://example.org/preview/dispute';
    const r = await submitForm(client, changes, 'preview', 'not saved');
    expect(r.status).toBe(200);
    expect(r.text).toContain('id="cc-previews-title"');
    expect(textOf(r.text)).toContain('Nothing is saved yet.');
    for (const type of behaviorTypes) {
      const section = elementById(r.text, `preview-${type}`);
      if (configNames[type]) expect(helpLinks(section)).toContain(`https://example.org/preview/${type}`);
    }
    expect(helpLinks(elementById(r.text, 'preview-doxing'))).toContain('mailto:preview-oversight@example.org');
    expect(elementById(r.text, 'preview-intimidation')).toContain('href="https://example.org/preview/dispute"');
    // The categories the wiki offers are open; the others are marked as not offered.
    expect(r.text).toMatch(/<details class="cc-preview" id="preview-intimidation" open>/);
    expect(r.text).toMatch(/<details class="cc-preview" id="preview-vandalism">/);
    expect(textOf(elementById(r.text, 'preview-vandalism'))).toContain('not offered on this wiki');
    // What was typed is still in the form, summary included.
    expect(new Map(formOf(r.text)).get(CONTACT_ADMIN)).toBe('https://example.org/preview/intimidation');
    expect(new Map(formOf(r.text)).get('wpSummary')).toBe('not saved');
    // Nothing stored, and the live Get support page is unchanged.
    expect(await stored()).toEqual(before);
    const alice = await loggedIn('Alice');
    expect(await liveHelpLinks(alice, (await alice.get(SUPPORT)).text)).not.toContain('https://example.org/preview/intimidation');
  });

  it('when a previewed value is invalid, then its error shows beside the field and the preview leaves the unusable link out', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const r = await submitForm(client, { [CONTACT_ADMIN]: 'http://example.org/admins', 'ReportIncident_NonEmergency_Intimidation_HelpMethod.ContactCommunity': 'https://example.org/community' }, 'preview');
    expect(r.status).toBe(422);
    expect(r.text).toContain(`id="${CONTACT_ADMIN_ID}-error"`);
    const links = helpLinks(elementById(r.text, 'preview-intimidation'));
    expect(links).toContain('https://example.org/community');
    expect(links).not.toContain('http://example.org/admins');
    expect(await stored()).toEqual(before);
  });
});

describe('saving through the form', () => {
  it('when Ines saves a new Contact an administrator link with a summary, then a revision by Ines holds it and the Get support page links to it', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const r = await submitForm(client, { [CONTACT_ADMIN]: 'https://example.org/wiki/Admins?topic=intimidation' }, 'save', 'Point intimidation reports to the new admin desk');
    expect(r.status).toBe(303);
    expect(r.location).toBe(`${EDITOR}?saved=1`);
    const after = await client.follow(r);
    expect(after.status).toBe(200);
    expect(textOf(after.text)).toContain('Your changes were saved. They are live now.');
    expect(new Map(formOf(after.text)).get(CONTACT_ADMIN)).toBe('https://example.org/wiki/Admins?topic=intimidation');

    const rev = await latest();
    expect(await revisions()).toHaveLength(before.count + 1);
    expect(rev.parentId).toBe(before.revId);
    expect(rev.actorName).toBe('Ines');
    expect(rev.summary).toBe('Point intimidation reports to the new admin desk');
    const saved = JSON.parse(rev.content!) as Record<string, Record<string, string>>;
    expect(saved.ReportIncident_NonEmergency_Intimidation_HelpMethod).toEqual({ ContactAdmin: 'https://example.org/wiki/Admins?topic=intimidation', Email: 'admins@localhost', ContactCommunity: 'Demo Wiki:Help desk' });

    const alice = await loggedIn('Alice');
    const support = await alice.get(SUPPORT);
    expect(support.status).toBe(200);
    const links = await liveHelpLinks(alice, support.text);
    expect(links).toContain('https://example.org/wiki/Admins?topic=intimidation');
    expect(links).not.toContain('/wiki/Demo_Wiki:Administrators%27_noticeboard');
  });

  it('when Ines saves an existing local page, then the Get support page links to its /wiki/ path', async () => {
    const client = await loggedIn('Ines');
    expect((await submitForm(client, { [CONTACT_ADMIN]: 'Project:Help desk' }, 'save', 'Local page')).status).toBe(303);
    const alice = await loggedIn('Alice');
    expect(await liveHelpLinks(alice, (await alice.get(SUPPORT)).text)).toContain('/wiki/Demo_Wiki:Help_desk');
  });

  it('when the summary is longer than 500 characters, then it is cut to 500', async () => {
    const client = await loggedIn('Ines');
    expect((await submitForm(client, { [CONTACT_ADMIN]: "Demo Wiki:Administrators' noticeboard" }, 'save', 'x'.repeat(600))).status).toBe(303);
    expect((await latest()).summary).toBe('x'.repeat(500));
  });
});

describe('invalid values through the form', () => {
  const cases = [
    { name: 'a javascript: link', field: CONTACT_ADMIN, id: CONTACT_ADMIN_ID, value: 'javascript:alert(1)', message: 'Addresses starting with "javascript:" are not allowed; use an https address or a page title.' },
    { name: 'an http link', field: CONTACT_ADMIN, id: CONTACT_ADMIN_ID, value: 'http://example.org/admins', message: '"http://example.org/admins" must use https.' },
    { name: 'the email "foo"', field: 'ReportIncident_NonEmergency_Intimidation_HelpMethod.Email', id: 'cc-ReportIncident_NonEmergency_Intimidation_HelpMethod-Email', value: 'foo', message: '"foo" is not a valid email address.' },
    { name: 'a missing page', field: 'ReportIncident_NonEmergency_Spam_SpamContentURL', id: 'cc-ReportIncident_NonEmergency_Spam_SpamContentURL', value: 'Demo Wiki:No such page', message: '"Demo Wiki:No such page" must be an existing page of this wiki (not a special page), an interwiki link, or an https address.' },
    { name: 'a special page', field: 'ReportIncident_NonEmergency_Other_DisputeResolutionURL', id: 'cc-ReportIncident_NonEmergency_Other_DisputeResolutionURL', value: 'Special:Version', message: '"Special:Version" must be an existing page of this wiki' },
    { name: 'an empty query parameter', field: 'ReportIncident_NonEmergency_Trolling_HelpMethod.ContactCommunity', id: 'cc-ReportIncident_NonEmergency_Trolling_HelpMethod-ContactCommunity', value: 'https://example.com?foo=bar&baz=', message: 'The query parameter "baz" must have a value.' },
  ];
  it.each(cases)('when Ines saves $name, then 422: the error is beside the field and in the summary, what was typed is kept, nothing is stored', async (c) => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const r = await submitForm(client, { [c.field]: c.value }, 'save', 'should not be saved');
    expect(r.status).toBe(422);
    // Beside the field, and tied to it for screen readers.
    expect(textOf(elementById(r.text, `${c.id}-error`))).toContain(c.message);
    expect(r.text).toMatch(new RegExp(`id="${c.id}"[^>]*aria-describedby="${c.id}-help ${c.id}-error"[^>]*aria-invalid="true"`));
    // In the summary, linking to the field.
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(r.text)?.[0] ?? '';
    expect(summary).toContain(`href="#${c.id}"`);
    expect(textOf(summary)).toContain(c.message);
    // What was typed is kept, escaped.
    expect(new Map(formOf(r.text)).get(c.field)).toBe(c.value);
    expect(new Map(formOf(r.text)).get('wpSummary')).toBe('should not be saved');
    expect(r.text).not.toContain('href="javascript:');
    expect(await stored()).toEqual(before);
  });

  it('when several values are wrong, then each has its error and the summary lists them all', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const r = await submitForm(client, { [CONTACT_ADMIN]: 'javascript:alert(1)', 'ReportIncident_NonEmergency_Intimidation_HelpMethod.Email': 'foo', ReportIncident_NonEmergency_Spam_SpamContentURL: 'No such page' });
    expect(r.status).toBe(422);
    expect(summaryTargets(r.text).sort()).toEqual([CONTACT_ADMIN_ID, 'cc-ReportIncident_NonEmergency_Intimidation_HelpMethod-Email', 'cc-ReportIncident_NonEmergency_Spam_SpamContentURL'].sort());
    for (const id of summaryTargets(r.text)) expect(r.text).toContain(`id="${id}-error"`);
    expect(await stored()).toEqual(before);
  });

  // BUG (src/communityConfig/communityConfigValidator.ts, validateCommunityConfig: `if (!parsed.success) return`
  // before the page, email, user and resource checks): when one field breaks the schema (a response time of 0),
  // the other wrong fields (a javascript: link, the email "foo") are not reported; the admin fixes one error,
  // saves, and only then learns of the next. Fix: on a schema failure, still run the value checks on the fields
  // that did parse (e.g. parse each key of communityConfigShape on its own, as readLeniently does) and return
  // both lists.
  it('when a type error and value errors come together, then all of them are listed at once', async () => {
    const client = await loggedIn('Ines');
    const r = await submitForm(client, { [CONTACT_ADMIN]: 'javascript:alert(1)', 'ReportIncident_NonEmergency_Intimidation_HelpMethod.Email': 'foo', ReportIncident_Emergency_ResponseTimeHours: '0' });
    expect(r.status).toBe(422);
    expect(summaryTargets(r.text).sort()).toEqual([CONTACT_ADMIN_ID, 'cc-ReportIncident_NonEmergency_Intimidation_HelpMethod-Email', 'cc-ReportIncident_Emergency_ResponseTimeHours'].sort());
  });

  it('when a link has a malformed percent escape in an empty query parameter, then nothing is stored', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const r = await submitForm(client, { [CONTACT_ADMIN]: 'https://example.org/?%zz=' });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(await stored()).toEqual(before);
  });

  // BUG (src/communityConfig/communityConfigValidator.ts, checkPageOrUrl: decodeURIComponent(name) throws URIError
  // on "%zz"): the save ends in a 500 "internal error" page and the typed form is lost, instead of a 422 with
  // the error beside the field. Fix: iterate `url.searchParams` (already decoded, never throws) or wrap the
  // decode in try/catch and fall back to the raw name.
  it('when a link has a malformed percent escape in an empty query parameter, then 422 with the error beside the field, not a 500', async () => {
    const client = await loggedIn('Ines');
    const r = await submitForm(client, { [CONTACT_ADMIN]: 'https://example.org/?%zz=' });
    expect(r.status).toBe(422);
    expect(r.text).toContain(`id="${CONTACT_ADMIN_ID}-error"`);
  });

  it('when a tester account does not exist, then the error is beside the list and nothing is stored', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const r = await submitForm(client, { ReportIncidentE2ETesterUsers: 'Alice\nNo Such Tester' });
    expect(r.status).toBe(422);
    expect(textOf(elementById(r.text, 'cc-ReportIncidentE2ETesterUsers-error'))).toContain('"No Such Tester" is not an existing account');
    expect(new Map(formOf(r.text)).get('ReportIncidentE2ETesterUsers')).toBe('Alice\nNo Such Tester');
    expect(await stored()).toEqual(before);
  });

  // BUG (src/communityConfig/communityConfigSpecialPage.ts, show(): the summary's field id keeps the first two
  // parts of the pointer): /ReportIncidentE2ETesterUsers/1 links to #cc-ReportIncidentE2ETesterUsers-1, which no
  // element has (and /ReportIncidentEnabledNamespaces/0 would link to the checkbox of namespace 0's id, if any).
  // Fix: map list pointers to the list's id: keep one part for ReportIncidentE2ETesterUsers and
  // ReportIncidentEnabledNamespaces, as is done for ReportIncident_CrisisResources.
  it('when a tester account does not exist, then the summary links to the list\'s textarea', async () => {
    const client = await loggedIn('Ines');
    const r = await submitForm(client, { ReportIncidentE2ETesterUsers: 'Alice\nNo Such Tester' });
    expect(summaryTargets(r.text)).toEqual(['cc-ReportIncidentE2ETesterUsers']);
  });

  it('when a crisis resource uses http, then the error is shown in the resources table\'s group and nothing is stored', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const r = await submitForm(client, { 'ReportIncident_CrisisResources.3.name': 'Local line', 'ReportIncident_CrisisResources.3.url': 'http://local.example' });
    expect(r.status).toBe(422);
    expect(summaryTargets(r.text)).toEqual(['cc-ReportIncident_CrisisResources']);
    expect(textOf(r.text)).toContain('/ReportIncident_CrisisResources/3/url: "http://local.example" must use https.');
    expect(new Map(formOf(r.text)).get('ReportIncident_CrisisResources.3.url')).toBe('http://local.example');
    expect(await stored()).toEqual(before);
  });

  it('when every link on an error page is checked, then each summary link points at an element of the page', async () => {
    const client = await loggedIn('Ines');
    const r = await submitForm(client, { [CONTACT_ADMIN]: 'javascript:alert(1)', ReportIncident_Emergency_ResponseTimeHours: 'soon', 'ReportIncident_CrisisResources.0.url': 'http://x.example' });
    expect(r.status).toBe(422);
    for (const id of summaryTargets(r.text)) expect(r.text).toContain(`id="${id}"`);
  });
});

describe('JSON mode', () => {
  const validJson = async () => (await latest()).content!;

  it('when the JSON is invalid, then 422 says the line and column, the text typed is kept and nothing is stored', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const broken = '{\n  "ReportIncidentEnabledNamespaces": [1, 3],\n  "ReportIncidentE2ETesterUsers": [\n}\n';
    const r = await submitJson(client, broken);
    expect(r.status).toBe(422);
    const error = elementById(r.text, 'cc-json-error');
    expect(textOf(error)).toContain('The problem is at line 4, column 1:');
    // The line itself, with the place marked, and a link that puts the cursor there (wiki.js).
    expect(error).toContain('<mark>}</mark>');
    expect(error).toMatch(/<a href="#cc-json" data-line="4" data-column="1">Go to line 4, column 1<\/a>/);
    expect(r.text).toMatch(/id="cc-json"[^>]*aria-describedby="cc-json-help cc-json-error"[^>]*aria-invalid="true"/);
    expect(summaryTargets(r.text)).toEqual(['cc-json']);
    // In plain words, not "Expected X but found Y".
    expect(textOf(r.text)).toContain('Line 4, column 1: This "}" does not close the open "[": close it with "]" first.');
    expect(r.text).toMatch(/<a href="#cc-json" data-line="4" data-column="1">Line 4, column 1:/);
    expect(new Map(formOf(r.text)).get('wpJson')).toBe(broken);
    expect(await stored()).toEqual(before);
  });

  it('when a key appears twice, then it is refused, naming the key and its place', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const json = '{\n  "ReportIncident_NonEmergency_Spam_HelpMethod": {\n    "ContactAdmin": "Demo Wiki:Spam",\n    "ContactAdmin": "https://evil.example/"\n  }\n}';
    const r = await submitJson(client, json);
    expect(r.status).toBe(422);
    const text = textOf(r.text);
    expect(text).toContain('Line 4, column 5: The key "ContactAdmin" appears twice.');
    expect(text).toContain('The problem is at line 4, column 5:');
    expect(await stored()).toEqual(before);
  });

  it('when a key is unknown, then it is refused, naming the key', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const r = await submitJson(client, JSON.stringify({ ReportIncident_NonEmergency_Spam_HelpMethod: { ContactAdmin: '' }, ReportIncidentDisputeResolutionPage: 'Demo Wiki:Dispute resolution' }, null, 2));
    expect(r.status).toBe(422);
    expect(textOf(r.text)).toContain('/ReportIncidentDisputeResolutionPage: "ReportIncidentDisputeResolutionPage" is not a setting of this configuration.');
    expect(await stored()).toEqual(before);
  });

  it('when the document is larger than 64 KiB, then it is refused and nothing is stored', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const big = (await validJson()).replace(/\n}\s*$/, `,\n  "ReportIncidentE2ETesterUsers": []${' '.repeat(65 * 1024)}\n}\n`);
    expect(Buffer.byteLength(big)).toBeGreaterThan(64 * 1024);
    const r = await submitJson(client, big);
    expect([413, 422]).toContain(r.status);
    expect(await stored()).toEqual(before);
  });

  // BUG (src/app.ts BODY_LIMIT = '64kb' vs. MAX_CONFIG_BYTES = 64 KiB in CommunityConfigService.ts): the form body
  // is the JSON percent-encoded (", {, :, line breaks and non-ASCII become 3 to 9 bytes), so any document near
  // or over 64 KiB is cut off by the body parser with a bare 413 page: the editor's own "larger than 64 KiB"
  // message never shows and what the admin typed is lost. Fix: a larger urlencoded limit for this route, e.g.
  // `express.urlencoded({ limit: 3 * MAX_CONFIG_BYTES + 16 * 1024 })` mounted before the global parser for
  // /wiki/Special:CommunityConfiguration/*.
  it('when the document is larger than 64 KiB, then the editor comes back with the size message and the text typed', async () => {
    const client = await loggedIn('Ines');
    const big = (await validJson()).replace(/\n}\s*$/, `,\n  "ReportIncidentE2ETesterUsers": []${' '.repeat(65 * 1024)}\n}\n`);
    const r = await submitJson(client, big);
    expect(r.status).toBe(422);
    expect(textOf(r.text)).toContain('The configuration is larger than 64 KiB.');
  });

  it('when a valid JSON document with the original\'s sub-header objects and $version is saved, then it is stored without them', async () => {
    const client = await loggedIn('Ines');
    const config = { $version: '1.1.0', ...JSON.parse(await validJson()), ReportIncident_NonEmergency_Intimidation: {}, ReportIncident_NonEmergency_Spam: {} } as Record<string, unknown>;
    (config.ReportIncident_NonEmergency_Intimidation_HelpMethod as Record<string, string>).ContactAdmin = 'https://example.org/json-mode';
    const r = await submitJson(client, JSON.stringify(config, null, 2), 'From JSON mode');
    expect(r.status).toBe(303);
    expect(r.location).toBe(`${EDITOR}?saved=1&mode=json`);
    const saved = JSON.parse((await latest()).content!) as Record<string, unknown>;
    expect(saved).not.toHaveProperty('ReportIncident_NonEmergency_Intimidation');
    expect(saved.$version).toBe('1.1.0');
    expect((await latest()).actorName).toBe('Ines');
    const alice = await loggedIn('Alice');
    expect(await liveHelpLinks(alice, (await alice.get(SUPPORT)).text)).toContain('https://example.org/json-mode');
  });
});

describe('CSRF and edit conflicts', () => {
  it('when the form is sent with a wrong token, then nothing is saved and the session message is shown', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const { form } = await openEditor(client);
    const r = await postPairs(client, EDITOR, [...withFields(form, { wpEditToken: 'forged+\\', [CONTACT_ADMIN]: 'https://evil.example/' }), ['wpAction', 'save']]);
    expect(r.status).toBe(400);
    expect(textOf(r.text)).toContain('Your session expired or this form was sent from another site, so nothing was saved.');
    expect(await stored()).toEqual(before);
  });

  it('when the form is sent without a token (a cross-site post), then nothing is saved', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const r = await client.post(EDITOR, { mode: 'json', wpJson: '{}', wpAction: 'save' });
    expect(r.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('when another session\'s token is used, then nothing is saved', async () => {
    const ines = await loggedIn('Ines');
    const other = await loggedIn('Ines');
    const before = await stored();
    const { token } = await openEditor(other);
    const { form } = await openEditor(ines);
    const r = await postPairs(ines, EDITOR, [...withFields(form, { wpEditToken: token, [CONTACT_ADMIN]: 'https://evil.example/' }), ['wpAction', 'save']]);
    expect(r.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  // BUG (src/communityConfig/communityConfigSpecialPage.ts, post(): on a bad token the page is redrawn from
  // await initialState(), the stored values): the message says "Please check what you typed and submit the form
  // again", but what was typed is gone (only the summary is kept). Fix: build the state from the body as for a
  // save (configFromForm / wpJson) and show it with the session-failure issue.
  it('when the token is wrong, then what was typed is kept for sending again', async () => {
    const client = await loggedIn('Ines');
    const { form } = await openEditor(client);
    const r = await postPairs(client, EDITOR, [...withFields(form, { wpEditToken: 'stale', [CONTACT_ADMIN]: 'https://example.org/typed' }), ['wpAction', 'save']]);
    expect(new Map(formOf(r.text)).get(CONTACT_ADMIN)).toBe('https://example.org/typed');
  });

  it('when someone saved after the editor was opened, then the save is refused with 409, nothing is overwritten and what was typed is kept', async () => {
    const ines = await loggedIn('Ines');
    const opened = await openEditor(ines);
    // Meanwhile, another interface-admin session saves.
    const other = await loggedIn('Ines');
    expect((await submitForm(other, { [CONTACT_ADMIN]: 'https://example.org/theirs' }, 'save', 'Their change')).status).toBe(303);
    const theirs = await stored();
    const r = await postPairs(ines, EDITOR, [...withFields(opened.form, { [CONTACT_ADMIN]: 'https://example.org/mine', wpSummary: 'My change' }), ['wpAction', 'save']]);
    expect(r.status).toBe(409);
    expect(textOf(r.text)).toContain('Someone saved the configuration after you opened it. Nothing was overwritten');
    expect(new Map(formOf(r.text)).get(CONTACT_ADMIN)).toBe('https://example.org/mine');
    expect(await stored()).toEqual(theirs);
    expect(JSON.parse((await latest()).content!).ReportIncident_NonEmergency_Intimidation_HelpMethod.ContactAdmin).toBe('https://example.org/theirs');
  });

  it('when a JSON edit is based on an old revision, then it is refused with 409 too', async () => {
    const ines = await loggedIn('Ines');
    const opened = await openEditor(ines, 'json');
    const other = await loggedIn('Ines');
    expect((await submitForm(other, { [CONTACT_ADMIN]: 'https://example.org/theirs-2' }, 'save', 'Their second change')).status).toBe(303);
    const theirs = await stored();
    const r = await postPairs(ines, EDITOR, Object.entries({ wpEditToken: opened.token, mode: 'json', baseRevId: opened.baseRevId, wpJson: '{}', wpSummary: 'reset', wpAction: 'save' }));
    expect(r.status).toBe(409);
    expect(await stored()).toEqual(theirs);
  });
});

describe('a form that guides', () => {
  it('when a field is wrong, then the summary names it by its category and label, its JSON pointer after, and links to it', async () => {
    const client = await loggedIn('Ines');
    const r = await submitForm(client, { [CONTACT_ADMIN]: 'javascript:alert(1)' }, 'save');
    expect(r.status).toBe(422);
    const summary = textOf(/<div class="error-summary"[\s\S]*?<\/div>/.exec(r.text)![0]);
    expect(summary).toMatch(/Bullying, intimidation, threats or insults: Contact an administrator: .+ \(\/ReportIncident_NonEmergency_Intimidation_HelpMethod\/ContactAdmin\)/u);
    expect(summary).not.toMatch(/(^|\s)\/ReportIncident_NonEmergency_Intimidation_HelpMethod\/ContactAdmin:/u);
  });

  it('when the form is opened, then a contents list leads to each section, and categories the wiki does not offer are folded and say so', async () => {
    const client = await loggedIn('Ines');
    const { page } = await openEditor(client);
    const contents = /<nav class="cc-contents"[\s\S]*?<\/nav>/.exec(page.text)![0];
    const targets = [...contents.matchAll(/href="#(section-[^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(5);
    for (const id of targets) expect(page.text).toContain(`id="${id}"`);
    const offered = wiki.container.settings.ReportIncidentEnabledNonEmergencyCategories as readonly string[];
    const notOffered = behaviorTypes.filter((b) => !offered.includes(b));
    expect(notOffered.length).toBeGreaterThan(0);
    for (const type of notOffered) {
      const folded = new RegExp(`<details class="cc-folded">\\s*<summary>[^<]*not offered on this wiki[^<]*</summary>\\s*<fieldset class="cc-section" id="section-category-${type}"`, 'u');
      expect(page.text, type).toMatch(folded);
    }
    for (const type of offered) expect(page.text).not.toMatch(new RegExp(`<summary>[^<]*</summary>\\s*<fieldset class="cc-section" id="section-category-${type}"`, 'u'));
  });
});

describe('history, diffs and restore', () => {
  it('when two changes are saved, then the history lists them with author and summary, and the diff link shows the removed and added lines', async () => {
    const client = await loggedIn('Ines');
    expect((await submitForm(client, { [CONTACT_ADMIN]: 'https://example.org/history/one' }, 'save', 'History one')).status).toBe(303);
    expect((await submitForm(client, { [CONTACT_ADMIN]: 'https://example.org/history/two' }, 'save', 'History two')).status).toBe(303);
    const [two, one] = await revisions();

    const editor = await client.get(EDITOR);
    const history = /<section class="cc-history"[\s\S]*?<\/section>/.exec(editor.text)![0];
    const rows = [...history.matchAll(/<li class="history-row">([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    expect(textOf(rows[0]!)).toContain('Ines');
    expect(textOf(rows[0]!)).toContain('History two');
    expect(textOf(rows[1]!)).toContain('History one');

    const full = await client.get(HISTORY);
    expect(full.status).toBe(200);
    const fullText = textOf(full.text);
    expect(fullText).toContain('History two');
    expect(fullText).toContain('History one');
    expect(fullText).toContain('Links of the Get support pages for the demo wiki');

    const diffHref = decode(/<a href="([^"]*)">changes<\/a>/.exec(rows[0]!)![1]!);
    expect(diffHref).toBe(`/w/index.php?title=MediaWiki:IncidentReportingConfig.json&diff=${two!.id}&oldid=${one!.id}`);
    const diff = await client.get(diffHref);
    expect(diff.status).toBe(200);
    const removed = [...diff.text.matchAll(/<tr class="diff-removed">([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!));
    const added = [...diff.text.matchAll(/<tr class="diff-added">([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!));
    expect(removed).toHaveLength(1);
    expect(added).toHaveLength(1);
    expect(removed[0]).toContain('"ContactAdmin": "https://example.org/history/one"');
    expect(added[0]).toContain('"ContactAdmin": "https://example.org/history/two"');
    expect(textOf(diff.text)).toContain('History two');
    // Three unchanged lines around the change, as MediaWiki shows them; the rest of the file is counted, not shown.
    const context = [...diff.text.matchAll(/<tr class="diff-context">/g)];
    expect(context.length).toBeGreaterThan(0);
    expect(context.length).toBeLessThanOrEqual(6);
    const gaps = [...diff.text.matchAll(/<tr class="diff-gap"><td colspan="4">([\s\S]*?)<\/td>/g)].map((m) => textOf(m[1]!));
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) expect(gap).toMatch(/^\d+ unchanged lines?$/);
    const lineCount = two!.content!.split('\n').length;
    expect(gaps.reduce((sum, g) => sum + Number(/\d+/.exec(g)![0]), 0) + context.length + 1).toBe(lineCount);
  });

  it('when an old version is restored, then a new revision by Ines has exactly its content and the Get support page is back to it', async () => {
    const client = await loggedIn('Ines');
    expect((await submitForm(client, { [CONTACT_ADMIN]: 'https://example.org/restore/old' }, 'save', 'Version to restore')).status).toBe(303);
    const old = await latest();
    expect((await submitForm(client, { [CONTACT_ADMIN]: 'https://example.org/restore/new' }, 'save', 'Later version')).status).toBe(303);
    const before = await stored();
    const { token } = await openEditor(client);
    const r = await client.post(EDITOR, { wpEditToken: token, wpAction: 'restore', revId: String(old.id) });
    expect(r.status).toBe(303);
    const restored = await latest();
    expect(await revisions()).toHaveLength(before.count + 1);
    expect(restored.id).not.toBe(old.id);
    expect(restored.content).toBe(old.content);
    expect(restored.actorName).toBe('Ines');
    expect(restored.summary).toBe(`Restored revision ${old.id}`);
    const alice = await loggedIn('Alice');
    expect(await liveHelpLinks(alice, (await alice.get(SUPPORT)).text)).toContain('https://example.org/restore/old');
    // And the diff of the restored revision against the old one shows no difference.
    const diff = await client.get(`/w/index.php?title=MediaWiki:IncidentReportingConfig.json&diff=${restored.id}&oldid=${old.id}`);
    expect(textOf(diff.text)).toContain('No difference: the two revisions have the same text.');
  });

  it('when the form is saved with nothing changed, then no new version is made and the admin is told why', async () => {
    const client = await loggedIn('Ines');
    expect((await submitForm(client, { [CONTACT_ADMIN]: 'https://example.org/unchanged/once' }, 'save', 'A real change')).status).toBe(303);
    const before = await stored();
    const again = await submitForm(client, {}, 'save', 'Nothing really');
    expect(again.status).toBe(422);
    expect(textOf(again.text)).toContain('Nothing changed: this is the configuration already in force, so no new version was saved.');
    expect(await stored()).toEqual(before);
    // Restoring the version in force is refused the same way.
    const { token } = await openEditor(client);
    const restore = await client.post(EDITOR, { wpEditToken: token, wpAction: 'restore', revId: String(before.revId) });
    expect(restore.status).toBe(422);
    expect(await stored()).toEqual(before);
  });

  it('when an old version is to be restored, then the history offers it (not the current one), and a confirmation shows the lines it changes, with three lines of context', async () => {
    const client = await loggedIn('Ines');
    expect((await submitForm(client, { [CONTACT_ADMIN]: 'https://example.org/confirm/old' }, 'save', 'Older')).status).toBe(303);
    const old = await latest();
    expect((await submitForm(client, { [CONTACT_ADMIN]: 'https://example.org/confirm/new' }, 'save', 'Newer')).status).toBe(303);
    const before = await stored();
    const editor = await client.get(EDITOR);
    const rows = [.../<section class="cc-history"[\s\S]*?<\/section>/.exec(editor.text)![0].matchAll(/<li class="history-row">([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    expect(textOf(rows[0]!)).toContain('current version');
    expect(rows[0]).not.toContain('restore=');
    expect(rows[1]).toContain(`?restore=${old.id}#cc-restore`);
    // Following the link restores nothing: it asks, showing the change.
    const confirm = await client.get(`${EDITOR}?restore=${old.id}`);
    expect(confirm.status).toBe(200);
    expect(await stored()).toEqual(before);
    const section = elementById(confirm.text, 'cc-restore');
    const removed = [...section.matchAll(/<tr class="diff-removed">([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!));
    const added = [...section.matchAll(/<tr class="diff-added">([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!));
    expect(removed).toEqual([expect.stringContaining('https://example.org/confirm/new')]);
    expect(added).toEqual([expect.stringContaining('https://example.org/confirm/old')]);
    expect([...section.matchAll(/<tr class="diff-context">/g)].length).toBeLessThanOrEqual(6);
    expect(section).toContain('class="diff-gap"');
    const token = hiddenField(section, 'wpEditToken');
    expect(hiddenField(section, 'revId')).toBe(String(old.id));
    expect((await client.post(EDITOR, { wpEditToken: token, wpAction: 'restore', revId: String(old.id) })).status).toBe(303);
    expect((await latest()).content).toBe(old.content);
    // An unknown version is named, not restored.
    expect((await client.get(`${EDITOR}?restore=999999`)).status).toBe(404);
  });

  it('when the seeded version (written by hand, not by the editor) is restored, then it means the same configuration again', async () => {
    const client = await loggedIn('Ines');
    const seed = (await revisions()).at(-1)!;
    const { token } = await openEditor(client);
    expect((await client.post(EDITOR, { wpEditToken: token, wpAction: 'restore', revId: String(seed.id) })).status).toBe(303);
    const restored = wiki.container.communityConfig.readLeniently((await latest()).content!, 0);
    const seeded = wiki.container.communityConfig.readLeniently(seed.content!, seed.id);
    expect(restored).toEqual(seeded);
  });

  // Restoring saves the old text itself, so the history's diff of a restore shows no change, as MediaWiki's.
  it('when the seeded version is restored, then the new revision has exactly its text', async () => {
    const client = await loggedIn('Ines');
    // A change first: the test before may have left the seeded text in force, and restoring that changes nothing.
    expect((await submitForm(client, { [CONTACT_ADMIN]: 'https://example.org/before-seed-restore' }, 'save', 'Away from the seed')).status).toBe(303);
    const seed = (await revisions()).at(-1)!;
    const { token } = await openEditor(client);
    expect((await client.post(EDITOR, { wpEditToken: token, wpAction: 'restore', revId: String(seed.id) })).status).toBe(303);
    expect((await latest()).content).toBe(seed.content);
  });

  it('when the revision to restore belongs to another page, then 422 says so and nothing is stored', async () => {
    const client = await loggedIn('Ines');
    const helpDesk = parseTitle('Demo Wiki:Help desk', wiki.container.namespaces);
    if (!helpDesk.ok) throw new Error('bad title');
    const other = (await wiki.container.pages.find(helpDesk.value))!;
    const before = await stored();
    const { token } = await openEditor(client);
    const r = await client.post(EDITOR, { wpEditToken: token, wpAction: 'restore', revId: String(other.latestRevId) });
    expect(r.status).toBe(422);
    expect(textOf(r.text)).toContain(`Revision ${other.latestRevId} is not a revision of the community configuration.`);
    expect(await stored()).toEqual(before);
  });

  it('when the revision to restore is no longer valid, then 422 lists its problems and nothing is stored', async () => {
    const client = await loggedIn('Ines');
    const ines = (await wiki.container.accounts.findByName('Ines'))!;
    const bad = await wiki.container.pages.saveText(configTitle(), { user: ines }, JSON.stringify({ ReportIncident_NonEmergency_Spam_HelpMethod: { ContactAdmin: 'http://example.org/spam' } }), 'invalid, saved behind the editor\'s back');
    expect(bad.ok).toBe(true);
    // Then a good version on top, so that restoring the bad one is a real change.
    expect((await submitForm(client, { 'ReportIncident_NonEmergency_Spam_HelpMethod.ContactAdmin': 'Demo Wiki:Spam' }, 'save', 'Fixed')).status).toBe(303);
    const before = await stored();
    const { token } = await openEditor(client);
    const r = await client.post(EDITOR, { wpEditToken: token, wpAction: 'restore', revId: String(bad.ok ? bad.value.revId : 0) });
    expect(r.status).toBe(422);
    expect(textOf(r.text)).toContain('"http://example.org/spam" must use https.');
    expect(await stored()).toEqual(before);
  });

  it('when a restore is sent with a wrong token, then nothing is restored', async () => {
    const client = await loggedIn('Ines');
    const before = await stored();
    const r = await client.post(EDITOR, { wpEditToken: 'forged', wpAction: 'restore', revId: String((await revisions()).at(-1)!.id) });
    expect(r.status).toBe(400);
    expect(await stored()).toEqual(before);
  });
});

describe('large configurations', () => {
  // A wiki of its own: fifty crisis resources make every later form too big for the body parser.
  let large: TestWiki;
  beforeAll(async () => {
    large = await startTestWiki();
  });
  afterAll(() => large?.close());

  const fifty = () => Array.from({ length: 50 }, (_, i) => ({ name: `Line ${i} ${'·'.repeat(150)}`, url: `https://example.org/crisis/${i}`, phone: '', language: '' }));

  it('when a valid document of about 30 KiB of pretty-printed JSON is saved, then it is accepted', async () => {
    const client = new HttpClient(large.url);
    await client.login('Ines');
    const page = await client.get(`${EDITOR}?mode=json`);
    const config = JSON.parse(new Map(formOf(page.text)).get('wpJson')!) as Record<string, unknown>;
    config.ReportIncident_CrisisResources = fifty();
    const json = JSON.stringify(config, null, 8);
    expect(Buffer.byteLength(json)).toBeLessThan(64 * 1024);
    const r = await postPairs(client, EDITOR, Object.entries({ wpEditToken: hiddenField(page.text, 'wpEditToken'), mode: 'json', baseRevId: hiddenField(page.text, 'baseRevId'), wpJson: json, wpSummary: 'Fifty crisis lines', wpAction: 'save' }));
    expect(r.status, `a ${Math.round(Buffer.byteLength(json) / 1024)} KiB document was refused with ${r.status}`).toBe(303);
    expect((await large.container.communityConfigEditor.current()).ReportIncident_CrisisResources).toHaveLength(50);
  });

  // BUG (src/app.ts: `express.urlencoded({ parameterLimit: 200 })` vs. the schema's 50 crisis resources, each four
  // inputs, plus two empty rows, plus about 45 other fields): from 36 crisis resources on, every submit of the
  // form, even a Preview, is cut off by the body parser with a bare 413 page; the admin can no longer use the
  // form at all. Fix: raise parameterLimit to at least 4 × (50 + EMPTY_RESOURCE_ROWS) + 60 = 268 (say 400),
  // or give the editor's route its own parser.
  it('when fifty crisis resources (the schema\'s maximum) are stored, then the form can still be previewed and saved', async () => {
    const client = new HttpClient(large.url);
    await client.login('Ines');
    const page = await client.get(EDITOR);
    expect((await large.container.communityConfigEditor.current()).ReportIncident_CrisisResources).toHaveLength(50);
    const r = await postPairs(client, EDITOR, [...withFields(formOf(page.text), { [CONTACT_ADMIN]: 'Demo Wiki:Help desk', wpSummary: 'form with 50 lines' }), ['wpAction', 'preview']]);
    expect(r.status).toBe(200);
  });
});

describe('a broken stored configuration', () => {
  let broken: TestWiki;
  beforeAll(async () => {
    broken = await startTestWiki();
  });
  afterAll(() => broken?.close());

  it('when the stored page is not valid JSON, then talk pages and every Get support page still answer 200 with the defaults, and an error is logged', async () => {
    const ines = (await broken.container.accounts.findByName('Ines'))!;
    const saved = await broken.container.pages.saveText(broken.container.communityConfigEditor.title, { user: ines }, '{ "ReportIncident_NonEmergency_Intimidation_HelpMethod": { "ContactAdmin": ', 'broken by hand');
    expect(saved.ok).toBe(true);
    const alice = new HttpClient(broken.url);
    expect((await alice.login('Alice')).status).toBe(303);
    expect((await alice.get('/wiki/Talk:African_wild_dog')).status).toBe(200);
    expect((await alice.get('/wiki/User_talk:Testing')).status).toBe(200);
    expect((await new HttpClient(broken.url).get('/wiki/Talk:African_wild_dog')).status).toBe(200);
    for (const type of broken.container.settings.ReportIncidentEnabledNonEmergencyCategories) {
      const r = await alice.get(`/wiki/Special:ReportIncident/support/${type}`);
      expect(r.status, type).toBe(200);
      // The defaults have no contact methods: the page says so rather than linking to anything.
      expect(await liveHelpLinks(alice, r.text), type).toEqual([]);
    }
    const support = await alice.get(SUPPORT);
    expect(support.text).not.toContain('Demo_Wiki:Administrators%27_noticeboard');
    const errors = broken.logger.lines.filter((l) => l.level === 'error');
    expect(errors).toContainEqual({ level: 'error', message: 'community configuration is not valid JSON; using the defaults', fields: expect.objectContaining({ revId: saved.ok ? saved.value.revId : 0 }) });
    // Logged once for the revision, not at every request.
    expect(errors.filter((l) => l.message.startsWith('community configuration'))).toHaveLength(1);
  });

  it('when the stored page is broken, then the editor still opens, shows the broken text in JSON mode and can fix it', async () => {
    const client = new HttpClient(broken.url);
    await client.login('Ines');
    const json = await client.get(`${EDITOR}?mode=json`);
    expect(json.status).toBe(200);
    expect(new Map(formOf(json.text)).get('wpJson')).toBe((await broken.container.pages.revision((await broken.container.communityConfigEditor.history(1))[0]!.id))!.content);
    const form = await client.get(EDITOR);
    expect(form.status).toBe(200);
    const r = await postPairs(client, EDITOR, [...withFields(formOf(form.text), { [CONTACT_ADMIN]: "Demo Wiki:Administrators' noticeboard", wpSummary: 'Repair' }), ['wpAction', 'save']]);
    expect(r.status).toBe(303);
    const alice = new HttpClient(broken.url);
    await alice.login('Alice');
    expect(await liveHelpLinks(alice, (await alice.get(SUPPORT)).text)).toContain('/wiki/Demo_Wiki:Administrators%27_noticeboard');
  });

  it('when the stored page has a field of the wrong type, then the other fields are kept and the field is logged as a warning', async () => {
    const ines = (await broken.container.accounts.findByName('Ines'))!;
    const saved = await broken.container.pages.saveText(broken.container.communityConfigEditor.title, { user: ines }, JSON.stringify({ ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: 'Demo Wiki:Help desk' }, ReportIncident_NonEmergency_Doxing_ShowWarning: 'yes' }), 'half broken');
    expect(saved.ok).toBe(true);
    const alice = new HttpClient(broken.url);
    await alice.login('Alice');
    const r = await alice.get(SUPPORT);
    expect(r.status).toBe(200);
    expect(await liveHelpLinks(alice, r.text)).toContain('/wiki/Demo_Wiki:Help_desk');
    expect(broken.logger.lines).toContainEqual({ level: 'warn', message: 'community configuration fields are invalid; their defaults are used', fields: { revId: saved.ok ? saved.value.revId : 0, fields: ['ReportIncident_NonEmergency_Doxing_ShowWarning'] } });
  });
});
