/**
 * Generators of malformed requests: random values of every JS shape, and
 * field-by-field corruptions of a well-formed request. Seeded, so reproducible.
 */
import { Prng } from './prng';

export type Payload = unknown;

const POLLUTION_JSON = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}';

/** An object whose own keys include __proto__ (as JSON.parse produces it). */
export function withPollutionKeys(base: Record<string, unknown>): Record<string, unknown> {
  return Object.assign(JSON.parse(POLLUTION_JSON) as Record<string, unknown>, base, JSON.parse(POLLUTION_JSON) as Record<string, unknown>);
}

const STRINGS = [
  '',
  ' ',
  'null',
  'undefined',
  '{}',
  '[]',
  '0',
  '-1',
  'true',
  '工号',
  '张*三',
  '🙂🙃',
  '\u0000',
  '\u202e反转',
  '\n\r\t',
  "' OR 1=1 --",
  '"; DROP TABLE staff; --',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%00',
  '__proto__',
  'constructor',
  '135790',
  '2026-03-02T10:00:00+08:00',
  '01890a5d-ac96-774b-bcce-b302099a8057',
];

const FIELD_NAMES = [
  'staffNo',
  'pin',
  'newPin',
  'name',
  'id',
  'items',
  'reason',
  'returnAt',
  'hall',
  'supervisor',
  'imageBase64',
  'role',
  'active',
  'hallName',
  'windowNo',
  'idleLockMinutes',
  'allowLan',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
];

function randomString(rng: Prng, maxLength: number): string {
  const length = rng.int(0, maxLength);
  let s = '';
  for (let i = 0; i < length; i++) {
    const kind = rng.int(0, 4);
    if (kind === 0) s += String.fromCharCode(rng.int(32, 126));
    else if (kind === 1) s += String.fromCharCode(rng.int(0x4e00, 0x9fa5));
    else if (kind === 2) s += String.fromCharCode(rng.int(0, 31));
    else if (kind === 3) s += String(rng.int(0, 9));
    else s += rng.pick(['🙂', '\ud800', '\u202e', '=', '/', '+', '%', '\\']);
  }
  return s;
}

function primitive(rng: Prng): Payload {
  return rng.pick<Payload>([
    null,
    undefined,
    true,
    false,
    0,
    -0,
    1,
    -1,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    3.14159,
    rng.int(-1e9, 1e9),
    10n ** 30n,
    Symbol('fuzz'),
  ]);
}

function deep(rng: Prng, depth: number, asArray: boolean): Payload {
  let value: Payload = rng.pick(STRINGS);
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { [rng.pick(FIELD_NAMES)]: value };
  return value;
}

/** A random value of any shape; depth bounds nesting of the ordinary (non-deep) kinds. */
export function randomValue(rng: Prng, depth = 3): Payload {
  const kind = rng.int(0, depth > 0 ? 13 : 3);
  switch (kind) {
    case 0:
    case 1:
      return primitive(rng);
    case 2:
      return rng.pick(STRINGS);
    case 3:
      return randomString(rng, 40);
    case 4:
      // huge strings, rarely: they cost time in every method
      return rng.chance(0.25) ? rng.pick(['A', '工', '9', '=']).repeat(rng.int(100_000, 1_500_000)) : randomString(rng, 300);
    case 5:
      return Array.from({ length: rng.int(0, 6) }, () => randomValue(rng, depth - 1));
    case 6:
    case 7: {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(0, 6); i > 0; i--) o[rng.chance(0.6) ? rng.pick(FIELD_NAMES) : randomString(rng, 12)] = randomValue(rng, depth - 1);
      return o;
    }
    case 8:
      return deep(rng, rng.int(20, 800), rng.chance(0.5));
    case 9:
      return withPollutionKeys(rng.chance(0.5) ? {} : { staffNo: randomValue(rng, 0), pin: randomValue(rng, 0) });
    case 10: {
      const o = Object.create(null) as Record<string, unknown>;
      for (let i = rng.int(0, 3); i > 0; i--) o[rng.pick(FIELD_NAMES)] = randomValue(rng, depth - 1);
      return o;
    }
    case 11:
      return rng.pick<() => Payload>([
        () => new Date(0),
        () => new Map([['staffNo', 'C001']]),
        () => new Set([1, 2]),
        () => new Uint8Array([1, 2, 3]),
        () => () => 'function',
        () => /regex/,
        () => new Error('not a request'),
        () => Object.freeze({ pin: '135790' }),
      ])();
    case 12:
      return Object.fromEntries(Array.from({ length: rng.int(50, 400) }, (_, i) => [`k${i}`, i]));
    default:
      // a request serialised once too often
      return describePayload(randomValue(rng, depth - 1));
  }
}

