/**
 * 10: the kiosks' ticket printers. Each kiosk number has its ESC/POS network
 * printer (kiosk_printer, kept across re-enrolments of the kiosk), and every
 * ticket a kiosk takes gets one print job (kiosk_print_job, one per ticket, so
 * a repeated take never prints twice). A job is sent by the hall's print
 * worker (hall/print/worker.ts): queued → sending → sent, back to queued when
 * nothing reached the printer, unconfirmed when part of it may have (never
 * resent), failed when it could not be printed while the applicant waited.
 * Both tables stay at the hall (HALL_ONLY_TABLES): the county has no use for them.
 */
import { ddlMigration } from '../ddl-migration';

export const migration010 = ddlMigration(10, 'kiosk-print', `
      CREATE TABLE kiosk_printer (
        hall_id text NOT NULL REFERENCES hall (hall_id),
        kiosk_no text NOT NULL,
        -- tcp://HOST:PORT (shared/print/printer-uri.ts)
        printer text NOT NULL CHECK (printer LIKE 'tcp://%'),
        paper_width integer NOT NULL DEFAULT 80 CHECK (paper_width IN (58, 80)),
        PRIMARY KEY (hall_id, kiosk_no)
      );

      CREATE TABLE kiosk_print_job (
        hall_id text NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL,
        kiosk_no text NOT NULL,
        printer text NOT NULL,
        bytes bytea NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'unconfirmed', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        -- the printer's problem in the supervisor's words, null when none
        message text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        next_try_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        sent_at timestamptz,
        PRIMARY KEY (hall_id, id),
        UNIQUE (hall_id, ticket_id),
        FOREIGN KEY (hall_id, ticket_id) REFERENCES queue_ticket (hall_id, id)
      );
      CREATE INDEX kiosk_print_job_queued ON kiosk_print_job (next_try_at) WHERE status = 'queued';
    `);
