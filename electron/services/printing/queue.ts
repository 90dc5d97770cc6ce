/**
 * The durable print queue and its worker.
 *
 * Every job is recorded in print_job (with its ESC/POS bytes, audit and
 * change-log rows) before anything is sent. One worker sends the jobs in
 * order, one connection per job: DLE EOT status first — a printer that is
 * off, unreachable, out of paper or open gets nothing and the job waits —
 * then the job, then the status again. A job is "sent" only when the printer
 * answered that last query; a printer that took the bytes and stayed silent
 * leaves it "unconfirmed" (发送未确认: the clerk is told, it is never resent
 * by itself and may be reprinted with a reason, here or on another printer),
 * and the jobs after it wait until that printer answers again. The job is
 * marked "sending" just before its first byte leaves; a job found "sending"
 * at startup (the program stopped mid-send) is marked failed, never resent,
 * because it may be on paper already — except for the 'none' printer, whose
 * job is simply written to the data directory again. While jobs wait the
 * worker retries with backoff (2 s, 3 s, 4 s, then every 5 s), and at once
 * when a new job arrives or the printer is reconfigured; the clerk sees every
 * change of the printer's state through the 'printer.changed' event and the
 * waiting job's lastError.
 */
import type { AuditAction } from '../../../shared/audit/labels';
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
import { devicePathProblem, DeviceTransport } from './device';
import { renderPreviewSvg } from './preview';
import { renderJob } from './render';
import {
  countUnresolved,
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
import { performance } from 'node:perf_hooks';

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
  afterWrite: CoreContext['afterWrite'];
  dataDir: string;
}

type StepResult = 'sent' | 'waiting' | 'idle';

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
function stamp(): number {
  return performance.timeOrigin + performance.now();
}

