/** Builds the topics of a talk page, each with its comments in reading order, from the flat list of items. */
import type { TalkItemRecord } from './TalkItemRepository.js';

export interface TalkComment {
  item: TalkItemRecord;
  /** Indentation: 0 for a topic's first comment, one more per reply level. */
  depth: number;
  /** The id of the comment this replies to, or null. */
  parentThreadId: string | null;
}

export interface TalkTopic {
  heading: TalkItemRecord;
  comments: TalkComment[];
}

/** O(n): one pass to index children, one depth-first walk per topic. */
export function buildThreads(items: TalkItemRecord[]): TalkTopic[] {
  const children = new Map<number, TalkItemRecord[]>();
  const byId = new Map<number, TalkItemRecord>();
  const headings: TalkItemRecord[] = [];
  for (const item of items) {
    byId.set(item.id, item);
    if (item.kind === 'heading') {
      headings.push(item);
      continue;
    }
    const parentKey = item.parentItemId ?? item.topicItemId ?? 0;
    let list = children.get(parentKey);
    if (!list) children.set(parentKey, (list = []));
    list.push(item);
  }
  return headings.map((heading) => {
    const comments: TalkComment[] = [];
    const stack: { item: TalkItemRecord; depth: number }[] = (children.get(heading.id) ?? [])
      .slice()
      .reverse()
      .map((item) => ({ item, depth: 0 }));
    while (stack.length > 0) {
      const { item, depth } = stack.pop()!;
      const parent = item.parentItemId !== null ? byId.get(item.parentItemId) : undefined;
      comments.push({ item, depth, parentThreadId: parent?.threadId ?? null });
      const replies = children.get(item.id) ?? [];
      for (let i = replies.length - 1; i >= 0; i--) stack.push({ item: replies[i]!, depth: depth + 1 });
    }
    return { heading, comments };
  });
}
