// Unit tests of password hashing with scrypt (src/accounts/passwords.ts).
import { describe, expect, it } from 'vitest';
import { named } from '../../support/named.js';
import { hashPassword, verifyPassword } from '../../../src/accounts/passwords.js';

// Hashing is deliberately slow (scrypt, N=16384), so the hashes are made once.
const password = 'correct horse battery staple';
const stored = hashPassword(password);

describe('hashPassword', () => {
  it('when a password is hashed, then the format is scrypt$N$r$p$salt$hash', () => {
    expect(stored.startsWith('scrypt$')).toBe(true);
    const parts = stored.split('$');
    expect(parts).toHaveLength(6);
    expect(parts.slice(1, 4)).toEqual(['16384', '8', '1']);
    expect(Buffer.from(parts[4]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64')).toHaveLength(32);
  });

  it('when the same password is hashed twice, then the salts and hashes differ', () => {
    expect(hashPassword(password)).not.toBe(stored);
  });

  it('when the hash is made, then the password does not appear in it', () => {
    expect(stored).not.toContain(password);
    expect(stored).not.toContain(Buffer.from(password).toString('base64'));
  });
});

describe('verifyPassword', () => {
  it('when the right password is given, then it matches', async () => {
    expect(await verifyPassword(password, stored)).toBe(true);
  });

  it.each(named([
    { name: 'a wrong password', attempt: 'wrong horse battery staple' },
    { name: 'an empty password', attempt: '' },
    { name: 'the password with different case', attempt: password.toUpperCase() },
    { name: 'the password with a trailing space', attempt: `${password} ` },
    { name: 'the password with one letter missing', attempt: password.slice(0, -1) },
  ]))('when %s is given, then it does not match', async (_, { attempt }) => {
    expect(await verifyPassword(attempt, stored)).toBe(false);
  });

  it.each(named([
    { name: 'undefined', hash: undefined },
    { name: 'an empty string', hash: '' },
  ]))('when the stored hash is %s, then no password matches, not even the decoy one', async (_, { hash }) => {
    expect(await verifyPassword('', hash)).toBe(false);
    expect(await verifyPassword('decoy password that never matches', hash)).toBe(false);
    expect(await verifyPassword(password, hash)).toBe(false);
  });

  it.each(named([
    { name: 'not in the scrypt format', hash: 'plain text password' },
    { name: 'another algorithm', hash: stored.replace(/^scrypt/, 'bcrypt') },
    { name: 'missing a part', hash: stored.split('$').slice(0, 5).join('$') },
  ]))('when the stored hash is %s, then it never matches', async (_, { hash }) => {
    expect(await verifyPassword(password, hash)).toBe(false);
  });

  it('when the password was typed in decomposed form (NFD), then it matches the composed (NFC) one', async () => {
    const hash = hashPassword('caf\u00e9 cr\u00e8me');
    expect(await verifyPassword('cafe\u0301 cre\u0300me', hash)).toBe(true);
  });
});
