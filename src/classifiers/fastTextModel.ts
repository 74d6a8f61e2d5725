/**
 * Reads a quantized fastText classifier (the `.ftz` format: lid.176 among others) and predicts with it in plain
 * JavaScript, as fastText 0.9 does: the text's words and their character n-grams averaged into one vector, then the
 * hierarchical softmax's tree walked for the likeliest labels. No WebAssembly heap to hold, no call into it per text.
 */

const fileMagic = 793712314;
const fileVersion = 12;
const endOfSentence = '</s>';
const labelPrefix = '__label__';
/** fastText's `loss` setting for the hierarchical softmax, the only output layer this reader walks. */
const hierarchicalSoftmax = 1;
/** Centroids per sub-quantizer: fastText quantizes with 8 bits. */
const centroidsPerSubquantizer = 256;

/** A label and its probability, most likely first. */
export interface FastTextPrediction {
  label: string;
  probability: number;
}

/** fastText's product quantizer: each row is a code per sub-vector, each code a centroid. */
interface ProductQuantizer {
  dim: number;
  subquantizers: number;
  subDim: number;
  lastSubDim: number;
  centroids: Float32Array;
}

/** A quantized matrix: codes per row, and (with `qnorm`) a quantized norm per row. */
interface QuantMatrix {
  rows: number;
  codes: Uint8Array;
  pq: ProductQuantizer;
  norms: Float32Array | null;
}

