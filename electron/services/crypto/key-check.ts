/**
 * The start-up check that the key opens the data: a data directory whose
 * key file was lost (a new key would be generated silently) or replaced by
 * another machine's key would otherwise keep working, sealing new numbers
 * under a key the old ones do not open — and restoring the right key later
 * would make the new ones unreadable. One stored value per table is opened;
 * when it does not open, the core refuses to start and writes nothing.
 */
import type { Db } from '../db/connection';
import { CounterError } from '../../../shared/result';
import type { DocumentVault } from './document-vault';

/** One sealed value per table (each query uses an index or stops at the first row). */
const SAMPLES = [
  "SELECT applicant_id_sealed AS v FROM contact WHERE applicant_id_hash IS NOT NULL AND applicant_id_sealed IS NOT NULL LIMIT 1",
  'SELECT document_sealed AS v FROM civil_party LIMIT 1',
  'SELECT document_sealed AS v FROM appointment LIMIT 1',
] as const;

/** Throws a CounterError (Chinese, for the IT staff) when a stored document number does not open with this key. */
export function assertKeyOpensData(db: Db, vault: DocumentVault, keyDescription: string): void {
  for (const sql of SAMPLES) {
    const row = db.prepare(sql).get() as { v: string | null } | undefined;
    if (!row?.v) continue;
    try {
      vault.open(row.v);
    } catch {
      throw new CounterError(
        'CONFLICT',
        `${keyDescription} 与数据库中已加密的证件号码不匹配（密钥文件可能丢失后被重新生成，或换成了其他电脑的密钥），程序未启动，数据未被改动。请信息科从备份恢复原来的密钥文件后再启动。`,
      );
    }
  }
}
