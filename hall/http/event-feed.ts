/**
 * A push of one read-only answer to the browsers that show it (server-sent
 * events): each open stream gets the answer at once, then again after every
 * change the hall reports, so what a page shows follows a change as soon as
 * it is committed instead of at the page's next poll. The answer is read once
 * per change for all open streams (changes during a read are coalesced into
 * one more read). Streams are capped; a comment line every HEARTBEAT_MS keeps
 * idle connections open through proxies and finds dead ones. A feed behind a
 * login asks, before each message, which of its streams' owners may still
 * have it, and ends the others (a logout, an expired session). The hall
 * screen's feed (screen.ts) and the console board's (console/board-feed.ts).
 */
import type { ServerResponse } from 'node:http';

const HEARTBEAT_MS = 20_000;
/** How long the browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;

export interface FeedOptions<T> {
  /** The answer every message carries (the page's route's answer). */
  read: () => Promise<T>;
  /** Open streams at most; more are answered 503 with `fullMessage` (the page then polls). */
  limit: number;
  fullMessage: string;
  /** The feed's name in the hall's log. */
  name: string;
  /** Of the open streams' owners (as given to open), those that may still have the answer; absent: all. */
  allowed?: (owners: readonly string[]) => Promise<ReadonlySet<string>>;
}

export class EventFeed<T> {
  /** Each open stream and its owner. */
  private readonly streams = new Map<ServerResponse, string>();
  private reading = false;
  private again = false;
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly options: FeedOptions<T>,
    private readonly log: (line: string) => void,
  ) {}

  /** Answers a page's request for the stream (its owner already checked): the current answer first. */
  open(res: ServerResponse, owner = ''): void {
    if (this.streams.size >= this.options.limit) {
      const text = JSON.stringify({ ok: false, error: { code: 'DISCONNECTED', message: this.options.fullMessage } });
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
      res.end(text);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-accel-buffering': 'no' });
    res.write(`retry: ${RETRY_MS}\n\n`);
    this.streams.set(res, owner);
    // the response's close, not the request's: a GET's request closes as soon as its (empty) body is read
    res.once('close', () => this.drop(res));
    this.heartbeat ??= setInterval(() => this.broadcast(': ping\n\n'), HEARTBEAT_MS).unref();
    this.changed();
  }

  /** What the answer shows changed (or a page opened): read it once and send it to every open stream. */
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
        const text = `data: ${JSON.stringify(await this.options.read())}\n\n`;
        await this.endRefused();
        this.broadcast(text);
      } catch (error) {
        // the pages keep what they show; their slow poll reads again
        this.log(`${this.options.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } while (this.again && this.streams.size > 0);
    this.reading = false;
  }

  /** Ends the streams whose owner may no longer have the answer, before it is sent. */
  private async endRefused(): Promise<void> {
    if (this.options.allowed === undefined) return;
    const owners = [...this.streams.values()];
    const allowed = await this.options.allowed([...new Set(owners)]);
    for (const [res, owner] of [...this.streams]) {
      if (owners.includes(owner) && !allowed.has(owner)) {
        this.drop(res);
        res.end();
      }
    }
  }

  private broadcast(text: string): void {
    for (const res of this.streams.keys()) res.write(text);
  }

  private drop(res: ServerResponse): void {
    this.streams.delete(res);
    if (this.streams.size === 0 && this.heartbeat !== null) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }
}
