// Unit tests of building topics and their comments in reading order (src/talk/threads.ts).
import { describe, expect, it } from 'vitest';
import type { TalkItemRecord } from '../../../src/talk/TalkItemRepository.js';
import { buildThreads, type TalkTopic } from '../../../src/talk/threads.js';
import { named } from '../../support/named.js';

let nextId = 1;
function heading(threadId: string): TalkItemRecord {
  return { id: nextId++, pageId: 1, revId: 1, threadId, kind: 'heading', topicItemId: null, parentItemId: null, depth: 0, authorName: 'A', authorUserId: null, createdAt: 0, body: threadId };
}
function comment(threadId: string, topic: TalkItemRecord, parent: TalkItemRecord | null = null): TalkItemRecord {
  return {
    id: nextId++,
    pageId: 1,
    revId: 1,
    threadId,
    kind: 'comment',
    topicItemId: topic.id,
    parentItemId: parent?.id ?? null,
    depth: 0,
    authorName: 'A',
    authorUserId: null,
    createdAt: 0,
    body: threadId,
  };
}

/** Each topic as "heading: id@depth<parent, ..." for readable comparisons. */
const outline = (topics: TalkTopic[]) =>
  topics.map((t) => `${t.heading.threadId}: ${t.comments.map((c) => `${c.item.threadId}@${c.depth}${c.parentThreadId ? `<${c.parentThreadId}` : ''}`).join(', ')}`);

describe('buildThreads', () => {
  it('when there are no items, then there are no topics', () => {
    expect(buildThreads([])).toEqual([]);
  });

  it('when a topic has no comments, then it is listed with an empty comment list', () => {
    const h = heading('h1');
    expect(buildThreads([h])).toEqual([{ heading: h, comments: [] }]);
  });

  it('when a topic has its first comment only, then that comment is at depth 0 with no parent', () => {
    const h = heading('h1');
    const c1 = comment('c1', h);
    const [topic] = buildThreads([h, c1]);
    expect(topic?.comments).toEqual([{ item: c1, depth: 0, parentThreadId: null }]);
  });

  const h = heading('h');
  const first = comment('first', h);
  const r1 = comment('r1', h, first);
  const r2 = comment('r2', h, first);
  const r1a = comment('r1a', h, r1);
  const r1a1 = comment('r1a1', h, r1a);
  const second = comment('second', h);
  const cases: { name: string; items: TalkItemRecord[]; expected: string[] }[] = [
    { name: 'two replies to the first comment', items: [h, first, r1, r2], expected: ['h: first@0, r1@1<first, r2@1<first'] },
    { name: 'a reply to a reply', items: [h, first, r1, r1a], expected: ['h: first@0, r1@1<first, r1a@2<r1'] },
    {
      name: 'a later reply to an earlier comment, which is read under that comment',
      items: [h, first, r1, r2, r1a],
      expected: ['h: first@0, r1@1<first, r1a@2<r1, r2@1<first'],
    },
    { name: 'a reply four levels deep', items: [h, first, r1, r1a, r1a1], expected: ['h: first@0, r1@1<first, r1a@2<r1, r1a1@3<r1a'] },
    {
      name: 'a second comment on the topic after nested replies',
      items: [h, first, r1, second, r1a],
      expected: ['h: first@0, r1@1<first, r1a@2<r1, second@0'],
    },
  ];
  it.each(named(cases))('when a topic has %s, then the comments are in reading order with their depths', (_, { items, expected }) => {
    expect(outline(buildThreads(items))).toEqual(expected);
  });

  it('when a page has several topics, then each keeps its own comments, in the order the topics were added', () => {
    const a = heading('a');
    const b = heading('b');
    const a1 = comment('a1', a);
    const b1 = comment('b1', b);
    const a2 = comment('a2', a, a1);
    const b2 = comment('b2', b, b1);
    const a3 = comment('a3', a);
    expect(outline(buildThreads([a, a1, b, b1, a2, b2, a3]))).toEqual(['a: a1@0, a2@1<a1, a3@0', 'b: b1@0, b2@1<b1']);
  });

  it('when replies arrive in item order, then the result does not depend on the stored depth column', () => {
    const t = heading('t');
    const c = comment('c', t);
    const reply = { ...comment('reply', t, c), depth: 7 };
    expect(buildThreads([t, c, reply])[0]?.comments.map((x) => x.depth)).toEqual([0, 1]);
  });

  it('when a topic has a thousand nested replies, then they are all listed without deep recursion', () => {
    const t = heading('deep');
    const items: TalkItemRecord[] = [t];
    let parent: TalkItemRecord | null = null;
    for (let i = 0; i < 1000; i++) {
      const c = comment(`d${i}`, t, parent);
      items.push(c);
      parent = c;
    }
    const comments = buildThreads(items)[0]?.comments ?? [];
    expect(comments).toHaveLength(1000);
    expect(comments.at(-1)?.depth).toBe(999);
  });

  it('when the input items are built into threads, then the input array is not changed', () => {
    const t = heading('t');
    const items = [t, comment('x', t), comment('y', t)];
    const copy = [...items];
    buildThreads(items);
    expect(items).toEqual(copy);
  });
});
