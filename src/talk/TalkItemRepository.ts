/** SQL for the topics and comments of talk pages. */
import type { Db } from '../storage/openDatabase.js';

export interface TalkItemRecord {
  id: number;
  pageId: number;
  revId: number;
  threadId: string;
  kind: 'heading' | 'comment';
  topicItemId: number | null;
  parentItemId: number | null;
  depth: number;
  authorName: string;
  authorUserId: number | null;
  createdAt: number;
  body: string;
}

interface Row {
  item_id: number;
  page_id: number;
  rev_id: number;
  thread_id: string;
  kind: 'heading' | 'comment';
  topic_item_id: number | null;
  parent_item_id: number | null;
  depth: number;
  author_name: string;
  author_user_id: number | null;
  created_at: number;
  body: string;
}

const toItem = (r: Row): TalkItemRecord => ({
  id: r.item_id,
  pageId: r.page_id,
  revId: r.rev_id,
  threadId: r.thread_id,
  kind: r.kind,
  topicItemId: r.topic_item_id,
  parentItemId: r.parent_item_id,
  depth: r.depth,
  authorName: r.author_name,
  authorUserId: r.author_user_id,
  createdAt: r.created_at,
  body: r.body,
});

export type NewTalkItem = Omit<TalkItemRecord, 'id'>;

export class TalkItemRepository {
  private readonly itemsUpTo;
  private readonly byThreadId;
  private readonly byItemId;
  private readonly threadIdExists;
  private readonly insertItem;

  constructor(db: Db) {
    this.itemsUpTo = db.prepare<[number, number], Row>('SELECT * FROM talk_items WHERE page_id = ? AND rev_id <= ? ORDER BY item_id');
    this.byThreadId = db.prepare<[number, string], Row>('SELECT * FROM talk_items WHERE page_id = ? AND thread_id = ?');
    this.byItemId = db.prepare<[number], Row>('SELECT * FROM talk_items WHERE item_id = ?');
    this.threadIdExists = db.prepare<[number, string], { x: number }>('SELECT 1 AS x FROM talk_items WHERE page_id = ? AND thread_id = ?');
    this.insertItem = db.prepare(
      `INSERT INTO talk_items (page_id, rev_id, thread_id, kind, topic_item_id, parent_item_id, depth, author_name, author_user_id, created_at, body)
       VALUES (@pageId, @revId, @threadId, @kind, @topicItemId, @parentItemId, @depth, @authorName, @authorUserId, @createdAt, @body)`,
    );
  }

  /** Every item of the page as it stood at a revision, in one query, in the order they were added. */
  itemsAt(pageId: number, revId: number): TalkItemRecord[] {
    return this.itemsUpTo.all(pageId, revId).map(toItem);
  }

  find(pageId: number, threadId: string): TalkItemRecord | null {
    const row = this.byThreadId.get(pageId, threadId);
    return row ? toItem(row) : null;
  }

  findById(itemId: number): TalkItemRecord | null {
    const row = this.byItemId.get(itemId);
    return row ? toItem(row) : null;
  }

  isTaken(pageId: number, threadId: string): boolean {
    return this.threadIdExists.get(pageId, threadId) !== undefined;
  }

  insert(item: NewTalkItem): number {
    return Number(this.insertItem.run(item).lastInsertRowid);
  }
}
