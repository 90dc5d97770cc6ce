/**
 * Data a hall page shows, pushed by the hall (server-sent events, a message
 * after every change: hall/http/event-feed.ts) and also read from its route,
 * one request at a time: every slowPollMs while the push is open (what
 * changes with time alone, and anything the push missed), every pollMs while
 * it is not (the hall refused or dropped it; the browser reconnects by
 * itself, and a stream closed for good is opened again after reopenMs).
 * Every pushed message is checked with the route's schema. A read sent
 * before the last pushed message may be older than it, and is not shown.
 */
import type { ZodType } from 'zod';
import type { Result } from '../../shared/result';

export interface FeedSource<T> {
  /** The stream's path (same origin: the browser sends the page's cookies). */
  eventsPath: string;
  /** One read of the route. */
  read: () => Promise<Result<T>>;
  /** The route's answer schema, for the pushed messages. */
  schema: ZodType<T>;
  /** What a pushed message that does not match the schema says. */
  unreadable: string;
  pollMs: number;
  slowPollMs: number;
  reopenMs: number;
  /** Each answer, read or pushed. */
  show: (result: Result<T>) => void;
}

export interface Following {
  /** Reads the route now (after the page changed what it shows). */
  readNow: () => void;
  stop: () => void;
}

function pushed<T>(source: FeedSource<T>, data: string): Result<T> {
  try {
    const parsed = source.schema.safeParse(JSON.parse(data));
    if (parsed.success) return { ok: true, value: parsed.data };
  } catch {
    // not JSON: unreadable like a message of the wrong shape
  }
  return { ok: false, error: { code: 'INTERNAL', message: source.unreadable } };
}

export function followFeed<T>(source: FeedSource<T>): Following {
  let stopped = false;
  let live = false;
  let reading = false;
  /** readNow was asked during a read: read again at once after it. */
  let again = false;
  /** When the last pushed message came (performance.now()). */
  let lastPush = -1;
  let pollTimer: number | undefined;
  let reopenTimer: number | undefined;
  let events: EventSource | null = null;
  const schedule = (ms: number): void => {
    window.clearTimeout(pollTimer);
    pollTimer = window.setTimeout(() => void poll(), ms);
  };
  const poll = async (): Promise<void> => {
    reading = true;
    const sent = performance.now();
    const result = await source.read();
    reading = false;
    if (stopped) return;
    if (lastPush < sent) source.show(result);
    schedule(again ? 0 : live ? source.slowPollMs : source.pollMs);
    again = false;
  };
  const open = (): void => {
    events = new EventSource(source.eventsPath);
    events.onopen = () => (live = true);
    events.onmessage = (e: MessageEvent<string>) => {
      lastPush = performance.now();
      source.show(pushed(source, e.data));
    };
    events.onerror = () => {
      // read at the fast pace until the stream is back: the next read comes pollMs after the stream went down (a
      // stream that keeps failing must not postpone it again and again; the reads then keep the fast pace themselves)
      if (live && !reading) schedule(source.pollMs);
      live = false;
      if (events?.readyState !== EventSource.CLOSED || stopped) return;
      events = null;
      reopenTimer = window.setTimeout(open, source.reopenMs);
    };
  };
  open();
  void poll();
  return {
    readNow: () => {
      if (reading) again = true;
      else schedule(0);
    },
    stop: () => {
      stopped = true;
      events?.close();
      window.clearTimeout(pollTimer);
      window.clearTimeout(reopenTimer);
    },
  };
}