/** Reads the little-endian binary a fastText model is written in. */
class Reader {
  private offset = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  int32(): number {
    const v = this.view.getInt32(this.offset, true);
    this.offset += 4;
    return v;
  }
  int64(): number {
    const v = this.view.getBigInt64(this.offset, true);
    this.offset += 8;
    return Number(v);
  }
  float64(): number {
    const v = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return v;
  }
  byte(): number {
    return this.bytes[this.offset++]!;
  }
  bytesOf(n: number): Uint8Array {
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
  floats(n: number): Float32Array {
    // Copied: the file's offsets need not be 4-byte aligned.
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.view.getFloat32(this.offset + 4 * i, true);
    this.offset += 4 * n;
    return out;
  }
  cString(): Uint8Array {
    const end = this.bytes.indexOf(0, this.offset);
    if (end < 0) throw new Error('the fastText model ends inside a word');
    const out = this.bytes.subarray(this.offset, end);
    this.offset = end + 1;
    return out;
  }
  get done(): boolean {
    return this.offset === this.bytes.length;
  }
}

function readQuantizer(r: Reader): ProductQuantizer {
  const dim = r.int32();
  const subquantizers = r.int32();
  const subDim = r.int32();
  const lastSubDim = r.int32();
  return { dim, subquantizers, subDim, lastSubDim, centroids: r.floats(dim * centroidsPerSubquantizer) };
}

/** The offset of centroid `i` of sub-quantizer `m` (the last sub-vector may be shorter). */
function centroidAt(pq: ProductQuantizer, m: number, i: number): number {
  return m === pq.subquantizers - 1 ? m * centroidsPerSubquantizer * pq.subDim + i * pq.lastSubDim : (m * centroidsPerSubquantizer + i) * pq.subDim;
}

function readQuantMatrix(r: Reader): QuantMatrix {
  const qnorm = r.byte() !== 0;
  const rows = r.int64();
  r.int64(); // columns: the quantizer's dimension says it again
  const codes = r.bytesOf(r.int32()).slice();
  const pq = readQuantizer(r);
  if (codes.length !== rows * pq.subquantizers) throw new Error('the fastText model has codes that do not fit its rows');
  let norms: Float32Array | null = null;
  if (qnorm) {
    const normCodes = r.bytesOf(rows);
    const npq = readQuantizer(r);
    norms = new Float32Array(rows);
    for (let i = 0; i < rows; i++) norms[i] = npq.centroids[centroidAt(npq, 0, normCodes[i]!)]!;
  }
  return { rows, codes, pq, norms };
}

/** A matrix of floats, row after row. */
interface DenseMatrix {
  columns: number;
  data: Float32Array;
}

function readDenseMatrix(r: Reader): DenseMatrix {
  const rows = r.int64();
  const columns = r.int64();
  return { columns, data: r.floats(rows * columns) };
}

/** A word or label of the model's dictionary, as the file lists it. */
interface DictionaryEntry {
  bytes: Uint8Array;
  count: number;
  label: boolean;
}

/** A node of the hierarchical softmax's Huffman tree: leaves are labels, inner nodes have a row of the output matrix. */
interface TreeNode {
  left: number;
  right: number;
  count: number;
}

/** The tree fastText builds from the labels' counts (most frequent first), node for node. */
function huffmanTree(counts: readonly number[]): TreeNode[] {
  const labels = counts.length;
  const tree: TreeNode[] = Array.from({ length: 2 * labels - 1 }, (_, i) => ({ left: -1, right: -1, count: i < labels ? counts[i]! : 1e15 }));
  let leaf = labels - 1;
  let node = labels;
  for (let i = labels; i < 2 * labels - 1; i++) {
    const pair = [0, 0];
    for (let j = 0; j < 2; j++) pair[j] = leaf >= 0 && tree[leaf]!.count < tree[node]!.count ? leaf-- : node++;
    tree[i]!.left = pair[0]!;
    tree[i]!.right = pair[1]!;
    tree[i]!.count = tree[pair[0]!]!.count + tree[pair[1]!]!.count;
  }
  return tree;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

const fnvOffset = 2166136261 | 0;
const fnvPrime = 16777619;

/** A vocabulary word's key in the table of words: the low 31 bits of its hash (keys are not negative). */
function wordKey(bytes: Uint8Array, from: number, to: number): number {
  return hashBytes(bytes, from, to) & 0x7fffffff;
}

/** fastText's hash: FNV-1a over UTF-8 bytes, each byte sign-extended as a C `int8_t`. */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = fnvOffset;
  for (let i = from; i < to; i++) h = Math.imul(h ^ ((bytes[i]! << 24) >> 24), fnvPrime);
  return h >>> 0;
}

/** The separators fastText's reader splits words at. */
function isSeparator(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0b || c === 0x0c || c === 0;
}

/**
 * Integer keys to integer values in open addressing: the tens of thousands of n-gram buckets a quantized model keeps,
 * and its vocabulary by hash, looked up hundreds of times a text without a Map's cost.
 */
class IntTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  /** Slots are the top bits of the key times the golden ratio (Fibonacci hashing). */
  private readonly shift: number;
  constructor(capacity: number) {
    if (!(capacity >= 0 && capacity < 2 ** 28)) throw new Error(`the fastText model lists ${capacity} entries, more than this reader takes`);
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    this.keys = new Int32Array(1 << bits).fill(-1);
    this.values = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }
  /** Keys are non-negative; a key set again takes the new value (as fastText's map of pruned buckets does). */
  set(key: number, value: number): void {
    for (let at = Math.imul(key, 0x9e3779b1) >>> this.shift; ; at = (at + 1) & this.mask) {
      if (this.keys[at] === key) {
        this.values[at] = value;
        return;
      }
      if (this.keys[at] === -1) {
        this.keys[at] = key;
        this.values[at] = value;
        return;
      }
    }
  }
  /** The key's value, or -1. */
  get(key: number): number {
    for (let at = Math.imul(key, 0x9e3779b1) >>> this.shift; ; at = (at + 1) & this.mask) {
      const k = this.keys[at]!;
      if (k === key) return this.values[at]!;
      if (k === -1) return -1;
    }
  }
}

export class FastTextModel {
  /** Vocabulary words by their hash (its low 31 bits); words sharing one are chained through `nextWithHash`. */
  private readonly wordsByHash: IntTable;
  private readonly nextWithHash: Int32Array;
  /** Each vocabulary word's bytes (to confirm a hash match) and its input rows, the word's and its kept n-grams', flat. */
  private readonly wordBytes: Uint8Array;
  private readonly wordBytesStart: Int32Array;
  private readonly wordRows: Int32Array;
  private readonly wordRowsStart: Int32Array;
  private readonly endOfSentenceId: number;
  private readonly labels: string[];
  private readonly tree: TreeNode[];
  private readonly input: QuantMatrix;
  private readonly hidden: Float32Array;
  /** How many rows have been added to `hidden` for the text being read. */
  private rowCount = 0;
  private textBytes = new Uint8Array(1024);
  private readonly wordBuffer = new Uint8Array(1024 + 2);

