/** SQL for accounts, their groups and their blocks. */
import { dialectOf } from '../storage/dialect.js';
import type { SqlDatabase } from '../storage/SqlDatabase.js';
import type { Block, ExplicitGroup, UserAccount } from './UserAccount.js';

interface UserRow {
  user_id: number;
  user_name: string;
  email: string;
  email_confirmed_at: number | null;
  registered_at: number;
  edit_count: number;
  language: string | null;
  groups: string | null;
}

interface BlockRow {
  block_id: number;
  user_id: number;
  by_user_id: number | null;
  reason: string;
  sitewide: number;
  created_at: number;
  expires_at: number | null;
  restrictions: string | null;
}

/** A block's page and namespace restrictions as one 'kind:value,…' text (toBlock reads it). */
const restrictionsOf = (block: string) => `(SELECT string_agg(kind || ':' || value, ',') FROM block_restrictions r WHERE r.block_id = ${block}.block_id)`;

const userColumns = `u.user_id, u.user_name, u.email, u.email_confirmed_at, u.registered_at, u.edit_count, u.language,
  (SELECT string_agg(group_name, ',') FROM user_groups g WHERE g.user_id = u.user_id) AS groups`;

function toAccount(row: UserRow): UserAccount {
  return {
    id: row.user_id,
    name: row.user_name,
    email: row.email,
    emailConfirmedAt: row.email_confirmed_at,
    registeredAt: row.registered_at,
    editCount: row.edit_count,
    language: row.language,
    groups: row.groups ? (row.groups.split(',').sort() as ExplicitGroup[]) : [],
  };
}

function toBlock(row: BlockRow): Block {
  const restrictions = row.restrictions ? row.restrictions.split(',') : [];
  return {
    id: row.block_id,
    userId: row.user_id,
    byUserId: row.by_user_id,
    reason: row.reason,
    sitewide: row.sitewide === 1,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    pageIds: restrictions.filter((r) => r.startsWith('page:')).map((r) => Number(r.slice(5))),
    namespaces: restrictions.filter((r) => r.startsWith('namespace:')).map((r) => Number(r.slice(10))),
  };
}

export interface NewUser {
  name: string;
  passwordHash: string;
  email: string;
  emailConfirmedAt: number | null;
  registeredAt: number;
  editCount: number;
  groups: ExplicitGroup[];
}

/** A block before it is stored: the database gives its id. */
export type NewBlock = Omit<Block, 'id'>;

export class UserRepository {
  constructor(private readonly sql: SqlDatabase) {}

  async findByName(name: string): Promise<UserAccount | null> {
    const row = await this.sql.get<UserRow>(`SELECT ${userColumns} FROM users u WHERE u.user_name = ?`, [name]);
    return row ? toAccount(row) : null;
  }

  async findById(id: number): Promise<UserAccount | null> {
    const row = await this.sql.get<UserRow>(`SELECT ${userColumns} FROM users u WHERE u.user_id = ?`, [id]);
    return row ? toAccount(row) : null;
  }

  /**
   * The account and its blocks in force at `now`, in one statement: every request of a logged-in user reads both,
   * and on PostgreSQL each statement is a round trip. One row per block, or one with no block.
   */
  async findWithActiveBlocks(id: number, now: number): Promise<{ account: UserAccount; blocks: Block[] } | null> {
    const rows = await this.sql.all<UserRow & { [K in keyof BlockRow as `block_${K}`]: BlockRow[K] | null }>(
      `SELECT ${userColumns}, b.block_id AS block_block_id, b.user_id AS block_user_id, b.by_user_id AS block_by_user_id,
              b.reason AS block_reason, b.sitewide AS block_sitewide, b.created_at AS block_created_at, b.expires_at AS block_expires_at,
              ${restrictionsOf('b')} AS block_restrictions
       FROM users u LEFT JOIN blocks b ON b.user_id = u.user_id AND (b.expires_at IS NULL OR b.expires_at > ?)
       WHERE u.user_id = ? ORDER BY b.block_id`,
      [now, id],
    );
    if (rows.length === 0) return null;
    const blocks = rows
      .filter((r) => r.block_block_id !== null)
      .map((r) =>
        toBlock({
          block_id: r.block_block_id!,
          user_id: r.block_user_id!,
          by_user_id: r.block_by_user_id,
          reason: r.block_reason!,
          sitewide: r.block_sitewide!,
          created_at: r.block_created_at!,
          expires_at: r.block_expires_at,
          restrictions: r.block_restrictions,
        }),
      );
    return { account: toAccount(rows[0]!), blocks };
  }

  async passwordHashOf(name: string): Promise<string | undefined> {
    return (await this.sql.get<{ password_hash: string }>('SELECT password_hash FROM users WHERE user_name = ?', [name]))?.password_hash;
  }

  async create(user: NewUser): Promise<UserAccount> {
    return await this.sql.transaction(async () => {
      const { user_id: id } = (await this.sql.get<{ user_id: number }>(
        `INSERT INTO users (user_name, password_hash, email, email_confirmed_at, registered_at, edit_count)
         VALUES (@name, @passwordHash, @email, @emailConfirmedAt, @registeredAt, @editCount) RETURNING user_id`,
        { name: user.name, passwordHash: user.passwordHash, email: user.email, emailConfirmedAt: user.emailConfirmedAt, registeredAt: user.registeredAt, editCount: user.editCount },
      ))!;
      for (const g of user.groups) await this.addGroup(id, g);
      return (await this.findById(id))!;
    });
  }

