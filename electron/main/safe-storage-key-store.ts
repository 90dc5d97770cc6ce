/**
 * Electron's key store: the master key is wrapped by safeStorage (DPAPI on
 * Windows, the Keychain on macOS, the Secret Service / kwallet on Linux) and
 * the wrapped bytes are kept in userData. A copy of the data directory on
 * another machine or account cannot unwrap it.
 */
import { safeStorage } from 'electron';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CounterError } from '../../shared/result';
import { MASTER_KEY_BYTES, type KeyStore } from '../services/crypto/document-vault';

export class SafeStorageKeyStore implements KeyStore {
  readonly description: string;

  constructor(private readonly file: string) {
    this.description = `系统钥匙串保护的密钥文件 ${file}`;
  }

  loadOrCreate(): Buffer {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new CounterError('CONFLICT', '操作系统的安全存储不可用，无法保护证件号码的加密密钥。请信息科检查系统钥匙串（Linux 需要 Secret Service 或 kwallet）后再启动。');
    }
    // Linux without a keyring falls back to a hard-coded password: not a protection, so refuse it
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw new CounterError('CONFLICT', '系统没有可用的钥匙串（仅 basic_text），证件号码密钥无法得到保护。请信息科安装并解锁 gnome-keyring 或 kwallet 后再启动。');
    }
    if (existsSync(this.file)) {
      const key = Buffer.from(safeStorage.decryptString(readFileSync(this.file)), 'base64');
      if (key.length !== MASTER_KEY_BYTES) throw new CounterError('CONFLICT', `${this.description} 已损坏，证件号码无法解密。请从备份恢复该文件。`);
      return key;
    }
    const key = randomBytes(MASTER_KEY_BYTES);
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileSync(this.file, safeStorage.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
    return key;
  }
}
