/** Editing the community configuration: strict validation, saves as revisions of its wiki page, history and restore. */
import type { UserAccount } from '../accounts/UserAccount.js';
import type { Result } from '../shared/Result.js';
import { err, ok } from '../shared/Result.js';
import type { Namespaces } from '../wiki/namespaces.js';
import type { RevisionRecord } from '../wiki/PageRepository.js';
import type { PageService } from '../wiki/PageService.js';
import type { Title } from '../wiki/Title.js';
import { COMMUNITY_CONFIG_VERSION, type CommunityConfig, communityConfigShape } from './communityConfigSchema.js';
import type { CommunityConfigProvider } from './CommunityConfigProvider.js';
import { type ConfigIssue, type ValidatorDeps, validateCommunityConfig } from './communityConfigValidator.js';
import { parseTitle } from '../wiki/Title.js';
import { parseStrictJson } from '../shared/strictJson.js';

/** Documents larger than this are refused. */
export const MAX_CONFIG_BYTES = 64 * 1024;
export const EDITOR_GROUP = 'interface-admin';

export type SaveResult = { ok: true; revId: number } | { ok: false; issues: ConfigIssue[]; line?: number; column?: number };

export class CommunityConfigService {
  constructor(
    private readonly provider: CommunityConfigProvider,
    private readonly pages: PageService,
    private readonly pageTitle: Title,
    private readonly namespaces: Namespaces,
    private readonly userExists: (name: string) => Promise<boolean>,
  ) {}

  canEdit(user: UserAccount | null): boolean {
    return user !== null && user.groups.includes(EDITOR_GROUP);
  }

  async current(): Promise<CommunityConfig> {
    return this.provider.current();
  }

  get title(): Title {
    return this.pageTitle;
  }

  /** The stored text of the latest revision, or the defaults serialised when the page does not exist yet. */
  async currentJson(): Promise<{ json: string; revId: number | null }> {
    const page = await this.pages.find(this.pageTitle);
    const revision = page ? await this.pages.revision(page.latestRevId) : null;
    return revision?.content ? { json: revision.content, revId: revision.id } : { json: serialise(await this.current()), revId: null };
  }

  async history(limit = 50): Promise<RevisionRecord[]> {
    const page = await this.pages.find(this.pageTitle);
    return page ? await this.pages.history(page, Number.MAX_SAFE_INTEGER, limit) : [];
  }

  async revision(revId: number): Promise<RevisionRecord | null> {
    const page = await this.pages.find(this.pageTitle);
    const rev = await this.pages.revision(revId);
    return page && rev && rev.pageId === page.id ? rev : null;
  }

  async validate(input: unknown) {
    return validateCommunityConfig(input, await this.lookups(input));
  }

  /** The pages and accounts the configuration names, looked up before the (synchronous) validation: one query for the pages. */
  private async lookups(input: unknown): Promise<ValidatorDeps> {
    const strings: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(input);
    const titles = strings.flatMap((s) => {
      const title = parseTitle(s.split('#')[0]!.trim(), this.namespaces);
      return title.ok ? [title.value] : [];
    });
    const existing = await this.pages.existing(titles);
    const testers = (input as { ReportIncidentE2ETesterUsers?: unknown } | null)?.ReportIncidentE2ETesterUsers;
    const known = new Set<string>();
    for (const name of Array.isArray(testers) ? testers : []) if (typeof name === 'string' && (await this.userExists(name))) known.add(name);
    return { namespaces: this.namespaces, pageExists: (t) => existing.has(`${t.namespace}:${t.dbKey}`), userExists: (name) => known.has(name) };
  }

  /** Parses JSON text strictly (duplicate keys, size, syntax with line and column), then validates it. */
  async parseAndValidate(text: string): Promise<{ ok: true; config: CommunityConfig } | { ok: false; issues: ConfigIssue[]; line?: number; column?: number }> {
    const parsed = parseStrictJson(text, MAX_CONFIG_BYTES);
    if (!parsed.ok) {
      const p = parsed.problem;
      return { ok: false, issues: [{ pointer: p.pointer, messageKey: p.messageKey, params: { ...p.params, line: p.line, column: p.column } }], line: p.line, column: p.column };
    }
    return this.validate(parsed.value);
  }

  /**
   * Saves a valid configuration as a new revision. `baseRevId` is the revision the editor started from:
   * if someone saved meanwhile, nothing is overwritten and the editor is told.
   */
  async save(user: UserAccount, config: CommunityConfig, summary: string, baseRevId: number | null): Promise<Result<{ revId: number }>> {
    if (!this.canEdit(user)) return err('communityconfig-error-permission', {}, 403);
    const latest = (await this.pages.find(this.pageTitle))?.latestRevId ?? null;
    if (baseRevId !== null && latest !== baseRevId) return err('communityconfig-error-edit-conflict', {}, 409);
    const saved = await this.pages.saveText(this.pageTitle, { user }, serialise(config), summary.trim().slice(0, 500));
    if (!saved.ok) return saved;
    this.provider.forget();
    return ok({ revId: saved.value.revId });
  }

  /** Makes an old revision current again, as a new revision; it must still be valid today. */
  async restore(user: UserAccount, revId: number, summary: string): Promise<SaveResult> {
    const rev = await this.revision(revId);
    if (!rev || rev.content === null) return { ok: false, issues: [{ pointer: '', messageKey: 'communityconfig-error-no-such-revision', params: { revId } }] };
    const checked = await this.parseAndValidate(rev.content);
    if (!checked.ok) return checked;
    if (!this.canEdit(user)) return { ok: false, issues: [{ pointer: '', messageKey: 'communityconfig-error-permission', params: {} }] };
    // The old text exactly as it was, so the diff against it is empty.
    const saved = await this.pages.saveText(this.pageTitle, { user }, rev.content, summary.trim().slice(0, 500));
    if (saved.ok) this.provider.forget();
    return saved.ok ? { ok: true, revId: saved.value.revId } : { ok: false, issues: [{ pointer: '', messageKey: saved.messageKey, params: saved.params ?? {} }] };
  }
}

/** The stored form: the schema's key order, two-space indentation, and the schema version first. */
export function serialise(config: CommunityConfig): string {
  const ordered: Record<string, unknown> = { $version: COMMUNITY_CONFIG_VERSION };
  for (const key of Object.keys(communityConfigShape)) ordered[key] = (config as Record<string, unknown>)[key];
  return JSON.stringify(ordered, null, 2) + '\n';
}
