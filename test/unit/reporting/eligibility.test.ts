// The one eligibility policy (canReport): every branch, the order of the checks, developer mode, and when the link still shows.
import { describe, expect, it } from 'vitest';
import type { Block, UserAccount } from '../../../src/accounts/UserAccount.js';
import { readFileSync } from 'node:fs';
import { canReport, type EligibilitySettings, ineligibleMessageKey, ineligibleRestError, ineligibleTitleKey } from '../../../src/reporting/eligibility.js';
import { named } from '../../support/named.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const HOUR = 3600 * 1000;
const settings: EligibilitySettings = { ReportIncidentMinimumAccountAgeInSeconds: 10800, ReportIncidentDeveloperMode: false };
const devMode: EligibilitySettings = { ...settings, ReportIncidentDeveloperMode: true };

function buildUser(overrides: Partial<UserAccount> = {}): UserAccount {
  return {
    id: 7,
    name: 'Alice',
    email: 'alice@example.org',
    emailConfirmedAt: NOW - 100 * 24 * HOUR,
    registeredAt: NOW - 400 * 24 * HOUR,
    editCount: 250,
    language: null,
    groups: [],
    ...overrides,
  };
}

function buildBlock(overrides: Partial<Block> = {}): Block {
  return { id: 1, userId: 7, byUserId: 2, reason: 'Edit warring', sitewide: true, createdAt: NOW - HOUR, expiresAt: null, pageIds: [], namespaces: [], ...overrides };
}

describe('canReport', () => {
  it('when a named user has edits, no block, an old enough account and a confirmed email, then they are eligible', () => {
    expect(canReport({ user: buildUser(), blocks: [], now: NOW, settings })).toEqual({ eligible: true });
  });

  it('when there is no user (anonymous), then the reason is anonymous and no link is shown', () => {
    expect(canReport({ user: null, blocks: [], now: NOW, settings })).toEqual({ eligible: false, reason: 'anonymous', showLink: false });
  });

  it.each([0, -1])('when the edit count is %i, then the reason is no-edits', (editCount) => {
    expect(canReport({ user: buildUser({ editCount }), blocks: [], now: NOW, settings })).toEqual({ eligible: false, reason: 'no-edits', showLink: false });
  });

  it('when the user has exactly one edit, then that is enough', () => {
    expect(canReport({ user: buildUser({ editCount: 1 }), blocks: [], now: NOW, settings }).eligible).toBe(true);
  });

  it.each(named([
    { name: 'a sitewide block', block: buildBlock() },
    { name: 'a partial block from the article namespace only (T378778)', block: buildBlock({ sitewide: false, namespaces: [0] }) },
    { name: 'a partial block from one unrelated page', block: buildBlock({ sitewide: false, pageIds: [42] }) },
  ]))('when the user has %s, then the reason is blocked and the block is given', (_, { block }) => {
    const result = canReport({ user: buildUser(), blocks: [block], now: NOW, settings });
    expect(result).toEqual({ eligible: false, reason: 'blocked', showLink: false, block });
  });

  it('when the user has several blocks, then the first is the one given', () => {
    const first = buildBlock({ id: 1, reason: 'first' });
    const second = buildBlock({ id: 2, reason: 'second' });
    const result = canReport({ user: buildUser(), blocks: [first, second], now: NOW, settings });
    expect(result).toMatchObject({ reason: 'blocked', block: { reason: 'first' } });
  });

  it('when the account is younger than the minimum age, then the reason is too-new with the time it becomes eligible', () => {
    const registeredAt = NOW - HOUR;
    const result = canReport({ user: buildUser({ registeredAt }), blocks: [], now: NOW, settings });
    expect(result).toEqual({ eligible: false, reason: 'too-new', showLink: false, eligibleAt: registeredAt + 3 * HOUR });
  });

  it('when the account is exactly the minimum age, then it is old enough (the age is compared in seconds, not timestamps: T429655)', () => {
    expect(canReport({ user: buildUser({ registeredAt: NOW - 3 * HOUR }), blocks: [], now: NOW, settings }).eligible).toBe(true);
    expect(canReport({ user: buildUser({ registeredAt: NOW - 3 * HOUR + 1 }), blocks: [], now: NOW, settings })).toMatchObject({ reason: 'too-new' });
  });

  it('when the minimum age is 0, then a brand-new account may report', () => {
    expect(canReport({ user: buildUser({ registeredAt: NOW }), blocks: [], now: NOW, settings: { ...settings, ReportIncidentMinimumAccountAgeInSeconds: 0 } }).eligible).toBe(true);
  });

  it.each(named([
    { name: 'an address that is not confirmed', user: { emailConfirmedAt: null } },
    { name: 'no address at all', user: { email: '', emailConfirmedAt: null } },
    { name: 'no address but a stale confirmation time', user: { email: '' } },
  ]))('when the user has %s, then the reason is email-unconfirmed and the link still shows', (_, { user }) => {
    expect(canReport({ user: buildUser(user), blocks: [], now: NOW, settings })).toEqual({ eligible: false, reason: 'email-unconfirmed', showLink: true });
  });

  describe('the order of the checks (named, edits, blocks, age, email)', () => {
    const everythingWrong = buildUser({ editCount: 0, registeredAt: NOW, email: '', emailConfirmedAt: null });
    const rows = [
      { name: 'no edits, blocked, too new and no email', user: everythingWrong, blocks: [buildBlock()], reason: 'no-edits' },
      { name: 'blocked, too new and no email', user: buildUser({ registeredAt: NOW, emailConfirmedAt: null }), blocks: [buildBlock()], reason: 'blocked' },
      { name: 'too new and no confirmed email', user: buildUser({ registeredAt: NOW, emailConfirmedAt: null }), blocks: [], reason: 'too-new' },
    ];
    it.each(named(rows, (r) => `when a user is ${r.name}, then the first failing check (${r.reason}) is the reason and no link shows`))('%s', (_, row) => {
      const result = canReport({ user: row.user, blocks: row.blocks, now: NOW, settings });
      expect(result).toMatchObject({ eligible: false, reason: row.reason, showLink: false });
    });
  });

  describe('developer mode', () => {
    it('when developer mode is on, then an account that is too new may report', () => {
      expect(canReport({ user: buildUser({ registeredAt: NOW }), blocks: [], now: NOW, settings: devMode })).toEqual({ eligible: true });
    });

    it('when developer mode is on, then an unconfirmed or missing email is not required', () => {
      expect(canReport({ user: buildUser({ emailConfirmedAt: null }), blocks: [], now: NOW, settings: devMode }).eligible).toBe(true);
      expect(canReport({ user: buildUser({ email: '', emailConfirmedAt: null }), blocks: [], now: NOW, settings: devMode }).eligible).toBe(true);
    });

    it.each(named([
      { name: 'anonymous', user: null, blocks: [], reason: 'anonymous' },
      { name: 'without edits', user: buildUser({ editCount: 0 }), blocks: [], reason: 'no-edits' },
      { name: 'blocked', user: buildUser(), blocks: [buildBlock({ sitewide: false, namespaces: [0] })], reason: 'blocked' },
    ]))('when developer mode is on and the user is %s, then they are still refused', (_, row) => {
      expect(canReport({ user: row.user, blocks: row.blocks, now: NOW, settings: devMode })).toMatchObject({ eligible: false, reason: row.reason });
    });
  });

  it('when the same user is asked about at another time, then only the time decides the age check', () => {
    const user = buildUser({ registeredAt: NOW });
    expect(canReport({ user, blocks: [], now: NOW + 3 * HOUR - 1, settings }).eligible).toBe(false);
    expect(canReport({ user, blocks: [], now: NOW + 3 * HOUR, settings }).eligible).toBe(true);
  });
});

