/**
 * The durable print queue and its worker.
 *
 * Every job is recorded in print_job (with its ESC/POS bytes, audit and
 * change-log rows) before anything is sent. One worker sends the jobs in
 * order, one connection per job: DLE EOT status first — a printer that is
 * off, unreachable, out of paper or open gets nothing and the job waits —
 * then the job, then the status again. The job is marked "sending" just
 * before its first byte leaves; a job found "sending" at startup (the program
 * stopped mid-send) is marked failed, never resent, because it may be on
 * paper already. While jobs wait the worker retries with backoff (2 s, 3 s,
 * 4 s, then every 5 s), and at once when a new job arrives or the printer is
 * reconfigured; the clerk sees every change of the printer's state through
 * the 'printer.changed' event and the waiting job's lastError.
 */
import type { PaperWidth, PrintDocument } from '../../../shared/print/document';
import { PAPER_COLUMNS } from '../../../shared/print/document';
import type { PrinterState, PrinterStatus, PrintJob, PrintJobStatus } from '../../../shared/api/printing';
import { layoutDocument } from '../../../shared/print/layout';
import { describePrinter, parsePrinterUri, type PrinterTarget } from '../../../shared/print/printer-uri';
import { canPrint, STATE_MESSAGES, type StatusReading } from '../../../shared/print/status';
import { buildTestPage } from '../../../shared/print/test-page';
import { CounterError } from '../../../shared/result';
import type { Clock } from '../clock';
import { actorOf, type CallContext, type CoreContext, type PrintService } from '../context';
import type { Db } from '../db/connection';
import { recordChange, SYSTEM_ACTOR, type Actor, type Origin } from '../db/ledger';
import { newId } from '../ids';
import type { SettingsStore } from '../settings-store';
import { DeviceTransport } from './device';
import { renderPreviewSvg } from './preview';
import { renderJob } from './render';
import {
  countUnresolvedFailures,
  countWaiting,
  documentOf,
  insertJob,
  insertPayload,
  jobById,
  jobsInStatus,
  listJobs,
  nextQueued,
  queuedJobs,
  statusPayload,
  toPrintJob,
  toPrintJobs,
  type PrintJobRow,
} from './repo';
import { JobStore, PRINT_JOBS_DIR } from './store';
import { TcpTransport } from './tcp';
import { DEFAULT_TIMEOUTS, type SendOutcome, type Transport, type TransportTimeouts } from './transport';
import { join } from 'node:path';

export const INTERRUPTED_MESSAGE = '发送中断，无法确认是否已打印，请核对后重打';

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
  dataDir: string;
}

type StepResult = 'sent' | 'waiting' | 'idle';

const DAY_MS = 24 * 3_600_000;

function targetOf(uri: string): { ok: true; target: PrinterTarget; uri: string } | { ok: false; message: string } {
  const parsed = parsePrinterUri(uri);
  return parsed.ok ? parsed : { ok: false, message: `打印机地址无效（${parsed.message}），请主管在系统设置中修改` };
}

export class PrintQueue implements PrintService {
  private readonly options: PrintQueueOptions;
  private readonly store: JobStore;
  private state: { state: PrinterState; message: string; checkedAt: string | null; checkedMs: number };
  private published = '';
  private stopped = false;
  private wakeRequested = false;
  private wakeUp: (() => void) | null = null;
  private transport: { uri: string; transport: Transport } | null = null;
  private io: Promise<unknown> = Promise.resolve();
  private stepping = false;
  private lastResult: StepResult = 'idle';
  private readonly loopDone: Promise<void>;

