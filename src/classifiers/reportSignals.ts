/** The signals of a report's texts, the reporter's and the reported comment's: what both classifiers read. */
import { collectSignals, type ScanResult, type TextToScan } from './collectSignals.js';
import type { ClassifierInput, LanguageVerdict } from './types.js';

/** The texts of a report, the reporter's and the reported comment's. */
function textsOf(input: ClassifierInput): TextToScan[] {
  const items: TextToScan[] = input.texts.map((text) => ({ text, isSnapshot: false }));
  if (input.snapshot) items.push({ text: input.snapshot, isSnapshot: true });
  return items;
}

/**
 * Every signal in a report's texts; both classifiers read the same list. The reporter's interface language is a
 * hint, not a limit: people write in the language they think in, and each text's own language is read too.
 */
export function reportSignals(input: ClassifierInput): ScanResult {
  return collectSignals(textsOf(input), input.language);
}

/** The languages of a report's texts, and those no rules could read. */
export function languageVerdict(scan: ScanResult): LanguageVerdict {
  const languages: string[] = [];
  const unreadable: string[] = [];
  for (const r of scan.readings) {
    if (!languages.includes(r.language)) languages.push(r.language);
    if (!r.readable) for (const l of r.languages) if (!unreadable.includes(l)) unreadable.push(l);
  }
  return { languages, unreadable };
}
