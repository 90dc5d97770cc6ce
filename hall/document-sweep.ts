/**
 * The hall's sweep of the ID card numbers read at the kiosk for tickets
 * never finished (hall migration 17: 办结 drops a finished ticket's number;
 * nothing else would drop these): run when the hall starts, then every
 * intervalMs (the hall runs across its midnight), on an unref'd timer. A
 * sweep that fails is logged and tried again after retryMs.
 */
import { ticketDay } from '../shared/domain/queue-ticket';
import type { Pool } from './db/pool';
import { dropEndedTicketDocuments } from './store/ticket-document';

export interface DocumentSweepOptions {
  intervalMs: number;
  /** Wait before trying a failed sweep again. */
  retryMs: number;
}

export const DEFAULT_DOCUMENT_SWEEP: DocumentSweepOptions = { intervalMs: 15 * 60_000, retryMs: 60_000 };

export class DocumentSweep {
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly hallId: string,
    private readonly now: () => Date,
    private readonly log: (line: string) => void,
    private readonly options: DocumentSweepOptions = DEFAULT_DOCUMENT_SWEEP,
  ) {}

  /** Sweeps now (a failure is logged, not thrown) and keeps sweeping. */
  async start(): Promise<void> {
    await this.sweep();
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }

  private async sweep(): Promise<void> {
    let next = this.options.intervalMs;
    try {
      const dropped = await dropEndedTicketDocuments(this.pool, this.hallId, ticketDay(this.now()));
      if (dropped > 0) this.log(`queue: dropped the ID card numbers kept for ${dropped} ticket(s) of days gone by, never finished`);
    } catch (error) {
      if (this.closed) return; // the hall is stopping: its pool is closing
      this.log(`queue: sweeping the ID card numbers of days gone by failed, trying again in ${this.options.retryMs / 1000} s: ${error instanceof Error ? error.message : String(error)}`);
      next = this.options.retryMs;
    }
    if (this.closed) return;
    this.timer = setTimeout(() => void this.sweep(), next);
    this.timer.unref();
  }
}
