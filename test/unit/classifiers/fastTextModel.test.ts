// Unit tests of our reader of fastText models (src/classifiers/fastTextModel.ts): on lid.176 it predicts what the
// package's WebAssembly build of fastText predicts, and it refuses a file it cannot read with what is wrong.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getLIDModel } from 'fasttext.wasm.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { FastTextModel, type FastTextPrediction } from '../../../src/classifiers/fastTextModel.js';
import { languageModelFile } from '../../../src/classifiers/identifyLanguage.js';

interface WasmVector {
  size(): number;
  get(i: number): [number, string];
  delete?: () => void;
}

const corpusDir = path.resolve(import.meta.dirname, '../../classifiers/corpus');

/** Every 7th line of the corpus (about 4,000 texts in 18 languages and others), cut as identifyLanguage cuts samples. */
function corpusSamples(): string[] {
  const out: string[] = [];
  let n = 0;
  for (const file of readdirSync(corpusDir, { recursive: true }) as string[]) {
    if (!file.endsWith('.jsonl')) continue;
    for (const line of readFileSync(path.join(corpusDir, file), 'utf8').split('\n')) {
      if (line.trim() === '' || n++ % 7 !== 0) continue;
      const { text } = JSON.parse(line) as { text: string };
      out.push(text.slice(0, 48).normalize('NFKC').replace(/\s+/gu, ' ').trim());
    }
  }
  return out;
}

const edgeCases = [
  '',
  ' ',
  '</s>',
  'a',
  'the',
  '🔪🔪🔪',
  'k i l l',
  'x'.repeat(3000),
  'ä'.repeat(700) + ' word',
  'Привет, как дела? hello there 你好',
  '__label__en is a label, not a word',
  'tab\tand\vvertical\fbreaks\rhere',
  // fastText reads one line: a line break or a literal "</s>" ends it.
  'hello world\nbonjour tout le monde',
  '</s> ceci est une phrase en français',
  'hello </s> bonjour tout le monde et merci',
  '\n\nnothing before the break',
];

/** The predictions that are more than fastText's floor (its probabilities of about 1e-5 are ties broken by rounding). */
function aboveFloor(predictions: FastTextPrediction[]): FastTextPrediction[] {
  return predictions.filter((p) => p.probability > 1e-3);
}

describe('the fastText reader, on lid.176', () => {
  const model = FastTextModel.parse(readFileSync(languageModelFile));
  let wasm: { predict(text: string, k: number, threshold: number): WasmVector };

  beforeAll(async () => {
    wasm = (await (await getLIDModel()).load()) as unknown as typeof wasm;
  });

  function wasmPredict(text: string, k: number): FastTextPrediction[] {
    const v = wasm.predict(text, k, 0);
    const out: FastTextPrediction[] = [];
    for (let i = 0; i < v.size(); i++) {
      const [probability, label] = v.get(i);
      out.push({ label: label.replace('__label__', ''), probability });
    }
    v.delete?.();
    return out;
  }

  it('when it is read, then it names the 176 languages', () => {
    expect(model.labelNames).toHaveLength(176);
    expect(model.labelNames).toEqual(expect.arrayContaining(['en', 'uk', 'ru', 'ja', 'zh', 'ar', 'fa', 'hi', 'id', 'ko']));
  });

  it('when corpus lines and odd texts are predicted, then the labels and probabilities are fastText\'s own (to 1e-6)', () => {
    const texts = [...corpusSamples(), ...edgeCases];
    expect(texts.length).toBeGreaterThan(3_000);
    const differing: string[] = [];
    for (const text of texts) {
      for (const k of [1, 3]) {
        const ours = aboveFloor(model.predict(text, k));
        const theirs = aboveFloor(wasmPredict(text, k));
        const same = ours.length === theirs.length && ours.every((p, i) => p.label === theirs[i]!.label && Math.abs(p.probability - theirs[i]!.probability) < 1e-6);
        if (!same) differing.push(`${JSON.stringify(text)} k=${k}: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('when a text has no words, then there is still one prediction, from the end of the line alone, as in fastText', () => {
    expect(model.predict('', 1)).toHaveLength(wasmPredict('', 1).length);
  });
});

describe('the fastText reader, on a file it cannot read', () => {
  const bytes = readFileSync(languageModelFile);

  it('when the file is not a fastText model, then it says so', () => {
    expect(() => FastTextModel.parse(Buffer.from('not a model at all'))).toThrow(/not a fastText model/u);
  });

  it('when the file is cut short, then it fails instead of predicting from part of it', () => {
    expect(() => FastTextModel.parse(bytes.subarray(0, bytes.length - 100))).toThrow();
    expect(() => FastTextModel.parse(bytes.subarray(0, 5_000))).toThrow();
  });

  it('when bytes follow the model, then it refuses the file', () => {
    expect(() => FastTextModel.parse(Buffer.concat([bytes, Buffer.from([0])]))).toThrow(/bytes after/u);
  });
});
