/**
 * Throws random and malformed requests at every method of the contract in
 * every state of the workstation. Nothing may throw, every refusal is a typed
 * error with a Chinese message, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, methods, type Access, type MethodName } from '../../shared/contract';
import { ERROR_CODES, type ErrorCode } from '../../shared/result';
import {
  CHINESE,
  CLERK,
  HALL,
  SUPERVISOR,
  call,
  cleanupAll,
  createTestCore,
  fileBytes,
  login,
  setUpWithClerk,
  type TestCore,
} from '../support/core';
import { rowCounts } from '../support/db';
import { corruptionsOf, describePayload, randomValue, withPollutionKeys, type Payload } from '../support/fuzz';
import { Prng } from '../support/prng';
import { UNKNOWN_ID, VALID_REQUESTS } from '../support/requests';
import { existsSync, readdirSync } from 'node:fs';

afterAll(cleanupAll);

const STATES = ['before setup', 'logged out', 'clerk', 'clerk locked', 'supervisor'] as const;
type StateName = (typeof STATES)[number];

/** The access refusal a caller gets in each state, before its request is even looked at. */
function accessRefusal(state: StateName, access: Access): ErrorCode | null {
  if (access === 'public') return null;
  if (access === 'setup') return state === 'before setup' ? null : 'SETUP_DONE';
  if (state === 'before setup') return 'SETUP_REQUIRED';
  if (state === 'logged out') return 'AUTH_REQUIRED';
  if (state === 'clerk locked') return access === 'session' ? null : 'SESSION_LOCKED';
  if (state === 'clerk') return access === 'supervisor' ? 'FORBIDDEN' : null;
  return null;
}

interface Prepared {
  t: TestCore;
  supervisorId: string;
  clerkId: string;
}

async function prepare(state: StateName): Promise<Prepared> {
  const t = createTestCore();
  if (state === 'before setup') return { t, supervisorId: UNKNOWN_ID, clerkId: UNKNOWN_ID };
  const { supervisor, clerk } = await setUpWithClerk(t.core);
  if (state === 'clerk' || state === 'clerk locked') await login(t.core, CLERK.staffNo, CLERK.pin);
  if (state === 'clerk locked') await call(t.core, 'auth.lock', {});
  if (state === 'supervisor') await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  // serving at the window, as a clerk would be (a supervisor's configuration login leaves it closed)
  if (state === 'supervisor') await call(t.core, 'window.resume', {});
  return { t, supervisorId: supervisor.id, clerkId: clerk.id };
}

