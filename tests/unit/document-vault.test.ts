/** DocumentVault: AES-256-GCM sealing and the keyed lookup hash, with real keys. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DocumentVault, MASTER_KEY_BYTES } from '../../electron/services/crypto/document-vault';
import { CounterError } from '../../shared/result';

const CHINESE = /[\u4e00-\u9fff]/;
const key = (): Buffer => randomBytes(MASTER_KEY_BYTES);

function openError(vault: DocumentVault, sealed: string): CounterError {
  try {
    vault.open(sealed);
  } catch (error) {
    expect(error).toBeInstanceOf(CounterError);
    return error as CounterError;
  }
  throw new Error('expected open() to fail');
}

describe('DocumentVault', () => {
  it('round-trips document numbers and Chinese text', () => {
    const vault = new DocumentVault(key());
    for (const plain of ['11010519491231002X', 'E12345678', '张三 · 欧阳娜娜 𠮷', '']) {
      const sealed = vault.seal(plain);
      expect(sealed.startsWith('v1:')).toBe(true);
      expect(vault.open(sealed)).toBe(plain);
    }
  });

  it('uses a fresh IV each time: the same value seals to different ciphertexts', () => {
    const vault = new DocumentVault(key());
    const sealed = new Set(Array.from({ length: 50 }, () => vault.seal('11010519491231002X')));
    expect(sealed.size).toBe(50);
    for (const s of sealed) {
      expect(s).not.toContain('11010519491231002X');
      expect(vault.open(s)).toBe('11010519491231002X');
    }
  });

  it('gives a stable, key-dependent lookup hash', () => {
    const master = key();
    const a = new DocumentVault(master);
    const again = new DocumentVault(Buffer.from(master));
    const other = new DocumentVault(key());
    const h = a.lookupHash('11010519491231002X');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(again.lookupHash('11010519491231002X')).toBe(h);
    expect(other.lookupHash('11010519491231002X')).not.toBe(h);
    expect(a.lookupHash('110105194912310028')).not.toBe(h);
    // the hash key is not the encryption key's output: a sealed value never carries the hash
    expect(a.seal('11010519491231002X')).not.toContain(h);
  });

  it('refuses a value sealed under another key, an altered value and garbage with a Chinese CounterError', () => {
    const vault = new DocumentVault(key());
    const sealed = vault.seal('11010519491231002X');
    expect(openError(new DocumentVault(key()), sealed).message).toMatch(CHINESE);

    const raw = Buffer.from(sealed.slice(3), 'base64');
    for (const at of [0, 12, 20, raw.length - 1]) {
      const flipped = Buffer.from(raw);
      flipped[at] = (flipped[at] ?? 0) ^ 0x01;
      expect(openError(vault, `v1:${flipped.toString('base64')}`).message).toMatch(CHINESE);
    }
    for (const bad of ['', 'v1:', 'v1:AAAA', 'v2:' + sealed.slice(3), sealed.slice(3), '11010519491231002X']) {
      expect(openError(vault, bad).message).toMatch(CHINESE);
    }
  });

  it('accepts only a 32-byte master key', () => {
    expect(() => new DocumentVault(randomBytes(16))).toThrow(RangeError);
    expect(() => new DocumentVault(randomBytes(33))).toThrow(RangeError);
  });
});
