/**
 * Applying the reference rows pulled from the hall, by kind and key, inside
 * the page's write transaction: every kind the hall owns (office settings,
 * peak days and bookings in apply-hall-kinds.ts). A row applied twice changes
 * nothing more (the pull may send a row again). A body the window cannot
 * read is skipped and reported; it never blocks the rows after it.
 */
import type { ReferenceRow } from '../../../shared/hall/contract';
import { validateCatalogue } from '../../../shared/catalogue/schema';
import { calendarOverrideReferenceSchema, catalogueVersionReferenceSchema, commitmentReferenceSchema, staffReferenceSchema } from '../../../shared/hall/reference-bodies';
import type { Settings } from '../../../shared/settings';
import type { CoreContext } from '../core/context';
import type { Db } from '../db/connection';
import type { Origin } from '../db/ledger';
import { newId } from '../core/ids';
import { insertCommitment } from '../window/commitments-repo';
import { adoptHallCatalogue } from '../reference/catalogue-service';
import { deleteOverrideRow, insertOverride, overrideOn, updateOverride } from '../reference/calendar-repo';
import { insertStaffRow, staffByNo } from '../staff/staff-repo';
import { HallBookings, SettingsPatch } from './apply-hall-kinds';

export interface Applied {
  applied: number;
  /** Rows whose body the window could not apply, in the clerk's words. */
  skipped: string[];
  calendarChanged: boolean;
  /** Staff, commitments or office settings changed: the public display shows them. */
  displayChanged: boolean;
  /** The settings the page changes (office settings, peak days), for the caller to write with the transaction; null: none. */
  settings: Partial<Settings> | null;
}

/** Whether a lockout or unlock decided at this window is still waiting in the change log for the hall. */
function lockoutNotSent(db: Db, staffId: string): boolean {
  const row = db
    .prepare(
      `SELECT 1 FROM change_log WHERE synced_at IS NULL AND entity = 'staff' AND entity_id = ?
         AND (json_extract(payload, '$.lockedUntil') IS NOT NULL OR json_extract(payload, '$.unlocked') = 1) LIMIT 1`,
    )
    .get(staffId);
  return row !== undefined;
}

function applyStaff(db: Db, origin: Origin, row: ReferenceRow, at: string): void {
  const existing = staffByNo(db, row.key);
  if (row.deleted) {
    if (existing) db.prepare('UPDATE staff SET active = 0, updated_at = ? WHERE id = ?').run(at, existing.id);
    return;
  }
  const s = staffReferenceSchema.parse(row.body);
  if (!existing) {
    insertStaffRow(db, origin, { id: newId(), staffNo: s.staffNo, name: s.name, title: s.title, duties: s.duties, partyMember: s.partyMember, role: s.role, pinHash: s.pinHash, photoFile: null, at });
    db.prepare('UPDATE staff SET active = ?, locked_until = ? WHERE staff_no = ?').run(s.active ? 1 : 0, s.lockedUntil, s.staffNo);
    return;
  }
  const newPin = existing.pin_hash !== s.pinHash;
  // the hall's row says whether the account is locked (lockouts and unlocks at any window reach it), except
  // for a lockout or unlock decided here that has not reached the hall yet: it stands until its row is sent
  const lockedUntil = lockoutNotSent(db, existing.id) ? existing.locked_until : s.lockedUntil;
  db.prepare(
    `UPDATE staff SET name = ?, title = ?, duties = ?, party_member = ?, role = ?, active = ?, pin_hash = ?, locked_until = ?,
       failed_pins = CASE WHEN ? THEN 0 ELSE failed_pins END, updated_at = ? WHERE id = ?`,
  ).run(s.name, s.title, s.duties, s.partyMember ? 1 : 0, s.role, s.active ? 1 : 0, s.pinHash, lockedUntil, newPin ? 1 : 0, at, existing.id);
}

function applyCalendarOverride(db: Db, origin: Origin, row: ReferenceRow, at: string): void {
  const existing = overrideOn(db, row.key);
  if (row.deleted) {
    if (existing) deleteOverrideRow(db, existing.id);
    return;
  }
  const o = calendarOverrideReferenceSchema.parse(row.body);
  const fields = { kind: o.kind, name: o.name, source: o.source, coversYear: o.coversYear, enteredBy: null };
  if (existing) updateOverride(db, existing.id, fields, at);
  else insertOverride(db, origin, newId(), o.date, fields, at);
}

/** A newer catalogue version is put in use; an older one, or a tombstone, changes nothing (versions are never taken back). */
function applyCatalogueVersion(db: Db, origin: Origin, row: ReferenceRow, at: string): void {
  if (row.deleted) return;
  const check = validateCatalogue(catalogueVersionReferenceSchema.parse(row.body).catalogue);
  if (!check.ok) throw new Error(check.problems.slice(0, 3).join('；'));
  adoptHallCatalogue(db, origin, check.catalogue, at);
}

/**
 * The hall's commitments replace the window's own list: its rows carry the
 * id 'hall:POSITION', and the first one applied removes the window's rows.
 */
function applyCommitment(db: Db, origin: Origin, row: ReferenceRow, at: string): void {
  if (row.deleted) {
    db.prepare('DELETE FROM commitment WHERE id = ?').run(`hall:${row.key}`);
    return;
  }
  const c = commitmentReferenceSchema.parse(row.body);
  db.prepare("DELETE FROM commitment WHERE id NOT LIKE 'hall:%' OR id = ?").run(`hall:${c.position}`);
  insertCommitment(db, origin, { id: `hall:${c.position}`, position: c.position, text: c.text, timeLimit: c.timeLimit, at });
}

/** Applies one page of rows; call inside a write transaction. */
export function applyReferenceRows(ctx: CoreContext, rows: readonly ReferenceRow[], at: string): Applied {
  const { db } = ctx;
  const origin = ctx.origin();
  const result: Applied = { applied: 0, skipped: [], calendarChanged: false, displayChanged: false, settings: null };
  const settings = new SettingsPatch(ctx);
  const bookings = new HallBookings(ctx, at);
  bookings.open(rows);
  for (const row of rows) {
    try {
      db.exec('SAVEPOINT apply_row');
      if (row.kind === 'staff') applyStaff(db, origin, row, at);
      else if (row.kind === 'calendarOverride') applyCalendarOverride(db, origin, row, at);
      else if (row.kind === 'catalogueVersion') applyCatalogueVersion(db, origin, row, at);
      else if (row.kind === 'commitment') applyCommitment(db, origin, row, at);
      else if (row.kind === 'officeSettings') settings.officeSettings(row);
      else if (row.kind === 'peakDay') settings.peakDay(row);
      else bookings.apply(row);
      db.exec('RELEASE apply_row');
      result.applied++;
      if (row.kind === 'calendarOverride') result.calendarChanged = true;
      if (row.kind === 'staff' || row.kind === 'commitment' || row.kind === 'officeSettings') result.displayChanged = true;
    } catch (error) {
      // the row's own writes go; the rows before and after it stand
      db.exec('ROLLBACK TO apply_row');
      db.exec('RELEASE apply_row');
      result.skipped.push(`${row.kind} ${row.key}：${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
    }
  }
  bookings.finish();
  if (settings.changed) result.settings = settings.patch;
  return result;
}
