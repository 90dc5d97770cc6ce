/** A test client for the host's WebSocket API: real sockets, messages kept for inspection. */
import { request } from 'node:http';
import WebSocket from 'ws';

export interface ResultMessage {
  kind: 'result';
  id: number;
  result: unknown;
}
export interface EventMessage {
  kind: 'event';
  event: string;
  payload: unknown;
}
export type Message = ResultMessage | EventMessage;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toMessage(data: string): Message {
  const value: unknown = JSON.parse(data);
  if (!isRecord(value)) throw new Error(`server sent a non-object: ${data.slice(0, 100)}`);
  if (value.kind === 'result' && typeof value.id === 'number') return { kind: 'result', id: value.id, result: value.result };
  if (value.kind === 'event' && typeof value.event === 'string') return { kind: 'event', event: value.event, payload: value.payload };
  throw new Error(`server sent an unknown message: ${data.slice(0, 100)}`);
}

/** Client options; `host` replaces the Host header, as a browser does for a page at another name. */
function socketOptions(origin?: string, host?: string): WebSocket.ClientOptions {
  return { ...(origin ? { origin } : {}), ...(host ? { headers: { Host: host } } : {}) };
}

interface Waiter {
  match: (m: Message) => boolean;
  resolve: (m: Message) => void;
}

export class ApiSocket {
  readonly messages: Message[] = [];
  private readonly waiters = new Set<Waiter>();
  private nextId = 1;
  readonly closed: Promise<number>;

  private constructor(readonly ws: WebSocket) {
    ws.on('error', () => {
      // a refused or broken socket shows as its close code
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) throw new Error('server sent a binary frame');
      const message = toMessage(String(data));
      this.messages.push(message);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(message)) {
          this.waiters.delete(waiter);
          waiter.resolve(message);
        }
      }
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  static open(url: string, origin?: string, host?: string): Promise<ApiSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, socketOptions(origin, host));
      ws.once('open', () => resolve(new ApiSocket(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode ?? 0}`)));
    });
  }

  /** Resolves with the first message, already received from index `from` on or yet to come, that matches. */
  waitFor(match: (m: Message) => boolean, from = 0, timeoutMs = 15_000): Promise<Message> {
    const seen = this.messages.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error('timed out waiting for a message'));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      this.waiters.add(waiter);
    });
  }

  async call(method: string, params: unknown, requestId?: string): Promise<unknown> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, params, requestId }));
    const reply = await this.waitFor((m) => m.kind === 'result' && m.id === id);
    return reply.kind === 'result' ? reply.result : undefined;
  }

  send(data: string | Buffer): void {
    this.ws.send(data);
  }

  events(name?: string): EventMessage[] {
    return this.messages.filter((m): m is EventMessage => m.kind === 'event' && (name === undefined || m.event === name));
  }

  results(): ResultMessage[] {
    return this.messages.filter((m): m is ResultMessage => m.kind === 'result');
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    await this.closed;
  }
}

/** Tries to open a socket that the server must refuse; resolves with the HTTP status it answered. */
export function refusedUpgrade(url: string, origin?: string, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, socketOptions(origin, host));
    ws.on('error', () => {
      // the refusal itself may also surface as an error after the response
    });
    ws.once('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('the server accepted the socket'));
    });
  });
}

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the path reaches the server exactly as written (no client-side normalising). */
export function httpRequest(port: number, path: string, method = 'GET'): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent: false, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${method} ${path}`)));
    req.on('error', reject);
    req.end();
  });
}