  constructor(
    private readonly deps: PrintDeps,
    options: Partial<PrintQueueOptions> = {},
  ) {
    this.options = { ...DEFAULT_PRINT_OPTIONS, ...options };
    this.store = new JobStore(join(deps.dataDir, PRINT_JOBS_DIR));
    const target = targetOf(deps.settings.get().printer);
    this.state =
      target.ok && target.target.kind === 'none'
        ? { state: 'none', message: STATE_MESSAGES.none, checkedAt: null, checkedMs: 0 }
        : { state: 'unknown', message: '正在检查打印机…', checkedAt: null, checkedMs: 0 };
    this.failInterrupted();
    this.published = this.key(this.status());
    this.loopDone = this.loop();
  }

  // ---- the PrintService the rest of the core uses ----

  enqueue(call: CallContext, job: { kind: string; document: PrintDocument }): string {
    return this.insert(actorOf(call), job.kind, job.document, null, null);
  }

  kick(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
    this.publishIfChanged();
  }

  // ---- the API's operations ----

  status(): PrinterStatus {
    const settings = this.deps.settings.get();
    const target = targetOf(settings.printer);
    const now = this.deps.clock.now().getTime();
    return {
      printer: settings.printer,
      label: target.ok ? describePrinter(target.target) : '打印机地址无效',
      paperWidth: settings.paperWidth,
      state: this.state.state,
      message: this.state.message,
      checkedAt: this.state.checkedAt,
      queued: countWaiting(this.deps.db),
      failed: countUnresolvedFailures(this.deps.db, new Date(now - DAY_MS).toISOString()),
    };
  }

  /** printer.status: the last known status; asks the worker for a fresh check when it is old. */
  currentStatus(): PrinterStatus {
    if (this.state.state !== 'none' && Date.now() - this.state.checkedMs > this.options.idlePollMs / 2 && !this.stepping) this.kick();
    return this.status();
  }

  jobs(status: PrintJobStatus | undefined, limit: number): PrintJob[] {
    return toPrintJobs(this.deps.db, listJobs(this.deps.db, status, limit));
  }

  job(id: string): PrintJob {
    return toPrintJob(this.deps.db, this.row(id));
  }

  preview(id: string): { title: string; svg: string; columns: number } {
    const row = this.row(id);
    const laid = layoutDocument(documentOf(row), { columns: PAPER_COLUMNS[row.paper_width] });
    return { title: row.title, svg: renderPreviewSvg(laid), columns: laid.columns };
  }

  testPage(call: CallContext, requestedBy: string): PrintJob {
    const settings = this.deps.settings.get();
    const target = targetOf(settings.printer);
    const document = buildTestPage({
      hallName: settings.hallName,
      department: settings.department,
      windowNo: settings.windowNo,
      printer: target.ok ? describePrinter(target.target) : settings.printer,
      paperWidth: settings.paperWidth,
      printedAt: this.deps.clock.now().toISOString(),
      requestedBy,
    });
    const id = this.insert(actorOf(call), 'testPage', document, null, null);
    this.kick();
    return this.job(id);
  }

  reprint(call: CallContext, id: string, reason: string): PrintJob {
    const original = this.row(id);
    if (original.status === 'queued' || original.status === 'sending') {
      throw new CounterError('CONFLICT', '这张单据还在打印队列中，打印机恢复后会自动打印，不需要重打');
    }
    const newJob = this.insert(actorOf(call), original.kind, documentOf(original), original.id, reason);
    this.kick();
    return this.job(newJob);
  }

