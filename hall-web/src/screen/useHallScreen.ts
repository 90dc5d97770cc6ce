/**
 * The hall screen's data: pushed by the hall (server-sent events on
 * SCREEN_ROUTES.hallScreenEvents, a message after every queue change) and
 * read from the public route (follow-feed.ts): every SLOW_POLL_MS while the
 * push is open (the clock and anything the push missed), every POLL_MS while
 * it is not. Every answer is checked with the route's schema. The offset of
 * the hall's clock from this machine's makes the screen show the hall's time.
 */
import { useEffect, useState } from 'react';
import { SCREEN_ROUTES, type HallScreen } from '../../../shared/hall/screen-contract';
import type { Result } from '../../../shared/result';
import { fetchResult } from '../fetch-result';
import { followFeed } from '../follow-feed';

/** Pause between two reads without the push: a call shows within about a second. */
const POLL_MS = 1_000;
/** Pause between two reads while the push is open. */
const SLOW_POLL_MS = 15_000;
/** A stream the hall refused (or closed for good) is opened again after this pause. */
const REOPEN_MS = 10_000;

const UNREADABLE = '综合屏数据无法识别';

export interface ScreenState {
  screen: HallScreen | null;
  /** The hall's clock minus this machine's, in milliseconds. */
  clockOffset: number;
  /** The last read failed: the screen keeps showing what it had. */
  offline: boolean;
}

export function useHallScreen(): ScreenState {
  const [state, setState] = useState<ScreenState>({ screen: null, clockOffset: 0, offline: false });
  useEffect(() => {
    const route = SCREEN_ROUTES.hallScreen;
    const feed = followFeed({
      eventsPath: SCREEN_ROUTES.hallScreenEvents.path,
      // fetchResult checked the value with the route's schema
      read: () => fetchResult(route.path, { cache: 'no-store' }, route.response, UNREADABLE, { code: 'DISCONNECTED', message: '连不上大厅服务器' }) as Promise<Result<HallScreen>>,
      schema: route.response,
      unreadable: UNREADABLE,
      pollMs: POLL_MS,
      slowPollMs: SLOW_POLL_MS,
      reopenMs: REOPEN_MS,
      show: (r) => setState((s) => (r.ok ? { screen: r.value, clockOffset: Date.parse(r.value.now) - Date.now(), offline: false } : { ...s, offline: true })),
    });
    return feed.stop;
  }, []);
  return state;
}
