/**
 * Document numbers at rest (个人信息保护法: ID numbers are high-risk data).
 * Every stored document number is sealed with AES-256-GCM under a key that
 * never leaves this machine, next to a keyed hash (HMAC-SHA256) used for
 * lookups by number and a masked form for screens and slips. The database
 * file alone reveals no number: not in a row, an index, an audit entry or
 * a change-log payload.
 *
 * Both keys are derived (HKDF-SHA256) from one 32-byte master key held by a
 * KeyStore: Electron safeStorage, or an owner-only key file in host mode.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { CounterError } from '../../../shared/result';

/** Where the master key lives. loadOrCreate() returns the same 32 bytes on every start. */
export interface KeyStore {
  /** Shown to the IT staff when the key cannot be read. */
  readonly description: string;
  loadOrCreate(): Buffer;
}

export const MASTER_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Sealed values carry their format version so the scheme can change later. */
const SEALED_PREFIX = 'v1:';

export class DocumentVault {
  private readonly encryptionKey: Buffer;
  /** The window's own lookup key, used until the window joins a hall. */
  private readonly ownLookupKey: Buffer;
  private lookupKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== MASTER_KEY_BYTES) throw new RangeError(`master key must be ${MASTER_KEY_BYTES} bytes`);
    this.encryptionKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'counter-workstation document encryption v1', 32));
    this.ownLookupKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'counter-workstation document lookup v1', 32));
    this.lookupKey = this.ownLookupKey;
  }

  /**
   * Hash with the hall's lookup key (hex, from enrolment), so every window of
   * the hall gives the same hash for the same number; null: the window's own
   * key again. The sealing key never changes.
   */
  useLookupKey(hallKeyHex: string | null): void {
    this.lookupKey = hallKeyHex === null ? this.ownLookupKey : Buffer.from(hallKeyHex, 'hex');
  }

  static open(store: KeyStore): DocumentVault {
    return new DocumentVault(store.loadOrCreate());
  }

  /** 'v1:' + base64(iv ‖ tag ‖ ciphertext). A fresh random IV for every value. */
  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** The plain value; a CounterError when the value was sealed under another key or altered. */
  open(sealed: string): string {
    const raw = sealed.startsWith(SEALED_PREFIX) ? Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64') : null;
    if (!raw || raw.length < IV_BYTES + TAG_BYTES) throw unreadable();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw unreadable();
    }
  }

  /** The keyed lookup hash of a normalized document number (hex). Equal numbers give equal hashes on this machine, or at every window of the joined hall. */
  lookupHash(normalized: string): string {
    return createHmac('sha256', this.lookupKey).update(normalized, 'utf8').digest('hex');
  }
}

function unreadable(): CounterError {
  return new CounterError('INTERNAL', '证件号码密文无法解开：加密密钥与数据不匹配或数据已被改动。请联系信息科核对密钥文件，已保存的记录未受影响。');
}
