/**
 * Idempotent writes: a write sent with a request id has one effect however
 * often it arrives. The first call runs; a repeat with the same id gets the
 * first call's answer, whether it arrives while the first is still running
 * (it waits for it) or later, after a restart too (the answer is kept in the
 * ledger's request_log table for RETENTION_MS).
 *
 * Key: caller kind + method + request id. The session is deliberately not part
 * of the key: auth.login, auth.logout and setup.complete change it, and their
 * retries must still find the first answer. A repeat must carry the same
 * payload (compared by a SHA-256 of its canonical JSON), so only the client
 * that made the random id and the request can replay it; a different payload
 * under a used id is refused.
 *
 * The answer is kept inside the write's own transaction (the dispatcher
 * calls keep() just before it commits), so the write and its kept answer are
 * committed together or not at all: a retry after a crash either finds the
 * answer or finds nothing written and runs. Refusals that roll the write back
 * are not kept (nothing happened; a retry is evaluated again); refusals whose
 * writes stand (a wrong PIN counted) are. A row without an answer is a
 * request an older version claimed and did not finish (migration 16): it is
 * answered as unfinished, never run again.
 */
import { canonicalJson } from '../../../shared/audit/chain';
import type { CallerKind, MethodName } from '../../../shared/contract';
import { fail, type Result } from '../../../shared/result';
import { sha256Hex } from '../audit/chain-store';
import type { Clock } from './clock';
import type { DocumentVault } from '../crypto/document-vault';
import type { Db } from '../db/connection';

/** How long an answer is kept for repeats. */
export const RETENTION_MS = 24 * 3_600_000;
/** Old answers are pruned at most this often. */
const PRUNE_EVERY_MS = 3_600_000;

export interface KeyedRequest {
  caller: CallerKind;
  method: MethodName;
  requestId: string;
  params: unknown;
}

/** Keeps the answer of a write with a request id: called inside the write's transaction, just before it commits. */
export type Keep = (answer: Result<unknown>) => void;

interface Stored {
  fingerprint: string;
  /** NULL: claimed by an older version that stopped while it ran (migration 16). */
  result_sealed: string | null;
}

const CONFLICT_MESSAGE = '该请求编号已用于另一项内容不同的操作，本次操作未执行。请刷新页面后重新操作。';
const UNFINISHED_MESSAGE = '同一操作在系统重启前已开始，无法确认是否已完成，系统未重复执行。请先核对结果（台账、打印队列）再决定是否重新操作。';

export class RequestLog {
  /** Requests being run now, by key: a repeat waits for the same answer. */
  private readonly running = new Map<string, { fingerprint: string; answer: Promise<Result<unknown>> }>();
  private lastPrune = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Db,
    private readonly vault: DocumentVault,
    private readonly clock: Clock,
  ) {}

  /** Runs the request once per key; `run` hands keep() to the write's transaction. */
  once(request: KeyedRequest, run: (keep: Keep) => Promise<Result<unknown>>): Promise<Result<unknown>> {
    const key = `${request.caller}:${request.method}:${request.requestId}`;
    let fingerprint: string;
    try {
      fingerprint = sha256Hex(canonicalJson(request.params ?? {}));
    } catch {
      // e.g. a cyclic object through IPC's structured clone: no request schema accepts it anyway
      return Promise.resolve(fail('VALIDATION', '请求内容无法识别，操作未执行'));
    }
    const inFlight = this.running.get(key);
    if (inFlight) return inFlight.fingerprint === fingerprint ? inFlight.answer : Promise.resolve(fail('CONFLICT', CONFLICT_MESSAGE));

    this.prune();
    const stored = this.db.prepare('SELECT fingerprint, result_sealed FROM request_log WHERE key = ?').get(key) as Stored | undefined;
    if (stored) {
      if (stored.fingerprint !== fingerprint) return Promise.resolve(fail('CONFLICT', CONFLICT_MESSAGE));
      if (stored.result_sealed === null) return Promise.resolve(fail('CONFLICT', UNFINISHED_MESSAGE));
      return Promise.resolve(JSON.parse(this.vault.open(stored.result_sealed)) as Result<unknown>);
    }

    const keep: Keep = (answer) => {
      // answers may hold personal data (names, phone numbers): sealed like document numbers
      this.db
        .prepare("INSERT INTO request_log (key, method, fingerprint, result_sealed, created_at) VALUES (?, ?, ?, ?, ?)")
        .run(key, request.method, fingerprint, this.vault.seal(JSON.stringify(answer)), this.clock.now().toISOString());
    };
    const answer = run(keep).finally(() => this.running.delete(key));
    this.running.set(key, { fingerprint, answer });
    return answer;
  }

  /** Forgets answers older than RETENTION_MS, at most once per PRUNE_EVERY_MS of the core's clock. */
  private prune(): void {
    const now = this.clock.now().getTime();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    this.db.prepare('DELETE FROM request_log WHERE created_at < ?').run(new Date(now - RETENTION_MS).toISOString());
  }
}
