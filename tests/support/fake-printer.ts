/**
 * A fake ESC/POS network printer on a real TCP socket (127.0.0.1 only).
 * It captures every byte, answers DLE EOT n with configurable status bytes,
 * can be stopped and started again on the same port (printer switched off
 * and on), and can misbehave: close each connection at once, never answer a
 * status query, hang up after receiving some bytes (cable pulled mid-job), or
 * accept connections and never read a byte (a hung printer: its side of the
 * connection fills up in the kernel, nothing is answered).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { readJobs, type ReadJob } from './escpos-reader';

/** Status answers: bits 1 and 4 always set (0x12). */
export const STATUS_OK = { printer: 0x12, offlineCause: 0x12, paper: 0x12 } as const;
export const PAPER_OUT = { printer: 0x1a, offlineCause: 0x32, paper: 0x72 } as const;
export const PAPER_NEAR_END = { printer: 0x12, offlineCause: 0x12, paper: 0x1e } as const;
export const COVER_OPEN = { printer: 0x1a, offlineCause: 0x16, paper: 0x12 } as const;

export interface FakeStatus {
  printer: number;
  offlineCause: number;
  paper: number;
}

export type FakeMode =
  | { kind: 'normal' }
  /** Accepts and closes every connection at once. */
  | { kind: 'closeOnConnect' }
  /** Takes bytes but never answers DLE EOT. */
  | { kind: 'silent' }
  /** Hangs up after this many bytes of print data (status queries not counted). */
  | { kind: 'closeAfter'; bytes: number }
  /** Accepts every connection and never reads from it (so never answers either). */
  | { kind: 'neverRead' };

export class FakePrinter {
  status: FakeStatus = { ...STATUS_OK };
  private currentMode: FakeMode = { kind: 'normal' };
  /** Print data received, DLE EOT queries taken out, across all connections. */
  data = Buffer.alloc(0);
  /** `data` as last read into jobs. */
  private read: { data: Buffer; jobs: ReadJob[] } = { data: Buffer.alloc(0), jobs: [] };
  /** When the last print byte arrived (performance.timeOrigin + performance.now(), ms), for latency benchmarks. */
  lastDataAt = 0;
  /** The DLE EOT n values asked, in order. */
  readonly statusQueries: number[] = [];
  connections = 0;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  private constructor(public port: number) {}

  static async start(port = 0): Promise<FakePrinter> {
    const printer = new FakePrinter(port);
    await printer.listen();
    return printer;
  }

  get uri(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  get listening(): boolean {
    return this.server !== null;
  }

  get mode(): FakeMode {
    return this.currentMode;
  }

  /**
   * A fault starts now, on the connections already open too (the workstation
   * keeps its connection open between jobs): a printer that stops reading
   * stops on every connection, one that drops connections drops the open ones,
   * and a cable pulled mid-job counts the bytes from now on.
   */
  set mode(mode: FakeMode) {
    this.currentMode = mode;
    this.modeSetAt++;
    for (const socket of this.sockets) {
      if (mode.kind === 'closeOnConnect') socket.destroy();
      else if (mode.kind === 'neverRead') socket.pause();
      else socket.resume();
    }
  }

  private modeSetAt = 0;

  private answer(n: number): number {
    return n === 1 ? this.status.printer : n === 2 ? this.status.offlineCause : n === 4 ? this.status.paper : 0x12;
  }

  private handle(socket: Socket): void {
    this.connections++;
    this.sockets.add(socket);
    // a printer answers each real-time status query as it comes, in a segment of its own: without this, Nagle's
    // algorithm holds the second and third answers to DLE EOT 1/2/4 back until the first is acknowledged (40 ms)
    socket.setNoDelay(true);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    if (this.mode.kind === 'closeOnConnect') {
      socket.destroy();
      return;
    }
    if (this.mode.kind === 'neverRead') {
      socket.pause();
      return;
    }
    let pending: number[] = []; // a DLE EOT split across chunks
    let received = 0;
    let countingSince = this.modeSetAt;
    socket.on('data', (chunk: Buffer) => {
      if (countingSince !== this.modeSetAt) {
        countingSince = this.modeSetAt;
        received = 0;
      }
      const bytes = [...pending, ...chunk];
      pending = [];
      const keep: number[] = [];
      const limit = this.mode.kind === 'closeAfter' ? this.mode.bytes : Infinity;
      let hangUp = false;
      for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] === 0x10 && (i + 1 >= bytes.length || bytes[i + 1] === 0x04)) {
          if (i + 2 >= bytes.length) {
            pending = bytes.slice(i);
            break;
          }
          const n = bytes[i + 2] ?? 0;
          this.statusQueries.push(n);
          if (this.mode.kind !== 'silent') socket.write(Buffer.from([this.answer(n)]));
          i += 2;
          continue;
        }
        if (received >= limit) {
          hangUp = true; // the cable is pulled: nothing after this byte is read or answered
          break;
        }
        keep.push(bytes[i] ?? 0);
        received++;
      }
      if (keep.length > 0) {
        this.lastDataAt = performance.timeOrigin + performance.now();
        this.data = Buffer.concat([this.data, Buffer.from(keep)]);
      }
      if (hangUp) socket.destroy();
    });
  }

  private listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = createServer((socket) => this.handle(socket));
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        const address = server.address();
        if (address && typeof address === 'object') this.port = address.port;
        this.server = server;
        resolve();
      });
    });
  }

  /** Switches the printer off: the port refuses connections; open ones are cut. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Switches it on again on the same port. */
  async restart(): Promise<void> {
    if (!this.server) await this.listen();
  }

  /** The print jobs received so far (each begins with ESC @). */
  jobs(): ReadJob[] {
    // read again only when bytes arrived: waitForJobs() polls, and reading every slip so far takes milliseconds
    if (this.read.data !== this.data) this.read = { data: this.data, jobs: readJobs(this.data) };
    return this.read.jobs;
  }

  async waitForJobs(count: number, timeoutMs = 20_000): Promise<ReadJob[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const jobs = this.jobs();
      if (jobs.length >= count && jobs.slice(0, count).every((j) => j.items.some((i) => i.kind === 'cut'))) return jobs;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`fake printer: expected ${count} job(s), got ${this.jobs().length}`);
  }
}
