/** A core with a short print-queue timing, and the helpers the printing tests share. */
import type { EventPayload } from '../../shared/contract';
import type { PrintDocument } from '../../shared/print/document';
import type { PrintQueueOptions } from '../../electron/services/printing/queue';
import type { PrintJobRow } from '../../electron/services/printing/repo';
import { CounterCore } from '../../electron/services/core/core';
import { writeTransaction } from '../../electron/services/db/connection';
import { openSession } from '../../electron/services/staff/session-service';
import { afterEach } from 'vitest';
import { FakeClock, makeTempDir, settingsBackend } from './core';
import { FakePrinter } from './fake-printer';

/** Retries every 100–300 ms instead of 2–5 s; timeouts short enough for tests, long enough for a loaded machine. */
export const FAST_PRINTING: Partial<PrintQueueOptions> = {
  retryMinMs: 100,
  retryMaxMs: 300,
  connectMs: 1000,
  statusMs: 300,
  writeMs: 3000,
  idlePollMs: 60_000,
};

const cores = new Set<CounterCore>();

export interface PrintCore {
  core: CounterCore;
  dataDir: string;
  clock: FakeClock;
  /** Every 'printer.changed' payload with the time it arrived. */
  events: { at: number; status: EventPayload<'printer.changed'> }[];
  reopen(): PrintCore;
}

export function openPrintCore(options: { dataDir?: string; clock?: FakeClock; printing?: Partial<PrintQueueOptions> | null } = {}): PrintCore {
  const dataDir = options.dataDir ?? makeTempDir('counter-print-');
  const clock = options.clock ?? new FakeClock();
  const printing = options.printing === null ? undefined : (options.printing ?? FAST_PRINTING);
  const core = new CounterCore({ dataDir, settingsBackend: settingsBackend(dataDir), mode: 'host', version: 'test', clock, ...(printing ? { printing } : {}) });
  cores.add(core);
  const events: PrintCore['events'] = [];
  core.onEvent((event, payload) => {
    if (event === 'printer.changed') events.push({ at: Date.now(), status: payload as EventPayload<'printer.changed'> });
  });
  const t: PrintCore = {
    core,
    dataDir,
    clock,
    events,
    reopen() {
      closePrintCore(core);
      return openPrintCore({ dataDir, clock, printing: options.printing });
    },
  };
  return t;
}

export function closePrintCore(core: CounterCore): void {
  core.close();
  cores.delete(core);
}

export function closeAllPrintCores(): void {
  for (const core of cores) core.close();
  cores.clear();
}

/** Queues a document as a write does: in a transaction, then the queue is woken as the dispatcher does after a commit. */
export function enqueue(core: CounterCore, document: PrintDocument, kind = 'slip'): string {
  const call = { caller: 'clerk' as const, session: openSession(core.ctx) };
  const id = writeTransaction(core.db, () => core.ctx.printing.enqueue(call, { kind, document }));
  core.printing.wakeForNewJobs();
  return id;
}

export function jobRow(core: CounterCore, id: string): PrintJobRow {
  const row = core.db.prepare('SELECT * FROM print_job WHERE id = ?').get(id) as PrintJobRow | undefined;
  if (!row) throw new Error(`no print job ${id}`);
  return row;
}

export async function waitUntil(check: () => boolean, timeoutMs = 8000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export const SAMPLE_SLIP: PrintDocument = {
  title: '受理回执 SL20260302-0001',
  blocks: [
    { kind: 'text', text: '受理回执', align: 'center', size: 2, bold: true },
    { kind: 'field', label: '编号', value: 'SL20260302-0001' },
    { kind: 'field', label: '申请人', value: '张*三' },
    { kind: 'field', label: '事项', value: '结婚登记' },
    { kind: 'columns', cells: ['材料', '份数'], widths: [3, 1], aligns: ['left', 'right'], bold: true },
    { kind: 'columns', cells: ['居民身份证 ID card', '2'], widths: [3, 1], aligns: ['left', 'right'] },
    { kind: 'qr', data: 'SL20260302-0001 受理回执' },
    { kind: 'text', text: '办理时限：当场办结', align: 'center' },
  ],
};

/**
 * For a test file: a function that starts a fake printer; after each test the
 * print cores are closed and every printer it started is stopped.
 */
export function fakePrinters(): () => Promise<FakePrinter> {
  const printers: FakePrinter[] = [];
  afterEach(async () => {
    closeAllPrintCores();
    for (const printer of printers.splice(0)) await printer.stop();
  });
  return async () => {
    const printer = await FakePrinter.start();
    printers.push(printer);
    return printer;
  };
}
