/**
 * 15: kiosk printers and ticket print jobs on the console. A
 * supervisor sets a kiosk's printer on the console: kiosk_printer records who
 * set it and when (set_by_* null: `npm run hall -- --kiosk-printer` seeded
 * it, and a later start may seed it again; once set on the console the
 * console's setting wins). A job can be cancelled ('cancelled': taken off the
 * queue, or a failed one dismissed), and a job given up can be sent again:
 * retried_at restarts its give-up time. Both tables stay hall-only (008).
 */
import { ddlMigration } from '../ddl-migration';

export const migration015 = ddlMigration(15, 'kiosk-printer-console', `
      ALTER TABLE kiosk_printer
        ADD COLUMN set_by_staff_no text,
        ADD COLUMN set_by_name text,
        ADD COLUMN set_at timestamptz NOT NULL DEFAULT clock_timestamp();

      ALTER TABLE kiosk_print_job DROP CONSTRAINT kiosk_print_job_status_check;
      ALTER TABLE kiosk_print_job ADD CONSTRAINT kiosk_print_job_status_check
        CHECK (status IN ('queued', 'sending', 'sent', 'unconfirmed', 'failed', 'cancelled'));
      ALTER TABLE kiosk_print_job ADD COLUMN retried_at timestamptz;
      CREATE INDEX kiosk_print_job_recent ON kiosk_print_job (hall_id, created_at DESC);
    `);
