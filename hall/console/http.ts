/**
 * The web pages the hall serves and the console's API. Pages are built by
 * Vite from hall-web/ into out/hall-web (`npm run build`): each page is one
 * HTML file (PAGES) and the assets under /web-assets/. The console API
 * authenticates the supervisor by an HttpOnly, SameSite=Strict session cookie;
 * errors are thrown as CounterError and answered by the server (server.ts).
 * The board's push (board-feed.ts) is opened here too, behind the same cookie.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { BOARD_EVENTS, CONSOLE_ROUTES, type ConsoleRouteName, type ConsoleSession } from '../../shared/hall/console-contract';
import { CONSOLE_UPLOAD_MAX, UPLOAD_ROUTES } from '../../shared/hall/console-reference';
import { parseWith } from '../../shared/hall/contract';
import { CounterError } from '../../shared/result';
import { login, logout, SESSION_HOURS, sessionOf } from './auth';
import { SESSION_HANDLERS, type ConsoleContext } from './routes';
import { readBody } from '../http/read-body';
import { sha256 } from '../store/windows';
import type { BoardFeed } from './board-feed';

/** out/hall-web of this checkout. */
export const WEB_DIR = fileURLToPath(new URL('../../out/hall-web/', import.meta.url));

/** Each page path and its built HTML file. The kiosk and hall screen (queue) add theirs here. */
export const PAGES: Record<string, string> = {
  '/console': 'console.html',
  // the hall screen (综合屏): public, its data from the screen route (hall/http/screen.ts)
  '/hall-screen': 'hall-screen.html',
  // kiosk14: the kiosk (取号机)
  '/kiosk': 'kiosk.html',
};

const ASSET_PREFIX = '/web-assets/';
const COOKIE = 'hall_console';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml', png: 'image/png', woff2: 'font/woff2' };

/** Whether the hall serves this path as a page, an asset or the console API. */
export function isWebPath(path: string): boolean {
  return path in PAGES || path.startsWith(ASSET_PREFIX) || path.startsWith('/console/');
}

function sendJson(res: ServerResponse, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify({ ok: true, value: body });
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

async function sendFile(res: ServerResponse, file: string, type: string, cache: string): Promise<void> {
  const body = await readFile(file).catch(() => null);
  if (body === null) throw new CounterError('NOT_FOUND', '页面文件不存在：请先运行 npm run build');
  res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': cache, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });
  res.end(body);
}

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=') || null;
  }
  return null;
}

function sessionCookie(token: string, maxAge: number): string {
  return `${COOKIE}=${token}; Path=/console; HttpOnly; SameSite=Strict; Max-Age=${maxAge}`;
}

/** Largest request body: a file upload's route takes a whole file, every other route a small form. */
function bodyLimit(path: string): number {
  return UPLOAD_ROUTES.includes(path) ? CONSOLE_UPLOAD_MAX * 2 : 64 * 1024;
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const text = await readBody(req, limit);
  try {
    return JSON.parse(text || '{}');
  } catch {
    throw new CounterError('VALIDATION', '请求内容不是有效的 JSON');
  }
}

/** The routes answered as a CSV file, with the file's name. */
const CSV_FILES: Partial<Record<ConsoleRouteName, string>> = { ledgerCsv: '大厅台账', statsCsv: '大厅统计', queueStatsCsv: '排队统计' };

function routeOf(method: string, path: string): ConsoleRouteName | null {
  for (const name of Object.keys(CONSOLE_ROUTES) as ConsoleRouteName[]) {
    if (CONSOLE_ROUTES[name].method === method && CONSOLE_ROUTES[name].path === path) return name;
  }
  return null;
}

/** A write must come from the hall's own page: a JSON body, and no foreign Origin. */
function assertSameOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && new URL(origin).host !== req.headers.host) throw new CounterError('FORBIDDEN', '请求来源不是本大厅管理台');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new CounterError('VALIDATION', '请求须为 JSON');
}

const loginFirst = (): CounterError => new CounterError('AUTH_REQUIRED', '请先登录大厅管理台（登录已过期或已退出）');

/** The board's push for a logged-in supervisor; the stream is the session's (its token hash), ended when the session ends. */
async function boardEvents(ctx: ConsoleContext, feed: BoardFeed, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  req.resume();
  parseWith(BOARD_EVENTS.request, Object.fromEntries(url.searchParams));
  const token = cookieToken(req);
  if (token === null || (await sessionOf(ctx.pool, ctx.hall, token)) === null) throw loginFirst();
  feed.open(res, sha256(token));
}

async function api(ctx: ConsoleContext, feed: BoardFeed, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method === 'GET' && url.pathname === BOARD_EVENTS.path) return boardEvents(ctx, feed, req, res, url);
  const name = routeOf(req.method ?? 'GET', url.pathname);
  if (name === null) throw new CounterError('NOT_FOUND', '大厅管理台没有这个接口');
  if (req.method !== 'GET') assertSameOrigin(req);
  const token = cookieToken(req);
  const open = name === 'login' || name === 'logout';
  // the session first: only a logged-in supervisor may send a file-sized body
  const who: ConsoleSession | null = open || token === null ? null : await sessionOf(ctx.pool, ctx.hall, token);
  if (!open && who === null) throw loginFirst();
  const raw = req.method === 'GET' ? Object.fromEntries(url.searchParams) : await readJson(req, bodyLimit(url.pathname));
  if (name === 'login') {
    const body = parseWith(CONSOLE_ROUTES.login.request, raw);
    const done = await login(ctx.pool, ctx.hall, body.staffNo, body.pin);
    return sendJson(res, done.session, { 'set-cookie': sessionCookie(done.token, SESSION_HOURS * 3600) });
  }
  if (name === 'logout') {
    if (token !== null) await logout(ctx.pool, ctx.hall, token);
    return sendJson(res, {}, { 'set-cookie': sessionCookie('', 0) });
  }
  if (who === null) throw loginFirst();
  const csvName = CSV_FILES[name];
  if (csvName !== undefined) {
    const csv = await (SESSION_HANDLERS[name] as (c: ConsoleContext, w: ConsoleSession, r: unknown) => Promise<string>)(ctx, who, raw);
    const file = encodeURIComponent(`${csvName}-${new Date().toISOString().slice(0, 10)}.csv`);
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename*=UTF-8''${file}`, 'cache-control': 'no-store' });
    res.end(csv);
    return;
  }
  const handler = SESSION_HANDLERS[name] as (c: ConsoleContext, w: ConsoleSession, r: unknown) => Promise<unknown>;
  sendJson(res, await handler(ctx, who, raw));
}

export async function handleWeb(ctx: ConsoleContext, boardFeed: BoardFeed, req: IncomingMessage, res: ServerResponse, url: URL, webDir = WEB_DIR): Promise<void> {
  const page = PAGES[url.pathname];
  if (page !== undefined) return sendFile(res, `${webDir}/${page}`, 'text/html; charset=utf-8', 'no-store');
  if (url.pathname.startsWith(ASSET_PREFIX)) {
    const name = url.pathname.slice(ASSET_PREFIX.length);
    const type = TYPES[name.split('.').pop() ?? ''];
    if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith('.') || type === undefined) throw new CounterError('NOT_FOUND', '没有这个文件');
    return sendFile(res, `${webDir}/web-assets/${name}`, type, 'public, max-age=31536000, immutable');
  }
  return api(ctx, boardFeed, req, res, url);
}
