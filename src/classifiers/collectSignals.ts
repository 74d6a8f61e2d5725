/**
 * Runs the rules over texts and resolves them into signals: each text is tokenised once and matched by every chosen
 * rule set; conditional rules count only when the signal they need was found somewhere in the same report.
 */
import type { CompiledRuleSet } from './compileRuleSet.js';
import { findPersonalData } from './findPersonalData.js';
import { matchRuleSets } from './matchRuleSet.js';
import { type Token, tokenize } from './normalise.js';
import type { Signal, SignalCategory } from './types.js';

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

export interface TextToScan {
  text: string;
  /** The reported comment: personal data written out in it counts as doxing. */
  isSnapshot: boolean;
}

/** The source text a match covers, without format characters, trimmed to its words. */
export function matchText(source: string, tokens: readonly Token[], start: number, end: number): string {
  const from = tokens[start]!.start;
  const to = tokens[end - 1]!.end;
  const text = source
    .slice(from, Math.min(to, from + maxMatchChars * 2))
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/gu, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const chars = [...text];
  if (chars.length <= maxMatchChars && to <= from + maxMatchChars * 2) return text;
  // A long match is cut at a word boundary and marked as cut: a quoted phrase never ends mid-word.
  const head = chars.slice(0, maxMatchChars).join('');
  const atSpace = head.lastIndexOf(' ');
  return `${(atSpace > 0 ? head.slice(0, atSpace) : head).replace(/[^\p{L}\p{N}]+$/gu, '')}…`;
}

function scanOne(item: TextToScan, sets: readonly CompiledRuleSet[]): Candidate[] {
  const out: Candidate[] = [];
  const tokens = tokenize(item.text);
  for (const m of matchRuleSets(sets, tokens)) {
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

/** The signals of a report's texts, conditions resolved, duplicates removed, in the order found. */
export function collectSignals(items: readonly TextToScan[], setsFor: (text: string) => readonly CompiledRuleSet[]): WeighedSignal[] {
  const candidates = items.filter((i) => i.text.trim() !== '').flatMap((i) => scanOne(i, setsFor(i.text)));
  const unconditional = new Set(candidates.filter((c) => !c.requires).map((c) => c.category));
  const seen = new Set<string>();
  const out: WeighedSignal[] = [];
  for (const c of candidates) {
    if (c.requires && !unconditional.has(c.requires)) continue;
    const key = `${c.rule}\u0000${c.match}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ rule: c.rule, match: c.match, language: c.language, category: c.category, weight: c.weight });
  }
  return out;
}

/** A signal as the verdicts report it: the weight is an internal detail. */
export function publicSignal(s: WeighedSignal): Signal {
  return { rule: s.rule, match: s.match, language: s.language, category: s.category };
}