  private constructor(
    entries: readonly DictionaryEntry[],
    private readonly wordCount: number,
    private readonly minn: number,
    private readonly maxn: number,
    private readonly buckets: number,
    /** The n-gram buckets the quantization kept, and the row each now has (null when nothing was pruned). */
    private readonly prunedBuckets: IntTable | null,
    input: QuantMatrix,
    private readonly output: DenseMatrix,
  ) {
    this.input = input;
    this.hidden = new Float32Array(input.pq.dim);
    const words = entries.slice(0, wordCount);
    const labels = entries.slice(wordCount);
    if (words.some((e) => e.label) || labels.some((e) => !e.label)) throw new Error("the fastText model's dictionary does not list its words before its labels");
    this.labels = labels.map((e) => utf8Decoder.decode(e.bytes).replace(labelPrefix, ''));
    this.tree = huffmanTree(labels.map((e) => e.count));
    this.wordsByHash = new IntTable(wordCount);
    this.nextWithHash = new Int32Array(wordCount).fill(-1);
    this.wordBytesStart = new Int32Array(wordCount + 1);
    for (let id = 0; id < wordCount; id++) this.wordBytesStart[id + 1] = this.wordBytesStart[id]! + words[id]!.bytes.length;
    this.wordBytes = new Uint8Array(this.wordBytesStart[wordCount]!);
    const rows: number[] = [];
    this.wordRowsStart = new Int32Array(wordCount + 1);
    let endOfSentenceId = -1;
    for (let id = 0; id < wordCount; id++) {
      const { bytes } = words[id]!;
      this.wordBytes.set(bytes, this.wordBytesStart[id]!);
      // Each word goes at the head of its hash's chain.
      const key = wordKey(bytes, 0, bytes.length);
      this.nextWithHash[id] = this.wordsByHash.get(key);
      this.wordsByHash.set(key, id);
      rows.push(id);
      if (utf8Decoder.decode(bytes) === endOfSentence) endOfSentenceId = id;
      else this.subwordRows(bracketed(bytes, 0, bytes.length, new Uint8Array(bytes.length + 2)), bytes.length + 2, rows);
      this.wordRowsStart[id + 1] = rows.length;
    }
    this.wordRows = Int32Array.from(rows);
    this.endOfSentenceId = endOfSentenceId;
  }

  /** Parses a quantized supervised model with a hierarchical softmax; throws on anything else. */
  static parse(bytes: Uint8Array): FastTextModel {
    const r = new Reader(bytes);
    if (r.int32() !== fileMagic || r.int32() !== fileVersion) throw new Error('not a fastText model of version 12');
    const [, , , , , wordNgrams, loss, , buckets, minn, maxn] = Array.from({ length: 12 }, () => r.int32());
    r.float64(); // the sampling threshold, for training only
    if (loss !== hierarchicalSoftmax) throw new Error(`the fastText model's loss is ${loss}, not the hierarchical softmax this reader walks`);
    if (wordNgrams !== 1) throw new Error('the fastText model uses word n-grams, which this reader does not compute');
    if (!(buckets! > 0 && buckets! < 2 ** 30)) throw new Error(`the fastText model has ${buckets} buckets; this reader takes fewer than 2^30`);
    const size = r.int32();
    const nwords = r.int32();
    r.int32(); // labels: what follows the words
    r.int64(); // tokens seen in training
    const pruneCount = r.int64();
    const entries: DictionaryEntry[] = [];
    for (let i = 0; i < size; i++) {
      const entryBytes = r.cString();
      const count = r.int64();
      entries.push({ bytes: entryBytes, count, label: r.byte() === 1 });
    }
    let pruned: IntTable | null = null;
    if (pruneCount >= 0) {
      pruned = new IntTable(pruneCount);
      for (let i = 0; i < pruneCount; i++) pruned.set(r.int32(), r.int32());
    }
    if (r.byte() === 0) throw new Error('the fastText model is not quantized (.bin, not .ftz)');
    const input = readQuantMatrix(r);
    // lid.176 and fastText's other language models keep the small output matrix as it was trained.
    if (r.byte() !== 0) throw new Error("the fastText model's output matrix is quantized, which this reader does not read");
    const output = readDenseMatrix(r);
    if (!r.done) throw new Error('the fastText model has bytes after its output matrix');
    return new FastTextModel(entries, nwords, minn!, maxn!, buckets!, pruned, input, output);
  }

