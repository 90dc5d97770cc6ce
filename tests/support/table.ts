/** Table-driven tests of a pure function of one argument: each [input, expected] row is its own case, named after both. */
import { expect, it } from 'vitest';

export function itMaps<I, O>(fn: (input: I) => O, rows: readonly (readonly [I, O])[]): void {
  it.each(rows)('%j → %j', (input, expected) => {
    expect(fn(input)).toEqual(expected);
  });
}
