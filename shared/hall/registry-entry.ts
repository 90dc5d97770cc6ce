/**
 * Which pushed change-log rows enter the hall's marriage registry index: a
 * civil_case row of a registered marriage or divorce. Its payload must carry
 * the certificate number, the registration instant and both parties' keyed
 * lookup hashes (parties[].documentHash, hashed with the hall's lookup key);
 * a registration without them cannot be indexed, so the row is quarantined
 * rather than silently missing from the cross-window check.
 */
import { z } from 'zod';
import type { ChangeRow } from './contract';
import { lookupHashSchema } from './contract';

export interface RegistryEntry {
  caseId: string;
  kind: 'marriage' | 'divorce';
  registeredAt: string;
  certificateNo: string;
  partyHashes: [string, string];
}

const registrationSchema = z.object({
  certificate_no: z.string().trim().min(1),
  // UTC (toISOString), so that instants compare as text
  registered_at: z.iso.datetime(),
  parties: z.tuple([z.looseObject({ documentHash: lookupHashSchema }), z.looseObject({ documentHash: lookupHashSchema })]),
});

export type RegistryEntryResult = { entry: RegistryEntry } | { problem: string } | null;

/** The registry entry of a change-log row, a problem when it is a registration that cannot be indexed, or null. */
export function registryEntryOf(row: Pick<ChangeRow, 'entity' | 'entityId' | 'op' | 'payload'>): RegistryEntryResult {
  if (row.entity !== 'civil_case' || row.op === 'delete') return null;
  const { kind, status } = row.payload;
  if ((kind !== 'marriage' && kind !== 'divorce') || status !== 'registered') return null;
  const parsed = registrationSchema.safeParse(row.payload);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(payload)').join(', ');
    return { problem: `registered ${kind} ${row.entityId} cannot be indexed: missing or malformed ${where}` };
  }
  const [a, b] = parsed.data.parties;
  return {
    entry: {
      caseId: row.entityId,
      kind,
      registeredAt: parsed.data.registered_at,
      certificateNo: parsed.data.certificate_no,
      partyHashes: [a.documentHash, b.documentHash],
    },
  };
}