  /** The labels this model tells apart, without fastText's "__label__". */
  get labelNames(): readonly string[] {
    return this.labels;
  }

  /**
   * The `k` likeliest labels of a line of text, as fastText's `predict` gives them: the line is read as if it ended
   * with a line break, which fastText counts as a word of its own.
   */
  predict(text: string, k: number): FastTextPrediction[] {
    const hidden = this.hidden;
    hidden.fill(0);
    this.rowCount = 0;
    // Three bytes a UTF-16 code unit at most; the buffer grows for a long text and stays.
    if (this.textBytes.length < text.length * 3) this.textBytes = new Uint8Array(text.length * 3);
    const bytes = this.textBytes;
    // A lone surrogate becomes U+FFFD here; the WebAssembly build's string binding joined it to the next code unit.
    const length = utf8.encodeInto(text, bytes).written;
    // fastText reads one line: up to its first line break, which is the word "</s>", as a literal "</s>" is. The
    // text is read as if a line break followed it, as fastText's own bindings pass it.
    let start = -1;
    let lineEnded = false;
    for (let i = 0; i <= length && !lineEnded; i++) {
      const c = i < length ? bytes[i]! : 0x0a;
      if (!isSeparator(c)) {
        if (start < 0) start = i;
        continue;
      }
      if (start >= 0) lineEnded = this.addWord(bytes, start, i);
      start = -1;
      if (!lineEnded && c === 0x0a) {
        this.addWordRows(this.endOfSentenceId);
        lineEnded = true;
      }
    }
    if (this.rowCount === 0) return [];
    const inverse = Math.fround(1 / this.rowCount);
    for (let i = 0; i < hidden.length; i++) hidden[i] = hidden[i]! * inverse;
    const best: [number, number][] = [];
    this.walk(k, 2 * this.labels.length - 2, 0, best);
    return best.sort((a, b) => b[0] - a[0]).map(([score, node]) => ({ label: this.labels[node]!, probability: Math.fround(Math.exp(score)) }));
  }

  /** Adds a word's rows; true when the word was "</s>", which ends fastText's line. */
  private addWord(bytes: Uint8Array, from: number, to: number): boolean {
    // A word that looks like a label is a label to fastText: it is left out of the input.
    if (startsWith(bytes, from, to, labelPrefixBytes)) return false;
    for (let id = this.wordsByHash.get(wordKey(bytes, from, to)); id >= 0; id = this.nextWithHash[id]!) {
      if (sameBytes(this.wordBytes, this.wordBytesStart[id]!, this.wordBytesStart[id + 1]!, bytes, from, to)) {
        this.addWordRows(id);
        return id === this.endOfSentenceId;
      }
    }
    // Not in the vocabulary: its n-grams alone, from "<word>".
    const length = to - from + 2;
    this.subwordRows(bracketed(bytes, from, to, length <= this.wordBuffer.length ? this.wordBuffer : new Uint8Array(length)), length, null);
    return false;
  }

  private addWordRows(id: number): void {
    if (id < 0) return;
    for (let k = this.wordRowsStart[id]!; k < this.wordRowsStart[id + 1]!; k++) this.addRow(this.wordRows[k]!);
  }

  /** Adds a row of the input matrix to the hidden vector, in order, as fastText sums them (in single precision). */
  private addRow(row: number): void {
    const { hidden } = this;
    const { codes, pq, norms } = this.input;
    const alpha = norms ? norms[row]! : 1;
    const base = row * pq.subquantizers;
    for (let m = 0; m < pq.subquantizers; m++) {
      const c = centroidAt(pq, m, codes[base + m]!);
      const d = m === pq.subquantizers - 1 ? pq.lastSubDim : pq.subDim;
      for (let n = 0; n < d; n++) hidden[m * pq.subDim + n] = hidden[m * pq.subDim + n]! + Math.fround(alpha * pq.centroids[c + n]!);
    }
    this.rowCount++;
  }

