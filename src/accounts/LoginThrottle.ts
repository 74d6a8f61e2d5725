/**
 * Failed-login counting in SQLite, per name and address and per address alone, as $wgPasswordAttemptThrottle. No rule
 * counts a name alone: a stranger could then keep its owner from logging in (#16).
 */
import type { Clock } from '../shared/Clock.js';
import type { Db } from '../storage/openDatabase.js';

export interface ThrottleRule {
  /** Which parts make the key. */
  by: 'name+address' | 'address';
  count: number;
  seconds: number;
}

export const defaultLoginThrottle: ThrottleRule[] = [
  { by: 'name+address', count: 5, seconds: 300 },
  { by: 'address', count: 50, seconds: 3600 },
];

/** An attempt counted before its password is checked: released if the password was right. */
export type Reservation = { ok: true; rowIds: number[] } | { ok: false; retryAfterSeconds: number };

export class LoginThrottle {
  private readonly countSince;
  private readonly oldestSince;
  private readonly insert;
  private readonly clear;
  private readonly prune;
  private readonly deleteRow;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly rules: ThrottleRule[] = defaultLoginThrottle,
  ) {
    this.countSince = db.prepare<[string, number], { n: number }>(
      'SELECT count(*) AS n FROM login_failures WHERE throttle_key = ? AND failed_at > ?',
    );
    this.oldestSince = db.prepare<[string, number], { at: number | null }>(
      'SELECT min(failed_at) AS at FROM login_failures WHERE throttle_key = ? AND failed_at > ?',
    );
    this.insert = db.prepare('INSERT INTO login_failures (throttle_key, failed_at) VALUES (?, ?)');
    this.clear = db.prepare('DELETE FROM login_failures WHERE throttle_key = ?');
    this.prune = db.prepare('DELETE FROM login_failures WHERE failed_at < ?');
    this.deleteRow = db.prepare('DELETE FROM login_failures WHERE rowid = ?');
  }

  private key(rule: ThrottleRule, name: string, address: string): string {
    return rule.by === 'name+address' ? `na:${name}|${address}` : `a:${address}`;
  }

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(name: string, address: string): number {
    const now = this.clock.now();
    let wait = 0;
    for (const rule of this.rules) {
      const key = this.key(rule, name, address);
      const since = now - rule.seconds * 1000;
      if (this.countSince.get(key, since)!.n >= rule.count) {
        const oldest = this.oldestSince.get(key, since)!.at ?? now;
        wait = Math.max(wait, Math.ceil((oldest + rule.seconds * 1000 - now) / 1000));
      }
    }
    return wait;
  }

  /**
   * Checks the limits and counts this attempt as a failure in one transaction, before the (slow) password check:
   * concurrent attempts each see the ones before them, so a burst cannot pass the limit while passwords are hashed.
   */
  reserve(name: string, address: string): Reservation {
    return this.db.transaction((): Reservation => {
      const wait = this.retryAfter(name, address);
      if (wait > 0) return { ok: false, retryAfterSeconds: wait };
      const now = this.clock.now();
      const rowIds = this.rules.map((rule) => Number(this.insert.run(this.key(rule, name, address), now).lastInsertRowid));
      this.prune.run(now - Math.max(...this.rules.map((r) => r.seconds)) * 1000);
      return { ok: true, rowIds };
    })();
  }

  /** The password was right: the reserved attempt was no failure, and the name-and-address count starts again. */
  release(reservation: { rowIds: number[] }, name: string, address: string): void {
    this.db.transaction(() => {
      for (const id of reservation.rowIds) this.deleteRow.run(id);
      this.recordSuccess(name, address);
    })();
  }

  /** A successful login clears the per-name-and-address count, as MediaWiki does. */
  recordSuccess(name: string, address: string): void {
    for (const rule of this.rules) if (rule.by === 'name+address') this.clear.run(this.key(rule, name, address));
  }
}
