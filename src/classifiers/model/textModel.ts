/**
 * The learned model beside the rules: a linear model over hashed words, character n-grams and word pairs, trained by
 * `npm run train:model` from the labelled corpus. It reads every language at once, sentence window by sentence window,
 * and only ever adds signals: it never decides alone.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Token } from '../normalise.js';
import { bucketCount, featureScale, labelCount, type ModelLabel, modelForms, modelLabels, pairFeature, wordFeatures, wordHash } from './features.js';

/** Where the trained weights live: beside `locales/`, read from `src/` and from `build/` alike. */
export const modelFile = new URL('../../../models/text-model.bin.gz', import.meta.url);

const magic = 'RIM1';

/** The trained model: int8 weights with one scale, a bias per label, and the thresholds chosen on held-back folds. */
export interface TextModel {
  scale: number;
  biases: Float32Array;
  /** The summed probability of the three harms at which the model reports a possible emergency. */
  emergencyThreshold: number;
  /** The probability at which it reports a behaviour. */
  behaviorThreshold: number;
  weights: Int8Array;
}

/** The file: "RIM1", scale, two thresholds, biases (float32, little-endian), then bucketCount × labelCount int8, gzipped. */
export function encodeModel(m: TextModel): Buffer {
  const head = Buffer.alloc(4 + 4 * 3 + 4 * labelCount);
  head.write(magic, 0, 'latin1');
  head.writeFloatLE(m.scale, 4);
  head.writeFloatLE(m.emergencyThreshold, 8);
  head.writeFloatLE(m.behaviorThreshold, 12);
  for (let i = 0; i < labelCount; i++) head.writeFloatLE(m.biases[i]!, 16 + 4 * i);
  return Buffer.concat([head, Buffer.from(m.weights.buffer, m.weights.byteOffset, m.weights.byteLength)]);
}

export function decodeModel(raw: Buffer): TextModel {
  const headLength = 16 + 4 * labelCount;
  if (raw.toString('latin1', 0, 4) !== magic || raw.length !== headLength + bucketCount * labelCount) {
    throw new Error(`the text model is not a ${magic} model of ${bucketCount} buckets and ${labelCount} labels; run npm run train:model`);
  }
  const biases = new Float32Array(labelCount);
  for (let i = 0; i < labelCount; i++) biases[i] = raw.readFloatLE(16 + 4 * i);
  // A view, not a copy: the unzipped file is the model's memory.
  const weights = new Int8Array(raw.buffer, raw.byteOffset + headLength, bucketCount * labelCount);
  return { scale: raw.readFloatLE(4), emergencyThreshold: raw.readFloatLE(8), behaviorThreshold: raw.readFloatLE(12), biases, weights };
}

let loaded: TextModel | null = null;

export function textModel(): TextModel {
  loaded ??= decodeModel(gunzipSync(readFileSync(modelFile)));
  return loaded;
}

/** A window is at most this many words: about two sentences, the length of a corpus line. */
const windowTokens = 40;
const windowStride = 20;

/** A word as the model has summed it: prose repeats its words, and summing a word's n-grams is most of the cost. */
interface WordEntry {
  /** The summed weights of its features, one entry per label, then how many features it has. */
  sums: Int32Array;
  /** Its word hash, of which pairs are made. */
  hash: number;
  /** The text (numbered by `textNumber`) in which it was last seen: a word counts once a text. */
  seenIn: number;
}

const wordCaches = new WeakMap<TextModel, Map<string, WordEntry>>();
const wordCacheLimit = 50_000;
/** Which text is being scored; a word or pair marked with it was seen earlier in this text. */
let textNumber = 0;
/** For each pair bucket, the text it was last seen in (the buckets are few enough to mark directly). */
const pairSeenIn = new Int32Array(bucketCount);

function wordCache(m: TextModel, tokenCount: number): Map<string, WordEntry> {
  let cache = wordCaches.get(m);
  if (!cache) wordCaches.set(m, (cache = new Map()));
  // Emptied before a text, never during one: an entry made again mid-text would forget it had been seen.
  if (cache.size + tokenCount > wordCacheLimit) cache.clear();
  return cache;
}

