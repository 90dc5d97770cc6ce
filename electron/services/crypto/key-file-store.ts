/**
 * Host mode's key store: the master key in a file only the owner can read
 * (directory 0700, file 0600), created on first start. A file that others
 * can read is tightened back to 0600 with a warning on stderr; on Windows
 * the mode bits do not apply and the profile directory's ACL protects it.
 */
import { chmodSync, mkdirSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { CounterError } from '../../../shared/result';
import { MASTER_KEY_BYTES, type KeyStore } from './document-vault';

const OWNER_ONLY_FILE = 0o600;
const OWNER_ONLY_DIR = 0o700;

export class KeyFileStore implements KeyStore {
  readonly description: string;

  constructor(private readonly file: string) {
    this.description = `密钥文件 ${file}`;
  }

  loadOrCreate(): Buffer {
    mkdirSync(dirname(this.file), { recursive: true, mode: OWNER_ONLY_DIR });
    try {
      const fd = openSync(this.file, 'wx', OWNER_ONLY_FILE);
      try {
        const key = randomBytes(MASTER_KEY_BYTES);
        writeSync(fd, key.toString('base64'));
        return key;
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    this.tightenIfOthersCanRead();
    const key = Buffer.from(readFileSync(this.file, 'utf8').trim(), 'base64');
    if (key.length !== MASTER_KEY_BYTES) {
      throw new CounterError('CONFLICT', `${this.description} 已损坏（长度不对），证件号码无法解密。请从备份恢复该文件，不要删除数据库。`);
    }
    return key;
  }

  private tightenIfOthersCanRead(): void {
    if (process.platform === 'win32') return;
    const mode = statSync(this.file).mode & 0o777;
    if ((mode & 0o077) === 0) return;
    chmodSync(this.file, OWNER_ONLY_FILE);
    console.warn(`[vault] ${this.file} was readable by others (mode ${mode.toString(8)}); reset to 600`);
  }
}
