/** Pages and revisions: looking them up, saving text pages, and the history of edits. */
import type { Block, UserAccount } from '../accounts/UserAccount.js';
import type { UserRepository } from '../accounts/UserRepository.js';
import type { Clock } from '../shared/Clock.js';
import type { Result } from '../shared/Result.js';
import { err, ok } from '../shared/Result.js';
import { canEdit } from './editPolicy.js';
import type { Namespaces } from './namespaces.js';
import { NS_MEDIAWIKI, NS_USER } from './namespaces.js';
import type { ContentModel, PageRecord, PageRepository, RevisionRecord, RevisionWithPage } from './PageRepository.js';
import type { Title } from './Title.js';

/** Who made an edit: an account, or an IP address for the logged-out edits the demo seeds. */
export type Actor = { user: UserAccount } | { ip: string };

export function actorName(actor: Actor): string {
  return 'user' in actor ? actor.user.name : actor.ip;
}

export class PageService {
  constructor(
    private readonly pages: PageRepository,
    private readonly users: UserRepository,
    private readonly namespaces: Namespaces,
    private readonly clock: Clock,
  ) {}

  contentModelFor(title: Title): ContentModel {
    if (this.namespaces.isTalk(title.namespace)) return 'talk';
    if ((title.namespace === NS_MEDIAWIKI || title.namespace === NS_USER) && title.text.endsWith('.json')) return 'json';
    return 'wikitext';
  }

  async find(title: Title): Promise<PageRecord | null> {
    return await this.pages.findPage(title.namespace, title.dbKey);
  }

  async findById(id: number): Promise<PageRecord | null> {
    return await this.pages.findPageById(id);
  }

  async revision(id: number): Promise<RevisionRecord | null> {
    return await this.pages.findRevision(id);
  }

  /** A revision and the page it belongs to (as MediaWiki, the revision decides the page). */
  async revisionWithPage(id: number): Promise<{ revision: RevisionRecord; page: PageRecord } | null> {
    return await this.pages.findRevisionWithPage(id);
  }

  async history(page: PageRecord, before: number, limit: number): Promise<RevisionRecord[]> {
    return await this.pages.history(page.id, before, limit);
  }

  async nextRevisionId(page: PageRecord, revId: number): Promise<number | null> {
    return await this.pages.nextRevisionId(page.id, revId);
  }

  async revisionCount(page: PageRecord): Promise<number> {
    return await this.pages.revisionCount(page.id);
  }

  async contributions(name: string, before: number, limit: number): Promise<RevisionWithPage[]> {
    return await this.pages.contributions(name, before, limit);
  }

  async existing(titles: Title[]): Promise<Set<string>> {
    return await this.pages.existing(titles.map((t) => ({ namespace: t.namespace, title: t.dbKey })));
  }

  /** Whether this user may edit this page now; anonymous users and blocks are refused. */
  async editDecision(user: UserAccount | null, title: Title, page: PageRecord | null) {
    return this.editDecisionWith(user, user ? await this.users.activeBlocks(user.id, this.clock.now()) : [], title, page);
  }

  /** The same, with the user's blocks in force already read (a request reads them with the user). */
  editDecisionWith(user: UserAccount | null, blocks: readonly Block[], title: Title, page: PageRecord | null) {
    return canEdit(user, [...blocks], { id: page?.id ?? null, namespace: title.namespace });
  }

  /**
   * Records one edit: creates the page when new, adds the revision, and counts the edit for the author,
   * all in one transaction. `write` adds the page's own rows (talk items) for the new revision.
   */
  async recordEdit(
    title: Title,
    actor: Actor,
    edit: { summary: string; content: string | null; sizeDelta: number; createdAt?: number },
    write: (page: PageRecord, revId: number) => Promise<void> = async () => {},
  ): Promise<{ page: PageRecord; revId: number }> {
    return await this.pages.transaction(async () => {
      let page = await this.find(title);
      if (!page) {
        await this.pages.createPage(title.namespace, title.dbKey, this.contentModelFor(title));
        page = (await this.find(title))!;
      }
      const parent = page.latestRevId ? await this.pages.findRevision(page.latestRevId) : null;
      const revId = await this.pages.addRevision({
        pageId: page.id,
        parentId: parent?.id ?? null,
        actorUserId: 'user' in actor ? actor.user.id : null,
        actorName: actorName(actor),
        createdAt: edit.createdAt ?? this.clock.now(),
        summary: edit.summary,
        content: edit.content,
        size: edit.content !== null ? Buffer.byteLength(edit.content) : (parent?.size ?? 0) + edit.sizeDelta,
      });
      await write(page, revId);
      if ('user' in actor) await this.users.incrementEditCount(actor.user.id);
      return { page: { ...page, latestRevId: revId }, revId };
    });
  }

  /** Saves the whole text of a wikitext or JSON page as a new revision. */
  async saveText(title: Title, actor: Actor, content: string, summary: string, createdAt?: number): Promise<Result<{ page: PageRecord; revId: number }>> {
    if (this.contentModelFor(title) === 'talk') return err('edit-error-talk-page-text');
    if ('user' in actor) {
      const decision = await this.editDecision(actor.user, title, await this.find(title));
      if (!decision.allowed) return err(decision.messageKey);
    }
    return ok(await this.recordEdit(title, actor, { summary, content, sizeDelta: 0, ...(createdAt ? { createdAt } : {}) }));
  }
}
