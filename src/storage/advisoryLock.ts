/** PostgreSQL advisory lock keys, one wiki (schema) apart from another. */

/**
 * The advisory lock of a key (an SQL expression: a parameter or a literal), for this wiki only: advisory locks are
 * the whole database's, and two wikis in two schemas of one database must not wait on each other's reporters,
 * reminders or migrations. `seed` keeps the kinds of lock apart.
 */
export function lockKey(key: string, seed: number): string {
  return `hashtextextended(coalesce(current_schema(), '') || ':' || ${key}, ${seed})`;
}
