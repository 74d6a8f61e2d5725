/**
 * Runs the rules and the learned model over texts and resolves them into signals: each text's language is read, it is
 * tokenised once and matched by the rule sets of its languages, then scored by the model; conditional rules count only
 * when the signal they need was found somewhere in the same report.
 */
import { findPersonalData } from './findPersonalData.js';
import { type RuleReading, readWithRules } from './matchRuleSet.js';
import { modelFindings } from './model/textModel.js';
import { type Token, tokenize } from './normalise.js';
import { readText, ruleSetsOf, type TextReading } from './ruleSetsForText.js';
import type { Signal, SignalCategory } from './types.js';
import { isEmergencySignal } from './verdictRules.js';

/** A signal with what the classifiers need to weigh it. */
export interface WeighedSignal extends Signal {
  weight: number;
}

interface Candidate extends WeighedSignal {
  requires?: SignalCategory;
}

/** At most this many signals per text: enough to explain a verdict, bounded for hostile input. */
const maxSignalsPerText = 25;
const maxMatchChars = 200;
const asciiOnly = /^[\x00-\x7f]*$/u;

export interface TextToScan {
  text: string;
  /** The reported comment: personal data written out in it counts as doxing. */
  isSnapshot: boolean;
}

/** The source text a match covers, without format characters, trimmed to its words. */
export function matchText(source: string, tokens: readonly Token[], start: number, end: number): string {
  const from = tokens[start]!.start;
  const to = tokens[end - 1]!.end;
  const slice = source.slice(from, Math.min(to, from + maxMatchChars * 2));
  // Format characters are not ASCII: most matches have none to remove.
  const raw = (asciiOnly.test(slice) ? slice : slice.replace(/\p{Cf}/gu, '')).replace(/[\s\p{Cc}]+/gu, ' ').trim();
  // Punctuation at the ends goes; a match of emoji alone keeps them, or it would quote nothing.
  const text = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') || raw;
  if (text.length <= maxMatchChars && to <= from + maxMatchChars * 2) return text;
  const chars = [...text];
  if (chars.length <= maxMatchChars && to <= from + maxMatchChars * 2) return text;
  // A long match is cut at a word boundary and marked as cut: a quoted phrase never ends mid-word.
  const head = chars.slice(0, maxMatchChars).join('');
  const atSpace = head.lastIndexOf(' ');
  return `${(atSpace > 0 ? head.slice(0, atSpace) : head).replace(/[^\p{L}\p{N}]+$/gu, '')}…`;
}

/** The model's signals weigh least: a rule that fired names the harm, the model only adds what the rules missed. */
const modelWeight = 1;

/**
 * The model does not see idioms: a harm it reads in a window where an idiom hid the words from the rules ("my mum
 * will kill me", "kill the process"), and where no rule found a harm meant, is not the model's to raise. A rule match
 * muted by a negation, a fiction cue or a topic cue does not silence it: the model reads negations itself and learned
 * plots and the news from the corpus, while a threat that names "the article" is muted by the topic cue. Silencing it
 * there lost 41 emergencies of the tuning part ("Se non cancellate la voce… sparo a tutti") and spared no hard negative.
 */
function mutedByIdioms(rules: RuleReading, window: { start: number; end: number }): boolean {
  const inside = (r: { start: number; end: number }) => r.start < window.end && r.end > window.start;
  return rules.idioms.some(inside) && !rules.matches.some((m) => isEmergencySignal(m.rule.rule) && inside(m));
}

function scanOne(item: TextToScan, reading: TextReading): Candidate[] {
  const out: Candidate[] = [];
  const tokens = tokenize(item.text);
  const rules = readWithRules(ruleSetsOf(reading), tokens);
  for (const f of modelFindings(tokens)) {
    if (isEmergencySignal({ category: f.label }) && mutedByIdioms(rules, f)) continue;
    out.push({ rule: `model/${f.label}`, match: matchText(item.text, tokens, f.start, f.end), language: reading.language, category: f.label, weight: modelWeight, score: Math.round(f.probability * 100) / 100 });
  }
  for (const m of rules.matches) {
    out.push({
      rule: m.rule.name,
      match: matchText(item.text, tokens, m.start, m.end),
      language: m.language,
      category: m.rule.rule.category,
      weight: m.rule.rule.weight ?? 2,
      ...(m.rule.rule.requires ? { requires: m.rule.rule.requires } : {}),
    });
    if (out.length >= maxSignalsPerText) return out;
  }
  if (item.isSnapshot) {
    for (const pd of findPersonalData(item.text)) {
      out.push({ rule: `pii/${pd.kind}`, match: pd.masked, language: 'und', category: 'doxing', weight: 2 });
      if (out.length >= maxSignalsPerText) break;
    }
  }
  return out;
}

export interface ScanResult {
  signals: WeighedSignal[];
  /** What could be made of each text's language, in the order of the texts (blank texts left out). */
  readings: TextReading[];
}

/**
 * The signals of a report's texts, conditions resolved, duplicates removed, in the order found. `hint` is the
 * language the reporter chose for the interface: its rules read every text too.
 */
export function collectSignals(items: readonly TextToScan[], hint: string | null): ScanResult {
  const texts = items.filter((i) => i.text.trim() !== '');
  const readings = texts.map((i) => readText(i.text, hint));
  const candidates = texts.flatMap((i, n) => scanOne(i, readings[n]!));
  const unconditional = new Set(candidates.filter((c) => !c.requires).map((c) => c.category));
  const seen = new Set<string>();
  const out: WeighedSignal[] = [];
  for (const c of candidates) {
    if (c.requires && !unconditional.has(c.requires)) continue;
    const key = `${c.rule}\u0000${c.match}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ rule: c.rule, match: c.match, language: c.language, category: c.category, weight: c.weight, ...(c.score !== undefined ? { score: c.score } : {}) });
  }
  return { signals: out, readings };
}

/** A signal as the verdicts report it: the weight is an internal detail. */
export function publicSignal(s: WeighedSignal): Signal {
  return { rule: s.rule, match: s.match, language: s.language, category: s.category, ...(s.score !== undefined ? { score: s.score } : {}) };
}