function wordEntry(m: TextModel, cache: Map<string, WordEntry>, form: string): WordEntry {
  let e = cache.get(form);
  if (e) return e;
  const sums = new Int32Array(labelCount + 1);
  const features = wordFeatures(form);
  for (const f of features) {
    const base = f * labelCount;
    for (let l = 0; l < labelCount; l++) sums[l]! += m.weights[base + l]!;
  }
  sums[labelCount] = features.length;
  e = { sums, hash: wordHash(form), seenIn: 0 };
  cache.set(form, e);
  return e;
}

/** The probabilities of each label for features summing to `sums` (one entry per label) out of `count` features. */
export function probabilities(m: TextModel, sums: ArrayLike<number>, count: number, out: Float64Array): Float64Array {
  const norm = m.scale * featureScale(count);
  let max = -Infinity;
  for (let l = 0; l < labelCount; l++) {
    out[l] = m.biases[l]! + sums[l]! * norm;
    if (out[l]! > max) max = out[l]!;
  }
  let total = 0;
  for (let l = 0; l < labelCount; l++) total += out[l] = Math.exp(out[l]! - max);
  for (let l = 0; l < labelCount; l++) out[l]! /= total;
  return out;
}

/** What the model found: a label, how sure it is, and the words of the window it read it in. */
export interface ModelFinding {
  label: Exclude<ModelLabel, 'none'>;
  probability: number;
  /** Token indices [start, end) of the window. */
  start: number;
  end: number;
}

/** The label indices of the three harms (physical, self, public); the behaviours follow them. */
const harmLabels: readonly number[] = [1, 2, 3];
const firstBehaviorLabel = 4;

/** The windows of a text: from each sentence's start, that sentence and the ones after it while they fit; long sentences in overlapping pieces. */
function windows(tokens: readonly Token[]): [number, number][] {
  const out: [number, number][] = [];
  const starts: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (i === 0 || tokens[i]!.sentence !== tokens[i - 1]!.sentence) starts.push(i);
  starts.push(tokens.length);
  for (let s = 0; s + 1 < starts.length; s++) {
    const from = starts[s]!;
    const sentenceEnd = starts[s + 1]!;
    if (sentenceEnd - from > windowTokens) {
      for (let a = from; a < sentenceEnd; a += windowStride) {
        out.push([a, Math.min(a + windowTokens, sentenceEnd)]);
        if (a + windowTokens >= sentenceEnd) break;
      }
      continue;
    }
    // The sentence alone, and with each next sentence while they fit: a threat may need the sentence before its
    // "see you soon", and a long harmless neighbour must not drown it.
    out.push([from, sentenceEnd]);
    for (let n = s + 2; n < starts.length && starts[n]! - from <= windowTokens; n++) out.push([from, starts[n]!]);
  }
  return out;
}

/** Buffers reused from call to call (the classifier runs on one thread): scoring allocates nothing per word. */
let prefixBuffer = new Int32Array(0);
/** By token, the pair bucket first counted at it (the pair of it and the word before), or -1. */
let pairBuffer = new Int32Array(0);
const sums = new Float64Array(labelCount);
const p = new Float64Array(labelCount);
const best = new Float64Array(labelCount);
const bestStart = new Int32Array(labelCount);
const bestEnd = new Int32Array(labelCount);

function scratch(tokenCount: number): { prefix: Int32Array; pairAt: Int32Array } {
  const width = labelCount + 1;
  if (prefixBuffer.length < (tokenCount + 1) * width) {
    prefixBuffer = new Int32Array((tokenCount + 1) * width * 2);
    pairBuffer = new Int32Array((tokenCount + 1) * 2);
  }
  // Every row is written before it is read, but row 0 of the prefix sums must start at zero.
  prefixBuffer.fill(0, 0, width);
  return { prefix: prefixBuffer, pairAt: pairBuffer };
}

