/** Every language's rule set, by language code. Add a language: write `<code>.ts` next to `en.ts` and list it here. */
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { id } from './id.js';
import { ko } from './ko.js';
import { pt } from './pt.js';
import type { RuleSet } from './RuleSet.js';
import { uk } from './uk.js';

export const ruleSets: Readonly<Record<string, RuleSet>> = { en, pt, es, fr, de, id, ko, uk };
