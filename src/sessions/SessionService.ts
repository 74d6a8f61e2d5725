/** Sessions and their tokens: random ids, rotated at login and logout, with MediaWiki-style CSRF tokens. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../shared/Clock.js';
import type { SessionRepository, SessionRow } from './SessionRepository.js';
import { isDatabaseBusy } from '../storage/databaseErrors.js';

/**
 * An anonymous session exists only to carry a login token: an hour (extended while used) is enough to log in, and
 * the sweep deletes it soon after, so fetching tokens cannot grow the table for long (#16).
 */
const ANONYMOUS_TTL = 3600 * 1000;
const USER_TTL = 30 * 24 * 3600 * 1000;
/** Sliding expiry is written at most this often, so reading a page does not write on every request. */
const TOUCH_INTERVAL = 5 * 60 * 1000;

/** MediaWiki appends this to every token so that broken proxies that mangle "+" or "\" are detected. */
export const TOKEN_SUFFIX = '+\\';

export interface Session {
  /** The raw id, only ever sent in the cookie. */
  id: string;
  row: SessionRow;
}

export type TokenType = 'csrf' | 'login';

export class SessionService {
  constructor(
    private readonly repository: SessionRepository,
    private readonly clock: Clock,
  ) {}

  private static hash(id: string): string {
    return createHash('sha256').update(id).digest('hex');
  }

  async create(userId: number | null): Promise<Session> {
    const id = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const row: SessionRow = {
      sessionHash: SessionService.hash(id),
      userId,
      tokenSecret: randomBytes(32).toString('hex'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + (userId === null ? ANONYMOUS_TTL : USER_TTL),
    };
    await this.repository.insert(row);
    return { id, row };
  }

  async find(id: string | undefined): Promise<Session | null> {
    if (!id || id.length > 100) return null;
    const now = this.clock.now();
    const row = await this.repository.find(SessionService.hash(id), now);
    if (!row) return null;
    if (now - row.lastSeenAt > TOUCH_INTERVAL) {
      const expiresAt = now + (row.userId === null ? ANONYMOUS_TTL : USER_TTL);
      try {
        await this.repository.touch(row.sessionHash, now, expiresAt);
        row.lastSeenAt = now;
        row.expiresAt = expiresAt;
      } catch (e) {
        // Extending a session can wait for the next request; a busy database must not fail this one.
        if (!isDatabaseBusy(e)) throw e;
      }
    }
    return { id, row };
  }

  /** Ends the old session and starts a new one, so a session id fixed before login is worthless after it. */
  async rotate(old: Session | null, userId: number | null): Promise<Session> {
    if (old) await this.repository.delete(old.row.sessionHash);
    return this.create(userId);
  }

  async destroy(session: Session): Promise<void> {
    await this.repository.delete(session.row.sessionHash);
  }

  /** A token bound to the session and its type; an anonymous caller without a session gets MediaWiki's bare "+\\". */
  token(session: Session | null, type: TokenType): string {
    if (!session) return TOKEN_SUFFIX;
    return createHmac('sha256', session.row.tokenSecret).update(type).digest('hex').slice(0, 40) + TOKEN_SUFFIX;
  }

  verifyToken(session: Session | null, type: TokenType, given: unknown): boolean {
    if (!session || typeof given !== 'string') return false;
    const expected = Buffer.from(this.token(session, type));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  async purgeExpired(): Promise<number> {
    return this.repository.purgeExpired(this.clock.now());
  }
}
