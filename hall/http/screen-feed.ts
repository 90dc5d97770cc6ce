/**
 * The hall screen's push (GET /api/hall-screen/events, server-sent events):
 * each open screen gets the screen's data at once, then again after every
 * change of the queue, so a call shows on the screen as soon as it is
 * committed instead of at the screen's next poll. Public and read-only like
 * /api/hall-screen: every message is that route's answer, read once per
 * change for all open screens (changes during a read are coalesced into one
 * more read). Streams are capped; a comment line every HEARTBEAT_MS keeps
 * idle connections open through proxies and finds dead ones.
 */
import type { ServerResponse } from 'node:http';
import type { HallScreen } from '../../shared/hall/screen-contract';

/** Open streams at most: a hall has a few screens; more are answered 503 (the page then polls). */
export const MAX_SCREEN_STREAMS = 32;
const HEARTBEAT_MS = 20_000;
/** How long the browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;

export class ScreenFeed {
  private readonly streams = new Set<ServerResponse>();
  private reading = false;
  private again = false;
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly read: () => Promise<HallScreen>,
    private readonly log: (line: string) => void,
    private readonly limit = MAX_SCREEN_STREAMS,
  ) {}

  /** Answers a screen's request for the stream: the current data first. */
  open(res: ServerResponse): void {
    if (this.streams.size >= this.limit) {
      const text = JSON.stringify({ ok: false, error: { code: 'DISCONNECTED', message: '综合屏连接数已满，请稍后重试' } });
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
      res.end(text);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-accel-buffering': 'no' });
    res.write(`retry: ${RETRY_MS}\n\n`);
    this.streams.add(res);
    // the response's close, not the request's: a GET's request closes as soon as its (empty) body is read
    res.once('close', () => this.drop(res));
    this.heartbeat ??= setInterval(() => this.broadcast(': ping\n\n'), HEARTBEAT_MS).unref();
    this.changed();
  }

  /** The queue changed (or a screen opened): read the screen once and send it to every open stream. */
  changed(): void {
    if (this.streams.size === 0) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    void this.readAndSend();
  }

  private async readAndSend(): Promise<void> {
    do {
      this.again = false;
      try {
        this.broadcast(`data: ${JSON.stringify(await this.read())}\n\n`);
      } catch (error) {
        // the screens keep what they show; their slow poll reads again
        this.log(`hall screen feed: ${error instanceof Error ? error.message : String(error)}`);
      }
    } while (this.again && this.streams.size > 0);
    this.reading = false;
  }

  private broadcast(text: string): void {
    for (const res of this.streams) res.write(text);
  }

  private drop(res: ServerResponse): void {
    this.streams.delete(res);
    if (this.streams.size === 0 && this.heartbeat !== null) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }
}
