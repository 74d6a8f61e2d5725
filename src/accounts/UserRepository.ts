/** SQL for accounts, their groups and their blocks. */
import type { Db } from '../storage/openDatabase.js';
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

const userColumns = `u.user_id, u.user_name, u.email, u.email_confirmed_at, u.registered_at, u.edit_count, u.language,
  (SELECT group_concat(group_name) FROM user_groups g WHERE g.user_id = u.user_id) AS groups`;

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
  private readonly byName;
  private readonly byId;
  private readonly passwordHashByName;
  private readonly insertUser;
  private readonly insertGroup;
  private readonly removeGroup;
  private readonly updateEmail;
  private readonly updateConfirmed;
  private readonly updateLanguage;
  private readonly updatePassword;
  private readonly bumpEditCount;
  private readonly updateRegistration;
  private readonly insertBlock;
  private readonly insertRestriction;
  private readonly blocksInForceSince;
  private readonly listFrom;
  private readonly count;

  constructor(private readonly db: Db) {
    this.byName = db.prepare<[string], UserRow>(`SELECT ${userColumns} FROM users u WHERE u.user_name = ?`);
    this.byId = db.prepare<[number], UserRow>(`SELECT ${userColumns} FROM users u WHERE u.user_id = ?`);
    this.passwordHashByName = db.prepare<[string], { password_hash: string }>('SELECT password_hash FROM users WHERE user_name = ?');
    this.insertUser = db.prepare(
      `INSERT INTO users (user_name, password_hash, email, email_confirmed_at, registered_at, edit_count)
       VALUES (@name, @passwordHash, @email, @emailConfirmedAt, @registeredAt, @editCount)`,
    );
    this.insertGroup = db.prepare('INSERT OR IGNORE INTO user_groups (user_id, group_name) VALUES (?, ?)');
    this.removeGroup = db.prepare('DELETE FROM user_groups WHERE user_id = ? AND group_name = ?');
    this.updateEmail = db.prepare('UPDATE users SET email = ?, email_confirmed_at = NULL WHERE user_id = ?');
    this.updateConfirmed = db.prepare('UPDATE users SET email_confirmed_at = ? WHERE user_id = ?');
    this.updateLanguage = db.prepare('UPDATE users SET language = ? WHERE user_id = ?');
    this.updatePassword = db.prepare('UPDATE users SET password_hash = ? WHERE user_id = ?');
    this.bumpEditCount = db.prepare('UPDATE users SET edit_count = edit_count + 1 WHERE user_id = ?');
    this.updateRegistration = db.prepare('UPDATE users SET registered_at = ? WHERE user_id = ?');
    this.insertBlock = db.prepare(
      `INSERT INTO blocks (user_id, by_user_id, reason, sitewide, created_at, expires_at)
       VALUES (@userId, @byUserId, @reason, @sitewide, @createdAt, @expiresAt)`,
    );
    this.insertRestriction = db.prepare('INSERT INTO block_restrictions (block_id, kind, value) VALUES (?, ?, ?)');
    this.blocksInForceSince = db.prepare<[number, number], BlockRow>(
      `SELECT b.*, (SELECT group_concat(kind || ':' || value) FROM block_restrictions r WHERE r.block_id = b.block_id) AS restrictions
       FROM blocks b WHERE b.user_id = ? AND (b.expires_at IS NULL OR b.expires_at > ?) ORDER BY b.block_id`,
    );
    this.listFrom = db.prepare<[{ from: string; to: string; prefix: string; limit: number }], UserRow>(
      `SELECT ${userColumns} FROM users u
       WHERE u.user_name >= @from AND (@to = '' OR u.user_name <= @to)
         AND substr(u.user_name, 1, length(@prefix)) = @prefix
       ORDER BY u.user_name LIMIT @limit`,
    );
    this.count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  }

  findByName(name: string): UserAccount | null {
    const row = this.byName.get(name);
    return row ? toAccount(row) : null;
  }

  findById(id: number): UserAccount | null {
    const row = this.byId.get(id);
    return row ? toAccount(row) : null;
  }

  passwordHashOf(name: string): string | undefined {
    return this.passwordHashByName.get(name)?.password_hash;
  }

  create(user: NewUser): UserAccount {
    return this.db.transaction(() => {
      const id = Number(this.insertUser.run(user).lastInsertRowid);
      for (const g of user.groups) this.insertGroup.run(id, g);
      return this.findById(id)!;
    })();
  }

  addGroup(userId: number, group: ExplicitGroup): void {
    this.insertGroup.run(userId, group);
  }

  removeFromGroup(userId: number, group: ExplicitGroup): void {
    this.removeGroup.run(userId, group);
  }

  setEmail(userId: number, email: string): void {
    this.updateEmail.run(email, userId);
  }

  setEmailConfirmedAt(userId: number, at: number | null): void {
    this.updateConfirmed.run(at, userId);
  }

  setLanguage(userId: number, language: string | null): void {
    this.updateLanguage.run(language, userId);
  }

  setPasswordHash(userId: number, hash: string): void {
    this.updatePassword.run(hash, userId);
  }

  setRegisteredAt(userId: number, at: number): void {
    this.updateRegistration.run(at, userId);
  }

  incrementEditCount(userId: number): void {
    this.bumpEditCount.run(userId);
  }

  block(block: NewBlock): number {
    return this.db.transaction(() => {
      const id = Number(this.insertBlock.run({ ...block, sitewide: block.sitewide ? 1 : 0 }).lastInsertRowid);
      for (const p of block.pageIds) this.insertRestriction.run(id, 'page', p);
      for (const n of block.namespaces) this.insertRestriction.run(id, 'namespace', n);
      return id;
    })();
  }

  activeBlocks(userId: number, now: number): Block[] {
    return this.blocksSince(userId, now);
  }

  /** The blocks in force at any moment from `since` on: those still in force, and those that ended after it. */
  blocksSince(userId: number, since: number): Block[] {
    return this.blocksInForceSince.all(userId, since).map(toBlock);
  }

  /** Accounts in name order from `from` up to `to` (inclusive, '' for no end) that start with `prefix`, for list=allusers. */
  list(query: { from: string; to: string; prefix: string; limit: number }): UserAccount[] {
    return this.listFrom.all(query).map(toAccount);
  }

  total(): number {
    return this.count.get()!.n;
  }
}
