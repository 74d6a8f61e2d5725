/** PostgreSQL advisory lock keys, one wiki (schema) apart from another. */

/** Each kind of lock hashes its keys apart from the others'. */
const seeds = { transaction: 0, session: 1, migration: 2 } as const;

/**
 * The advisory lock of a key (an SQL expression: a parameter or a literal), for this wiki only: advisory locks are
 * the whole database's, and two wikis in two schemas of one database must not wait on each other's reporters,
 * reminders or migrations.
 */
export function lockKey(kind: keyof typeof seeds, key: string): string {
  return `hashtextextended(coalesce(current_schema(), '') || ':' || ${key}, ${seeds[kind]})`;
}

/** The lock under which the processes of one wiki migrate. */
export const migrationLock = lockKey('migration', "'migrate'");
