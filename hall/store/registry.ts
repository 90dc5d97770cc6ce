/**
 * The registry check across windows: whether a person (by keyed lookup hash)
 * has a marriage registered at any window of the hall and not followed by a
 * registered divorce (the shared currentMarriage rule).
 */
import { currentMarriage } from '../../shared/domain/marriage-rules';
import type { HallRequest, HallResponse } from '../../shared/hall/contract';
import type { Pool } from '../db/pool';

interface RegistryRow {
  case_id: string;
  kind: 'marriage' | 'divorce';
  registered_at: string;
  certificate_no: string;
  window_no: string;
  party_a_hash: string;
  party_b_hash: string;
}

export async function registryCheck(pool: Pool, hallId: string, req: HallRequest<'registryCheck'>): Promise<HallResponse<'registryCheck'>> {
  const { rows } = await pool.query<RegistryRow>(
    `SELECT r.case_id, r.kind, r.registered_at, r.certificate_no, w.window_no, r.party_a_hash, r.party_b_hash
     FROM marriage_registry r JOIN hall_window w USING (hall_id, window_id)
     WHERE r.hall_id = $1 AND (r.party_a_hash = ANY($2::text[]) OR r.party_b_hash = ANY($2::text[]))`,
    [hallId, req.hashes],
  );
  const parties = req.hashes.map((hash) => {
    const history = rows.filter((r) => r.party_a_hash === hash || r.party_b_hash === hash).map((r) => ({ ...r, registeredAt: r.registered_at }));
    const marriage = currentMarriage(history);
    return {
      hash,
      marriage: marriage === null ? null : { caseId: marriage.case_id, certificateNo: marriage.certificate_no, registeredAt: marriage.registered_at, windowNo: marriage.window_no },
    };
  });
  return { parties };
}
