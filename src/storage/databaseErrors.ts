/** SQLite's errors as the app tells them apart. */

/** Another connection holds the database's lock: nothing was written, and trying again a little later works. */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
