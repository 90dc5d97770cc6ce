/**
 * Double submits: every write method of the contract, given the state it
 * needs, is sent 20 times in parallel with one request id (a double click, a
 * retried send). Every call must get the same answer, and the ledger (every
 * table's row count) and the data directory must change exactly as much as
 * after one call of the same request on a copy of the same state.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, methods, type CallerKind, type MethodName } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { CounterCore } from '../../electron/services/core/core';
import { DATABASE_FILE } from '../../electron/services/core/core';
import { avatarJpeg } from '../../electron/services/setup/demo';
import { CLERK, FakeClock, SUPERVISOR, call, cleanupAll, closeCore, expectOk, login, logout, makeTempDir, openCore, setUpWithClerk } from '../support/core';
import { rowCounts, type RowCounts } from '../support/db';
import { VALID_REQUESTS } from '../support/requests';
import { startTestHall, type TestHall } from '../support/hall';
import { enrolmentCode } from '../support/hall-window';
import { configureQueue, enrolKiosk, matter, take } from '../support/queue';
import type { EnrolledWindow } from '../support/hall';

afterAll(cleanupAll);

const PARALLEL = 20;
/** The staff member who countersigns handovers in VALID_REQUESTS['handover.close']. */
const NEXT = { staffNo: 'C002', pin: '258036', name: '张伟', title: '登记员', duties: '', partyMember: false, role: 'clerk' } as const;

interface Env {
  core: CounterCore;
  clock: FakeClock;
  dataDir: string;
}

interface Prepared {
  request: unknown;
  caller?: CallerKind;
}

type Setup = (env: Env) => Promise<Prepared>;

