/**
 * The Node-side core of one window workstation. Every request from any UI
 * (Electron IPC or the host's WebSocket) goes through dispatch(): the method
 * is looked up in the contract, the payload validated, access checked, the
 * handler run, and the response checked against the contract before it leaves.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  isMethodName,
  methods,
  type CallerKind,
  type DisplayState,
  type EventName,
  type EventPayload,
  type MethodName,
  type RequestOf,
  requestIdSchema,
  type ResponseOf,
  type Session,
} from '../../../shared/contract';
import { CounterError, fail, ok, type Result } from '../../../shared/result';
import { describeIssues } from '../../../shared/validation';
import { systemClock, type Clock } from './clock';
import { openDatabase, writeTransaction, type Db } from '../db/connection';
import { DEFAULT_CHECKPOINT_TIMING, QuietCheckpoints, type CheckpointTiming } from '../db/checkpoints';
import type { Origin } from '../db/ledger';
import { RecordedRefusal, type CallContext, type CoreContext, type WriteHooks } from './context';
import { DocumentVault, type KeyStore } from '../crypto/document-vault';
import { KeyFileStore } from '../crypto/key-file-store';
import { assertKeyOpensData } from '../crypto/key-check';
import type { PreparedWrite, ReadHandler, WriteHandler } from './handler';
import { handlers } from './handlers';
import { PhotoStore } from '../staff/photos';
import { PrintQueue, type PrintQueueOptions } from '../printing/queue';
import { RequestLog, type Keep } from './request-log';
import { ExportDownloads } from '../ledger/downloads';
import { lockRestoredSession, openSession, sessionView } from '../staff/session-service';
import { SettingsStore, type SettingsBackend } from './settings-store';
import { displayState } from '../window/window-service';
import { scheduleCallbacksQuietly } from '../supervision/callback-service';
import { sweepDeemedWithdrawn } from '../marriage/divorce-service';
import { HALL_CALL_TIMEOUT_MS } from '../hall-link/hall-client';
import { HallSync, type HallSyncOptions } from '../hall-link/hall-sync';
import { useHallLookupKey } from '../hall-link/join-service';

/** How often the core looks for new callbacks the rules ask for (bad ratings, completed cases). */
export const CALLBACK_SCAN_MS = 5 * 60_000;

export interface CoreOptions {
  dataDir: string;
  settingsBackend: SettingsBackend;
  mode: 'electron' | 'host';
  version: string;
  clock?: Clock;
  /** Print queue timing (retry backoff, timeouts); tests shorten it. */
  printing?: Partial<PrintQueueOptions>;
  /** Holds the document-number key; default: an owner-only key file under the data directory. */
  keyStore?: KeyStore;
  /** Sync with the joined hall (heartbeat, backoff); tests shorten it. */
  hallSync?: Partial<HallSyncOptions>;
  /** How long a call to the hall may take before the window works offline (default HALL_CALL_TIMEOUT_MS). */
  hallTimeoutMs?: number;
  /** When the ledger's WAL is checkpointed besides after printing (tests lengthen it). */
  checkpoints?: Partial<CheckpointTiming>;
}

/** Host mode's key file, relative to the data directory. */
export const KEY_FILE = join('keys', 'document.key');

