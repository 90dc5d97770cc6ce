/**
 * The console's live board: every enrolled window (kiosks are listed with
 * their printers, kiosk-printers.ts) with what its last push
 * reported (who is at it, 在岗 / 暂停 / 未开放, printer problem, backlog),
 * its last contact, audit-chain breaks, quarantined rows, and its open and
 * overdue cases (cases.ts).
 */
import { countOpenCases, type OpenCaseCount } from '../../shared/domain/hall-open-cases';
import { hallDate } from '../../shared/domain/hall-time';
import { windowFlags } from '../../shared/hall/board';
import type { BoardResponse, BoardWindow } from '../../shared/hall/console-contract';
import { windowStatusSchema } from '../../shared/hall/contract';
import type { Pool } from '../db/pool';
import { auditBreaks } from '../store/audit-anchor';
import { quarantinedRows } from '../store/push';
import type { Hall } from '../store/windows';
import { allOpenCases } from './cases';

export const DEFAULT_OFFLINE_MINUTES = 5;

export async function offlineMinutes(pool: Pool, hallId: string): Promise<number> {
  const { rows } = await pool.query<{ offline_minutes: number }>('SELECT offline_minutes FROM console_setting WHERE hall_id = $1', [hallId]);
  return rows[0]?.offline_minutes ?? DEFAULT_OFFLINE_MINUTES;
}

export async function setOfflineMinutes(pool: Pool, hallId: string, minutes: number): Promise<number> {
  await pool.query(
    `INSERT INTO console_setting (hall_id, offline_minutes) VALUES ($1, $2) ON CONFLICT (hall_id) DO UPDATE SET offline_minutes = EXCLUDED.offline_minutes`,
    [hallId, minutes],
  );
  return minutes;
}

interface WindowRow {
  window_no: string;
  enrolled_at: Date;
  last_contact_at: Date | null;
  acked_seq: string;
  status: unknown;
  backlog_rows: number | null;
  backlog_oldest_at: string | null;
  audit_broken: boolean;
  quarantined: string;
  now: Date;
}

function boardWindow(r: WindowRow, minutes: number, cases: readonly OpenCaseCount[]): BoardWindow {
  const open = cases.find((c) => c.windowNo === r.window_no);
  const status = windowStatusSchema.safeParse(r.status);
  const s = status.success ? status.data : null;
  const flags = windowFlags({ lastContactAt: r.last_contact_at?.toISOString() ?? null, backlogRows: r.backlog_rows, backlogOldestAt: r.backlog_oldest_at }, r.now, minutes);
  return {
    windowNo: r.window_no,
    enrolledAt: r.enrolled_at.toISOString(),
    lastContactAt: r.last_contact_at?.toISOString() ?? null,
    offline: flags.offline,
    staffNo: s?.staffNo ?? null,
    staffName: s?.staffName ?? null,
    state: s?.state ?? 'unknown',
    whereabouts: s?.whereabouts ?? null,
    printerProblem: s?.printerProblem ?? null,
    backlogRows: r.backlog_rows,
    lagMinutes: flags.lagMinutes,
    ackedSeq: Number(r.acked_seq),
    auditBroken: r.audit_broken,
    quarantined: Number(r.quarantined),
    openCases: open?.open ?? 0,
    overdueCases: open?.overdue ?? 0,
  };
}

export async function board(pool: Pool, hall: Hall): Promise<BoardResponse> {
  const minutes = await offlineMinutes(pool, hall.hallId);
  const { rows } = await pool.query<WindowRow>(
    `SELECT w.window_no, w.enrolled_at, w.last_contact_at, w.acked_seq, w.status, w.backlog_rows, w.backlog_oldest_at,
       EXISTS (SELECT 1 FROM audit_break b WHERE b.hall_id = w.hall_id AND b.window_id = w.window_id) AS audit_broken,
       (SELECT count(*) FROM quarantine q WHERE q.hall_id = w.hall_id AND q.window_id = w.window_id AND q.resolved_at IS NULL) AS quarantined,
       clock_timestamp() AS now
     FROM hall_window w WHERE w.hall_id = $1 AND w.retired_at IS NULL AND w.device_kind = 'window'
     ORDER BY length(w.window_no), w.window_no`,
    [hall.hallId],
  );
  const quarantined = await quarantinedRows(pool, hall.hallId);
  const cases = countOpenCases(await allOpenCases(pool, hall.hallId, hallDate(rows[0]?.now ?? new Date())));
  return {
    hallName: hall.name,
    now: (rows[0]?.now ?? new Date()).toISOString(),
    offlineMinutes: minutes,
    windows: rows.map((r) => boardWindow(r, minutes, cases)),
    auditBreaks: await auditBreaks(pool, hall.hallId),
    quarantined: quarantined.map((q) => ({ windowNo: q.windowNo, seq: q.seq, reason: q.reason, receivedAt: q.receivedAt })),
  };
}
