// Unit tests of DiscussionTools-style ids for topics and comments (src/talk/commentId.ts).
import { describe, expect, it } from 'vitest';
import { named } from '../../support/named.js';
import { commentId, headingId, idPart, threadItemKind, timestampString } from '../../../src/talk/commentId.js';

const at = Date.UTC(2023, 4, 4, 3, 2, 1); // 2023-05-04T03:02:01Z
const takenFrom = (...ids: string[]) => {
  const set = new Set(ids);
  return (id: string) => set.has(id);
};
const nothingTaken = () => false;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('timestampString', () => {
  it.each(named([
    { name: 'a time with seconds', ms: at, expected: '20230504030201' },
    { name: 'the epoch', ms: 0, expected: '19700101000000' },
    { name: 'milliseconds, which are dropped', ms: at + 999, expected: '20230504030201' },
    { name: 'the last second of a year', ms: Date.UTC(1999, 11, 31, 23, 59, 59), expected: '19991231235959' },
    { name: 'a leap day', ms: Date.UTC(2024, 1, 29, 12, 0, 0), expected: '20240229120000' },
  ], (r) => `when the time is ${r.name}, then the timestamp is ${r.expected}`))('%s', (_, { ms, expected }) => {
    expect(timestampString(ms)).toBe(expected);
  });
});

describe('idPart', () => {
  it.each(named([
    { name: 'a plain name', text: 'Rowan', expected: 'Rowan' },
    { name: 'a name with a space', text: 'Jane Doe', expected: 'Jane_Doe' },
    { name: 'runs of white space', text: 'a  b\t\nc', expected: 'a_b_c' },
    { name: 'white space around it', text: '  padded  ', expected: 'padded' },
    { name: 'an IPv6 address', text: '2001:db8::1', expected: '2001:db8::1' },
    { name: 'an empty string', text: '', expected: '' },
    { name: 'exactly 80 ASCII bytes', text: 'a'.repeat(80), expected: 'a'.repeat(80) },
    { name: '81 ASCII bytes', text: 'a'.repeat(81), expected: 'a'.repeat(80) },
    { name: '41 two-byte letters (82 bytes)', text: 'é'.repeat(41), expected: 'é'.repeat(40) },
    { name: 'one ASCII letter then 40 two-byte letters (81 bytes)', text: `a${'é'.repeat(40)}`, expected: `a${'é'.repeat(39)}` },
    { name: '21 four-byte emoji (84 bytes)', text: '🐕'.repeat(21), expected: '🐕'.repeat(20) },
    { name: 'two ASCII letters then 20 emoji (82 bytes)', text: `ab${'🐕'.repeat(20)}`, expected: `ab${'🐕'.repeat(19)}` },
    { name: '27 three-byte letters (81 bytes)', text: '日'.repeat(27), expected: '日'.repeat(26) },
  ]))('when the text is %s, then the id part is as expected', (_, { text, expected }) => {
    expect(idPart(text)).toBe(expected);
  });

  it.each(named([
    { name: 'two-byte letters', text: 'ü'.repeat(100) },
    { name: 'emoji', text: `x${'😀'.repeat(30)}` },
    { name: 'mixed scripts with spaces', text: 'Ωμέγα 日本語 🐕 '.repeat(10) },
  ]))('when long %s are cut, then the result is at most 80 bytes and holds no broken surrogate', (_, { text }) => {
    const part = idPart(text);
    expect(bytes(part)).toBeLessThanOrEqual(80);
    expect(bytes(part)).toBeGreaterThan(76);
    expect(part).not.toMatch(loneSurrogate);
    expect(text.replace(/\s+/g, '_').startsWith(part)).toBe(true);
  });
});

describe('threadItemKind', () => {
  it.each([
    { id: 'h-Rowan-20230504030201', kind: 'heading' },
    { id: 'c-Rowan-20230504030201', kind: 'comment' },
    { id: 'c-Rowan-20230504030201-Ana', kind: 'comment' },
    { id: 'x-Rowan', kind: null },
    { id: '', kind: null },
    { id: 'H-Rowan', kind: null },
  ])('when the id is $id, then its kind is $kind', ({ id, kind }) => {
    expect(threadItemKind(id)).toBe(kind);
  });
});

