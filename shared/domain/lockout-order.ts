/**
 * The order of lockouts and unlocks of one staff account across a hall.
 * Windows decide them offline and their change rows may reach the hall late,
 * so each one is weighed by when it was decided, not when it arrived: a lock
 * decided before the latest unlock (at the console, or staff.unlock at a
 * window) arrives late and locks nothing; an unlock decided before the latest
 * lock does not lift that lock. Times are ISO instants (a window's clock or
 * the hall's); a tie goes to the change arriving.
 */

export interface LockoutState {
  /** When the account's lock ends; null: not locked. */
  lockedUntil: string | null;
  /** When the latest lock taken was decided. */
  lockedAt: string | null;
  /** When the latest unlock was decided. */
  unlockedAt: string | null;
}

/** A lock (lockedUntil: its end) or an unlock (lockedUntil null), decided at `at`. */
export interface LockoutChange {
  lockedUntil: string | null;
  at: string;
}

const ms = (iso: string): number => Date.parse(iso);

/** The later of two instants, either possibly absent. */
function later(a: string | null, b: string): string {
  return a !== null && ms(a) > ms(b) ? a : b;
}

/** The account's state once the change is taken. */
export function settleLockout(state: LockoutState, change: LockoutChange): LockoutState {
  if (change.lockedUntil === null) {
    const unlockedAt = later(state.unlockedAt, change.at);
    const beforeLock = state.lockedAt !== null && ms(change.at) < ms(state.lockedAt);
    return { ...state, unlockedAt, lockedUntil: beforeLock ? state.lockedUntil : null };
  }
  if (state.unlockedAt !== null && ms(change.at) < ms(state.unlockedAt)) return state;
  return { lockedUntil: later(state.lockedUntil, change.lockedUntil), lockedAt: later(state.lockedAt, change.at), unlockedAt: state.unlockedAt };
}