  /** Saves the printer and paper width (queued jobs are laid out again for a new width), checks the printer, and resumes sending. */
  async configure(call: CallContext, printer: string, paperWidth: PaperWidth): Promise<PrinterStatus> {
    const parsed = parsePrinterUri(printer);
    if (!parsed.ok) throw new CounterError('VALIDATION', `请检查输入：${parsed.message}`, { printer: parsed.message });
    const before = this.deps.settings.get();
    if (parsed.uri !== before.printer || paperWidth !== before.paperWidth) {
      this.deps.settings.update({ printer: parsed.uri, paperWidth });
      try {
        this.deps.db.transaction(() => {
          const at = this.now();
          recordChange(this.deps.db, this.deps.origin(), actorOf(call), at, {
            action: 'printer.configure',
            entity: 'settings',
            entityId: before.hallId,
            op: 'update',
            payload: { printer: parsed.uri, paperWidth },
            detail: { before: { printer: before.printer, paperWidth: before.paperWidth } },
          });
          if (paperWidth !== before.paperWidth) this.relayoutQueued(actorOf(call), paperWidth, at);
        })();
      } catch (error) {
        this.deps.settings.update({ printer: before.printer, paperWidth: before.paperWidth });
        throw error;
      }
      this.dropTransport();
      this.setState(
        parsed.target.kind === 'none' ? { state: 'none', message: STATE_MESSAGES.none } : { state: 'unknown', message: '正在检查打印机…' },
        false,
      );
    }
    if (parsed.target.kind !== 'none') {
      const target = parsed.target;
      const reading = await this.exclusive(() => this.transportFor(parsed.uri, target).probe());
      if (!this.stopped) this.setState(reading);
    }
    this.kick();
    return this.status();
  }

  /** Resolves when no job is waiting to be tried: all are sent or failed, or the printer keeps them waiting. */
  async settled(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const quiet = !this.stepping && !this.wakeRequested && (nextQueued(this.deps.db) === undefined || this.lastResult === 'waiting');
      if (quiet || this.stopped) return;
      if (Date.now() > deadline) throw new Error('print queue did not settle');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Stops the worker and breaks off a send in progress (a job cut off mid-send is failed at the next start). */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.wakeUp?.();
    this.transport?.transport.abort();
  }

  /** For tests: resolves when the worker loop has ended after stop(). */
  finished(): Promise<void> {
    return this.loopDone;
  }

  // ---- recording ----

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  private row(id: string): PrintJobRow {
    const row = jobById(this.deps.db, id);
    if (!row) throw new CounterError('NOT_FOUND', '找不到这张打印单据，可能已被清理');
    return row;
  }

  private insert(actor: Actor, kind: string, document: PrintDocument, reprintOf: string | null, reprintReason: string | null): string {
    const settings = this.deps.settings.get();
    if (!/^[A-Za-z][A-Za-z0-9.]{0,39}$/.test(kind)) throw new Error(`bad print job kind ${kind}`);
    if (document.title.length > 200) throw new CounterError('VALIDATION', '单据标题太长，本次未打印');
    const rendered = renderJob(document, settings.paperWidth);
    const origin = this.deps.origin();
    const id = newId();
    const at = this.now();
    this.deps.db.transaction(() => {
      insertJob(this.deps.db, {
        id,
        hallId: origin.hallId,
        windowNo: origin.windowNo,
        kind,
        document,
        bytes: rendered.bytes,
        printer: settings.printer,
        paperWidth: settings.paperWidth,
        reprintOf,
        reprintReason,
        createdBy: actor.id,
        at,
      });
      const row = jobById(this.deps.db, id);
      if (!row) throw new Error('print job not recorded');
      recordChange(this.deps.db, origin, actor, at, {
        action: reprintOf ? 'print.reprint' : 'print.enqueue',
        entity: 'print_job',
        entityId: id,
        op: 'insert',
        payload: insertPayload(row),
        detail: reprintOf ? { reprintOf, reason: reprintReason, title: document.title } : { kind, title: document.title },
      });
    })();
    return id;
  }

