/** SQL for pages and their revisions. */
import type { Db } from '../storage/openDatabase.js';

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
  private readonly pageByTitle;
  private readonly pageById;
  private readonly insertPage;
  private readonly updateLatest;
  private readonly revisionById;
  private readonly insertRevision;
  private readonly historyOf;
  private readonly countRevisions;
  private readonly nextOf;
  private readonly byActor;
  private readonly existingTitles;

  constructor(private readonly db: Db) {
    this.pageByTitle = db.prepare<[number, string], PageRow>('SELECT * FROM pages WHERE namespace = ? AND title = ?');
    this.pageById = db.prepare<[number], PageRow>('SELECT * FROM pages WHERE page_id = ?');
    this.insertPage = db.prepare('INSERT INTO pages (namespace, title, content_model, latest_rev_id) VALUES (?, ?, ?, NULL)');
    this.updateLatest = db.prepare('UPDATE pages SET latest_rev_id = ? WHERE page_id = ?');
    this.revisionById = db.prepare<[number], RevisionRow>('SELECT * FROM revisions WHERE rev_id = ?');
    this.insertRevision = db.prepare(
      `INSERT INTO revisions (page_id, parent_rev_id, actor_user_id, actor_name, created_at, summary, content, size)
       VALUES (@pageId, @parentId, @actorUserId, @actorName, @createdAt, @summary, @content, @size)`,
    );
    this.historyOf = db.prepare<[number, number, number], RevisionRow>(
      `SELECT rev_id, page_id, parent_rev_id, actor_user_id, actor_name, created_at, summary, NULL AS content, size
       FROM revisions WHERE page_id = ? AND rev_id < ? ORDER BY rev_id DESC LIMIT ?`,
    );
    this.nextOf = db.prepare<[number, number], { rev_id: number }>('SELECT rev_id FROM revisions WHERE page_id = ? AND rev_id > ? ORDER BY rev_id LIMIT 1');
    this.countRevisions = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM revisions WHERE page_id = ?');
    this.byActor = db.prepare<[string, number, number], RevisionRow>(
      `SELECT r.rev_id, r.page_id, r.parent_rev_id, r.actor_user_id, r.actor_name, r.created_at, r.summary, NULL AS content, r.size,
              p.namespace, p.title
       FROM revisions r JOIN pages p ON p.page_id = r.page_id
       WHERE r.actor_name = ? AND r.rev_id < ? ORDER BY r.rev_id DESC LIMIT ?`,
    );
    this.existingTitles = db.prepare<[string], { namespace: number; title: string }>(
      `SELECT namespace, title FROM pages WHERE (namespace || ':' || title) IN (SELECT value FROM json_each(?))`,
    );
  }

  findPage(namespace: number, title: string): PageRecord | null {
    const row = this.pageByTitle.get(namespace, title);
    return row ? toPage(row) : null;
  }

  findPageById(id: number): PageRecord | null {
    const row = this.pageById.get(id);
    return row ? toPage(row) : null;
  }

  /** Which of these pages exist, in one query (for red links). */
  existing(titles: { namespace: number; title: string }[]): Set<string> {
    if (titles.length === 0) return new Set();
    const rows = this.existingTitles.all(JSON.stringify(titles.map((t) => `${t.namespace}:${t.title}`)));
    return new Set(rows.map((r) => `${r.namespace}:${r.title}`));
  }

  createPage(namespace: number, title: string, model: ContentModel): number {
    return Number(this.insertPage.run(namespace, title, model).lastInsertRowid);
  }

  /** Adds a revision and makes it the page's latest; callers wrap this in their own transaction. */
  addRevision(rev: NewRevision): number {
    const id = Number(this.insertRevision.run(rev).lastInsertRowid);
    this.updateLatest.run(id, rev.pageId);
    return id;
  }

  findRevision(id: number): RevisionRecord | null {
    const row = this.revisionById.get(id);
    return row ? toRevision(row) : null;
  }

  /** Revisions of a page, newest first, older than `before`. */
  history(pageId: number, before: number, limit: number): RevisionRecord[] {
    return this.historyOf.all(pageId, before, limit).map(toRevision);
  }

  /** The id of the revision after this one on the same page, or null for the latest. */
  nextRevisionId(pageId: number, revId: number): number | null {
    return this.nextOf.get(pageId, revId)?.rev_id ?? null;
  }

  revisionCount(pageId: number): number {
    return this.countRevisions.get(pageId)!.n;
  }

  /** A user's (or an IP's) edits, newest first, for Special:Contributions. */
  contributions(actorName: string, before: number, limit: number): RevisionWithPage[] {
    return this.byActor.all(actorName, before, limit).map((r) => ({ ...toRevision(r), namespace: r.namespace!, title: r.title! }));
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
