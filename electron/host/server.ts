/**
 * Host mode: the clerk workstation at / and the public display at /display,
 * with the same API over a WebSocket at /api. Bound to 127.0.0.1 unless the
 * LAN is allowed in settings. A LAN client's role is fixed when it pairs: the
 * display token pairs a display (display methods and events only); a clerk
 * screen needs the clerk token, which works only while a supervisor allows it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { DISPLAY_EVENTS, type CallerKind, type WireMessage, type WireRequest } from '../../shared/contract';
import { fail } from '../../shared/result';
import type { Settings } from '../../shared/settings';
import type { CounterCore } from '../services/core/core';
import { DOWNLOAD_PREFIX, serveDownload } from './download';
import { staticHandler } from './static-files';

export interface HostOptions {
  core: CounterCore;
  rendererDir: string;
  port: number;
}

export interface RunningHost {
  server: Server;
  port: number;
  bindAddress: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

/** The Host a loopback client names; any other name is a DNS-rebinding page, which must pair like a LAN client. */
function isLoopbackHost(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** Compares a presented token with the expected one in constant time (SHA-256 digests, so the lengths are equal). */
function tokenMatches(presented: string | null, expected: string): boolean {
  if (presented === null || expected === '') return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * The caller a socket is bound to for its lifetime, or null when it is refused.
 * A loopback client says which screen it is; a LAN client is what its token pairs.
 */
function pairedCaller(settings: Settings, local: boolean, url: URL): CallerKind | null {
  const asked: CallerKind = url.searchParams.get('role') === 'display' ? 'display' : 'clerk';
  if (local) return asked;
  if (!settings.allowLan) return null;
  const token = url.searchParams.get('token');
  if (tokenMatches(token, settings.pairingToken)) return 'display';
  if (settings.allowLanClerk && tokenMatches(token, settings.clerkPairingToken)) return asked;
  return null;
}

function parseRequest(data: string): WireRequest | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const { id, method, params, requestId } = value as Record<string, unknown>;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return null;
    return { id, method: typeof method === 'string' ? method : '', params, requestId };
  } catch {
    return null;
  }
}

function send(socket: WebSocket, message: WireMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

export function startHost(options: HostOptions): Promise<RunningHost> {
  const { core } = options;
  const settings = core.ctx.settings.get();
  const bindAddress = settings.allowLan ? '0.0.0.0' : '127.0.0.1';
  const serveStatic = staticHandler(options.rendererDir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(DOWNLOAD_PREFIX)) return void serveStatic(req, res);
    // the same pairing as the clerk screen's socket: a display token never downloads
    const local = isLoopback(req.socket.remoteAddress) && isLoopbackHost(req.headers.host);
    serveDownload(core, req, res, url, pairedCaller(core.ctx.settings.get(), local, url) === 'clerk');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const clients = new Map<WebSocket, CallerKind>();

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    const sameOrigin = !origin || origin === `http://${req.headers.host ?? ''}`;
    const local = isLoopback(req.socket.remoteAddress) && isLoopbackHost(req.headers.host);
    const caller = pairedCaller(core.ctx.settings.get(), local, url);
    if (url.pathname !== '/api' || !sameOrigin || caller === null) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.set(ws, caller);
      ws.on('close', () => clients.delete(ws));
      // ws closes the socket itself (e.g. 1009 for a message over maxPayload); unhandled, the error would crash the host
      ws.on('error', () => undefined);
      ws.on('message', (data, isBinary) => {
        const request = isBinary ? null : parseRequest(data.toString());
        if (!request) {
          send(ws, { kind: 'result', id: -1, result: fail('VALIDATION', '请求格式不正确，应为 {id, method, params}') });
          return;
        }
        void core.dispatch(request.method, request.params, caller, request.requestId).then((result) => {
          send(ws, { kind: 'result', id: request.id, result });
        });
      });
    });
  });

  const unsubscribe = core.onEvent((event, payload) => {
    for (const [ws, caller] of clients) {
      if (caller === 'display' && !DISPLAY_EVENTS.has(event)) continue;
      send(ws, { kind: 'event', event, payload });
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, bindAddress, () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        bindAddress,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const ws of clients.keys()) ws.terminate();
            wss.close();
            server.close(() => done());
          }),
      });
    });
  });
}
