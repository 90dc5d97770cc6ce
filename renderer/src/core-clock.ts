/**
 * The core's clock in the renderer. Every time the UI shows or computes (the
 * status bar and display clocks, the pause's return time, today's hall date)
 * is "now" by the core, which may differ from this machine's clock: a display
 * PC that is off, or a training clock started with --clock-start. The offset
 * is learnt from the serverTime the core sends with the display state.
 */
import { useEffect, useState } from 'react';
import type { RendererApi } from './api';

let offsetMs = 0;

/** Learns the core's clock from a serverTime it just sent. */
export function learnServerTime(serverTime: string): void {
  const t = Date.parse(serverTime);
  if (!Number.isNaN(t)) offsetMs = t - Date.now();
}

/** Now by the core's clock, as last learnt. */
export function coreNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Reads the core's clock now, on every display change and after a reconnect, telling `learnt`; returns the unsubscribe. */
function followCoreClock(api: RendererApi, learnt: () => void): () => void {
  const learn = (serverTime: string) => {
    learnServerTime(serverTime);
    learnt();
  };
  const read = () => void api.call('display.state', {}).then((r) => r.ok && learn(r.value.serverTime));
  read();
  const offDisplay = api.on('display.changed', (state) => learn(state.serverTime));
  const offConnection = api.onConnection((up) => up && read());
  return () => {
    offDisplay();
    offConnection();
  };
}

/** Now by the core's clock, ticking every second while mounted (and following the core's clock meanwhile). */
export function useCoreNow(api: RendererApi): Date {
  const [now, setNow] = useState(coreNow);
  useEffect(() => {
    const update = () => setNow(coreNow());
    const unfollow = followCoreClock(api, update);
    const tick = window.setInterval(update, 1000);
    return () => {
      unfollow();
      window.clearInterval(tick);
    };
  }, [api]);
  return now;
}
