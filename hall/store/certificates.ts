/**
 * Hall-wide certificate numbers: one counter per (kind, year) taken with an
 * atomic upsert, so two windows never get the same number. A window may lease
 * a small block in advance for registering while the hall is out of reach and
 * reports the numbers it used; allocated numbers nobody used are listed as gaps.
 */
import { CounterError } from '../../shared/result';
import type { HallRequest, HallResponse } from '../../shared/hall/contract';
import { inTransaction, type Client, type Pool } from '../db/pool';
import type { WindowIdentity } from './windows';

const MAX_SEQ = 999_999;

/** Advances the counter by count and returns the last number allocated. */
async function allocate(client: Client, hallId: string, kind: string, year: number, count: number): Promise<number> {
  const { rows } = await client.query<{ last_seq: number }>(
    `INSERT INTO certificate_counter (hall_id, kind, year, last_seq) VALUES ($1, $2, $3, $4)
     ON CONFLICT (hall_id, kind, year) DO UPDATE SET last_seq = certificate_counter.last_seq + EXCLUDED.last_seq
     RETURNING last_seq`,
    [hallId, kind, year, count],
  );
  const last = rows[0]?.last_seq ?? 0;
  if (last > MAX_SEQ) throw new CounterError('CONFLICT', `${year} 年的证书流水号已用完（最大 ${MAX_SEQ}），请联系信息科`);
  return last;
}

export async function nextCertificate(pool: Pool, who: WindowIdentity, req: HallRequest<'certificateNext'>): Promise<HallResponse<'certificateNext'>> {
  return inTransaction(pool, async (client) => {
    const seq = await allocate(client, who.hallId, req.kind, req.year, 1);
    await client.query('INSERT INTO certificate_number (hall_id, kind, year, seq, window_id) VALUES ($1, $2, $3, $4, $5)', [who.hallId, req.kind, req.year, seq, who.windowId]);
    return { kind: req.kind, year: req.year, seq };
  });
}

export async function leaseCertificates(pool: Pool, who: WindowIdentity, req: HallRequest<'certificateLease'>): Promise<HallResponse<'certificateLease'>> {
  return inTransaction(pool, async (client) => {
    const lastSeq = await allocate(client, who.hallId, req.kind, req.year, req.count);
    const firstSeq = lastSeq - req.count + 1;
    const { rows } = await client.query<{ lease_id: string }>(
      'INSERT INTO certificate_lease (hall_id, window_id, kind, year, first_seq, last_seq) VALUES ($1, $2, $3, $4, $5, $6) RETURNING lease_id',
      [who.hallId, who.windowId, req.kind, req.year, firstSeq, lastSeq],
    );
    return { leaseId: rows[0]?.lease_id ?? '', kind: req.kind, year: req.year, firstSeq, lastSeq };
  });
}

/** Records leased numbers the window used (idempotent); numbers outside its own leases are refused. */
export async function recordUsed(pool: Pool, who: WindowIdentity, req: HallRequest<'certificateUsed'>): Promise<HallResponse<'certificateUsed'>> {
  return inTransaction(pool, async (client) => {
    const { rows: outside } = await client.query<{ seq: number }>(
      `SELECT s AS seq FROM unnest($5::int[]) AS s
       WHERE NOT EXISTS (SELECT 1 FROM certificate_lease l WHERE l.hall_id = $1 AND l.window_id = $2 AND l.kind = $3 AND l.year = $4 AND s BETWEEN l.first_seq AND l.last_seq)`,
      [who.hallId, who.windowId, req.kind, req.year, req.seqs],
    );
    if (outside.length > 0) {
      throw new CounterError('FORBIDDEN', `流水号 ${outside.map((r) => r.seq).join('、')} 不在本窗口预领的号段内`);
    }
    const inserted = await client.query(
      `INSERT INTO certificate_number (hall_id, kind, year, seq, window_id, lease_id)
       SELECT $1, $3, $4, s, $2, l.lease_id FROM unnest($5::int[]) AS s
       JOIN certificate_lease l ON l.hall_id = $1 AND l.window_id = $2 AND l.kind = $3 AND l.year = $4 AND s BETWEEN l.first_seq AND l.last_seq
       ON CONFLICT DO NOTHING`,
      [who.hallId, who.windowId, req.kind, req.year, req.seqs],
    );
    return { recorded: inserted.rowCount ?? 0 };
  });
}

/**
 * A typed certificate number, claimed for the asking window: refused when
 * another window of the hall claimed it or registered a case under it (the
 * pushed registry); the same window may claim it again (a retried or refused
 * registration).
 */
export async function claimCertificate(pool: Pool, who: WindowIdentity, req: HallRequest<'certificateClaim'>): Promise<HallResponse<'certificateClaim'>> {
  return inTransaction(pool, async (client) => {
    await client.query(
      'INSERT INTO certificate_claim (hall_id, certificate_no, window_id) VALUES ($1, $2, $3) ON CONFLICT (hall_id, certificate_no) DO NOTHING',
      [who.hallId, req.certificateNo, who.windowId],
    );
    const { rows } = await client.query<{ window_no: string }>(
      `SELECT w.window_no FROM certificate_claim c JOIN hall_window w USING (hall_id, window_id)
       WHERE c.hall_id = $1 AND c.certificate_no = $2 AND c.window_id <> $3
       UNION ALL
       SELECT w.window_no FROM marriage_registry r JOIN hall_window w USING (hall_id, window_id)
       WHERE r.hall_id = $1 AND r.certificate_no = $2 AND r.window_id <> $3
       LIMIT 1`,
      [who.hallId, req.certificateNo, who.windowId],
    );
    const other = rows[0];
    if (other !== undefined) throw new CounterError('CONFLICT', `证书字号 ${req.certificateNo} 已在本大厅 ${other.window_no} 号窗口使用，请核对证书上的字号`);
    return { certificateNo: req.certificateNo };
  });
}

export async function certificateGaps(pool: Pool, hallId: string, req: HallRequest<'certificateGaps'>): Promise<HallResponse<'certificateGaps'>> {
  const { rows: counter } = await pool.query<{ last_seq: number }>('SELECT last_seq FROM certificate_counter WHERE hall_id = $1 AND kind = $2 AND year = $3', [hallId, req.kind, req.year]);
  const lastSeq = counter[0]?.last_seq ?? 0;
  const { rows } = await pool.query<{ seq: number; window_no: string | null }>(
    `SELECT s AS seq, w.window_no FROM generate_series(1, $4::int) AS s
     LEFT JOIN certificate_number n ON n.hall_id = $1 AND n.kind = $2 AND n.year = $3 AND n.seq = s
     LEFT JOIN certificate_lease l ON l.hall_id = $1 AND l.kind = $2 AND l.year = $3 AND s BETWEEN l.first_seq AND l.last_seq
     LEFT JOIN hall_window w ON w.hall_id = l.hall_id AND w.window_id = l.window_id
     WHERE n.seq IS NULL ORDER BY s`,
    [hallId, req.kind, req.year, lastSeq],
  );
  return { lastSeq, gaps: rows.map((r) => ({ seq: r.seq, leasedTo: r.window_no })) };
}
