/** Failed-login counting in SQLite, per name and address and per address alone, as $wgPasswordAttemptThrottle. */
import type { Clock } from '../shared/Clock.js';
import type { Db } from '../storage/openDatabase.js';

export interface ThrottleRule {
  /** Which parts make the key. */
  by: 'name+address' | 'address' | 'name';
  count: number;
  seconds: number;
}

export const defaultLoginThrottle: ThrottleRule[] = [
  { by: 'name+address', count: 5, seconds: 300 },
  { by: 'address', count: 50, seconds: 3600 },
  { by: 'name', count: 50, seconds: 3600 },
];

export class LoginThrottle {
  private readonly countSince;
  private readonly oldestSince;
  private readonly insert;
  private readonly clear;
  private readonly prune;

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
  }

  private key(rule: ThrottleRule, name: string, address: string): string {
    return rule.by === 'name+address' ? `na:${name}|${address}` : rule.by === 'address' ? `a:${address}` : `n:${name}`;
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

  recordFailure(name: string, address: string): void {
    const now = this.clock.now();
    this.db.transaction(() => {
      for (const rule of this.rules) this.insert.run(this.key(rule, name, address), now);
      this.prune.run(now - Math.max(...this.rules.map((r) => r.seconds)) * 1000);
    })();
  }

  /** A successful login clears the per-name-and-address count, as MediaWiki does. */
  recordSuccess(name: string, address: string): void {
    for (const rule of this.rules) if (rule.by === 'name+address') this.clear.run(this.key(rule, name, address));
  }
}
