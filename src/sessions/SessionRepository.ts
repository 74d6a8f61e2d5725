/** SQL for sessions; ids are stored as SHA-256 hashes. */
import type { SqlDatabase } from '../storage/SqlDatabase.js';

export interface SessionRow {
  sessionHash: string;
  userId: number | null;
  tokenSecret: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

interface Row {
  session_hash: string;
  user_id: number | null;
  token_secret: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

const toSession = (r: Row): SessionRow => ({ sessionHash: r.session_hash, userId: r.user_id, tokenSecret: r.token_secret, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at });

export class SessionRepository {
  constructor(private readonly sql: SqlDatabase) {}

  async insert(row: SessionRow): Promise<void> {
    await this.sql.run(
      `INSERT INTO sessions (session_hash, user_id, token_secret, created_at, last_seen_at, expires_at)
       VALUES (@sessionHash, @userId, @tokenSecret, @createdAt, @lastSeenAt, @expiresAt)`,
      { ...row },
    );
  }

  async find(sessionHash: string, now: number): Promise<SessionRow | null> {
    const r = await this.sql.get<Row>('SELECT * FROM sessions WHERE session_hash = ? AND expires_at > ?', [sessionHash, now]);
    return r ? toSession(r) : null;
  }

  async delete(sessionHash: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE session_hash = ?', [sessionHash]);
  }

  async touch(sessionHash: string, now: number, expiresAt: number): Promise<void> {
    await this.sql.run('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE session_hash = ?', [now, expiresAt, sessionHash]);
  }

  async purgeExpired(now: number): Promise<number> {
    return (await this.sql.run('DELETE FROM sessions WHERE expires_at <= ?', [now])).changes;
  }

  async deleteAllFor(userId: number): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
  }
}
