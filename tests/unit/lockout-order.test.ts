import { describe, expect, it } from 'vitest';
import { settleLockout, type LockoutChange, type LockoutState } from '../../shared/domain/lockout-order';

const t = (minute: number): string => new Date(Date.UTC(2026, 10, 27, 2, minute)).toISOString();
const lock = (at: number, until = at + 5): LockoutChange => ({ lockedUntil: t(until), at: t(at) });
const unlock = (at: number): LockoutChange => ({ lockedUntil: null, at: t(at) });
const state = (lockedUntil: number | null, lockedAt: number | null, unlockedAt: number | null): LockoutState => ({
  lockedUntil: lockedUntil === null ? null : t(lockedUntil),
  lockedAt: lockedAt === null ? null : t(lockedAt),
  unlockedAt: unlockedAt === null ? null : t(unlockedAt),
});

describe('settleLockout', () => {
  it.each<[string, LockoutState, LockoutChange, LockoutState]>([
    ['a first lock locks', state(null, null, null), lock(10), state(15, 10, null)],
    ['a lock decided after the latest unlock locks', state(null, 8, 9), lock(10), state(15, 10, 9)],
    ['a lock decided at the same instant as the unlock locks', state(null, 8, 10), lock(10), state(15, 10, 10)],
    ['a late lock, decided before the latest unlock, locks nothing', state(null, null, 12), lock(10), state(null, null, 12)],
    ['a late lock leaves a lock taken since as it is', state(20, 18, 12), lock(10), state(20, 18, 12)],
    ['a lock ending earlier than the lock held keeps the later end', state(20, 15, null), lock(16, 17), state(20, 16, null)],
    ['a lock ending later extends the lock held', state(15, 10, null), lock(12), state(17, 12, null)],
    ['an unlock lifts the lock', state(15, 10, null), unlock(11), state(null, 10, 11)],
    ['an unlock at the lock’s own instant lifts it', state(15, 10, null), unlock(10), state(null, 10, 10)],
    ['an unlock decided before the latest lock leaves it', state(17, 12, null), unlock(11), state(17, 12, 11)],
    ['an unlock of an account not locked is remembered', state(null, null, null), unlock(11), state(null, null, 11)],
    ['an older unlock arriving late keeps the latest unlock time', state(null, 10, 14), unlock(11), state(null, 10, 14)],
  ])('%s', (_name, before, change, after) => {
    expect(settleLockout(before, change)).toEqual(after);
  });

  it('gives the same state whatever order a late lock and the unlock arrive in', () => {
    const byArrival = (changes: LockoutChange[]): LockoutState => changes.reduce(settleLockout, state(null, null, null));
    expect(byArrival([lock(10), unlock(12)]).lockedUntil).toBeNull();
    expect(byArrival([unlock(12), lock(10)]).lockedUntil).toBeNull();
    expect(byArrival([unlock(12), lock(14)]).lockedUntil).toBe(t(19));
    expect(byArrival([lock(14), unlock(12)]).lockedUntil).toBe(t(19));
  });
});
