/**
 * 16: when the latest lock and unlock of each staff account were decided
 * (hall/store/staff-lockout.ts), so a lock that a window decided offline and
 * sends after a console unlock does not lock the account again. Hall-only
 * (migration 8): the county gets the staff rows' lockedUntil itself.
 */
import { ddlMigration } from '../ddl-migration';

export const migration016 = ddlMigration(
  16,
  'staff-lock-time',
  `
      CREATE TABLE staff_lock_time (
        hall_id text NOT NULL,
        staff_no text NOT NULL,
        locked_at timestamptz,
        unlocked_at timestamptz,
        PRIMARY KEY (hall_id, staff_no)
      );
    `,
);
