/**
 * ID card readers at the counter.
 *
 * Today's readers are keyboard wedges: they type the 18-character number in
 * a few milliseconds and press Enter, into whatever has focus. The burst is
 * recognised by the pure state machine in shared/domain/id-wedge.ts.
 */
import { DEFAULT_WEDGE_OPTIONS, EMPTY_WEDGE, feedWedge, type WedgeOptions, type WedgeState } from '../../../shared/domain/id-wedge';

/**
 * A source of ID card readings. `start` begins listening and returns the
 * function that stops it. The keyboard wedge below is the first
 * implementation; a reader driven by the vendor's SDK (typically a local
 * WebSocket or HTTP service that returns the card's fields) can implement the
 * same interface later without changing the forms that use it.
 */
export interface IdCardReader {
  start(onRead: (number: string) => void): () => void;
}

type Editable = HTMLInputElement | HTMLTextAreaElement;

interface Snapshot {
  element: Editable;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

function editableTarget(target: EventTarget | null): Editable | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement) {
    // only text-like inputs take the typed characters
    return ['text', 'search', 'tel', 'url', 'email', 'password', 'number', ''].includes(target.type) ? target : null;
  }
  return null;
}

/**
 * Sets an input's value the way typing does, so React's onChange sees it
 * (React tracks the value through the prototype's setter).
 */
export function setNativeValue(element: Editable, value: string): void {
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(element, value);
  else element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * The reader that types like a keyboard. A document-level keydown listener
 * (capture phase, so it runs before any field's own Enter handling) feeds
 * every key to feedWedge. When a new run starts, it remembers the focused
 * input and its value before the first key lands (keydown fires before the
 * character is inserted). When Enter completes a read, the Enter is
 * cancelled and that input gets its remembered value back, so the number the
 * burst typed into, say, the name field disappears; then onRead is called.
 */
export class KeyboardWedgeReader implements IdCardReader {
  constructor(
    private readonly doc: Document = document,
    private readonly options: WedgeOptions = DEFAULT_WEDGE_OPTIONS,
  ) {}

  start(onRead: (number: string) => void): () => void {
    let state: WedgeState = EMPTY_WEDGE;
    let snapshot: Snapshot | null = null;
    const listener = (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey) {
        state = EMPTY_WEDGE;
        snapshot = null;
        return;
      }
      // the time the key was produced, not the time it is handled: a burst a busy renderer handles late is still a burst
      const step = feedWedge(state, event.key, event.timeStamp, this.options);
      state = step.state;
      if (step.read !== null) {
        event.preventDefault();
        event.stopPropagation();
        const undo = snapshot;
        snapshot = null;
        if (undo && undo.element.isConnected) {
          setNativeValue(undo.element, undo.value);
          try {
            undo.element.setSelectionRange(undo.selectionStart, undo.selectionEnd);
          } catch {
            // number inputs have no selection
          }
        }
        onRead(step.read);
        return;
      }
      if (state.buffer.length === 1 && !state.fastRun) {
        // a new run starts with this key: remember where it types, before it does
        const element = editableTarget(event.target);
        snapshot = element ? { element, value: element.value, selectionStart: safeSelection(element, 'start'), selectionEnd: safeSelection(element, 'end') } : null;
      } else if (state.buffer === '') {
        snapshot = null;
      }
    };
    this.doc.addEventListener('keydown', listener, true);
    return () => this.doc.removeEventListener('keydown', listener, true);
  }
}

function safeSelection(element: Editable, which: 'start' | 'end'): number | null {
  try {
    return which === 'start' ? element.selectionStart : element.selectionEnd;
  } catch {
    return null;
  }
}
