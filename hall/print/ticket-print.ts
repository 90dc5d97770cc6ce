/**
 * A kiosk ticket on paper: what to bring (the newest catalogue's materials
 * for the matter), the ticket's document (shared/print/slips/queue-ticket.ts)
 * laid out and encoded with the windows' ESC/POS encoder (escpos/), and its
 * print job (the bytes, and the document and paper width they were laid out
 * for), recorded in the transaction that takes the ticket so a ticket has at
 * most one job whatever is repeated.
 */
import { z } from 'zod';
import { encodeEscPos, type LineImager } from '../../escpos/escpos';
import { printsNatively } from '../../escpos/gb18030';
import { compareCatalogueVersions, catalogueSchema } from '../../shared/catalogue/schema';
import { PAPER_COLUMNS, type PaperWidth, type PrintDocument } from '../../shared/print/document';
import { layoutDocument } from '../../shared/print/layout';
import { queueTicketDocument, type QueueTicketSlip } from '../../shared/print/slips/queue-ticket';
import type { Client, Pool } from '../db/pool';
import type { WindowIdentity } from '../store/windows';

const catalogueBodySchema = z.object({ catalogue: catalogueSchema });

/** The names of the materials to bring for a matter (the required ones, or all when none is marked required); empty when the catalogue lacks it. */
export async function ticketChecklist(client: Client, hallId: string, matter: string): Promise<string[]> {
  const { rows } = await client.query<{ key: string; body: unknown }>("SELECT key, body FROM reference_row WHERE hall_id = $1 AND kind = 'catalogueVersion' AND NOT deleted", [hallId]);
  const newest = rows.sort((a, b) => compareCatalogueVersions(b.key, a.key))[0];
  const parsed = catalogueBodySchema.safeParse(newest?.body);
  const item = parsed.success ? parsed.data.catalogue.items.find((i) => i.code === matter) : undefined;
  if (item === undefined) return [];
  const required = item.materials.filter((m) => m.required);
  return (required.length > 0 ? required : item.materials).map((m) => m.name);
}

/** A line the printer's font cannot print whole: the missing characters print as □ (the hall renders no images). */
const placeholderImager: LineImager = (line) => [...line].map((ch) => (printsNatively(ch) ? ch : '□')).join('');

/** A document's ESC/POS bytes for the paper width (a ticket, the console's test page). */
export function documentBytes(doc: PrintDocument, paperWidth: PaperWidth): Buffer {
  return encodeEscPos(layoutDocument(doc, { columns: PAPER_COLUMNS[paperWidth] }), placeholderImager);
}

export interface KioskPrinter {
  kioskNo: string;
  /** tcp://HOST:PORT */
  printer: string;
  paperWidth: PaperWidth;
}

/**
 * `npm run hall -- --kiosk-printer K1=tcp://…` seeds a kiosk's printer: set
 * when the kiosk has none or the command line set it before; a printer a
 * supervisor set on the console is kept (false: kept). README "Kiosk printers".
 */
export async function setKioskPrinter(pool: Pool, hallId: string, kioskNo: string, printer: { uri: string; paperWidth: PaperWidth }): Promise<boolean> {
  const { rowCount } = await pool.query(
    `INSERT INTO kiosk_printer (hall_id, kiosk_no, printer, paper_width) VALUES ($1, $2, $3, $4)
     ON CONFLICT (hall_id, kiosk_no) DO UPDATE SET printer = EXCLUDED.printer, paper_width = EXCLUDED.paper_width, set_at = clock_timestamp()
     WHERE kiosk_printer.set_by_staff_no IS NULL`,
    [hallId, kioskNo, printer.uri, printer.paperWidth],
  );
  return rowCount === 1;
}

/** The kiosk's printer as set now; null when it has none. */
export async function kioskPrinterOf(client: Client, hallId: string, kioskNo: string): Promise<KioskPrinter | null> {
  const { rows } = await client.query<{ printer: string; paper_width: number }>('SELECT printer, paper_width FROM kiosk_printer WHERE hall_id = $1 AND kiosk_no = $2', [hallId, kioskNo]);
  const row = rows[0];
  return row === undefined ? null : { kioskNo, printer: row.printer, paperWidth: row.paper_width === 58 ? 58 : 80 };
}

/**
 * Queues the ticket a kiosk just took on the kiosk's printer (inside the
 * take's transaction); nothing when the kiosk has no printer. True when a job was queued.
 */
export async function queueTicketPrint(client: Client, who: WindowIdentity, slip: Omit<QueueTicketSlip, 'hallName'>): Promise<boolean> {
  const printer = await kioskPrinterOf(client, who.hallId, who.windowNo);
  if (printer === null) return false;
  const { rows } = await client.query<{ name: string }>('SELECT name FROM hall WHERE hall_id = $1', [who.hallId]);
  // the document is kept with the job: moved to a printer with other paper, it is laid out again (job-layout.ts)
  const document = queueTicketDocument({ ...slip, hallName: rows[0]?.name ?? '' });
  await client.query('INSERT INTO kiosk_print_job (hall_id, ticket_id, kiosk_no, printer, bytes, document, paper_width) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    who.hallId,
    slip.ticketId,
    who.windowNo,
    printer.printer,
    documentBytes(document, printer.paperWidth),
    JSON.stringify(document),
    printer.paperWidth,
  ]);
  return true;
}
