// The Get support page model: which links and help methods each category shows, from the community configuration.
import { describe, expect, it } from 'vitest';
import { type CommunityConfig, CommunityConfigSchema } from '../../../src/communityConfig/communityConfigSchema.js';
import { type Paragraph, paragraphsWithLink, presentSupportPage, resolvePageOrUrl } from '../../../src/support/supportPagePresenter.js';
import { type BehaviorType, behaviorTypes } from '../../../src/taxonomy/taxonomy.js';
import { Namespaces } from '../../../src/wiki/namespaces.js';

const namespaces = new Namespaces('Demo Wiki');
const LINK = '\u0000';

/** A translator that shows the key, with the link placeholder where the message would have it. */
const t = (key: string, params?: Record<string, unknown>) => (params && 'link' in params ? `${key} see ${String(params.link)} now` : `[${key}]`);

const present = (behaviorType: BehaviorType, config: Record<string, unknown> = {}, directReporting = false) =>
  presentSupportPage(behaviorType, CommunityConfigSchema.parse(config), { namespaces, directReporting, t });

/** The plain text of paragraphs, links written as [text](href). */
const textOf = (paragraphs: Paragraph[]) => paragraphs.map((p) => p.map((s) => (s.type === 'link' ? `[${s.text}](${s.href})` : s.text)).join(''));

