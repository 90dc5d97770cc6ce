/**
 * The one API contract between the UI and the core. Electron's IPC handlers,
 * the preload bridge, the host's WebSocket endpoint and the renderer client
 * are all typed and validated against this table.
 */
import type { z } from 'zod';
import { displayStateSchema, foundationMethods, sessionSchema } from './api/foundation';
import { auditMethods } from './api/audit';
import { handoverMethods } from './api/handover';
import { intakeMethods } from './api/intake';
import { exportProgressSchema, ledgerMethods } from './api/ledger';
import { printerStatusSchema, printingMethods } from './api/printing';
import { referenceMethods } from './api/reference';
import { statsMethods } from './api/stats';
import { ratingChangedSchema, ratingMethods } from './api/rating';
import { followupMethods } from './api/followup';
import { marriageMethods } from './api/marriage';
import { appointmentMethods } from './api/appointments';
import { hallChangedSchema, hallLinkMethods } from './api/hall-link';
import { queueMethods } from './api/queue';
import type { ApiError, Result } from './result';

export type { Access, Effect } from './api/method';
export { requestIdSchema } from './api/method';
export * from './api/foundation';
export * from './api/printing';
export * from './api/intake';
export * from './api/handover';
export * from './api/reference';
export * from './api/audit';
export * from './api/ledger';
export * from './api/stats';
export * from './api/rating';
export * from './api/followup';
export * from './api/marriage';
export * from './api/appointments';
export * from './api/hall-link';
export * from './api/queue';

export const methods = {
  ...foundationMethods,
  ...printingMethods,
  ...intakeMethods,
  ...handoverMethods,
  ...referenceMethods,
  ...auditMethods,
  ...ledgerMethods,
  ...statsMethods,
  ...ratingMethods,
  ...followupMethods,
  ...marriageMethods,
  ...appointmentMethods,
  ...hallLinkMethods,
  // the window's caller (issue 14, caller14)
  ...queueMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type RequestOf<M extends MethodName> = z.input<Methods[M]['request']>;
export type ParsedRequestOf<M extends MethodName> = z.output<Methods[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Methods[M]['response']>;
/** The methods that change something: each runs in the dispatcher's write transaction. */
export type WriteMethodName = { [M in MethodName]: Methods[M]['effect'] extends 'write' ? M : never }[MethodName];
export type ReadMethodName = Exclude<MethodName, WriteMethodName>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}

/** Live updates pushed from the core, so the display reacts without polling. */
export const events = {
  'display.changed': displayStateSchema,
  'session.changed': sessionSchema.nullable(),
  'printer.changed': printerStatusSchema,
  /** Clerk screens only (the display receives display.changed alone). */
  'export.progress': exportProgressSchema,
  /** Clerk screens and the display: the pending rating request (never the level chosen). */
  'rating.changed': ratingChangedSchema,
  /** Clerk screens only: the window joined a hall. */
  'hall.changed': hallChangedSchema,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** The events the public display receives; every other event goes to clerk screens only. */
export const DISPLAY_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['display.changed', 'rating.changed']);

/** Which screen is calling: the clerk's workstation or the public display. */
export type CallerKind = 'clerk' | 'display';

/** The shape window.counter (Electron preload) and the WebSocket client both implement. */
export interface CounterApi {
  /**
   * requestId: a UUID made once per user action and reused when the same
   * request is sent again; the core answers a repeated write with the first
   * answer instead of doing it twice. Without one a write runs every time.
   */
  call<M extends MethodName>(method: M, request: RequestOf<M>, requestId?: string): Promise<Result<ResponseOf<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Wire messages of the host's WebSocket endpoint. */
export interface WireRequest {
  /** Pairs the answer with the request on this socket. */
  id: number;
  method: string;
  params: unknown;
  /** The request id of CounterApi.call (checked by the core); absent: the write is not deduplicated. */
  requestId?: unknown;
}
export type WireMessage =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; event: EventName; payload: unknown };

export type { ApiError, Result };
