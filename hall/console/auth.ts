/**
 * Supervisor login on the hall console, against the hall's staff reference
 * rows (the accounts every window pulls). As at the window: the slow hash runs
 * outside the transaction; the decision is taken inside it with the staff row
 * locked, so parallel wrong PINs cannot get past the fifth. The fifth wrong
 * PIN in a row writes lockedUntil into the staff row, which every window then
 * pulls, with the time it was decided (staff-lockout.ts), so an unlock that a
 * window decided before it does not lift it when it arrives later. An unknown
 * staff number and a wrong PIN get the same answer. Clerks are refused: the
 * console is for supervisors.
 */
import { randomBytes } from 'node:crypto';
import { staffReferenceSchema, type StaffReference } from '../../shared/hall/reference-bodies';
import type { ConsoleSession } from '../../shared/hall/console-contract';
import { CounterError } from '../../shared/result';
import { inTransaction, type Client, type Pool } from '../db/pool';
import { settleStaffLockout } from '../store/staff-lockout';
import { sha256, type Hall } from '../store/windows';
import { hashPin, verifyPin } from './pin';

export const MAX_WRONG_PINS = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;
export const SESSION_HOURS = 12;

/** One answer for an unknown staff number and a wrong PIN, so staff numbers cannot be probed. */
const loginWrong = (): CounterError => new CounterError('PIN_WRONG', '工号或 PIN 不正确，请核对后重试', { pin: '工号或 PIN 不正确' });

/** Compared against when a staff number is unknown, so timing does not reveal which numbers exist. */
const UNKNOWN_STAFF_HASH = hashPin('000000');

async function staffRow(db: Pool | Client, hallId: string, staffNo: string, lock: boolean): Promise<StaffReference | null> {
  const { rows } = await db.query<{ body: unknown }>(
    `SELECT body FROM reference_row WHERE hall_id = $1 AND kind = 'staff' AND key = $2 AND NOT deleted${lock ? ' FOR UPDATE' : ''}`,
    [hallId, staffNo],
  );
  const parsed = staffReferenceSchema.safeParse(rows[0]?.body);
  return parsed.success ? parsed.data : null;
}

function lockedError(staff: StaffReference, now: Date): CounterError | null {
  if (staff.lockedUntil === null) return null;
  const left = Date.parse(staff.lockedUntil) - now.getTime();
  if (!(left > 0)) return null;
  return new CounterError('ACCOUNT_LOCKED', `该账号因连续输错 PIN 已被锁定，请 ${Math.max(1, Math.ceil(left / 60000))} 分钟后再试，或请主管重置 PIN`);
}

/** Counts a wrong PIN inside the transaction; the fifth in a row locks the account at every window. */
async function wrongPin(client: Client, hallId: string, staff: StaffReference, now: Date): Promise<CounterError> {
  const { rows } = await client.query<{ failed_pins: number }>(
    `INSERT INTO console_pin_failure (hall_id, staff_no, failed_pins) VALUES ($1, $2, 1)
     ON CONFLICT (hall_id, staff_no) DO UPDATE SET failed_pins = console_pin_failure.failed_pins + 1 RETURNING failed_pins`,
    [hallId, staff.staffNo],
  );
  if ((rows[0]?.failed_pins ?? 0) < MAX_WRONG_PINS) return loginWrong();
  await client.query('DELETE FROM console_pin_failure WHERE hall_id = $1 AND staff_no = $2', [hallId, staff.staffNo]);
  // decided now, as a window's lockout is decided when its row was written: an unlock decided earlier that arrives later does not lift it
  const locked = await settleStaffLockout(client, hallId, staff.staffNo, { lockedUntil: new Date(now.getTime() + LOCKOUT_MS).toISOString(), at: now.toISOString() });
  if (locked === null) return loginWrong();
  return new CounterError('ACCOUNT_LOCKED', `PIN 连续输错 ${MAX_WRONG_PINS} 次，账号已锁定 5 分钟，请稍后再试或请主管重置 PIN`);
}

export interface LoggedIn {
  token: string;
  session: ConsoleSession;
}

type Outcome = { ok: LoggedIn } | { refused: CounterError };

