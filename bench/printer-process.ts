/**
 * The fake ESC/POS network printer in a process of its own, for the latency
 * benchmarks: a real printer is a device of its own, and in the benchmark's
 * process the printer's socket would wait behind Playwright's work, so the
 * "last byte arrived" stamp would include the benchmark driver's own delays.
 *
 * Parent: `const printer = await PrinterProcess.start()`, `printer.uri`,
 * `await printer.waitForJobs(n)` (the last byte's time, epoch ms),
 * `await printer.stop()`. Child: this file run with `node --import tsx`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FakePrinter } from '../tests/support/fake-printer';

/** From the parent: wait until n jobs have arrived whole. */
interface WaitRequest {
  waitFor: number;
}

/** From the child: its port once listening, then the answer to each WaitRequest. */
type ChildMessage = { port: number } | { jobs: number; lastDataAt: number } | { error: string };

export class PrinterProcess {
  private readonly answers: ((message: ChildMessage) => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.on('message', (message: ChildMessage) => this.answers.shift()?.(message));
  }

  static start(): Promise<PrinterProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the fake printer process exited (${code})`)));
      child.once('message', (message: ChildMessage) => {
        if ('port' in message) resolve(new PrinterProcess(child, message.port));
        else reject(new Error(`the fake printer process did not start: ${JSON.stringify(message)}`));
      });
    });
  }

  get uri(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** Resolves with the time the last byte arrived (epoch ms, this machine's clock) once `count` jobs have arrived. */
  waitForJobs(count: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.answers.push((message) => {
        if ('lastDataAt' in message) resolve(message.lastDataAt);
        else reject(new Error(`fake printer: ${JSON.stringify(message)}`));
      });
      this.child.send({ waitFor: count } satisfies WaitRequest);
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.child.removeAllListeners('exit');
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

async function serve(): Promise<void> {
  const printer = await FakePrinter.start();
  const send = (message: ChildMessage): void => {
    process.send?.(message);
  };
  process.on('message', (request: WaitRequest) => {
    printer.waitForJobs(request.waitFor).then(
      (jobs) => send({ jobs: jobs.length, lastDataAt: printer.lastDataAt }),
      (error: unknown) => send({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  send({ port: printer.port });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void serve();