  async addGroup(userId: number, group: ExplicitGroup): Promise<void> {
    await this.sql.run('INSERT INTO user_groups (user_id, group_name) VALUES (?, ?) ON CONFLICT DO NOTHING', [userId, group]);
  }

  async removeFromGroup(userId: number, group: ExplicitGroup): Promise<void> {
    await this.sql.run('DELETE FROM user_groups WHERE user_id = ? AND group_name = ?', [userId, group]);
  }

  async setEmail(userId: number, email: string): Promise<void> {
    await this.sql.run('UPDATE users SET email = ?, email_confirmed_at = NULL WHERE user_id = ?', [email, userId]);
  }

  async setEmailConfirmedAt(userId: number, at: number | null): Promise<void> {
    await this.sql.run('UPDATE users SET email_confirmed_at = ? WHERE user_id = ?', [at, userId]);
  }

  async setLanguage(userId: number, language: string | null): Promise<void> {
    await this.sql.run('UPDATE users SET language = ? WHERE user_id = ?', [language, userId]);
  }

  async setPasswordHash(userId: number, hash: string): Promise<void> {
    await this.sql.run('UPDATE users SET password_hash = ? WHERE user_id = ?', [hash, userId]);
  }

  async setRegisteredAt(userId: number, at: number): Promise<void> {
    await this.sql.run('UPDATE users SET registered_at = ? WHERE user_id = ?', [at, userId]);
  }

  async incrementEditCount(userId: number): Promise<void> {
    await this.sql.run('UPDATE users SET edit_count = edit_count + 1 WHERE user_id = ?', [userId]);
  }

  async block(block: NewBlock): Promise<number> {
    return await this.sql.transaction(async () => {
      const { block_id: id } = (await this.sql.get<{ block_id: number }>(
        `INSERT INTO blocks (user_id, by_user_id, reason, sitewide, created_at, expires_at)
         VALUES (@userId, @byUserId, @reason, @sitewide, @createdAt, @expiresAt) RETURNING block_id`,
        { userId: block.userId, byUserId: block.byUserId, reason: block.reason, sitewide: block.sitewide ? 1 : 0, createdAt: block.createdAt, expiresAt: block.expiresAt },
      ))!;
      for (const p of block.pageIds) await this.sql.run('INSERT INTO block_restrictions (block_id, kind, value) VALUES (?, ?, ?)', [id, 'page', p]);
      for (const n of block.namespaces) await this.sql.run('INSERT INTO block_restrictions (block_id, kind, value) VALUES (?, ?, ?)', [id, 'namespace', n]);
      return id;
    });
  }

  async activeBlocks(userId: number, now: number): Promise<Block[]> {
    return this.blocksSince(userId, now);
  }

  /** The blocks in force at any moment from `since` on: those still in force, and those that ended after it. */
  async blocksSince(userId: number, since: number): Promise<Block[]> {
    const rows = await this.sql.all<BlockRow>(
      `SELECT b.*, ${restrictionsOf('b')} AS restrictions
       FROM blocks b WHERE b.user_id = ? AND (b.expires_at IS NULL OR b.expires_at > ?) ORDER BY b.block_id`,
      [userId, since],
    );
    return rows.map(toBlock);
  }

  /** Accounts in name order from `from` up to `to` (inclusive, '' for no end) that start with `prefix`, for list=allusers. */
  async list(query: { from: string; to: string; prefix: string; limit: number }): Promise<UserAccount[]> {
    const rows = await this.sql.all<UserRow>(
      `SELECT ${userColumns} FROM users u
       WHERE u.user_name >= @from AND (@to = '' OR u.user_name <= @to)
         AND substr(u.user_name, 1, length(CAST(@prefix AS TEXT))) = @prefix
       ORDER BY u.user_name LIMIT @limit`,
      { ...query },
    );
    return rows.map(toAccount);
  }

  /** The names of these accounts, in one statement; an id with no account is left out. */
  async namesOf(ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.sql.all<{ user_id: number; user_name: string }>(
      `SELECT user_id, user_name FROM users WHERE user_id IN (SELECT CAST(value AS BIGINT) FROM ${dialectOf(this.sql.engine).jsonTexts('@ids')} AS ids)`,
      { ids: JSON.stringify([...new Set(ids)].map(String)) },
    );
    return new Map(rows.map((r) => [Number(r.user_id), r.user_name]));
  }

  /** The accounts in a group, in name order (at most `limit`). */
  async inGroup(group: ExplicitGroup, limit: number): Promise<UserAccount[]> {
    const rows = await this.sql.all<UserRow>(
      `SELECT ${userColumns} FROM users u WHERE EXISTS (SELECT 1 FROM user_groups g WHERE g.user_id = u.user_id AND g.group_name = ?) ORDER BY u.user_name LIMIT ?`,
      [group, limit],
    );
    return rows.map(toAccount);
  }

  async total(): Promise<number> {
    return (await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM users'))!.n;
  }
}
