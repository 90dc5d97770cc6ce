/**
 * 17: the ID card an applicant read at the kiosk before taking a walk-in
 * ticket (no booking today), so 开始办理 at the window opens the form with it
 * (hall/store/ticket-document.ts). Stored as document numbers are stored
 * elsewhere: the keyed lookup hash, the masked form and the number sealed
 * (AES-256-GCM, under a key derived from the hall's lookup key), never in
 * plain; the sealed number is dropped when the ticket is finished. The table
 * stays at the hall (HALL_ONLY_TABLES): the county has no use for it.
 */
import { ddlMigration } from '../ddl-migration';

export const migration017 = ddlMigration(17, 'queue-ticket-document', `
      CREATE TABLE queue_ticket_document (
        hall_id text NOT NULL,
        ticket_id uuid NOT NULL,
        -- HMAC-SHA256 of the normalized number with the hall's lookup key: the windows' hash of the same number
        document_hash text NOT NULL CHECK (document_hash ~ '^[0-9a-f]{64}$'),
        document_masked text NOT NULL,
        -- 'v1:' base64(iv, tag, ciphertext), bound to its ticket; NULL once the ticket is finished
        document_sealed text CHECK (document_sealed LIKE 'v1:%'),
        PRIMARY KEY (hall_id, ticket_id),
        FOREIGN KEY (hall_id, ticket_id) REFERENCES queue_ticket (hall_id, id)
      );
    `);
