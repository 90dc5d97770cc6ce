/**
 * The hall itself and its windows: the hall row (with the lookup key every
 * window hashes document numbers with), one-time enrolment codes, enrolment
 * and the credential check of every later request. Codes and credentials are
 * stored as SHA-256 hashes only (both are long random strings, so a fast hash
 * is enough); the plain values are shown once.
 */
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { CounterError } from '../../shared/result';
import type { HallRequest, HallResponse } from '../../shared/hall/contract';
import { inTransaction, type Client, type Pool } from '../db/pool';

export interface Hall {
  hallId: string;
  name: string;
  lookupKey: string;
}

export type DeviceKind = 'window' | 'kiosk';

/** An authenticated window (or kiosk, 取号机): the identity every request acts as. */
export interface WindowIdentity {
  hallId: string;
  windowId: string;
  windowNo: string;
  deviceKind: DeviceKind;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hall of this database: the one there is, created on first start. */
export async function ensureHall(pool: Pool, name: string): Promise<Hall> {
  return inTransaction(pool, async (client) => {
    await client.query('LOCK TABLE hall IN SHARE ROW EXCLUSIVE MODE');
    const { rows } = await client.query<{ hall_id: string; name: string; lookup_key: string }>('SELECT hall_id, name, lookup_key FROM hall ORDER BY created_at');
    if (rows.length > 1) throw new Error('this database holds several halls: the hall server serves one');
    const found = rows[0];
    if (found !== undefined) return { hallId: found.hall_id, name: found.name, lookupKey: found.lookup_key };
    const hall = { hallId: randomUUID(), name, lookupKey: randomBytes(32).toString('hex') };
    await client.query('INSERT INTO hall (hall_id, name, lookup_key) VALUES ($1, $2, $3)', [hall.hallId, hall.name, hall.lookupKey]);
    return hall;
  });
}

/** Letters and digits that cannot be mistaken for each other when read off a screen. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

/** Upper-case, without spaces and dashes: how a typed code is compared. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** A one-time enrolment code for a window (or kiosk) number, valid for ttlMinutes; returned in plain (shown once), stored hashed. db: a pool, or the caller's transaction. */
export async function createEnrolmentCode(db: Pool | Client, hallId: string, windowNo: string, ttlMinutes = 24 * 60, deviceKind: DeviceKind = 'window'): Promise<string> {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  await db.query(
    `INSERT INTO enrolment_code (hall_id, code_hash, window_no, expires_at, device_kind) VALUES ($1, $2, $3, clock_timestamp() + make_interval(mins => $4), $5)`,
    [hallId, sha256(code), windowNo, ttlMinutes, deviceKind],
  );
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

const WRONG_CODE = '登记码不正确或已过期，请在大厅管理台重新生成登记码';

/**
 * Enrols a window with a one-time code issued for its number: the code is
 * consumed, the window that held the number before (an old PC) is retired,
 * and the window gets a new credential and the hall's lookup key.
 */
export async function enrol(pool: Pool, hall: Hall, req: HallRequest<'enrol'>): Promise<HallResponse<'enrol'>> {
  const credentialSecret = randomBytes(32).toString('base64url');
  const windowId = randomUUID();
  const credential = `${windowId}.${credentialSecret}`;
  await inTransaction(pool, async (client) => {
    // consumed atomically: of two enrolments with one code only one finds it unused
    const { rows } = await client.query<{ window_no: string; device_kind: DeviceKind }>(
      `UPDATE enrolment_code SET used_at = clock_timestamp(), used_by = $3
       WHERE hall_id = $1 AND code_hash = $2 AND used_at IS NULL AND expires_at > clock_timestamp()
       RETURNING window_no, device_kind`,
      [hall.hallId, sha256(normalizeCode(req.code)), windowId],
    );
    const code = rows[0];
    if (code === undefined) throw await refusedCode(client, hall.hallId, req.code);
    if (code.window_no !== req.windowNo) {
      throw new CounterError('FORBIDDEN', `该登记码是为 ${code.window_no} 号窗口生成的，不能用于 ${req.windowNo} 号窗口`);
    }
    await client.query('UPDATE hall_window SET retired_at = clock_timestamp() WHERE hall_id = $1 AND window_no = $2 AND retired_at IS NULL', [hall.hallId, req.windowNo]);
    await client.query('INSERT INTO hall_window (hall_id, window_id, window_no, credential_hash, device_kind) VALUES ($1, $2, $3, $4, $5)', [
      hall.hallId,
      windowId,
      req.windowNo,
      sha256(credential),
      code.device_kind,
    ]);
  });
  return { hallId: hall.hallId, hallName: hall.name, windowId, windowNo: req.windowNo, credential, lookupKey: hall.lookupKey };
}

async function refusedCode(client: Client, hallId: string, code: string): Promise<CounterError> {
  const { rows } = await client.query<{ used: boolean }>('SELECT used_at IS NOT NULL AS used FROM enrolment_code WHERE hall_id = $1 AND code_hash = $2', [hallId, sha256(normalizeCode(code))]);
  if (rows[0]?.used === true) return new CounterError('FORBIDDEN', '该登记码已经使用过，每个登记码只能使用一次，请在大厅管理台重新生成');
  return new CounterError('FORBIDDEN', WRONG_CODE);
}

/**
 * The window a bearer credential belongs to (not retired); null when none.
 * Its last contact is stamped at most every few seconds, so a window's
 * parallel requests do not queue behind its own push for that row.
 */
export async function authenticate(pool: Pool, hallId: string, credential: string): Promise<WindowIdentity | null> {
  const { rows } = await pool.query<{ window_id: string; window_no: string; device_kind: DeviceKind }>(
    `WITH found AS (
       SELECT window_id, window_no, device_kind FROM hall_window WHERE hall_id = $1 AND credential_hash = $2 AND retired_at IS NULL
     ), touched AS (
       UPDATE hall_window w SET last_contact_at = clock_timestamp() FROM found
       WHERE w.hall_id = $1 AND w.window_id = found.window_id
         AND (w.last_contact_at IS NULL OR w.last_contact_at < clock_timestamp() - interval '5 seconds')
     )
     SELECT window_id, window_no, device_kind FROM found`,
    [hallId, sha256(credential)],
  );
  const row = rows[0];
  return row === undefined ? null : { hallId, windowId: row.window_id, windowNo: row.window_no, deviceKind: row.device_kind };
}
