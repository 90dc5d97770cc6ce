/**
 * The hall screen's data: the public route read again and again, one request
 * at a time (the next one a second after the last answer), and the offset of
 * the hall's clock from this machine's, so the screen shows the hall's time.
 */
import { useEffect, useState } from 'react';
import { SCREEN_ROUTES, type HallScreen } from '../../../shared/hall/screen-contract';

/** Pause between two reads: the call shows within about a second of being made. */
const POLL_MS = 1_000;

export interface ScreenState {
  screen: HallScreen | null;
  /** The hall's clock minus this machine's, in milliseconds. */
  clockOffset: number;
  /** The last read failed: the screen keeps showing what it had. */
  offline: boolean;
}

async function read(): Promise<HallScreen | null> {
  try {
    const res = await fetch(SCREEN_ROUTES.hallScreen.path, { cache: 'no-store' });
    const body = (await res.json()) as { ok: boolean; value?: unknown };
    const parsed = SCREEN_ROUTES.hallScreen.response.safeParse(body.value);
    return body.ok && parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function useHallScreen(): ScreenState {
  const [state, setState] = useState<ScreenState>({ screen: null, clockOffset: 0, offline: false });
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const poll = async (): Promise<void> => {
      const screen = await read();
      if (stopped) return;
      setState((s) => (screen === null ? { ...s, offline: true } : { screen, clockOffset: Date.parse(screen.now) - Date.now(), offline: false }));
      timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, []);
  return state;
}
