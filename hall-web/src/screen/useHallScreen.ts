/**
 * The hall screen's data: pushed by the hall (server-sent events on
 * SCREEN_ROUTES.hallScreenEvents, a message after every queue change), and
 * also read from the public route, one request at a time: every
 * SLOW_POLL_MS while the push is open (the clock and anything the push
 * missed), every POLL_MS while it is not (the hall refused or dropped it; the
 * browser reconnects by itself). Every answer is checked with the route's
 * schema. The offset of the hall's clock from this machine's makes the
 * screen show the hall's time.
 */
import { useEffect, useState } from 'react';
import { SCREEN_ROUTES, type HallScreen } from '../../../shared/hall/screen-contract';

/** Pause between two reads without the push: a call shows within about a second. */
const POLL_MS = 1_000;
/** Pause between two reads while the push is open. */
const SLOW_POLL_MS = 15_000;
/** A stream the hall refused (or closed for good) is opened again after this pause. */
const REOPEN_MS = 10_000;

export interface ScreenState {
  screen: HallScreen | null;
  /** The hall's clock minus this machine's, in milliseconds. */
  clockOffset: number;
  /** The last read failed: the screen keeps showing what it had. */
  offline: boolean;
}

function parse(value: unknown): HallScreen | null {
  const parsed = SCREEN_ROUTES.hallScreen.response.safeParse(value);
  return parsed.success ? parsed.data : null;
}

async function read(): Promise<HallScreen | null> {
  try {
    const res = await fetch(SCREEN_ROUTES.hallScreen.path, { cache: 'no-store' });
    const body = (await res.json()) as { ok: boolean; value?: unknown };
    return body.ok ? parse(body.value) : null;
  } catch {
    return null;
  }
}

function pushed(data: string): HallScreen | null {
  try {
    return parse(JSON.parse(data));
  } catch {
    return null;
  }
}

export function useHallScreen(): ScreenState {
  const [state, setState] = useState<ScreenState>({ screen: null, clockOffset: 0, offline: false });
  useEffect(() => {
    let stopped = false;
    let live = false;
    let reading = false;
    /** When the last pushed message came (performance.now()): a read sent before it may be older, and the push sends every change anyway. */
    let lastPush = -1;
    let pollTimer: number | undefined;
    let reopenTimer: number | undefined;
    let source: EventSource | null = null;
    const show = (screen: HallScreen | null): void => {
      if (!stopped) setState((s) => (screen === null ? { ...s, offline: true } : { screen, clockOffset: Date.parse(screen.now) - Date.now(), offline: false }));
    };
    const schedule = (ms: number): void => {
      window.clearTimeout(pollTimer);
      pollTimer = window.setTimeout(() => void poll(), ms);
    };
    const poll = async (): Promise<void> => {
      reading = true;
      const sent = performance.now();
      const screen = await read();
      reading = false;
      if (stopped) return;
      if (lastPush < sent) show(screen);
      schedule(live ? SLOW_POLL_MS : POLL_MS);
    };
    const open = (): void => {
      source = new EventSource(SCREEN_ROUTES.hallScreenEvents.path);
      source.onopen = () => (live = true);
      source.onmessage = (e: MessageEvent<string>) => {
        lastPush = performance.now();
        show(pushed(e.data));
      };
      source.onerror = () => {
        // read at the fast pace until the stream is back
        live = false;
        if (!reading) schedule(POLL_MS);
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        source = null;
        reopenTimer = window.setTimeout(open, REOPEN_MS);
      };
    };
    open();
    void poll();
    return () => {
      stopped = true;
      source?.close();
      window.clearTimeout(pollTimer);
      window.clearTimeout(reopenTimer);
    };
  }, []);
  return state;
}
