// Strict validation of a community configuration before a save: a port of every case of the original's
// tests/phpunit/integration/Config/ReportIncidentConfigValidatorTest.php (schema 1.1.0), plus what our
// schema adds (crisis resources, the response time) and what a hostile or careless edit may hold.
import { describe, expect, it } from 'vitest';
import { CommunityConfigProvider } from '../../../src/communityConfig/CommunityConfigProvider.js';
import { communityConfigShape, defaultCommunityConfig, subHeaderKeys } from '../../../src/communityConfig/communityConfigSchema.js';
import { checkPageOrUrl, type ConfigIssue, validateCommunityConfig, type ValidatorDeps } from '../../../src/communityConfig/communityConfigValidator.js';
import { MemoryLogger } from '../../../src/shared/Logger.js';
import { resolvePageOrUrl } from '../../../src/support/supportPagePresenter.js';
import { Namespaces, NS_PROJECT } from '../../../src/wiki/namespaces.js';
import type { PageService } from '../../../src/wiki/PageService.js';
import type { Title } from '../../../src/wiki/Title.js';
import { named } from '../../support/named.js';

const namespaces = new Namespaces('Demo Wiki');
/** The original test's page, created in addDBDataOnce. */
const EXISTING_PAGE = 'ReportIncidentExistingPage';
const existingPages = new Set([EXISTING_PAGE, "Demo Wiki:Administrators' noticeboard", 'Demo Wiki:Help desk', 'Demo Wiki:Dispute resolution', 'Talk:African wild dog', 'Mission: Impossible']);
const existingUsers = new Set(['Alice', 'Testing']);

/** Pages and users from sets; the set holds prefixed texts as titles print them. */
const deps: ValidatorDeps = {
  namespaces,
  pageExists: (title: Title) => existingPages.has(title.prefixedText),
  userExists: (name: string) => existingUsers.has(name),
};

const validate = (input: unknown) => validateCommunityConfig(input, deps);

/** The issues of a configuration that must be refused. */
function issuesOf(input: unknown): ConfigIssue[] {
  const r = validate(input);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return r.issues;
}

/** Only the pointers and message keys, to compare with the original's expectations. */
const brief = (issues: ConfigIssue[]) => issues.map(({ pointer, messageKey }) => ({ pointer, messageKey }));

/** A configuration with one value set at a path such as "A" or "A/Sub". */
function withValue(path: string, value: unknown): Record<string, unknown> {
  const [key, sub] = path.split('/') as [string, string | undefined];
  if (sub === undefined) return { [key]: value };
  return { [key]: { [sub]: value } };
}

// The 1.1.0 properties, written out rather than read from our schema, so that a property lost from the
// schema fails here.
const helpMethods3 = ['Intimidation', 'SexualHarassment', 'Trolling', 'SomethingElse', 'Sockpuppetry', 'Vandalism', 'UserDispute', 'DisruptiveEditing', 'Other'];
const helpMethods2 = ['HateSpeech', 'Spam'];
/** Every Email of a help method. */
const emailProps = [...helpMethods3, ...helpMethods2, 'Doxing'].map((c) => `ReportIncident_NonEmergency_${c}_HelpMethod/Email`);
/** Every field that takes a page title or a URL. */
const pageOrUrlProps = [
  'ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL',
  'ReportIncident_NonEmergency_Doxing_HideEditURL',
  'ReportIncident_NonEmergency_Spam_SpamContentURL',
  'ReportIncident_NonEmergency_Other_DisputeResolutionURL',
  ...[...helpMethods3, ...helpMethods2].map((c) => `ReportIncident_NonEmergency_${c}_HelpMethod/ContactAdmin`),
  ...helpMethods3.map((c) => `ReportIncident_NonEmergency_${c}_HelpMethod/ContactCommunity`),
];

describe('the 1.1.0 properties', () => {
  it('when the schema is read, then it has every page-or-URL and email property of the original, and the two lists', () => {
    const paths = Object.entries(communityConfigShape).flatMap(([key, schema]) => {
      const value = (schema as { parse(v: unknown): unknown }).parse(undefined);
      return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).map((sub) => `${key}/${sub}`) : [key];
    });
    for (const p of [...emailProps, ...pageOrUrlProps, 'ReportIncidentEnabledNamespaces', 'ReportIncidentE2ETesterUsers', 'ReportIncident_NonEmergency_Doxing_ShowWarning']) expect(paths).toContain(p);
    expect(emailProps).toHaveLength(12);
    expect(pageOrUrlProps).toHaveLength(4 + 11 + 9);
  });
});

