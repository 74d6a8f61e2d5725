/** SQL for pages and their revisions. */
import { dialectOf } from '../storage/dialect.js';
import type { SqlDatabase } from '../storage/SqlDatabase.js';

export type ContentModel = 'wikitext' | 'json' | 'talk';

export interface PageRecord {
  id: number;
  namespace: number;
  title: string;
  contentModel: ContentModel;
  latestRevId: number;
}

export interface RevisionRecord {
  id: number;
  pageId: number;
  parentId: number | null;
  actorUserId: number | null;
  actorName: string;
  createdAt: number;
  summary: string;
  content: string | null;
  size: number;
}

export interface RevisionWithPage extends RevisionRecord {
  namespace: number;
  title: string;
}

/** A revision before it is stored: the database gives its id. */
export type NewRevision = Omit<RevisionRecord, 'id'>;

interface PageRow {
  page_id: number;
  namespace: number;
  title: string;
  content_model: ContentModel;
  latest_rev_id: number;
}

interface RevisionRow {
  rev_id: number;
  page_id: number;
  parent_rev_id: number | null;
  actor_user_id: number | null;
  actor_name: string;
  created_at: number;
  summary: string;
  content: string | null;
  size: number;
  namespace?: number;
  title?: string;
}

const toPage = (r: PageRow): PageRecord => ({
  id: r.page_id,
  namespace: r.namespace,
  title: r.title,
  contentModel: r.content_model,
  latestRevId: r.latest_rev_id,
});

const toRevision = (r: RevisionRow): RevisionRecord => ({
  id: r.rev_id,
  pageId: r.page_id,
  parentId: r.parent_rev_id,
  actorUserId: r.actor_user_id,
  actorName: r.actor_name,
  createdAt: r.created_at,
  summary: r.summary,
  content: r.content,
  size: r.size,
});

export class PageRepository {
  constructor(private readonly sql: SqlDatabase) {}

  async findPage(namespace: number, title: string): Promise<PageRecord | null> {
    const row = await this.sql.get<PageRow>('SELECT * FROM pages WHERE namespace = ? AND title = ?', [namespace, title]);
    return row ? toPage(row) : null;
  }

  async findPageById(id: number): Promise<PageRecord | null> {
    const row = await this.sql.get<PageRow>('SELECT * FROM pages WHERE page_id = ?', [id]);
    return row ? toPage(row) : null;
  }

  /** Which of these pages exist, in one query (for red links). */
  async existing(titles: { namespace: number; title: string }[]): Promise<Set<string>> {
    if (titles.length === 0) return new Set();
    const rows = await this.sql.all<{ namespace: number; title: string }>(
      `SELECT namespace, title FROM pages WHERE (namespace || ':' || title) IN ${dialectOf(this.sql.engine).jsonTexts('?')}`,
      [JSON.stringify(titles.map((t) => `${t.namespace}:${t.title}`))],
    );
    return new Set(rows.map((r) => `${r.namespace}:${r.title}`));
  }

  async createPage(namespace: number, title: string, model: ContentModel): Promise<number> {
    const row = await this.sql.get<{ page_id: number }>('INSERT INTO pages (namespace, title, content_model, latest_rev_id) VALUES (?, ?, ?, NULL) RETURNING page_id', [namespace, title, model]);
    return row!.page_id;
  }

  /** Adds a revision and makes it the page's latest; callers wrap this in their own transaction. */
  async addRevision(rev: NewRevision): Promise<number> {
    const row = await this.sql.get<{ rev_id: number }>(
      `INSERT INTO revisions (page_id, parent_rev_id, actor_user_id, actor_name, created_at, summary, content, size)
       VALUES (@pageId, @parentId, @actorUserId, @actorName, @createdAt, @summary, @content, @size) RETURNING rev_id`,
      { ...rev },
    );
    await this.sql.run('UPDATE pages SET latest_rev_id = ? WHERE page_id = ?', [row!.rev_id, rev.pageId]);
    return row!.rev_id;
  }

  async findRevision(id: number): Promise<RevisionRecord | null> {
    const row = await this.sql.get<RevisionRow>('SELECT * FROM revisions WHERE rev_id = ?', [id]);
    return row ? toRevision(row) : null;
  }

  /** A revision and its page, in one statement (a report names a revision; its page comes with it). */
  async findRevisionWithPage(id: number): Promise<{ revision: RevisionRecord; page: PageRecord } | null> {
    const row = await this.sql.get<RevisionRow & { namespace: number; title: string; content_model: ContentModel; latest_rev_id: number }>(
      `SELECT r.*, p.namespace, p.title, p.content_model, p.latest_rev_id FROM revisions r JOIN pages p ON p.page_id = r.page_id WHERE r.rev_id = ?`,
      [id],
    );
    return row ? { revision: toRevision(row), page: toPage(row) } : null;
  }

  /** Revisions of a page, newest first, older than `before`. */
  async history(pageId: number, before: number, limit: number): Promise<RevisionRecord[]> {
    const rows = await this.sql.all<RevisionRow>(
      `SELECT rev_id, page_id, parent_rev_id, actor_user_id, actor_name, created_at, summary, NULL AS content, size
       FROM revisions WHERE page_id = ? AND rev_id < ? ORDER BY rev_id DESC LIMIT ?`,
      [pageId, before, limit],
    );
    return rows.map(toRevision);
  }

  /** The id of the revision after this one on the same page, or null for the latest. */
  async nextRevisionId(pageId: number, revId: number): Promise<number | null> {
    return (await this.sql.get<{ rev_id: number }>('SELECT rev_id FROM revisions WHERE page_id = ? AND rev_id > ? ORDER BY rev_id LIMIT 1', [pageId, revId]))?.rev_id ?? null;
  }

  async revisionCount(pageId: number): Promise<number> {
    return (await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM revisions WHERE page_id = ?', [pageId]))!.n;
  }

  /** A user's (or an IP's) edits, newest first, for Special:Contributions. */
  async contributions(actorName: string, before: number, limit: number): Promise<RevisionWithPage[]> {
    const rows = await this.sql.all<RevisionRow>(
      `SELECT r.rev_id, r.page_id, r.parent_rev_id, r.actor_user_id, r.actor_name, r.created_at, r.summary, NULL AS content, r.size,
              p.namespace, p.title
       FROM revisions r JOIN pages p ON p.page_id = r.page_id
       WHERE r.actor_name = ? AND r.rev_id < ? ORDER BY r.rev_id DESC LIMIT ?`,
      [actorName, before, limit],
    );
    return rows.map((r) => ({ ...toRevision(r), namespace: r.namespace!, title: r.title! }));
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    return await this.sql.transaction(work);
  }
}
