/**
 * Each window's audit-chain head as the hall saw it, and the windows whose
 * new head did not extend it (for audit:verify at the window and the console).
 */
import { anchorVerdict } from '../../shared/hall/audit-anchor';
import type { AuditBreak, AuditHead } from '../../shared/hall/contract';
import type { Client, Pool } from '../db/pool';
import type { WindowIdentity } from './windows';

export interface AnchorOutcome {
  anchor: AuditHead | null;
  status: 'ok' | 'broken';
}

/** Checks a reported head against the held one, inside the push's transaction (the window row is locked). */
export async function anchorAudit(client: Client, who: WindowIdentity, reported: AuditHead, at: AuditHead | null): Promise<AnchorOutcome> {
  const { rows } = await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_head WHERE hall_id = $1 AND window_id = $2', [who.hallId, who.windowId]);
  const row = rows[0];
  const held = row === undefined ? null : { seq: Number(row.seq), hash: row.hash };
  const verdict = anchorVerdict(held, reported, at);
  if (verdict.ok) {
    await client.query(
      `INSERT INTO audit_head (hall_id, window_id, seq, hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (hall_id, window_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, updated_at = clock_timestamp()`,
      [who.hallId, who.windowId, reported.seq, reported.hash],
    );
    return { anchor: reported, status: 'ok' };
  }
  if (held === null) throw new Error('unreachable: a break needs a held head');
  await client.query(
    `INSERT INTO audit_break (hall_id, window_id, held_seq, held_hash, reported_seq, reported_hash, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [who.hallId, who.windowId, held.seq, held.hash, reported.seq, reported.hash, verdict.reason],
  );
  return { anchor: held, status: 'broken' };
}

interface BreakRow {
  window_no: string;
  held_seq: string;
  held_hash: string;
  reported_seq: string;
  reported_hash: string;
  reason: AuditBreak['reason'];
  detected_at: Date;
}

/** Windows whose chain no longer extends the head the hall saw; one window's only when windowId is given. */
export async function auditBreaks(pool: Pool, hallId: string, windowId?: string): Promise<AuditBreak[]> {
  const { rows } = await pool.query<BreakRow>(
    `SELECT w.window_no, b.held_seq, b.held_hash, b.reported_seq, b.reported_hash, b.reason, b.detected_at
     FROM audit_break b JOIN hall_window w USING (hall_id, window_id)
     WHERE b.hall_id = $1 AND ($2::uuid IS NULL OR b.window_id = $2::uuid)
     ORDER BY b.detected_at`,
    [hallId, windowId ?? null],
  );
  return rows.map((r) => ({
    windowNo: r.window_no,
    held: { seq: Number(r.held_seq), hash: r.held_hash },
    reported: { seq: Number(r.reported_seq), hash: r.reported_hash },
    reason: r.reason,
    detectedAt: r.detected_at.toISOString(),
  }));
}

/** The head the hall holds for a window, and its breaks. */
export async function auditAnchorOf(pool: Pool, who: WindowIdentity): Promise<{ head: AuditHead | null; breaks: AuditBreak[] }> {
  const { rows } = await pool.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_head WHERE hall_id = $1 AND window_id = $2', [who.hallId, who.windowId]);
  const row = rows[0];
  return { head: row === undefined ? null : { seq: Number(row.seq), hash: row.hash }, breaks: await auditBreaks(pool, who.hallId, who.windowId) };
}
