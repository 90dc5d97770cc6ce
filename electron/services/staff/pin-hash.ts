/** PIN hashing with scrypt (node:crypto); the stored form names its parameters. */
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** The salt, parameters and key of a stored hash; null for a form this module did not write. */
function parseStored(stored: string): { salt: Buffer; options: ScryptOptions; expected: Buffer } | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return null;
  return { salt: Buffer.from(salt, 'base64'), options: { N: Number(n), r: Number(r), p: Number(p) }, expected: Buffer.from(key, 'base64') };
}

function sameKey(actual: Buffer, expected: Buffer): boolean {
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  return sameKey(await derive(pin, parsed.salt, parsed.options), parsed.expected);
}

/** verifyPin on this thread (tens of milliseconds): only where a transaction cannot wait for the thread pool. */
export function verifyPinNow(pin: string, stored: string): boolean {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  return sameKey(scryptSync(pin, parsed.salt, KEY_LENGTH, parsed.options), parsed.expected);
}
