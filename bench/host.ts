/** The host-mode process and a WebSocket API client, for the benchmarks. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

export function now(): number {
  return performance.timeOrigin + performance.now();
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startHost(dataDir: string, extra: string[] = []): Promise<{ port: number; ms: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const started = now();
  const child = spawn(process.execPath, ['out/main/host.js', '--port', String(port), '--data-dir', dataDir, ...extra], { stdio: 'ignore' });
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/display`);
      if (response.ok) {
        await response.text();
        break;
      }
    } catch {
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  const ms = now() - started;
  return {
    port,
    ms,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export class Client {
  private next = 1;
  private readonly waiting = new Map<number, (v: unknown) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { kind: string; id?: number; result?: unknown };
      if (message.kind === 'result' && message.id !== undefined) {
        this.waiting.get(message.id)?.(message.result);
        this.waiting.delete(message.id);
      }
    });
  }
  static open(port: number): Promise<Client> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api?role=clerk`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new Client(ws)));
      ws.once('error', reject);
    });
  }
  call(method: string, params: unknown): Promise<{ ok: boolean }> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, (v) => resolve(v as { ok: boolean }));
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }
  close(): void {
    this.ws.close();
  }
}

