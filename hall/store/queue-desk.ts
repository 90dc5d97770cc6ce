/**
 * The window caller's view of the queue on the hall (shared/hall/queue-desk.ts):
 * read in one REPEATABLE READ snapshot, so the counts and the current ticket agree.
 */
import type { QueueDesk } from '../../shared/hall/queue-desk';
import { ticketDay } from '../../shared/domain/queue-ticket';
import { inTransaction, type Pool } from '../db/pool';
import { mattersOfWindow, queueMatters, queueSettings } from './queue-config';
import { toTicket, TICKET_SELECT, type TicketRow } from './queue-tickets';
import type { WindowIdentity } from './windows';

/** How many passed tickets the caller lists. */
const PASSED_LISTED = 30;

type DeskRow = TicketRow & { appointment_code: string | null; document_masked: string | null };

const DESK_SELECT = `${TICKET_SELECT.replace('SELECT ', 'SELECT t.appointment_code, d.document_masked, ')}
  LEFT JOIN queue_ticket_document d ON d.hall_id = t.hall_id AND d.ticket_id = t.id`;

const deskTicket = (r: DeskRow): QueueDesk['passed'][number] => ({ ...toTicket(r), appointmentCode: r.appointment_code, documentMasked: r.document_masked });

export async function queueDesk(pool: Pool, who: WindowIdentity, now: Date): Promise<QueueDesk> {
  return inTransaction(
    pool,
    async (client) => {
      const day = ticketDay(now);
      const all = await queueMatters(client, who.hallId);
      const mine = mattersOfWindow(all, who.windowNo).map((m) => m.matter);
      const { recallCap } = await queueSettings(client, who.hallId);
      const { rows: current } = await client.query<DeskRow>(`${DESK_SELECT} WHERE t.hall_id = $1 AND t.window_id = $2 AND t.status IN ('called', 'serving')`, [who.hallId, who.windowId]);
      const { rows: counted } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM queue_ticket WHERE hall_id = $1 AND day = $2 AND status = 'waiting'
           AND (target_window_no = $3 OR (target_window_no IS NULL AND matter = ANY ($4::text[])))`,
        [who.hallId, day, who.windowNo, mine],
      );
      const { rows: passed } = await client.query<DeskRow>(
        `${DESK_SELECT} WHERE t.hall_id = $1 AND t.day = $2 AND t.status = 'passed' AND (t.window_id = $3 OR t.matter = ANY ($4::text[]))
         ORDER BY t.called_at DESC NULLS LAST LIMIT ${PASSED_LISTED}`,
        [who.hallId, day, who.windowId, mine],
      );
      const { rows: windows } = await client.query<{ window_no: string }>(
        "SELECT window_no FROM hall_window WHERE hall_id = $1 AND device_kind = 'window' AND retired_at IS NULL AND window_no <> $2 ORDER BY length(window_no), window_no",
        [who.hallId, who.windowNo],
      );
      return {
        current: current[0] === undefined ? null : deskTicket(current[0]),
        waiting: Number(counted[0]?.n ?? 0),
        recallCap,
        passed: passed.map(deskTicket),
        matters: all.map((m) => ({ matter: m.matter, name: m.name })),
        windows: windows.map((w) => w.window_no),
      };
    },
    'REPEATABLE READ',
  );
}
