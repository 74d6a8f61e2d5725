// Unit tests of the learned text model (src/classifiers/model/): it is what the corpus trains, it stays small, it
// explains its signals, and it never decides alone.
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { classifyEmergency, classifyText } from '../../../src/classifiers/index.js';
import { bucketCount, labelCount, modelLabels, textFeatures } from '../../../src/classifiers/model/features.js';
import { decodeModel, encodeModel, modelFile, modelFindings, probabilities, textModel, windowScores } from '../../../src/classifiers/model/textModel.js';
import { fitFinal, readTuningCorpus } from '../../../src/classifiers/model/train.js';
import { tokenize } from '../../../src/classifiers/normalise.js';

describe('the shipped text model', () => {
  it('when the tuning corpus is fitted again, then the weights are the shipped file\'s, byte for byte', () => {
    // The thresholds come from five out-of-fold fits (npm run train:model); the weights, which any change to the
    // corpus or the features moves, from one fit: that one is redone here.
    const shipped = textModel();
    const model = fitFinal(readTuningCorpus(), { emergency: shipped.emergencyThreshold, behavior: shipped.behaviorThreshold });
    expect(gzipSync(encodeModel(model), { level: 9 }).equals(readFileSync(modelFile)), 'models/text-model.bin.gz is stale: run npm run train:model').toBe(true);
    // About 50 s alone; files run side by side and share the cores, so the bound is generous.
  }, 600_000);

  it('when its size is read, then it is under 10 MB on disk and has the buckets and labels the code expects', () => {
    expect(statSync(modelFile).size).toBeLessThan(10 * 1024 * 1024);
    const m = decodeModel(gunzipSync(readFileSync(modelFile)));
    expect(m.weights.length).toBe(bucketCount * labelCount);
    expect(m.emergencyThreshold).toBeGreaterThan(0.3);
    expect(m.emergencyThreshold).toBeLessThan(1);
  });

  it('when a file is not a model, then loading it fails with what to do', () => {
    expect(() => decodeModel(Buffer.from('not a model'))).toThrow(/npm run train:model/u);
  });
});

describe('the model\'s findings', () => {
  it('when nothing is written, then it finds nothing', () => {
    expect(modelFindings([])).toEqual([]);
  });

  it('when a text is long, then every window is read and the finding names the words of its window', () => {
    const filler = 'We discussed the sources for the article about the river and agreed on the wording. '.repeat(40);
    const text = `${filler}I have saved up enough pills and tonight I will take them all, goodbye everyone. ${filler}`;
    const tokens = tokenize(text);
    const harm = modelFindings(tokens, textModel()).find((f) => f.label === 'self-harm');
    expect(harm).toBeDefined();
    const words = tokens.slice(harm!.start, harm!.end).map((t) => t.text);
    expect(words).toContain('pills');
  });

  it('when a text is one window, then scoring reads the features training counts, each word and pair once', () => {
    // Scoring sums per window with its own bookkeeping; training counts textFeatures. They must agree, repeats included.
    const m = textModel();
    for (const text of ['I will not hurt you, I will not hurt you', 'kill kill kill you you', 'tonight I take the pills 💊 goodbye', '我要杀了你 你等着']) {
      const tokens = tokenize(text);
      const features = textFeatures(tokens);
      const sums = new Float64Array(labelCount);
      for (const f of features) for (let l = 0; l < labelCount; l++) sums[l]! += m.weights[f * labelCount + l]!;
      const expected = probabilities(m, sums, features.length, new Float64Array(labelCount));
      const harm = expected[1]! + expected[2]! + expected[3]!;
      const scores = windowScores(tokens, m);
      expect(scores.harm!.probability, text).toBeCloseTo(harm, 6);
      for (const b of scores.behaviors) expect(b.probability, `${text}: ${b.label}`).toBeCloseTo(expected[modelLabels.indexOf(b.label)]!, 6);
    }
  });

  it('when the model signals, then the signal says so with its probability, like "model: 0.83 self-harm"', () => {
    const v = classifyText('I have saved up enough pills and tonight I will take them all, goodbye everyone.');
    const model = v.signals.find((s) => s.rule.startsWith('model/'));
    expect(model).toMatchObject({ rule: 'model/self-harm', category: 'self-harm', language: 'en' });
    expect(model!.score).toBeGreaterThan(0);
    expect(model!.score).toBeLessThanOrEqual(1);
  });

  it('when the model alone finds a harm in a report about behaviour, then it opens the question and does not make the report an emergency', () => {
    const v = classifyEmergency({ incidentType: 'unacceptable-user-behavior', physicalHarmType: null, behaviorType: 'trolling', texts: [], snapshot: 'I have saved up enough pills and tonight I will take them all, goodbye everyone.', language: 'en' });
    expect(v.emergency).toBe(false);
    expect(v.mayBeEmergency).toBe(true);
  });
});
