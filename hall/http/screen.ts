/**
 * The hall screen's public routes (shared/hall/screen-contract.ts): its data,
 * read without a credential because it holds only what the screen shows to
 * the whole hall, its push (screenFeed, on event-feed.ts), and the voice
 * clips. A clip comes from the office's own folder (the hall's data dir,
 * voice-clips/) when that folder has one of the name, else from the default
 * set shipped in hall/voice-clips/.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { VOICE_CLIP_NAMES } from '../../shared/domain/announcer';
import { parseWith } from '../../shared/hall/contract';
import { SCREEN_ROUTES, VOICE_CLIP_PATH, type HallScreen } from '../../shared/hall/screen-contract';
import { CounterError } from '../../shared/result';
import { hallScreen } from '../store/queue-screen';
import type { HallContext } from './routes';
import { EventFeed } from './event-feed';

/** The default clip set shipped with the hall. */
export const DEFAULT_CLIPS_DIR = fileURLToPath(new URL('../voice-clips/', import.meta.url));

export function isScreenPath(path: string): boolean {
  return path === SCREEN_ROUTES.hallScreen.path || path === SCREEN_ROUTES.hallScreenEvents.path || path.startsWith(VOICE_CLIP_PATH);
}

async function clip(ctx: HallContext, name: string): Promise<Buffer> {
  const own = ctx.voiceClipsDir === null ? null : await readFile(`${ctx.voiceClipsDir}/${name}.wav`).catch(() => null);
  const body = own ?? (await readFile(`${DEFAULT_CLIPS_DIR}${name}.wav`).catch(() => null));
  if (body === null) throw new CounterError('NOT_FOUND', `没有语音片段 ${name}`);
  return body;
}

/** Open screen streams at most: a hall has a few screens; more are answered 503 (the page then polls). */
export const MAX_SCREEN_STREAMS = 32;

export type ScreenFeed = EventFeed<HallScreen>;

/** The screen's push: after every change of the queue, read once for all open screens. */
export function screenFeed(ctx: HallContext, log: (line: string) => void): ScreenFeed {
  return new EventFeed({ read: () => hallScreen(ctx.pool, ctx.hall, ctx.now()), limit: MAX_SCREEN_STREAMS, fullMessage: '综合屏连接数已满，请稍后重试', name: 'hall screen feed' }, log);
}

export async function handleScreen(ctx: HallContext, feed: ScreenFeed, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  req.resume();
  if (req.method !== 'GET') throw new CounterError('NOT_FOUND', '大厅服务器没有这个接口');
  if (url.pathname === SCREEN_ROUTES.hallScreenEvents.path) {
    parseWith(SCREEN_ROUTES.hallScreenEvents.request, Object.fromEntries(url.searchParams));
    feed.open(res);
    return;
  }
  if (url.pathname.startsWith(VOICE_CLIP_PATH)) {
    const name = /^([A-Za-z0-9]+)\.wav$/.exec(url.pathname.slice(VOICE_CLIP_PATH.length))?.[1];
    if (name === undefined || !VOICE_CLIP_NAMES.includes(name)) throw new CounterError('NOT_FOUND', '没有这个语音片段');
    const body = await clip(ctx, name);
    // no-cache: an office's replaced clip is heard on the screen's next load
    res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': body.length, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    res.end(body);
    return;
  }
  parseWith(SCREEN_ROUTES.hallScreen.request, Object.fromEntries(url.searchParams));
  const text = JSON.stringify({ ok: true, value: await hallScreen(ctx.pool, ctx.hall, ctx.now()) });
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}