function snapshot(t: TestCore): string {
  return JSON.stringify({
    rows: rowCounts(t.core.db),
    settings: fileBytes(t.settingsPath)?.toString('base64') ?? null,
    photos: existsSync(t.photosDir) ? readdirSync(t.photosDir).sort() : [],
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns what is wrong with a refusal, or null when it is a proper typed error. */
function refusalProblem(result: unknown, expected: ErrorCode | null): string | null {
  if (!isRecord(result)) return `not an object: ${describePayload(result)}`;
  if (result.ok !== false) return `expected a refusal, got ${describePayload(result).slice(0, 120)}`;
  if (Object.keys(result).sort().join() !== 'error,ok') return `unexpected keys ${Object.keys(result).join()}`;
  const error = result.error;
  if (!isRecord(error)) return 'error is not an object';
  const code = error.code;
  if (typeof code !== 'string' || !(ERROR_CODES as readonly string[]).includes(code)) return `unknown code ${String(code)}`;
  if (expected && code !== expected) return `code ${code}, expected ${expected} (${String(error.message)})`;
  if (typeof error.message !== 'string' || !CHINESE.test(error.message)) return `message not Chinese: ${String(error.message)}`;
  if (code === 'INTERNAL') return `INTERNAL error: ${error.message}`;
  if (error.fields !== undefined) {
    if (!isRecord(error.fields)) return 'fields is not an object';
    for (const value of Object.values(error.fields)) if (typeof value !== 'string') return 'a field message is not text';
  }
  return null;
}

function okProblem(method: MethodName, result: unknown): string | null {
  if (!isRecord(result) || result.ok !== true) return `expected ok, got ${describePayload(result).slice(0, 200)}`;
  return methods[method].response.safeParse(result.value).success ? null : 'ok value outside the contract';
}

// ---- the payloads: fixed nasties, seeded random values, and corruptions of each method's request ----

const rng = new Prng(20260302);
const FIXED: Payload[] = [
  null,
  undefined,
  0,
  '',
  'x'.repeat(2_000_000),
  [],
  [{}],
  {},
  withPollutionKeys({}),
  { constructor: { prototype: { polluted: 'yes' } } },
  JSON.parse('{"__proto__":{"polluted":"yes"}}'),
];
const RANDOM: Payload[] = Array.from({ length: 320 }, () => randomValue(rng));
const GENERIC: Payload[] = [...FIXED, ...RANDOM];
const CORRUPTIONS = Object.fromEntries(
  METHOD_NAMES.map((m) => [m, corruptionsOf(VALID_REQUESTS[m] as Record<string, unknown>, rng)]),
) as Record<MethodName, Payload[]>;

/** Requests that pass the schema but that the handler must refuse without writing. */
function wellFormedButRefused(p: Prepared): [MethodName, Payload][] {
  const now = p.t.clock.now().getTime();
  const returnAt = (ms: number): string => new Date(now + ms).toISOString();
  return [
    ['setup.complete', { hall: HALL, supervisor: { ...SUPERVISOR, pin: '123456' } }],
    ['setup.complete', { hall: HALL, supervisor: { ...SUPERVISOR, pin: '111111' } }],
    ['auth.login', { staffNo: 'NOBODY1', pin: '135790' }],
    ['auth.changePin', { pin: CLERK.pin, newPin: '123456' }],
    ['staff.create', { ...CLERK, staffNo: 'C777', pin: '654321' }],
    ['staff.create', { ...CLERK, staffNo: SUPERVISOR.staffNo.toLowerCase(), pin: '258036' }],
    ['staff.update', { id: UNKNOWN_ID, name: '某某' }],
    ['staff.update', { id: p.supervisorId, role: 'clerk' }],
    ['staff.update', { id: p.supervisorId, active: false }],
    ['staff.resetPin', { id: UNKNOWN_ID, newPin: '258036' }],
    ['staff.resetPin', { id: p.clerkId, newPin: '000000' }],
    ['staff.setPhoto', { id: UNKNOWN_ID, imageBase64: 'iVBORw0KGgo=' }],
    ['staff.setPhoto', { id: p.clerkId, imageBase64: Buffer.from('not an image at all').toString('base64') }],
    ['staff.setPhoto', { id: p.clerkId, imageBase64: 'A'.repeat(7_000_000) }],
    ['staff.photo', { id: UNKNOWN_ID }],
    ['window.pause', { reason: '临时离开', returnAt: returnAt(-60_000) }],
    ['window.pause', { reason: '临时离开', returnAt: returnAt(0) }],
    ['window.pause', { reason: '临时离开', returnAt: returnAt(13 * 3_600_000) }],
    ['window.resume', {}],
  ];
}

describe('fuzzing every method in every state', () => {
  const prepared = new Map<StateName, Prepared>();
  beforeAll(async () => {
    for (const state of STATES) prepared.set(state, await prepare(state));
  });

  it.each(STATES)('%s: malformed requests are refused with typed Chinese errors and write nothing', async (state) => {
    const p = prepared.get(state);
    if (!p) throw new Error('state not prepared');
    const { core } = p.t;
    const before = snapshot(p.t);
    const sessionBefore = JSON.stringify(await core.call('auth.current', {}));
    const problems: string[] = [];
    let sent = 0;
    let skipped = 0;

    for (const method of METHOD_NAMES) {
      const refusal = accessRefusal(state, methods[method].access);
      for (const payload of [...GENERIC, ...CORRUPTIONS[method]]) {
        // mirror the dispatcher: an absent request means {}
        const accepted = methods[method].request.safeParse(payload ?? {}).success;
        if (accepted && methods[method].effect === 'write') {
          skipped++; // well-formed by accident: it may legitimately write
          continue;
        }
        sent++;
        let result: unknown;
        try {
          result = await core.dispatch(method, payload, 'clerk');
        } catch (error) {
          problems.push(`${method} ${describePayload(payload)} threw ${String(error)}`);
          continue;
        }
        const problem =
          accepted && !refusal && method !== 'staff.photo'
            ? okProblem(method, result)
            : refusalProblem(result, refusal ?? (accepted ? 'NOT_FOUND' : 'VALIDATION'));
        if (problem) problems.push(`${method} ${describePayload(payload)}: ${problem}`);
      }
    }

    for (const [method, payload] of wellFormedButRefused(p)) {
      expect(methods[method].request.safeParse(payload).success, `${method} ${describePayload(payload)}`).toBe(true);
      sent++;
      const result = await core.dispatch(method, payload, 'clerk');
      const problem = refusalProblem(result, accessRefusal(state, methods[method].access));
      if (problem) problems.push(`well-formed ${method} ${describePayload(payload)}: ${problem}`);
    }

    expect(problems).toEqual([]);
    expect(snapshot(p.t)).toBe(before);
    expect(JSON.stringify(await core.call('auth.current', {}))).toBe(sessionBefore);
    expect(sent).toBeGreaterThan(300 * METHOD_NAMES.length);
    expect(skipped).toBeLessThan(sent / 20);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('the public display is refused everything else, whatever it sends', async () => {
    const p = prepared.get('supervisor');
    if (!p) throw new Error('state not prepared');
    const before = snapshot(p.t);
    const problems: string[] = [];
    for (const method of METHOD_NAMES) {
      for (const payload of GENERIC) {
        const result = await p.t.core.dispatch(method, payload, 'display');
        const accepted = methods[method].request.safeParse(payload ?? {}).success;
        const problem = methods[method].display
          ? accepted
            ? okProblem(method, result)
            : refusalProblem(result, 'VALIDATION')
          : refusalProblem(result, 'FORBIDDEN');
        if (problem) problems.push(`${method} ${describePayload(payload)}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    expect(snapshot(p.t)).toBe(before);
  });

  it('unknown method names get UNKNOWN_METHOD, whatever their type', async () => {
    const p = prepared.get('supervisor');
    if (!p) throw new Error('state not prepared');
    const before = snapshot(p.t);
    const names: unknown[] = [
      '',
      'nope',
      'app.Info',
      'APP.INFO',
      ' app.info',
      'app.info ',
      'staff',
      'staff.',
      '.list',
      'staff.delete',
      'db.exec',
      '工作人员.列表',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'x'.repeat(100_000),
      null,
      undefined,
      0,
      1.5,
      NaN,
      true,
      10n,
      Symbol('app.info'),
      [],
      ['app.info'],
      {},
      { toString: () => 'app.info' },
      { toString: 1 },
      Object.create(null),
      () => 'app.info',
    ];
    for (const name of names) {
      for (const caller of ['clerk', 'display'] as const) {
        let result: unknown;
        try {
          result = await p.t.core.dispatch(name, {}, caller);
        } catch (error) {
          result = `threw ${String(error)}`;
        }
        expect(refusalProblem(result, 'UNKNOWN_METHOD'), describePayload(name)).toBeNull();
        if (isRecord(result) && isRecord(result.error)) expect(String(result.error.message).length).toBeLessThan(100);
      }
    }
    expect(snapshot(p.t)).toBe(before);
  });
});
