/**
 * The ID card an applicant read at the kiosk before taking a walk-in ticket
 * (no booking today; hall migration 17). 开始办理 at the window that serves
 * the ticket gets the number back, to open the form with it as a booking
 * would. At rest it is what the windows keep of a document number: the keyed
 * lookup hash (HMAC-SHA256 with the hall's lookup key, so it equals the
 * windows' hash of the same number), the masked form, and the number sealed
 * with AES-256-GCM under a key derived (HKDF) from the lookup key and bound
 * to its ticket. Neither the table nor the key is published to the county;
 * the sealed number is dropped once the ticket is finished, or, for a ticket
 * never finished, once its hall date is over (the hall's sweep:
 * hall/document-sweep.ts).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { normalizeDocumentNumber } from '../../shared/domain/identity-documents';
import { maskIdNumber } from '../../shared/domain/masking';
import type { Client, Pool } from '../db/pool';

const SEALED_PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

async function lookupKey(client: Client, hallId: string): Promise<Buffer> {
  const { rows } = await client.query<{ lookup_key: string }>('SELECT lookup_key FROM hall WHERE hall_id = $1', [hallId]);
  const hex = rows[0]?.lookup_key;
  if (hex === undefined) throw new Error(`hall ${hallId} is missing`);
  return Buffer.from(hex, 'hex');
}

/** The sealing key: derived from the lookup key, never the lookup key itself. */
const sealingKey = (key: Buffer): Buffer => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'counter-hall queue ticket document v1', 32));

/** The ticket a sealed number belongs to: a sealed value copied to another ticket does not open. */
const boundTo = (hallId: string, ticketId: string): Buffer => Buffer.from(`${hallId}/${ticketId}`, 'utf8');

/** Keeps the number read at the kiosk with the ticket just taken (inside the take's transaction). */
export async function keepTicketDocument(client: Client, hallId: string, ticketId: string, documentNumber: string): Promise<void> {
  const key = await lookupKey(client, hallId);
  const normalized = normalizeDocumentNumber(documentNumber);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), iv).setAAD(boundTo(hallId, ticketId));
  const body = Buffer.concat([cipher.update(normalized, 'utf8'), cipher.final()]);
  await client.query('INSERT INTO queue_ticket_document (hall_id, ticket_id, document_hash, document_masked, document_sealed) VALUES ($1, $2, $3, $4, $5)', [
    hallId,
    ticketId,
    createHmac('sha256', key).update(normalized, 'utf8').digest('hex'),
    maskIdNumber(normalized),
    SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'),
  ]);
}

/**
 * The number read at the kiosk for this ticket, or null: none read, the
 * ticket finished, or a sealed value that does not open for this ticket
 * (altered, or copied from another); the clerk then reads the card at the window.
 */
export async function openTicketDocument(client: Client, hallId: string, ticketId: string): Promise<string | null> {
  const { rows } = await client.query<{ document_sealed: string | null }>('SELECT document_sealed FROM queue_ticket_document WHERE hall_id = $1 AND ticket_id = $2', [hallId, ticketId]);
  const sealed = rows[0]?.document_sealed ?? null;
  if (sealed === null) return null;
  const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(await lookupKey(client, hallId)), raw.subarray(0, IV_BYTES)).setAAD(boundTo(hallId, ticketId));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    console.error(`[queue] the ID card kept for ticket ${ticketId} does not open; the window reads the card again`);
    return null;
  }
}

/** The ticket is finished: its sealed number goes; the hash and the masked form stay. */
export async function dropTicketDocument(client: Client, hallId: string, ticketId: string): Promise<void> {
  await client.query('UPDATE queue_ticket_document SET document_sealed = NULL WHERE hall_id = $1 AND ticket_id = $2', [hallId, ticketId]);
}

/**
 * The tickets never finished (the applicant left, the ticket passed or was
 * never called, the day ended): once the ticket's hall date (`today`, the
 * hall date now: ticketDay) is over and no window holds it ('called',
 * 'serving'), its sealed number goes; the hash and the masked form stay. The
 * number of tickets whose number went: none when run again, or alongside.
 */
export async function dropEndedTicketDocuments(pool: Pool, hallId: string, today: string): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE queue_ticket_document d SET document_sealed = NULL
     FROM queue_ticket t
     WHERE d.hall_id = $1 AND d.document_sealed IS NOT NULL AND t.hall_id = d.hall_id AND t.id = d.ticket_id
       AND t.day < $2 AND t.status NOT IN ('called', 'serving')`,
    [hallId, today],
  );
  return rowCount ?? 0;
}
