/** The ID card reader that types like a keyboard (shared/domain/id-wedge.ts): calls onRead with the number it read, while active. */
import { useEffect, useRef } from 'react';
import { EMPTY_WEDGE, feedWedge } from '../../../shared/domain/id-wedge';

export function useIdWedge(active: boolean, onRead: (documentNumber: string) => void): void {
  const state = useRef(EMPTY_WEDGE);
  const latest = useRef(onRead);
  latest.current = onRead;
  useEffect(() => {
    if (!active) return undefined;
    state.current = EMPTY_WEDGE;
    const onKeyDown = (e: KeyboardEvent): void => {
      const step = feedWedge(state.current, e.key, e.timeStamp);
      state.current = step.state;
      if (step.read !== null) latest.current(step.read);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);
}
