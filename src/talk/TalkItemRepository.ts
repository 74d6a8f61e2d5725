/** SQL for the topics and comments of talk pages. */
import type { SqlDatabase } from '../storage/SqlDatabase.js';

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
  constructor(private readonly sql: SqlDatabase) {}

  /** Every item of the page as it stood at a revision, in one query, in the order they were added. */
  async itemsAt(pageId: number, revId: number): Promise<TalkItemRecord[]> {
    return (await this.sql.all<Row>('SELECT * FROM talk_items WHERE page_id = ? AND rev_id <= ? ORDER BY item_id', [pageId, revId])).map(toItem);
  }

  async find(pageId: number, threadId: string): Promise<TalkItemRecord | null> {
    const row = await this.sql.get<Row>('SELECT * FROM talk_items WHERE page_id = ? AND thread_id = ?', [pageId, threadId]);
    return row ? toItem(row) : null;
  }

  async findById(itemId: number): Promise<TalkItemRecord | null> {
    const row = await this.sql.get<Row>('SELECT * FROM talk_items WHERE item_id = ?', [itemId]);
    return row ? toItem(row) : null;
  }

  async isTaken(pageId: number, threadId: string): Promise<boolean> {
    return (await this.sql.get('SELECT 1 AS x FROM talk_items WHERE page_id = ? AND thread_id = ?', [pageId, threadId])) !== undefined;
  }

  async insert(item: NewTalkItem): Promise<number> {
    const row = await this.sql.get<{ item_id: number }>(
      `INSERT INTO talk_items (page_id, rev_id, thread_id, kind, topic_item_id, parent_item_id, depth, author_name, author_user_id, created_at, body)
       VALUES (@pageId, @revId, @threadId, @kind, @topicItemId, @parentItemId, @depth, @authorName, @authorUserId, @createdAt, @body) RETURNING item_id`,
      { ...item },
    );
    return row!.item_id;
  }
}
