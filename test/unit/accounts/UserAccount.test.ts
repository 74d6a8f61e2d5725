// Unit tests of accounts, groups, rights, blocks and user names (src/accounts/UserAccount.ts).
import { describe, expect, it } from 'vitest';
import { named } from '../../support/named.js';
import {
  type Block,
  blockAppliesTo,
  effectiveGroups,
  isAutoconfirmed,
  isIpAddress,
  normaliseUserName,
  rightsOf,
  sameUserName,
  type UserAccount,
  userNameProblem,
} from '../../../src/accounts/UserAccount.js';

const DAY = 86_400_000;
const settings = { AutoConfirmAge: 4 * 86_400, AutoConfirmCount: 10 };
const now = Date.UTC(2024, 0, 10);

function user(overrides: Partial<UserAccount> = {}): UserAccount {
  return { id: 1, name: 'Rowan', email: '', emailConfirmedAt: null, registeredAt: now - 30 * DAY, editCount: 50, language: null, groups: [], ...overrides };
}

function block(overrides: Partial<Block> = {}): Block {
  return { id: 1, userId: 1, byUserId: 2, reason: 'test', sitewide: false, createdAt: now, expiresAt: null, pageIds: [], namespaces: [], ...overrides };
}

describe('isAutoconfirmed', () => {
  it.each(named([
    { name: 'old enough with enough edits', registeredAt: now - 4 * DAY, editCount: 10, expected: true },
    { name: 'one millisecond too young', registeredAt: now - 4 * DAY + 1, editCount: 10, expected: false },
    { name: 'one edit short', registeredAt: now - 4 * DAY, editCount: 9, expected: false },
    { name: 'long-standing with many edits', registeredAt: now - 365 * DAY, editCount: 5000, expected: true },
    { name: 'brand new with no edits', registeredAt: now, editCount: 0, expected: false },
    { name: 'old with no edits', registeredAt: now - 365 * DAY, editCount: 0, expected: false },
  ], (r) => `when the account is ${r.name}, then isAutoconfirmed is ${r.expected}`))('%s', (_, { registeredAt, editCount, expected }) => {
    expect(isAutoconfirmed(user({ registeredAt, editCount }), settings, now)).toBe(expected);
  });

  it('when both thresholds are zero, then a brand-new account is autoconfirmed', () => {
    expect(isAutoconfirmed(user({ registeredAt: now, editCount: 0 }), { AutoConfirmAge: 0, AutoConfirmCount: 0 }, now)).toBe(true);
  });
});

describe('effectiveGroups', () => {
  it.each(named<{ name: string; account: UserAccount | null; groups: string[] }>([
    { name: 'a logged-out reader', account: null, groups: ['*'] },
    { name: 'a new user', account: user({ registeredAt: now, editCount: 0 }), groups: ['*', 'user'] },
    { name: 'an autoconfirmed user', account: user(), groups: ['*', 'user', 'autoconfirmed'] },
    { name: 'an autoconfirmed sysop', account: user({ groups: ['sysop'] }), groups: ['*', 'user', 'autoconfirmed', 'sysop'] },
    { name: 'a new bot', account: user({ registeredAt: now, editCount: 0, groups: ['bot'] }), groups: ['*', 'user', 'bot'] },
    {
      name: 'a user in two explicit groups',
      account: user({ groups: ['interface-admin', 'trust-and-safety'] }),
      groups: ['*', 'user', 'autoconfirmed', 'interface-admin', 'trust-and-safety'],
    },
  ], (r) => `when the viewer is ${r.name}, then the groups are ${r.groups.join(', ')}`))('%s', (_, { account, groups }) => {
    expect(effectiveGroups(account, settings, now)).toEqual(groups);
  });
});