export async function login(pool: Pool, hall: Hall, staffNoTyped: string, pin: string): Promise<LoggedIn> {
  const staffNo = staffNoTyped.trim().toUpperCase();
  const proved = await staffRow(pool, hall.hallId, staffNo, false);
  if (proved === null) {
    await verifyPin(pin, await UNKNOWN_STAFF_HASH);
    throw loginWrong();
  }
  const early = lockedError(proved, new Date());
  if (early) throw early;
  const matches = await verifyPin(pin, proved.pinHash);
  const outcome = await inTransaction(pool, async (client): Promise<Outcome> => {
    const now = new Date();
    const staff = await staffRow(client, hall.hallId, staffNo, true);
    if (staff === null) return { refused: loginWrong() };
    const locked = lockedError(staff, now);
    if (locked) return { refused: locked };
    // the stored hash changed while this PIN was hashed (a window pushed the account, perhaps with the same PIN under its own hash):
    // the PIN is checked again against what is stored now (rare, so with the row locked)
    const nowMatches = staff.pinHash === proved.pinHash ? matches : await verifyPin(pin, staff.pinHash);
    if (!nowMatches) {
      // right for the old hash, wrong for the new one: the PIN was changed meanwhile
      if (matches) return { refused: new CounterError('CONFLICT', 'PIN 刚刚已被修改，本次登录未生效，请用新的 PIN 重试') };
      return { refused: await wrongPin(client, hall.hallId, staff, now) };
    }
    await client.query('DELETE FROM console_pin_failure WHERE hall_id = $1 AND staff_no = $2', [hall.hallId, staff.staffNo]);
    if (!staff.active) return { refused: new CounterError('ACCOUNT_DISABLED', '该账号已停用，请联系主管') };
    if (staff.role !== 'supervisor') return { refused: new CounterError('FORBIDDEN', '大厅管理台仅限主管登录，窗口工作人员请在本窗口的工作台登录') };
    const token = randomBytes(32).toString('base64url');
    await client.query(
      `INSERT INTO console_session (hall_id, token_hash, staff_no, staff_name, expires_at) VALUES ($1, $2, $3, $4, clock_timestamp() + make_interval(hours => $5))`,
      [hall.hallId, sha256(token), staff.staffNo, staff.name, SESSION_HOURS],
    );
    return { ok: { token, session: { staffNo: staff.staffNo, name: staff.name, hallName: hall.name } } };
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome.ok;
}

/** Sessions unexpired, of a supervisor still active in the staff rows ($2: their token hashes). */
const LIVE_SESSIONS = `FROM console_session s
     JOIN reference_row r ON r.hall_id = s.hall_id AND r.kind = 'staff' AND r.key = s.staff_no AND NOT r.deleted
     WHERE s.hall_id = $1 AND s.token_hash = ANY ($2::text[]) AND s.expires_at > clock_timestamp()
       AND r.body->>'role' = 'supervisor' AND r.body->>'active' = 'true'`;

/** The supervisor of a session cookie: unexpired, and still an active supervisor in the staff rows. */
export async function sessionOf(pool: Pool, hall: Hall, token: string): Promise<ConsoleSession | null> {
  const { rows } = await pool.query<{ staff_no: string; staff_name: string }>(`SELECT s.staff_no, s.staff_name ${LIVE_SESSIONS}`, [hall.hallId, [sha256(token)]]);
  const row = rows[0];
  return row === undefined ? null : { staffNo: row.staff_no, name: row.staff_name, hallName: hall.name };
}

/** Of these sessions (their token hashes), the ones still live as sessionOf judges them. */
export async function liveSessions(pool: Pool, hall: Hall, tokenHashes: readonly string[]): Promise<ReadonlySet<string>> {
  const { rows } = await pool.query<{ token_hash: string }>(`SELECT s.token_hash ${LIVE_SESSIONS}`, [hall.hallId, tokenHashes]);
  return new Set(rows.map((r) => r.token_hash));
}

export async function logout(pool: Pool, hall: Hall, token: string): Promise<void> {
  await pool.query('DELETE FROM console_session WHERE hall_id = $1 AND (token_hash = $2 OR expires_at < clock_timestamp())', [hall.hallId, sha256(token)]);
}
