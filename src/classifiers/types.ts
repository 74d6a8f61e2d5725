/** The classifiers' inputs and verdicts: what a report offers them and what they say about it. */
import type { BehaviorType, IncidentType, PhysicalHarmType } from '../taxonomy/taxonomy.js';

/** A submission as the classifiers see it. */
export interface ClassifierInput {
  /** The incident type the reporter chose, if any. */
  incidentType: IncidentType | null;
  /** The physical-harm sub-type the reporter chose (emergencies only). */
  physicalHarmType: PhysicalHarmType | null;
  /** The behaviour type the reporter chose (non-emergencies only). */
  behaviorType: BehaviorType | null;
  /** Every free text the reporter wrote: "something else" details, additional details, the direct report. */
  texts: string[];
  /** The reported comment as it was when reported; a threat in it is a signal even when it is quoted. */
  snapshot: string | null;
  /** The reporter's interface language (a code such as 'pt' or 'pt-br'), or null. */
  language: string | null;
  /** Whether the chosen behaviour type offers a direct report to the community. */
  directReportAvailable?: boolean;
  /** The direct report the reporter wrote, if any (it is among `texts` too). */
  directReport?: string;
}

/**
 * The families of signals. The six of the issue, plus 'intimidation' (threats that are not emergencies, insults such
 * as "kill yourself"), 'spam' and 'trolling' (the learned model's alone), so that every suggested behaviour type is
 * explained by a signal.
 */
export const signalCategories = ['physical-harm', 'self-harm', 'public-harm', 'doxing', 'sexual-harassment', 'hate', 'intimidation', 'spam', 'trolling'] as const;
export type SignalCategory = (typeof signalCategories)[number];

/** One rule that fired, or the learned model: which, on what text, in which language. */
export interface Signal {
  /**
   * `<language>/<rule id>`, e.g. `en/threat-direct`; `pii/phone-number` for the language-neutral scanners;
   * `model/<category>` for the learned model.
   */
  rule: string;
  /** The text that matched, as written (zero-width and direction marks removed), at most 200 characters. */
  match: string;
  /** The rule set's language, 'und' for language-neutral scanners, the text's language for the model. */
  language: string;
  category: SignalCategory;
  /** The learned model's probability (0 to 1, two decimals); rules have none. */
  score?: number;
}

/** What the classifiers could make of the language of a report's texts. */
export interface LanguageVerdict {
  /** The languages read, the main one of each text (ISO 639 codes; 'zxx' for text without words). */
  languages: string[];
  /** Languages we have no rules for: the text was read by the model alone, and no signal does not mean no danger. */
  unreadable: string[];
}

export interface EmergencyVerdict {
  /**
   * True when Trust & Safety must hear of the report now: the reporter chose an emergency, at the start or on the
   * "This may be an emergency" step. Signals alone never make it true: the reporter's choice leads.
   */
  emergency: boolean;
  /** Emergency signals in a report the reporter did not mark as one: the app offers the switch, it does not make it. */
  mayBeEmergency: boolean;
  /** The chosen harm type, else the strongest signal's, else null. */
  physicalHarmType: PhysicalHarmType | null;
  /** The emergency signals (physical harm, self-harm, public harm). */
  signals: Signal[];
  /** The languages of the report's texts, and those the checker could not read. */
  reading: LanguageVerdict;
}

export interface NonEmergencyVerdict {
  /** The behaviour type the reporter chose: the reporter's choice leads. */
  behaviorType: BehaviorType | null;
  /** Another behaviour type the texts clearly match, or null. */
  suggestedBehaviorType: BehaviorType | null;
  /** 'direct' only when a direct report is available for the chosen category and the reporter wrote one. */
  route: 'support' | 'direct';
  /** The signals behind the suggestion (every family but self-harm). */
  signals: Signal[];
}

/** What the `classify` command prints for one line of input. */
export interface TextVerdict {
  /** The language the text is mostly written in (ISO 639; 'zxx' without words, 'und' when too short to tell). */
  language: string;
  /** False when it is written in a language we have no rules for. */
  readable: boolean;
  emergency: boolean;
  physicalHarmType: PhysicalHarmType | null;
  /** The behaviour type the text matches, if any (the non-emergency classifier's suggestion). */
  behaviorType: BehaviorType | null;
  signals: Signal[];
}
