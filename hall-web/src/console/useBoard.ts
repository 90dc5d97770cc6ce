/**
 * The board's data: pushed by the hall (BOARD_EVENTS, a message after every
 * change the board shows, behind the session cookie) and read from the board
 * route (follow-feed.ts): every SLOW_POLL_MS while the push is open (the
 * offline flags and lags, which change with time alone), every POLL_MS while
 * it is not. A session that has ended logs the page out.
 */
import { useEffect, useRef, useState } from 'react';
import { BOARD_EVENTS, type BoardResponse } from '../../../shared/hall/console-contract';
import type { ApiError } from '../../../shared/result';
import { consoleCall } from '../api';
import { followFeed, type Following } from '../follow-feed';

/** Pause between two reads without the push (the board's refresh before it was pushed). */
const POLL_MS = 5_000;
/** Pause between two reads while the push is open. */
const SLOW_POLL_MS = 30_000;
/** A stream the hall refused (or closed for good) is opened again after this pause. */
const REOPEN_MS = 10_000;

export interface BoardState {
  board: BoardResponse | null;
  error: ApiError | null;
  /** Reads the board now (after a setting changed). */
  reload: () => void;
}

export function useBoard(onLoggedOut: () => void): BoardState {
  const [board, setBoard] = useState<BoardResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const feed = useRef<Following | null>(null);
  const loggedOut = useRef(onLoggedOut);
  useEffect(() => {
    loggedOut.current = onLoggedOut;
  }, [onLoggedOut]);

  useEffect(() => {
    const following = followFeed({
      eventsPath: BOARD_EVENTS.path,
      read: () => consoleCall('board', {}),
      schema: BOARD_EVENTS.response,
      unreadable: '大厅服务器的回答无法识别，请刷新页面',
      pollMs: POLL_MS,
      slowPollMs: SLOW_POLL_MS,
      reopenMs: REOPEN_MS,
      show: (result) => {
        if (result.ok) {
          setBoard(result.value);
          setError(null);
        } else if (result.error.code === 'AUTH_REQUIRED') loggedOut.current();
        else setError(result.error);
      },
    });
    feed.current = following;
    return () => {
      following.stop();
      feed.current = null;
    };
  }, []);

  return { board, error, reload: () => feed.current?.readNow() };
}
