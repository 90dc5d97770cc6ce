/**
 * PINs in the windows' scrypt form ('scrypt$N$r$p$salt$key', base64 salt and
 * key): the hall verifies the staff reference rows' hashes with the same
 * parameters the window hashed them with, and hashes the demo supervisor's PIN
 * the same way. (hall/ cannot import the window's code; a test checks that a
 * window-made hash verifies here.)
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** Bounds on the stored parameters, so a malformed row cannot make the hall spend minutes or gigabytes. */
const MAX_N = 1 << 20;

function derive(pin: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, keyLength, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, KEY_LENGTH, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  if (scheme !== 'scrypt' || !salt || !key || !Number.isInteger(N) || N < 2 || N > MAX_N || !Number.isInteger(R) || R < 1 || R > 32 || !Number.isInteger(P) || P < 1 || P > 16) return false;
  const expected = Buffer.from(key, 'base64');
  if (expected.length === 0) return false;
  const actual = await derive(pin, Buffer.from(salt, 'base64'), expected.length, { N, r: R, p: P });
  return timingSafeEqual(actual, expected);
}
