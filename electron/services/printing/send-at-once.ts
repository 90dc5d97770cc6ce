/**
 * A job sent as soon as its write commits. When the printer is ready on a
 * kept connection and nothing waits before the job, the job is recorded as
 * being sent in the write's own transaction (one commit, not a second one
 * before the first byte) and the status query before it is asked at once.
 * A stop before it is sent leaves it "sending", failed at the next start:
 * never printed twice.
 */
import type { JobLog } from './job-log';
import type { PrintDeps } from './queue-config';
import { jobsInStatus, nextQueued, type PrintJobRow } from './repo';
import type { Transport } from '../../../escpos/transport';

export class SendAtOnce {
  private id: string | null = null;

  constructor(
    private readonly deps: Pick<PrintDeps, 'db' | 'settings'>,
    private readonly jobLog: JobLog,
  ) {}

  /** Inside the write that recorded job `id`, whose printer answered ready when last asked. */
  mark(id: string, printer: { uri: string; transport: Transport }): void {
    // a job marked before whose write rolled back is gone, so only a job really being sent stops this one
    if (printer.uri !== this.deps.settings.get().printer) return;
    if (nextQueued(this.deps.db)?.id !== id || jobsInStatus(this.deps.db, 'sending').length > 0) return;
    if (!printer.transport.prepare?.()) return;
    this.jobLog.markSending(this.jobLog.row(id), printer.uri);
    this.id = id;
  }

  /** No job is marked to be sent at once. */
  idle(): boolean {
    return this.id === null;
  }

  /** For the worker: the job marked, if its write committed and it is still "sending". */
  take(): PrintJobRow | null {
    const id = this.id;
    this.id = null;
    if (id === null) return null;
    const row = this.jobLog.find(id);
    return row?.status === 'sending' ? row : null;
  }
}
