/**
 * The hall screen's announcement queue (shared/domain/announcer.ts) driven by
 * the polled calls: the calls on screen when it opens are remembered without
 * being said; every later call and recall is said once, in call order, one
 * at a time, `times` times. `log` holds the announcements taken in so far
 * (newest last, bounded), for the hidden list the tests read.
 */
import { useEffect, useReducer, useRef, useState } from 'react';
import { EMPTY_QUEUE, enqueueCalls, finishPlaying, startNext, type AnnouncedCall, type AnnouncementQueue } from '../../../shared/domain/announcer';
import { Voice, type VoiceEngine } from './voice';

const LOG_LIMIT = 50;

interface State {
  queue: AnnouncementQueue;
  started: boolean;
  log: readonly AnnouncedCall[];
}

type Action = { type: 'calls'; calls: readonly AnnouncedCall[]; times: number } | { type: 'finished' };

function reduce(s: State, a: Action): State {
  if (a.type === 'finished') return { ...s, queue: finishPlaying(s.queue) };
  const before = new Set(s.queue.seen);
  const queue = startNext(enqueueCalls(s.queue, a.calls, a.times, !s.started));
  if (queue === s.queue && s.started) return s;
  const fresh = s.started ? queue.seen.filter((id) => !before.has(id)) : [];
  const byId = new Map(a.calls.map((c) => [c.id, c]));
  const added = fresh.flatMap((id) => byId.get(id) ?? []);
  return { queue, started: true, log: added.length === 0 ? s.log : [...s.log, ...added].slice(-LOG_LIMIT) };
}

export interface Announcer {
  queue: AnnouncementQueue;
  log: readonly AnnouncedCall[];
  engine: VoiceEngine | null;
  blocked: boolean;
  unblock(): void;
}

export function useAnnouncer(calls: readonly AnnouncedCall[] | null, times: number): Announcer {
  const [state, dispatch] = useReducer(reduce, { queue: EMPTY_QUEUE, started: false, log: [] });
  const voice = useRef(new Voice());
  const [engine, setEngine] = useState<VoiceEngine | null>(null);
  const [blocked, setBlocked] = useState(false);

  // the browser may hold sound back until the screen is touched: say so at once
  useEffect(() => setBlocked(voice.current.prepare()), []);

  useEffect(() => {
    if (calls !== null) dispatch({ type: 'calls', calls, times });
  }, [calls, times]);

  const playing = state.queue.playing;
  useEffect(() => {
    if (playing === null) return;
    let live = true;
    void voice.current.announce(playing.call).then((used) => {
      setEngine(used);
      setBlocked(voice.current.blocked);
      // StrictMode runs effects twice in development: only the live run moves the queue on
      if (live) dispatch({ type: 'finished' });
    });
    return () => {
      live = false;
    };
  }, [playing]);

  const unblock = (): void => {
    void voice.current.unblock().then(() => setBlocked(voice.current.blocked));
  };
  return { queue: state.queue, log: state.log, engine: engine ?? voice.current.engine(), blocked, unblock };
}
