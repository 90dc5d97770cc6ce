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
import type { PaperWidth, PrintDocument } from '../../../shared/print/document';
import { PAPER_COLUMNS } from '../../../shared/print/document';
import type { PrinterStatus, PrintJob, PrintJobStatus } from '../../../shared/api/printing';
import { layoutDocument } from '../../../shared/print/layout';
import { describePrinter, parsePrinterUri, type PrinterTarget } from '../../../shared/print/printer-uri';
import { canPrint, STATE_MESSAGES, type StatusReading } from '../../../shared/print/status';
import { buildTestPage } from '../../../shared/print/test-page';
import { CounterError } from '../../../shared/result';
import { actorOf, type CallContext, type PrintService } from '../core/context';
import { recordChange, type Actor } from '../db/ledger';
import { devicePathProblem, DeviceTransport } from './device';
import { FilePrinter } from './file-printer';
import { encodeGb18030 } from '../../../escpos/gb18030';
import { JobLog } from './job-log';
import { renderPreviewSvg } from './preview';
import { PrinterStatusBoard } from './printer-status';
import {
  DEFAULT_PRINT_OPTIONS,
  stamp,
  targetOf,
  UNCONFIRMED_STATE_MESSAGE,
  type JobStages,
  type PrintDeps,
  type PrintQueueOptions,
  type StepResult,
} from './queue-config';
import { documentOf, listJobs, nextQueued, toPrintJob, toPrintJobs, type PrintJobRow } from './repo';
import { SendAtOnce } from './send-at-once';
import { JobStore, PRINT_JOBS_DIR } from './store';
import { TcpTransport } from '../../../escpos/tcp';
import type { SendOutcome, Transport } from '../../../escpos/transport';
import { join } from 'node:path';

export { DEFAULT_PRINT_OPTIONS, INTERRUPTED_MESSAGE, UNCONFIRMED_STATE_MESSAGE, type JobStages, type PrintDeps, type PrintQueueOptions } from './queue-config';

export class PrintQueue implements PrintService {
  private readonly options: PrintQueueOptions;
  private readonly files: FilePrinter;
  private readonly jobLog: JobLog;
  private readonly board: PrinterStatusBoard;
  private stopped = false;
  private wakeRequested = false;
  private wakeUp: (() => void) | null = null;
  private transport: { uri: string; transport: Transport } | null = null;
  private io: Promise<unknown> = Promise.resolve();
  /** True while the worker is busy: from the start (jobs interrupted at the last stop) and during each step. */
  private stepping = true;
  private lastResult: StepResult = 'idle';
  /** When kick() was first called after the newest job was recorded (the requesting transaction had committed). */
  private kickedAt: number | null = null;
  private lastEnqueuedAt = 0;
  private readonly sendAtOnce: SendAtOnce;
  private readonly loopDone: Promise<void>;

  constructor(
    private readonly deps: PrintDeps,
    options: Partial<PrintQueueOptions> = {},
  ) {
    this.options = { ...DEFAULT_PRINT_OPTIONS, ...options };
    this.jobLog = new JobLog(deps);
    this.sendAtOnce = new SendAtOnce(deps, this.jobLog);
    this.board = new PrinterStatusBoard(deps, () => !this.stopped);
    this.jobLog.failInterrupted();
    this.files = new FilePrinter(new JobStore(join(deps.dataDir, PRINT_JOBS_DIR)), this.jobLog, () => !this.stopped && deps.db.open, deps.db);
    this.board.start();
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
    this.board.publishIfChanged();
  }

  // ---- the API's operations ----

  status(): PrinterStatus {
    return this.board.status();
  }

  /** printer.status: the last known status; asks the worker for a fresh check when it is old. */
  currentStatus(): PrinterStatus {
    if (this.board.reading.state !== 'none' && Date.now() - this.board.reading.checkedMs > this.options.idlePollMs / 2 && !this.stepping) this.kick();
    return this.status();
  }

  jobs(status: PrintJobStatus | undefined, limit: number): PrintJob[] {
    return toPrintJobs(this.deps.db, listJobs(this.deps.db, status, limit));
  }

  job(id: string): PrintJob {
    return toPrintJob(this.deps.db, this.jobLog.row(id));
  }

