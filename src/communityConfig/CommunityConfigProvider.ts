/**
 * Reads the community configuration from the wiki page MediaWiki:IncidentReportingConfig.json.
 * Permissive on read: a field that no longer validates falls back to its default and is logged, so a
 * broken edit never takes down the pages a harassed person relies on.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../shared/Logger.js';
import type { PageService } from '../wiki/PageService.js';
import type { Title } from '../wiki/Title.js';
import { type CommunityConfig, communityConfigShape, defaultCommunityConfig, withoutSubHeaders } from './communityConfigSchema.js';
import { checkHttpsUrl, LOOKALIKE_PROBLEMS } from './safeUrl.js';

/** Whether a value holds, anywhere, an https address that leads elsewhere than it reads. */
function holdsLookalike(value: unknown): boolean {
  if (typeof value === 'string') {
    const v = value.trim();
    if (!/^https?:\/\//i.test(v)) return false;
    const problem = checkHttpsUrl(v);
    return problem !== null && LOOKALIKE_PROBLEMS.includes(problem.messageKey);
  }
  if (value && typeof value === 'object') return Object.values(value).some(holdsLookalike);
  return false;
}

export class CommunityConfigProvider {
  private cached: { revId: number | null; config: CommunityConfig } | null = null;
  /** The read each request in flight shares. */
  private readonly requests = new AsyncLocalStorage<{ config?: Promise<CommunityConfig> }>();

  constructor(
    private readonly pages: PageService,
    private readonly pageTitle: Title,
    private readonly logger: Logger,
  ) {}

  /**
   * The configuration of the page's latest revision. The latest revision's id is read for every request (a save by
   * another process, or by the CLI, is in force at once), once: a request's later uses share that read. Outside a
   * request (the CLI, the mail worker) it is read each time. The text is parsed again only when it changed.
   */
  async current(): Promise<CommunityConfig> {
    const request = this.requests.getStore();
    if (!request) return this.read();
    request.config ??= this.read();
    return request.config;
  }

  /** Handles one request: the configuration is read at most once in it, at its first use. */
  forRequest<T>(handle: () => T): T {
    return this.requests.run({}, handle);
  }

  /** After a save in this request: its next use reads the configuration again. */
  forget(): void {
    const request = this.requests.getStore();
    if (request) delete request.config;
  }

  private async read(): Promise<CommunityConfig> {
    const page = await this.pages.find(this.pageTitle);
    const revId = page?.latestRevId ?? null;
    if (this.cached && this.cached.revId === revId) return this.cached.config;
    const content = revId !== null ? ((await this.pages.revision(revId))?.content ?? null) : null;
    const config = content === null ? defaultCommunityConfig() : this.readLeniently(content, revId!);
    this.cached = { revId, config };
    return config;
  }

  /**
   * The configuration as the last call of current() found it. Each request loads it first (requestContext), so this is
   * the configuration in force for the request, for code that cannot wait (the menus of every comment).
   */
  latest(): CommunityConfig {
    if (!this.cached) throw new Error('the community configuration was not loaded yet: await current() first');
    return this.cached.config;
  }

  /** Parses each field on its own; a bad field gets its default, the rest are kept. */
  readLeniently(content: string, revId: number): CommunityConfig {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch (e) {
      this.logger.error('community configuration is not valid JSON; using the defaults', { revId, error: (e as Error).message });
      return defaultCommunityConfig();
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      this.logger.error('community configuration is not a JSON object; using the defaults', { revId });
      return defaultCommunityConfig();
    }
    const input = withoutSubHeaders(data as Record<string, unknown>);
    const config = defaultCommunityConfig() as Record<string, unknown>;
    const invalid: string[] = [];
    for (const [key, schema] of Object.entries(communityConfigShape)) {
      if (!Object.hasOwn(input, key)) continue;
      const parsed = schema.safeParse(input[key]);
      if (!parsed.success) {
        invalid.push(key);
        continue;
      }
      // An address saved before the look-alike checks existed is not served (#16): a list loses that entry only.
      if (Array.isArray(parsed.data)) {
        const kept = parsed.data.filter((entry) => !holdsLookalike(entry));
        if (kept.length !== parsed.data.length) invalid.push(key);
        config[key] = kept;
      } else if (holdsLookalike(parsed.data)) invalid.push(key);
      else config[key] = parsed.data;
    }
    if (invalid.length) this.logger.warn('community configuration fields are invalid; their defaults are used', { revId, fields: invalid });
    return config as CommunityConfig;
  }
}
