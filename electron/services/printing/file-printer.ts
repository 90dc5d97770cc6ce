/**
 * The 'none' printer: each job's bytes and its preview go to
 * dataDir/print-jobs/<id>.bin and .svg instead of paper. Rewriting a file
 * prints nothing twice, so a job cut off mid-write is simply written again.
 */
import { PAPER_COLUMNS } from '../../../shared/print/document';
import { layoutDocument } from '../../../shared/print/layout';
import type { Db } from '../db/connection';
import type { JobLog } from './job-log';
import { renderPreviewSvg } from './preview';
import { errorText, INTERRUPTED_MESSAGE, type StepResult } from './queue-config';
import { documentOf, interruptedFileJobs, type PrintJobRow } from './repo';
import type { JobStore } from './store';

export class FilePrinter {
  constructor(
    private readonly store: JobStore,
    private readonly jobLog: JobLog,
    /** False once the queue has stopped or the database closed. */
    private readonly live: () => boolean,
    private readonly db: Db,
  ) {}

  /**
   * At startup, before the first job: the temporary files a crash left are removed, and the jobs cut off
   * mid-write (left "sending", or failed as interrupted by an earlier version and not reprinted) are
   * written to the data directory again.
   */
  async finishInterrupted(): Promise<void> {
    if (!this.live()) return;
    await this.store.removeTemporaryFiles();
    if (!this.live()) return;
    for (const job of interruptedFileJobs(this.db, INTERRUPTED_MESSAGE)) {
      if (!this.live()) return;
      try {
        await this.save(job);
      } catch (error) {
        if (job.status === 'sending') this.jobLog.update(job, 'print.interrupted', { status: 'failed', last_error: `${INTERRUPTED_MESSAGE}（${errorText(error)}）` });
        continue;
      }
      if (!this.live()) return;
      this.jobLog.update(job, 'print.recovered', { status: 'sent', sent_at: this.jobLog.now(), last_error: null });
    }
  }

  /** Prints one job to the data directory. */
  async keep(job: PrintJobRow, uri: string): Promise<StepResult> {
    const marked = this.jobLog.markSending(job, uri);
    try {
      await this.save(job);
    } catch (error) {
      if (!this.live()) return 'idle';
      const message = `打印内容未能存入数据目录（${errorText(error)}），稍后重试`;
      this.jobLog.noteWaiting(marked, message, true);
      return 'waiting';
    }
    if (!this.live()) return 'idle';
    this.jobLog.update(marked, 'print.sent', { status: 'sent', sent_at: this.jobLog.now(), last_error: null });
    return 'sent';
  }

  private async save(job: PrintJobRow): Promise<void> {
    const laid = layoutDocument(documentOf(job), { columns: PAPER_COLUMNS[job.paper_width] });
    await this.store.save(job.id, job.bytes, renderPreviewSvg(laid));
  }
}
