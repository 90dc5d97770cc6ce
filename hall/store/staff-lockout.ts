/**
 * Lockouts spread through the hall: a lockout decided at a window (five wrong
 * PINs) reaches the hall in the window's change log, and the hall writes it
 * into the staff reference row's lockedUntil, which every window pulls. An
 * unlock at a window (its change row says so) or on the console clears it
 * the same way. Runs inside the push's transaction, for the rows it stored.
 */
import type { ChangeRow } from '../../shared/hall/contract';
import type { Client } from '../db/pool';

/** What a stored staff change row says about the account's lockout, or null when it says nothing. */
function lockoutOf(row: ChangeRow): { staffNo: string; lockedUntil: string | null } | null {
  if (row.entity !== 'staff') return null;
  const { staffNo, lockedUntil, unlocked } = row.payload;
  if (typeof staffNo !== 'string') return null;
  if (typeof lockedUntil === 'string' && !Number.isNaN(Date.parse(lockedUntil))) return { staffNo: staffNo.toUpperCase(), lockedUntil: new Date(lockedUntil).toISOString() };
  if (unlocked === true) return { staffNo: staffNo.toUpperCase(), lockedUntil: null };
  return null;
}

/** Sets (a later lock wins) or clears the lockout of a staff reference row; the windows pull the change. */
export async function setLockout(client: Client, hallId: string, staffNo: string, lockedUntil: string | null): Promise<void> {
  await client.query(
    `UPDATE reference_row SET body = jsonb_set(body, '{lockedUntil}', COALESCE(to_jsonb($3::text), 'null'::jsonb)), xid = pg_current_xact_id(), updated_at = clock_timestamp()
     WHERE hall_id = $1 AND kind = 'staff' AND key = $2 AND NOT deleted
       AND ($3::text IS NULL AND body->>'lockedUntil' IS NOT NULL OR $3::text IS NOT NULL AND (body->>'lockedUntil' IS NULL OR body->>'lockedUntil' < $3::text))`,
    [hallId, staffNo, lockedUntil],
  );
}

/**
 * The lockouts and unlocks among a push's stored rows: by staff number (two
 * pushes lock the accounts they share in one order), each account's in seq order.
 */
export async function spreadLockouts(client: Client, hallId: string, rows: readonly ChangeRow[]): Promise<void> {
  const lockouts = rows.map(lockoutOf).filter((l) => l !== null);
  lockouts.sort((a, b) => (a.staffNo < b.staffNo ? -1 : a.staffNo > b.staffNo ? 1 : 0));
  for (const lockout of lockouts) await setLockout(client, hallId, lockout.staffNo, lockout.lockedUntil);
}
