/** How signals become verdicts: which categories are emergencies, which behaviour type each suggests, and precedence. */
import type { BehaviorType, PhysicalHarmType } from '../taxonomy/taxonomy.js';
import type { WeighedSignal } from './collectSignals.js';
import type { SignalCategory } from './types.js';

/** The emergency categories and their harm type, strongest first for ties. */
export const harmTypeOf: Partial<Record<SignalCategory, PhysicalHarmType>> = {
  'public-harm': 'threats-public-harm',
  'physical-harm': 'threats-physical-harm',
  'self-harm': 'threats-self-harm',
};

const harmPrecedence: SignalCategory[] = ['public-harm', 'physical-harm', 'self-harm'];

/**
 * The behaviour type each category suggests, in order of precedence: doxing first, because a published address is
 * the most urgent community path (the edit must be hidden). Self-harm suggests none: it is the emergency path's.
 */
export const behaviorTypeOf: Partial<Record<SignalCategory, BehaviorType>> = {
  doxing: 'doxing',
  'sexual-harassment': 'sexual-harassment',
  hate: 'hate-or-discrimination',
  'physical-harm': 'intimidation',
  'public-harm': 'intimidation',
  intimidation: 'intimidation',
  spam: 'spam',
  trolling: 'trolling',
};

const behaviorPrecedence: SignalCategory[] = ['doxing', 'sexual-harassment', 'hate', 'public-harm', 'physical-harm', 'intimidation', 'spam', 'trolling'];

export function isEmergencySignal(s: { category: SignalCategory }): boolean {
  return harmTypeOf[s.category] !== undefined;
}

/** The harm type of the strongest emergency signal (highest weight; ties: public, physical, self). */
export function strongestHarmType(signals: readonly WeighedSignal[]): PhysicalHarmType | null {
  let best: WeighedSignal | null = null;
  for (const s of signals) {
    if (!isEmergencySignal(s)) continue;
    if (!best || s.weight > best.weight || (s.weight === best.weight && harmPrecedence.indexOf(s.category) < harmPrecedence.indexOf(best.category))) best = s;
  }
  return best ? (harmTypeOf[best.category] ?? null) : null;
}

/**
 * The behaviour types the signals point to, the best supported first: each rule adds its weight, the model three
 * times its probability (a sure model counts like a strong rule); ties go by precedence. An ad with a phone number is
 * spam although the number alone reads as doxing. Harms come last, as intimidation.
 */
export function suggestedBehaviorTypes(signals: readonly WeighedSignal[]): BehaviorType[] {
  const evidence = new Map<SignalCategory, number>();
  for (const s of signals) {
    if (!behaviorTypeOf[s.category]) continue;
    evidence.set(s.category, (evidence.get(s.category) ?? 0) + (s.score !== undefined ? modelEvidence * s.score : s.weight));
  }
  // A threat of harm also reads as intimidation, but after what the texts say of behaviour (a published address
  // and a threat to come suggest doxing: the edit must be hidden).
  const rank = (c: SignalCategory) => (harmTypeOf[c] ? 1 : 0);
  const ranked = [...evidence.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || b[1] - a[1] || behaviorPrecedence.indexOf(a[0]) - behaviorPrecedence.indexOf(b[0]));
  const types: BehaviorType[] = [];
  for (const [c] of ranked) {
    const t = behaviorTypeOf[c]!;
    if (!types.includes(t)) types.push(t);
  }
  return types;
}

const modelEvidence = 3;
