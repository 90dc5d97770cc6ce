/**
 * What the clerk sees of the printer: its last known state, the waiting and
 * unresolved job counts, published as 'printer.changed' whenever they change.
 */
import type { PrinterStatus } from '../../../shared/api/printing';
import { describePrinter } from '../../../shared/print/printer-uri';
import { STATE_MESSAGES, type StatusReading } from '../../../shared/print/status';
import type { PrintDeps, PrinterReading } from './queue-config';
import { targetOf } from './queue-config';
import { countUnresolved, countWaiting } from './repo';

const DAY_MS = 24 * 3_600_000;

export class PrinterStatusBoard {
  private current: PrinterReading;
  private published = '';
  /** The printer whose last job went unconfirmed and that has not answered a status query since. */
  private silentPrinter: string | null = null;

  constructor(
    private readonly deps: Pick<PrintDeps, 'db' | 'settings' | 'clock' | 'publish'>,
    /** False once the queue has stopped: nothing is published then. */
    private readonly live: () => boolean,
  ) {
    const target = targetOf(deps.settings.get().printer);
    this.current =
      target.ok && target.target.kind === 'none'
        ? { state: 'none', message: STATE_MESSAGES.none, checkedAt: null, checkedMs: 0 }
        : { state: 'unknown', message: '正在检查打印机…', checkedAt: null, checkedMs: 0 };
  }

  /** Remembers the status as published (at startup, before the first change). */
  start(): void {
    this.published = this.key(this.status());
  }

  get reading(): Readonly<PrinterReading> {
    return this.current;
  }

  status(): PrinterStatus {
    const settings = this.deps.settings.get();
    const target = targetOf(settings.printer);
    const since = new Date(this.deps.clock.now().getTime() - DAY_MS).toISOString();
    return {
      printer: settings.printer,
      label: target.ok ? describePrinter(target.target) : '打印机地址无效',
      paperWidth: settings.paperWidth,
      state: this.current.state,
      message: this.current.message,
      checkedAt: this.current.checkedAt,
      queued: countWaiting(this.deps.db),
      failed: countUnresolved(this.deps.db, 'failed', since),
      unconfirmed: countUnresolved(this.deps.db, 'unconfirmed', since),
    };
  }

  publishIfChanged(): void {
    if (!this.live() || !this.deps.db.open) return;
    const status = this.status();
    const key = this.key(status);
    if (key === this.published) return;
    this.published = key;
    this.deps.publish('printer.changed', status);
  }

  set(reading: Pick<StatusReading, 'state' | 'message'>, checked = true): void {
    this.current = {
      state: reading.state,
      message: reading.message,
      checkedAt: checked ? this.deps.clock.now().toISOString() : this.current.checkedAt,
      checkedMs: checked ? Date.now() : this.current.checkedMs,
    };
    this.publishIfChanged();
  }

  /** A status answer (or none) from the printer at `uri`: a printer that answered is no longer silent. */
  note(uri: string, reading: StatusReading): void {
    if (reading.state !== 'unknown' && reading.state !== 'unreachable' && this.silentPrinter === uri) this.silentPrinter = null;
    this.set(reading);
  }

  /** The printer at `uri` took a job and did not answer after it. */
  markSilent(uri: string): void {
    this.silentPrinter = uri;
  }

  isSilent(uri: string): boolean {
    return this.silentPrinter === uri;
  }

  private key(status: PrinterStatus): string {
    return JSON.stringify({ ...status, checkedAt: null });
  }
}
