/** The public display window: follows the window's state through pushed events, ticks the countdown. */
import { useEffect, useState } from 'react';
import type { DisplayState, RatingRequestView } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { learnServerTime, useCoreNow } from '../core-clock';
import { DisplayBoard } from './DisplayBoard';
import { RatingPad, RatingThanks } from './RatingPad';

/** How long the thank-you stays before the board returns. */
const THANKS_MS = 4000;

export function DisplayApp({ api }: { api: RendererApi }) {
  const [state, setState] = useState<DisplayState | null>(null);
  const [connected, setConnected] = useState(true);
  const [rating, setRating] = useState<RatingRequestView | null>(null);
  const [thanks, setThanks] = useState<string | null>(null);
  // the core's clock is the reference; the display PC's clock may be off
  const now = useCoreNow(api);

  useEffect(() => {
    const accept = (next: DisplayState) => {
      learnServerTime(next.serverTime);
      setState(next);
    };
    const loadRating = () => void api.call('rating.current', {}).then((r) => r.ok && setRating(r.value));
    const load = () => {
      void api.call('display.state', {}).then((r) => r.ok && accept(r.value));
      loadRating();
    };
    load();
    const offState = api.on('display.changed', accept);
    const offRating = api.on('rating.changed', (payload) => setRating(payload.pending));
    const offConnection = api.onConnection((up) => {
      setConnected(up);
      if (up) load();
    });
    return () => {
      offState();
      offRating();
      offConnection();
    };
  }, [api]);

  useEffect(() => {
    if (!thanks) return;
    const t = window.setTimeout(() => setThanks(null), THANKS_MS);
    return () => window.clearTimeout(t);
  }, [thanks]);

  // the request ran out on this clock too (the core records 未评价 and pushes the change)
  const pending = rating && new Date(rating.expiresAt).getTime() > now.getTime() ? rating : null;

  if (!state) return <div className="board-loading">正在连接…</div>;
  return (
    <>
      <DisplayBoard state={state} now={now} />
      {thanks ? <RatingThanks text={thanks} /> : null}
      {!thanks && pending ? (
        <RatingPad
          api={api}
          request={pending}
          now={now}
          onDone={(text) => {
            setRating(null);
            setThanks(text);
          }}
        />
      ) : null}
      {!connected ? <div className="board-offline">连接中断，正在重新连接</div> : null}
    </>
  );
}
