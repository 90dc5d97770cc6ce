/**
 * A misbehaving TCP proxy on 127.0.0.1 between windows and the hall. Each
 * request draws its fault from a seeded PRNG (replayable): pass through,
 * drop at once, delay every chunk, duplicate the request bytes onto a second
 * upstream connection (the hall sees the same HTTP request twice), or cut the
 * connection after N bytes of the request or of the response. Mode `healthy`
 * lets every later request through; `refusing` drops every request.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { Prng } from './prng';

export type ProxyFault = 'pass' | 'drop' | 'delay' | 'duplicate' | 'cutRequest' | 'cutResponse';

export type ProxyMode = 'faulty' | 'healthy' | 'refusing';

const FAULTS: readonly ProxyFault[] = ['pass', 'drop', 'delay', 'duplicate', 'cutRequest', 'cutResponse'];

/** The first bytes of an HTTP request (a new request on a kept-alive connection). */
const REQUEST_START = /^(GET|POST|PUT|DELETE|PATCH|HEAD) /;

export interface TcpProxy {
  url: string;
  port: number;
  /** How many requests met each fault so far. */
  counts: Record<ProxyFault, number>;
  setMode(mode: ProxyMode): void;
  close(): Promise<void>;
}

/** Forwards a chunk after a delay, keeping the chunks in order. */
function delayedWriter(target: Socket, prng: Prng): (chunk: Buffer) => void {
  let chain = Promise.resolve();
  return (chunk) => {
    const ms = prng.int(1, 40);
    chain = chain.then(
      () =>
        new Promise<void>((resolve) => {
          setTimeout(() => {
            if (!target.destroyed) target.write(chunk);
            resolve();
          }, ms);
        }),
    );
  };
}

export async function startTcpProxy(upstreamPort: number, seed: number): Promise<TcpProxy> {
  const prng = new Prng(seed);
  let mode: ProxyMode = 'faulty';
  const sockets = new Set<Socket>();
  const counts = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<ProxyFault, number>;
  const track = (s: Socket): Socket => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
    return s;
  };

  const draw = (): ProxyFault => {
    const fault: ProxyFault = mode === 'healthy' ? 'pass' : mode === 'refusing' ? 'drop' : prng.pick(FAULTS);
    counts[fault]++;
    return fault;
  };

  // keep-alive carries many requests on one connection: each request draws its own fault
  const server: Server = createServer((client) => {
    track(client);
    const upstream = track(connect(upstreamPort, '127.0.0.1'));
    let fault: ProxyFault = 'pass';
    let twin: Socket | null = null;
    let cutAfter = 0;
    let requestBytes = 0;
    let responseBytes = 0;
    const delayToUpstream = delayedWriter(upstream, prng);
    const delayToClient = delayedWriter(client, prng);
    const cut = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      if (REQUEST_START.test(chunk.subarray(0, 8).toString('latin1'))) {
        fault = draw();
        cutAfter = prng.int(1, 600);
        requestBytes = 0;
        responseBytes = 0;
        twin?.end();
        twin = null;
        if (fault === 'drop') {
          cut();
          return;
        }
        if (fault === 'duplicate') {
          // the same request again on a new connection; its answer is read and thrown away
          twin = track(connect(upstreamPort, '127.0.0.1'));
          twin.on('data', () => undefined);
        }
      }
      if (fault === 'cutRequest' && requestBytes + chunk.length > cutAfter) {
        upstream.write(chunk.subarray(0, Math.max(0, cutAfter - requestBytes)));
        cut();
        return;
      }
      requestBytes += chunk.length;
      if (fault === 'delay') delayToUpstream(chunk);
      else upstream.write(chunk);
      twin?.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (fault === 'cutResponse' && responseBytes + chunk.length > cutAfter) {
        client.write(chunk.subarray(0, Math.max(0, cutAfter - responseBytes)));
        cut();
        return;
      }
      responseBytes += chunk.length;
      if (fault === 'delay') delayToClient(chunk);
      else client.write(chunk);
    });
    client.on('close', () => {
      upstream.destroy();
      twin?.end();
    });
    upstream.on('close', () => client.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    counts,
    setMode: (next) => {
      mode = next;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
