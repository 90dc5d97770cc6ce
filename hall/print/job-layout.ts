/**
 * A kiosk's waiting ticket jobs follow its printer: moved to the printer set
 * now and, when its paper is of another width (58 / 80 mm), laid out again
 * for it from the document kept with the job (hall migration 19), as the
 * window's print queue does (electron/services/printing/job-log.ts
 * relayoutQueued). Runs in the caller's transaction under the kiosk's lock,
 * on the jobs' locked rows: a job the worker has claimed ('sending') is not
 * touched; if nothing of it reached the printer it comes back to queued under
 * the same lock and follows then (worker.ts).
 */
import { storedDocument, type PaperWidth } from '../../shared/print/document';
import { LayoutError } from '../../shared/print/layout';
import type { Client } from '../db/pool';
import { documentBytes, type KioskPrinter } from './ticket-print';

/** Serialises the changes of one kiosk's printer with the moves of its jobs, until the transaction ends. */
export async function lockKioskPrinter(client: Client, hallId: string, kioskNo: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`kiosk-printer:${hallId}:${kioskNo}`]);
}

/** The job's bytes for the new paper; null: kept as they are (a job queued before migration 19, or a document the paper cannot take). */
function laidOutAgain(document: unknown, paperWidth: PaperWidth): Buffer | null {
  const doc = storedDocument(document);
  if (doc === null) return null;
  try {
    return documentBytes(doc, paperWidth);
  } catch (error) {
    if (error instanceof LayoutError) return null; // it prints as laid out for the old paper
    throw error;
  }
}

/**
 * Moves the kiosk's waiting jobs (only: just that one) to its printer, laid
 * out again when the paper width differs; a job moved to another printer is
 * tried there now, the old printer's problem no longer its own. The number of
 * jobs changed: none when all are already there as they should be.
 */
export async function moveWaitingJobs(client: Client, hallId: string, to: KioskPrinter, only: string | null = null): Promise<number> {
  const { rows } = await client.query<{ id: string; document: unknown; paper_width: number | null }>(
    `SELECT id, document, paper_width FROM kiosk_print_job
     WHERE hall_id = $1 AND kiosk_no = $2 AND status = 'queued' AND ($5::uuid IS NULL OR id = $5)
       AND (printer <> $3 OR (document IS NOT NULL AND paper_width <> $4))
     ORDER BY created_at FOR UPDATE`,
    [hallId, to.kioskNo, to.printer, to.paperWidth, only],
  );
  for (const job of rows) {
    const bytes = job.paper_width === to.paperWidth ? null : laidOutAgain(job.document, to.paperWidth);
    await client.query(
      `UPDATE kiosk_print_job SET bytes = coalesce($4, bytes), paper_width = CASE WHEN $4::bytea IS NULL THEN paper_width ELSE $5 END,
         message = CASE WHEN printer = $3 THEN message END, next_try_at = CASE WHEN printer = $3 THEN next_try_at ELSE least(next_try_at, clock_timestamp()) END, printer = $3
       WHERE hall_id = $1 AND id = $2`,
      [hallId, job.id, to.printer, bytes, to.paperWidth],
    );
  }
  return rows.length;
}
