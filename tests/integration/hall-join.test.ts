/**
 * Joining a hall (hall.join) on real cores and a real hall: the window
 * enrols as its own number, the link and status are kept, refusals are in
 * Chinese (wrong code, unreachable hall, already joined, clerks), parallel
 * and repeated joins enrol once (and tell the clerk screens once), and the
 * lookup hashes are re-keyed with the hall's key: two windows of the hall
 * hash a number alike, and a window finds its records from before the join
 * by number.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHallLink } from '../../electron/services/hall-link/link-repo';
import { CLERK, SUPERVISOR, call, expectError, expectOk, login, logout } from '../support/core';
import { idFor } from '../support/civil';
import { startTestHall, type TestHall } from '../support/hall';
import { closeWindowsAndHall, enrolmentCode, joinHall, windowCore } from '../support/hall-window';
import { BRIDE, GROOM, MARRIAGE_CHECKS } from '../support/requests';

let hall: TestHall;
beforeAll(async () => {
  hall = await startTestHall();
});
afterAll(() => closeWindowsAndHall(hall));

function hallHash(number: string): string {
  return createHmac('sha256', Buffer.from(hall.hall.hall.lookupKey, 'hex')).update(number, 'utf8').digest('hex');
}

/** A port nothing listens on. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function activeWindows(windowNo: string): Promise<number> {
  const { rows } = await hall.hall.pool.query<{ n: string }>('SELECT count(*) AS n FROM hall_window WHERE window_no = $1 AND retired_at IS NULL', [windowNo]);
  return Number(rows[0]?.n ?? 0);
}

describe('hall.join', () => {
  it('joins as the window\'s own number, keeps the link across a restart and reports the status', async () => {
    const t = await windowCore('11');
    const status = await joinHall(t, hall);
    expect(status).toMatchObject({ joined: true, hallName: '测试大厅', hallUrl: hall.hall.url, windowNo: '11' });
    const link = readHallLink(t.core.db, t.core.ctx.vault);
    expect(link).toMatchObject({ hallId: hall.hall.hall.hallId, windowNo: '11', lookupKey: hall.hall.hall.lookupKey });
    const audit = t.core.db.prepare("SELECT actor_staff_no, detail FROM audit_log WHERE action = 'hall.join'").all() as { actor_staff_no: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_staff_no).toBe(SUPERVISOR.staffNo);
    // the credential and the key are sealed, never in the file in plain text
    const row = t.core.db.prepare('SELECT credential_sealed, lookup_key_sealed FROM hall_link').get() as { credential_sealed: string; lookup_key_sealed: string };
    expect(row.lookup_key_sealed).not.toContain(hall.hall.hall.lookupKey);
    expect(row.credential_sealed).toMatch(/^v1:/);

    t.reopen();
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    expect(await call(t.core, 'hall.status', {})).toMatchObject({ joined: true, hallName: '测试大厅', windowNo: '11' });
    expect(t.core.ctx.vault.lookupHash('E12345678')).toBe(hallHash('E12345678'));
    expect(await activeWindows('11')).toBe(1);
  });

  it('refuses in Chinese: a wrong code, another window\'s code, an unreachable hall, a clerk, a second join', async () => {
    const t = await windowCore('12');
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    expect(expectError(await t.core.call('hall.join', { url: hall.hall.url, code: 'AAAA-BBBB-CCCC' }), 'FORBIDDEN').message).toContain('登记码不正确');
    const other = await enrolmentCode(hall, '13');
    expect(expectError(await t.core.call('hall.join', { url: hall.hall.url, code: other }), 'FORBIDDEN').message).toContain('13 号窗口');
    const code = await enrolmentCode(hall, '12');
    const dead = expectError(await t.core.call('hall.join', { url: `http://127.0.0.1:${await deadPort()}`, code }), 'DISCONNECTED');
    expect(dead.message).toContain('无法连接大厅服务器');
    expectError(await t.core.call('hall.join', { url: 'ftp://hall', code }), 'VALIDATION');
    expect(await call(t.core, 'hall.status', {})).toMatchObject({ joined: false, rowsWaiting: 0 });
    await logout(t.core);

    await login(t.core, CLERK.staffNo, CLERK.pin);
    expectError(await t.core.call('hall.join', { url: hall.hall.url, code }), 'FORBIDDEN');
    await logout(t.core);

    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    expectOk(await t.core.call('hall.join', { url: hall.hall.url, code }));
    const again = expectError(await t.core.call('hall.join', { url: hall.hall.url, code: await enrolmentCode(hall, '12') }), 'CONFLICT');
    expect(again.message).toContain('不能重复加入');
    expect(await activeWindows('12')).toBe(1);
  });

  it('parallel joins with several codes enrol once; a repeated request id gets the first answer', async () => {
    const t = await windowCore('14');
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const codes = await Promise.all([1, 2, 3, 4, 5].map(() => enrolmentCode(hall, '14')));
    const results = await Promise.all(codes.map((code) => t.core.call('hall.join', { url: hall.hall.url, code }, 'clerk', randomUUID())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r.ok ? '' : r.error.code).toBe('CONFLICT');
    expect(await activeWindows('14')).toBe(1);
    const enrolled = readHallLink(t.core.db, t.core.ctx.vault);
    const { rows } = await hall.hall.pool.query<{ window_id: string }>('SELECT window_id FROM hall_window WHERE window_no = $1 AND retired_at IS NULL', ['14']);
    expect(rows[0]?.window_id).toBe(enrolled?.windowId);

    const t2 = await windowCore('15');
    await login(t2.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const code = await enrolmentCode(hall, '15');
    const id = randomUUID();
    const first = await t2.core.call('hall.join', { url: hall.hall.url, code }, 'clerk', id);
    const repeats = await Promise.all([1, 2, 3].map(() => t2.core.call('hall.join', { url: hall.hall.url, code }, 'clerk', id)));
    expect(first.ok).toBe(true);
    for (const r of repeats) expect(r).toEqual(first);
    expect(t2.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'hall.join'").pluck().get()).toBe(1);
  });

  it('tells clerk screens of the link once the join has committed: never for a refused join, once for parallel and repeated joins', async () => {
    const t = await windowCore('18');
    const told: unknown[] = [];
    const off = t.core.onEvent((event, payload) => {
      if (event === 'hall.changed') told.push(payload);
    });
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    expectError(await t.core.call('hall.join', { url: hall.hall.url, code: 'AAAA-BBBB-CCCC' }), 'FORBIDDEN');
    expect(told).toEqual([]);
    // one request sent three times while two other joins race it: one enrolment, one event
    const [code, ...others] = await Promise.all([1, 2, 3].map(() => enrolmentCode(hall, '18')));
    const id = randomUUID();
    const sent = [1, 2, 3].map(() => t.core.call('hall.join', { url: hall.hall.url, code: code ?? '' }, 'clerk', id));
    const racing = others.map((other) => t.core.call('hall.join', { url: hall.hall.url, code: other }, 'clerk', randomUUID()));
    const results = await Promise.all([...sent, ...racing]);
    off();
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(0);
    expect(await activeWindows('18')).toBe(1);
    expect(told).toEqual([{ joined: true, hallName: '测试大厅', windowNo: '18' }]);
  });

  it('re-keys: two windows hash a number alike; records from before the join are found by number; registrations go to the hall again', async () => {
    const number = idFor('1990-05-01', 'male');
    const a = await windowCore('16');
    const b = await windowCore('17');
    await login(a.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(a.core, 'settings.update', { registrationOfficeCode: '110105' });
    await logout(a.core);
    await login(a.core, CLERK.staffNo, CLERK.pin);
    const before = await call(a.core, 'intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: '张三', applicantPhone: '', applicantIdNumber: number });
    const { case: married } = await call(a.core, 'marriage.register', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS, nationalCheck: [true, true] });
    await logout(a.core);
    const seqBefore = a.core.db.prepare('SELECT max(seq) FROM change_log').pluck().get() as number;
    const ownHash = a.core.db.prepare('SELECT applicant_id_hash FROM contact WHERE id = ?').pluck().get(before.id) as string;
    expect(ownHash).not.toBe(hallHash(number));
    expect(a.core.ctx.vault.lookupHash(number)).not.toBe(b.core.ctx.vault.lookupHash(number));

    await joinHall(a, hall);
    await joinHall(b, hall);
    expect(a.core.ctx.vault.lookupHash(number)).toBe(b.core.ctx.vault.lookupHash(number));
    expect(a.core.db.prepare('SELECT applicant_id_hash FROM contact WHERE id = ?').pluck().get(before.id)).toBe(hallHash(number));

    await login(a.core, CLERK.staffNo, CLERK.pin);
    const found = await call(a.core, 'ledger.query', { filter: { category: 'contacts', documentNumber: number }, limit: 50 });
    expect(found.rows.map((r) => r.values[3])).toEqual(['张三']);
    // the registration before the join: its parties hashed with the hall's key, found by number, sent to the hall again
    expect(a.core.db.prepare('SELECT document_hash FROM civil_party WHERE case_id = ? ORDER BY position').pluck().all(married.id)).toEqual([
      hallHash(GROOM.documentNumber),
      hallHash(BRIDE.documentNumber),
    ]);
    const review = await call(a.core, 'marriage.check', { kind: 'marriage', parties: [GROOM, BRIDE], checks: MARRIAGE_CHECKS });
    expect(JSON.stringify(review.problems)).toContain(married.certificateNo ?? 'no certificate');
    const resent = a.core.db.prepare("SELECT entity, entity_id, op FROM change_log WHERE seq > ? AND entity = 'civil_case'").all(seqBefore);
    expect(resent).toEqual([{ entity: 'civil_case', entity_id: married.id, op: 'update' }]);
    await login(b.core, CLERK.staffNo, CLERK.pin);
    await call(b.core, 'intake.start', { itemCode: 'MAR-RECORD', channel: 'walkIn', applicantName: '张三', applicantPhone: '', applicantIdNumber: number });
    expect(b.core.db.prepare('SELECT applicant_id_hash FROM contact').pluck().all()).toEqual([hallHash(number)]);
  });
});
