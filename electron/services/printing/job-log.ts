/**
 * The print_job's state transitions: a new job (inside the requesting
 * write's transaction) and each later change of its status (by the worker,
 * outside any request, in a transaction of its own), each with its audit and
 * change-log rows.
 */
import type { AuditAction } from '../../../shared/audit/labels';
import type { PaperWidth, PrintDocument } from '../../../shared/print/document';
import { CounterError } from '../../../shared/result';
import { writeTransaction } from '../db/connection';
import { recordChange, SYSTEM_ACTOR, type Actor } from '../db/ledger';
import { newId } from '../core/ids';
import type { PrintDeps } from './queue-config';
import { INTERRUPTED_MESSAGE } from './queue-config';
import { renderJob } from './render';
import { documentOf, insertJob, insertPayload, jobById, jobsInStatus, queuedJobs, relayoutJob, statusPayload, updateJob, type PrintJobRow } from './repo';

/** The fields of a job a status change may set. */
export type JobChange = Partial<Pick<PrintJobRow, 'status' | 'attempts' | 'last_error' | 'printer' | 'sent_at' | 'bytes' | 'paper_width' | 'stages'>>;

export interface NewJobRequest {
  actor: Actor;
  kind: string;
  document: PrintDocument;
  reprintOf: string | null;
  reprintReason: string | null;
  /** stamp() when it was asked for (print_job.stages.enqueued). */
  enqueuedAt: number;
}

export class JobLog {
  constructor(private readonly deps: Pick<PrintDeps, 'db' | 'settings' | 'clock' | 'origin'>) {}

  now(): string {
    return this.deps.clock.now().toISOString();
  }

  find(id: string): PrintJobRow | undefined {
    return jobById(this.deps.db, id);
  }

  row(id: string): PrintJobRow {
    const row = jobById(this.deps.db, id);
    if (!row) throw new CounterError('NOT_FOUND', '找不到这张打印单据，可能已被清理');
    return row;
  }

  /** Records a new job; runs inside the requesting write's transaction (opened by the dispatcher). */
  insert(job: NewJobRequest): string {
    const { actor, kind, document, reprintOf, reprintReason } = job;
    const settings = this.deps.settings.get();
    if (!/^[A-Za-z][A-Za-z0-9.]{0,39}$/.test(kind)) throw new Error(`bad print job kind ${kind}`);
    if (document.title.length > 200) throw new CounterError('VALIDATION', '单据标题太长，本次未打印');
    const rendered = renderJob(document, settings.paperWidth);
    const origin = this.deps.origin();
    const id = newId();
    const at = this.now();
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
      stages: { enqueued: job.enqueuedAt },
    });
    recordChange(this.deps.db, origin, actor, at, {
      action: reprintOf ? 'print.reprint' : 'print.enqueue',
      entity: 'print_job',
      entityId: id,
      op: 'insert',
      payload: insertPayload(this.row(id)),
      detail: reprintOf ? { reprintOf, reason: reprintReason, title: document.title } : { kind, title: document.title },
    });
    return id;
  }

  /** One status change of a job by the worker, with its audit and change-log rows, in one transaction of its own. */
  update(job: PrintJobRow, action: AuditAction, fields: JobChange, actor: Actor = SYSTEM_ACTOR): void {
    const db = this.deps.db;
    if (!db.open) return;
    const at = this.now();
    writeTransaction(db, () => {
      const next: PrintJobRow = { ...job, ...fields, updated_at: at };
      updateJob(db, next);
      recordChange(db, this.deps.origin(), actor, at, {
        action,
        entity: 'print_job',
        entityId: job.id,
        op: 'update',
        payload: statusPayload(next),
        detail: fields.last_error ? { reason: fields.last_error } : {},
      });
    });
  }

  /** The worker is about to hand the job's first byte over. */
  markSending(job: PrintJobRow, uri: string): PrintJobRow {
    const fields = { status: 'sending' as const, attempts: job.attempts + 1, printer: uri };
    this.update(job, 'print.sending', fields);
    return { ...job, ...fields };
  }

  /**
   * The job waits: its reason is recorded when it changed (not on every retry of the same failure). A job
   * marked "sending" of which nothing was handed over goes back to queued with its attempt not counted.
   */
  noteWaiting(job: PrintJobRow, message: string, wasSending = false): void {
    if (!wasSending && job.last_error === message) return;
    this.update(job, 'print.waiting', { status: 'queued', last_error: message, ...(wasSending ? { attempts: job.attempts - 1 } : {}) });
  }

  /** At startup: a job left "sending" to a printer may or may not be on paper; it is failed, not resent. */
  failInterrupted(): void {
    for (const job of jobsInStatus(this.deps.db, 'sending')) {
      if (job.printer !== 'none') this.update(job, 'print.interrupted', { status: 'failed', last_error: INTERRUPTED_MESSAGE });
    }
  }

  /** printer.configure with a new paper width (inside its write's transaction): the queued jobs are laid out again. */
  relayoutQueued(actor: Actor, paperWidth: PaperWidth, at: string): void {
    for (const job of queuedJobs(this.deps.db)) {
      let bytes: Buffer;
      try {
        bytes = renderJob(documentOf(job), paperWidth).bytes;
      } catch {
        continue; // it printed on the old width; it will still print (narrower) on the new paper
      }
      relayoutJob(this.deps.db, job.id, bytes, paperWidth, at);
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
}
