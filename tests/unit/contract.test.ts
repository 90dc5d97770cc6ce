import { describe, expect, it } from 'vitest';
import { DISPLAY_EVENTS, EVENT_NAMES, METHOD_NAMES, events, isMethodName, methods, type MethodName } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/result';
import { z } from 'zod';
import { empty, method } from '../../shared/api/method';
import { handlers } from '../../electron/services/core/handlers';
import { VALID_REQUESTS } from '../support/requests';

function unrecognized(method: MethodName, request: unknown): boolean {
  const parsed = methods[method].request.safeParse(request);
  return !parsed.success && parsed.error.issues.some((issue) => issue.code === 'unrecognized_keys');
}

describe('the API contract', () => {
  it('has a handler for exactly the methods it names', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
    expect(METHOD_NAMES.length).toBeGreaterThanOrEqual(21);
  });

  it.each(METHOD_NAMES)('%s accepts its sample request and refuses an unknown extra key (strict)', (method) => {
    const sample = VALID_REQUESTS[method];
    expect(methods[method].request.safeParse(sample).success).toBe(true);
    expect(unrecognized(method, { ...sample, unexpectedKey: 1 })).toBe(true);
    expect(unrecognized(method, Object.assign(JSON.parse('{"__proto__":{"polluted":1}}') as object, sample))).toBe(true);
  });

  it('nested request objects are strict too', () => {
    const setup = VALID_REQUESTS['setup.complete'];
    expect(unrecognized('setup.complete', { ...setup, hall: { ...setup.hall, extra: 1 } })).toBe(true);
    expect(unrecognized('setup.complete', { ...setup, supervisor: { ...setup.supervisor, role: 'clerk' } })).toBe(true);
    expect(unrecognized('commitments.save', { items: [{ text: '首问负责', timeLimit: '当场', extra: 1 }] })).toBe(true);
  });

  it('lets the public display call exactly app.info, display.state and the rating pad', () => {
    const displayCallable = METHOD_NAMES.filter((m) => methods[m].display);
    expect(displayCallable.sort()).toEqual(['app.info', 'display.state', 'rating.current', 'rating.submit']);
    for (const m of displayCallable) expect(methods[m].access).toBe('public');
  });

  it('gives every method a known access level', () => {
    for (const m of METHOD_NAMES) expect(['public', 'setup', 'session', 'clerk', 'supervisor']).toContain(methods[m].access);
    expect(METHOD_NAMES.filter((m) => methods[m].access === 'setup')).toEqual(['setup.complete']);
  });

  it.each<[MethodName, string]>([
    ['staff.create', 'supervisor'],
    ['staff.update', 'supervisor'],
    ['staff.resetPin', 'supervisor'],
    ['staff.setPhoto', 'supervisor'],
    ['staff.unlock', 'supervisor'],
    ['settings.update', 'supervisor'],
    ['commitments.save', 'supervisor'],
    ['window.pause', 'clerk'],
    ['auth.lock', 'clerk'],
    ['auth.unlock', 'session'],
    ['auth.logout', 'session'],
    ['auth.login', 'public'],
  ])('%s needs %s access', (method, access) => {
    expect(methods[method].access).toBe(access);
  });

  it('declares for every write its Chinese audit label, and for no read a label or a display change', () => {
    for (const m of METHOD_NAMES) {
      const spec = methods[m];
      if (spec.effect === 'write') expect(spec.audit, m).toMatch(/\p{Script=Han}/u);
      else expect([spec.audit, spec.changesDisplay], m).toEqual([null, false]);
    }
    expect(METHOD_NAMES.filter((m) => methods[m].changesDisplay).sort()).toEqual(
      ['auth.changePin', 'auth.lock', 'auth.login', 'auth.logout', 'auth.unlock', 'commitments.save', 'handover.close', 'settings.update', 'setup.complete', 'staff.setPhoto', 'staff.update', 'window.pause', 'window.resume',
        // the caller: the display shows the called ticket
        'queue.callNext', 'queue.callTicket', 'queue.recall', 'queue.pass', 'queue.callBack', 'queue.transfer', 'queue.start', 'queue.finish'].sort(),
    );
  });

  it('does not compile a write that leaves out its audit label or whether it changes the display', () => {
    // @ts-expect-error a write must declare its audit label and changesDisplay
    const incomplete = method({ access: 'clerk', effect: 'write', request: empty, response: z.null() });
    // @ts-expect-error a read has no audit label
    const labelledRead = method({ access: 'clerk', effect: 'read', request: empty, response: z.null(), audit: '查询' });
    expect([incomplete.effect, labelledRead.effect]).toEqual(['write', 'read']);
  });

  it.each<[unknown, boolean]>([
    ['app.info', true],
    ['display.state', true],
    ['__proto__', false],
    ['constructor', false],
    ['toString', false],
    ['hasOwnProperty', false],
    ['APP.INFO', false],
    ['', false],
    [null, false],
    [42, false],
  ])('isMethodName(%j) is %s', (name, expected) => {
    expect(isMethodName(name)).toBe(expected);
  });

  it('has unique error codes and the pushed events', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect([...EVENT_NAMES].sort()).toEqual(['display.changed', 'export.progress', 'hall.changed', 'printer.changed', 'rating.changed', 'session.changed']);
    // the display receives its board and the rating pad, nothing else
    expect([...DISPLAY_EVENTS].sort()).toEqual(['display.changed', 'rating.changed']);
    // the rating event carries the pending request only: never a level
    expect(Object.keys(events['rating.changed'].shape)).toEqual(['pending']);
  });
});