  /** One status change of a job, with its audit and change-log rows, in one transaction. */
  private update(job: PrintJobRow, action: string, fields: Partial<Pick<PrintJobRow, 'status' | 'attempts' | 'last_error' | 'printer' | 'sent_at' | 'bytes' | 'paper_width'>>, actor: Actor = SYSTEM_ACTOR): void {
    const db = this.deps.db;
    if (!db.open) return;
    const at = this.now();
    db.transaction(() => {
      const next: PrintJobRow = { ...job, ...fields, updated_at: at };
      db.prepare(
        `UPDATE print_job SET status = ?, attempts = ?, last_error = ?, printer = ?, sent_at = ?, bytes = ?, paper_width = ?, updated_at = ? WHERE id = ?`,
      ).run(next.status, next.attempts, next.last_error, next.printer, next.sent_at, next.bytes, next.paper_width, at, job.id);
      recordChange(db, this.deps.origin(), actor, at, {
        action,
        entity: 'print_job',
        entityId: job.id,
        op: 'update',
        payload: statusPayload(next),
        detail: fields.last_error ? { reason: fields.last_error } : {},
      });
    })();
  }

  /** At startup: a job left "sending" may or may not be on paper; it is failed, not resent. */
  private failInterrupted(): void {
    for (const job of jobsInStatus(this.deps.db, 'sending')) {
      this.update(job, 'print.interrupted', { status: 'failed', last_error: INTERRUPTED_MESSAGE });
    }
  }

  private relayoutQueued(actor: Actor, paperWidth: PaperWidth, at: string): void {
    for (const job of queuedJobs(this.deps.db)) {
      let bytes: Buffer;
      try {
        bytes = renderJob(documentOf(job), paperWidth).bytes;
      } catch {
        continue; // it printed on the old width; it will still print (narrower) on the new paper
      }
      this.deps.db.prepare('UPDATE print_job SET bytes = ?, paper_width = ?, updated_at = ? WHERE id = ?').run(bytes, paperWidth, at, job.id);
      recordChange(this.deps.db, this.deps.origin(), actor, at, {
        action: 'print.relayout',
        entity: 'print_job',
        entityId: job.id,
        op: 'update',
        payload: { id: job.id, paperWidth, updatedAt: at },
        detail: { from: job.paper_width, to: paperWidth },
      });
    }
  }

  // ---- status ----

  private key(status: PrinterStatus): string {
    return JSON.stringify({ ...status, checkedAt: null });
  }

  private publishIfChanged(): void {
    if (this.stopped || !this.deps.db.open) return;
    const status = this.status();
    const key = this.key(status);
    if (key === this.published) return;
    this.published = key;
    this.deps.publish('printer.changed', status);
  }

  private setState(reading: Pick<StatusReading, 'state' | 'message'>, checked = true): void {
    this.state = {
      state: reading.state,
      message: reading.message,
      checkedAt: checked ? this.now() : this.state.checkedAt,
      checkedMs: checked ? Date.now() : this.state.checkedMs,
    };
    this.publishIfChanged();
  }

