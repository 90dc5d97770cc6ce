/**
 * The kiosks and their ticket printers as the console shows and sets them:
 * every paired kiosk (hall_window of kind 'kiosk') and every kiosk number
 * with a printer, with its last contact and its jobs waiting or failed; a
 * printer set in one audited transaction (a save that changes nothing writes
 * nothing), its waiting jobs moved to the new address (laid out again for
 * another paper width: job-layout.ts); a test page sent
 * through the print worker in turn with the printer's ticket jobs.
 */
import { windowFlags } from '../../shared/hall/board';
import type { ConsoleSession } from '../../shared/hall/console-contract';
import { printerUri, type KioskView, type PrinterAddress } from '../../shared/hall/console-printers';
import { parsePrinterUri } from '../../shared/print/printer-uri';
import { buildTestPage } from '../../shared/print/test-page';
import { auditEdit } from '../console/reference-write';
import { inTransaction, type Pool } from '../db/pool';
import type { Hall } from '../store/windows';
import { lockKioskPrinter, moveWaitingJobs } from './job-layout';
import { documentBytes } from './ticket-print';
import type { KioskPrintWorker } from './worker';

interface KioskRow {
  kiosk_no: string;
  enrolled: boolean;
  last_contact_at: Date | null;
  printer: string | null;
  paper_width: number | null;
  set_by_name: string | null;
  set_at: Date | null;
  waiting: number;
  failed: number;
  now: Date;
}

function kioskView(r: KioskRow, offlineMinutes: number): KioskView {
  const parsed = r.printer === null ? null : parsePrinterUri(r.printer);
  const target = parsed?.ok === true && parsed.target.kind === 'tcp' ? parsed.target : null;
  const lastContactAt = r.last_contact_at?.toISOString() ?? null;
  return {
    kioskNo: r.kiosk_no,
    enrolled: r.enrolled,
    lastContactAt,
    offline: windowFlags({ lastContactAt, backlogRows: null, backlogOldestAt: null }, r.now, offlineMinutes).offline,
    printer: target === null ? null : { host: target.host, port: target.port, paperWidth: r.paper_width === 58 ? 58 : 80 },
    setBy: r.printer === null ? null : r.set_by_name,
    setAt: r.set_at?.toISOString() ?? null,
    waiting: r.waiting,
    failed: r.failed,
  };
}

/** Every kiosk: paired ones and kiosk numbers with a printer, in number order. */
export async function listKiosks(pool: Pool, hallId: string, offlineMinutes: number): Promise<KioskView[]> {
  const { rows } = await pool.query<KioskRow>(
    `WITH kiosk AS (
       SELECT window_no AS kiosk_no FROM hall_window WHERE hall_id = $1 AND device_kind = 'kiosk' AND retired_at IS NULL
       UNION SELECT kiosk_no FROM kiosk_printer WHERE hall_id = $1
     )
     SELECT k.kiosk_no, w.window_id IS NOT NULL AS enrolled, w.last_contact_at, p.printer, p.paper_width, p.set_by_name, p.set_at,
       (SELECT count(*)::int FROM kiosk_print_job j WHERE j.hall_id = $1 AND j.kiosk_no = k.kiosk_no AND j.status IN ('queued', 'sending')) AS waiting,
       (SELECT count(*)::int FROM kiosk_print_job j WHERE j.hall_id = $1 AND j.kiosk_no = k.kiosk_no AND j.status IN ('failed', 'unconfirmed')) AS failed,
       clock_timestamp() AS now
     FROM kiosk k
     LEFT JOIN hall_window w ON w.hall_id = $1 AND w.window_no = k.kiosk_no AND w.device_kind = 'kiosk' AND w.retired_at IS NULL
     LEFT JOIN kiosk_printer p ON p.hall_id = $1 AND p.kiosk_no = k.kiosk_no
     ORDER BY length(k.kiosk_no), k.kiosk_no`,
    [hallId],
  );
  return rows.map((r) => kioskView(r, offlineMinutes));
}

/**
 * Sets (null: takes away) a kiosk's printer on the console, in one
 * transaction under the kiosk's lock: the row, who set it, the kiosk's
 * waiting jobs moved to the new address and paper, and the audit. True when it changed.
 */
export async function saveKioskPrinter(pool: Pool, hallId: string, who: ConsoleSession, kioskNo: string, printer: PrinterAddress | null): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    await lockKioskPrinter(client, hallId, kioskNo);
    const { rows } = await client.query<{ printer: string; paper_width: number }>('SELECT printer, paper_width FROM kiosk_printer WHERE hall_id = $1 AND kiosk_no = $2', [hallId, kioskNo]);
    const before = rows[0] ?? null;
    if (printer === null) {
      if (before === null) return false;
      await client.query('DELETE FROM kiosk_printer WHERE hall_id = $1 AND kiosk_no = $2', [hallId, kioskNo]);
      await auditEdit(client, hallId, who, 'kioskPrinter.delete', 'kioskPrinter', kioskNo, { before: before.printer });
      return true;
    }
    const uri = printerUri(printer);
    if (before !== null && before.printer === uri && before.paper_width === printer.paperWidth) return false;
    await client.query(
      `INSERT INTO kiosk_printer (hall_id, kiosk_no, printer, paper_width, set_by_staff_no, set_by_name, set_at) VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())
       ON CONFLICT (hall_id, kiosk_no) DO UPDATE SET printer = EXCLUDED.printer, paper_width = EXCLUDED.paper_width,
         set_by_staff_no = EXCLUDED.set_by_staff_no, set_by_name = EXCLUDED.set_by_name, set_at = EXCLUDED.set_at`,
      [hallId, kioskNo, uri, printer.paperWidth, who.staffNo, who.name],
    );
    const moved = await moveWaitingJobs(client, hallId, { kioskNo, printer: uri, paperWidth: printer.paperWidth });
    await auditEdit(client, hallId, who, 'kioskPrinter.save', 'kioskPrinter', kioskNo, { printer: uri, paperWidth: printer.paperWidth, before: before?.printer ?? null, movedJobs: moved });
    return true;
  });
}

export const TEST_PRINTED = '测试页已打印：打印机收下了全部内容并回应了状态，请核对纸上的文字、刻度和二维码';

/** Prints the test page on the address the form holds (saved or not); printed, or the printer's problem. */
export async function kioskTestPrint(worker: KioskPrintWorker, hall: Hall, who: ConsoleSession, kioskNo: string, printer: PrinterAddress, now: Date): Promise<{ printed: boolean; message: string }> {
  const page = buildTestPage({
    hallName: hall.name,
    department: '',
    windowNo: kioskNo,
    station: `取号机 ${kioskNo}`,
    printer: `网络打印机 ${printer.host}:${printer.port}`,
    paperWidth: printer.paperWidth,
    printedAt: now.toISOString(),
    requestedBy: `${who.name}（${who.staffNo}）`,
  });
  const outcome = await worker.testPrint(printerUri(printer), documentBytes(page, printer.paperWidth));
  if (outcome === null) return { printed: false, message: '打印机地址不正确，应为网络打印机的 IP 地址和端口' };
  if (outcome.kind === 'sent') return { printed: true, message: TEST_PRINTED };
  return { printed: false, message: outcome.message };
}
