/** Pages and revisions: looking them up, saving text pages, and the history of edits. */
import type { UserAccount } from '../accounts/UserAccount.js';
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

  find(title: Title): PageRecord | null {
    return this.pages.findPage(title.namespace, title.dbKey);
  }

  findById(id: number): PageRecord | null {
    return this.pages.findPageById(id);
  }

  revision(id: number): RevisionRecord | null {
    return this.pages.findRevision(id);
  }

  history(page: PageRecord, before: number, limit: number): RevisionRecord[] {
    return this.pages.history(page.id, before, limit);
  }

  nextRevisionId(page: PageRecord, revId: number): number | null {
    return this.pages.nextRevisionId(page.id, revId);
  }

  revisionCount(page: PageRecord): number {
    return this.pages.revisionCount(page.id);
  }

  contributions(name: string, before: number, limit: number): RevisionWithPage[] {
    return this.pages.contributions(name, before, limit);
  }

  existing(titles: Title[]): Set<string> {
    return this.pages.existing(titles.map((t) => ({ namespace: t.namespace, title: t.dbKey })));
  }

  /** Whether this user may edit this page now; anonymous users and blocks are refused. */
  editDecision(user: UserAccount | null, title: Title, page: PageRecord | null) {
    const blocks = user ? this.users.activeBlocks(user.id, this.clock.now()) : [];
    return canEdit(user, blocks, { id: page?.id ?? null, namespace: title.namespace });
  }

  /**
   * Records one edit: creates the page when new, adds the revision, and counts the edit for the author,
   * all in one transaction. `write` adds the page's own rows (talk items) for the new revision.
   */
  recordEdit(
    title: Title,
    actor: Actor,
    edit: { summary: string; content: string | null; sizeDelta: number; createdAt?: number },
    write: (page: PageRecord, revId: number) => void = () => {},
  ): { page: PageRecord; revId: number } {
    return this.pages.transaction(() => {
      let page = this.find(title);
      if (!page) {
        this.pages.createPage(title.namespace, title.dbKey, this.contentModelFor(title));
        page = this.find(title)!;
      }
      const parent = page.latestRevId ? this.pages.findRevision(page.latestRevId) : null;
      const revId = this.pages.addRevision({
        pageId: page.id,
        parentId: parent?.id ?? null,
        actorUserId: 'user' in actor ? actor.user.id : null,
        actorName: actorName(actor),
        createdAt: edit.createdAt ?? this.clock.now(),
        summary: edit.summary,
        content: edit.content,
        size: edit.content !== null ? Buffer.byteLength(edit.content) : (parent?.size ?? 0) + edit.sizeDelta,
      });
      write(page, revId);
      if ('user' in actor) this.users.incrementEditCount(actor.user.id);
      return { page: { ...page, latestRevId: revId }, revId };
    });
  }

  /** Saves the whole text of a wikitext or JSON page as a new revision. */
  saveText(title: Title, actor: Actor, content: string, summary: string, createdAt?: number): Result<{ page: PageRecord; revId: number }> {
    if (this.contentModelFor(title) === 'talk') return err('edit-error-talk-page-text');
    if ('user' in actor) {
      const decision = this.editDecision(actor.user, title, this.find(title));
      if (!decision.allowed) return err(decision.messageKey);
    }
    return ok(this.recordEdit(title, actor, { summary, content, sizeDelta: 0, ...(createdAt ? { createdAt } : {}) }));
  }
}