describe('commentId', () => {
  it.each(named([
    { name: 'nothing else has the id', author: 'Rowan', parent: null, taken: [] as string[], expected: 'c-Rowan-20230504030201' },
    { name: 'the author name has spaces', author: 'Jane Doe', parent: null, taken: [], expected: 'c-Jane_Doe-20230504030201' },
    { name: 'the author is an IP address', author: '192.0.2.7', parent: null, taken: [], expected: 'c-192.0.2.7-20230504030201' },
    {
      name: 'the plain id is taken and there is a parent comment',
      author: 'Rowan',
      parent: 'c-Ana-20230504030000',
      taken: ['c-Rowan-20230504030201'],
      expected: 'c-Rowan-20230504030201-Ana-20230504030000',
    },
    {
      name: 'the plain id is taken and the parent is a topic',
      author: 'Rowan',
      parent: 'h-Ana-20230504030000',
      taken: ['c-Rowan-20230504030201'],
      expected: 'c-Rowan-20230504030201-Ana-20230504030000',
    },
    {
      name: 'the plain id and the id with the parent are taken',
      author: 'Rowan',
      parent: 'c-Ana-20230504030000',
      taken: ['c-Rowan-20230504030201', 'c-Rowan-20230504030201-Ana-20230504030000'],
      expected: 'c-Rowan-20230504030201-Ana-20230504030000-2',
    },
    {
      name: 'the counter 2 is taken too',
      author: 'Rowan',
      parent: 'c-Ana-20230504030000',
      taken: ['c-Rowan-20230504030201', 'c-Rowan-20230504030201-Ana-20230504030000', 'c-Rowan-20230504030201-Ana-20230504030000-2'],
      expected: 'c-Rowan-20230504030201-Ana-20230504030000-3',
    },
    { name: 'the plain id is taken and there is no parent', author: 'Rowan', parent: null, taken: ['c-Rowan-20230504030201'], expected: 'c-Rowan-20230504030201-2' },
    {
      name: 'only the id with the parent is taken',
      author: 'Rowan',
      parent: 'c-Ana-20230504030000',
      taken: ['c-Rowan-20230504030201-Ana-20230504030000'],
      expected: 'c-Rowan-20230504030201',
    },
  ], (r) => `when ${r.name}, then the id is ${r.expected}`))('%s', (_, { author, parent, taken, expected }) => {
    expect(commentId(author, at, parent, takenFrom(...taken))).toBe(expected);
  });

  it('when the author name is longer than 80 bytes, then only its first 80 bytes are in the id', () => {
    expect(commentId('n'.repeat(100), at, null, nothingTaken)).toBe(`c-${'n'.repeat(80)}-20230504030201`);
  });

  it('when ten comments by one author land in one second, then each gets a distinct id', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 10; i++) ids.add(commentId('Rowan', at, 'h-Rowan-20230504030201', (id) => ids.has(id)));
    expect(ids.size).toBe(10);
  });
});

describe('headingId', () => {
  it.each(named([
    { name: 'nothing else has the id', author: 'Rowan', heading: 'Sources', taken: [] as string[], expected: 'h-Rowan-20230504030201' },
    { name: 'the author name has spaces', author: 'Jane Doe', heading: 'Sources', taken: [], expected: 'h-Jane_Doe-20230504030201' },
    { name: 'the plain id is taken', author: 'Rowan', heading: 'Sources and more', taken: ['h-Rowan-20230504030201'], expected: 'h-Rowan-20230504030201-Sources_and_more' },
    {
      name: 'the id with the heading is taken too',
      author: 'Rowan',
      heading: 'Sources',
      taken: ['h-Rowan-20230504030201', 'h-Rowan-20230504030201-Sources'],
      expected: 'h-Rowan-20230504030201-Sources-2',
    },
    { name: 'the plain id is taken and the heading is blank', author: 'Rowan', heading: '   ', taken: ['h-Rowan-20230504030201'], expected: 'h-Rowan-20230504030201-2' },
  ], (r) => `when ${r.name}, then the id is ${r.expected}`))('%s', (_, { author, heading, taken, expected }) => {
    expect(headingId(author, at, heading, takenFrom(...taken))).toBe(expected);
  });

  it('when the heading text is long and collides, then the appended part is cut to 80 bytes', () => {
    const id = headingId('Rowan', at, 'ü'.repeat(60), takenFrom('h-Rowan-20230504030201'));
    expect(id).toBe(`h-Rowan-20230504030201-${'ü'.repeat(40)}`);
  });
});
