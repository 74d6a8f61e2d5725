// The line diff of two revisions: kept, removed and added lines with their line numbers on each side.
import { describe, expect, it } from 'vitest';
import { type DiffLine, lineDiff, withContext } from '../../../src/wiki/lineDiff.js';

/** The diff in the compact form of a unified diff: " a", "-b", "+c". */
const compact = (lines: DiffLine[]) => lines.map((l) => `${l.op}${l.text}`);

/** Rebuilds each side from the diff: the old text from kept and removed lines, the new from kept and added. */
function sides(lines: DiffLine[]): { before: string; after: string } {
  return {
    before: lines.filter((l) => l.op !== '+').map((l) => l.text).join('\n'),
    after: lines.filter((l) => l.op !== '-').map((l) => l.text).join('\n'),
  };
}

/** Every line number runs 1, 2, 3… without gaps on each side. */
function expectNumberedInOrder(lines: DiffLine[]): void {
  const old = lines.filter((l) => l.op !== '+').map((l) => l.oldLine);
  const neu = lines.filter((l) => l.op !== '-').map((l) => l.newLine);
  expect(old).toEqual(old.map((_, i) => i + 1));
  expect(neu).toEqual(neu.map((_, i) => i + 1));
  for (const l of lines) {
    if (l.op === '+') expect(l.oldLine).toBeNull();
    if (l.op === '-') expect(l.newLine).toBeNull();
  }
}

/** The length of the longest common subsequence, computed the plain way, as an oracle. */
function lcsLength(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    b.forEach((y, j) => row.push(x === y ? prev[j]! + 1 : Math.max(prev[j + 1]!, row[j]!)));
    prev = row;
  }
  return prev[b.length]!;
}

