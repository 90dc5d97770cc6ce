/**
 * 5: the hall console. Supervisor sessions and the wrong-PIN count of each
 * staff number; each window's status and backlog as its last push reported
 * them (the live board); the console's settings; and the ledger: the latest
 * state of every contact and civil case the windows pushed, projected from
 * change_row (hall/store/ledger-projection.ts) and indexed for the searches
 * the console makes. Rows pushed before this migration are projected here.
 */
import type { Migration } from '../migrate';
import { LEDGER_BACKFILL_SQL } from '../../store/ledger-projection';

const DDL = `
      CREATE TABLE console_session (
        hall_id text NOT NULL REFERENCES hall (hall_id),
        token_hash text NOT NULL,
        staff_no text NOT NULL,
        staff_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (hall_id, token_hash)
      );

      -- wrong PINs in a row on the console; the lock itself is the staff reference row's lockedUntil (every window pulls it)
      CREATE TABLE console_pin_failure (
        hall_id text NOT NULL REFERENCES hall (hall_id),
        staff_no text NOT NULL,
        failed_pins integer NOT NULL,
        PRIMARY KEY (hall_id, staff_no)
      );

      CREATE TABLE console_setting (
        hall_id text PRIMARY KEY REFERENCES hall (hall_id),
        -- a window without contact for longer than this is shown offline (red)
        offline_minutes integer NOT NULL DEFAULT 5 CHECK (offline_minutes BETWEEN 1 AND 1440)
      );

      ALTER TABLE hall_window
        ADD COLUMN status jsonb,
        ADD COLUMN backlog_rows integer,
        ADD COLUMN backlog_oldest_at text,
        ADD COLUMN status_at timestamptz;

      CREATE TABLE ledger_entry (
        hall_id text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        window_id uuid NOT NULL,
        window_no text NOT NULL,
        -- the change row this state comes from: a later seq of the same window replaces it
        seq bigint NOT NULL,
        change_id uuid NOT NULL,
        -- contacts | marriages (registered marriages) | cases (other civil cases)
        ledger text NOT NULL,
        -- the hall date (UTC+8) of receipt, or of registration for a registered case
        day date,
        at text,
        ref_no text,
        certificate_no text,
        names text[] NOT NULL,
        item text,
        status text,
        payload jsonb NOT NULL,
        PRIMARY KEY (hall_id, entity, entity_id)
      );
      CREATE INDEX ledger_entry_day ON ledger_entry (hall_id, ledger, day, window_no);
      CREATE INDEX ledger_entry_names ON ledger_entry USING gin (names);
      CREATE INDEX ledger_entry_ref ON ledger_entry (ref_no text_pattern_ops);
      CREATE INDEX ledger_entry_certificate ON ledger_entry (certificate_no text_pattern_ops) WHERE certificate_no IS NOT NULL;
    `;

export const migration005: Migration = {
  version: 5,
  name: 'console',
  async up(client) {
    await client.query(DDL);
    await client.query(LEDGER_BACKFILL_SQL);
  },
};
