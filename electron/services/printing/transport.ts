/** How the print queue talks to a printer, whatever the connection. */
import type { PrinterState } from '../../../shared/api/printing';
import type { StatusReading } from '../../../shared/print/status';

export interface TransportTimeouts {
  /** Connecting (TCP) or opening the device; ≤ 2 s so the clerk hears of a dead printer within 3 s. */
  connectMs: number;
  /** Waiting for the answers to DLE EOT 1/2/4. */
  statusMs: number;
  /** Handing the job's bytes over. */
  writeMs: number;
}

export const DEFAULT_TIMEOUTS: TransportTimeouts = { connectMs: 2000, statusMs: 800, writeMs: 15_000 };

export type SendOutcome =
  /** Nothing of the job was written: it waits and is tried again. */
  | { kind: 'waiting'; state: PrinterState; message: string }
  /** Every byte was handed over; `after` is the status read after the job (null when the printer did not answer). */
  | { kind: 'sent'; after: StatusReading | null }
  /** Some bytes may have reached the printer, then it broke off: never resent automatically. */
  | { kind: 'uncertain'; state: PrinterState; message: string };

export interface SendHooks {
  /** Called synchronously just before the first byte of the job is written (the queue marks the job "sending"). */
  beforeWrite(): void;
}

export interface Transport {
  /** Reads the printer's status without printing. */
  probe(): Promise<StatusReading>;
  /** Status check, the job, status check again. */
  send(bytes: Buffer, hooks: SendHooks): Promise<SendOutcome>;
  /** Breaks off whatever is in progress (the core is closing). */
  abort(): void;
}
