/**
 * The hall's print worker: sends the kiosks' queued ticket jobs
 * (kiosk_print_job) to their printers with the windows' network transport
 * (escpos/tcp.ts: status check, the job, status check again), one job at a
 * time per printer, oldest first.
 *
 * Never twice: a job is marked 'sending' (in its own committed UPDATE) before
 * any byte is written. Nothing written (printer off, paper out) → queued again
 * and retried after retryMs; every byte taken → 'sent'; bytes handed over but
 * unconfirmed, or broken off midway → 'unconfirmed', never resent; a job still
 * 'sending' when the hall starts (it stopped mid-send) → 'unconfirmed'.
 * Nothing written while the kiosk's printer was changed → queued again for
 * the new printer (laid out again for its paper: job-layout.ts). A job not
 * printed within giveUpMs is 'failed': the applicant has left the kiosk
 * with the number shown on its screen (a supervisor may send it again from the
 * console: its give-up time restarts from retried_at).
 *
 * One printer, one conversation at a time: its jobs and the console's test
 * pages (testPrint) take turns (lane), never interleaving on its connection.
 */
import { TcpTransport } from '../../escpos/tcp';
import { DEFAULT_TIMEOUTS, type SendOutcome, type TransportTimeouts } from '../../escpos/transport';
import { parsePrinterUri } from '../../shared/print/printer-uri';
import { inTransaction, type Pool } from '../db/pool';
import { lockKioskPrinter, moveWaitingJobs } from './job-layout';
import { kioskPrinterOf } from './ticket-print';

export interface KioskPrintOptions {
  /** Wait before trying a job again whose printer could not take it. */
  retryMs: number;
  /** A job not printed this long after the ticket was taken is given up. */
  giveUpMs: number;
  timeouts: TransportTimeouts;
}

export const DEFAULT_KIOSK_PRINT: KioskPrintOptions = { retryMs: 3000, giveUpMs: 3 * 60_000, timeouts: DEFAULT_TIMEOUTS };

const INTERRUPTED = '发送号票时大厅服务中断，未确认是否已打印，不再重发';
/** A ticket sent but not confirmed, in the supervisor's words (the windows' message asks the clerk to reprint: a kiosk never does). */
const unconfirmed = (printer: string): string => `号票已发出，但打印机 ${printer.replace(/^tcp:\/\//, '')} 没有确认收到，可能已经打印；为避免一号两票不再重发，请到取号机查看`;
const GIVEN_UP = '打印机长时间无法打印，号票未打印（号码已在取号机屏幕上显示）';

interface ClaimedJob {
  id: string;
  kiosk_no: string;
  bytes: Buffer;
}

