/** The few pieces of SQL that differ between the engines; everything else is written once, in SQL both understand. */
import type { Engine } from './SqlDatabase.js';

export interface Dialect {
  /** The values of a JSON array of texts given as a parameter, as a subquery of one column named value. */
  jsonTexts(parameter: string): string;
  /** The UTC day (YYYY-MM-DD) of a time in milliseconds. */
  dayOf(milliseconds: string): string;
  /** Whether a BLOB holds a text's bytes. */
  blobContains(blob: string, text: string): string;
  /** SQLite's hint to use a partial index; PostgreSQL's planner finds it alone. */
  indexedBy(index: string): string;
  /** Rows a claim takes are skipped by other processes' claims instead of waited for (PostgreSQL). */
  skipLocked: string;
}

const sqlite: Dialect = {
  jsonTexts: (p) => `(SELECT value FROM json_each(${p}))`,
  dayOf: (ms) => `date(${ms} / 1000, 'unixepoch')`,
  blobContains: (blob, text) => `instr(CAST(${blob} AS TEXT), ${text}) > 0`,
  indexedBy: (index) => `INDEXED BY ${index}`,
  skipLocked: '',
};

const postgres: Dialect = {
  jsonTexts: (p) => `(SELECT json_array_elements_text(CAST(${p} AS json)) AS value)`,
  dayOf: (ms) => `to_char(to_timestamp(${ms} / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  blobContains: (blob, text) => `position(convert_to(${text}, 'UTF8') in ${blob}) > 0`,
  indexedBy: () => '',
  skipLocked: 'FOR UPDATE SKIP LOCKED',
};

export function dialectOf(engine: Engine): Dialect {
  return engine === 'postgres' ? postgres : sqlite;
}
