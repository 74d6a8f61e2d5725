/**
 * Which rule sets to run: the given language's when there is one, else every language written in the text's scripts
 * (Latin, Cyrillic, Hangul). Rule sets are compiled once, on first use; they are constant data.
 */
import { type CompiledRuleSet, compileRuleSet } from './compileRuleSet.js';
import { ruleSets } from './rules/index.js';

export const supportedLanguages: readonly string[] = Object.keys(ruleSets);

const scriptLanguages: [RegExp, string[]][] = [
  [/\p{Script=Latin}/u, ['en', 'pt', 'es', 'fr', 'de', 'id']],
  [/\p{Script=Cyrillic}/u, ['uk']],
  [/\p{Script=Hangul}/u, ['ko']],
];

let compiled: Map<string, CompiledRuleSet> | null = null;

/** Every rule set, compiled; throws on a malformed rule (a unit test compiles them all). */
export function compiledRuleSets(): Map<string, CompiledRuleSet> {
  if (!compiled) {
    const map = new Map<string, CompiledRuleSet>();
    for (const [lang, set] of Object.entries(ruleSets)) map.set(lang, compileRuleSet(set));
    compiled = map;
  }
  return compiled;
}

/** 'pt-BR', 'pt_br' and 'PT' are 'pt'; null when the code names no supported language. */
export function supportedLanguage(code: string | null | undefined): string | null {
  if (!code) return null;
  const base = code.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
  return supportedLanguages.includes(base) ? base : null;
}

/** The languages whose script appears in the text. */
export function languagesByScript(text: string): string[] {
  const langs: string[] = [];
  for (const [script, codes] of scriptLanguages) if (script.test(text)) langs.push(...codes);
  return langs;
}

/** The rule sets for a text: the stated language's alone, or every language of the text's scripts. */
export function ruleSetsFor(text: string, language: string | null): CompiledRuleSet[] {
  const all = compiledRuleSets();
  const lang = supportedLanguage(language);
  const codes = lang ? [lang] : languagesByScript(text);
  return codes.map((c) => all.get(c)!).filter((s) => s !== undefined);
}
