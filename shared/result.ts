/**
 * Typed results that cross every process boundary (IPC, WebSocket).
 * Errors carry a stable machine code and a Chinese message for the clerk.
 */

export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'SETUP_REQUIRED',
  'SETUP_DONE',
  'AUTH_REQUIRED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'PIN_WRONG',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_IMAGE',
  'INTERNAL',
  'DISCONNECTED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Per-field problems for forms, keyed by dotted path. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, fields?: Record<string, string>): Result<T> {
  return fields ? { ok: false, error: { code, message, fields } } : { ok: false, error: { code, message } };
}

/** Thrown inside the core to end a call with a typed error; the dispatcher turns it into a Result. */
export class CounterError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'CounterError';
  }
}