describe('ReportIncidentConfigValidatorTest: provideValidationErrors, strictly', () => {
  const emailCases = emailProps.map((prop) => ({ name: `the email "foo" for ${prop}`, prop, value: 'foo', messageKey: 'communityconfig-error-invalid-email' }));
  const pageCases = pageOrUrlProps.flatMap((prop) => [
    { name: `the malformed title ":" for ${prop}`, prop, value: ':', messageKey: 'title-invalid-empty' },
    { name: `the missing page ReportIncidentNoSuchPageExists for ${prop}`, prop, value: 'ReportIncidentNoSuchPageExists', messageKey: 'communityconfig-error-invalid-title' },
    { name: `the special page Special:Version for ${prop}`, prop, value: 'Special:Version', messageKey: 'communityconfig-error-invalid-title' },
    { name: `the http URL http://example.com for ${prop}`, prop, value: 'http://example.com', messageKey: 'communityconfig-error-use-https' },
    { name: `the URL https://example.com?foo=bar&baz= (empty query parameter) for ${prop}`, prop, value: 'https://example.com?foo=bar&baz=', messageKey: 'communityconfig-error-query-parameter' },
  ]);
  it.each(named([...emailCases, ...pageCases], (c) => `when the configuration has ${c.name}, then it is refused with exactly one issue, ${c.messageKey} at its pointer`))('%s', (_, c) => {
    expect(brief(issuesOf(withValue(c.prop, c.value)))).toEqual([{ pointer: `/${c.prop}`, messageKey: c.messageKey }]);
  });

  it('when a query parameter has no value, then the issue names the parameter', () => {
    expect(issuesOf(withValue('ReportIncident_NonEmergency_Spam_SpamContentURL', 'https://example.com?foo=bar&baz='))[0]!.params).toEqual({ name: 'baz' });
    expect(issuesOf(withValue('ReportIncident_NonEmergency_Spam_SpamContentURL', 'https://example.com/?flag'))[0]!.params).toEqual({ name: 'flag' });
  });

  it('when a value is the wrong type (the original\'s "config not matching schema": an integer for a page), then it is refused at its pointer', () => {
    expect(brief(issuesOf({ ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL: 5 }))).toEqual([{ pointer: '/ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL', messageKey: 'communityconfig-error-wrong-type' }]);
    expect(issuesOf({ ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL: 5 })[0]!.params).toEqual({ expected: 'string' });
  });

  it('when several fields are wrong at once, then each is reported, each at its own pointer', () => {
    const issues = issuesOf({
      ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: 'Special:Version', Email: 'foo', ContactCommunity: 'http://example.com' },
      ReportIncident_NonEmergency_Spam_SpamContentURL: ':',
    });
    expect(brief(issues).sort((a, b) => a.pointer.localeCompare(b.pointer))).toEqual([
      { pointer: '/ReportIncident_NonEmergency_Intimidation_HelpMethod/ContactAdmin', messageKey: 'communityconfig-error-invalid-title' },
      { pointer: '/ReportIncident_NonEmergency_Intimidation_HelpMethod/ContactCommunity', messageKey: 'communityconfig-error-use-https' },
      { pointer: '/ReportIncident_NonEmergency_Intimidation_HelpMethod/Email', messageKey: 'communityconfig-error-invalid-email' },
      { pointer: '/ReportIncident_NonEmergency_Spam_SpamContentURL', messageKey: 'title-invalid-empty' },
    ]);
  });
});

describe('type errors and value errors together', () => {
  it('when only type errors are present, then they are all listed', () => {
    expect(issuesOf({ ReportIncident_Emergency_ResponseTimeHours: 0, ReportIncident_NonEmergency_Doxing_ShowWarning: 'yes' }).map((i) => i.pointer).sort()).toEqual(['/ReportIncident_Emergency_ResponseTimeHours', '/ReportIncident_NonEmergency_Doxing_ShowWarning']);
  });

  // BUG (src/communityConfig/communityConfigValidator.ts, validateCommunityConfig returns right after a failed
  // CommunityConfigSchema.safeParse): the page, email, user, namespace and resource checks do not run when any
  // field has a schema problem, so the javascript: link below is only reported after the response time is
  // fixed. Fix: parse each key of communityConfigShape on its own (as CommunityConfigProvider.readLeniently
  // does), collect the schema issues, and run the value checks on the keys that parsed.
  it('when one field has the wrong type and another a forbidden link, then both are reported at once', () => {
    expect(issuesOf({ ReportIncident_Emergency_ResponseTimeHours: 0, ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: 'javascript:alert(1)' } }).map((i) => i.pointer).sort()).toEqual([
      '/ReportIncident_Emergency_ResponseTimeHours',
      '/ReportIncident_NonEmergency_Intimidation_HelpMethod/ContactAdmin',
    ]);
  });
});

describe('ReportIncidentConfigValidatorTest: provideValidationErrors, permissively (on read)', () => {
  // The original's validatePermissively checks only the JSON schema, so that a moved or deleted page does not
  // break the feature; our read is the provider's readLeniently. These values are strings, as the schema
  // wants: the read keeps them and logs nothing.
  const provider = () => {
    const logger = new MemoryLogger();
    return { logger, provider: new CommunityConfigProvider(null as unknown as PageService, null as unknown as Title, logger) };
  };
  const values = [':', 'ReportIncidentNoSuchPageExists', 'Special:Version', 'http://example.com', 'https://example.com?foo=bar&baz=', 'foo'];
  it.each(values)('when every page, URL and email field is "%s", then the permissive read keeps them and logs nothing', (value) => {
    const config: Record<string, Record<string, string> | string> = {};
    for (const prop of [...pageOrUrlProps, ...emailProps]) {
      const [key, sub] = prop.split('/') as [string, string | undefined];
      if (sub === undefined) config[key] = value;
      else config[key] = { ...(config[key] as Record<string, string> | undefined), [sub]: value };
    }
    const { logger, provider: p } = provider();
    const read = p.readLeniently(JSON.stringify(config), 1) as unknown as Record<string, unknown>;
    expect(read.ReportIncident_NonEmergency_Intimidation_HelpMethod).toEqual({ ContactAdmin: value, Email: value, ContactCommunity: value });
    expect(read.ReportIncident_NonEmergency_Spam_SpamContentURL).toBe(value);
    expect(logger.lines).toEqual([]);
  });

  it('when a value is the wrong type, then the permissive read uses its default and warns, naming the field', () => {
    const { logger, provider: p } = provider();
    const read = p.readLeniently(JSON.stringify({ ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL: 5 }), 7);
    expect(read.ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL).toBe('');
    expect(logger.lines).toEqual([{ level: 'warn', message: expect.any(String), fields: { revId: 7, fields: ['ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL'] } }]);
  });
});