describe('ineligibleRestError and ineligibleMessageKey', () => {
  it('when each reason is mapped to REST, then it has MediaWiki\'s status and error key', () => {
    expect(ineligibleRestError).toEqual({
      anonymous: { status: 403, errorKey: 'rest-permission-denied-anon' },
      'no-edits': { status: 403, errorKey: 'apierror-permissiondenied' },
      blocked: { status: 403, errorKey: 'apierror-blocked' },
      'too-new': { status: 403, errorKey: 'apierror-permissiondenied' },
      'email-unconfirmed': { status: 403, errorKey: 'reportincident-confirmedemail-required' },
    });
  });

  it('when each reason is explained, then it has its own message', () => {
    const keys = Object.values(ineligibleMessageKey);
    expect(new Set(keys).size).toBe(5);
    for (const k of keys) expect(k).toMatch(/^reportincident-ineligible-/);
  });

  it('when each refusal is titled, then only what time or an edit will change says "yet" (a block does not)', () => {
    const en = JSON.parse(readFileSync(new URL('../../../locales/en.json', import.meta.url), 'utf8')) as Record<string, string>;
    const saysYet = (reason: keyof typeof ineligibleTitleKey) => /\byet\b/i.test(en[ineligibleTitleKey[reason]]!) || /\byet\b/i.test(en[ineligibleMessageKey[reason]]!);
    expect(saysYet('blocked')).toBe(false);
    expect(saysYet('email-unconfirmed')).toBe(false);
    expect(saysYet('too-new')).toBe(true);
    expect(saysYet('no-edits')).toBe(true);
  });
});
