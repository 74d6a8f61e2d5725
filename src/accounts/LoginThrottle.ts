/**
 * Failed-login counting in the database, per name and address and per address alone, as $wgPasswordAttemptThrottle. No rule
 * counts a name alone: a stranger could then keep its owner from logging in (#16).
 */
import type { Clock } from '../shared/Clock.js';
import type { SqlDatabase } from '../storage/SqlDatabase.js';

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
  constructor(
    private readonly sql: SqlDatabase,
    private readonly clock: Clock,
    private readonly rules: ThrottleRule[] = defaultLoginThrottle,
  ) {}

  /** SQLite names each row by its rowid; PostgreSQL's table has a column for it. */
  private get rowId(): string {
    return this.sql.engine === 'postgres' ? 'failure_id' : 'rowid';
  }

  private key(rule: ThrottleRule, name: string, address: string): string {
    return rule.by === 'name+address' ? `na:${name}|${address}` : `a:${address}`;
  }

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  async retryAfter(name: string, address: string): Promise<number> {
    const now = this.clock.now();
    let wait = 0;
    for (const rule of this.rules) {
      const key = this.key(rule, name, address);
      const since = now - rule.seconds * 1000;
      const { n, oldest } = (await this.sql.get<{ n: number; oldest: number | null }>(
        'SELECT count(*) AS n, min(failed_at) AS oldest FROM login_failures WHERE throttle_key = ? AND failed_at > ?',
        [key, since],
      ))!;
      if (n >= rule.count) wait = Math.max(wait, Math.ceil(((oldest ?? now) + rule.seconds * 1000 - now) / 1000));
    }
    return wait;
  }

  /**
   * Checks the limits and counts this attempt as a failure in one transaction, before the (slow) password check:
   * concurrent attempts each see the ones before them, so a burst cannot pass the limit while passwords are hashed.
   */
  async reserve(name: string, address: string): Promise<Reservation> {
    return await this.sql.transaction(async (): Promise<Reservation> => {
      const wait = await this.retryAfter(name, address);
      if (wait > 0) return { ok: false, retryAfterSeconds: wait };
      const now = this.clock.now();
      const rowIds: number[] = [];
      for (const rule of this.rules) {
        const row = await this.sql.get<{ id: number }>(`INSERT INTO login_failures (throttle_key, failed_at) VALUES (?, ?) RETURNING ${this.rowId} AS id`, [this.key(rule, name, address), now]);
        rowIds.push(row!.id);
      }
      await this.sql.run('DELETE FROM login_failures WHERE failed_at < ?', [now - Math.max(...this.rules.map((r) => r.seconds)) * 1000]);
      return { ok: true, rowIds };
      // Every rule counts by the address: attempts from one address are checked one after another, in every process.
    }, { serializeOn: `login:${address}` });
  }

  /** The password was right: the reserved attempt was no failure, and the name-and-address count starts again. */
  async release(reservation: { rowIds: number[] }, name: string, address: string): Promise<void> {
    await this.sql.transaction(async () => {
      for (const id of reservation.rowIds) await this.sql.run(`DELETE FROM login_failures WHERE ${this.rowId} = ?`, [id]);
      await this.recordSuccess(name, address);
    });
  }

  /** A successful login clears the per-name-and-address count, as MediaWiki does. */
  async recordSuccess(name: string, address: string): Promise<void> {
    for (const rule of this.rules) if (rule.by === 'name+address') await this.sql.run('DELETE FROM login_failures WHERE throttle_key = ?', [this.key(rule, name, address)]);
  }
}
