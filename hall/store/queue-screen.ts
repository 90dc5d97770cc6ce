/**
 * What the hall screen (综合屏) shows: today's latest calls and recalls from
 * the queue's event log (each one an announcement, ordered by the event id),
 * the tickets waiting per matter, and its two settings (names, announcement
 * repeats). Names are read only when the office shows them, and only masked.
 */
import { hallDayBounds } from '../../shared/domain/hall-time';
import { maskName } from '../../shared/domain/masking';
import { ticketDay } from '../../shared/domain/queue-ticket';
import { SCREEN_CALLS, type HallScreen, type ScreenNameMode } from '../../shared/hall/screen-contract';
import { inTransaction, type Client, type Pool } from '../db/pool';
import type { Hall } from './windows';

export interface ScreenSettings {
  names: ScreenNameMode;
  /** 1–3 */
  announceTimes: number;
}

export const DEFAULT_SCREEN_SETTINGS: ScreenSettings = { names: 'none', announceTimes: 1 };

export async function screenSettings(db: Client | Pool, hallId: string): Promise<ScreenSettings> {
  const { rows } = await db.query<{ screen_names: ScreenNameMode; announce_times: number }>('SELECT screen_names, announce_times FROM queue_setting WHERE hall_id = $1', [hallId]);
  const r = rows[0];
  return r === undefined ? DEFAULT_SCREEN_SETTINGS : { names: r.screen_names, announceTimes: r.announce_times };
}

/** Saves the screen's settings; the queue's other settings keep their values (or defaults when the hall has none yet). */
export async function saveScreenSettings(pool: Pool, hallId: string, s: ScreenSettings): Promise<void> {
  await pool.query(
    `INSERT INTO queue_setting (hall_id, screen_names, announce_times) VALUES ($1, $2, $3)
     ON CONFLICT (hall_id) DO UPDATE SET screen_names = EXCLUDED.screen_names, announce_times = EXCLUDED.announce_times`,
    [hallId, s.names, s.announceTimes],
  );
}

interface CallRow {
  id: string;
  kind: 'called' | 'recalled' | 'called_back';
  at: Date;
  code: string;
  window_no: string;
  matter_name: string;
  name: string | null;
}

export async function hallScreen(pool: Pool, hall: Hall, now: Date): Promise<HallScreen> {
  return inTransaction(
    pool,
    async (client) => {
      const day = ticketDay(now);
      const { start, end } = hallDayBounds(day);
      const settings = await screenSettings(client, hall.hallId);
      // the booking's applicant is joined only when names are shown: otherwise no name leaves the database
      // today's events first (the (hall_id, at) index), so a morning before the first call never walks back through past days
      const { rows: calls } = await client.query<CallRow>(
        `WITH today AS MATERIALIZED (
           SELECT id, kind, at, ticket_id, window_id, matter FROM queue_event
           WHERE hall_id = $1 AND at >= $2 AND at < $3 AND kind IN ('called', 'recalled', 'called_back'))
         SELECT e.id::text AS id, e.kind, e.at, t.code, w.window_no, m.name AS matter_name,
           CASE WHEN $5 THEN r.body -> 'applicant' ->> 'name' END AS name
         FROM today e
         JOIN queue_ticket t ON t.hall_id = $1 AND t.id = e.ticket_id
         JOIN hall_window w ON w.hall_id = $1 AND w.window_id = e.window_id
         JOIN queue_matter m ON m.hall_id = $1 AND m.matter = e.matter
         LEFT JOIN reference_row r ON $5 AND r.hall_id = $1 AND r.kind = 'booking' AND r.key = t.appointment_code AND NOT r.deleted
         ORDER BY e.id DESC LIMIT $4`,
        [hall.hallId, start, end, SCREEN_CALLS, settings.names === 'masked'],
      );
      const { rows: matters } = await client.query<{ matter: string; name: string; prefix: string; waiting: string }>(
        `SELECT m.matter, m.name, m.prefix, count(t.id) AS waiting FROM queue_matter m
         LEFT JOIN queue_ticket t ON t.hall_id = m.hall_id AND t.matter = m.matter AND t.day = $2 AND t.status = 'waiting'
         WHERE m.hall_id = $1 GROUP BY m.matter, m.name, m.prefix ORDER BY m.prefix, m.matter`,
        [hall.hallId, day],
      );
      return {
        hallName: hall.name,
        now: now.toISOString(),
        calls: calls.map((c) => ({
          id: c.id,
          kind: c.kind === 'recalled' ? ('recall' as const) : ('call' as const),
          code: c.code,
          windowNo: c.window_no,
          matterName: c.matter_name,
          at: c.at.toISOString(),
          name: c.name === null ? null : maskName(c.name),
        })),
        matters: matters.map((m) => ({ matter: m.matter, name: m.name, prefix: m.prefix, waiting: Number(m.waiting) })),
        announceTimes: settings.announceTimes,
      };
    },
    'REPEATABLE READ',
  );
}
