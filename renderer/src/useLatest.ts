/**
 * A ref holding a value of the last committed render, for a listener
 * registered once (a keyboard shortcut, the ID card reader, the caller's
 * F-keys). It is set in a layout effect, in the same task as the DOM change:
 * a key pressed as soon as a render shows (a passive effect may run a frame
 * later on a busy machine) is handled with that render's value, never the
 * one before it.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
