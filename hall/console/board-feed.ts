/**
 * The console board's push (BOARD_EVENTS, server-sent events on
 * hall/http/event-feed.ts): each open board gets the board's answer at once,
 * then again after every change it shows — a window's push (its status and
 * backlog, the rows projected into open cases, audit breaks, quarantine), an
 * enrolment, a queue action (the window's last contact), a console edit — so
 * the supervisor sees a window's action as soon as the hall has it. Behind the
 * session cookie like the board itself: a stream opens only for a live
 * session, and before each message the streams whose session has ended (a
 * logout, its expiry, the supervisor disabled) are closed.
 */
import type { BoardResponse } from '../../shared/hall/console-contract';
import type { Pool } from '../db/pool';
import { EventFeed } from '../http/event-feed';
import type { Hall } from '../store/windows';
import { liveSessions } from './auth';
import { board } from './board';

/** Open board streams at most: a hall has a few supervisors; more are answered 503 (the page then polls). */
export const MAX_BOARD_STREAMS = 16;

export type BoardFeed = EventFeed<BoardResponse>;

export function boardFeed(pool: Pool, hall: Hall, log: (line: string) => void): BoardFeed {
  return new EventFeed(
    {
      read: () => board(pool, hall),
      limit: MAX_BOARD_STREAMS,
      fullMessage: '窗口看板的推送连接已满，看板改为定时刷新',
      name: 'console board feed',
      allowed: (owners) => liveSessions(pool, hall, owners),
    },
    log,
  );
}
