/** Accounts: creation, login with throttling, email confirmation, groups and blocks. */
import type { Clock } from '../shared/Clock.js';
import { isValidEmail } from '../shared/email.js';
import type { Result } from '../shared/Result.js';
import { err, ok } from '../shared/Result.js';
import type { LoginThrottle } from './LoginThrottle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { Block, ExplicitGroup, UserAccount } from './UserAccount.js';
import { normaliseUserName, userNameProblem } from './UserAccount.js';
import type { UserRepository } from './UserRepository.js';

export const MIN_PASSWORD_LENGTH = 8;

export interface NewAccount {
  name: string;
  password: string;
  email?: string;
  emailConfirmed?: boolean;
  edits?: number;
  registeredAt?: number;
  groups?: ExplicitGroup[];
}

export interface BlockRequest {
  reason?: string;
  /** Absent: a sitewide block. */
  partial?: { pageIds: number[]; namespaces: number[] };
  expiresAt?: number | null;
  byUserId?: number | null;
}

export class AccountService {
  constructor(
    private readonly users: UserRepository,
    private readonly throttle: LoginThrottle,
    private readonly clock: Clock,
  ) {}

  async create(input: NewAccount): Promise<Result<UserAccount>> {
    const name = normaliseUserName(input.name);
    const problem = userNameProblem(name);
    if (problem) return err(problem, { name });
    if (await this.users.findByName(name)) return err('user-name-taken', { name });
    if (input.password.length < MIN_PASSWORD_LENGTH) return err('password-too-short', { min: MIN_PASSWORD_LENGTH });
    const email = (input.email ?? '').trim();
    if (email && !isValidEmail(email)) return err('email-invalid', { email });
    const now = this.clock.now();
    if (input.emailConfirmed && !email) return err('email-confirm-needs-address');
    return ok(
      await this.users.create({
        name,
        passwordHash: hashPassword(input.password),
        email,
        emailConfirmedAt: input.emailConfirmed ? now : null,
        registeredAt: input.registeredAt ?? now,
        editCount: input.edits ?? 0,
        groups: input.groups ?? [],
      }),
    );
  }

  /**
   * The account maintenance work is done as (MediaWiki's User::newSystemUser): it can never log in, since
   * its password hash is empty, and it is created on first use.
   */
  async systemUser(name: string, groups: ExplicitGroup[]): Promise<Result<UserAccount>> {
    const normalised = normaliseUserName(name);
    const problem = userNameProblem(normalised);
    if (problem) return err(problem, { name: normalised });
    const existing = await this.users.findByName(normalised);
    if (existing) {
      // A person's account never becomes a system account: that would hand them its groups for good.
      if ((await this.users.passwordHashOf(normalised)) !== '') return err('user-not-system', { name: normalised });
      for (const g of groups) if (!existing.groups.includes(g)) await this.users.addGroup(existing.id, g);
      return ok((await this.users.findById(existing.id))!);
    }
    return ok(await this.users.create({ name: normalised, passwordHash: '', email: '', emailConfirmedAt: null, registeredAt: this.clock.now(), editCount: 0, groups }));
  }

  async findByName(name: string): Promise<UserAccount | null> {
    return await this.users.findByName(normaliseUserName(name));
  }

  async findById(id: number): Promise<UserAccount | null> {
    return await this.users.findById(id);
  }

  /**
   * Checks a name and password. Every failure is the same generic message, so the answer never tells
   * whether the account exists; failures are throttled per name and address.
   */
  async authenticate(nameInput: string, password: string, address: string): Promise<Result<UserAccount>> {
    const name = normaliseUserName(nameInput);
    // (#16) The attempt is counted before the password is checked, in the same transaction as the check of the limits.
    const reservation = await this.throttle.reserve(name, address);
    if (!reservation.ok) return err('login-error-throttled', { minutes: Math.ceil(reservation.retryAfterSeconds / 60) });
    const user = name ? await this.users.findByName(name) : null;
    const hash = user ? await this.users.passwordHashOf(user.name) : undefined;
    const matches = await verifyPassword(password, hash);
    if (!user || !matches) return err('login-error-wrong');
    await this.throttle.release(reservation, name, address);
    return ok(user);
  }

  async setEmail(user: UserAccount, email: string): Promise<Result<void>> {
    const trimmed = email.trim();
    if (trimmed && !isValidEmail(trimmed)) return err('email-invalid', { email: trimmed });
    if (trimmed !== user.email) await this.users.setEmail(user.id, trimmed);
    return ok(undefined);
  }

  /** The demo stands in for MediaWiki's confirmation mail: the owner confirms the address by hand. */
  async confirmEmail(user: UserAccount): Promise<Result<void>> {
    if (!user.email) return err('email-confirm-needs-address');
    await this.users.setEmailConfirmedAt(user.id, this.clock.now());
    return ok(undefined);
  }

  async setLanguage(user: UserAccount, language: string | null): Promise<void> {
    await this.users.setLanguage(user.id, language);
  }

  async addGroup(user: UserAccount, group: ExplicitGroup): Promise<void> {
    await this.users.addGroup(user.id, group);
  }

  /** The names of these accounts (nulls, and ids with no account, left out), read at once. */
  async namesOf(ids: Iterable<number | null>): Promise<Map<number, string>> {
    return this.users.namesOf([...ids].filter((id): id is number => id !== null));
  }

  /** The accounts in a group, in name order: the responders a reporter may keep out of a direct report. */
  async inGroup(group: ExplicitGroup, limit = 500): Promise<UserAccount[]> {
    return this.users.inGroup(group, limit);
  }

  async removeGroup(user: UserAccount, group: ExplicitGroup): Promise<void> {
    await this.users.removeFromGroup(user.id, group);
  }

  async block(user: UserAccount, request: BlockRequest = {}): Promise<Block> {
    const now = this.clock.now();
    const id = await this.users.block({
      userId: user.id,
      byUserId: request.byUserId ?? null,
      reason: request.reason ?? '',
      sitewide: !request.partial,
      createdAt: now,
      expiresAt: request.expiresAt ?? null,
      pageIds: request.partial?.pageIds ?? [],
      namespaces: request.partial?.namespaces ?? [],
    });
    return (await this.activeBlocks(user)).find((b) => b.id === id)!;
  }

  /** The account and its blocks in force now, read together (what each request needs of its user). */
  async findWithActiveBlocks(id: number): Promise<{ account: UserAccount; blocks: Block[] } | null> {
    return await this.users.findWithActiveBlocks(id, this.clock.now());
  }

  async activeBlocks(user: UserAccount): Promise<Block[]> {
    return await this.users.activeBlocks(user.id, this.clock.now());
  }

  /** The blocks in force now or at some time in the last `days` days: what staff weigh an account's history by. */
  async recentBlocks(user: UserAccount, days: number): Promise<Block[]> {
    return await this.users.blocksSince(user.id, this.clock.now() - days * 86_400_000);
  }

  async count(): Promise<number> {
    return await this.users.total();
  }

  /** Moves an account's registration time (the CLI's --registered and the demo's "too new" account). */
  async setRegisteredAt(user: UserAccount, at: number): Promise<void> {
    await this.users.setRegisteredAt(user.id, at);
  }

  async list(query: { from: string; to: string; prefix: string; limit: number }): Promise<UserAccount[]> {
    return await this.users.list(query);
  }
}
