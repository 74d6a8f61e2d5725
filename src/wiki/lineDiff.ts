/** A line diff of two texts (longest common subsequence), for comparing revisions of text and JSON pages. */

export type DiffLine = { op: ' ' | '-' | '+'; text: string; oldLine: number | null; newLine: number | null };

/** Lines longer than this make the table too big to be worth it: the diff then shows both texts whole. */
const MAX_CELLS = 8_000_000;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  // Common head and tail first: most edits touch a few lines.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const out: DiffLine[] = [];
  for (let k = 0; k < head; k++) out.push({ op: ' ', text: a[k]!, oldLine: k + 1, newLine: k + 1 });
  const n = midA.length;
  const m = midB.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    midA.forEach((text, k) => out.push({ op: '-', text, oldLine: head + k + 1, newLine: null }));
    midB.forEach((text, k) => out.push({ op: '+', text, oldLine: null, newLine: head + k + 1 }));
  } else {
    const table = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * (m + 1) + j] = midA[i] === midB[j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        out.push({ op: ' ', text: midA[i]!, oldLine: head + i + 1, newLine: head + j + 1 });
        i++;
        j++;
      } else if (i < n && (j === m || table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!)) {
        // Removals before additions, as diffs are read.
        out.push({ op: '-', text: midA[i]!, oldLine: head + i + 1, newLine: null });
        i++;
      } else {
        out.push({ op: '+', text: midB[j]!, oldLine: null, newLine: head + j + 1 });
        j++;
      }
    }
  }
  for (let k = 0; k < tail; k++) out.push({ op: ' ', text: a[a.length - tail + k]!, oldLine: a.length - tail + k + 1, newLine: b.length - tail + k + 1 });
  return out;
}
