/** Password hashing with scrypt from node:crypto, in a self-describing format so parameters can change later. */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 16384;
const r = 8;
const p = 1;
const KEY_LENGTH = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** A fixed hash compared against when the account does not exist, so timing does not reveal whether a name exists. */
const decoyHash = hashPassword('decoy password that never matches');

/** Checks a password against a stored hash in constant time; an empty or unknown hash never matches. */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const parts = (stored || decoyHash).split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, rr, pp, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  // A damaged stored hash (bad parameters) never matches; it must not turn a login into a server error.
  const actual = await new Promise<Buffer | null>((resolve) => {
    try {
      scrypt(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length, { N: Number(n), r: Number(rr), p: Number(pp), maxmem: 64 * 1024 * 1024 }, (e, key) =>
        resolve(e ? null : key),
      );
    } catch {
      resolve(null);
    }
  });
  return actual !== null && actual.length === expected.length && stored !== undefined && stored !== '' && timingSafeEqual(actual, expected);
}