export const UNCONFIRMED_STATE_MESSAGE = '打印机收下了上一张单据，但没有回应状态查询，无法确认是否已打印';

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
  /** True while the worker is busy: from the start (jobs interrupted at the last stop) and during each step. */
  private stepping = true;
  private lastResult: StepResult = 'idle';
  /** The printer whose last job went unconfirmed and that has not answered a status query since. */
  private silentPrinter: string | null = null;
  /** When kick() was first called after the newest job was recorded (the requesting transaction had committed). */
  private kickedAt: number | null = null;
  private lastEnqueuedAt = 0;
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

  /** Called by the dispatcher after every committed write: starts sending the jobs it recorded. */
  wakeForNewJobs(): void {
    if (this.kickedAt === null || this.kickedAt < this.lastEnqueuedAt) this.kick();
  }

  kick(): void {
    if (this.kickedAt === null || this.kickedAt < this.lastEnqueuedAt) this.kickedAt = stamp();
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
      failed: countUnresolved(this.deps.db, 'failed', new Date(now - DAY_MS).toISOString()),
      unconfirmed: countUnresolved(this.deps.db, 'unconfirmed', new Date(now - DAY_MS).toISOString()),
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
    return this.job(id);
  }

  reprint(call: CallContext, id: string, reason: string): PrintJob {
    const original = this.row(id);
    if (original.status === 'queued' || original.status === 'sending') {
      throw new CounterError('CONFLICT', '这张单据还在打印队列中，打印机恢复后会自动打印，不需要重打');
    }
    const newJob = this.insert(actorOf(call), original.kind, documentOf(original), original.id, reason);
    return this.job(newJob);
  }

  /**
   * printer.configure, step one (outside the write's transaction): checks the
   * address, the device path and asks the printer for its status.
   */
  async checkConfiguration(printer: string): Promise<{ uri: string; reading: StatusReading | null }> {
    const parsed = parsePrinterUri(printer);
    if (!parsed.ok) throw new CounterError('VALIDATION', `请检查输入：${parsed.message}`, { printer: parsed.message });
    const problem = parsed.target.kind === 'device' ? await devicePathProblem(parsed.target.path) : null;
    if (problem) throw new CounterError('VALIDATION', `请检查输入：${problem}`, { printer: problem });
    if (parsed.target.kind === 'none') return { uri: parsed.uri, reading: null };
    const target = parsed.target;
    const reading = await this.exclusive(() => this.transportFor(parsed.uri, target).probe());
    return { uri: parsed.uri, reading };
  }

  /** printer.configure, step two (in the write's transaction): saves the printer and paper width; queued jobs are laid out again for a new width. */
  configure(call: CallContext, checked: { uri: string; reading: StatusReading | null }, paperWidth: PaperWidth): PrinterStatus {
    const before = this.deps.settings.get();
    if (checked.uri !== before.printer || paperWidth !== before.paperWidth) {
      this.deps.settings.update({ printer: checked.uri, paperWidth });
      this.deps.afterWrite({ rolledBack: () => this.deps.settings.update({ printer: before.printer, paperWidth: before.paperWidth }) });
      const at = this.now();
      recordChange(this.deps.db, this.deps.origin(), actorOf(call), at, {
        action: 'printer.configure',
        entity: 'settings',
        entityId: before.hallId,
        op: 'update',
        payload: { printer: checked.uri, paperWidth },
        detail: { before: { printer: before.printer, paperWidth: before.paperWidth } },
      });
      if (paperWidth !== before.paperWidth) this.relayoutQueued(actorOf(call), paperWidth, at);
      this.setState(checked.reading === null ? { state: 'none', message: STATE_MESSAGES.none } : { state: 'unknown', message: '正在检查打印机…' }, false);
    }
    if (checked.reading && !this.stopped) this.noteReading(checked.uri, checked.reading);
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
    this.lastEnqueuedAt = stamp();
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
        stages: { enqueued: this.lastEnqueuedAt },
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
  private update(
    job: PrintJobRow,
    action: AuditAction,
    fields: Partial<Pick<PrintJobRow, 'status' | 'attempts' | 'last_error' | 'printer' | 'sent_at' | 'bytes' | 'paper_width' | 'stages'>>,
    actor: Actor = SYSTEM_ACTOR,
  ): void {
    const db = this.deps.db;
    if (!db.open) return;
    const at = this.now();
    db.transaction(() => {
      const next: PrintJobRow = { ...job, ...fields, updated_at: at };
      db.prepare(
        `UPDATE print_job SET status = ?, attempts = ?, last_error = ?, printer = ?, sent_at = ?, bytes = ?, paper_width = ?, stages = ?, updated_at = ? WHERE id = ?`,
      ).run(next.status, next.attempts, next.last_error, next.printer, next.sent_at, next.bytes, next.paper_width, next.stages, at, job.id);
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

  /** At startup: a job left "sending" to a printer may or may not be on paper; it is failed, not resent. */
  private failInterrupted(): void {
    for (const job of jobsInStatus(this.deps.db, 'sending')) {
      if (job.printer !== 'none') this.update(job, 'print.interrupted', { status: 'failed', last_error: INTERRUPTED_MESSAGE });
    }
  }

  /**
   * At startup, before the first job: the 'none' printer's temporary files a crash left are removed, and its
   * jobs cut off mid-write (left "sending", or failed as interrupted by an earlier version and not reprinted)
   * are written to the data directory again — rewriting a file prints nothing twice.
   */
  private async finishInterruptedFileJobs(): Promise<void> {
    if (this.stopped || !this.deps.db.open) return;
    await this.store.removeTemporaryFiles();
    if (this.stopped || !this.deps.db.open) return;
    const interrupted = this.deps.db
      .prepare(
        `SELECT * FROM print_job j WHERE j.printer = 'none'
           AND (j.status = 'sending' OR (j.status = 'failed' AND j.last_error = ? AND NOT EXISTS (SELECT 1 FROM print_job r WHERE r.reprint_of = j.id)))
         ORDER BY rowid`,
      )
      .all(INTERRUPTED_MESSAGE) as PrintJobRow[];
    for (const job of interrupted) {
      if (this.stopped || !this.deps.db.open) return;
      try {
        await this.saveToDataDir(job);
      } catch (error) {
        if (job.status === 'sending') this.update(job, 'print.interrupted', { status: 'failed', last_error: `${INTERRUPTED_MESSAGE}（${errorText(error)}）` });
        continue;
      }
      if (this.stopped || !this.deps.db.open) return;
      this.update(job, 'print.recovered', { status: 'sent', sent_at: this.now(), last_error: null });
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
      const { connectMs, statusMs, confirmMs, writeMs } = this.options;
      const timeouts = { connectMs, statusMs, confirmMs, writeMs };
      this.transport = {
        uri,
        transport: target.kind === 'tcp' ? new TcpTransport(target.host, target.port, timeouts) : new DeviceTransport(target.path, timeouts),
      };
    }
    return this.transport.transport;
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
    try {
      await this.exclusive(() => this.finishInterruptedFileJobs());
    } catch (error) {
      if (!this.stopped) console.error('[print] could not finish the jobs interrupted at the last stop', error);
    } finally {
      this.stepping = false;
    }
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
        if (!this.stopped) this.noteReading(target.uri, reading);
      }
      return 'idle';
    }
    const stages = this.stagesOf(job);
    let marked: PrintJobRow | null = null;
    const outcome: SendOutcome = await transport.send(job.bytes, {
      requireAnswer: this.silentPrinter === target.uri,
      expectReady: this.state.state === 'ready' || this.state.state === 'paperNearEnd',
      beforeWrite: () => {
        marked = this.markSending(job, target.uri);
      },
      stage: (name) => {
        stages[name] = stamp();
      },
    });
    stages.confirmed = stamp();
    if (this.stopped || !this.deps.db.open) return 'idle';
    return this.settle(marked ?? job, marked !== null, outcome, target.uri, JSON.stringify(stages));
  }

  /** The job's stages so far, with the commit (first kick since the last job was taken) and the worker taking it now. */
  private stagesOf(job: PrintJobRow): JobStages {
    const stored = job.stages ? (JSON.parse(job.stages) as Partial<JobStages>) : {};
    const stages: JobStages = { enqueued: stored.enqueued ?? stamp() };
    if (this.kickedAt !== null && this.kickedAt >= stages.enqueued) stages.committed = this.kickedAt;
    this.kickedAt = null;
    stages.picked = stamp();
    return stages;
  }

  /** A status answer (or none) from the printer at `uri`: a printer that answered is no longer silent. */
  private noteReading(uri: string, reading: StatusReading): void {
    if (reading.state !== 'unknown' && reading.state !== 'unreachable' && this.silentPrinter === uri) this.silentPrinter = null;
    this.setState(reading);
  }

  private markSending(job: PrintJobRow, uri: string): PrintJobRow {
    const fields = { status: 'sending' as const, attempts: job.attempts + 1, printer: uri };
    this.update(job, 'print.sending', fields);
    return { ...job, ...fields };
  }

  /**
   * The job waits: its reason is recorded when it changed (not on every retry of the same failure). A job
   * marked "sending" of which nothing was handed over goes back to queued with its attempt not counted.
   */
  private noteWaiting(job: PrintJobRow, message: string, wasSending = false): void {
    if (!wasSending && job.last_error === message) return;
    this.update(job, 'print.waiting', { status: 'queued', last_error: message, ...(wasSending ? { attempts: job.attempts - 1 } : {}) });
  }

  private settle(job: PrintJobRow, wasSending: boolean, outcome: SendOutcome, uri: string, stages: string): StepResult {
    switch (outcome.kind) {
      case 'waiting':
        this.noteWaiting(job, outcome.message, wasSending);
        this.noteReading(uri, outcome);
        return 'waiting';
      case 'uncertain':
        this.update(job, 'print.failed', { status: 'failed', last_error: outcome.message, stages });
        this.setState(outcome);
        return 'waiting';
      case 'unconfirmed':
        this.silentPrinter = uri;
        this.update(job, 'print.unconfirmed', { status: 'unconfirmed', last_error: outcome.message, stages });
        this.setState({ state: 'unknown', message: UNCONFIRMED_STATE_MESSAGE });
        return 'waiting';
      case 'sent': {
        const after = outcome.after;
        const note = after && !canPrint(after.state) ? `打印后检测到：${after.message}。请核对这张是否打印完整，必要时重打` : null;
        this.update(job, 'print.sent', { status: 'sent', sent_at: this.now(), last_error: note, stages });
        if (after) this.noteReading(uri, after);
        else this.setState({ state: 'unknown', message: STATE_MESSAGES.unknown });
        return 'sent';
      }
    }
  }

  /** The 'none' printer: the bytes and the preview go to dataDir/print-jobs/<id>.bin and .svg. */
  private async keepInDataDir(job: PrintJobRow, uri: string): Promise<StepResult> {
    const marked = this.markSending(job, uri);
    try {
      await this.saveToDataDir(job);
    } catch (error) {
      if (this.stopped || !this.deps.db.open) return 'idle';
      const message = `打印内容未能存入数据目录（${errorText(error)}），稍后重试`;
      this.noteWaiting(marked, message, true);
      return 'waiting';
    }
    if (this.stopped || !this.deps.db.open) return 'idle';
    this.update(marked, 'print.sent', { status: 'sent', sent_at: this.now(), last_error: null });
    return 'sent';
  }

  private async saveToDataDir(job: PrintJobRow): Promise<void> {
    const laid = layoutDocument(documentOf(job), { columns: PAPER_COLUMNS[job.paper_width] });
    await this.store.save(job.id, job.bytes, renderPreviewSvg(laid));
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
