/**
 * Which rule sets read a text: those of the languages it is written in (identified by the language model), of the
 * reporter's interface language, and of close second guesses. Each language's rule set is compiled once, when a text first needs it.
 */
import { type CompiledRuleSet, compileRuleSet } from './compileRuleSet.js';
import { identifyLanguage, type LanguageReading } from './identifyLanguage.js';
import { ruleSets } from './rules/index.js';

export const supportedLanguages: readonly string[] = Object.keys(ruleSets);

/** For a text too short to identify ("kys", "🔪"), every language written in its scripts. */
const scriptLanguages: [RegExp, string[]][] = [
  [/\p{Script=Latin}/u, ['en', 'pt', 'es', 'fr', 'de', 'id', 'it', 'pl', 'nl', 'tr']],
  [/\p{Script=Cyrillic}/u, ['uk', 'ru']],
  [/\p{Script=Hangul}/u, ['ko']],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, ['ja']],
  [/\p{Script=Han}/u, ['zh', 'ja']],
  [/\p{Script=Arabic}/u, ['ar', 'fa']],
  [/\p{Script=Devanagari}/u, ['hi']],
];

/** Romanised Hindi has no label of its own in the language model: a Latin text it is unsure of may be Hindi. */
const unsure = 0.5;
const latin = /\p{Script=Latin}/u;

const compiled = new Map<string, CompiledRuleSet>();

/**
 * A language's rule set, compiled on first use (throws on a malformed rule; a unit test compiles them all): a wiki
 * whose reports come in three languages holds three compiled sets, not eighteen.
 */
export function compiledRuleSet(lang: string): CompiledRuleSet | undefined {
  let set = compiled.get(lang);
  if (!set && Object.hasOwn(ruleSets, lang)) compiled.set(lang, (set = compileRuleSet(ruleSets[lang]!)));
  return set;
}

/** 'pt-BR', 'pt_br' and 'PT' are 'pt'; null when the code names no supported language. */
export function supportedLanguage(code: string | null | undefined): string | null {
  if (!code) return null;
  let known = supportedCodes.get(code);
  if (known === undefined) {
    const base = code.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
    known = supportedLanguages.includes(base) ? base : null;
    // Codes come from the language model's 176 labels and the wiki's interface languages: a bounded set.
    if (supportedCodes.size < 1_000) supportedCodes.set(code, known);
  }
  return known;
}

const supportedCodes = new Map<string, string | null>();

/** The languages whose script appears in the text. */
export function languagesByScript(text: string): string[] {
  const langs: string[] = [];
  for (const [script, codes] of scriptLanguages) if (script.test(text)) for (const c of codes) if (!langs.includes(c)) langs.push(c);
  return langs;
}

/** What the classifiers could make of a text's language, and which rule sets read it. */
export interface TextReading extends LanguageReading {
  /** False when the text is written in a language we have no rules for: no signal then does not mean no danger. */
  readable: boolean;
  /** The languages whose rules read the text. */
  ruleLanguages: string[];
}

/** Reads a text's language; `hint` is the language the reporter chose for the interface (or the command's `lang`). */
export function readText(text: string, hint: string | null): TextReading {
  const reading = identifyLanguage(text);
  const codes = new Set<string>();
  const add = (code: string | null) => {
    if (code) codes.add(code);
  };
  add(supportedLanguage(hint));
  for (const l of reading.languages) add(supportedLanguage(l));
  for (const l of reading.alternatives) add(supportedLanguage(l));
  const identified = reading.language !== 'und' && reading.language !== 'zxx';
  if (!identified) for (const l of languagesByScript(text)) add(l);
  if (identified && reading.confidence < unsure && latin.test(text)) add('hi');
  // Readable when every script's language has rules, or when the model, unsure, names one that has among its guesses.
  // The interface language and the romanised-Hindi fallback run their rules, but they are no reason to call it read.
  const unsureButOurs = reading.confidence < unsure && reading.alternatives.some((l) => supportedLanguage(l) !== null);
  const readable = !identified || reading.languages.every((l) => supportedLanguage(l) !== null) || unsureButOurs;
  // Built field by field: spreading the reading cost more than the rest of this function.
  return { language: reading.language, confidence: reading.confidence, languages: reading.languages, alternatives: reading.alternatives, readable, ruleLanguages: [...codes] };
}

/** The compiled rule sets of a reading. */
export function ruleSetsOf(reading: TextReading): CompiledRuleSet[] {
  return reading.ruleLanguages.map(compiledRuleSet).filter((s): s is CompiledRuleSet => s !== undefined);
}
