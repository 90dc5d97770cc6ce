/**
 * 19: a kiosk ticket's print job keeps the ticket's document and the paper
 * width its bytes were laid out for, so jobs still waiting when they move to
 * a printer with another paper width (the console sets the kiosk's printer, a
 * supervisor retries a job) are laid out again for the new paper
 * (hall/print/job-layout.ts). NULL in both: a job queued before this
 * migration, sent as it was laid out. And the sweep of the ID card numbers
 * kept for tickets whose day has ended (hall/store/ticket-document.ts) reads
 * only the rows still holding a sealed number. Both tables stay hall-only (008).
 */
import { ddlMigration } from '../ddl-migration';

export const migration019 = ddlMigration(19, 'kiosk-job-document', `
      ALTER TABLE kiosk_print_job
        ADD COLUMN document jsonb,
        ADD COLUMN paper_width integer CHECK (paper_width IN (58, 80));

      CREATE INDEX queue_ticket_document_sealed ON queue_ticket_document (hall_id, ticket_id) WHERE document_sealed IS NOT NULL;
    `);
