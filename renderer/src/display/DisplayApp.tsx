/** The public display window: follows the window's state through pushed events, ticks the countdown. */
import { useEffect, useRef, useState } from 'react';
import type { DisplayState } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { DisplayBoard } from './DisplayBoard';

export function DisplayApp({ api }: { api: RendererApi }) {
  const [state, setState] = useState<DisplayState | null>(null);
  const [connected, setConnected] = useState(true);
  const [now, setNow] = useState(() => new Date());
  // the core's clock is the reference; the display PC's clock may be off
  const offset = useRef(0);

  useEffect(() => {
    const accept = (next: DisplayState) => {
      offset.current = new Date(next.serverTime).getTime() - Date.now();
      setState(next);
    };
    const load = () => void api.call('display.state', {}).then((r) => r.ok && accept(r.value));
    load();
    const offState = api.on('display.changed', accept);
    const offConnection = api.onConnection((up) => {
      setConnected(up);
      if (up) load();
    });
    const tick = window.setInterval(() => setNow(new Date(Date.now() + offset.current)), 1000);
    return () => {
      offState();
      offConnection();
      window.clearInterval(tick);
    };
  }, [api]);

  if (!state) return <div className="board-loading">正在连接…</div>;
  return (
    <>
      <DisplayBoard state={state} now={now} />
      {!connected ? <div className="board-offline">连接中断，正在重新连接</div> : null}
    </>
  );
}
