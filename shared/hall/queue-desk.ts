/**
 * The window caller's view of the queue (issue 14, the window's caller): the
 * window's current ticket with its booking code, how many wait for it, the
 * recall cap, today's passed tickets it may call back, and where it may
 * transfer a ticket (matters and windows). One GET, read by the caller bar.
 */
import { z } from 'zod';
import { queueTicketSchema } from './queue-contract';

/** A ticket as the caller sees it: with the booking it was checked in with at the kiosk, or the masked ID card read there for a walk-in ticket, if any. */
export const deskTicketSchema = queueTicketSchema.extend({ appointmentCode: z.string().nullable(), documentMasked: z.string().nullable() });
export type DeskTicket = z.infer<typeof deskTicketSchema>;

export const queueDeskResponseSchema = z.object({
  /** The window's called or serving ticket, or null. */
  current: deskTicketSchema.nullable(),
  /** Tickets waiting for this window: its matters', and those transferred to it. */
  waiting: z.number().int().nonnegative(),
  /** Most recalls (重呼) of one call, the hall's setting. */
  recallCap: z.number().int().nonnegative(),
  /** Today's passed tickets of this window's matters or passed here, newest first: 回呼 chooses one. */
  passed: z.array(deskTicketSchema),
  /** Every matter of the hall, for 转移 to another matter. */
  matters: z.array(z.object({ matter: z.string(), name: z.string() })),
  /** The other windows of the hall, for 转移 to a window. */
  windows: z.array(z.string()),
});
export type QueueDesk = z.infer<typeof queueDeskResponseSchema>;