const asSupervisor = async (env: Env): Promise<void> => {
  await login(env.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
};
const asClerk = async (env: Env): Promise<void> => {
  await login(env.core, CLERK.staffNo, CLERK.pin);
};
/** The supervisor, sending the table's valid request as it is. */
const plain =
  (method: MethodName): Setup =>
  async (env) => {
    await asSupervisor(env);
    return { request: VALID_REQUESTS[method] };
  };

async function contact(env: Env, itemCode = 'MAR-RECORD'): Promise<string> {
  return (await call(env.core, 'intake.start', { itemCode, channel: 'walkIn', applicantName: '张三', applicantPhone: '13800001234', applicantIdNumber: '' })).id;
}

async function openCase(env: Env): Promise<string> {
  const id = await contact(env);
  return (await call(env.core, 'intake.accept', { id, receivedMaterialIds: ['id-card', 'application'] })).case.id;
}

async function printJob(env: Env): Promise<string> {
  return (await call(env.core, 'printer.testPage', {})).id;
}

async function handover(env: Env): Promise<string> {
  await asClerk(env);
  const { handover: h } = await call(env.core, 'handover.close', VALID_REQUESTS['handover.close']);
  return h.id;
}

/** A bad rating by the display for a consultation at the clerk's window; the follow-up it opened. */
async function followUp(env: Env): Promise<string> {
  await asClerk(env);
  const contactId = await contact(env, 'MAR-REG');
  await call(env.core, 'intake.close', { id: contactId, reason: 'consulted' });
  await call(env.core, 'rating.request', { contactId });
  const pending = expectOk(await env.core.call('rating.current', {}, 'display'));
  expectOk(await env.core.call('rating.submit', { requestId: pending?.requestId ?? '', level: 2, reasons: ['等候时间长'], comment: '' }, 'display'));
  await logout(env.core);
  await asSupervisor(env);
  const [item] = await call(env.core, 'followUp.list', { filter: 'open' });
  return item?.id ?? '';
}

async function callback(env: Env): Promise<string> {
  await asSupervisor(env);
  await call(env.core, 'callbackRules.save', { kind: 'completedShare', sharePercent: 100, daysAfter: 0 });
  await call(env.core, 'cases.complete', { id: await openCase(env) });
  const due = await call(env.core, 'callbacks.due', {});
  return [...due.overdue, ...due.dueToday, ...due.upcoming][0]?.id ?? '';
}

async function complaint(env: Env): Promise<string> {
  await asSupervisor(env);
  return (await call(env.core, 'complaints.create', VALID_REQUESTS['complaints.create'])).complaint.id;
}

async function divorce(env: Env): Promise<string> {
  await asClerk(env);
  return (await call(env.core, 'divorce.accept', { parties: VALID_REQUESTS['divorce.accept'].parties, checks: VALID_REQUESTS['divorce.accept'].checks, marriageCertificateNos: VALID_REQUESTS['divorce.accept'].marriageCertificateNos })).case.id;
}

async function appointment(env: Env): Promise<string> {
  await asClerk(env);
  await call(env.core, 'appointments.import', VALID_REQUESTS['appointments.import']);
  const day = await call(env.core, 'appointments.day', { date: '2026-03-02' });
  return day.slots.flatMap((s) => s.appointments)[0]?.id ?? '';
}

function newCatalogue(): string {
  const catalogue = JSON.parse(readFileSync(join(__dirname, '../../shared/catalogue/default-catalogue.json'), 'utf8')) as { version: string };
  return JSON.stringify({ ...catalogue, version: '2099.1' });
}

/** A real hall for hall.join, started on first use. */
let hall: Promise<TestHall> | null = null;
afterAll(async () => {
  await (await hall)?.stop();
});

/** The hall's queue and its kiosk, configured on first use. */
let kiosk: Promise<EnrolledWindow> | null = null;

/** The window joined to the test hall, the clerk logged in, a ticket taken and moved on by `steps`; its id and code. */
async function queued(env: Env, steps: readonly ('call' | 'pass' | 'start')[]): Promise<{ id: string; code: string }> {
  await asSupervisor(env);
  hall ??= startTestHall();
  const running = await hall;
  kiosk ??= configureQueue(running.hall, [matter('MAR-REG', '结婚登记', 'A'), matter('DIV-REG', '离婚登记', 'B')]).then(() => enrolKiosk(running.hall, 'K1'));
  const k = await kiosk;
  await call(env.core, 'hall.join', { url: running.hall.url, code: await enrolmentCode(running, env.core.ctx.settings.get().windowNo) });
  await logout(env.core);
  await asClerk(env);
  const ticket = await take(running.hall, k, 'MAR-REG');
  if (steps.includes('call')) await call(env.core, 'queue.callTicket', { code: ticket.code });
  if (steps.includes('pass')) await call(env.core, 'queue.pass', { ticketId: ticket.id });
  if (steps.includes('start')) await call(env.core, 'queue.start', { ticketId: ticket.id });
  return { id: ticket.id, code: ticket.code };
}

/** What each write method needs before its valid request can succeed; the rest use plain(). */
const SETUPS: Partial<Record<MethodName, Setup>> = {
  'setup.complete': async () => ({ request: VALID_REQUESTS['setup.complete'] }),
  'auth.login': async () => ({ request: { staffNo: CLERK.staffNo, pin: CLERK.pin } }),
  'auth.logout': async (env) => (await asClerk(env), { request: {} }),
  'auth.lock': async (env) => (await asClerk(env), { request: {} }),
  'auth.unlock': async (env) => {
    await asClerk(env);
    await call(env.core, 'auth.lock', {});
    return { request: { pin: CLERK.pin } };
  },
  'auth.changePin': async (env) => (await asClerk(env), { request: VALID_REQUESTS['auth.changePin'] }),
  'staff.create': async (env) => (await asSupervisor(env), { request: { ...VALID_REQUESTS['staff.create'], staffNo: 'C003' } }),
  'staff.update': async (env) => (await asSupervisor(env), { request: { id: staffId(env, CLERK.staffNo), name: '李晓梅', title: '副主任科员' } }),
  'staff.resetPin': async (env) => (await asSupervisor(env), { request: { id: staffId(env, CLERK.staffNo), newPin: '369147' } }),
  'staff.setPhoto': async (env) => {
    await asSupervisor(env);
    return { request: { id: staffId(env, CLERK.staffNo), imageBase64: (await avatarJpeg(200)).toString('base64') } };
  },
  'staff.unlock': async (env) => {
    await asSupervisor(env);
    // five wrong PINs' lockout, as the pin check writes it
    env.core.db.prepare('UPDATE staff SET locked_until = ? WHERE staff_no = ?').run(new Date(env.clock.now().getTime() + 5 * 60_000).toISOString(), CLERK.staffNo);
    return { request: { id: staffId(env, CLERK.staffNo) } };
  },
  'window.pause': async (env) => {
    await asClerk(env);
    return { request: { reason: '临时离开', returnAt: new Date(env.clock.now().getTime() + 30 * 60_000).toISOString() } };
  },
  'window.resume': async (env) => {
    await asClerk(env);
    await call(env.core, 'window.pause', { reason: '临时离开', returnAt: new Date(env.clock.now().getTime() + 30 * 60_000).toISOString() });
    return { request: {} };
  },
  'print.reprint': async (env) => (await asSupervisor(env), { request: { id: await printJob(env), reason: '卡纸，重新打印' } }),
  'intake.start': async (env) => (await asClerk(env), { request: VALID_REQUESTS['intake.start'] }),
  'intake.refer': async (env) => (await asClerk(env), { request: { id: await contact(env, 'SOC-ORG-REG') } }),
  'intake.notify': async (env) => (await asClerk(env), { request: { id: await contact(env), receivedMaterialIds: ['id-card'], problems: [] } }),
  'intake.resume': async (env) => {
    await asClerk(env);
    const notified = await call(env.core, 'intake.notify', { id: await contact(env), receivedMaterialIds: ['id-card'], problems: [] });
    return { request: { slipNo: notified.contact.notification?.slipNo ?? '' } };
  },
  'intake.accept': async (env) => (await asClerk(env), { request: { id: await contact(env), receivedMaterialIds: ['id-card', 'application'] } }),
  'marriage.prefill': async (env) => (await asClerk(env), { request: { contactId: await contact(env, 'MAR-REG') } }),
  'intake.close': async (env) => (await asClerk(env), { request: { id: await contact(env), reason: 'consulted' } }),
  'cases.complete': async (env) => (await asClerk(env), { request: { id: await openCase(env) } }),
  'handover.close': async (env) => (await asClerk(env), { request: VALID_REQUESTS['handover.close'] }),
  'handover.acknowledge': async (env) => {
    const id = await handover(env);
    await login(env.core, NEXT.staffNo, NEXT.pin);
    return { request: { id } };
  },
  'handover.correct': async (env) => {
    const id = await handover(env);
    await asSupervisor(env);
    return { request: { id, notes: '更正：钥匙两把', items: [{ what: '钥匙', quantity: '2', note: '' }] } };
  },
  'catalogue.import': async (env) => (await asSupervisor(env), { request: { content: newCatalogue() } }),
  'calendar.deleteOverride': async (env) => {
    await asSupervisor(env);
    await call(env.core, 'calendar.saveOverride', VALID_REQUESTS['calendar.saveOverride']);
    return { request: VALID_REQUESTS['calendar.deleteOverride'] };
  },
  'ledger.export': async (env) => (await asSupervisor(env), { request: VALID_REQUESTS['ledger.export'] }),
  'stats.export': async (env) => (await asSupervisor(env), { request: VALID_REQUESTS['stats.export'] }),
  'hall.join': async (env) => {
    await asSupervisor(env);
    hall ??= startTestHall();
    const running = await hall;
    return { request: { url: running.hall.url, code: await enrolmentCode(running, env.core.ctx.settings.get().windowNo) } };
  },
  // the window's caller (issue 14, caller14)
  'queue.callNext': async (env) => (await queued(env, []), { request: {} }),
  'queue.callTicket': async (env) => ({ request: { code: (await queued(env, [])).code } }),
  'queue.recall': async (env) => ({ request: { ticketId: (await queued(env, ['call'])).id, recall: 1 } }),
  'queue.pass': async (env) => ({ request: { ticketId: (await queued(env, ['call'])).id } }),
  'queue.callBack': async (env) => ({ request: { ticketId: (await queued(env, ['call', 'pass'])).id } }),
  'queue.transfer': async (env) => ({ request: { ticketId: (await queued(env, ['call'])).id, matter: 'DIV-REG' } }),
  'queue.start': async (env) => ({ request: { ticketId: (await queued(env, ['call'])).id } }),
  'queue.finish': async (env) => ({ request: { ticketId: (await queued(env, ['call', 'start'])).id } }),
  'queue.takeGreen': async (env) => (await queued(env, []), { request: { requestId: randomUUID(), matter: 'MAR-REG' } }),
  'rating.request': async (env) => {
    await asClerk(env);
    const id = await contact(env, 'MAR-REG');
    await call(env.core, 'intake.close', { id, reason: 'consulted' });
    return { request: { contactId: id } };
  },
  'rating.submit': async (env) => {
    await asClerk(env);
    const id = await contact(env, 'MAR-REG');
    await call(env.core, 'intake.close', { id, reason: 'consulted' });
    await call(env.core, 'rating.request', { contactId: id });
    const pending = expectOk(await env.core.call('rating.current', {}, 'display'));
    return { request: { requestId: pending?.requestId ?? '', level: 5, reasons: [], comment: '' }, caller: 'display' };
  },
  'followUp.record': async (env) => ({ request: { ...VALID_REQUESTS['followUp.record'], id: await followUp(env) } }),
  'followUp.close': async (env) => {
    const id = await followUp(env);
    await call(env.core, 'followUp.record', { id, contactNote: '已联系', finding: '属实', rectification: '增开窗口', applicantResponse: '满意' });
    return { request: { id } };
  },
  'followUp.appeal': async (env) => {
    const id = await followUp(env);
    await logout(env.core);
    await asClerk(env);
    return { request: { id, reason: '当日系统故障' } };
  },
  'followUp.decideAppeal': async (env) => {
    const id = await followUp(env);
    await logout(env.core);
    await asClerk(env);
    await call(env.core, 'followUp.appeal', { id, reason: '当日系统故障' });
    await logout(env.core);
    await asSupervisor(env);
    return { request: { ...VALID_REQUESTS['followUp.decideAppeal'], id } };
  },
  'callbacks.due': async (env) => {
    await callback(env);
    await call(env.core, 'cases.complete', { id: await openCase(env) }); // one more for the due list to schedule
    return { request: {} };
  },
  'callbacks.phone': async (env) => ({ request: { id: await callback(env) } }),
  'callbacks.record': async (env) => ({ request: { ...VALID_REQUESTS['callbacks.record'], id: await callback(env) } }),
  'complaints.resolve': async (env) => ({ request: { ...VALID_REQUESTS['complaints.resolve'], id: await complaint(env) } }),
  'complaints.close': async (env) => {
    const id = await complaint(env);
    await call(env.core, 'complaints.resolve', { ...VALID_REQUESTS['complaints.resolve'], id });
    return { request: { id } };
  },
  'coordination.add': async (env) => (await asClerk(env), { request: { ...VALID_REQUESTS['coordination.add'], caseId: await openCase(env) } }),
  'coordination.reply': async (env) => {
    await asClerk(env);
    const note = await call(env.core, 'coordination.add', { ...VALID_REQUESTS['coordination.add'], caseId: await openCase(env) });
    return { request: { ...VALID_REQUESTS['coordination.reply'], id: note.id } };
  },
  'marriage.register': async (env) => (await asClerk(env), { request: VALID_REQUESTS['marriage.register'] }),
  'marriage.refuse': async (env) => (await asClerk(env), { request: { ...VALID_REQUESTS['marriage.refuse'], contactId: null, reasons: ['notVoluntary'] } }),
  'marriage.find': async (env) => (await asClerk(env), { request: VALID_REQUESTS['marriage.find'] }),
  'divorce.accept': async (env) => (await asClerk(env), { request: { parties: VALID_REQUESTS['divorce.accept'].parties, checks: VALID_REQUESTS['divorce.accept'].checks, marriageCertificateNos: VALID_REQUESTS['divorce.accept'].marriageCertificateNos } }),
  'divorce.withdraw': async (env) => ({ request: { id: await divorce(env), documentNumber: VALID_REQUESTS['divorce.withdraw'].documentNumber } }),
  'divorce.register': async (env) => {
    const id = await divorce(env);
    env.clock.advance(40 * 24 * 3_600_000); // past the cooling-off period, within the 30 days after it
    return { request: { id, bothPresent: true, certificateNo: '' } };
  },
  'appointments.import': async (env) => (await asClerk(env), { request: VALID_REQUESTS['appointments.import'] }),
  'appointments.checkIn': async (env) => (await appointment(env), { request: VALID_REQUESTS['appointments.checkIn'] }),
  'appointments.markNoShow': async (env) => {
    const id = await appointment(env);
    env.clock.advance(3_600_000); // after the 09:00-09:30 slot
    return { request: { id } };
  },
  'appointments.printSlip': async (env) => ({ request: { id: await appointment(env) } }),
};

function staffId(env: Env, staffNo: string): string {
  return env.core.db.prepare('SELECT id FROM staff WHERE staff_no = ?').pluck().get(staffNo) as string;
}

/** Files in the data directory (photos, print jobs, exports' folder), the database files aside. */
function fileCount(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.name.startsWith(DATABASE_FILE)) n++;
  }
  return n;
}

