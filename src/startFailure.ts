/**
 * Why the wiki could not start, as one line an operator can act on (#17): a port in use, a data directory it
 * cannot write, a database that is damaged, locked, read-only or empty. Never a stack trace.
 */

/** The database was migrated by a newer version of the code: starting on it could damage what that version wrote. */
export class DatabaseNewerThanCode extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(`the database is at migration ${databaseVersion}, but this code knows migrations up to ${codeVersion}: run the newer code, or restore a backup made for this one`);
    this.name = 'DatabaseNewerThanCode';
  }
}

/** An existing database file of zero bytes: a new wiki is never created over it (its accounts would be gone). */
export class EmptyDatabaseFile extends Error {
  constructor(readonly file: string) {
    super(`${file} is empty`);
    this.name = 'EmptyDatabaseFile';
  }
}

export interface StartContext {
  databaseFile: string;
  /** With PostgreSQL: its host, port and database, never the URL (it may hold a password). */
  postgres?: { host: string; port: string; database: string } | undefined;
  host: string;
  port: number;
}

export function describeStartFailure(error: unknown, where: StartContext): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (where.postgres) {
    const pgProblem = describePostgresFailure(error, where.postgres);
    if (pgProblem) return pgProblem;
  }
  const file = where.postgres ? `the PostgreSQL database ${where.postgres.database} on ${where.postgres.host}:${where.postgres.port}` : where.databaseFile;
  if (error instanceof DatabaseNewerThanCode) return `${file}: ${error.message}.`;
  if (error instanceof EmptyDatabaseFile) {
    return `${file} is empty (0 bytes): it may be a damaged copy of this wiki; restore it from a backup, or delete it to start a new wiki (one is never made over an existing file).`;
  }
  switch (code) {
    case 'EADDRINUSE':
      return `port ${where.port} on ${where.host} is already in use: stop what uses it, or set PORT to another port.`;
    case 'EADDRNOTAVAIL':
      return `${where.host} is not an address of this machine: set HOST to one of its addresses (127.0.0.1 by default).`;
    case 'EACCES':
    case 'EPERM':
      if ((error as { syscall?: string }).syscall === 'listen') return `port ${where.port} on ${where.host} may not be used by this user (ports below 1024 need privileges): set PORT.`;
      return `cannot create or write ${file} (${code}): check that DATA_DIR can be written by this user.`;
    case 'ENOTDIR':
    case 'ENOENT':
    case 'EROFS':
    case 'SQLITE_CANTOPEN':
      return `cannot open or create ${file} (${code}): check that DATA_DIR is a folder this user can write.`;
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return `${file} is not a readable SQLite database (${code}): restore it from a backup; a new wiki is never made over it.`;
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return `${file} is locked by another process (${code}): stop it (another wiki, the CLI, a backup) and start again.`;
    case 'SQLITE_READONLY':
      return `${file} is read-only (${code}): give this user write access to it and to DATA_DIR.`;
    case 'SQLITE_FULL':
    case 'ENOSPC':
      return `the disk holding ${file} is full (${code}): free some space and start again.`;
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `${message.split('\n')[0]}${typeof code === 'string' ? ` (${code})` : ''}`;
    }
  }
}

/** PostgreSQL's refusals at start, by their codes: what failed and where, never the URL's password. */
function describePostgresFailure(error: unknown, at: { host: string; port: string; database: string }): string | null {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const server = `PostgreSQL at ${at.host}:${at.port}`;
  switch (code) {
    case 'ECONNREFUSED':
      return `${server} refuses connections: start it, or correct the host and port of DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host ${at.host} of DATABASE_URL is not known: correct DATABASE_URL.`;
    case 'ETIMEDOUT':
      return `${server} does not answer: check that it runs and that this machine may reach it.`;
    case '28P01':
    case '28000':
      return `${server} refused the user or password of DATABASE_URL.`;
    case '3D000':
      return `${server} has no database ${at.database}: create it (createdb ${at.database}) or correct DATABASE_URL.`;
    case '42501':
      return `the user of DATABASE_URL may not create tables in the database ${at.database} on ${server}: grant it, or use another user.`;
  }
  const message = error instanceof Error ? error.message : '';
  if (/timeout/i.test(message)) return `${server} does not answer within 5 s: check that it runs and that this machine may reach it.`;
  return null;
}

/** Where a PostgreSQL URL points, without its user or password (for messages and logs). */
export function postgresPlace(url: string): { host: string; port: string; database: string } {
  try {
    const u = new URL(url);
    return { host: u.hostname || 'localhost', port: u.port || '5432', database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres' };
  } catch {
    return { host: '(unreadable DATABASE_URL)', port: '', database: '' };
  }
}
