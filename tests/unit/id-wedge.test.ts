import { describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE_OPTIONS, EMPTY_WEDGE, feedWedge, type WedgeOptions, type WedgeState } from '../../shared/domain/id-wedge';

const ID = '11010519491231002X';

type Key = [key: string, at: number];

/** Keys typed `gap` ms apart, starting at `start`. */
function typed(text: string, start: number, gap: number): Key[] {
  return Array.from(text, (c, i): Key => [c, start + i * gap]);
}

/** Feeds the keys in order; returns every read and the final state. */
function feedAll(keys: readonly Key[], options?: WedgeOptions): { reads: string[]; state: WedgeState } {
  let state = EMPTY_WEDGE;
  const reads: string[] = [];
  for (const [key, at] of keys) {
    const step = feedWedge(state, key, at, options);
    state = step.state;
    if (step.read !== null) reads.push(step.read);
  }
  return { reads, state };
}

describe('feedWedge', () => {
  const burst = typed(ID, 1000, 5);
  const cases: [label: string, keys: Key[], reads: string[]][] = [
    ['reader: 18 characters 5 ms apart, then Enter', [...burst, ['Enter', 1000 + 18 * 5]], [ID]],
    ['reader at exactly the gap limit', [...typed(ID, 0, 35), ['Enter', 18 * 35]], [ID]],
    ['one gap just over the limit', [...typed(ID.slice(0, 9), 0, 5), ...typed(ID.slice(9), 9 * 5 + 31, 5), ['Enter', 9 * 5 + 31 + 9 * 5]], []],
    ['a person typing the same 120 ms apart', [...typed(ID, 0, 120), ['Enter', 18 * 120]], []],
    ['a slow key in the middle', [...typed(ID.slice(0, 9), 0, 5), ...typed(ID.slice(9), 40 + 200, 5), ['Enter', 240 + 9 * 5]], []],
    ['Enter too late after a fast run', [...burst, ['Enter', 1000 + 17 * 5 + 36]], []],
    ['Enter alone', [['Enter', 0]], []],
    ['Enter twice', [['Enter', 0], ['Enter', 5]], []],
    ['14 fast characters: too short', [...typed(ID.slice(0, 14), 0, 5), ['Enter', 14 * 5]], []],
    ['15 fast characters: long enough', [...typed(ID.slice(0, 15), 0, 5), ['Enter', 15 * 5]], [ID.slice(0, 15)]],
    ['a person types abc, then a reader burst', [...typed('abc', 0, 150), ...typed(ID, 600, 4), ['Enter', 600 + 18 * 4]], [ID]],
    ['a person types abc right before the burst (last key slow)', [...typed('abc', 0, 150), ...typed(ID, 300 + 100, 4), ['Enter', 400 + 18 * 4]], [ID]],
    ['two cards in a row', [...burst, ['Enter', 1090], ...typed('320583198001010016', 5000, 5), ['Enter', 5090]], [ID, '320583198001010016']],
    ['a non-printable key in the middle resets', [...typed(ID.slice(0, 9), 0, 5), ['Shift', 45], ...typed(ID.slice(9), 50, 5), ['Enter', 95]], []],
    ['Backspace resets', [...typed(ID, 0, 5), ['Backspace', 90], ['Enter', 95]], []],
  ];
  it.each(cases)('%s', (_label, keys, reads) => {
    expect(feedAll(keys).reads).toEqual(reads);
  });

  it('resets the buffer after a read', () => {
    const { state } = feedAll([...typed(ID, 0, 5), ['Enter', 90]]);
    expect(state).toEqual(EMPTY_WEDGE);
    // the next Enter, fast, reads nothing
    expect(feedWedge(state, 'Enter', 95).read).toBeNull();
  });

  it('keeps the run in its state', () => {
    const one = feedWedge(EMPTY_WEDGE, '1', 100);
    expect(one).toEqual({ state: { buffer: '1', lastAt: 100, fastRun: false }, read: null });
    const two = feedWedge(one.state, '2', 104);
    expect(two.state).toEqual({ buffer: '12', lastAt: 104, fastRun: true });
    const slow = feedWedge(two.state, '3', 300);
    expect(slow.state).toEqual({ buffer: '3', lastAt: 300, fastRun: false });
    // a clock that goes backwards starts a new run
    expect(feedWedge(two.state, '3', 50).state).toEqual({ buffer: '3', lastAt: 50, fastRun: false });
  });

  it('honours the options', () => {
    expect(DEFAULT_WEDGE_OPTIONS).toEqual({ maxGapMs: 35, minLength: 15 });
    const keys: Key[] = [...typed('E1234567', 0, 50), ['Enter', 8 * 50]];
    expect(feedAll(keys).reads).toEqual([]);
    expect(feedAll(keys, { maxGapMs: 60, minLength: 8 }).reads).toEqual(['E1234567']);
    expect(feedAll(keys, { maxGapMs: 60, minLength: 9 }).reads).toEqual([]);
  });

  it('drops a run far longer than any document number', () => {
    expect(feedAll([...typed('1'.repeat(100), 0, 5), ['Enter', 500]]).reads).toEqual([]);
    expect(feedAll([...typed('1'.repeat(64), 0, 5), ['Enter', 320]]).reads).toEqual(['1'.repeat(64)]);
    // after the dropped run, a slow key starts over
    expect(feedAll([...typed('1'.repeat(100), 0, 5), ...typed(ID, 2000, 5), ['Enter', 2090]]).reads).toEqual([ID]);
  });
});