interface Snapshot {
  rows: RowCounts;
  files: number;
}

function snapshot(env: Env): Snapshot {
  return { rows: rowCounts(env.core.db), files: fileCount(env.dataDir) };
}

function delta(before: Snapshot, after: Snapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [table, n] of Object.entries(after.rows)) {
    const d = n - (before.rows[table] ?? 0);
    if (d !== 0) out[table] = d;
  }
  if (after.files !== before.files) out['(files)'] = after.files - before.files;
  return out;
}

let baseDir = '';
/** A copy of the base state (set up, a clerk, the countersigning colleague, an office code; nobody logged in), or a fresh directory. */
async function environment(method: MethodName): Promise<Env> {
  const dataDir = makeTempDir('counter-double-');
  if (method !== 'setup.complete') cpSync(baseDir, dataDir, { recursive: true });
  const clock = new FakeClock();
  return { core: openCore(dataDir, clock), clock, dataDir };
}

/** Sends the request `times` times at once with one request id; the answers and what changed. */
async function send(method: MethodName, times: number): Promise<{ results: Result<unknown>[]; changed: Record<string, number> }> {
  const env = await environment(method);
  try {
    const setup = SETUPS[method] ?? plain(method);
    const { request, caller = 'clerk' } = await setup(env);
    await env.core.printing.settled();
    const before = snapshot(env);
    const requestId = randomUUID();
    const results = await Promise.all(Array.from({ length: times }, () => env.core.dispatch(method, request, caller, requestId)));
    await env.core.printing.settled();
    return { results, changed: delta(before, snapshot(env)) };
  } finally {
    closeCore(env.core);
  }
}

