/** How the print queue talks to a printer, whatever the connection. */
import type { PrinterState } from '../shared/api/printing';
import type { StatusReading } from '../shared/print/status';

export interface TransportTimeouts {
  /** Connecting (TCP) or opening the device; ≤ 2 s so the clerk hears of a dead printer within 3 s. */
  connectMs: number;
  /** Waiting for the answers to DLE EOT 1/2/4 before a job (and when probing). */
  statusMs: number;
  /**
   * Waiting for the answers after the job (the printer answers once it has taken the job in). A printer that
   * takes the connection but never reads is found out after statusMs + confirmMs: with the defaults, 2.3 s,
   * so the clerk hears of the unconfirmed slip within 3 s.
   */
  confirmMs: number;
  /** Handing the job's bytes over. */
  writeMs: number;
  /** How long a network printer's connection is kept open after a job or a status check, for the next job (0: one connection per job). */
  keepOpenMs: number;
}

export const DEFAULT_TIMEOUTS: TransportTimeouts = { connectMs: 2000, statusMs: 800, confirmMs: 1500, writeMs: 15_000, keepOpenMs: 45_000 };

export type SendOutcome =
  /** Nothing of the job was written: it waits and is tried again. */
  | { kind: 'waiting'; state: PrinterState; message: string }
  /**
   * Every byte was handed over and the printer answered the status query after the job; `after` is null only
   * for a device that cannot answer status at all (a Windows port, a device that never answered before the job).
   */
  | { kind: 'sent'; after: StatusReading | null }
  /** Every byte was handed over but the printer did not answer after the job (发送未确认): never resent automatically. */
  | { kind: 'unconfirmed'; message: string }
  /** Some bytes may have reached the printer, then it broke off: never resent automatically. */
  | { kind: 'uncertain'; state: PrinterState; message: string };

export interface SendHooks {
  /** Called synchronously just before the first byte of the job is written (the queue marks the job "sending"). */
  beforeWrite(): void;
  /** Keep the job waiting when the printer does not answer the status query before it (the last job went unconfirmed). */
  requireAnswer: boolean;
  /**
   * The printer answered that it could print when last asked: beforeWrite may be called as soon as the status
   * query is on its way, so recording the job as being sent overlaps the printer's answer; when the answer says
   * it cannot print after all, the outcome is 'waiting' as usual (after beforeWrite).
   */
  expectReady?: boolean;
  /** Called when the connection is open (TCP) or the device is about to be written, for the job's stage timestamps. */
  stage?(name: 'connected' | 'checked' | 'written'): void;
}

export interface Transport {
  /** Reads the printer's status without printing. */
  probe(): Promise<StatusReading>;
  /**
   * A job is being recorded (inside its transaction): get ready to send it
   * (ask the status ahead on an open connection). True when the transport is
   * ready to send the job as soon as the transaction commits.
   */
  prepare?(): boolean;
  /** Status check, the job, status check again. */
  send(bytes: Buffer, hooks: SendHooks): Promise<SendOutcome>;
  /** Breaks off whatever is in progress (the core is closing). */
  abort(): void;
}
