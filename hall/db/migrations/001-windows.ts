/** 1: halls, enrolled windows, one-time enrolment codes, each window's audit anchor. */
import { ddlMigration } from '../ddl-migration';

export const migration001 = ddlMigration(1, 'windows', `
      CREATE TABLE hall (
        hall_id text PRIMARY KEY,
        name text NOT NULL,
        -- the key of the document lookup hashes, handed to every window at enrolment
        lookup_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );

      -- one row per enrolment: a re-enrolled window (new PC, new ledger) is a new row, the old one retired
      CREATE TABLE hall_window (
        hall_id text NOT NULL REFERENCES hall (hall_id),
        window_id uuid NOT NULL,
        window_no text NOT NULL,
        credential_hash text NOT NULL UNIQUE,
        -- highest change-log seq held with every seq below it: the push acknowledgement
        acked_seq bigint NOT NULL DEFAULT 0,
        enrolled_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        last_contact_at timestamptz,
        retired_at timestamptz,
        PRIMARY KEY (hall_id, window_id)
      );
      CREATE UNIQUE INDEX hall_window_current ON hall_window (hall_id, window_no) WHERE retired_at IS NULL;

      CREATE TABLE enrolment_code (
        hall_id text NOT NULL REFERENCES hall (hall_id),
        code_hash text NOT NULL,
        window_no text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        used_by uuid,
        PRIMARY KEY (hall_id, code_hash)
      );

      -- the last audit-chain head of each window the hall accepted
      CREATE TABLE audit_head (
        hall_id text NOT NULL,
        window_id uuid NOT NULL,
        seq bigint NOT NULL,
        hash text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (hall_id, window_id),
        FOREIGN KEY (hall_id, window_id) REFERENCES hall_window (hall_id, window_id)
      );

      -- a reported head that does not extend the one the hall holds
      CREATE TABLE audit_break (
        hall_id text NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        window_id uuid NOT NULL,
        held_seq bigint NOT NULL,
        held_hash text NOT NULL,
        reported_seq bigint NOT NULL,
        reported_hash text NOT NULL,
        reason text NOT NULL,
        detected_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (hall_id, id),
        -- one break per held head (the first report is kept); the hall keeps the head it held
        UNIQUE (hall_id, window_id, held_seq, held_hash),
        FOREIGN KEY (hall_id, window_id) REFERENCES hall_window (hall_id, window_id)
      );
    `);
