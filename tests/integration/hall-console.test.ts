/**
 * The hall console against a real hall on a real PostgreSQL: supervisor
 * login with the windows' PIN hashes, the lockout under parallel attempts
 * and its order against windows' unlocks, the live board from the windows'
 * pushes, enrolment codes for windows and kiosks (audited), and the
 * hall-wide ledgers (search, counts by window equal to the windows' own
 * ledgers, CSV export).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin as windowHashPin } from '../../electron/services/staff/pin-hash';
import { verifyPin } from '../../hall/console/pin';
import { seedDemoStaff } from '../../hall/demo';
import { inTransaction } from '../../hall/db/pool';
import { putReference } from '../../hall/store/reference';
import type { StaffReference } from '../../shared/hall/reference-bodies';
import { call, chainHashes, changeRow, enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { consoleCall, consoleLogin, contactPayload, marriagePayload } from '../support/hall-console';

let t: TestHall;
let base: string;

async function staffBody(staffNo: string, pin: string, role: StaffReference['role'], active = true): Promise<StaffReference> {
  return { staffNo, name: `员工${staffNo}`, title: '', duties: '', partyMember: false, role, active, pinHash: await windowHashPin(pin), lockedUntil: null };
}

async function putStaffBody(body: StaffReference): Promise<void> {
  await inTransaction(t.hall.pool, (client) => putReference(client, t.hall.hall.hallId, { kind: 'staff', key: body.staffNo, body }));
}

async function putStaff(staffNo: string, pin: string, role: StaffReference['role'], active = true): Promise<void> {
  await putStaffBody(await staffBody(staffNo, pin, role, active));
}

beforeAll(async () => {
  t = await startTestHall();
  base = t.hall.url;
  await seedDemoStaff(t.hall.pool, t.hall.hall);
  await putStaff('1001', '135790', 'clerk');
  await putStaff('9100', '111111', 'supervisor');
  await putStaff('9200', '222222', 'supervisor', false);
});
afterAll(async () => {
  await t?.stop();
});

describe('console login', () => {
  it('verifies a PIN hash the window made (the same scrypt form)', async () => {
    const stored = await windowHashPin('024680');
    expect(await verifyPin('024680', stored)).toBe(true);
    expect(await verifyPin('024681', stored)).toBe(false);
  });

  it('logs the demo supervisor in with an HttpOnly, SameSite=Strict session cookie kept in PostgreSQL', async () => {
    const result = await consoleCall(base, 'login', { staffNo: '9001', pin: '246810' }, null);
    expect(result).toMatchObject({ ok: true, value: { staffNo: '9001', name: '王建国', hallName: '测试大厅' } });
    expect(result.setCookie).toMatch(/^hall_console=[\w-]{40,};/);
    expect(result.setCookie).toContain('HttpOnly');
    expect(result.setCookie).toContain('SameSite=Strict');
    const cookie = result.setCookie?.split(';')[0] ?? '';
    expect(await consoleCall(base, 'me', {}, cookie)).toMatchObject({ ok: true, value: { staffNo: '9001' } });
    const { rows } = await t.hall.pool.query<{ n: string }>("SELECT count(*) AS n FROM console_session WHERE staff_no = '9001'");
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    // logged out: the cookie no longer opens anything
    expect((await consoleCall(base, 'logout', {}, cookie)).ok).toBe(true);
    expect(await consoleCall(base, 'me', {}, cookie)).toMatchObject({ ok: false, status: 401, error: { code: 'AUTH_REQUIRED' } });
    expect(await consoleCall(base, 'board', {}, null)).toMatchObject({ ok: false, status: 401 });
  });

  it('answers an unknown staff number and a wrong PIN the same way', async () => {
    const unknown = await consoleCall(base, 'login', { staffNo: '7777', pin: '123456' }, null);
    const wrong = await consoleCall(base, 'login', { staffNo: '9100', pin: '123456' }, null);
    expect(unknown).toMatchObject({ ok: false, status: 403, error: { code: 'PIN_WRONG' } });
    expect(unknown.ok ? null : unknown.error).toEqual(wrong.ok ? null : wrong.error);
    expect(unknown.setCookie).toBeNull();
    await consoleLogin(base, '9100', '111111');
  });

  it('logs in with the right PIN while a window stores the same PIN under new hashes', async () => {
    await putStaff('9500', '555555', 'supervisor');
    // the same PIN, hashed again (a new salt each), put while the logins hash theirs
    const rehashed = await Promise.all(Array.from({ length: 5 }, () => staffBody('9500', '555555', 'supervisor')));
    const logins = Array.from({ length: 20 }, () => consoleCall(base, 'login', { staffNo: '9500', pin: '555555' }, null));
    for (const body of rehashed) await putStaffBody(body);
    const results = await Promise.all(logins);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.message))).toEqual(Array.from({ length: 20 }, () => 'ok'));
  });

  it('refuses a clerk and a disabled supervisor even with the right PIN', async () => {
    const clerk = await consoleCall(base, 'login', { staffNo: '1001', pin: '135790' }, null);
    expect(clerk).toMatchObject({ ok: false, status: 403, error: { code: 'FORBIDDEN' } });
    expect(clerk.ok ? '' : clerk.error.message).toContain('仅限主管');
    expect(clerk.setCookie).toBeNull();
    expect(await consoleCall(base, 'login', { staffNo: '9200', pin: '222222' }, null)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
  });

  it('locks the account at every window after 5 wrong PINs, however many attempts run in parallel', async () => {
    await putStaff('9300', '333333', 'supervisor');
    const results = await Promise.all(Array.from({ length: 12 }, () => consoleCall(base, 'login', { staffNo: '9300', pin: '000000' }, null)));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'PIN_WRONG')).toHaveLength(4);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(8);
    // the right PIN is refused too, and the lock is in the staff row the windows pull
    expect(await consoleCall(base, 'login', { staffNo: '9300', pin: '333333' }, null)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    const window = await enrolWindow(t.hall, '40');
    const pulled = await value(t.hall, 'pull', {}, window.credential);
    const staff = pulled.rows.find((r) => r.kind === 'staff' && r.key === '9300');
    expect(typeof staff?.body.lockedUntil).toBe('string');
  });

  it('weighs a lockout on the console by when it was decided: an older unlock pushed later keeps it, a newer one lifts it', async () => {
    await putStaff('9400', '444444', 'supervisor');
    const window = await enrolWindow(t.hall, '41');
    const beforeLock = new Date(Date.now() - 60_000).toISOString();
    const wrong = await Promise.all(Array.from({ length: 5 }, () => consoleCall(base, 'login', { staffNo: '9400', pin: '000000' }, null)));
    expect(wrong.filter((r) => !r.ok && r.error.code === 'ACCOUNT_LOCKED')).toHaveLength(1);
    const unlock = (seq: number, at: string) => changeRow(seq, { entity: 'staff', op: 'update', payload: { staffNo: '9400', unlocked: true }, createdAt: at });
    const heads = chainHashes(2);
    // the window unlocked the account offline a minute before the console locked it; its row arrives now, twice at once
    const late = { windowNo: '41', rows: [unlock(1, beforeLock)], auditHead: heads[1] ?? { seq: 0, hash: '' }, auditAt: null };
    await Promise.all([0, 1].map(() => value(t.hall, 'push', late, window.credential)));
    expect(await consoleCall(base, 'login', { staffNo: '9400', pin: '444444' }, null)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    // an unlock decided after the lockout lifts it
    await value(t.hall, 'push', { windowNo: '41', rows: [unlock(2, new Date().toISOString())], auditHead: heads[2] ?? { seq: 0, hash: '' }, auditAt: heads[1] ?? null }, window.credential);
    expect((await consoleCall(base, 'login', { staffNo: '9400', pin: '444444' }, null)).ok).toBe(true);
  });

  it('refuses a write from a foreign page (Origin) and a body that is not JSON', async () => {
    const foreign = await fetch(`${base}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    const form = await fetch(`${base}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'staffNo=9001' });
    expect(form.status).toBe(400);
  });
});

describe('live board and enrolment', () => {
  let cookie: string;
  let w1: EnrolledWindow;
  beforeAll(async () => {
    cookie = await consoleLogin(base, '9001', '246810');
  });

  it('gives one-time enrolment codes a window can join with, distinct under parallel requests', async () => {
    const codes = await Promise.all(Array.from({ length: 6 }, () => consoleCall(base, 'enrolmentCode', { windowNo: '1' }, cookie)));
    const values = codes.map((c) => (c.ok ? c.value.code : ''));
    expect(new Set(values).size).toBe(6);
    const audited = await t.hall.pool.query("SELECT 1 FROM console_audit WHERE action = 'enrolment.code' AND kind = 'window' AND key = '1'");
    expect(audited.rows).toHaveLength(6);
    const joined = await call(t.hall, 'enrol', { code: values[0] ?? '', windowNo: '1' }, null);
    expect(joined.ok).toBe(true);
    if (!joined.ok) return;
    w1 = { windowNo: '1', windowId: joined.value.windowId, credential: joined.value.credential, lookupKey: joined.value.lookupKey };
    expect(await consoleCall(base, 'enrolmentCode', { windowNo: '1 2' }, cookie)).toMatchObject({ ok: false, status: 400, error: { code: 'VALIDATION' } });
  });

  it('gives a kiosk its code, audited: 20 identical requests at once get 20 distinct codes, and the kiosk enrols with one as a kiosk', async () => {
    const issued = await Promise.all(Array.from({ length: 20 }, () => consoleCall(base, 'enrolmentCode', { windowNo: 'K7', deviceKind: 'kiosk' }, cookie)));
    const codes = issued.map((r) => (r.ok ? r.value : null));
    expect(codes.every((c) => c?.deviceKind === 'kiosk' && c.windowNo === 'K7' && c.validHours === 24)).toBe(true);
    expect(new Set(codes.map((c) => c?.code)).size).toBe(20);
    const { rows } = await t.hall.pool.query<{ staff_no: string; kind: string; detail: unknown }>("SELECT staff_no, kind, detail FROM console_audit WHERE action = 'enrolment.code' AND key = 'K7'");
    expect(rows.map((r) => `${r.staff_no}:${r.kind}`)).toEqual(Array.from({ length: 20 }, () => '9001:kiosk'));
    // the audit never holds a code
    expect(rows.map((r) => r.detail)).toEqual(Array.from({ length: 20 }, () => ({ validHours: 24 })));
    const audit = await consoleCall(base, 'consoleAudit', {}, cookie);
    expect(audit.ok && audit.value.entries[0]).toMatchObject({ staffNo: '9001', action: 'enrolment.code', kind: 'kiosk', key: 'K7' });

    const kiosk = await value(t.hall, 'enrol', { code: codes[7]?.code ?? '', windowNo: 'K7' }, null);
    const enrolled = await t.hall.pool.query<{ device_kind: string }>('SELECT device_kind FROM hall_window WHERE window_id = $1', [kiosk.windowId]);
    expect(enrolled.rows).toEqual([{ device_kind: 'kiosk' }]);
    expect(await call(t.hall, 'push', {}, kiosk.credential)).toMatchObject({ ok: false, status: 403, error: { code: 'FORBIDDEN' } });
    // a number an enrolled device of the other kind holds is refused: enrolling under it would retire that device
    expect(await consoleCall(base, 'enrolmentCode', { windowNo: 'K7' }, cookie)).toMatchObject({ ok: false, status: 409, error: { code: 'CONFLICT' } });
    expect(await consoleCall(base, 'enrolmentCode', { windowNo: '1', deviceKind: 'kiosk' }, cookie)).toMatchObject({ ok: false, status: 409, error: { code: 'CONFLICT' } });
    expect(await consoleCall(base, 'enrolmentCode', { windowNo: 'K8', deviceKind: 'printer' }, cookie)).toMatchObject({ ok: false, status: 400, error: { code: 'VALIDATION' } });
    // a bad number is told as what it numbers
    for (const [deviceKind, named] of [['kiosk', '取号机编号'], ['window', '窗口号']] as const) {
      const bad = await consoleCall(base, 'enrolmentCode', { windowNo: 'K 7', deviceKind }, cookie);
      expect(bad).toMatchObject({ ok: false, status: 400, error: { code: 'VALIDATION', fields: { windowNo: `${named}只能是 1 到 8 位字母、数字或短横线` } } });
    }
  });

  it('shows who is at each window, its state, printer problem and backlog; a window never heard from is offline', async () => {
    const w2 = await enrolWindow(t.hall, '2');
    const heads = chainHashes(3);
    const oldest = new Date(Date.now() - 12 * 60_000).toISOString();
    await value(
      t.hall,
      'push',
      {
        windowNo: '1',
        rows: [changeRow(1, { entity: 'window_status' }), changeRow(2, { entity: 'window_status' }), { seq: 3, junk: true }],
        auditHead: heads[3] ?? { seq: 0, hash: '' },
        auditAt: null,
        status: { staffNo: '1001', staffName: '李晓梅', state: 'paused', whereabouts: '业务培训，10:30 回', printerProblem: '打印机缺纸' },
        backlog: { rows: 42, oldestAt: oldest },
      },
      w1.credential,
    );
    const board = await consoleCall(base, 'board', {}, cookie);
    expect(board.ok).toBe(true);
    if (!board.ok) return;
    const one = board.value.windows.find((w) => w.windowNo === '1');
    expect(one).toMatchObject({ offline: false, staffName: '李晓梅', state: 'paused', whereabouts: '业务培训，10:30 回', printerProblem: '打印机缺纸', backlogRows: 42, ackedSeq: 3, quarantined: 1 });
    expect(one?.lagMinutes).toBeGreaterThanOrEqual(12);
    expect(board.value.windows.find((w) => w.windowNo === w2.windowNo)).toMatchObject({ offline: true, state: 'unknown', lastContactAt: null });
    expect(board.value.quarantined).toEqual([expect.objectContaining({ windowNo: '1', seq: 3 })]);

    // a rewritten chain is reported on the board
    const rewritten = chainHashes(4, 2);
    await value(t.hall, 'push', { windowNo: '1', rows: [], auditHead: rewritten[4] ?? { seq: 0, hash: '' }, auditAt: rewritten[3] ?? null }, w1.credential);
    const after = await consoleCall(base, 'board', {}, cookie);
    expect(after.ok && after.value.windows.find((w) => w.windowNo === '1')?.auditBroken).toBe(true);
    expect(after.ok && after.value.auditBreaks.map((b) => b.windowNo)).toEqual(['1']);
  });

  it('keeps the offline setting, the last of parallel writes winning', async () => {
    const writes = await Promise.all([3, 7, 9, 7].map((m) => consoleCall(base, 'settings', { offlineMinutes: m }, cookie)));
    expect(writes.every((w) => w.ok)).toBe(true);
    const board = await consoleCall(base, 'board', {}, cookie);
    expect([3, 7, 9]).toContain(board.ok ? board.value.offlineMinutes : 0);
    expect(await consoleCall(base, 'settings', { offlineMinutes: 0 }, cookie)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('hall-wide ledgers', () => {
  let cookie: string;
  const expected = new Map<string, number>();
  beforeAll(async () => {
    cookie = await consoleLogin(base, '9001', '246810');
    // three windows, each with its contacts (some updated later) and one registered marriage
    for (const windowNo of ['21', '22', '23']) {
      const w = await enrolWindow(t.hall, windowNo);
      const rows = [];
      let seq = 0;
      const n = Number(windowNo) - 17; // 4, 5, 6 contacts
      for (let i = 1; i <= n; i++) {
        const id = randomUUID();
        const fields = { contactNo: `JD20261127${windowNo}${String(i).padStart(3, '0')}`, name: i === 1 ? '赵敏' : `申请人${windowNo}-${i}`, receivedAt: `2026-11-${i === 2 ? '26' : '27'}T0${i}:00:00.000Z` };
        rows.push(changeRow(++seq, { entity: 'contact', entityId: id, payload: contactPayload(id, windowNo, fields) }));
        rows.push(changeRow(++seq, { entity: 'contact', entityId: id, op: 'update', payload: contactPayload(id, windowNo, { ...fields, status: 'closed' }) }));
      }
      const caseId = randomUUID();
      rows.push(changeRow(++seq, { entity: 'civil_case', entityId: caseId, op: 'update', payload: marriagePayload(caseId, windowNo, { caseNo: `HY${windowNo}01`, certificateNo: `J330100-2026-0000${windowNo}`, names: ['周杰', `吴${windowNo}`], registeredAt: '2026-11-27T02:00:00.000Z' }) }));
      const heads = chainHashes(1);
      // pushed twice: a replay changes nothing
      for (let k = 0; k < 2; k++) await value(t.hall, 'push', { windowNo, rows, auditHead: heads[1] ?? { seq: 0, hash: '' }, auditAt: null }, w.credential);
      expected.set(windowNo, n);
    }
  });

  it('counts by window equal each window’s own ledger, and add up to the total', async () => {
    const all = await consoleCall(base, 'ledger', { ledger: 'contacts' }, cookie);
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    expect(all.value.counts).toEqual([...expected].map(([windowNo, count]) => ({ windowNo, count })));
    expect(all.value.total).toBe(4 + 5 + 6);
    expect(all.value.rows).toHaveLength(15);
    expect(all.value.rows.every((r) => r.status === 'closed')).toBe(true);
    const day = await consoleCall(base, 'ledger', { ledger: 'contacts', from: '2026-11-27', to: '2026-11-27', windowNo: '22' }, cookie);
    expect(day.ok && day.value.total).toBe(4);
  });

  it('finds by full name, by the start of a contact number and by certificate number', async () => {
    const byName = await consoleCall(base, 'ledger', { ledger: 'contacts', q: '赵敏' }, cookie);
    expect(byName.ok && byName.value.rows.map((r) => r.windowNo).sort()).toEqual(['21', '22', '23']);
    const byNo = await consoleCall(base, 'ledger', { ledger: 'contacts', q: 'JD2026112722' }, cookie);
    expect(byNo.ok && byNo.value.total).toBe(5);
    const party = await consoleCall(base, 'ledger', { ledger: 'marriages', q: '吴22' }, cookie);
    expect(party.ok && party.value.rows).toEqual([expect.objectContaining({ windowNo: '22', certificateNo: 'J330100-2026-000022', names: ['周杰', '吴22'], day: '2026-11-27' })]);
    const cert = await consoleCall(base, 'ledger', { ledger: 'marriages', q: 'J330100-2026-000023' }, cookie);
    expect(cert.ok && cert.value.total).toBe(1);
    const wildcard = await consoleCall(base, 'ledger', { ledger: 'contacts', q: '%' }, cookie);
    expect(wildcard.ok && wildcard.value.total).toBe(0);
    expect(await consoleCall(base, 'ledger', { ledger: 'contacts', from: '2026-11-28', to: '2026-11-01' }, cookie)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('exports the filtered ledger as CSV', async () => {
    const res = await fetch(`${base}/console/api/ledger.csv?ledger=marriages`, { headers: { cookie } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    // a BOM, so that spreadsheet programs read UTF-8
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('窗口,登记日期,案件编号,结婚证字号,当事人,状态');
    expect(lines).toHaveLength(4);
    expect(lines).toContain('21,2026-11-27,HY2101,J330100-2026-000021,周杰、吴21,已登记');
    expect((await fetch(`${base}/console/api/ledger.csv?ledger=marriages`)).status).toBe(401);
  });
});