export class KioskPrintWorker {
  private readonly transports = new Map<string, TcpTransport>();
  /** Printers a drain is running for. */
  private readonly draining = new Set<string>();
  /** Printers whose last job went unconfirmed: the next job waits for a status answer first. */
  private readonly unanswered = new Set<string>();
  /** Per printer, the send in progress: the next one starts after it. */
  private readonly lanes = new Map<string, Promise<unknown>>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly hallId: string,
    private readonly options: KioskPrintOptions = DEFAULT_KIOSK_PRINT,
  ) {}

  /** Jobs left 'sending' by a hall that stopped mid-send are unconfirmed; then the queue is worked. */
  async start(): Promise<void> {
    await this.pool.query("UPDATE kiosk_print_job SET status = 'unconfirmed', message = $2 WHERE hall_id = $1 AND status = 'sending'", [this.hallId, INTERRUPTED]);
    this.kick();
  }

  /** Work the queue now (a ticket has just been taken). */
  kick(): void {
    if (!this.closed) void this.scan().catch(() => this.schedule(this.options.retryMs));
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    for (const t of this.transports.values()) t.abort();
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, Math.max(10, delayMs));
    this.timer.unref();
  }

  private async scan(): Promise<void> {
    await this.pool.query(
      "UPDATE kiosk_print_job SET status = 'failed', message = $3 WHERE hall_id = $1 AND status = 'queued' AND coalesce(retried_at, created_at) < clock_timestamp() - make_interval(secs => $2)",
      [this.hallId, this.options.giveUpMs / 1000, GIVEN_UP],
    );
    const { rows } = await this.pool.query<{ printer: string; due: boolean; wait_ms: number }>(
      `SELECT printer, bool_or(next_try_at <= clock_timestamp()) AS due, greatest(0, extract(epoch FROM min(next_try_at) - clock_timestamp()) * 1000)::float8 AS wait_ms
       FROM kiosk_print_job WHERE hall_id = $1 AND status = 'queued' GROUP BY printer`,
      [this.hallId],
    );
    for (const r of rows) if (r.due && !this.draining.has(r.printer)) void this.drain(r.printer).catch(() => this.schedule(this.options.retryMs));
    const waits = rows.filter((r) => !r.due).map((r) => r.wait_ms);
    if (waits.length > 0) this.schedule(Math.min(...waits));
  }

  private transportOf(printer: string): TcpTransport | null {
    const known = this.transports.get(printer);
    if (known !== undefined) return known;
    const parsed = parsePrinterUri(printer);
    if (!parsed.ok || parsed.target.kind !== 'tcp') return null;
    const transport = new TcpTransport(parsed.target.host, parsed.target.port, this.options.timeouts);
    this.transports.set(printer, transport);
    return transport;
  }

  private async claim(printer: string): Promise<ClaimedJob | null> {
    const { rows } = await this.pool.query<ClaimedJob>(
      `UPDATE kiosk_print_job SET status = 'sending', attempts = attempts + 1
       WHERE hall_id = $1 AND id = (
         SELECT id FROM kiosk_print_job WHERE hall_id = $1 AND printer = $2 AND status = 'queued' AND next_try_at <= clock_timestamp()
         ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, kiosk_no, bytes`,
      [this.hallId, printer],
    );
    return rows[0] ?? null;
  }

  private async record(job: ClaimedJob, printer: string, outcome: SendOutcome): Promise<void> {
    const { id } = job;
    if (outcome.kind === 'waiting') {
      // queued again under the kiosk's lock: a printer set on the console while it was tried is the one it waits for now
      await inTransaction(this.pool, async (client) => {
        await lockKioskPrinter(client, this.hallId, job.kiosk_no);
        await client.query("UPDATE kiosk_print_job SET status = 'queued', message = $3, next_try_at = clock_timestamp() + make_interval(secs => $4) WHERE hall_id = $1 AND id = $2", [
          this.hallId,
          id,
          outcome.message,
          this.options.retryMs / 1000,
        ]);
        const to = await kioskPrinterOf(client, this.hallId, job.kiosk_no);
        if (to !== null) await moveWaitingJobs(client, this.hallId, to, id);
      });
    } else if (outcome.kind === 'sent') {
      await this.pool.query("UPDATE kiosk_print_job SET status = 'sent', message = NULL, sent_at = clock_timestamp() WHERE hall_id = $1 AND id = $2", [this.hallId, id]);
    } else {
      await this.pool.query("UPDATE kiosk_print_job SET status = 'unconfirmed', message = $3 WHERE hall_id = $1 AND id = $2", [this.hallId, id, unconfirmed(printer)]);
    }
  }

  /** Runs one send on the printer after the one in progress. */
  private inLane<T>(printer: string, work: () => Promise<T>): Promise<T> {
    const run = (this.lanes.get(printer) ?? Promise.resolve()).then(work);
    const tail = run.catch(() => undefined);
    this.lanes.set(printer, tail);
    void tail.then(() => {
      if (this.lanes.get(printer) === tail) this.lanes.delete(printer);
    });
    return run;
  }

  /** Sends bytes to the printer now (the console's test page), in turn with its ticket jobs; null when the address is not a network printer. */
  async testPrint(printer: string, bytes: Buffer): Promise<SendOutcome | null> {
    const transport = this.transportOf(printer);
    if (transport === null || this.closed) return null;
    const outcome = await this.inLane(printer, () => transport.send(bytes, { beforeWrite: () => undefined, requireAnswer: false }));
    this.noteAnswer(printer, outcome);
    return outcome;
  }

  private noteAnswer(printer: string, outcome: SendOutcome): void {
    if (outcome.kind === 'unconfirmed' || outcome.kind === 'uncertain') this.unanswered.add(printer);
    else if (outcome.kind === 'sent') this.unanswered.delete(printer);
  }

  /** Sends the printer's due jobs one after another, up to one the printer cannot take (tried again after retryMs). */
  private async drain(printer: string): Promise<void> {
    this.draining.add(printer);
    try {
      for (let job = await this.claim(printer); job !== null && !this.closed; job = await this.claim(printer)) {
        const transport = this.transportOf(printer);
        const outcome: SendOutcome =
          transport === null
            ? { kind: 'waiting', state: 'offline', message: `号票打印机地址不正确：${printer}` }
            : await this.inLane(printer, () => transport.send(job.bytes, { beforeWrite: () => undefined, requireAnswer: this.unanswered.has(printer) }));
        this.noteAnswer(printer, outcome);
        await this.record(job, printer, outcome);
        if (outcome.kind === 'waiting') break;
      }
    } finally {
      this.draining.delete(printer);
    }
    // jobs queued meanwhile, or the retry of one the printer could not take
    this.kick();
  }
}