  /**
   * The input rows of a word's character n-grams (`word` has its '<' and '>'), counted in UTF-8 characters as fastText
   * does: listed in `out`, or added to the hidden vector when `out` is null.
   */
  private subwordRows(word: Uint8Array, length: number, out: number[] | null): void {
    const { minn, maxn, buckets, prunedBuckets, wordCount } = this;
    for (let i = 0; i < length; i++) {
      if ((word[i]! & 0xc0) === 0x80) continue;
      let j = i;
      // FNV-1a runs byte by byte, so each n-gram's hash extends the one before it.
      let h = fnvOffset;
      for (let n = 1; j < length && n <= maxn; n++) {
        do {
          h = Math.imul(h ^ ((word[j]! << 24) >> 24), fnvPrime);
          j++;
        } while (j < length && (word[j]! & 0xc0) === 0x80);
        if (n >= minn && !(n === 1 && (i === 0 || j === length))) {
          // fastText takes the unsigned hash modulo the buckets. An unsigned hash above 2^31 is a double to V8 and its
          // modulo a slow floating-point one; halved first, every number here stays a small integer.
          let bucket = ((h >>> 1) % buckets) * 2 + (h & 1);
          if (bucket >= buckets) bucket -= buckets;
          const row = prunedBuckets === null ? bucket : prunedBuckets.get(bucket);
          if (row < 0) continue;
          if (out) out.push(wordCount + row);
          else this.addRow(wordCount + row);
        }
      }
    }
  }

  /** The dot product of the hidden vector with row `row` of the output matrix, in fastText's single precision. */
  private dotRow(row: number, x: Float32Array): number {
    const { columns, data } = this.output;
    let sum = 0;
    for (let i = 0, at = row * columns; i < columns; i++) sum = Math.fround(sum + Math.fround(x[i]! * data[at + i]!));
    return sum;
  }

  /** fastText's depth-first search of the tree, pruned by the k-th best score found so far. */
  private walk(k: number, node: number, score: number, best: [number, number][]): void {
    if (score < minScore) return;
    if (best.length === k && score < worstOf(best)) return;
    const { left, right } = this.tree[node]!;
    if (left === -1 && right === -1) {
      best.push([score, node]);
      if (best.length > k) best.splice(best.indexOf(best.reduce((a, b) => (b[0] < a[0] ? b : a))), 1);
      return;
    }
    // As fastText computes them: the sigmoid in single precision, std_log's argument rounded to it.
    const f = Math.fround(1 / Math.fround(1 + Math.fround(Math.exp(-this.dotRow(node - this.labels.length, this.hidden)))));
    this.walk(k, left, Math.fround(score + Math.fround(Math.log(Math.fround(1 - f) + 1e-5))), best);
    this.walk(k, right, Math.fround(score + Math.fround(Math.log(f + 1e-5))), best);
  }
}

const labelPrefixBytes = new TextEncoder().encode(labelPrefix);

function startsWith(bytes: Uint8Array, from: number, to: number, prefix: Uint8Array): boolean {
  if (to - from < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[from + i] !== prefix[i]) return false;
  return true;
}

function sameBytes(words: Uint8Array, start: number, end: number, bytes: Uint8Array, from: number, to: number): boolean {
  if (end - start !== to - from) return false;
  for (let i = 0; i < end - start; i++) if (words[start + i] !== bytes[from + i]) return false;
  return true;
}

/** fastText's floor: log(0 + 1e-5), the score of the threshold 0 every prediction here asks for. */
const minScore = Math.fround(Math.log(1e-5));

function worstOf(best: [number, number][]): number {
  let worst = Infinity;
  for (const [score] of best) if (score < worst) worst = score;
  return worst;
}

/** A word's bytes with fastText's '<' and '>' around them, written into `into` (at least two bytes longer). */
function bracketed(bytes: Uint8Array, from: number, to: number, into: Uint8Array): Uint8Array {
  into[0] = 0x3c;
  for (let i = from; i < to; i++) into[i - from + 1] = bytes[i]!;
  into[to - from + 1] = 0x3e;
  return into;
}
