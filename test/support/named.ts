/**
 * Rows for `it.each`, named for a title of just `%s` or with one `%s`: vitest prints `%s` in full, while `$name`
 * would be quoted and cut after 40 characters. Without `title`, a row is named by its `name` field.
 *
 *   it.each(named(rows))('when the title has %s, then it is invalid', (_, { input }) => …)
 *   it.each(named(rows, (r) => `when the title has ${r.name}, then it is invalid with ${r.problem}`))('%s', (_, r) => …)
 */
export function named<T extends { name: string }>(rows: readonly T[], title: (row: T) => string = (row) => row.name): [string, T][] {
  return rows.map((row) => [title(row), row]);
}
