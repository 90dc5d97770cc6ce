/** What every core handler is given: the ledger, settings, clock and the event channel. */
import type { CallerKind, EventName, EventPayload, PrinterStatus } from '../../../shared/contract';
import type { PrintDocument } from '../../../shared/print/document';
import { hallDate } from '../../../shared/domain/hall-time';
import { CounterError } from '../../../shared/result';
import type { Clock } from './clock';
import type { DocumentVault } from '../crypto/document-vault';
import type { Db } from '../db/connection';
import type { Actor, Origin } from '../db/ledger';
import type { ExportDownloads } from '../ledger/downloads';
import type { PhotoStore } from '../staff/photos';
import type { SettingsStore } from './settings-store';

export interface CoreContext {
  readonly db: Db;
  readonly settings: SettingsStore;
  readonly clock: Clock;
  readonly photos: PhotoStore;
  readonly printing: PrintService;
  /** Seals, opens and hashes document numbers (never store one in plain text). */
  readonly vault: DocumentVault;
  readonly mode: 'electron' | 'host';
  readonly version: string;
  /** Produced exports waiting for their one download (data directory's exports/). */
  readonly exports: ExportDownloads;
  /** The data directory (database, photos, print-jobs, scans, archive, exports). */
  readonly dataDir: string;
  /** How long a call to the joined hall may take before the window works offline. */
  readonly hallTimeoutMs: number;
  origin(): Origin;
  /**
   * Inside a write: what to do with files and settings once its transaction
   * has ended, committed (remove a replaced photo) or rolled back (remove the
   * file prepared for it, put the settings back).
   */
  afterWrite(hooks: WriteHooks): void;
  publish<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** A pull from the joined hall now (nothing when not joined, or while the hall is in its backoff); resolves when it has ended, never rejects. */
  pullFromHall(): Promise<void>;
}

export interface WriteHooks {
  committed?: () => void;
  rolledBack?: () => void;
}

/** The durable print queue, as the rest of the core uses it. */
export interface PrintService {
  /**
   * Records a job (status queued, with its ESC/POS bytes) and its audit and
   * change-log rows. Call inside the transaction of the change the slip
   * belongs to, so the record and its slip are committed together; the
   * dispatcher starts the sending once the write has committed.
   * Throws CounterError VALIDATION when the document cannot be laid out on the paper.
   */
  enqueue(call: CallContext, job: { kind: string; document: PrintDocument }): string;
  /** The printer's last known state and the jobs waiting or failed. */
  status(): PrinterStatus;
}

/**
 * A refusal whose writes stand: thrown inside a write, it commits what the
 * write recorded before it (a wrong PIN counted, an account locked, a session
 * ended by the lock) and is then answered as the refusal. Any other error
 * rolls the whole write back.
 */
export class RecordedRefusal extends CounterError {
  static of(error: CounterError): RecordedRefusal {
    return new RecordedRefusal(error.code, error.message, error.fields);
  }
}

/** The same refusal in other words, keeping whether its writes stand. */
export function retell(error: CounterError, message: string, fields?: Record<string, string>): CounterError {
  return error instanceof RecordedRefusal ? new RecordedRefusal(error.code, message, fields) : new CounterError(error.code, message, fields);
}

/** The clerk session a call runs under, if any. */
export interface ActiveSession {
  id: string;
  staffId: string;
  staffNo: string;
  role: 'clerk' | 'supervisor';
  locked: boolean;
  startedAt: string;
}

export interface CallContext {
  caller: CallerKind;
  session: ActiveSession | null;
}

/** The dispatcher has checked access already; this narrows the type for handlers that need a session. */
export function sessionOf(call: CallContext): ActiveSession {
  if (!call.session) throw new CounterError('AUTH_REQUIRED', '请先登录');
  return call.session;
}

export function actorOf(call: CallContext): Actor {
  return call.session ? { id: call.session.staffId, staffNo: call.session.staffNo } : { id: null, staffNo: null };
}

/** Today's date in the hall (UTC+8) by the core's clock: 'YYYY-MM-DD'. */
export function hallToday(ctx: CoreContext): string {
  return hallDate(ctx.clock.now().toISOString());
}
