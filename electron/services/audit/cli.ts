/**
 * `npm run audit:verify -- --data-dir DIR`: checks the audit trail's hash
 * chain in DIR's ledger without the app, the settings file or any write: the
 * database is opened read-only and no migration runs. Exit code 0 when the
 * chain is intact, 1 when it is broken, 2 when it cannot be checked (usage,
 * no ledger, a schema without the chain or newer than this tool).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../db/migrations';
import { verifyAuditChain } from './verify';

/** The ledger's file name in a data directory (as core.ts DATABASE_FILE; not imported, so the CLI loads no core). */
export const LEDGER_FILE = 'counter.sqlite3';

/** The first schema version with audit_log.prev_hash and audit_log.hash. */
export const CHAIN_SCHEMA_VERSION = 5;

export const AUDIT_VERIFY_USAGE = `用法：npm run audit:verify -- --data-dir <数据目录>
  Usage: npm run audit:verify -- --data-dir <data directory>
  只读打开数据目录中的 ${LEDGER_FILE}，逐条核对审计日志的哈希链。
  退出码 / exit code：0 完整 intact，1 发现问题 broken，2 无法核验 cannot check`;

export const EXIT_INTACT = 0;
export const EXIT_BROKEN = 1;
export const EXIT_USAGE = 2;

function parseDataDir(argv: readonly string[]): string | { error: string } {
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) return { error: `无法识别的参数 / unknown argument: ${arg}` };
    if (match[1] !== 'data-dir') return { error: `未知的选项 / unknown option: --${match[1] ?? ''}` };
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') return { error: '选项 --data-dir 缺少取值 / --data-dir needs a value' };
    dataDir = value;
  }
  return dataDir ?? { error: '请用 --data-dir 指定数据目录 / pass --data-dir' };
}

export function runAuditVerify(argv: readonly string[], print: (line: string) => void): number {
  const parsed = parseDataDir(argv);
  if (typeof parsed !== 'string') {
    print(parsed.error);
    print(AUDIT_VERIFY_USAGE);
    return EXIT_USAGE;
  }
  const file = join(resolve(parsed), LEDGER_FILE);
  if (!existsSync(file)) {
    print(`找不到台账数据库 / ledger not found: ${file}`);
    return EXIT_USAGE;
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    print(`无法只读打开数据库 / cannot open read-only: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_USAGE;
  }
  try {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version < CHAIN_SCHEMA_VERSION) {
      print(`数据库版本 ${version} 还没有审计哈希链（自版本 ${CHAIN_SCHEMA_VERSION} 起），请先用窗口工作台打开一次。`);
      print(`Schema version ${version} has no audit hash chain (from version ${CHAIN_SCHEMA_VERSION}); open it once with the app first.`);
      return EXIT_USAGE;
    }
    if (version > SCHEMA_VERSION) {
      print(`数据库版本 ${version} 比本工具支持的版本 ${SCHEMA_VERSION} 新，请使用新版本的工具。`);
      print(`Schema version ${version} is newer than this tool supports (${SCHEMA_VERSION}).`);
      return EXIT_USAGE;
    }
    print(`核验 / verifying: ${file}`);
    const started = performance.now();
    const result = verifyAuditChain(db, (checked, total) => {
      print(`  已核验 / checked ${checked.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`);
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (result.ok) {
      print(`审计日志完整：共 ${result.rows} 条，哈希链全部吻合（${seconds} 秒）。`);
      print(`Audit trail intact: ${result.rows} rows, every hash matches (${seconds} s).`);
      return EXIT_INTACT;
    }
    const bad = result.firstBad;
    const expected = bad.expectedSeq !== undefined ? `，应为第 ${bad.expectedSeq} 条` : '';
    print(`审计日志被改动：第 ${bad.seq} 条（${bad.at}，${bad.action}）${bad.reason}${expected}。之前的 ${result.rows - 1} 条完整。`);
    print(
      `Audit trail broken at seq ${bad.seq} (${bad.at}, ${bad.action}): ${ENGLISH_REASON[bad.reason]}${bad.expectedSeq !== undefined ? `, expected seq ${bad.expectedSeq}` : ''}. The ${result.rows - 1} rows before it are intact.`,
    );
    return EXIT_BROKEN;
  } finally {
    db.close();
  }
}

const ENGLISH_REASON = {
  内容被改动: 'content was changed',
  链接断开: 'link to the previous row is broken',
  缺少哈希: 'hash missing',
  序号缺失: 'seq missing (rows deleted)',
} as const;
