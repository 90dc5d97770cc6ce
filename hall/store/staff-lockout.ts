/**
 * Lockouts spread through the hall: a lockout decided at a window (five wrong
 * PINs) reaches the hall in the window's change log, and the hall writes it
 * into the staff reference row's lockedUntil, which every window pulls. An
 * unlock at a window (its change row says so) or on the console clears it
 * the same way. Runs inside the push's transaction, for the rows it stored.
 *
 * Each lock and unlock is weighed by when it was decided (the change row's
 * time; the hall's clock for the console), not when it arrived
 * (shared/domain/lockout-order.ts): a lock that a window decided offline
 * before a console unlock does not lock the account again when it arrives,
 * and an unlock decided before a lock (five wrong PINs at a window or on the
 * console, auth.ts) does not lift it.
 * staff_lock_time (hall migration 16) keeps the latest of each. The staff
 * row is locked first, so a console edit of the account and pushes from
 * several windows take their turns; every lock or unlock row brings the
 * staff row to the windows again, so the window that sent a late lock pulls
 * the hall's answer and drops it too.
 */
import type { ChangeRow } from '../../shared/hall/contract';
import { settleLockout, type LockoutChange } from '../../shared/domain/lockout-order';
import type { Client } from '../db/pool';

/** What a stored staff change row says about the account's lockout, or null when it says nothing. */
function lockoutOf(row: ChangeRow): { staffNo: string; change: LockoutChange } | null {
  if (row.entity !== 'staff') return null;
  const { staffNo, lockedUntil, unlocked } = row.payload;
  if (typeof staffNo !== 'string') return null;
  const at = Number.isNaN(Date.parse(row.createdAt)) ? new Date().toISOString() : new Date(row.createdAt).toISOString();
  if (typeof lockedUntil === 'string' && !Number.isNaN(Date.parse(lockedUntil))) return { staffNo: staffNo.toUpperCase(), change: { lockedUntil: new Date(lockedUntil).toISOString(), at } };
  if (unlocked === true) return { staffNo: staffNo.toUpperCase(), change: { lockedUntil: null, at } };
  return null;
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** Takes one lock or unlock of the account, in its decided order; the windows pull the staff row again. The account's lockedUntil after it. */
export async function settleStaffLockout(client: Client, hallId: string, staffNo: string, change: LockoutChange): Promise<string | null> {
  const { rows } = await client.query<{ locked_until: string | null }>(
    "SELECT body->>'lockedUntil' AS locked_until FROM reference_row WHERE hall_id = $1 AND kind = 'staff' AND key = $2 AND NOT deleted FOR UPDATE",
    [hallId, staffNo],
  );
  const row = rows[0];
  if (row === undefined) return null;
  const times = await client.query<{ locked_at: Date | null; unlocked_at: Date | null }>('SELECT locked_at, unlocked_at FROM staff_lock_time WHERE hall_id = $1 AND staff_no = $2', [hallId, staffNo]);
  const held = times.rows[0];
  const next = settleLockout({ lockedUntil: row.locked_until, lockedAt: iso(held?.locked_at ?? null), unlockedAt: iso(held?.unlocked_at ?? null) }, change);
  await client.query(
    `INSERT INTO staff_lock_time (hall_id, staff_no, locked_at, unlocked_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (hall_id, staff_no) DO UPDATE SET locked_at = EXCLUDED.locked_at, unlocked_at = EXCLUDED.unlocked_at`,
    [hallId, staffNo, next.lockedAt, next.unlockedAt],
  );
  await client.query(
    `UPDATE reference_row SET body = jsonb_set(body, '{lockedUntil}', COALESCE(to_jsonb($3::text), 'null'::jsonb)), xid = pg_current_xact_id(), updated_at = clock_timestamp()
     WHERE hall_id = $1 AND kind = 'staff' AND key = $2`,
    [hallId, staffNo, next.lockedUntil],
  );
  return next.lockedUntil;
}

/** An unlock on the console (its edit has cleared lockedUntil already): remembered, so a lock decided before it arrives late. */
export async function recordConsoleUnlock(client: Client, hallId: string, staffNo: string, at: Date): Promise<void> {
  await client.query(
    `INSERT INTO staff_lock_time (hall_id, staff_no, unlocked_at) VALUES ($1, $2, $3)
     ON CONFLICT (hall_id, staff_no) DO UPDATE SET unlocked_at = GREATEST(staff_lock_time.unlocked_at, EXCLUDED.unlocked_at)`,
    [hallId, staffNo, at.toISOString()],
  );
}

/**
 * The lockouts and unlocks among a push's stored rows: by staff number (two
 * pushes lock the accounts they share in one order), each account's in seq order.
 */
export async function spreadLockouts(client: Client, hallId: string, rows: readonly ChangeRow[]): Promise<void> {
  const lockouts = rows.map(lockoutOf).filter((l) => l !== null);
  lockouts.sort((a, b) => (a.staffNo < b.staffNo ? -1 : a.staffNo > b.staffNo ? 1 : 0));
  for (const lockout of lockouts) await settleStaffLockout(client, hallId, lockout.staffNo, lockout.change);
}
