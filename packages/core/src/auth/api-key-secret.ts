import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  secret: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt cost (OWASP's minimum for N=2^15 is 2^17 with r=8; 2^15 keeps a verification near 50 ms). */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const HASH_BYTES = 32;

/** A new random secret: 32 bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Hashes a secret with a new random salt; both base64, for storage. */
export async function hashSecret(secret: string): Promise<{ secretHash: string; salt: string }> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(secret, salt, HASH_BYTES, SCRYPT);
  return { secretHash: hash.toString('base64'), salt: salt.toString('base64') };
}

/** True when `secret` hashes to `secretHash` with `salt`; compared in constant time. */
export async function verifySecret(
  secret: string,
  stored: { secretHash: string; salt: string },
): Promise<boolean> {
  const expected = Buffer.from(stored.secretHash, 'base64');
  const actual = await scryptAsync(secret, Buffer.from(stored.salt, 'base64'), HASH_BYTES, SCRYPT);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Constant-time equality of two strings of any length (compares their SHA-256 digests). */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** SHA-256 of a presented credential, so the cache of verified keys never holds a secret. */
export function digestOf(value: string): string {
  return createHash('sha256').update(value).digest('base64');
}