/** The strongest reading over a text's windows: the likeliest harm (the three summed, named by the largest), and each behaviour. */
export interface WindowScores {
  harm: ModelFinding | null;
  behaviors: ModelFinding[];
}

export function windowScores(tokens: readonly Token[], m: TextModel = textModel()): WindowScores {
  const out: WindowScores = { harm: null, behaviors: [] };
  if (tokens.length === 0) return out;
  // Prefix sums of word and pair vectors: any window's sum is two subtractions, whatever its length.
  const width = labelCount + 1;
  const { prefix, pairAt } = scratch(tokens.length);
  // A word or a pair counts once in a text, at its first occurrence, as in training (featureSteps).
  const text = ++textNumber;
  const cache = wordCache(m, tokens.length);
  const forms = modelForms(tokens);
  let previous = 0;
  for (let i = 0; i < tokens.length; i++) {
    const e = wordEntry(m, cache, forms[i]!);
    const row = i * width;
    const next = row + width;
    if (e.seenIn !== text) {
      e.seenIn = text;
      for (let l = 0; l <= labelCount; l++) prefix[next + l] = prefix[row + l]! + e.sums[l]!;
    } else for (let l = 0; l <= labelCount; l++) prefix[next + l] = prefix[row + l]!;
    pairAt[i] = -1;
    if (i > 0) {
      const pair = pairFeature(previous, e.hash);
      if (pairSeenIn[pair] !== text) {
        pairSeenIn[pair] = text;
        const base = pair * labelCount;
        for (let l = 0; l < labelCount; l++) {
          prefix[next + l]! += m.weights[base + l]!;
        }
        pairAt[i] = pair;
        prefix[next + labelCount]! += 1;
      }
    }
    previous = e.hash;
  }
  // The best window of each label (index 0 holds the harms, summed), kept in numbers: objects are made once, at the end.
  best.fill(-1);
  let harmTop = harmLabels[0]!;
  for (const [a, b] of windows(tokens)) {
    // The pair that joins the window to the word before it is not the window's.
    const joining = pairAt[a]!;
    for (let l = 0; l < labelCount; l++) sums[l] = prefix[b * width + l]! - prefix[a * width + l]! - (joining < 0 ? 0 : m.weights[joining * labelCount + l]!);
    const count = prefix[b * width + labelCount]! - prefix[a * width + labelCount]! - (joining < 0 ? 0 : 1);
    probabilities(m, sums, count, p);
    let harm = 0;
    let top = harmLabels[0]!;
    for (const l of harmLabels) {
      harm += p[l]!;
      if (p[l]! > p[top]!) top = l;
    }
    if (harm > best[0]!) {
      best[0] = harm;
      bestStart[0] = a;
      bestEnd[0] = b;
      harmTop = top;
    }
    for (let l = firstBehaviorLabel; l < labelCount; l++) {
      if (p[l]! > best[l]!) {
        best[l] = p[l]!;
        bestStart[l] = a;
        bestEnd[l] = b;
      }
    }
  }
  const finding = (label: number, slot: number): ModelFinding => ({ label: modelLabels[label] as ModelFinding['label'], probability: best[slot]!, start: bestStart[slot]!, end: bestEnd[slot]! });
  out.harm = best[0]! >= 0 ? finding(harmTop, 0) : null;
  for (let l = firstBehaviorLabel; l < labelCount; l++) if (best[l]! >= 0) out.behaviors.push(finding(l, l));
  return out;
}

/** The model's findings in a text's tokens: the likeliest harm and each behaviour, where they reach their thresholds. */
export function modelFindings(tokens: readonly Token[], m: TextModel = textModel()): ModelFinding[] {
  const { harm, behaviors } = windowScores(tokens, m);
  const found = behaviors.filter((f) => f.probability >= m.behaviorThreshold);
  return harm && harm.probability >= m.emergencyThreshold ? [harm, ...found] : found;
}
