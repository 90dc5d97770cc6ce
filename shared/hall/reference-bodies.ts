/**
 * The bodies of reference rows the hall owns (shared/hall/contract.ts
 * REFERENCE_KINDS), as the hall stores them and a window applies them. The
 * hall checks a body before it stores it; a window checks it before it
 * applies it. Each kind's schema lives here, next to the others.
 */
import { z } from 'zod';
import { roleSchema } from '../api/foundation';

/**
 * A staff account, keyed by staff number (upper case). The PIN hash is the
 * window's scrypt form ('scrypt$N$r$p$salt$key'), so one PIN works at every
 * window of the hall and on the hall console; no PIN travels in plain text.
 */
export const staffReferenceSchema = z.object({
  staffNo: z.string().regex(/^[A-Z0-9]{2,16}$/),
  name: z.string().min(1).max(20),
  title: z.string().max(30),
  duties: z.string().max(60),
  partyMember: z.boolean(),
  role: roleSchema,
  active: z.boolean(),
  pinHash: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/),
  /** A lockout decided at any window or on the console (ISO time), or null. */
  lockedUntil: z.string().nullable(),
});
export type StaffReference = z.infer<typeof staffReferenceSchema>;