  // ---- the worker ----

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.io.then(fn, fn);
    this.io = run.catch(() => undefined);
    return run;
  }

  private transportFor(uri: string, target: Exclude<PrinterTarget, { kind: 'none' }>): Transport {
    if (this.transport?.uri !== uri) {
      const timeouts = { connectMs: this.options.connectMs, statusMs: this.options.statusMs, writeMs: this.options.writeMs };
      this.transport = {
        uri,
        transport: target.kind === 'tcp' ? new TcpTransport(target.host, target.port, timeouts) : new DeviceTransport(target.path, timeouts),
      };
    }
    return this.transport.transport;
  }

  private dropTransport(): void {
    this.transport = null;
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  private async loop(): Promise<void> {
    let failures = 0;
    // let the constructor's caller finish wiring before the first step
    await new Promise((resolve) => setImmediate(resolve));
    while (!this.stopped) {
      this.wakeRequested = false;
      this.stepping = true;
      let result: StepResult;
      try {
        result = await this.exclusive(() => this.step());
      } catch (error) {
        if (this.stopped) break;
        console.error('[print] the print queue hit an error; retrying', error);
        result = 'waiting';
      } finally {
        this.stepping = false;
      }
      this.lastResult = result;
      if (this.stopped) break;
      if (result === 'sent') {
        failures = 0;
        continue;
      }
      if (result === 'waiting') {
        const delay = Math.min(this.options.retryMaxMs, this.options.retryMinMs + 1000 * failures);
        failures++;
        await this.sleep(delay);
      } else {
        failures = 0;
        await this.sleep(this.options.idlePollMs);
      }
    }
  }

  private async step(): Promise<StepResult> {
    if (this.stopped || !this.deps.db.open) return 'idle';
    const settings = this.deps.settings.get();
    const target = targetOf(settings.printer);
    const job = nextQueued(this.deps.db);
    if (!target.ok) {
      this.setState({ state: 'unreachable', message: target.message });
      if (job) this.noteWaiting(job, target.message);
      return job ? 'waiting' : 'idle';
    }
    if (target.target.kind === 'none') {
      this.setState({ state: 'none', message: STATE_MESSAGES.none });
      if (!job) return 'idle';
      return this.keepInDataDir(job, target.uri);
    }
    const transport = this.transportFor(target.uri, target.target);
    if (!job) {
      if (Date.now() - this.state.checkedMs >= this.options.idlePollMs / 2 || this.state.checkedAt === null) {
        const reading = await transport.probe();
        if (!this.stopped) this.setState(reading);
      }
      return 'idle';
    }
    let marked: PrintJobRow | null = null;
    const outcome: SendOutcome = await transport.send(job.bytes, {
      beforeWrite: () => {
        marked = this.markSending(job, target.uri);
      },
    });
    if (this.stopped || !this.deps.db.open) return 'idle';
    return this.settle(marked ?? job, marked !== null, outcome);
  }

  private markSending(job: PrintJobRow, uri: string): PrintJobRow {
    const fields = { status: 'sending' as const, attempts: job.attempts + 1, printer: uri };
    this.update(job, 'print.sending', fields);
    return { ...job, ...fields };
  }

  /** The job waits: its reason is recorded when it changed (not on every retry of the same failure). */
  private noteWaiting(job: PrintJobRow, message: string, wasSending = false): void {
    if (!wasSending && job.last_error === message) return;
    this.update(job, 'print.waiting', { status: 'queued', last_error: message });
  }

  private settle(job: PrintJobRow, wasSending: boolean, outcome: SendOutcome): StepResult {
    switch (outcome.kind) {
      case 'waiting':
        this.noteWaiting(job, outcome.message, wasSending);
        this.setState(outcome);
        return 'waiting';
      case 'uncertain':
        this.update(job, 'print.failed', { status: 'failed', last_error: outcome.message });
        this.setState(outcome);
        return 'waiting';
      case 'sent': {
        const after = outcome.after;
        const note = after && !canPrint(after.state) ? `打印后检测到：${after.message}。请核对这张是否打印完整，必要时重打` : null;
        this.update(job, 'print.sent', { status: 'sent', sent_at: this.now(), last_error: note });
        this.setState(after ?? { state: 'unknown', message: STATE_MESSAGES.unknown });
        return 'sent';
      }
    }
  }

  /** The 'none' printer: the bytes and the preview go to dataDir/print-jobs/<id>.bin and .svg. */
  private async keepInDataDir(job: PrintJobRow, uri: string): Promise<StepResult> {
    const marked = this.markSending(job, uri);
    try {
      const laid = layoutDocument(documentOf(job), { columns: PAPER_COLUMNS[job.paper_width] });
      await this.store.save(job.id, job.bytes, renderPreviewSvg(laid));
    } catch (error) {
      if (this.stopped || !this.deps.db.open) return 'idle';
      const message = `打印内容未能存入数据目录（${error instanceof Error ? error.message : String(error)}），稍后重试`;
      this.noteWaiting(marked, message, true);
      return 'waiting';
    }
    if (this.stopped || !this.deps.db.open) return 'idle';
    this.update(marked, 'print.sent', { status: 'sent', sent_at: this.now(), last_error: null });
    return 'sent';
  }
}
