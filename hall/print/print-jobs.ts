/**
 * The kiosks' ticket print jobs on the console: the newest jobs by state, and
 * a supervisor's retry or cancel, each one audited transaction on the job's
 * locked row. Never twice: only a job of which nothing reached a printer is
 * sent again (printJobState); a retry or cancel repeated (a double click, 20
 * at once) finds the job already waiting or cancelled and writes nothing.
 */
import type { ConsoleSession } from '../../shared/hall/console-contract';
import { JOB_STATES, PRINT_JOBS_PAGE, printJobState, statusesOf, type JobState, type JobStatus, type PrintJobsResponse, type PrintJobView } from '../../shared/hall/console-printers';
import { CounterError } from '../../shared/result';
import { auditEdit } from '../console/reference-write';
import { inTransaction, type Client, type Pool } from '../db/pool';
import { lockKioskPrinter, moveWaitingJobs } from './job-layout';
import { kioskPrinterOf } from './ticket-print';

interface JobRow {
  id: string;
  kiosk_no: string;
  ticket_code: string;
  ticket_day: string;
  printer: string;
  status: JobStatus;
  message: string | null;
  attempts: number;
  created_at: Date;
  sent_at: Date | null;
}

const JOB_COLUMNS = `j.id, j.kiosk_no, t.code AS ticket_code, t.day AS ticket_day, j.printer, j.status, j.message, j.attempts, j.created_at, j.sent_at
  FROM kiosk_print_job j JOIN queue_ticket t ON t.hall_id = j.hall_id AND t.id = j.ticket_id`;

function jobView(r: JobRow): PrintJobView {
  const shown = printJobState(r.status);
  return {
    id: r.id,
    kioskNo: r.kiosk_no,
    ticketCode: r.ticket_code,
    ticketDay: r.ticket_day,
    printer: r.printer,
    state: shown.state,
    message: r.message,
    attempts: r.attempts,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
    canRetry: shown.canRetry,
    canCancel: shown.canCancel,
  };
}

/** The newest jobs of a state (all states when none), of one kiosk or all, and the counts by state. */
export async function listPrintJobs(pool: Pool, hallId: string, filter: { state: JobState | null; kioskNo: string | null }): Promise<PrintJobsResponse> {
  const statuses = filter.state === null ? null : statusesOf(filter.state);
  const { rows } = await pool.query<JobRow>(
    `SELECT ${JOB_COLUMNS}
     WHERE j.hall_id = $1 AND ($2::text[] IS NULL OR j.status = ANY ($2)) AND ($3::text IS NULL OR j.kiosk_no = $3)
     ORDER BY j.created_at DESC LIMIT $4`,
    [hallId, statuses, filter.kioskNo, PRINT_JOBS_PAGE],
  );
  const counted = await pool.query<{ status: JobStatus; n: number }>('SELECT status, count(*)::int AS n FROM kiosk_print_job WHERE hall_id = $1 AND ($2::text IS NULL OR kiosk_no = $2) GROUP BY status', [
    hallId,
    filter.kioskNo,
  ]);
  const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as PrintJobsResponse['counts'];
  for (const c of counted.rows) counts[printJobState(c.status).state] += c.n;
  return { jobs: rows.map(jobView), counts };
}

async function lockedJob(client: Client, hallId: string, id: string): Promise<JobRow> {
  const { rows } = await client.query<JobRow>(`SELECT ${JOB_COLUMNS} WHERE j.hall_id = $1 AND j.id = $2 FOR UPDATE OF j`, [hallId, id]);
  const row = rows[0];
  if (row === undefined) throw new CounterError('NOT_FOUND', '打印任务不存在（可能已被清理），请刷新');
  return row;
}

const RETRY_REFUSED: Partial<Record<JobStatus, string>> = {
  sent: '号票已经打印，不能再打印（避免一个号出两张票）',
  unconfirmed: '这张号票发送后打印机未确认，可能已经打印，为避免重复出票不能重新打印；请到取号机查看',
  cancelled: '该打印任务已取消，不能重新打印',
};

/**
 * Sends a failed job again (to the kiosk's printer as set now, laid out
 * again for its paper), its give-up time restarting. A job already waiting
 * or printing is left as it is.
 */
export async function retryPrintJob(pool: Pool, hallId: string, who: ConsoleSession, id: string): Promise<PrintJobView> {
  return inTransaction(pool, async (client) => {
    // the kiosk's lock first (as a printer change takes it): a printer set meanwhile is the one the job goes to
    const { rows } = await client.query<{ kiosk_no: string }>('SELECT kiosk_no FROM kiosk_print_job WHERE hall_id = $1 AND id = $2', [hallId, id]);
    if (rows[0] !== undefined) await lockKioskPrinter(client, hallId, rows[0].kiosk_no);
    const job = await lockedJob(client, hallId, id);
    if (job.status === 'queued' || job.status === 'sending') return jobView(job);
    const refused = RETRY_REFUSED[job.status];
    if (refused !== undefined) throw new CounterError('CONFLICT', refused);
    await client.query("UPDATE kiosk_print_job SET status = 'queued', message = NULL, retried_at = clock_timestamp(), next_try_at = clock_timestamp() WHERE hall_id = $1 AND id = $2", [hallId, id]);
    const to = await kioskPrinterOf(client, hallId, job.kiosk_no);
    if (to !== null) await moveWaitingJobs(client, hallId, to, id);
    const printer = to?.printer ?? job.printer;
    await auditEdit(client, hallId, who, 'printJob.retry', 'kioskPrintJob', id, { kioskNo: job.kiosk_no, ticket: job.ticket_code, printer });
    return jobView({ ...job, status: 'queued', message: null, printer });
  });
}

const CANCEL_REFUSED: Partial<Record<JobStatus, string>> = {
  sending: '号票正在发送到打印机，请稍后再取消',
  sent: '号票已经打印，不能取消',
};

/** Takes a waiting job off the queue, or dismisses a failed one. A job already cancelled is left as it is. */
export async function cancelPrintJob(pool: Pool, hallId: string, who: ConsoleSession, id: string): Promise<PrintJobView> {
  return inTransaction(pool, async (client) => {
    const job = await lockedJob(client, hallId, id);
    if (job.status === 'cancelled') return jobView(job);
    const refused = CANCEL_REFUSED[job.status];
    if (refused !== undefined) throw new CounterError('CONFLICT', refused);
    await client.query("UPDATE kiosk_print_job SET status = 'cancelled' WHERE hall_id = $1 AND id = $2", [hallId, id]);
    await auditEdit(client, hallId, who, 'printJob.cancel', 'kioskPrintJob', id, { kioskNo: job.kiosk_no, ticket: job.ticket_code, was: job.status });
    return jobView({ ...job, status: 'cancelled' });
  });
}
