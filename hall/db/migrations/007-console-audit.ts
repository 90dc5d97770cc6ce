/**
 * 7: the console's reference editing. Who changed which hall-owned row (or
 * queue setting) on the console, and when (console_audit, published to the
 * county like every hall record); and the per-matter waiting-count alert
 * level, which overrides the hall-wide one (queue_setting.waiting_alert).
 */
import { ddlMigration } from '../ddl-migration';

export const migration007 = ddlMigration(7, 'console-audit', `
      CREATE TABLE console_audit (
        hall_id text NOT NULL REFERENCES hall (hall_id),
        id bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        staff_no text NOT NULL,
        staff_name text NOT NULL,
        -- e.g. 'staff.save', 'staff.pin', 'calendarOverride.delete', 'queue.matter'
        action text NOT NULL,
        kind text NOT NULL,
        key text NOT NULL,
        -- what changed, without PIN hashes
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        PRIMARY KEY (hall_id, id)
      );
      CREATE INDEX console_audit_at ON console_audit (hall_id, at);

      ALTER TABLE queue_matter ADD COLUMN waiting_alert integer CHECK (waiting_alert > 0);
    `);
