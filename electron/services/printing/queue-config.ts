/** The print queue's configuration, its dependencies and the small facts its modules share. */
import type { PrinterState } from '../../../shared/api/printing';
import { parsePrinterUri, type PrinterTarget } from '../../../shared/print/printer-uri';
import type { Clock } from '../core/clock';
import type { CoreContext } from '../core/context';
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';
import type { SettingsStore } from '../core/settings-store';
import { DEFAULT_TIMEOUTS, type TransportTimeouts } from '../../../escpos/transport';
import { performance } from 'node:perf_hooks';

export const INTERRUPTED_MESSAGE = '发送中断，无法确认是否已打印，请核对后重打';

export const UNCONFIRMED_STATE_MESSAGE = '打印机收下了上一张单据，但没有回应状态查询，无法确认是否已打印';

export interface PrintQueueOptions extends TransportTimeouts {
  /** First retry delay while jobs wait; each further retry waits 1 s longer, up to retryMaxMs. */
  retryMinMs: number;
  retryMaxMs: number;
  /** How often an idle queue checks the printer, so the status bar is current before the next slip. */
  idlePollMs: number;
}

export const DEFAULT_PRINT_OPTIONS: PrintQueueOptions = { ...DEFAULT_TIMEOUTS, retryMinMs: 2000, retryMaxMs: 5000, idlePollMs: 30_000 };

export interface PrintDeps {
  db: Db;
  settings: SettingsStore;
  clock: Clock;
  origin(): Origin;
  publish: CoreContext['publish'];
  afterWrite: CoreContext['afterWrite'];
  dataDir: string;
  /** The queue has sent every job it could (the ledger's quiet moment for a WAL checkpoint). */
  drained(): void;
}

export type StepResult = 'sent' | 'waiting' | 'idle';

/** The printer's state as the worker last saw it. */
export interface PrinterReading {
  state: PrinterState;
  message: string;
  checkedAt: string | null;
  checkedMs: number;
}

/** A job's way from the request to the printer's answer, in epoch milliseconds (stored as print_job.stages). */
export interface JobStages {
  /** Recorded by the service that asked for the slip (inside its transaction). */
  enqueued: number;
  /** The first kick() after it: the service's transaction has committed. */
  committed?: number;
  /** The worker took it. */
  picked?: number;
  /** Connected (TCP) or the device opened. */
  connected?: number;
  /** The status before it was read (or not answered). */
  checked?: number;
  /** Its last byte was handed over. */
  written?: number;
  /** The printer answered (or did not) after it. */
  confirmed?: number;
}

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
export function stamp(): number {
  return performance.timeOrigin + performance.now();
}

export function targetOf(uri: string): { ok: true; target: PrinterTarget; uri: string } | { ok: false; message: string } {
  const parsed = parsePrinterUri(uri);
  return parsed.ok ? parsed : { ok: false, message: `打印机地址无效（${parsed.message}），请主管在系统设置中修改` };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
