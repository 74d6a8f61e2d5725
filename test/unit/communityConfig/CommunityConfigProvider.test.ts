// The community configuration: its schema's defaults, and the provider's permissive read of the wiki page
// (a broken edit never takes the Get support pages down; what is wrong is logged and defaulted).
import { describe, expect, it } from 'vitest';
import { CommunityConfigProvider } from '../../../src/communityConfig/CommunityConfigProvider.js';
import { COMMUNITY_CONFIG_PAGE, CommunityConfigSchema, defaultCommunityConfig, subHeaderKeys, withoutSubHeaders } from '../../../src/communityConfig/communityConfigSchema.js';
import { MemoryLogger } from '../../../src/shared/Logger.js';
import { Namespaces } from '../../../src/wiki/namespaces.js';
import type { PageService } from '../../../src/wiki/PageService.js';
import { parseTitle, type Title } from '../../../src/wiki/Title.js';

const namespaces = new Namespaces('Demo Wiki');

function configTitle(): Title {
  const parsed = parseTitle(COMMUNITY_CONFIG_PAGE, namespaces);
  if (!parsed.ok) throw new Error('bad title');
  return parsed.value;
}

/** A page store holding the configuration page's revisions (only what the provider reads: find and revision). */
class FakePages {
  readonly revisions: string[] = [];
  reads = 0;
  save(content: string): void {
    this.revisions.push(content);
  }
  find(title: Title) {
    if (!title.equals(configTitle()) || this.revisions.length === 0) return null;
    return { id: 1, namespace: title.namespace, title: title.dbKey, latestRevId: this.revisions.length };
  }
  revision(id: number) {
    this.reads += 1;
    const content = this.revisions[id - 1];
    return content === undefined ? null : { id, pageId: 1, content };
  }
}

function build(): { pages: FakePages; logger: MemoryLogger; provider: CommunityConfigProvider } {
  const pages = new FakePages();
  const logger = new MemoryLogger();
  const provider = new CommunityConfigProvider(pages as unknown as PageService, configTitle(), logger);
  return { pages, logger, provider };
}

