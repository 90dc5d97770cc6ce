/** 2: the change-log rows the windows push, and the rows the hall could not take. */
import { ddlMigration } from '../ddl-migration';

export const migration002 = ddlMigration(2, 'changes', `
      CREATE TABLE change_row (
        hall_id text NOT NULL,
        id uuid NOT NULL,
        window_id uuid NOT NULL,
        seq bigint NOT NULL,
        schema_version integer NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        op text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        payload jsonb NOT NULL,
        -- the window's clock: informational only
        window_created_at text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (hall_id, id),
        UNIQUE (hall_id, window_id, seq),
        FOREIGN KEY (hall_id, window_id) REFERENCES hall_window (hall_id, window_id)
      );
      CREATE INDEX change_row_entity ON change_row (hall_id, entity, entity_id);

      -- acknowledged but not stored: shown on the console, never blocks the rows after it
      CREATE TABLE quarantine (
        hall_id text NOT NULL,
        window_id uuid NOT NULL,
        seq bigint NOT NULL,
        -- the row as JSON text: it may hold what jsonb refuses (a NUL character, for one)
        row_data text NOT NULL,
        reason text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        resolved_at timestamptz,
        PRIMARY KEY (hall_id, window_id, seq),
        FOREIGN KEY (hall_id, window_id) REFERENCES hall_window (hall_id, window_id)
      );
    `);
