/** The signals of a report's texts, the reporter's and the reported comment's: what both classifiers read. */
import { collectSignals, type TextToScan, type WeighedSignal } from './collectSignals.js';
import { ruleSetsFor } from './ruleSetsForText.js';
import type { ClassifierInput } from './types.js';

/** The texts of a report, the reporter's and the reported comment's. */
function textsOf(input: ClassifierInput): TextToScan[] {
  const items: TextToScan[] = input.texts.map((text) => ({ text, isSnapshot: false }));
  if (input.snapshot) items.push({ text: input.snapshot, isSnapshot: true });
  return items;
}

/**
 * The rule sets for one text of a report: the reporter's interface language is a hint, not a limit, since people
 * write in the language they think in; every language of the text's scripts is tried too.
 */
function reportRuleSets(language: string | null) {
  return (text: string) => {
    const byScript = ruleSetsFor(text, null);
    const stated = ruleSetsFor(text, language).filter((s) => !byScript.includes(s));
    return [...stated, ...byScript];
  };
}

/** Every signal in a report's texts; both classifiers read the same list. */
export function reportSignals(input: ClassifierInput): WeighedSignal[] {
  return collectSignals(textsOf(input), reportRuleSets(input.language));
}
