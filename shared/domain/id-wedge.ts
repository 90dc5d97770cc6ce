/**
 * Recognising an ID-card reader that types like a keyboard ("keyboard
 * wedge"). Such readers type the number within a few milliseconds per key
 * and press Enter; a person types far slower (> 60 ms between keys). A run
 * is a sequence of keys each at most maxGapMs after the previous one; a slow
 * key starts a new run with itself. Enter ending a long enough fast run is a
 * read. Pure: timestamps come from the caller (KeyboardEvent.timeStamp).
 */

export interface WedgeOptions {
  maxGapMs: number;
  minLength: number;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = { maxGapMs: 35, minLength: 15 };

export interface WedgeState {
  /** The characters of the current run. */
  buffer: string;
  /** Timestamp of the last key of the run, null when there is none. */
  lastAt: number | null;
  /** True when a burst is under way: the run has at least two keys, all fast. */
  fastRun: boolean;
}

export const EMPTY_WEDGE: WedgeState = { buffer: '', lastAt: null, fastRun: false };

export type WedgeStep = { state: WedgeState; read: string | null };

/** A run longer than any document number is not a reading; it is dropped up to the next slow key or Enter. */
export const MAX_WEDGE_BUFFER = 64;

function isPrintable(key: string): boolean {
  const chars = Array.from(key);
  return chars.length === 1 && !/[\p{Cc}\p{Cf}]/u.test(key);
}

/**
 * Feed one key (a single printable character, or 'Enter'; anything else
 * resets) with its timestamp in ms. Returns the number read when Enter ends
 * a run of >= minLength characters whose every gap was <= maxGapMs (the gap
 * to Enter included); otherwise read is null. A slow key starts a new run
 * with itself.
 */
export function feedWedge(state: WedgeState, key: string, at: number, options: WedgeOptions = DEFAULT_WEDGE_OPTIONS): WedgeStep {
  const fast = state.lastAt !== null && Number.isFinite(at) && at >= state.lastAt && at - state.lastAt <= options.maxGapMs;
  if (key === 'Enter') {
    const read = fast && Array.from(state.buffer).length >= options.minLength ? state.buffer : null;
    return { state: EMPTY_WEDGE, read };
  }
  if (!isPrintable(key)) return { state: EMPTY_WEDGE, read: null };
  if (!fast) return { state: { buffer: key, lastAt: at, fastRun: false }, read: null };
  // an overflowed run stays dropped (empty buffer, still fast) until a slow key or Enter
  const dropped = { state: { buffer: '', lastAt: at, fastRun: true }, read: null };
  if (state.buffer === '') return dropped;
  const buffer = state.buffer + key;
  if (Array.from(buffer).length > MAX_WEDGE_BUFFER) return dropped;
  return { state: { buffer, lastAt: at, fastRun: true }, read: null };
}
