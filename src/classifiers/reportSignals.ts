/** The signals of a report's texts, the reporter's and the reported comment's: what both classifiers read. */
import { collectSignals, type ScanResult, type TextToScan } from './collectSignals.js';
import type { ClassifierInput, LanguageVerdict } from './types.js';

/** The texts of a report, the reporter's and the reported comment's. */
function textsOf(input: ClassifierInput): TextToScan[] {
  const items: TextToScan[] = input.texts.map((text) => ({ text, isSnapshot: false }));
  if (input.snapshot) items.push({ text: input.snapshot, isSnapshot: true });
  return items;
}

/** Scans of recent reports, by their texts and language, oldest first. */
const recentScans = new Map<string, ScanResult>();
const recentScanLimit = 256;

/**
 * Every signal in a report's texts; both classifiers read the same list. The reporter's interface language is a
 * hint, not a limit: people write in the language they think in, and each text's own language is read too.
 *
 * A report is read when it is filed and again for each of its mails moments later, and the flow reads its texts at
 * more than one step: a scan depends on nothing but the texts and the language, so a recent one is reused (frozen,
 * since it is shared).
 */
export function reportSignals(input: ClassifierInput): ScanResult {
  const key = JSON.stringify([input.language, input.snapshot, input.texts]);
  const recent = recentScans.get(key);
  if (recent) {
    recentScans.delete(key);
    recentScans.set(key, recent);
    return recent;
  }
  const { signals, readings } = collectSignals(textsOf(input), input.language);
  const scan: ScanResult = Object.freeze({ signals: Object.freeze(signals.map((s) => Object.freeze(s))), readings: Object.freeze(readings.map((r) => Object.freeze(r))) }) as ScanResult;
  if (recentScans.size >= recentScanLimit) recentScans.delete(recentScans.keys().next().value!);
  recentScans.set(key, scan);
  return scan;
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
