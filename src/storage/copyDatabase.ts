/** Copies a SQLite wiki into an empty PostgreSQL database (`db:copy`), so that a wiki can move to PostgreSQL. */
import type { Db } from './openDatabase.js';
import type { PostgresDatabase } from './PostgresDatabase.js';

/** The tables in an order that keeps every reference pointing at a row already copied, with their generated ids. */
const TABLES: { table: string; id?: string; order: string }[] = [
  { table: 'users', id: 'user_id', order: 'user_id' },
  { table: 'user_groups', order: 'user_id, group_name' },
  { table: 'blocks', id: 'block_id', order: 'block_id' },
  { table: 'block_restrictions', order: 'block_id, kind, value' },
  { table: 'sessions', order: 'session_hash' },
  // SQLite names these rows by their rowid, which PostgreSQL gives a column of its own: new ids are made.
  { table: 'login_failures', id: 'failure_id', order: 'rowid' },
  { table: 'pages', id: 'page_id', order: 'page_id' },
  { table: 'revisions', id: 'rev_id', order: 'rev_id' },
  { table: 'talk_items', id: 'item_id', order: 'item_id' },
  { table: 'reports', order: 'report_id' },
  { table: 'report_updates', id: 'update_id', order: 'update_id' },
  { table: 'outbox', id: 'outbox_id', order: 'outbox_id' },
  { table: 'incident_cases', order: 'report_id' },
  { table: 'case_events', id: 'event_id', order: 'event_id' },
  { table: 'case_views', id: 'view_id', order: 'view_id' },
  { table: 'case_recusals', order: 'report_id, user_id' },
  { table: 'rate_limit_hits', order: 'rowid' },
  { table: 'report_drafts', order: 'draft_id' },
  { table: 'dev_mailbox', id: 'mail_id', order: 'mail_id' },
  { table: 'funnel_counters', order: 'day, event, detail' },
];

/** Rows a single INSERT carries: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 500;

export class TargetNotEmpty extends Error {
  constructor(readonly table: string) {
    super(`the PostgreSQL database already holds a wiki (its table ${table} has rows): db:copy only fills an empty one`);
    this.name = 'TargetNotEmpty';
  }
}

/**
 * Copies every row, in one transaction: a copy that fails leaves the target as empty as it was. Returns the number
 * of rows of each table, read back from the target.
 */
export async function copySqliteToPostgres(source: Db, target: PostgresDatabase): Promise<Record<string, number>> {
  for (const { table } of TABLES) {
    if ((await target.get(`SELECT 1 AS x FROM ${table} LIMIT 1`)) !== undefined) throw new TargetNotEmpty(table);
  }
  await target.transaction(async () => {
    for (const { table, id, order } of TABLES) {
      const rows = source.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Record<string, unknown>[];
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]!);
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const values: unknown[] = [];
        const tuples = batch.map((row) => `(${columns.map((col) => (values.push(row[col] ?? null), '?')).join(', ')})`);
        await target.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values as never);
      }
      // The next id PostgreSQL makes follows the copied ones.
      if (id) await target.get(`SELECT setval(pg_get_serial_sequence('${table}', '${id}'), (SELECT coalesce(max(${id}), 0) + 1 FROM ${table}), false)`);
    }
  });
  const counts: Record<string, number> = {};
  for (const { table } of TABLES) counts[table] = (await target.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
  return counts;
}