describe('ReportIncidentConfigValidatorTest: provideValidConfig', () => {
  const allPages = (page: string) => {
    const config: Record<string, unknown> = {};
    for (const prop of pageOrUrlProps) {
      const [key, sub] = prop.split('/') as [string, string | undefined];
      if (sub === undefined) config[key] = page;
      else config[key] = { ...(config[key] as Record<string, string> | undefined), [sub]: page };
    }
    return config;
  };
  const allEmails = (config: Record<string, unknown>, email: string) => {
    for (const prop of emailProps) {
      const [key, sub] = prop.split('/') as [string, string];
      config[key] = { ...(config[key] as Record<string, string> | undefined), [sub]: email };
    }
    return config;
  };
  const valid = [
    { name: 'no pages set (an empty object)', config: {} },
    { name: 'every field empty', config: allEmails(allPages(''), '') },
    { name: 'one page set to an existing page', config: { ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL: EXISTING_PAGE } },
    { name: 'one page and the namespaces set', config: { ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL: EXISTING_PAGE, ReportIncidentEnabledNamespaces: [NS_PROJECT] } },
    { name: 'only the namespaces set', config: { ReportIncidentEnabledNamespaces: [1, 3, 5] } },
    { name: 'every page set to an existing page and every email valid', config: allEmails(allPages(EXISTING_PAGE), 'admins@example.org') },
    { name: 'every page set to a project page through the Project alias', config: allPages("Project:Administrators' noticeboard") },
    { name: 'every page set to a project page by the wiki\'s name, with underscores', config: allPages("Demo_Wiki:Administrators'_noticeboard") },
    { name: 'every page set to an interwiki link meta:Foo', config: allPages('meta:Foo') },
    { name: 'every page set to an interwiki link with a namespace and MyLanguage', config: allPages('meta:Special:MyLanguage/Universal_Code_of_Conduct') },
    { name: 'every page set to a foundation: interwiki link', config: allPages('foundation:Policy:Universal_Code_of_Conduct') },
    { name: 'every page set to an https URL', config: allPages('https://example.com') },
    { name: 'every page set to an https URL with a path, a query and a fragment', config: allPages('https://meta.wikimedia.org/w/index.php?title=Universal_Code_of_Conduct&action=view#Enforcement') },
    { name: 'every page set to an https URL in upper case', config: allPages('HTTPS://EXAMPLE.COM/Page') },
    { name: 'every page set to an existing page with white space around it', config: allPages(`  ${EXISTING_PAGE}  `) },
    { name: 'every page set to a talk page', config: allPages('Talk:African wild dog') },
    { name: 'every page set to a page whose first letter is lower case', config: allPages('reportIncidentExistingPage') },
    { name: 'every email at localhost (the HTML5 rule)', config: allEmails({}, 'wiki@localhost') },
    { name: 'every email with a plus and sub-domains', config: allEmails({}, 'trust+safety@mail.example.co.uk') },
    { name: 'the tester users existing', config: { ReportIncidentE2ETesterUsers: ['Alice', 'Testing'] } },
    { name: 'Doxing ShowWarning false', config: { ReportIncident_NonEmergency_Doxing_ShowWarning: false } },
  ];
  it.each(named(valid, (v) => `when the configuration has ${v.name}, then it is valid`))('%s', (_, { config }) => {
    const r = validate(config);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('when a valid configuration is checked, then the result is the full configuration with every default filled in', () => {
    const r = validate({ ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: EXISTING_PAGE } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toEqual({ ...defaultCommunityConfig(), ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: EXISTING_PAGE, Email: '', ContactCommunity: '' } });
  });
});

describe('page-or-URL fields: hostile and careless values', () => {
  const prop = 'ReportIncident_NonEmergency_Intimidation_HelpMethod/ContactAdmin';
  const refused = [
    { name: 'javascript:alert(1)', value: 'javascript:alert(1)', messageKey: 'communityconfig-error-bad-scheme', scheme: 'javascript' },
    { name: 'JavaScript in mixed case', value: 'JaVaScRiPt:alert(1)', messageKey: 'communityconfig-error-bad-scheme', scheme: 'javascript' },
    { name: 'javascript: with leading white space', value: '  javascript:alert(document.cookie)', messageKey: 'communityconfig-error-bad-scheme', scheme: 'javascript' },
    { name: 'javascript:// with a line break', value: 'javascript://%0aalert(1)', messageKey: 'communityconfig-error-bad-scheme', scheme: 'javascript' },
    { name: 'a data: URL', value: 'data:text/html,<script>alert(1)</script>', messageKey: 'communityconfig-error-bad-scheme', scheme: 'data' },
    { name: 'a base64 data: URL', value: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', messageKey: 'communityconfig-error-bad-scheme', scheme: 'data' },
    { name: 'a vbscript: URL', value: 'vbscript:msgbox(1)', messageKey: 'communityconfig-error-bad-scheme', scheme: 'vbscript' },
    { name: 'a mailto: URL', value: 'mailto:admins@example.org', messageKey: 'communityconfig-error-bad-scheme', scheme: 'mailto' },
    { name: 'an ftp URL', value: 'ftp://example.com/file', messageKey: 'communityconfig-error-bad-scheme', scheme: 'ftp' },
    // With "://" it is a URL, even though "File" is also a namespace: and file: is never a link here.
    { name: 'a file URL', value: 'file:///etc/passwd', messageKey: 'communityconfig-error-bad-scheme', scheme: 'file' },
    { name: 'an http URL with a path', value: 'http://example.com/wiki/Help', messageKey: 'communityconfig-error-use-https' },
    { name: 'HTTP in upper case', value: 'HTTP://EXAMPLE.COM', messageKey: 'communityconfig-error-use-https' },
    { name: 'https:// without a host', value: 'https://', messageKey: 'communityconfig-error-invalid-url' },
    { name: 'a protocol-relative URL', value: '//example.com/wiki/Help', messageKey: 'communityconfig-error-invalid-title' },
    { name: 'a Media: title', value: 'Media:Example.png', messageKey: 'communityconfig-error-invalid-title' },
    { name: 'a Special page by an odd case', value: 'special:version', messageKey: 'communityconfig-error-invalid-title' },
    { name: 'a title with illegal characters', value: 'Foo<bar>', messageKey: 'title-invalid-characters' },
    { name: 'a title with a leading colon twice', value: '::Foo', messageKey: 'title-invalid-leading-colon' },
    { name: 'a relative title', value: '../Foo', messageKey: 'title-invalid-relative' },
    { name: 'a title with a signature', value: 'Foo ~~~~', messageKey: 'title-invalid-magic-tilde' },
    { name: 'only a namespace', value: 'Project:', messageKey: 'title-invalid-empty' },
    { name: 'a missing project page', value: 'Project:No such noticeboard', messageKey: 'communityconfig-error-invalid-title' },
  ];
  it.each(named(refused, (r) => `when a page field holds ${r.name}, then it is refused with ${r.messageKey}`))('%s', (_, r) => {
    const issues = issuesOf(withValue(prop, r.value));
    expect(brief(issues)).toEqual([{ pointer: `/${prop}`, messageKey: r.messageKey }]);
    if (r.scheme) expect(issues[0]!.params).toEqual({ scheme: r.scheme });
  });

  // (#16) Addresses that lead elsewhere than they read.
  const lookalikes = [
    { name: 'a user name before the host', value: 'https://trusted.org@evil.example/', messageKey: 'communityconfig-error-url-userinfo', params: { value: 'https://trusted.org@evil.example/', host: 'evil.example' } },
    { name: 'a user name and password before the host', value: 'https://admins:secret@evil.example/help', messageKey: 'communityconfig-error-url-userinfo', params: { value: 'https://admins:secret@evil.example/help', host: 'evil.example' } },
    { name: 'a Cyrillic "а" in a Latin name', value: 'https://wikipedi\u0430.org/wiki/Help', messageKey: 'communityconfig-error-url-mixed-script', params: { value: 'https://wikipedi\u0430.org/wiki/Help', punycode: 'xn--wikipedi-86g.org' } },
    { name: 'a Greek "ο" in a Latin name', value: 'https://g\u03bfogle.com/', messageKey: 'communityconfig-error-url-mixed-script', params: { value: 'https://g\u03bfogle.com/', punycode: 'xn--gogle-rce.com' } },
    { name: 'the same look-alike typed as punycode', value: 'https://xn--wikipedi-86g.org/', messageKey: 'communityconfig-error-url-mixed-script', params: { value: 'https://xn--wikipedi-86g.org/', punycode: 'xn--wikipedi-86g.org' } },
    // Found by review: one script throughout, yet it reads as a Latin name.
    { name: 'an all-Cyrillic "apple" under .com', value: 'https://\u0430\u0440\u0440\u04cf\u0435.com/', messageKey: 'communityconfig-error-url-lookalike', params: { value: 'https://\u0430\u0440\u0440\u04cf\u0435.com/', punycode: 'xn--80ak6aa92e.com' } },
    { name: 'a dotless i in a Latin name', value: 'https://wik\u0131pedia.org/', messageKey: 'communityconfig-error-url-lookalike', params: { value: 'https://wik\u0131pedia.org/', punycode: 'xn--wikpedia-vkb.org' } },
    { name: 'a small capital o in a Latin name', value: 'https://google\u1d0f.com/', messageKey: 'communityconfig-error-url-lookalike', params: { value: 'https://google\u1d0f.com/', punycode: 'xn--google-n15b.com' } },
  ];
  it.each(named(lookalikes, (r) => `when a page field holds ${r.name}, then it is refused with ${r.messageKey}, naming where it really leads`))('%s', (_, r) => {
    expect(issuesOf(withValue(prop, r.value)).map((i) => ({ pointer: i.pointer, messageKey: i.messageKey, params: i.params }))).toEqual([{ pointer: `/${prop}`, messageKey: r.messageKey, params: r.params }]);
  });

  const honest = [
    { name: 'a Cyrillic domain', value: 'https://\u0432\u0438\u043a\u0438\u043f\u0435\u0434\u0438\u044f.\u0440\u0444/' },
    { name: 'a Japanese domain mixing kanji and kana', value: 'https://\u65e5\u672c\u3054.jp/' },
    { name: 'a Korean domain', value: 'https://\ud55c\uad6d.kr/' },
    { name: 'a German domain with an umlaut', value: 'https://m\u00fcnchen.de/hilfe' },
    { name: 'a Latin subdomain under a Cyrillic top-level domain', value: 'https://help.\u0440\u0444/' },
    // Found by review: the long-vowel mark ー belongs to no one script.
    { name: 'a katakana name with the long-vowel mark', value: 'https://\u30b2\u30fc\u30e0.jp/' },
    { name: 'another katakana name with the long-vowel mark', value: 'https://\u30ed\u30fc\u30bd\u30f3.jp/' },
    { name: 'a Cyrillic word under a Cyrillic top-level domain', value: 'https://\u0441\u0430\u0440.\u0440\u0444/' },
  ];
  it.each(named(honest, (r) => `when a page field holds ${r.name}, then it is valid`))('%s', (_, r) => {
    expect(validate(withValue(prop, r.value)).ok).toBe(true);
  });

  it('when a crisis line\'s address has a user name before its host, then it is refused as a look-alike, not merely as "use https"', () => {
    expect(brief(issuesOf({ ReportIncident_CrisisResources: [{ name: 'A', url: 'https://findahelpline.com@evil.example/' }] }))).toEqual([{ pointer: '/ReportIncident_CrisisResources/0/url', messageKey: 'communityconfig-error-url-userinfo' }]);
  });

  // BUG (src/communityConfig/communityConfigValidator.ts, checkPageOrUrl, the query-parameter loop):
  // decodeURIComponent('%zz') throws URIError out of the validator, so a save of "https://example.com/?%zz="
  // ends in a 500 instead of a 422 beside the field. Fix: use url.searchParams, or catch the URIError.
  it('when a query parameter\'s name has a malformed percent escape and no value, then it is refused, not thrown', () => {
    let outcome: unknown;
    try {
      outcome = checkPageOrUrl('https://example.com/?%zz=', deps);
    } catch (e) {
      outcome = e;
    }
    expect(outcome).toEqual({ messageKey: 'communityconfig-error-query-parameter', params: { name: '%zz' } });
  });

  it('when an https URL has a query parameter with an encoded name and no value, then the name is shown decoded', () => {
    expect(checkPageOrUrl('https://example.com/?a%20b=', deps)).toEqual({ messageKey: 'communityconfig-error-query-parameter', params: { name: 'a b' } });
  });

  it('when query parameters are separated by an empty pair (&&), then the empty pair is ignored', () => {
    expect(checkPageOrUrl('https://example.com/?a=1&&b=2', deps)).toBeNull();
  });

  // BUG (src/communityConfig/communityConfigValidator.ts, checkPageOrUrl): any "word:" that is not a namespace or
  // an interwiki prefix is taken for a URL scheme, so an existing main-namespace page whose title has a colon
  // ("Mission: Impossible", a shortcut like "WP:ANI") is refused with bad-scheme. The original tries
  // FILTER_VALIDATE_URL first and only then parses a title; "Mission: Impossible" is no URL there.
  it('when a page field holds an existing main-namespace page with a colon in its title, then it is valid', () => {
    expect(checkPageOrUrl('Mission: Impossible', deps)).toBeNull();
  });

  // BUG (same function): "Page#Section" is refused with title-invalid-characters; MediaWiki's TitleParser splits
  // the fragment off, so the original accepts a link to a section of an existing page.
  it('when a page field holds a section of an existing page, then it is valid', () => {
    expect(checkPageOrUrl("Demo Wiki:Administrators' noticeboard#Incidents", deps)).toBeNull();
  });

  it('when an empty or blank value is checked, then it is skipped', () => {
    expect(checkPageOrUrl('', deps)).toBeNull();
    expect(checkPageOrUrl('   ', deps)).toBeNull();
  });

  it.each([
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/?a=b', 'https://example.com/?a=b'],
    [EXISTING_PAGE, `/wiki/${EXISTING_PAGE}`],
    ["Project:Administrators' noticeboard", '/wiki/Demo_Wiki:Administrators%27_noticeboard'],
    ['Talk:African wild dog', '/wiki/Talk:African_wild_dog'],
  ])('when "%s" is accepted, then the Get support page links to %s', (value, href) => {
    expect(checkPageOrUrl(value, deps)).toBeNull();
    expect(resolvePageOrUrl(value, namespaces)).toBe(href);
  });

  // BUG (src/support/supportPagePresenter.ts, resolvePageOrUrl): the validator accepts interwiki links, but the
  // presenter knows no interwiki map and turns "meta:Foo" into the local link /wiki/Meta:Foo, a page that does
  // not exist here. The original renders them with getFullUrl() (https://meta.wikimedia.org/wiki/Foo). Fix: an
  // interwiki table (prefix → https URL pattern) shared by the validator's interwikiPrefixes and the presenter.
  it.each([
    ['meta:Foo', 'https://meta.wikimedia.org/wiki/Foo'],
    ['m:Foo', 'https://meta.wikimedia.org/wiki/Foo'],
    ['meta:Special:MyLanguage/Universal_Code_of_Conduct', 'https://meta.wikimedia.org/wiki/Special:MyLanguage/Universal_Code_of_Conduct'],
    ['foundation:Policy:Universal_Code_of_Conduct', 'https://foundation.wikimedia.org/wiki/Policy:Universal_Code_of_Conduct'],
  ])('when the interwiki link "%s" is accepted, then the Get support page links to %s', (value, href) => {
    expect(checkPageOrUrl(value, deps)).toBeNull();
    expect(resolvePageOrUrl(value, namespaces)).toBe(href);
  });

  // BUG (validator vs. src/support/supportPagePresenter.ts resolvePageOrUrl): the validator takes "https:host" for
  // an https URL (new URL adds the slashes), but the presenter only treats values with "://" as URLs and links
  // to the local, missing page /wiki/Https:example.com. Fix: make both use one helper, or require "://".
  it('when "https:example.com" (no slashes) is accepted as a URL, then the Get support page links to that URL too', () => {
    // The validator takes "https:host" for a URL (the WHATWG parser adds the slashes); whatever it accepts must
    // be rendered as the same address, not as a link to a local page named "Https:example.com".
    const accepted = checkPageOrUrl('https:example.com', deps) === null;
    if (accepted) expect(resolvePageOrUrl('https:example.com', namespaces)).toBe('https://example.com/');
  });
});

describe('email fields', () => {
  const prop = 'ReportIncident_NonEmergency_Spam_HelpMethod/Email';
  it.each(['foo', 'foo@', '@example.org', 'a b@example.org', 'admins@example..org', 'admins@-example.org', 'admins@example.org>', '<admins@example.org>', 'admins@example.org, other@example.org', 'admins@example.org\nBcc: x@example.org', 'mailto:admins@example.org', 'jörg@example.org'])(
    'when the email is %j, then it is refused as invalid',
    (value) => {
      expect(brief(issuesOf(withValue(prop, value)))).toEqual([{ pointer: `/${prop}`, messageKey: 'communityconfig-error-invalid-email' }]);
    },
  );

  it('when an email is refused, then the issue shows what was typed', () => {
    expect(issuesOf(withValue(prop, 'foo'))[0]!.params).toEqual({ value: 'foo' });
  });

  it('when an email is longer than 254 characters, then it is refused as too long', () => {
    const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.org`;
    expect(long.length).toBeGreaterThan(254);
    expect(issuesOf(withValue(prop, long)).map((i) => i.pointer)).toEqual([`/${prop}`]);
  });
});

describe('test users', () => {
  it('when every tester exists, then the list is valid', () => {
    expect(validate({ ReportIncidentE2ETesterUsers: ['Alice'] }).ok).toBe(true);
  });

  it('when a tester does not exist, then the issue points at that entry of the list and names the user', () => {
    const issues = issuesOf({ ReportIncidentE2ETesterUsers: ['Alice', 'Nobody at all', 'Testing', 'Ghost'] });
    expect(issues).toEqual([
      { pointer: '/ReportIncidentE2ETesterUsers/1', messageKey: 'communityconfig-error-no-such-user', params: { name: 'Nobody at all' } },
      { pointer: '/ReportIncidentE2ETesterUsers/3', messageKey: 'communityconfig-error-no-such-user', params: { name: 'Ghost' } },
    ]);
  });

  it('when the testers are not a list of names, then the type is refused', () => {
    expect(brief(issuesOf({ ReportIncidentE2ETesterUsers: 'Alice' }))).toEqual([{ pointer: '/ReportIncidentE2ETesterUsers', messageKey: 'communityconfig-error-wrong-type' }]);
    expect(brief(issuesOf({ ReportIncidentE2ETesterUsers: [42] }))).toEqual([{ pointer: '/ReportIncidentE2ETesterUsers/0', messageKey: 'communityconfig-error-wrong-type' }]);
  });
});

describe('namespaces', () => {
  it('when a namespace does not exist, then the entry is refused', () => {
    expect(issuesOf({ ReportIncidentEnabledNamespaces: [1, 999] })).toEqual([{ pointer: '/ReportIncidentEnabledNamespaces/1', messageKey: 'communityconfig-error-no-such-namespace', params: { namespace: 999 } }]);
  });

  it.each([
    { name: 'a negative namespace', value: [-1], pointer: '/ReportIncidentEnabledNamespaces/0', messageKey: 'communityconfig-error-too-small' },
    { name: 'a fractional namespace', value: [1.5], pointer: '/ReportIncidentEnabledNamespaces/0', messageKey: 'communityconfig-error-wrong-type' },
    { name: 'a namespace as a string', value: ['1'], pointer: '/ReportIncidentEnabledNamespaces/0', messageKey: 'communityconfig-error-wrong-type' },
    { name: 'a single number, not a list', value: 1, pointer: '/ReportIncidentEnabledNamespaces', messageKey: 'communityconfig-error-wrong-type' },
  ])('when the namespaces hold $name, then it is refused', ({ value, pointer, messageKey }) => {
    expect(brief(issuesOf({ ReportIncidentEnabledNamespaces: value }))).toEqual([{ pointer, messageKey }]);
  });
});

describe('unknown keys and wrong types', () => {
  it('when a top-level key is unknown, then it is refused at its pointer, naming the key', () => {
    expect(issuesOf({ ReportIncident_NonEmergency_Intimidation_HelpMetod: {} })).toEqual([{ pointer: '/ReportIncident_NonEmergency_Intimidation_HelpMetod', messageKey: 'communityconfig-error-unknown-key', params: { key: 'ReportIncident_NonEmergency_Intimidation_HelpMetod' } }]);
  });

  it('when a key inside a help method is unknown (ContactCommunity where the schema has none), then it is refused', () => {
    expect(brief(issuesOf({ ReportIncident_NonEmergency_Spam_HelpMethod: { ContactAdmin: '', ContactCommunity: 'Demo Wiki:Help desk' } }))).toEqual([{ pointer: '/ReportIncident_NonEmergency_Spam_HelpMethod/ContactCommunity', messageKey: 'communityconfig-error-unknown-key' }]);
    expect(brief(issuesOf({ ReportIncident_NonEmergency_Doxing_HelpMethod: { Email: '', ContactAdmin: 'x' } }))).toEqual([{ pointer: '/ReportIncident_NonEmergency_Doxing_HelpMethod/ContactAdmin', messageKey: 'communityconfig-error-unknown-key' }]);
  });

  it('when several keys are unknown, then each is reported', () => {
    expect(issuesOf({ a: 1, b: 2 }).map((i) => i.pointer).sort()).toEqual(['/a', '/b']);
  });

  it('when the v1 keys of January 2025 are given, then they are refused as unknown (they are not 1.1.0 settings)', () => {
    expect(issuesOf({ ReportIncidentDisputeResolutionPage: EXISTING_PAGE }).map((i) => i.messageKey)).toEqual(['communityconfig-error-unknown-key']);
  });

  it.each([
    { name: 'a boolean as a string', config: { ReportIncident_NonEmergency_Doxing_ShowWarning: 'yes' }, pointer: '/ReportIncident_NonEmergency_Doxing_ShowWarning', expected: 'boolean' },
    { name: 'a help method as a string', config: { ReportIncident_NonEmergency_Trolling_HelpMethod: 'Project:Help desk' }, pointer: '/ReportIncident_NonEmergency_Trolling_HelpMethod', expected: 'object' },
    { name: 'a help method as an array', config: { ReportIncident_NonEmergency_Trolling_HelpMethod: [] }, pointer: '/ReportIncident_NonEmergency_Trolling_HelpMethod', expected: 'object' },
    { name: 'an email as a number', config: { ReportIncident_NonEmergency_Trolling_HelpMethod: { Email: 5 } }, pointer: '/ReportIncident_NonEmergency_Trolling_HelpMethod/Email', expected: 'string' },
    { name: 'a page as null', config: { ReportIncident_NonEmergency_Spam_SpamContentURL: null }, pointer: '/ReportIncident_NonEmergency_Spam_SpamContentURL', expected: 'string' },
    { name: 'the response time as a string', config: { ReportIncident_Emergency_ResponseTimeHours: '24' }, pointer: '/ReportIncident_Emergency_ResponseTimeHours', expected: 'number' },
  ])('when the configuration has $name, then it is refused as the wrong type', ({ config, pointer, expected }) => {
    expect(issuesOf(config)).toEqual([{ pointer, messageKey: 'communityconfig-error-wrong-type', params: { expected } }]);
  });

  it.each([
    { name: 'an array', input: [] },
    { name: 'a string', input: 'config' },
    { name: 'null', input: null },
    { name: 'a number', input: 1 },
  ])('when the configuration is $name, then it is refused as not an object', ({ input }) => {
    expect(issuesOf(input)).toEqual([{ pointer: '', messageKey: 'communityconfig-error-not-object', params: {} }]);
  });

  it('when a text is longer than the schema allows, then it is refused as too big with the maximum', () => {
    expect(issuesOf({ ReportIncident_NonEmergency_Spam_SpamContentURL: 'x'.repeat(2001) })).toEqual([{ pointer: '/ReportIncident_NonEmergency_Spam_SpamContentURL', messageKey: 'communityconfig-error-too-big', params: { max: 2000 } }]);
  });
});

describe('sub-header objects and the envelope', () => {
  it('when every empty sub-header object of the original is present, then the configuration is valid and they are dropped', () => {
    const config: Record<string, unknown> = { $version: '1.1.0' };
    for (const k of subHeaderKeys) config[k] = {};
    const r = validate(config);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toEqual(defaultCommunityConfig());
    for (const k of subHeaderKeys) expect(Object.keys(r.config)).not.toContain(k);
  });

  it('when the sub-header list is compared with the original\'s categories, then every one is there', () => {
    expect([...subHeaderKeys].sort()).toEqual([...helpMethods3, ...helpMethods2, 'Doxing'].map((c) => `ReportIncident_NonEmergency_${c}`).sort());
  });

  it('when $version and $schema are present, then they are accepted and not kept', () => {
    const r = validate({ $version: '1.1.0', $schema: 'https://example.org/schema.json' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).not.toHaveProperty('$version');
    expect(r.config).not.toHaveProperty('$schema');
  });

  it('when another $-key is present, then it is refused as unknown', () => {
    expect(brief(issuesOf({ $comment: 'x' }))).toEqual([{ pointer: '/$comment', messageKey: 'communityconfig-error-unknown-key' }]);
  });

  it('when validation drops the sub-headers and the envelope, then the input object is left as it was', () => {
    const input = { $version: '1.1.0', ReportIncident_NonEmergency_Spam: {} };
    validate(input);
    expect(input).toEqual({ $version: '1.1.0', ReportIncident_NonEmergency_Spam: {} });
  });
});

describe('crisis resources and the response time', () => {
  const resources = (...rows: Record<string, string | undefined>[]) => ({ ReportIncident_CrisisResources: rows });

  it('when a resource has a name and an https address, a phone number or both, then it is valid', () => {
    expect(validate(resources({ name: 'A', url: 'https://a.example' }, { name: 'B', phone: '+1 (800) 273-8255' }, { name: 'C', url: 'https://c.example', phone: '116 123', language: 'pt-br' })).ok).toBe(true);
  });

  it('when the list is empty, then it is valid (no crisis lines)', () => {
    expect(validate(resources()).ok).toBe(true);
  });

  it.each([
    { name: 'an http address', row: { name: 'A', url: 'http://a.example' }, pointer: '/ReportIncident_CrisisResources/0/url', messageKey: 'communityconfig-error-use-https' },
    { name: 'a javascript: address', row: { name: 'A', url: 'javascript:alert(1)' }, pointer: '/ReportIncident_CrisisResources/0/url', messageKey: 'communityconfig-error-use-https' },
    { name: 'a data: address', row: { name: 'A', url: 'data:text/html,x' }, pointer: '/ReportIncident_CrisisResources/0/url', messageKey: 'communityconfig-error-use-https' },
    { name: 'an address that is not a URL', row: { name: 'A', url: 'findahelpline.com' }, pointer: '/ReportIncident_CrisisResources/0/url', messageKey: 'communityconfig-error-use-https' },
    { name: 'a phone with letters', row: { name: 'A', phone: 'call 911' }, pointer: '/ReportIncident_CrisisResources/0/phone', messageKey: 'communityconfig-error-invalid-phone' },
    { name: 'a phone too short', row: { name: 'A', phone: '12' }, pointer: '/ReportIncident_CrisisResources/0/phone', messageKey: 'communityconfig-error-invalid-phone' },
    { name: 'neither address nor phone', row: { name: 'A' }, pointer: '/ReportIncident_CrisisResources/0/url', messageKey: 'communityconfig-error-resource-needs-contact' },
    { name: 'a language code in upper case', row: { name: 'A', url: 'https://a.example', language: 'PT' }, pointer: '/ReportIncident_CrisisResources/0/language', messageKey: 'communityconfig-error-invalid-language' },
    { name: 'a language name', row: { name: 'A', url: 'https://a.example', language: 'English' }, pointer: '/ReportIncident_CrisisResources/0/language', messageKey: 'communityconfig-error-invalid-language' },
    { name: 'an empty name', row: { name: '', url: 'https://a.example' }, pointer: '/ReportIncident_CrisisResources/0/name', messageKey: 'communityconfig-error-too-small' },
    { name: 'an unknown field', row: { name: 'A', url: 'https://a.example', email: 'a@example.org' }, pointer: '/ReportIncident_CrisisResources/0/email', messageKey: 'communityconfig-error-unknown-key' },
  ])('when a resource has $name, then it is refused at $pointer', ({ row, pointer, messageKey }) => {
    expect(brief(issuesOf(resources(row)))).toEqual([{ pointer, messageKey }]);
  });

  it('when the second resource is wrong, then the pointer has its index', () => {
    expect(issuesOf(resources({ name: 'A', url: 'https://a.example' }, { name: 'B', url: 'http://b.example' })).map((i) => i.pointer)).toEqual(['/ReportIncident_CrisisResources/1/url']);
  });

  it('when there are more than 50 resources, then the list is refused as too big', () => {
    const rows = Array.from({ length: 51 }, (_, i) => ({ name: `R${i}`, url: 'https://a.example' }));
    expect(brief(issuesOf(resources(...rows)))).toEqual([{ pointer: '/ReportIncident_CrisisResources', messageKey: 'communityconfig-error-too-big' }]);
  });

  it.each([
    { value: 0, messageKey: 'communityconfig-error-too-small' },
    { value: 721, messageKey: 'communityconfig-error-too-big' },
    { value: 1.5, messageKey: 'communityconfig-error-wrong-type' },
  ])('when the response time is $value hours, then it is refused with $messageKey', ({ value, messageKey }) => {
    expect(brief(issuesOf({ ReportIncident_Emergency_ResponseTimeHours: value }))).toEqual([{ pointer: '/ReportIncident_Emergency_ResponseTimeHours', messageKey }]);
  });

  it.each([1, 24, 720])('when the response time is %i hours, then it is valid', (value) => {
    expect(validate({ ReportIncident_Emergency_ResponseTimeHours: value }).ok).toBe(true);
  });
});

describe('checkPageOrUrl: names Object.prototype answers to (#16)', () => {
  it.each(['Constructor:Report_here', 'constructor:Foo', '__proto__:Foo', 'toString:Foo', 'hasOwnProperty:Foo'])('when the value is %s, then it is checked as a page title, not taken for an interwiki link', (value) => {
    const outcome = checkPageOrUrl(value, deps);
    // Not an interwiki prefix: either a missing page or an invalid title, never "fine" and never a crash.
    expect(outcome).not.toBeNull();
  });

  it('when the JSON has a "constructor" key at the top, then the editor says so instead of failing', () => {
    const result = validate(JSON.parse('{"constructor": {}, "toString": 1}'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.messageKey)).toEqual(['communityconfig-error-unknown-key', 'communityconfig-error-unknown-key']);
  });
});

describe('reply templates (#21)', () => {
  const withTemplates = (templates: unknown[]) => ({ ReportIncident_ReplyTemplates: templates });
  const good = { template: 'acknowledge-emergency', language: 'de', text: 'Hallo {{name}}, wir melden uns bis {{date}} zu {{id}}: {{link}}' };

  it('when a community words a reply with the placeholders it may use, then it is accepted as written', () => {
    const r = validate(withTemplates([good, { template: 'acknowledge-community', text: 'Thanks, {{ name }}: we answer by {{date}}.' }]));
    expect(r.ok && r.config.ReportIncident_ReplyTemplates).toEqual([{ ...good, category: '' }, { template: 'acknowledge-community', language: '', category: '', text: 'Thanks, {{ name }}: we answer by {{date}}.' }]);
  });

  it.each(
    named([
      { name: 'an unknown template', input: [{ ...good, template: 'goodbye' }], pointer: '/ReportIncident_ReplyTemplates/0/template' },
      { name: 'a bad language code', input: [{ ...good, language: 'German' }], pointer: '/ReportIncident_ReplyTemplates/0/language', key: 'communityconfig-error-invalid-language' },
      { name: 'a placeholder that does not exist', input: [{ ...good, text: 'Hi {{reporter}}, by {{date}}.' }], pointer: '/ReportIncident_ReplyTemplates/0/text', key: 'communityconfig-error-template-placeholder' },
      { name: 'no date promised', input: [{ ...good, text: 'Thank you, we are on it.' }], pointer: '/ReportIncident_ReplyTemplates/0/text', key: 'communityconfig-error-template-needs-date' },
      { name: 'the same reply twice for one language', input: [good, good], pointer: '/ReportIncident_ReplyTemplates/1/template', key: 'communityconfig-error-template-twice' },
      { name: 'a type of report that does not exist', input: [{ ...good, category: 'rudeness' }], pointer: '/ReportIncident_ReplyTemplates/0/category', key: 'communityconfig-error-template-category' },
      { name: 'an empty text', input: [{ ...good, text: '' }], pointer: '/ReportIncident_ReplyTemplates/0/text' },
      { name: 'a text over 5,000 characters', input: [{ ...good, text: `{{date}}${'x'.repeat(5000)}` }], pointer: '/ReportIncident_ReplyTemplates/0/text' },
    ]),
  )('when a reply template has %s, then it is refused at its field', (_, { input, pointer, key }) => {
    const issues = issuesOf(withTemplates(input));
    expect(issues.map((i) => i.pointer)).toContain(pointer);
    if (key) expect(issues.find((i) => i.pointer === pointer)?.messageKey).toBe(key);
  });
});
