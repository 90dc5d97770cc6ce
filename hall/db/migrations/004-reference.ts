/**
 * 4: reference data the hall owns (catalogue versions, calendar overrides,
 * staff, commitments, office settings, peak days, bookings), pulled by the
 * windows. Each row carries the id of the transaction that last wrote it
 * (pg_current_xact_id()), the pull cursor; a delete leaves a tombstone.
 */
import { ddlMigration } from '../ddl-migration';

export const migration004 = ddlMigration(4, 'reference', `
      CREATE TABLE reference_row (
        hall_id text NOT NULL REFERENCES hall (hall_id),
        kind text NOT NULL,
        key text NOT NULL,
        -- null: every window; otherwise only the window with this number (a booking for its matter)
        window_no text,
        body jsonb NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (hall_id, kind, key)
      );
      CREATE INDEX reference_row_cursor ON reference_row (hall_id, xid, kind, key);
    `);