  preview(id: string): { title: string; svg: string; columns: number } {
    const row = this.jobLog.row(id);
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
      printedAt: this.jobLog.now(),
      requestedBy,
    });
    const id = this.insert(actorOf(call), 'testPage', document, null, null);
    return this.job(id);
  }

  reprint(call: CallContext, id: string, reason: string): PrintJob {
    const original = this.jobLog.row(id);
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
      const at = this.jobLog.now();
      recordChange(this.deps.db, this.deps.origin(), actorOf(call), at, {
        action: 'printer.configure',
        entity: 'settings',
        entityId: before.hallId,
        op: 'update',
        payload: { printer: checked.uri, paperWidth },
        detail: { before: { printer: before.printer, paperWidth: before.paperWidth } },
      });
      if (paperWidth !== before.paperWidth) this.jobLog.relayoutQueued(actorOf(call), paperWidth, at);
      this.board.set(checked.reading === null ? { state: 'none', message: STATE_MESSAGES.none } : { state: 'unknown', message: '正在检查打印机…' }, false);
    }
    if (checked.reading && !this.stopped) this.board.note(checked.uri, checked.reading);
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

  private insert(actor: Actor, kind: string, document: PrintDocument, reprintOf: string | null, reprintReason: string | null): string {
    this.lastEnqueuedAt = stamp();
    const id = this.jobLog.insert({ actor, kind, document, reprintOf, reprintReason, enqueuedAt: this.lastEnqueuedAt });
    const ready = this.board.reading.state === 'ready' || this.board.reading.state === 'paperNearEnd';
    if (!this.stopped && ready && this.transport && !this.board.isSilent(this.transport.uri)) this.sendAtOnce.mark(id, this.transport);
    return id;
  }

  // ---- the worker ----

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.io.then(fn, fn);
    this.io = run.catch(() => undefined);
    return run;
  }

  private transportFor(uri: string, target: Exclude<PrinterTarget, { kind: 'none' }>): Transport {
    if (this.transport?.uri !== uri) {
      this.transport?.transport.abort();
      const { connectMs, statusMs, confirmMs, writeMs, keepOpenMs } = this.options;
      const timeouts = { connectMs, statusMs, confirmMs, writeMs, keepOpenMs };
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
    // iconv-lite builds its GB18030 tables on first use (tens of ms): built now, not inside the first slip's request
    encodeGb18030('中');
    try {
      await this.exclusive(() => this.files.finishInterrupted());
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
        if (this.sendAtOnce.idle() && nextQueued(this.deps.db) === undefined) this.deps.drained();
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
    const sendAtOnce = this.sendAtOnce.take();
    const job = sendAtOnce ?? nextQueued(this.deps.db);
    if (!target.ok) {
      this.board.set({ state: 'unreachable', message: target.message });
      if (job) this.jobLog.noteWaiting(job, target.message);
      return job ? 'waiting' : 'idle';
    }
    if (target.target.kind === 'none') {
      this.board.set({ state: 'none', message: STATE_MESSAGES.none });
      if (!job) return 'idle';
      return this.files.keep(job, target.uri);
    }
    const transport = this.transportFor(target.uri, target.target);
    if (!job) {
      if (Date.now() - this.board.reading.checkedMs >= this.options.idlePollMs / 2 || this.board.reading.checkedAt === null) {
        const reading = await transport.probe();
        if (!this.stopped) this.board.note(target.uri, reading);
      }
      return 'idle';
    }
    const stages = this.stagesOf(job);
    let marked: PrintJobRow | null = sendAtOnce;
    const outcome: SendOutcome = await transport.send(job.bytes, {
      requireAnswer: this.board.isSilent(target.uri),
      expectReady: this.board.reading.state === 'ready' || this.board.reading.state === 'paperNearEnd',
      beforeWrite: () => {
        marked ??= this.jobLog.markSending(job, target.uri);
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

  private settle(job: PrintJobRow, wasSending: boolean, outcome: SendOutcome, uri: string, stages: string): StepResult {
    switch (outcome.kind) {
      case 'waiting':
        this.jobLog.noteWaiting(job, outcome.message, wasSending);
        this.board.note(uri, outcome);
        return 'waiting';
      case 'uncertain':
        this.jobLog.update(job, 'print.failed', { status: 'failed', last_error: outcome.message, stages });
        this.board.set(outcome);
        return 'waiting';
      case 'unconfirmed':
        this.board.markSilent(uri);
        this.jobLog.update(job, 'print.unconfirmed', { status: 'unconfirmed', last_error: outcome.message, stages });
        this.board.set({ state: 'unknown', message: UNCONFIRMED_STATE_MESSAGE });
        return 'waiting';
      case 'sent': {
        const after = outcome.after;
        const note = after && !canPrint(after.state) ? `打印后检测到：${after.message}。请核对这张是否打印完整，必要时重打` : null;
        this.jobLog.update(job, 'print.sent', { status: 'sent', sent_at: this.jobLog.now(), last_error: note, stages });
        if (after) this.board.note(uri, after);
        else this.board.set({ state: 'unknown', message: STATE_MESSAGES.unknown });
        return 'sent';
      }
    }
  }
}