describe('CommunityConfigSchema', () => {
  it('when an empty object is parsed, then it succeeds and gives every default (the emergency fallback)', async () => {
    const config = CommunityConfigSchema.parse({});
    expect(config.ReportIncidentEnabledNamespaces).toEqual([]);
    expect(config.ReportIncidentE2ETesterUsers).toEqual([]);
    expect(config.ReportIncident_NonEmergency_Doxing_ShowWarning).toBe(true);
    expect(config.ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL).toBe('');
    expect(config.ReportIncident_NonEmergency_Intimidation_HelpMethod).toEqual({ ContactAdmin: '', Email: '', ContactCommunity: '' });
    expect(config.ReportIncident_NonEmergency_HateSpeech_HelpMethod).toEqual({ ContactAdmin: '', Email: '' });
    expect(config.ReportIncident_NonEmergency_Spam_HelpMethod).toEqual({ ContactAdmin: '', Email: '' });
    expect(config.ReportIncident_NonEmergency_Doxing_HelpMethod).toEqual({ Email: '' });
    expect(config.ReportIncident_Emergency_ResponseTimeHours).toBe(24);
    expect(config.ReportIncident_CrisisResources.length).toBeGreaterThan(0);
    for (const r of config.ReportIncident_CrisisResources) expect(r.url).toMatch(/^https:\/\//);
  });

  it('when the defaults are asked for, then they equal the parse of an empty object, freshly made each time', async () => {
    const a = defaultCommunityConfig();
    expect(a).toEqual(CommunityConfigSchema.parse({}));
    a.ReportIncidentEnabledNamespaces.push(1);
    expect(defaultCommunityConfig().ReportIncidentEnabledNamespaces).toEqual([]);
  });

  it('when a help-method object is given in part, then its other fields get their defaults', async () => {
    const config = CommunityConfigSchema.parse({ ReportIncident_NonEmergency_Trolling_HelpMethod: { Email: 'trolls@example.org' } });
    expect(config.ReportIncident_NonEmergency_Trolling_HelpMethod).toEqual({ ContactAdmin: '', Email: 'trolls@example.org', ContactCommunity: '' });
  });

  it.each([
    ['an unknown top-level key', { Bogus: 1 }],
    ['an unknown help method', { ReportIncident_NonEmergency_Spam_HelpMethod: { ContactCommunity: 'x' } }],
    ['a string where a boolean belongs', { ReportIncident_NonEmergency_Doxing_ShowWarning: 'yes' }],
    ['a negative namespace', { ReportIncidentEnabledNamespaces: [-1] }],
    ['a response time of 0 hours', { ReportIncident_Emergency_ResponseTimeHours: 0 }],
  ])('when the input has %s, then the strict schema refuses it', (_, input) => {
    expect(CommunityConfigSchema.safeParse(input).success).toBe(false);
  });
});

describe('withoutSubHeaders', () => {
  it('when the original\'s empty sub-header objects are present, then they are dropped and nothing else is', () => {
    const input = { ReportIncident_NonEmergency_Intimidation: {}, ReportIncident_NonEmergency_Doxing: {}, ReportIncident_NonEmergency_Doxing_ShowWarning: false };
    expect(withoutSubHeaders(input)).toEqual({ ReportIncident_NonEmergency_Doxing_ShowWarning: false });
  });

  it('when the list of sub-headers is read, then it names each of the 12 categories once', async () => {
    expect(new Set(subHeaderKeys).size).toBe(12);
  });
});

describe('CommunityConfigProvider', () => {
  it('when the page does not exist, then the defaults are used and nothing is logged', async () => {
    const { provider, logger } = build();
    expect(await provider.current()).toEqual(defaultCommunityConfig());
    expect(logger.lines).toEqual([]);
  });

  it('when the page holds a valid configuration, then it is used as it is', async () => {
    const { pages, provider, logger } = build();
    pages.save(JSON.stringify({ ReportIncident_NonEmergency_Doxing_ShowWarning: false, ReportIncidentEnabledNamespaces: [3] }));
    const config = await provider.current();
    expect(config.ReportIncident_NonEmergency_Doxing_ShowWarning).toBe(false);
    expect(config.ReportIncidentEnabledNamespaces).toEqual([3]);
    expect(config.ReportIncident_Emergency_ResponseTimeHours).toBe(24);
    expect(logger.lines).toEqual([]);
  });

  it('when some fields are invalid, then the valid ones are kept, the bad ones get their defaults, and a warning names them', async () => {
    const { pages, provider, logger } = build();
    pages.save(
      JSON.stringify({
        ReportIncident_NonEmergency_Intimidation_HelpMethod: { Email: 'admins@example.org' },
        ReportIncident_NonEmergency_Doxing_ShowWarning: 'no',
        ReportIncident_NonEmergency_Spam_HelpMethod: { Email: 'spam@example.org', ContactCommunity: 'Project:X' },
        ReportIncident_Emergency_ResponseTimeHours: 3,
        ReportIncidentEnabledNamespaces: 'all',
      }),
    );
    const config = await provider.current();
    expect(config.ReportIncident_NonEmergency_Intimidation_HelpMethod).toEqual({ ContactAdmin: '', Email: 'admins@example.org', ContactCommunity: '' });
    expect(config.ReportIncident_Emergency_ResponseTimeHours).toBe(3);
    expect(config.ReportIncident_NonEmergency_Doxing_ShowWarning).toBe(true);
    expect(config.ReportIncident_NonEmergency_Spam_HelpMethod).toEqual({ ContactAdmin: '', Email: '' });
    expect(config.ReportIncidentEnabledNamespaces).toEqual([]);
    const warnings = logger.lines.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.fields).toMatchObject({ revId: 1 });
    expect((warnings[0]!.fields!.fields as string[]).sort()).toEqual(['ReportIncidentEnabledNamespaces', 'ReportIncident_NonEmergency_Doxing_ShowWarning', 'ReportIncident_NonEmergency_Spam_HelpMethod']);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('when a revision saved before the look-alike checks holds such an address, then it is not served: a list loses that entry, another field gets its default (#16)', async () => {
    const { pages, logger, provider } = build();
    pages.save(JSON.stringify({
      ReportIncident_CrisisResources: [
        { name: 'Find A Helpline', url: 'https://findahelpline.com@evil.example/' },
        { name: 'Real line', url: 'https://findahelpline.com/' },
      ],
      ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL: 'https://wikipedi\u0430.org/wiki/Help',
      ReportIncident_NonEmergency_Other_DisputeResolutionURL: 'https://example.org/help',
    }));
    const config = await provider.current();
    expect(config.ReportIncident_CrisisResources.map((r) => r.name)).toEqual(['Real line']);
    expect(config.ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL).toBe(defaultCommunityConfig().ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL);
    expect(config.ReportIncident_NonEmergency_Other_DisputeResolutionURL).toBe('https://example.org/help');
    expect(logger.lines).toHaveLength(1);
    expect([...(logger.lines[0]!.fields?.fields as string[])].sort()).toEqual(['ReportIncident_CrisisResources', 'ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL']);
  });

  it('when the page has the original\'s empty sub-header objects, then they are ignored without a warning', async () => {
    const { pages, provider, logger } = build();
    pages.save(JSON.stringify({ ReportIncident_NonEmergency_Intimidation: {}, ReportIncident_NonEmergency_Doxing: {}, ReportIncident_NonEmergency_Other: {}, ReportIncident_NonEmergency_Doxing_HideEditURL: 'Project:Oversight' }));
    expect((await provider.current()).ReportIncident_NonEmergency_Doxing_HideEditURL).toBe('Project:Oversight');
    expect(logger.lines).toEqual([]);
  });

  it('when the page has keys the schema does not know, then they are left out of the configuration', async () => {
    const { pages, provider } = build();
    pages.save(JSON.stringify({ SomethingNew: 1, ReportIncident_NonEmergency_Doxing_ShowWarning: false }));
    const config = (await provider.current()) as Record<string, unknown>;
    expect(config.SomethingNew).toBeUndefined();
    expect(config.ReportIncident_NonEmergency_Doxing_ShowWarning).toBe(false);
  });

  it.each(['{ not json', '', '{"a": 1,}'])('when the page is not valid JSON (%j), then every default is used and an error is logged', async (content) => {
    const { pages, provider, logger } = build();
    pages.save(content);
    expect(await provider.current()).toEqual(defaultCommunityConfig());
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'error', fields: expect.objectContaining({ revId: 1 }) })]);
  });

  it.each(['[]', 'null', '42', '"text"', '[{"ReportIncident_NonEmergency_Doxing_ShowWarning": false}]'])('when the page is JSON but not an object (%s), then every default is used and an error is logged', async (content) => {
    const { pages, provider, logger } = build();
    pages.save(content);
    expect(await provider.current()).toEqual(defaultCommunityConfig());
    expect(logger.lines.map((l) => l.level)).toEqual(['error']);
  });

  it('when nothing was saved since the last read, then the cached configuration is returned without reading the page again', async () => {
    const { pages, provider } = build();
    pages.save(JSON.stringify({ ReportIncident_Emergency_ResponseTimeHours: 5 }));
    const first = await provider.current();
    const reads = pages.reads;
    expect(await provider.current()).toBe(first);
    expect(pages.reads).toBe(reads);
  });

  it('when a new revision is saved, then the next read uses it', async () => {
    const { pages, provider } = build();
    pages.save(JSON.stringify({ ReportIncident_Emergency_ResponseTimeHours: 5 }));
    expect((await provider.current()).ReportIncident_Emergency_ResponseTimeHours).toBe(5);
    pages.save(JSON.stringify({ ReportIncident_Emergency_ResponseTimeHours: 6 }));
    expect((await provider.current()).ReportIncident_Emergency_ResponseTimeHours).toBe(6);
  });

  it('when a broken revision follows a good one, then the defaults are used (not the last good one) and it is logged once', async () => {
    const { pages, provider, logger } = build();
    pages.save(JSON.stringify({ ReportIncident_Emergency_ResponseTimeHours: 5 }));
    await provider.current();
    pages.save('{ broken');
    expect(await provider.current()).toEqual(defaultCommunityConfig());
    await provider.current();
    expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
  });

  it('when readLeniently is called directly, then it parses the content it is given', async () => {
    const { provider } = build();
    expect(provider.readLeniently('{"ReportIncident_NonEmergency_Doxing_ShowWarning": false}', 9).ReportIncident_NonEmergency_Doxing_ShowWarning).toBe(false);
  });
});
