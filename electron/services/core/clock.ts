/** The core's only source of time, injected so tests can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at a given instant and then runs at normal speed:
 * host mode's --clock-start, for end-to-end tests and training on fixed dates.
 */
export function shiftedClock(start: Date, base: number = Date.now()): Clock {
  const offset = start.getTime() - base;
  return { now: () => new Date(Date.now() + offset) };
}