const WRITES = METHOD_NAMES.filter((m) => methods[m].effect === 'write');
const table: string[] = [];

beforeAll(async () => {
  baseDir = makeTempDir('counter-double-base-');
  const core = openCore(baseDir, new FakeClock());
  await setUpWithClerk(core);
  await login(core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(core, 'staff.create', NEXT);
  await call(core, 'settings.update', { registrationOfficeCode: '110105' }); // certificate numbers need it
  await logout(core);
  closeCore(core);
});

afterAll(() => {
  // the double-submit table, for the report
  console.log(['the double-submit table: method → calls → effects (rows added per table, files), equal to one call', ...table].join('\n'));
});

describe('a write sent 20 times at once with one request id', () => {
  it('every write method of the contract is in the table or uses the valid request as it is', () => {
    expect(WRITES.length).toBeGreaterThan(50);
    expect(Object.keys(SETUPS).filter((m) => methods[m as MethodName].effect !== 'write')).toEqual([]);
  });

  it.each(WRITES)('%s has one effect and gives every call the first answer', async (method) => {
    const once = await send(method, 1);
    const first = once.results[0];
    expect(first?.ok, JSON.stringify(first)).toBe(true);
    const many = await send(method, PARALLEL);
    const answers = new Set(many.results.map((r) => JSON.stringify(r)));
    table.push(`${method} → ${PARALLEL} calls → ${answers.size} distinct answer(s), ${JSON.stringify(many.changed)}`);
    expect(many.results[0]?.ok, JSON.stringify(many.results[0])).toBe(true);
    expect(answers.size).toBe(1);
    expect(many.changed).toEqual(once.changed);
  });
});
