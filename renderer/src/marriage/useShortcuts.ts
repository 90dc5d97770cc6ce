/** Keyboard handling for the marriage form: panel-wide shortcuts and Enter moving to the next field. */
import { useEffect, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useLatest } from '../useLatest';
import { normalizeDateTyping } from './form';

export interface ShortcutHandlers {
  /** Ctrl+Enter (or ⌘+Enter). */
  primary: () => void;
  /** Alt+R. */
  refuse?: (() => void) | undefined;
  /** Alt+N. */
  next?: (() => void) | undefined;
  /** Escape. */
  cancel?: (() => void) | undefined;
}

/** Shortcuts that work anywhere on the page while the component is mounted; the latest handlers are used. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useLatest(handlers);
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      const h = latest.current;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        h.primary();
      } else if (e.altKey && !e.ctrlKey && e.code === 'KeyR' && h.refuse) {
        e.preventDefault();
        h.refuse();
      } else if (e.altKey && !e.ctrlKey && e.code === 'KeyN' && h.next) {
        e.preventDefault();
        h.next();
      } else if (e.key === 'Escape' && h.cancel) {
        e.preventDefault();
        h.cancel();
      }
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}

/** Marks a field Enter steps over (a value the ID card reader filled); Tab and the mouse still reach it. */
export const SKIP_ON_ENTER = 'data-skip-on-enter';

/** Enter moves to the next field of the form instead of submitting it, over the fields the reader filled. */
export function enterMovesToNextField(e: ReactKeyboardEvent<HTMLFormElement>): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.nativeEvent.isComposing) return;
  const target = e.target;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
  e.preventDefault();
  if (target instanceof HTMLInputElement && target.id.endsWith('-birthDate')) {
    const normalized = normalizeDateTyping(target.value);
    if (normalized !== target.value) target.blur();
  }
  const order = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea, button.primary')).filter(
    (el) => el === target || (!(el as HTMLInputElement).disabled && el.tabIndex >= 0 && el.offsetParent !== null && !el.hasAttribute(SKIP_ON_ENTER)),
  );
  const at = order.indexOf(target);
  order[at + 1]?.focus();
}

/** Focus moved to an element by id once the next render has put it on the page. */
export function useFocusRequest(initial: string | null): (id: string) => void {
  const [focusNext, setFocusNext] = useState<string | null>(initial);
  useEffect(() => {
    if (focusNext === null) return;
    const element = document.getElementById(focusNext);
    if (element instanceof HTMLElement) element.focus();
    setFocusNext(null);
  }, [focusNext]);
  return setFocusNext;
}