describe('resolvePageOrUrl', () => {
  it.each([
    ['https://example.org/wiki/Help', 'https://example.org/wiki/Help'],
    ['https://example.org', 'https://example.org/'],
    ['  https://example.org/a?b=c  ', 'https://example.org/a?b=c'],
    ['HTTPS://Example.org/x', 'https://example.org/x'],
  ])('when the value is the https URL %j, then it is used as it is (normalised)', (value, href) => {
    expect(resolvePageOrUrl(value, namespaces)).toBe(href);
  });

  it.each(['http://example.org/wiki/Help', 'ftp://example.org/file', 'javascript://%0aalert(1)', 'JAVASCRIPT://alert(1)', 'data://text/html,x', 'https://', 'https://exa mple.org'])(
    'when the value is %j, then it is refused (only https URLs pass)',
    (value) => {
      expect(resolvePageOrUrl(value, namespaces)).toBeNull();
    },
  );

  it.each(['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<b>x</b>', '//evil.example/path'])(
    'when the value is %j, then it never becomes a script or off-site link: at most a local /wiki/ path',
    (value) => {
      const href = resolvePageOrUrl(value, namespaces);
      // A same-site path (even /wiki///evil.example/path stays on this site: only a leading // leaves it).
      if (href !== null) expect(href).toMatch(/^\/wiki\//);
      expect(href ?? '').not.toMatch(/^(javascript|data):/i);
    },
  );

  it.each([
    ['Demo Wiki:Dispute resolution', '/wiki/Demo_Wiki:Dispute_resolution'],
    ['Project:Help desk', '/wiki/Demo_Wiki:Help_desk'],
    ["Demo Wiki:Administrators' noticeboard", '/wiki/Demo_Wiki:Administrators%27_noticeboard'],
    ['user talk:testing', '/wiki/User_talk:Testing'],
    ['Main Page', '/wiki/Main_Page'],
  ])('when the value is the title %j, then it becomes the path %s', (value, path) => {
    expect(resolvePageOrUrl(value, namespaces)).toBe(path);
  });

  it.each(['Special:Version', 'special:UserLogin', 'Media:Logo.png', 'Foo<bar', 'Talk:', '', '   '])('when the value is %j, then it is refused', (value) => {
    expect(resolvePageOrUrl(value, namespaces)).toBeNull();
  });
});

describe('paragraphsWithLink', () => {
  const link = { href: '/wiki/X', text: 'the page' };

  it('when the message has the placeholder, then the link is put in its place', () => {
    expect(paragraphsWithLink(`Read ${LINK} first.`, link)).toEqual([
      [
        { type: 'text', text: 'Read ' },
        { type: 'link', href: '/wiki/X', text: 'the page', missing: false, title: '' },
        { type: 'text', text: ' first.' },
      ],
    ]);
  });

  it('when the message has blank lines, then it is split into paragraphs, however many blank lines there are', () => {
    expect(paragraphsWithLink('One.\n\nTwo.\n\n\n\nThree.', null)).toEqual([[{ type: 'text', text: 'One.' }], [{ type: 'text', text: 'Two.' }], [{ type: 'text', text: 'Three.' }]]);
  });

  it('when a single newline separates lines, then they stay in one paragraph', () => {
    expect(paragraphsWithLink('One.\nStill one.', null)).toEqual([[{ type: 'text', text: 'One.\nStill one.' }]]);
  });

  it('when the link is in the second paragraph, then only that paragraph has it', () => {
    const result = paragraphsWithLink(`Intro.\n\nSee ${LINK}.`, link);
    expect(result[0]).toEqual([{ type: 'text', text: 'Intro.' }]);
    expect(result[1]!.filter((s) => s.type === 'link')).toHaveLength(1);
  });

  it('when there is no link, then the placeholder is dropped and no empty text is left', () => {
    expect(paragraphsWithLink(`${LINK}Start and end${LINK}`, null)).toEqual([[{ type: 'text', text: 'Start and end' }]]);
  });

  it('when the placeholder starts the message, then the link comes first with no empty text before it', () => {
    expect(paragraphsWithLink(`${LINK} is where to go`, link)).toEqual([
      [
        { type: 'link', href: '/wiki/X', text: 'the page', missing: false, title: '' },
        { type: 'text', text: ' is where to go' },
      ],
    ]);
  });
});

describe('presentSupportPage', () => {
  it.each(behaviorTypes)('when nothing is configured, then the %s page has its label, the default next step and no help methods (the view shows the default text)', (behaviorType) => {
    const view = present(behaviorType);
    expect(view.behaviorType).toBe(behaviorType);
    expect(view.labelKey).toBe(`reportincident-behavior-${behaviorType}`);
    expect(view.helpMethods).toEqual([]);
    expect(view.directReportEmail).toBeNull();
    expect(textOf(view.nextStep)).toEqual([`reportincident-support-${behaviorType}-nextstep see  now`]);
  });

  it('when intimidation has all three methods, then they are listed in order with their links', () => {
    const view = present('intimidation', {
      ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: "Project:Administrators' noticeboard", Email: 'admins@example.org', ContactCommunity: 'https://example.org/ask' },
    });
    expect(view.helpMethods).toEqual([
      { method: 'ContactAdmin', messageKey: 'reportincident-support-helpmethod-contactadmin', href: '/wiki/Demo_Wiki:Administrators%27_noticeboard' },
      { method: 'Email', messageKey: 'reportincident-support-helpmethod-email', href: 'mailto:admins@example.org', email: 'admins@example.org' },
      { method: 'ContactCommunity', messageKey: 'reportincident-support-helpmethod-contactcommunity', href: 'https://example.org/ask' },
    ]);
  });

  it('when a method has an unusable page or URL, then that method is left out and the others stay', () => {
    const view = present('trolling', {
      ReportIncident_NonEmergency_Trolling_HelpMethod: { ContactAdmin: 'http://example.org/admins', Email: 'x@example.org', ContactCommunity: 'Special:Version' },
    });
    expect(view.helpMethods.map((m) => m.method)).toEqual(['Email']);
  });

  it('when a method is only spaces, then it is left out', () => {
    const view = present('trolling', { ReportIncident_NonEmergency_Trolling_HelpMethod: { ContactAdmin: '  ', Email: ' ', ContactCommunity: '' } });
    expect(view.helpMethods).toEqual([]);
  });

  it('when the address has spaces around it, then the mailto link and the address shown are trimmed', () => {
    const view = present('spam', { ReportIncident_NonEmergency_Spam_HelpMethod: { Email: ' spam@example.org ' } });
    expect(view.helpMethods).toEqual([expect.objectContaining({ href: 'mailto:spam@example.org', email: 'spam@example.org' })]);
  });

  it.each([
    ['hate-or-discrimination', 'ReportIncident_NonEmergency_HateSpeech_HelpMethod', ['ContactAdmin', 'Email']],
    ['spam', 'ReportIncident_NonEmergency_Spam_HelpMethod', ['ContactAdmin', 'Email']],
    ['doxing', 'ReportIncident_NonEmergency_Doxing_HelpMethod', ['Email']],
  ] as const)('when %s has every method its category offers, then only those appear (no community contact)', (behaviorType, key, methods) => {
    const all = { ContactAdmin: 'Project:Admins', Email: 'a@example.org', ContactCommunity: 'Project:Help desk' };
    const value = Object.fromEntries(methods.map((m) => [m, all[m]]));
    const view = present(behaviorType, { [key]: value });
    expect(view.helpMethods.map((m) => m.method)).toEqual(methods);
  });

  it('when a category offers only some methods but the data holds another, then the other is not shown', () => {
    // A configuration read permissively may hold more than the schema of the category allows.
    const config = { ...CommunityConfigSchema.parse({}), ReportIncident_NonEmergency_Doxing_HelpMethod: { Email: 'o@example.org', ContactAdmin: 'Project:Admins' } } as unknown as CommunityConfig;
    const view = presentSupportPage('doxing', config, { namespaces, directReporting: false, t });
    expect(view.helpMethods.map((m) => m.method)).toEqual(['Email']);
  });

  describe('warnings', () => {
    it('when the doxing warning is on (the default), then the doxing page warns', () => {
      expect(present('doxing').warningKey).toBe('reportincident-support-doxing-warning');
    });

    it('when the doxing warning is turned off, then the doxing page does not warn', () => {
      expect(present('doxing', { ReportIncident_NonEmergency_Doxing_ShowWarning: false }).warningKey).toBeNull();
    });

    it('when the page is "other", then its warning always shows', () => {
      expect(present('other').warningKey).toBe('reportincident-support-other-warning');
    });

    it.each(behaviorTypes.filter((b) => b !== 'doxing' && b !== 'other'))('when the page is %s, then there is no warning', (behaviorType) => {
      expect(present(behaviorType, { ReportIncident_NonEmergency_Doxing_ShowWarning: true }).warningKey).toBeNull();
    });
  });

  describe('the next step and its configured link', () => {
    it.each([
      ['intimidation', 'ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL', 'reportincident-support-link-dispute'],
      ['doxing', 'ReportIncident_NonEmergency_Doxing_HideEditURL', 'reportincident-support-link-hide'],
      ['spam', 'ReportIncident_NonEmergency_Spam_SpamContentURL', 'reportincident-support-link-spam'],
      ['something-else', 'ReportIncident_NonEmergency_Other_DisputeResolutionURL', 'reportincident-support-link-dispute'],
    ] as const)('when %s has its page configured, then the "-link" variant of the next step links to it', (behaviorType, key, linkText) => {
      const view = present(behaviorType, { [key]: 'Project:Some page' });
      expect(textOf(view.nextStep)).toEqual([`reportincident-support-${behaviorType}-nextstep-link see [[${linkText}]](/wiki/Demo_Wiki:Some_page) now`]);
    });

    it('when the configured page is unusable, then the default next step is shown without a link', () => {
      const view = present('intimidation', { ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL: 'http://insecure.example.org' });
      expect(textOf(view.nextStep)).toEqual(['reportincident-support-intimidation-nextstep see  now']);
      expect(view.nextStep.flat().some((s) => s.type === 'link')).toBe(false);
    });

    it('when another category\'s page is configured, then it does not change this page', () => {
      const view = present('trolling', { ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL: 'Project:Some page' });
      expect(view.nextStep.flat().some((s) => s.type === 'link')).toBe(false);
    });
  });

  describe('direct reporting', () => {
    const withEmail = { ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: 'Project:Admins', Email: 'admins@example.org', ContactCommunity: 'Project:Help desk' } };

    it('when direct reporting is on and the category has an address, then the form replaces every contact method', () => {
      const view = present('intimidation', withEmail, true);
      expect(view.helpMethods).toEqual([]);
      expect(view.directReportEmail).toBe('admins@example.org');
    });

    it('when direct reporting is off, then the contact methods are shown and no form', () => {
      const view = present('intimidation', withEmail, false);
      expect(view.helpMethods).toHaveLength(3);
      expect(view.directReportEmail).toBeNull();
    });

    it('when direct reporting is on but the category has no address, then the contact methods stay', () => {
      const view = present('intimidation', { ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: 'Project:Admins' } }, true);
      expect(view.helpMethods.map((m) => m.method)).toEqual(['ContactAdmin']);
      expect(view.directReportEmail).toBeNull();
    });

    it('when direct reporting is on for something else, then it keeps its mailto link: it is never direct', () => {
      const view = present('something-else', { ReportIncident_NonEmergency_SomethingElse_HelpMethod: { Email: 'else@example.org' } }, true);
      expect(view.directReportEmail).toBeNull();
      expect(view.helpMethods).toEqual([expect.objectContaining({ method: 'Email', href: 'mailto:else@example.org' })]);
    });
  });
});
