/**
 * The shape of a language's rules. Rules are data, reviewed like code: one file per language in this folder.
 *
 * A pattern is a sequence of token elements separated by spaces. Every word is normalised like the text it is matched
 * against (NFKC, case folding, accents folded for Latin script, repeated letters collapsed).
 *
 *   word          the word itself
 *   word*         a word starting with "word"; *word: a word ending with "word" (for compounds and suffixes)
 *   a|b|c         one of these; an alternative may be a sequence joined by '+': `going+to|gonna`
 *   @name         one of the words of the class `name` (classes use the same alternatives, separated by spaces)
 *   element?      the element may be absent
 *   _N            up to N tokens of anything (N at most 6), within the sentence
 *   #num          a number (house numbers, floors)
 *   $             the end of the sentence; ^ its start
 *
 * Patterns never span two sentences. There are no regular expressions: a pattern is matched token by token with
 * bounded gaps, so the time is linear in the length of the text.
 */
import type { SignalCategory } from '../types.js';

export interface Rule {
  /** Unique within the language; the signal names it `<language>/<id>`. */
  id: string;
  category: SignalCategory;
  pattern: string;
  /**
   * 'direct' (the default): the words are the threat itself ("I will kill you", "he threatened to kill me"); muted in
   * sentences about fiction, and in quoted text in sentences that talk about the topic.
   * 'reported': the words describe harm in general ("threatened to kill", "commit suicide"); muted in any sentence
   * about fiction, articles, news, or the topic itself.
   */
  kind?: 'direct' | 'reported';
  /** 1 weak, 2 normal (default), 3 strong: the strongest signal picks the harm type. */
  weight?: 1 | 2 | 3;
  /** The rule counts only when a signal of this category was found anywhere in the same report. */
  requires?: SignalCategory;
  /** A match hides its words from the rules that follow (e.g. "told me to kill myself" before "kill myself"). */
  claims?: boolean;
  /** Texts this rule must fire on, and texts it must not fire on: checked by the unit tests. */
  examples?: { fires?: string[]; quiet?: string[] };
}

export interface RuleSet {
  /** ISO 639-1 code. */
  language: string;
  /** Reusable word classes, referred to as @name. */
  classes: Record<string, string>;
  /** Negation words: a match with one of these within `before` tokens before it, inside it, or `after` tokens after it (same clause) does not count. */
  negation: { words: string; before: number; after: number };
  /** Words that end a clause for the negation scope ("but", "that", "said"). */
  clauseBreaks: string;
  /** Patterns that mark a sentence as about fiction, songs or quotations from works. */
  fictionCues: string[];
  /** Patterns that mark a sentence as about an article, the news, a policy or the topic itself. */
  topicCues: string[];
  /** Idioms and technical phrases: their words are hidden from every rule ("kill the process", "I could murder a pizza"). */
  idioms: string[];
  rules: Rule[];
}
