// The operators' CLI for the community configuration: `config:import FILE --summary TEXT` saves a wiki's
// MediaWiki:IncidentReportingConfig.json (schema 1.1.0, with its sub-header objects) as a new revision of the
// running wiki, and `config:validate FILE` checks one, naming each problem by its JSON pointer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RevisionRecord } from '../../src/wiki/PageRepository.js';
import { HttpClient } from '../support/HttpClient.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';
import { runCli } from '../support/cli.js';
import { configRevisions, storedConfig } from '../support/configRevisions.js';

/**
 * A full configuration as a Wikipedia stores it after editing Special:CommunityConfiguration/ReportIncident:
 * the $version, every 1.1.0 property in the schema's order, each category's empty sub-header object, local
 * project pages, interwiki links to Meta, https URLs with queries, and addresses.
 */
const realistic = {
  $version: '1.1.0',
  ReportIncidentEnabledNamespaces: [1, 3, 5],
  ReportIncidentE2ETesterUsers: ['Testing'],
  ReportIncident_NonEmergency_Intimidation: {},
  ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL: 'Demo Wiki:Dispute resolution',
  ReportIncident_NonEmergency_Intimidation_HelpMethod: {
    ContactAdmin: "Demo Wiki:Administrators' noticeboard",
    Email: 'admins-intimidation@example.org',
    ContactCommunity: 'Project:Help desk',
  },
  ReportIncident_NonEmergency_Doxing: {},
  ReportIncident_NonEmergency_Doxing_ShowWarning: true,
  ReportIncident_NonEmergency_Doxing_HideEditURL: 'Demo Wiki:Oversight',
  ReportIncident_NonEmergency_Doxing_HelpMethod: { Email: 'oversight-demo@example.org' },
  ReportIncident_NonEmergency_SexualHarassment: {},
  ReportIncident_NonEmergency_SexualHarassment_HelpMethod: {
    ContactAdmin: 'meta:Special:MyLanguage/Universal_Code_of_Conduct',
    Email: 'ca@example.org',
    ContactCommunity: '',
  },
  ReportIncident_NonEmergency_Trolling: {},
  ReportIncident_NonEmergency_Trolling_HelpMethod: {
    ContactAdmin: "Demo_Wiki:Administrators'_noticeboard",
    Email: '',
    ContactCommunity: 'Demo Wiki:Help desk',
  },
  ReportIncident_NonEmergency_HateSpeech: {},
  ReportIncident_NonEmergency_HateSpeech_HelpMethod: {
    ContactAdmin: 'https://meta.wikimedia.org/wiki/Special:MyLanguage/Universal_Code_of_Conduct/Enforcement_guidelines',
    Email: '',
  },
  ReportIncident_NonEmergency_Spam: {},
  ReportIncident_NonEmergency_Spam_SpamContentURL: 'Demo Wiki:Spam',
  ReportIncident_NonEmergency_Spam_HelpMethod: {
    ContactAdmin: 'https://meta.wikimedia.org/w/index.php?title=Steward_requests/Global&action=view',
    Email: '',
  },
  ReportIncident_NonEmergency_SomethingElse: {},
  ReportIncident_NonEmergency_Other_DisputeResolutionURL: 'Demo Wiki:Dispute resolution',
  ReportIncident_NonEmergency_SomethingElse_HelpMethod: {
    ContactAdmin: "Demo Wiki:Administrators' noticeboard",
    Email: '',
    ContactCommunity: 'Demo Wiki:Help desk',
  },
  ReportIncident_NonEmergency_Sockpuppetry: {},
  ReportIncident_NonEmergency_Sockpuppetry_HelpMethod: { ContactAdmin: "Demo Wiki:Administrators' noticeboard", Email: '', ContactCommunity: '' },
  ReportIncident_NonEmergency_Vandalism: {},
  ReportIncident_NonEmergency_Vandalism_HelpMethod: { ContactAdmin: "Demo Wiki:Administrators' noticeboard", Email: '', ContactCommunity: 'Demo Wiki:Help desk' },
  ReportIncident_NonEmergency_UserDispute: {},
  ReportIncident_NonEmergency_UserDispute_HelpMethod: { ContactAdmin: '', Email: '', ContactCommunity: 'Demo Wiki:Dispute resolution' },
  ReportIncident_NonEmergency_DisruptiveEditing: {},
  ReportIncident_NonEmergency_DisruptiveEditing_HelpMethod: { ContactAdmin: "Demo Wiki:Administrators' noticeboard", Email: '', ContactCommunity: '' },
  ReportIncident_NonEmergency_Other: {},
  ReportIncident_NonEmergency_Other_HelpMethod: { ContactAdmin: '', Email: 'info-demo@example.org', ContactCommunity: 'Demo Wiki:Help desk' },
};