/** A small seeded generator, so that the random cases are the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('lineDiff', () => {
  it('when both texts are the same, then every line is kept with the same number on both sides', () => {
    const lines = lineDiff('a\nb\nc', 'a\nb\nc');
    expect(lines).toEqual([
      { op: ' ', text: 'a', oldLine: 1, newLine: 1 },
      { op: ' ', text: 'b', oldLine: 2, newLine: 2 },
      { op: ' ', text: 'c', oldLine: 3, newLine: 3 },
    ]);
  });

  it('when a line is added in the middle, then only it is added and the numbers after it shift on the new side', () => {
    expect(lineDiff('a\nb\nc', 'a\nb\nx\nc')).toEqual([
      { op: ' ', text: 'a', oldLine: 1, newLine: 1 },
      { op: ' ', text: 'b', oldLine: 2, newLine: 2 },
      { op: '+', text: 'x', oldLine: null, newLine: 3 },
      { op: ' ', text: 'c', oldLine: 3, newLine: 4 },
    ]);
  });

  it('when a line is removed, then only it is removed and the numbers after it shift on the new side', () => {
    expect(lineDiff('a\nb\nc\nd', 'a\nc\nd')).toEqual([
      { op: ' ', text: 'a', oldLine: 1, newLine: 1 },
      { op: '-', text: 'b', oldLine: 2, newLine: null },
      { op: ' ', text: 'c', oldLine: 3, newLine: 2 },
      { op: ' ', text: 'd', oldLine: 4, newLine: 3 },
    ]);
  });

  it('when lines are added at the start and at the end, then the common middle is kept', () => {
    expect(compact(lineDiff('b\nc', 'a\nb\nc\nd'))).toEqual(['+a', ' b', ' c', '+d']);
  });

  it('when a line is changed, then the diff has one removed and one added line, and nothing else changes', () => {
    const lines = lineDiff('{\n  "a": 1,\n  "b": 2\n}', '{\n  "a": 1,\n  "b": 3\n}');
    expect(lines.filter((l) => l.op !== ' ')).toEqual(
      expect.arrayContaining([
        { op: '-', text: '  "b": 2', oldLine: 3, newLine: null },
        { op: '+', text: '  "b": 3', oldLine: null, newLine: 3 },
      ]),
    );
    expect(lines.filter((l) => l.op !== ' ')).toHaveLength(2);
  });

  // BUG (src/wiki/lineDiff.ts, the backtrack loop): on a tie the '+' branch is taken first, so a changed line
  // is listed as "+new" before "-old"; git, MediaWiki and the fallback branch of the same function list
  // removals first. Fix: test the '-' branch first, with `table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]`.
  it('when a line is changed, then the removed line comes before the added one, as in unified diffs', () => {
    expect(compact(lineDiff('a\nb\nc', 'a\nB\nc'))).toEqual([' a', '-b', '+B', ' c']);
  });

  it('when every line changes, then both sides are rebuilt from the diff and no line is kept', () => {
    const lines = lineDiff('a\nb', 'c\nd');
    expect(lines.every((l) => l.op !== ' ')).toBe(true);
    expect(sides(lines)).toEqual({ before: 'a\nb', after: 'c\nd' });
  });

  it('when a JSON document gets a new property, then only the new line and the comma before it change', () => {
    const before = JSON.stringify({ a: 1, b: 2 }, null, 2);
    const after = JSON.stringify({ a: 1, b: 2, c: 3 }, null, 2);
    const changed = lineDiff(before, after).filter((l) => l.op !== ' ');
    expect(compact(changed).sort()).toEqual(['+  "b": 2,', '+  "c": 3', '-  "b": 2'].sort());
  });

  it('when lines repeat, then the longest common subsequence is kept (no more changes than needed)', () => {
    const lines = lineDiff('x\na\nx\nb\nx', 'x\nb\nx\na\nx');
    expect(lines.filter((l) => l.op === ' ')).toHaveLength(3);
    expect(lines.filter((l) => l.op !== ' ')).toHaveLength(4);
    expect(sides(lines)).toEqual({ before: 'x\na\nx\nb\nx', after: 'x\nb\nx\na\nx' });
  });

  it('when only a trailing newline is added, then one empty line is added at the end', () => {
    expect(lineDiff('a', 'a\n')).toEqual([
      { op: ' ', text: 'a', oldLine: 1, newLine: 1 },
      { op: '+', text: '', oldLine: null, newLine: 2 },
    ]);
  });

  it('when both texts are empty, then there are no lines at all', () => {
    expect(lineDiff('', '')).toEqual([]);
  });

  it('when the old text is empty and the new one ends with a newline, then every line is added, the empty last one too', () => {
    const lines = lineDiff('', 'a\nb\n');
    expect(lines.filter((l) => l.op === '-')).toEqual([]);
    expect(compact(lines.filter((l) => l.op === '+'))).toEqual(['+a', '+b', '+']);
  });

  // An empty text has no lines (''.split gives one empty line, which would show as removed).
  it('when the old text is empty and the new one has no trailing newline, then every line is added and nothing removed', () => {
    expect(compact(lineDiff('', 'a\nb'))).toEqual(['+a', '+b']);
  });

  it('when CRLF line ends change to LF, then every line is changed (line ends are part of the text)', () => {
    const lines = lineDiff('a\r\nb', 'a\nb');
    expect(lines.some((l) => l.op === '-' && l.text === 'a\r')).toBe(true);
  });

  it('when texts hold markup, then the lines are returned as text, not escaped (the view escapes them)', () => {
    expect(compact(lineDiff('<b>', '<script>alert(1)</script>'))).toContain('+<script>alert(1)</script>');
  });

  it('when random edits are diffed, then both texts are rebuilt exactly and the line numbers have no gaps', () => {
    const random = rng(42);
    const words = ['alpha', 'beta', 'gamma', 'delta', '', '{', '}', '  "a": 1,'];
    for (let round = 0; round < 200; round++) {
      const before = Array.from({ length: Math.floor(random() * 30) }, () => words[Math.floor(random() * words.length)]!);
      const after = before.filter(() => random() > 0.2).flatMap((w) => (random() > 0.85 ? [w, words[Math.floor(random() * words.length)]!] : [w]));
      const lines = lineDiff(before.join('\n'), after.join('\n'));
      expect(sides(lines)).toEqual({ before: before.join('\n'), after: after.join('\n') });
      expectNumberedInOrder(lines);
      // Minimal: as many lines are kept as the longest common subsequence of the two texts has.
      const linesOf = (t: string) => (t === '' ? [] : t.split('\n'));
      expect(lines.filter((l) => l.op === ' ').length).toBe(lcsLength(linesOf(before.join('\n')), linesOf(after.join('\n'))));
    }
  });

  it('when one line is deleted from a long text, then only that line is marked removed (a minimal diff)', () => {
    const before = Array.from({ length: 500 }, (_, i) => `line ${i}`);
    const after = before.filter((_, i) => i !== 250);
    const lines = lineDiff(before.join('\n'), after.join('\n'));
    expect(lines.filter((l) => l.op !== ' ')).toEqual([{ op: '-', text: 'line 250', oldLine: 251, newLine: null }]);
  });

  it('when more lines change than the diff searches through, then it shows the old middle removed and the new one added, with the common head and tail kept', () => {
    const head = ['head 1', 'head 2'];
    const tail = ['tail'];
    const oldMiddle = Array.from({ length: 3000 }, (_, i) => `old ${i}`);
    const newMiddle = Array.from({ length: 3000 }, (_, i) => `new ${i}`);
    const lines = lineDiff([...head, ...oldMiddle, ...tail].join('\n'), [...head, ...newMiddle, ...tail].join('\n'));
    expect(lines).toHaveLength(2 + 3000 + 3000 + 1);
    expect(lines.slice(0, 2).map((l) => l.op)).toEqual([' ', ' ']);
    expect(lines.slice(2, 3002).every((l) => l.op === '-')).toBe(true);
    expect(lines.slice(3002, 6002).every((l) => l.op === '+')).toBe(true);
    expect(lines[6002]).toEqual({ op: ' ', text: 'tail', oldLine: 3003, newLine: 3003 });
    expect(lines[2]).toEqual({ op: '-', text: 'old 0', oldLine: 3, newLine: null });
    expect(lines[3002]).toEqual({ op: '+', text: 'new 0', oldLine: null, newLine: 3 });
    expectNumberedInOrder(lines);
  });

  it('when up to 1,000 lines change, then the real line diff is used and the shared lines between them are found', () => {
    const oldMiddle = Array.from({ length: 1000 }, (_, i) => (i % 2 ? `same ${i}` : `old ${i}`));
    const newMiddle = Array.from({ length: 1000 }, (_, i) => (i % 2 ? `same ${i}` : `new ${i}`));
    const lines = lineDiff(oldMiddle.join('\n'), newMiddle.join('\n'));
    expect(lines.filter((l) => l.op === ' ')).toHaveLength(500);
    expectNumberedInOrder(lines);
  });

  // Our own table diff gave up on any text whose changed middle passed 8 million cells: a 5,000-line page with
  // 100 edited lines showed as every line removed and added again.
  it('when a long page has edits scattered through it, then only the edited lines are marked', () => {
    const before = Array.from({ length: 5000 }, (_, i) => `paragraph ${i}`);
    const after = before.map((l, i) => (i % 50 === 0 ? `${l} (edited)` : l));
    const lines = lineDiff(before.join('\n'), after.join('\n'));
    expect(lines.filter((l) => l.op === '-')).toHaveLength(100);
    expect(lines.filter((l) => l.op === '+')).toHaveLength(100);
    expectNumberedInOrder(lines);
  });
});

describe('withContext', () => {
  const lines = lineDiff(Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('\n'), Array.from({ length: 20 }, (_, i) => (i === 9 ? 'changed' : `l${i + 1}`)).join('\n'));

  it('when one line in the middle changes, then three unchanged lines are kept on each side and the rest are gaps', () => {
    const shown = withContext(lines, 3);
    expect(shown.map((l) => ('skipped' in l ? `… ${l.skipped}` : `${l.op}${l.text}`))).toEqual(['… 6', ' l7', ' l8', ' l9', '-l10', '+changed', ' l11', ' l12', ' l13', '… 7']);
  });

  it('when nothing changed, then the diff is one gap that counts every line', () => {
    expect(withContext(lineDiff('a\nb', 'a\nb'), 3)).toEqual([{ skipped: 2 }]);
  });

  it('when two changes are closer than twice the context, then the lines between them are not cut', () => {
    const near = lineDiff('a\nb\nc\nd\ne\nf\ng\nh', 'A\nb\nc\nd\ne\nf\ng\nH');
    expect(withContext(near, 3).some((l) => 'skipped' in l)).toBe(false);
  });
});
