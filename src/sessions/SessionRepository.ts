/** SQL for sessions; ids are stored as SHA-256 hashes. */
import type { Db } from '../storage/openDatabase.js';

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

export class SessionRepository {
  private readonly insertRow;
  private readonly selectRow;
  private readonly deleteRow;
  private readonly touchRow;
  private readonly deleteExpired;
  private readonly deleteForUser;

  constructor(db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO sessions (session_hash, user_id, token_secret, created_at, last_seen_at, expires_at)
       VALUES (@sessionHash, @userId, @tokenSecret, @createdAt, @lastSeenAt, @expiresAt)`,
    );
    this.selectRow = db.prepare<[string, number], Row>('SELECT * FROM sessions WHERE session_hash = ? AND expires_at > ?');
    this.deleteRow = db.prepare('DELETE FROM sessions WHERE session_hash = ?');
    this.touchRow = db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE session_hash = ?');
    this.deleteExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
    this.deleteForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  }

  insert(row: SessionRow): void {
    this.insertRow.run(row);
  }

  find(sessionHash: string, now: number): SessionRow | null {
    const r = this.selectRow.get(sessionHash, now);
    return r
      ? { sessionHash: r.session_hash, userId: r.user_id, tokenSecret: r.token_secret, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at }
      : null;
  }

  delete(sessionHash: string): void {
    this.deleteRow.run(sessionHash);
  }

  touch(sessionHash: string, now: number, expiresAt: number): void {
    this.touchRow.run(now, expiresAt, sessionHash);
  }

  purgeExpired(now: number): number {
    return this.deleteExpired.run(now).changes;
  }

  deleteAllFor(userId: number): void {
    this.deleteForUser.run(userId);
  }
}