/** The periodic sweep must never stop the core: a failure is logged and retried on the next round. */
function sweepQuietly(ctx: CoreContext): void {
  try {
    sweepDeemedWithdrawn(ctx);
  } catch (error) {
    console.error('[core] deemed-withdrawn sweep failed', error);
  }
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export const DATABASE_FILE = 'counter.sqlite3';

export class CounterCore {
  readonly ctx: CoreContext;
  readonly db: Db;
  /** The durable print queue (also ctx.printing). */
  readonly printing: PrintQueue;
  /** Push and pull with the hall this window has joined (idle while it has not). */
  readonly hallSync: HallSync;
  private readonly emitter = new EventEmitter();
  private readonly requests: RequestLog;
  private lastDisplay = '';
  private lastSession = '';
  private readonly callbackTimer: ReturnType<typeof setInterval>;
  /** WAL checkpoints when the ledger is quiet, not inside a request's commit. */
  private readonly checkpoints: QuietCheckpoints;
  /** The hooks of the write whose transaction is open now (writes are synchronous, so there is one at a time). */
  private writeHooks: WriteHooks[] | null = null;

  constructor(options: CoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    const settings = new SettingsStore(options.settingsBackend);
    // the key first: a data directory whose key cannot be read is not opened at all
    const keyStore = options.keyStore ?? new KeyFileStore(join(options.dataDir, KEY_FILE));
    const vault = DocumentVault.open(keyStore);
    this.db = openDatabase(join(options.dataDir, DATABASE_FILE));
    this.checkpoints = new QuietCheckpoints(this.db, { ...DEFAULT_CHECKPOINT_TIMING, ...options.checkpoints });
    // a key that does not open what is stored (lost and regenerated, or another machine's) stops the start
    try {
      assertKeyOpensData(this.db, vault, keyStore.description);
    } catch (error) {
      this.db.close();
      throw error;
    }
    // a window that has joined a hall hashes document numbers with the hall's lookup key
    useHallLookupKey({ db: this.db, vault });
    const emitter = this.emitter;
    const clock = options.clock ?? systemClock;
    const origin = (): Origin => {
      const s = settings.get();
      return { hallId: s.hallId, windowNo: s.windowNo };
    };
    const publish: CoreContext['publish'] = (event, payload) => {
      emitter.emit('event', event, payload);
    };
    this.requests = new RequestLog(this.db, vault, clock);
    const afterWrite: CoreContext['afterWrite'] = (hooks) => this.afterWrite(hooks);
    const drained = (): void => this.checkpoints.now();
    this.printing = new PrintQueue({ db: this.db, settings, clock, origin, publish, afterWrite, dataDir: options.dataDir, drained }, options.printing);
    this.ctx = {
      db: this.db,
      settings,
      clock,
      photos: new PhotoStore(join(options.dataDir, 'photos')),
      printing: this.printing,
      vault,
      mode: options.mode,
      version: options.version,
      dataDir: options.dataDir,
      exports: new ExportDownloads(join(options.dataDir, 'exports'), clock),
      hallTimeoutMs: options.hallTimeoutMs ?? HALL_CALL_TIMEOUT_MS,
      origin,
      afterWrite,
      publish,
      pullFromHall: () => this.hallSync.pullNow(),
    };
    this.inTransaction(() => lockRestoredSession(this.ctx));
    this.hallSync = new HallSync(this.ctx, options.hallSync, () => {
      // what the hall changed (staff, commitments, office) reaches the public display at once
      if (this.db.open) this.publishChanges();
    });
    // 跟踪回访: schedule what the rules ask for now, then every few minutes
    // and divorces nobody came back for become 视为撤回 on their own
    const periodic = (): void => {
      scheduleCallbacksQuietly(this.ctx);
      sweepQuietly(this.ctx);
    };
    periodic();
    this.callbackTimer = setInterval(() => {
      if (this.db.open) periodic();
    }, CALLBACK_SCAN_MS);
    this.callbackTimer.unref();
    this.rememberPublished(displayState(this.ctx), sessionView(this.ctx, openSession(this.ctx)));
  }

  onEvent(listener: EventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /**
   * The single entry point for requests from an untrusted UI. Never throws.
   * A write sent with a request id runs once: a repeat with the same id (double
   * click, retried send, also after a restart) gets the first answer. A write
   * without an id (in-process callers, older clients) runs every time.
   */
  async dispatch(method: unknown, params: unknown, caller: CallerKind, requestId?: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      // String() throws for some objects (e.g. {toString: 1}, which survives IPC's structured clone)
      const shown = typeof method === 'string' ? method.slice(0, 60) : typeof method;
      return fail('UNKNOWN_METHOD', `未知的操作：${shown}`);
    }
    const id = requestIdSchema.optional().safeParse(requestId);
    if (!id.success) return fail('VALIDATION', describeIssues(id.error).message);
    if (id.data === undefined || methods[method].effect === 'read') return this.execute(method, params, caller, null);
    return this.requests.once({ caller, method, requestId: id.data, params }, (keep) => this.execute(method, params, caller, keep));
  }

  private async execute(method: MethodName, params: unknown, caller: CallerKind, keep: Keep | null): Promise<Result<unknown>> {
    const spec = methods[method];
    try {
      return await this.run(method, params, caller, keep);
    } catch (error) {
      if (error instanceof CounterError) return fail(error.code, error.message, error.fields);
      console.error(`[core] ${method} failed`, error);
      return fail('INTERNAL', '系统内部错误，操作未完成，已保存的数据未受影响。请重试，仍有问题请联系信息科。');
    } finally {
      if (spec.changesDisplay) {
        try {
          this.publishChanges();
        } catch (error) {
          console.error('[core] publishing a change failed', error);
        }
      }
    }
  }

  /** Typed form of dispatch for in-process callers (demo seeding, tests); same checks. */
  call<M extends MethodName>(method: M, request: RequestOf<M>, caller: CallerKind = 'clerk', requestId?: string): Promise<Result<ResponseOf<M>>> {
    // dispatch has checked the response against methods[method].response, so the cast is what it proved
    return this.dispatch(method, request, caller, requestId) as Promise<Result<ResponseOf<M>>>;
  }

  private async run(method: MethodName, params: unknown, caller: CallerKind, keep: Keep | null): Promise<Result<unknown>> {
    const spec = methods[method];
    const settings = this.ctx.settings.get();
    if (caller === 'display' && !spec.display) return fail('FORBIDDEN', '公共显示屏不能执行此操作');
    if (spec.access === 'setup' && settings.setupComplete) return fail('SETUP_DONE', '首次设置已经完成，不能重复设置');
    if (spec.access !== 'setup' && spec.access !== 'public' && !settings.setupComplete) {
      return fail('SETUP_REQUIRED', '请先完成首次设置');
    }
    const session = openSession(this.ctx);
    if (spec.access === 'session' || spec.access === 'clerk' || spec.access === 'supervisor') {
      if (!session) return fail('AUTH_REQUIRED', '请先登录');
      if (spec.access !== 'session' && session.locked) return fail('SESSION_LOCKED', '屏幕已锁定，请输入 PIN 解锁');
      if (spec.access === 'supervisor' && session.role !== 'supervisor') return fail('FORBIDDEN', '此操作需要主管权限');
    }
    const parsed = spec.request.safeParse(params ?? {});
    if (!parsed.success) {
      const problem = describeIssues(parsed.error);
      return fail('VALIDATION', problem.message, problem.fields);
    }
    const call: CallContext = { caller, session };
    if (spec.effect === 'read') {
      const read = handlers[method] as ReadHandler<MethodName>;
      return this.answer(method, await read(this.ctx, parsed.data, call));
    }
    const write = handlers[method] as WriteHandler<MethodName>;
    if (typeof write === 'function') return this.commit(method, keep, () => write(this.ctx, parsed.data, call));
    const prepared = await write.prepare(this.ctx, parsed.data, call);
    return this.commit(method, keep, () => (write as PreparedWrite<MethodName, unknown>).commit(this.ctx, parsed.data, call, prepared));
  }

  /** The response, checked against the contract before it leaves. */
  private answer(method: MethodName, value: unknown): Result<unknown> {
    const checked = methods[method].response.safeParse(value);
    if (checked.success) return ok(checked.data);
    console.error(`[core] ${method} returned a response outside the contract`, checked.error.issues);
    return fail('INTERNAL', '系统内部错误（响应格式不符），请联系信息科');
  }

  /**
   * Runs a write in one immediate transaction, together with its audit and
   * change-log rows and the answer kept for its request id. A refusal rolls
   * it back, except a RecordedRefusal, whose writes commit with it. After the
   * commit the print queue starts on the slips the write recorded.
   */
  private commit(method: MethodName, keep: Keep | null, write: () => unknown): Result<unknown> {
    const result = this.inTransaction((): Result<unknown> => {
      let answer: Result<unknown>;
      try {
        answer = this.answer(method, write());
      } catch (error) {
        if (!(error instanceof RecordedRefusal)) throw error;
        answer = fail(error.code, error.message, error.fields);
      }
      // an answer outside the contract leaves nothing behind
      if (!answer.ok && answer.error.code === 'INTERNAL') throw new CounterError('INTERNAL', answer.error.message);
      keep?.(answer);
      return answer;
    });
    this.printing.wakeForNewJobs();
    this.hallSync.wake();
    return result;
  }

  /** One immediate transaction, with the afterWrite hooks run once it has committed or rolled back. */
  private inTransaction<T>(write: () => T): T {
    if (this.writeHooks !== null) throw new Error('A write transaction is already open');
    const hooks: WriteHooks[] = [];
    this.writeHooks = hooks;
    let committed = false;
    try {
      const value = writeTransaction(this.db, write);
      committed = true;
      return value;
    } finally {
      this.writeHooks = null;
      for (const hook of hooks) {
        try {
          (committed ? hook.committed : hook.rolledBack)?.();
        } catch (error) {
          console.error('[core] work after a write failed', error);
        }
      }
    }
  }

  private afterWrite(hooks: WriteHooks): void {
    if (this.writeHooks === null) throw new Error('afterWrite() outside a write');
    this.writeHooks.push(hooks);
  }

  private rememberPublished(display: DisplayState, session: Session | null): { display: boolean; session: boolean } {
    const displayKey = JSON.stringify({ ...display, serverTime: '' });
    const sessionKey = JSON.stringify(session);
    const changed = { display: displayKey !== this.lastDisplay, session: sessionKey !== this.lastSession };
    this.lastDisplay = displayKey;
    this.lastSession = sessionKey;
    return changed;
  }

  /** Pushes the display state and session to every screen when they changed. */
  private publishChanges(): void {
    const display = displayState(this.ctx);
    const session = sessionView(this.ctx, openSession(this.ctx));
    const changed = this.rememberPublished(display, session);
    if (changed.display) this.ctx.publish('display.changed', display);
    if (changed.session) this.ctx.publish('session.changed', session);
  }

  close(): void {
    clearInterval(this.callbackTimer);
    this.hallSync.close();
    this.printing.stop();
    this.checkpoints.stop();
    this.emitter.removeAllListeners();
    if (this.db.open) this.db.close();
  }
}
