/**
 * Which language a text is written in: fastText's lid.176 model (176 languages, shipped inside the fasttext.wasm.js
 * package), read once when this module is imported and run by our own reader of the format (fastTextModel.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FastTextModel } from './fastTextModel.js';

/** The model reads this many characters of each script's text: enough for a language, cheap enough for every report. */
const sampleChars = 48;
/** Scripts are looked for in this many characters from the start: a longer text costs no more to read. */
const scanChars = 20_000;
/** Below this many letters a text has no language to speak of ("ok", "?", "a"). */
const minLetters = 4;
/** A second guess this likely also gets its rules run: short and mixed texts are often misread by a little. */
const runnerUpProbability = 0.15;

/** lid.176 labels that our rules read under another code: Egyptian Arabic, Malay (as close to Indonesian as a dialect), Wu and Cantonese. */
const aliases: Record<string, string> = { arz: 'ar', ms: 'id', wuu: 'zh', yue: 'zh' };

interface Prediction {
  language: string;
  probability: number;
}

/** The model file the package ships; its WebAssembly build would hold a 16 MiB heap and cost a call into it per text. */
export const languageModelFile = createRequire(import.meta.url).resolve('fasttext.wasm.js/dist/models/language-identification/assets/lid.176.ftz');
const model = FastTextModel.parse(readFileSync(languageModelFile));

/** Below this, the model's second and third guesses are asked for too. */
const sure = 0.6;

/** The model's best guess for a short sample, and when it is unsure its next two, most likely first. */
function predict(sample: string): Prediction[] {
  const best = guesses(sample, 1);
  return best[0] && best[0].probability < sure ? guesses(sample, 3) : best;
}

function guesses(sample: string, k: number): Prediction[] {
  return model.predict(sample, k).map(({ label, probability }) => ({ language: aliases[label] ?? label, probability }));
}

/** The scripts a text's letters are grouped by: each group's language is read apart, so mixed texts are read whole. */
type ScriptGroup = 'latin' | 'cyrillic' | 'arabic' | 'devanagari' | 'cjk' | 'hangul' | 'other';

const scriptTests: [RegExp, ScriptGroup][] = [
  [/\p{Script=Cyrillic}/u, 'cyrillic'],
  [/\p{Script=Arabic}/u, 'arabic'],
  [/\p{Script=Devanagari}/u, 'devanagari'],
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u, 'cjk'],
  [/\p{Script=Hangul}/u, 'hangul'],
  [/\p{Script=Latin}/u, 'latin'],
];
const letterTest = /\p{L}/u;

function scriptOf(ch: string): ScriptGroup | null {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 'latin' : null;
  if (!letterTest.test(ch)) return null;
  for (const [test, group] of scriptTests) if (test.test(ch)) return group;
  return 'other';
}

export interface LanguageReading {
  /**
   * The ISO 639 code of the language the text is mostly written in (lid.176's code where ISO 639-1 has none);
   * 'zxx' when the text has no words (emoji, digits, punctuation), 'und' when it has too few letters to tell.
   */
  language: string;
  /** The model's probability for that language, 0 to 1 (1 for 'zxx' and 'und'). */
  confidence: number;
  /** Every language found, one per script the text is written in, the main one first. */
  languages: string[];
  /** The languages' second guesses that are likely enough to be worth reading too. */
  alternatives: string[];
}

const nonAscii = /[^\x00-\x7f]/u;
const endOfLineWord = /(?<=^| )<\/s>(?= |$)/gu;

/** The opening of a text's part in one script, and how many letters that part has. */
interface ScriptSample {
  text: string;
  letters: number;
}

/** Plain ASCII: one script, and the opening is the sample (only whether there are a few letters needs counting). */
function readAscii(text: string): LanguageReading {
  let letters = 0;
  for (let i = 0; i < text.length && i < scanChars && letters < minLetters; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 97 && c <= 122) letters++;
  }
  return readSamples([{ text: text.slice(0, sampleChars), letters }], letters);
}

/** The reading of a text from its scripts' samples: the main language is that of the script with the most letters. */
function readSamples(samples: ScriptSample[], letters: number): LanguageReading {
  if (letters === 0) return { language: 'zxx', confidence: 1, languages: [], alternatives: [] };
  if (letters < minLetters) return { language: 'und', confidence: 1, languages: [], alternatives: [] };
  const languages: string[] = [];
  const alternatives: string[] = [];
  let main: Prediction | null = null;
  for (const s of samples.filter((x) => x.letters > 0).sort((a, b) => b.letters - a.letters)) {
    if (s.letters < minLetters && main) continue;
    // A line break would end fastText's line, and so would the word "</s>" (struck-out wiki markup, here): every run of
    // whitespace is one space and "</s>" goes. ASCII is its own NFKC form.
    const sample = (nonAscii.test(s.text) ? s.text.normalize('NFKC') : s.text).replace(/\s+/gu, ' ');
    const [best, ...rest] = predict((sample.includes('</s>') ? sample.replace(endOfLineWord, ' ') : sample).trim());
    if (!best) continue;
    main ??= best;
    if (!languages.includes(best.language)) languages.push(best.language);
    for (const r of rest) if (r.probability >= runnerUpProbability && !alternatives.includes(r.language)) alternatives.push(r.language);
  }
  if (!main) return { language: 'und', confidence: 0, languages: [], alternatives: [] };
  return { language: main.language, confidence: main.probability, languages, alternatives: alternatives.filter((a) => !languages.includes(a)) };
}

/**
 * Reads the language of a text. Each script's letters are read apart (a Russian quote in an English report is found),
 * from the first `sampleChars` characters of that script's part, so the time does not grow with the text.
 */
export function identifyLanguage(text: string): LanguageReading {
  // Most reports are plain ASCII: one script, and its opening is the sample.
  if (!nonAscii.test(text)) return readAscii(text);
  const samples = new Map<ScriptGroup, ScriptSample>();
  let letters = 0;
  let group: ScriptGroup | null = null;
  let seen = 0;
  for (const ch of text) {
    if (++seen > scanChars) break;
    const g = scriptOf(ch);
    if (g) {
      group = g;
      letters++;
    }
    // Spaces, digits and punctuation go with the script before them.
    const target = g ?? group;
    if (!target) continue;
    let s = samples.get(target);
    if (!s) samples.set(target, (s = { text: '', letters: 0 }));
    if (g) s.letters++;
    if (s.text.length < sampleChars) s.text += ch;
  }
  return readSamples([...samples.values()], letters);
}
