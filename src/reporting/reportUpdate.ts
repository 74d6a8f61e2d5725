/** What a repeat of a report adds to the first one: the words its recipients have not read yet, and a changed "about". */
import type { IncidentReport, ReportAbout } from './IncidentReport.js';

/** An update folded into a report, as stored; the report's recipients get it as a mail in the first one's thread. */
export interface ReportUpdate {
  id: number;
  reportId: string;
  /** 1, 2, … within its report. */
  seq: number;
  createdAt: number;
  /** Only the new words; '' when only `about` changed (or once retention has erased them). */
  text: string;
  /** The new choice, when the repeat changed it. */
  about: ReportAbout | null;
}

export type NewUpdate = Omit<ReportUpdate, 'id'>;

/** The text a report's recipients read: the details for Trust & Safety, the direct report for community responders. */
export function mailedText(report: Pick<IncidentReport, 'route' | 'details' | 'directReport'>): string {
  return report.route === 'direct' ? report.directReport : report.details;
}

// Sentences by Unicode's rules (UAX #29), in every script; a line break ends a sentence too.
const sentences = new Intl.Segmenter('und', { granularity: 'sentence' });
/** The words of a text, spaced and bounded alike: spacing, line breaks and punctuation are not new words. */
const words = (s: string) => ` ${s.normalize('NFC').toLocaleLowerCase('und').replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim()} `;

/**
 * What `text` says that none of `sent` did: its sentences, as written, whose words are not already part of an earlier
 * text (a reporter usually repeats what they wrote and adds to it, or edits a sentence). A sentence without a letter
 * or digit (a lone "!") is not new words.
 */
export function newWords(text: string, sent: readonly string[]): string {
  // Compared sentence by sentence: words that only run across two earlier sentences were not said together.
  const earlier = sent.flatMap((t) => [...sentences.segment(t)].map((s) => words(s.segment))).filter((s) => s.trim() !== '');
  const fresh = [...sentences.segment(text)]
    .map((s) => s.segment)
    .filter((segment) => {
      const said = words(segment);
      return said.trim() !== '' && !earlier.some((e) => e.includes(said));
    });
  return fresh.join('').replace(/\n{3,}/g, '\n\n').trim();
}

/** What the reporter says the report is about after these updates (oldest first): the latest answer given. */
export function aboutAfter(report: Pick<IncidentReport, 'about'>, updates: readonly Pick<ReportUpdate, 'about'>[]): ReportAbout | null {
  return updates.reduce<ReportAbout | null>((about, u) => u.about ?? about, report.about);
}

/**
 * What a repeat adds to `report`, given its earlier updates (oldest first), or null when it adds nothing. An "about"
 * not given in the repeat changes nothing; one given counts when it differs from the latest known choice.
 */
export function updateFrom(
  report: Pick<IncidentReport, 'id' | 'route' | 'details' | 'directReport' | 'about'>,
  earlier: readonly Pick<ReportUpdate, 'text' | 'about'>[],
  repeat: Pick<IncidentReport, 'route' | 'details' | 'directReport' | 'about'>,
  at: number,
): NewUpdate | null {
  const text = newWords(mailedText(repeat), [mailedText(report), ...earlier.map((u) => u.text)]);
  const currentAbout = aboutAfter(report, earlier);
  const about = repeat.about !== null && repeat.about !== currentAbout ? repeat.about : null;
  if (text === '' && about === null) return null;
  return { reportId: report.id, seq: earlier.length + 1, createdAt: at, text, about };
}