/** Wrong-but-plausible values per field name, on top of random ones. */
export const BAD_VALUES: Record<string, readonly unknown[]> = {
  staffNo: ['', 'a', '工号01', 'A'.repeat(17), 'ab cd', 'ab-01', ' ', 1001, null],
  pin: ['', '12345', '1234567', '12345a', '１３５７９０', ' 135790', '135790 ', '13579.0', 135790, '+35790', null],
  newPin: ['', '12345', '1234567', 'abcdef', 258036, '２５８０３６'],
  name: ['', '   ', '张'.repeat(21), 42, ['张伟']],
  title: ['职'.repeat(21), null, 7],
  duties: ['职'.repeat(201), false],
  partyMember: ['true', 1, 0, null, 'yes'],
  role: ['admin', 'Supervisor', '', 'root', 1, null],
  active: ['false', 0, null],
  id: ['', 'not-a-uuid', '01890a5d-ac96-774b-bcce-b302099a805', '01890a5d-ac96-774b-bcce-b302099a805g', '../etc/passwd', 123, null],
  imageBase64: ['', 'not base64!', 'AAAA===', '====', 'data:image/png;base64,AAAA', 'A'.repeat(7_000_004), 12],
  items: [
    [],
    Array.from({ length: 13 }, () => ({ text: '首问负责', timeLimit: '当场' })),
    [{ text: '', timeLimit: '当场' }],
    [{ text: '首问负责', timeLimit: '当场', extra: 1 }],
    [{ text: '承'.repeat(61), timeLimit: '当场' }],
    [{ text: '首问负责', timeLimit: '时'.repeat(21) }],
    [null],
    'items',
    { 0: { text: '首问负责', timeLimit: '当场' } },
  ],
  text: ['', '承'.repeat(61), 1],
  timeLimit: ['', '时'.repeat(21), 5],
  reason: ['', ' ', '理'.repeat(21), 5],
  returnAt: ['', 'tomorrow', '2026-03-02 10:00', '2026-03-02T10:00:00', '2026-13-02T10:00:00Z', '2026-03-02T25:00:00+08:00', 1772427600000, '10:30'],
  hallName: ['', ' ', '厅'.repeat(41), 0],
  department: ['', '部'.repeat(41), false],
  windowNo: ['', '123456789', '3 号', '窗口3', 3, 'a_b'],
  complaintPhone: ['', '12', 'call me', '1'.repeat(21), 12345],
  supervisionPhone: ['', 'x', '1'.repeat(21)],
  leaderOnDuty: ['领'.repeat(41), null],
  idleLockMinutes: [0, 121, 1.5, '5', -1, NaN, Infinity, null],
  allowLan: ['true', 1, null],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Corruptions of a well-formed request: each field wrong, missing, nested fields wrong, extra keys. */
export function corruptionsOf(sample: Record<string, unknown>, rng: Prng): Payload[] {
  const out: Payload[] = [];
  for (const [key, value] of Object.entries(sample)) {
    for (const bad of BAD_VALUES[key] ?? []) out.push({ ...sample, [key]: bad });
    for (let i = 0; i < 3; i++) out.push({ ...sample, [key]: randomValue(rng, 2) });
    const without = { ...sample };
    delete without[key];
    out.push(without);
    if (isRecord(value)) for (const inner of corruptionsOf(value, rng)) out.push({ ...sample, [key]: inner });
    if (Array.isArray(value)) {
      const first: unknown = value[0];
      if (isRecord(first)) for (const inner of corruptionsOf(first, rng)) out.push({ ...sample, [key]: [inner] });
    }
  }
  out.push({ ...sample, unexpected: true });
  out.push({ ...sample, [randomString(rng, 10) || 'x']: 1 });
  out.push(withPollutionKeys(sample));
  out.push({ ...sample, constructor: { prototype: { polluted: 'yes' } } });
  out.push({ ...sample, toString: 'x', valueOf: 1 });
  out.push([sample]);
  out.push(JSON.stringify(sample));
  return out;
}

/** A short printable description of a payload for failure reports. */
export function describePayload(payload: Payload): string {
  try {
    const text = JSON.stringify(payload, (_k, v: unknown) =>
      typeof v === 'bigint' ? `${v}n` : typeof v === 'symbol' || typeof v === 'function' ? String(v) : v,
    );
    if (text === undefined) return String(payload);
    return text.length > 160 ? `${text.slice(0, 160)}…(${text.length} chars)` : text;
  } catch {
    return Object.prototype.toString.call(payload);
  }
}

/** The same payload as it would arrive over JSON (what a socket can carry). */
export function jsonRoundTrip(payload: Payload): unknown {
  try {
    const text = JSON.stringify(payload);
    return text === undefined ? null : (JSON.parse(text) as unknown);
  } catch {
    return describePayload(payload);
  }
}
