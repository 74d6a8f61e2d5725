/** Every language's rule set, by language code. Add a language: write `<code>.ts` next to `en.ts` and list it here. */
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fa } from './fa.js';
import { fr } from './fr.js';
import { hi } from './hi.js';
import { id } from './id.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import type { RuleSet } from './RuleSet.js';
import { ru } from './ru.js';
import { tr } from './tr.js';
import { uk } from './uk.js';
import { zh } from './zh.js';

export const ruleSets: Readonly<Record<string, RuleSet>> = { en, pt, es, fr, de, id, ko, uk, ru, it, pl, tr, nl, ja, zh, ar, fa, hi };