describe('rightsOf', () => {
  it.each(named<{ name: string; groups: string[]; has: string[]; lacks: string[] }>([
    { name: 'no groups', groups: [], has: [], lacks: ['read'] },
    { name: 'everyone', groups: ['*'], has: ['read', 'createaccount'], lacks: ['edit', 'reportincident'] },
    { name: 'a user', groups: ['*', 'user'], has: ['read', 'edit', 'createtalk', 'reportincident'], lacks: ['editsemiprotected', 'block'] },
    { name: 'an autoconfirmed user', groups: ['*', 'user', 'autoconfirmed'], has: ['edit', 'autoconfirmed', 'editsemiprotected'], lacks: ['block'] },
    { name: 'a sysop', groups: ['*', 'user', 'sysop'], has: ['block', 'delete', 'protect', 'apihighlimits'], lacks: ['editsitejs'] },
    { name: 'an interface admin', groups: ['interface-admin'], has: ['editinterface', 'editsitejs', 'editcommunityconfig'], lacks: ['read'] },
    { name: 'Trust and Safety', groups: ['trust-and-safety'], has: ['reportincident-viewstatistics', 'reportincident-viewdevmailbox', 'reportincident-handlecases'], lacks: ['block'] },
    { name: 'an incident responder', groups: ['incident-responder'], has: ['reportincident-handlecases'], lacks: ['block', 'reportincident-viewdevmailbox'] },
    { name: 'a bot', groups: ['bot'], has: ['bot', 'apihighlimits'], lacks: ['edit'] },
    { name: 'an unknown group', groups: ['steward'], has: [], lacks: ['read'] },
  ], (r) => `when the groups are ${r.name}, then the rights include [${r.has.join(', ')}] and not [${r.lacks.join(', ')}]`))('%s', (_, { groups, has, lacks }) => {
    const rights = rightsOf(groups);
    for (const r of has) expect(rights).toContain(r);
    for (const r of lacks) expect(rights).not.toContain(r);
  });

  it('when two groups grant the same right, then it is listed once', () => {
    const rights = rightsOf(['sysop', 'bot']);
    expect(rights.filter((r) => r === 'apihighlimits')).toHaveLength(1);
    expect(new Set(rights).size).toBe(rights.length);
  });
});

describe('blockAppliesTo', () => {
  it.each(named<{ name: string; block: Block; page: { id: number | null; namespace: number }; applies: boolean }>([
    { name: 'a sitewide block on any page', block: block({ sitewide: true }), page: { id: 5, namespace: 0 }, applies: true },
    { name: 'a sitewide block on a page that does not exist yet', block: block({ sitewide: true }), page: { id: null, namespace: 1 }, applies: true },
    { name: 'a page block on that page', block: block({ pageIds: [5, 6] }), page: { id: 6, namespace: 0 }, applies: true },
    { name: 'a page block on another page', block: block({ pageIds: [5] }), page: { id: 7, namespace: 0 }, applies: false },
    { name: 'a page block on a page that does not exist yet', block: block({ pageIds: [5] }), page: { id: null, namespace: 0 }, applies: false },
    { name: 'a namespace block in that namespace', block: block({ namespaces: [1] }), page: { id: 9, namespace: 1 }, applies: true },
    { name: 'a namespace block on a new page in that namespace', block: block({ namespaces: [1] }), page: { id: null, namespace: 1 }, applies: true },
    { name: 'a namespace block in another namespace', block: block({ namespaces: [1] }), page: { id: 9, namespace: 3 }, applies: false },
    { name: 'a namespace block on the subject namespace', block: block({ namespaces: [0] }), page: { id: 9, namespace: 1 }, applies: false },
    { name: 'an empty partial block', block: block(), page: { id: 5, namespace: 0 }, applies: false },
  ], (r) => `when it is ${r.name}, then the block applies: ${r.applies}`))('%s', (_, { block: b, page, applies }) => {
    expect(blockAppliesTo(b, page)).toBe(applies);
  });
});

describe('normaliseUserName', () => {
  it.each([
    { input: 'rowan', name: 'Rowan' },
    { input: 'jane_doe', name: 'Jane doe' },
    { input: '  Jane   Doe  ', name: 'Jane Doe' },
    { input: 'Jane__Doe', name: 'Jane Doe' },
    { input: 'a\tb', name: 'A b' },
    { input: 'élodie', name: 'Élodie' },
    { input: '192.0.2.7', name: '192.0.2.7' },
    { input: '', name: '' },
    { input: '   ', name: '' },
    { input: '___', name: '' },
  ])('when the name is $input, then it is normalised to $name', ({ input, name }) => {
    expect(normaliseUserName(input)).toBe(name);
  });
});