let wiki: TestWiki;
let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  wiki = await startTestWiki();
  dir = mkdtempSync(path.join(tmpdir(), 'cc-import-'));
  writeFileSync(file('IncidentReportingConfig.json'), JSON.stringify(realistic, null, '\t') + '\n');
});
afterAll(async () => {
  await wiki?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(wiki.dataDir, args);

const revisions = () => configRevisions(wiki);
const latest = async (): Promise<RevisionRecord> => (await revisions())[0]!;
const stored = () => storedConfig(wiki);

/** The links of the "How to ask for help" list of a Get support page. */
function helpLinks(html: string): string[] {
  const list = /<ul class="help-methods">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** The links of one section of a Get support page ("support-next" or "support-help"). */
function sectionLinks(html: string, section: 'support-next' | 'support-help'): string[] {
  const body = new RegExp(`<section aria-labelledby="${section}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
  return [...body.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/**
 * Where the links of a live Get support page lead, as Alice sees it: "next" (What to do next) and "help" (How
 * to ask for help). A link through a local counting redirect (/wiki/Special:ReportIncident/out/…) is followed
 * once to its target, so the check holds with or without one.
 */
async function supportPage(type: string): Promise<{ next: string[]; help: string[] }> {
  const alice = new HttpClient(wiki.url);
  expect((await alice.login('Alice')).status).toBe(303);
  const r = await alice.get(`/wiki/Special:ReportIncident/support/${type}`);
  expect(r.status).toBe(200);
  const follow = async (href: string) => {
    if (!href.startsWith('/wiki/Special:ReportIncident/out/')) return href;
    const out = await alice.get(href);
    expect(out.status, `the counting redirect ${href}`).toBeGreaterThanOrEqual(300);
    return out.location!.replace(/^http:\/\/127\.0\.0\.1:\d+(?=\/)/, '');
  };
  expect(helpLinks(r.text)).toEqual(sectionLinks(r.text, 'support-help'));
  return { next: await Promise.all(sectionLinks(r.text, 'support-next').map(follow)), help: await Promise.all(sectionLinks(r.text, 'support-help').map(follow)) };
}

describe('config:validate', () => {
  it('when the realistic configuration is validated, then it exits 0 and says it is valid', () => {
    const r = cli(['config:validate', file('IncidentReportingConfig.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`${file('IncidentReportingConfig.json')}: valid community configuration`);
  });

  it('when a broken copy is validated, then it exits 1 with one line per problem, each naming its JSON pointer', () => {
    const broken = structuredClone(realistic) as Record<string, unknown> & typeof realistic;
    broken.ReportIncident_NonEmergency_Intimidation_HelpMethod.ContactAdmin = 'http://example.org/admins';
    broken.ReportIncident_NonEmergency_Intimidation_HelpMethod.Email = 'foo';
    broken.ReportIncident_NonEmergency_Spam_SpamContentURL = 'Demo Wiki:No such page';
    broken.ReportIncident_NonEmergency_HateSpeech_HelpMethod.ContactAdmin = 'javascript:alert(1)';
    broken.ReportIncident_NonEmergency_Other_DisputeResolutionURL = 'Special:Version';
    broken.ReportIncident_NonEmergency_Trolling_HelpMethod.ContactCommunity = 'https://example.com?foo=bar&baz=';
    broken.ReportIncidentE2ETesterUsers = ['Testing', 'Nobody here'];
    const name = file('broken.json');
    writeFileSync(name, JSON.stringify(broken, null, 2));
    const r = cli(['config:validate', name]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines.sort()).toEqual(
      [
        `${name}: /ReportIncident_NonEmergency_Intimidation_HelpMethod/ContactAdmin: "http://example.org/admins" must use https.`,
        `${name}: /ReportIncident_NonEmergency_Intimidation_HelpMethod/Email: "foo" is not a valid email address.`,
        `${name}: /ReportIncident_NonEmergency_Spam_SpamContentURL: "Demo Wiki:No such page" must be an existing page of this wiki (not a special page), an interwiki link, or an https address.`,
        `${name}: /ReportIncident_NonEmergency_HateSpeech_HelpMethod/ContactAdmin: Addresses starting with "javascript:" are not allowed; use an https address or a page title.`,
        `${name}: /ReportIncident_NonEmergency_Other_DisputeResolutionURL: "Special:Version" must be an existing page of this wiki (not a special page), an interwiki link, or an https address.`,
        `${name}: /ReportIncident_NonEmergency_Trolling_HelpMethod/ContactCommunity: The query parameter "baz" must have a value.`,
        `${name}: /ReportIncidentE2ETesterUsers/1: "Nobody here" is not an existing account; only existing accounts can be test users.`,
      ].sort(),
    );
  });

  it('when a copy has a duplicate key, then it exits 1 naming the key\'s pointer', () => {
    const name = file('duplicate.json');
    writeFileSync(name, '{\n  "$version": "1.1.0",\n  "ReportIncident_NonEmergency_Spam_HelpMethod": { "ContactAdmin": "Demo Wiki:Spam", "ContactAdmin": "https://evil.example/" }\n}\n');
    const r = cli(['config:validate', name]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`${name}: /ReportIncident_NonEmergency_Spam_HelpMethod/ContactAdmin: The key "ContactAdmin" appears twice. (line 3, column 86)`);
  });

  it('when a copy has an unknown key and a wrong type, then each is one line', () => {
    const name = file('schema.json');
    writeFileSync(name, JSON.stringify({ ...realistic, ReportIncident_NonEmergency_Doxing_ShowWarning: 'yes', ReportIncidentDisputeResolutionPage: 'Project:Dispute resolution' }, null, 2));
    const r = cli(['config:validate', name]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').sort()).toEqual(
      [`${name}: /ReportIncidentDisputeResolutionPage: "ReportIncidentDisputeResolutionPage" is not a setting of this configuration.`, `${name}: /ReportIncident_NonEmergency_Doxing_ShowWarning: This must be of type boolean.`].sort(),
    );
  });

  it('when a copy with a JSON syntax error is validated with --community, then it exits 1 naming the place', () => {
    const name = file('syntax.json');
    writeFileSync(name, JSON.stringify(realistic, null, 2).replace('"ReportIncident_NonEmergency_Doxing": {},', '"ReportIncident_NonEmergency_Doxing": {}'));
    const r = cli(['config:validate', name, '--community']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${name}: /: A comma is missing: put a comma (,) between this entry and the one before it.`);
  });

  // BUG (src/cli.ts, config:validate and config:import print `${pointer}: ${message}` only; parseAndValidate's
  // line and column are dropped): for a syntax error the operator gets 'Expected "}" but found """' with the
  // pointer "/" and no place in a 60-line file. Fix: when checked.line is set, append
  // ` (line ${checked.line}, column ${checked.column})` to the line, as the web editor shows it.
  it('when a copy has a JSON syntax error, then the line says its line and column', () => {
    const name = file('syntax.json');
    const r = cli(['config:validate', name, '--community']);
    expect(r.stderr).toMatch(/line \d+, column \d+/);
  });

  // BUG (src/cli.ts, looksLikeCommunityConfig uses JSON.parse and returns false for any file that does not
  // parse): without --community, a community configuration with one missing comma is checked as an operator
  // settings file, and the operator is told about settings problems instead of where the JSON breaks. Fix:
  // sniff with a regex on the text (/"(ReportIncident_|\$version)/) rather than by parsing it.
  it('when a copy with a JSON syntax error is validated without --community, then it is still checked as a community configuration', () => {
    const name = file('syntax.json');
    const r = cli(['config:validate', name]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${name}: /: A comma is missing: put a comma (,) between this entry and the one before it.`);
  });

  it('when the file does not exist, then it exits 1 saying it cannot be read', () => {
    const r = cli(['config:validate', file('missing.json'), '--community']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read');
    expect(r.stderr).toContain('ENOENT');
  });

  it('when no file is given, then it prints the usage and exits 2', () => {
    const r = cli(['config:validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: npm run -s cli -- config:validate FILE');
  });
});

describe('config:import', async () => {
  it('when the realistic configuration is imported, then it exits 0, a revision by "Maintenance script" holds it, and the Get support pages use it at once', async () => {
    const before = await stored();
    const r = cli(['config:import', file('IncidentReportingConfig.json'), '--summary', 'Import the configuration of the pilot wiki (T374113)']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { imported: string; revision: number; user: string };
    expect(out).toEqual({ imported: file('IncidentReportingConfig.json'), revision: expect.any(Number), user: 'Maintenance script' });

    const rev = await latest();
    expect(await revisions()).toHaveLength(before.count + 1);
    expect(rev.id).toBe(out.revision);
    expect(rev.parentId).toBe(before.revId);
    expect(rev.actorName).toBe('Maintenance script');
    expect(rev.summary).toBe('Import the configuration of the pilot wiki (T374113)');

    // Stored without the sub-header objects; every value kept.
    const saved = JSON.parse(rev.content!) as Record<string, unknown>;
    const withoutSubHeaders = Object.fromEntries(Object.entries(realistic).filter(([k]) => !/^ReportIncident_NonEmergency_[A-Za-z]+$/.test(k)));
    expect(saved).toMatchObject(withoutSubHeaders);
    expect(Object.keys(saved).filter((k) => /^ReportIncident_NonEmergency_[A-Za-z]+$/.test(k))).toEqual([]);
    expect(saved.$version).toBe('1.1.0');

    // The running wiki reads it: the configuration and the pages people see.
    const live = await wiki.container.communityConfig.current();
    expect(live.ReportIncidentEnabledNamespaces).toEqual([1, 3, 5]);
    expect(live.ReportIncidentE2ETesterUsers).toEqual(['Testing']);
    expect(live.ReportIncident_NonEmergency_Doxing_HelpMethod.Email).toBe('oversight-demo@example.org');

    const intimidation = await supportPage('intimidation');
    expect(intimidation.help).toEqual(['/wiki/Demo_Wiki:Administrators%27_noticeboard', 'mailto:admins-intimidation@example.org', '/wiki/Demo_Wiki:Help_desk']);
    expect(intimidation.next).toEqual(['/wiki/Demo_Wiki:Dispute_resolution']);
    expect((await supportPage('hate-or-discrimination')).help).toEqual(['https://meta.wikimedia.org/wiki/Special:MyLanguage/Universal_Code_of_Conduct/Enforcement_guidelines']);
    const spam = await supportPage('spam');
    expect(spam.help).toEqual(['https://meta.wikimedia.org/w/index.php?title=Steward_requests/Global&action=view']);
    expect(spam.next).toEqual(['/wiki/Demo_Wiki:Spam']);
    expect((await supportPage('trolling')).help).toEqual(['/wiki/Demo_Wiki:Administrators%27_noticeboard', '/wiki/Demo_Wiki:Help_desk']);
    expect((await supportPage('doxing')).help).toEqual(['mailto:oversight-demo@example.org']);
  });

  // BUG (src/support/supportPagePresenter.ts, resolvePageOrUrl has no interwiki map): the validator accepts
  // "meta:Special:MyLanguage/Universal_Code_of_Conduct", but the Get support page links to the local, missing
  // /wiki/Meta:Special:MyLanguage/Universal_Code_of_Conduct. See the unit test of the same name for the fix.
  it('when the imported configuration has an interwiki link, then the Get support page links to the other wiki', async () => {
    expect(cli(['config:import', file('IncidentReportingConfig.json'), '--summary', 'Import for the interwiki check']).code).toBe(0);
    expect((await supportPage('sexual-harassment')).help[0]).toBe('https://meta.wikimedia.org/wiki/Special:MyLanguage/Universal_Code_of_Conduct');
  });

  it('when the same file is imported twice, then the second import is one more revision with the same text', async () => {
    const before = await stored();
    const r = cli(['config:import', file('IncidentReportingConfig.json'), '--summary', 'Again']);
    expect(r.code).toBe(0);
    expect((await latest()).content).toBe(before.content);
    expect((await latest()).summary).toBe('Again');
  });

  it('when the "Maintenance script" account made by the import is tried at the login form, then it cannot log in', async () => {
    const client = new HttpClient(wiki.url);
    const form = await client.get('/wiki/Special:UserLogin');
    expect(form.status).toBe(200);
    for (const password of ['', 'demo-password', 'Maintenance script']) {
      const r = await client.login('Maintenance script', password);
      expect(r.status, `password ${JSON.stringify(password)}`).not.toBe(303);
    }
  });

  it('when an invalid file is imported, then it exits 1 with the problems and nothing is stored', async () => {
    const name = file('invalid-import.json');
    writeFileSync(name, JSON.stringify({ ...realistic, ReportIncident_NonEmergency_Spam_HelpMethod: { ContactAdmin: 'javascript:alert(1)', Email: 'foo' } }, null, 2));
    const before = await stored();
    const r = cli(['config:import', name, '--summary', 'bad']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').sort()).toEqual(
      [
        `${name}: /ReportIncident_NonEmergency_Spam_HelpMethod/ContactAdmin: Addresses starting with "javascript:" are not allowed; use an https address or a page title.`,
        `${name}: /ReportIncident_NonEmergency_Spam_HelpMethod/Email: "foo" is not a valid email address.`,
      ].sort(),
    );
    expect(await stored()).toEqual(before);
  });

  it('when a file over 64 KiB is imported, then it exits 1 saying so and nothing is stored', async () => {
    const name = file('huge.json');
    writeFileSync(name, JSON.stringify(realistic, null, 2).replace(/\n}$/, `${' '.repeat(65 * 1024)}\n}`));
    const before = await stored();
    const r = cli(['config:import', name, '--summary', 'huge']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The configuration is larger than 64 KiB.');
    expect(await stored()).toEqual(before);
  });

  it('when --summary is missing, then it prints the usage, exits 2 and stores nothing', async () => {
    const before = await stored();
    const r = cli(['config:import', file('IncidentReportingConfig.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: npm run -s cli -- config:import FILE --summary TEXT');
    expect(await stored()).toEqual(before);
  });

  it('when --user names another account, then the revision is by that name', async () => {
    const r = cli(['config:import', file('IncidentReportingConfig.json'), '--summary', 'As a bot', '--user', 'Config importer']);
    expect(r.code).toBe(0);
    expect((await latest()).actorName).toBe('Config importer');
  });

  // BUG (src/cli.ts config:import → AccountService.systemUser(name, ['interface-admin', 'bot'])): systemUser adds the
  // groups to an EXISTING account, so `--user Alice` makes Alice an interface-admin (and a bot) for good, and she
  // can then edit the configuration on the web. Fix: refuse --user names of accounts that can log in (or never
  // add groups to an existing account; attribute the revision without changing rights).
  it('when --user names an existing person\'s account, then that person gets no new rights', async () => {
    expect((await wiki.container.accounts.findByName('Alice'))!.groups).not.toContain('interface-admin');
    cli(['config:import', file('IncidentReportingConfig.json'), '--summary', 'Oops', '--user', 'Alice']);
    expect((await wiki.container.accounts.findByName('Alice'))!.groups).not.toContain('interface-admin');
  });
});
