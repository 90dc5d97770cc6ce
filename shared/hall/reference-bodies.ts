/**
 * The bodies of reference rows the hall owns (shared/hall/contract.ts
 * REFERENCE_KINDS), as the hall stores them and a window applies them. The
 * hall checks a body before it stores it; a window checks it before it
 * applies it. Each kind's schema lives here, next to the others.
 */
import { z } from 'zod';
import { commitmentSchema, roleSchema } from '../api/foundation';
import { overrideKindSchema, plainDateField } from '../api/reference';
import { catalogueSchema } from '../catalogue/schema';
import { DOCUMENT_TYPES } from '../domain/identity-documents';
import { hallIdentitySchema, peakDayRuleSchema, settingsUpdateSchema } from '../settings';
import type { ReferenceKind } from './contract';

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

/** A working-day calendar override, keyed by its date (YYYY-MM-DD); the window's calendar.saveOverride fields. */
export const calendarOverrideReferenceSchema = z.object({
  date: plainDateField,
  kind: overrideKindSchema,
  name: z.string().trim().min(1).max(30),
  source: z.string().trim().min(2).max(100),
  coversYear: z.boolean(),
});
export type CalendarOverrideReference = z.infer<typeof calendarOverrideReferenceSchema>;

/** A catalogue version, keyed by its version; the newest version the window holds is the one in use. */
export const catalogueVersionReferenceSchema = z.object({ catalogue: catalogueSchema });
export type CatalogueVersionReference = z.infer<typeof catalogueVersionReferenceSchema>;

/** One service commitment shown on the public display, keyed by its position (0, 1, …). */
export const commitmentReferenceSchema = commitmentSchema.extend({ position: z.number().int().min(0).max(11) });
export type CommitmentReference = z.infer<typeof commitmentReferenceSchema>;

/**
 * The office's identity every window shows (key 'office'): the window's own
 * number is not part of it. officePhone (咨询电话, printed on the slips) came
 * later: a row without it (saved before) still parses, and a window applying
 * it keeps its own 咨询电话.
 */
export const officeSettingsReferenceSchema = hallIdentitySchema.omit({ windowNo: true }).extend({ officePhone: settingsUpdateSchema.shape.officePhone.optional() });
export type OfficeSettingsReference = z.infer<typeof officeSettingsReferenceSchema>;

/** A peak day (the appointment capacity rule), keyed by kind-month-day. */
export const peakDayReferenceSchema = peakDayRuleSchema;

const bookingPartySchema = z.object({ name: z.string().min(1).max(40), documentType: z.enum(DOCUMENT_TYPES), documentNumber: z.string().min(5).max(30) });

/**
 * A booking from the online appointment system, keyed by its code, pulled
 * only by the window that handles its matter. The window seals the numbers
 * as soon as it applies the row, as the file import does.
 */
export const bookingReferenceSchema = z.object({
  code: z.string().min(1).max(40),
  date: plainDateField,
  slotStart: z.string().regex(/^\d{2}:\d{2}$/),
  slotEnd: z.string().regex(/^\d{2}:\d{2}$/),
  itemCode: z.string().min(1).max(40),
  applicant: bookingPartySchema,
  phone: z.string().max(30),
  partner: bookingPartySchema.nullable(),
});
export type BookingReference = z.infer<typeof bookingReferenceSchema>;

/** The body schema of every reference kind: the hall checks a body with it before storing, a window before applying. */
export const REFERENCE_BODY_SCHEMAS = {
  staff: staffReferenceSchema,
  calendarOverride: calendarOverrideReferenceSchema,
  catalogueVersion: catalogueVersionReferenceSchema,
  commitment: commitmentReferenceSchema,
  officeSettings: officeSettingsReferenceSchema,
  peakDay: peakDayReferenceSchema,
  booking: bookingReferenceSchema,
} as const satisfies Record<ReferenceKind, z.ZodType>;