describe('userNameProblem', () => {
  it.each(named([
    { name: 'an ordinary name', input: 'Rowan', problem: null },
    { name: 'a name with a space', input: 'Jane Doe', problem: null },
    { name: 'exactly 85 bytes', input: 'a'.repeat(85), problem: null },
    { name: 'a name with a dot and digits', input: 'R2.D2', problem: null },
    { name: 'an empty name', input: '', problem: 'user-name-invalid-empty' },
    { name: '86 bytes', input: 'a'.repeat(86), problem: 'user-name-invalid-too-long' },
    { name: '43 two-byte letters (86 bytes)', input: 'é'.repeat(43), problem: 'user-name-invalid-too-long' },
    ...['#', '<', '>', '[', ']', '|', '{', '}', '/', '@', ':', '\u0000', '\n', '\u007f'].map((ch) => ({
      name: `the character ${JSON.stringify(ch)}`,
      input: `Ro${ch}wan`,
      problem: 'user-name-invalid-characters',
    })),
    { name: 'an IPv4 address', input: '192.0.2.7', problem: 'user-name-invalid-ip' },
    { name: 'an IPv6 address, caught by its colons first', input: '2001:db8::1', problem: 'user-name-invalid-characters' },
    { name: 'a dotted name that is not an address', input: '192.0.2', problem: null },
  ], (r) => `when the name is ${r.name}, then the problem is ${r.problem ?? 'none'}`))('%s', (_, { input, problem }) => {
    expect(userNameProblem(input)).toBe(problem);
  });
});

describe('isIpAddress', () => {
  it.each([
    '0.0.0.0',
    '127.0.0.1',
    '192.0.2.7',
    '255.255.255.255',
    '::',
    '::1',
    '2001:db8::1',
    '2001:DB8:0:0:8:800:200C:417A',
    '1:2:3:4:5:6:7:8',
    'fe80::',
    '1:2:3:4:5:6:7::',
    '::ffff:192.0.2.128',
    '64:ff9b::192.0.2.33',
  ])('when the name is "%s", then it is an IP address', (name) => {
    expect(isIpAddress(name)).toBe(true);
  });

  it.each([
    '',
    'Rowan',
    '256.0.0.1',
    '1.2.3',
    '1.2.3.4.5',
    '01.2.3.4x',
    '1.2.3.-4',
    ' 1.2.3.4',
    '1::2::3',
    '12345::1',
    'g::1',
    '1:2:3:4:5:6:7:8:9',
    '2001:db8::1/64',
    'abcd',
    'cafe',
  ])('when the name is "%s", then it is not an IP address', (name) => {
    expect(isIpAddress(name)).toBe(false);
  });

  // Forms that only look like IPv6: a lone colon, a single leading or trailing colon, too few groups without "::",
  // too many with it, or an IPv4 part that is not last.
  it.each([':', ':::', '1:', ':1', '1:2:3:4:5:6:7', '1::2:3:4:5:6:7:8', '1.2.3.4::', '1.2.3.4:5'])(
    'when the name is "%s", then it is not an IP address',
    (name) => {
      expect(isIpAddress(name)).toBe(false);
    },
  );
});

describe('sameUserName', () => {
  it.each([
    { a: '2001:DB8::1', b: '2001:DB8:0:0:0:0:0:1', same: true },
    { a: '::1', b: '0:0:0:0:0:0:0:1', same: true },
    { a: '2001:db8::1', b: '2001:DB8::1', same: true },
    { a: '2001:DB8::1', b: '2001:DB8::2', same: false },
    { a: '192.0.2.44', b: '192.0.2.44', same: true },
    { a: '192.0.2.44', b: '192.0.2.45', same: false },
    { a: 'Brackenfield', b: 'Brackenfield', same: true },
    { a: 'Brackenfield', b: 'Rowan', same: false },
    { a: 'Brackenfield', b: '192.0.2.44', same: false },
  ])('when $a and $b are compared, then they are the same user: $same', ({ a, b, same }) => {
    expect(sameUserName(a, b)).toBe(same);
  });
});
