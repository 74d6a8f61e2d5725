/** A line diff of two texts (the `diff` package's Myers diff), for comparing revisions of text and JSON pages. */
import { diffArrays } from 'diff';

export type DiffLine = { op: ' ' | '-' | '+'; text: string; oldLine: number | null; newLine: number | null };

/**
 * Beyond this many removed and added lines the diff stops searching and shows the changed middle whole: Myers'
 * algorithm costs (lines × changes), and a page replaced by another is better read as the two texts.
 */
const MAX_CHANGED_LINES = 1_000;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  // The common head and tail first: most edits touch a few lines, and the fallback below keeps them.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const changes = diffArrays(midA, midB, { maxEditLength: MAX_CHANGED_LINES }) ?? [
    { value: midA, removed: true, added: false },
    { value: midB, removed: false, added: true },
  ];
  const out: DiffLine[] = [];
  for (let k = 0; k < head; k++) out.push({ op: ' ', text: a[k]!, oldLine: k + 1, newLine: k + 1 });
  let oldLine = head + 1;
  let newLine = head + 1;
  for (const change of changes) {
    for (const text of change.value) {
      if (change.removed) out.push({ op: '-', text, oldLine: oldLine++, newLine: null });
      else if (change.added) out.push({ op: '+', text, oldLine: null, newLine: newLine++ });
      else out.push({ op: ' ', text, oldLine: oldLine++, newLine: newLine++ });
    }
  }
  for (let k = 0; k < tail; k++) out.push({ op: ' ', text: a[a.length - tail + k]!, oldLine: oldLine++, newLine: newLine++ });
  return out;
}

/** Unchanged lines a diff leaves out, as one row saying how many. */
export type DiffGap = { skipped: number };

/** A diff's changed lines with `context` unchanged lines around each change; the lines between are one gap each. */
export function withContext(lines: DiffLine[], context: number): (DiffLine | DiffGap)[] {
  const near = lines.map(() => false);
  lines.forEach((l, i) => {
    if (l.op === ' ') return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) near[k] = true;
  });
  const out: (DiffLine | DiffGap)[] = [];
  lines.forEach((l, i) => {
    const last = out[out.length - 1];
    if (near[i]) out.push(l);
    else if (last && 'skipped' in last) last.skipped++;
    else out.push({ skipped: 1 });
  });
  return out;
}
