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
};

const behaviorPrecedence: SignalCategory[] = ['doxing', 'sexual-harassment', 'hate', 'public-harm', 'physical-harm', 'intimidation', 'spam'];

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

/** The behaviour types the signals point to, in order of precedence. */
export function suggestedBehaviorTypes(signals: readonly WeighedSignal[]): BehaviorType[] {
  const present = new Set(signals.map((s) => s.category));
  const types: BehaviorType[] = [];
  for (const c of behaviorPrecedence) {
    const t = behaviorTypeOf[c];
    if (t && present.has(c) && !types.includes(t)) types.push(t);
  }
  return types;
}
