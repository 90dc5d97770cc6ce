/**
 * The hall's HTTP API (node:http, JSON): finds the route of the contract,
 * authenticates the window by its bearer credential, validates the request
 * with the route's schema and answers a Result (shared/result.ts). Plain HTTP
 * is meant for the hall LAN; put a TLS-terminating reverse proxy in front
 * (README "Hall server").
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HALL_ROUTES, KIOSK_ROUTES, type HallRouteName } from '../../shared/hall/contract';
import { CounterError, type ApiError, type ErrorCode } from '../../shared/result';
import { authenticate } from '../store/windows';
import { handleWeb, isWebPath } from '../console/http';
import { enrolHandler, WINDOW_HANDLERS, type HallContext } from './routes';
import { handleScreen, isScreenPath, screenFeed, type ScreenFeed } from './screen';
import { readBody } from './read-body';
import { boardFeed, type BoardFeed } from '../console/board-feed';

/** Largest request body: a full push of change-log rows fits with room to spare. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNKNOWN_METHOD: 404,
  SETUP_REQUIRED: 409,
  SETUP_DONE: 409,
  AUTH_REQUIRED: 401,
  SESSION_LOCKED: 403,
  FORBIDDEN: 403,
  PIN_WRONG: 403,
  ACCOUNT_LOCKED: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_IMAGE: 400,
  INTERNAL: 500,
  DISCONNECTED: 503,
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

function sendError(res: ServerResponse, error: ApiError): void {
  send(res, STATUS[error.code], { ok: false, error });
}

function findRoute(method: string, path: string): HallRouteName | null {
  for (const name of Object.keys(HALL_ROUTES) as HallRouteName[]) {
    const route = HALL_ROUTES[name];
    if (route.method === method && route.path === path) return name;
  }
  return null;
}

/** The request as sent: the query of a GET, the JSON body otherwise (checked by the route's schema later). */
async function rawInput(req: IncomingMessage, url: URL): Promise<unknown> {
  if (req.method === 'GET') return Object.fromEntries(url.searchParams);
  const text = await readBody(req, MAX_BODY_BYTES);
  try {
    return JSON.parse(text);
  } catch {
    throw new CounterError('VALIDATION', '请求内容不是有效的 JSON');
  }
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m?.[1] ?? null;
}

/** Window routes after which the hall screen's waiting counts or calls may read differently: its push sends them. */
const SCREEN_CHANGES = new Set<HallRouteName>(['queueTake', 'queueCallNext', 'queueCallTicket', 'queueRecall', 'queuePass', 'queueCallBack', 'queueTransfer', 'queueStart', 'queueFinish']);

/** Window routes after which the console board may read differently: a push (status, backlog, projected rows, audit, quarantine), a queue action (last contact). */
const BOARD_CHANGES = new Set<HallRouteName>([...SCREEN_CHANGES, 'push']);

/** The pushes to open pages: the hall screen's and the console board's. */
interface Feeds {
  screen: ScreenFeed;
  board: BoardFeed;
}

async function handle(ctx: HallContext, feeds: Feeds, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://hall.invalid');
  // the console, its API and the other pages the hall serves (hall/console/http.ts); a console edit may change the screen (matters, settings) and the board
  if (isWebPath(url.pathname)) {
    await handleWeb(ctx, feeds.board, req, res, url);
    if (req.method === 'POST') {
      feeds.screen.changed();
      feeds.board.changed();
    }
    return;
  }
  // the hall screen's public data, its push and the voice clips (hall/http/screen.ts): no credential
  if (isScreenPath(url.pathname)) return handleScreen(ctx, feeds.screen, req, res, url);
  const name = findRoute(req.method ?? 'GET', url.pathname);
  if (name === null) return sendError(res, { code: 'NOT_FOUND', message: '大厅服务器没有这个接口' });
  if (name === 'enrol') {
    const enrolled = await enrolHandler(ctx, await rawInput(req, url));
    feeds.board.changed();
    return send(res, 200, { ok: true, value: enrolled });
  }
  const credential = bearer(req);
  const who = credential === null ? null : await authenticate(ctx.pool, ctx.hall.hallId, credential);
  if (who === null) {
    req.resume();
    return sendError(res, { code: 'AUTH_REQUIRED', message: '窗口未登记到本大厅或凭据已失效，请重新登记窗口' });
  }
  if (who.deviceKind === 'kiosk' && !KIOSK_ROUTES.has(name)) {
    req.resume();
    return sendError(res, { code: 'FORBIDDEN', message: '取号机只能取号和查看等候人数' });
  }
  const value = await WINDOW_HANDLERS[name](ctx, who, await rawInput(req, url));
  if (SCREEN_CHANGES.has(name)) feeds.screen.changed();
  if (BOARD_CHANGES.has(name)) feeds.board.changed();
  send(res, 200, { ok: true, value });
}

export function createHallServer(ctx: HallContext, log: (line: string) => void = () => undefined): Server {
  const feeds: Feeds = { screen: screenFeed(ctx, log), board: boardFeed(ctx.pool, ctx.hall, log) };
  return createServer((req, res) => {
    handle(ctx, feeds, req, res).catch((error: unknown) => {
      if (error instanceof CounterError) {
        return sendError(res, error.fields ? { code: error.code, message: error.message, fields: error.fields } : { code: error.code, message: error.message });
      }
      log(`hall: ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendError(res, { code: 'INTERNAL', message: '大厅服务器内部错误，请稍后重试' });
    });
  });
}
