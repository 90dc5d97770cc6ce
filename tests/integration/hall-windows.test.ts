/**
 * The hall server on a real PostgreSQL: enrolment with one-time codes, the
 * window credential on every request, a window acting only as itself, and
 * the audit anchor that notices a rewritten chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../hall/store/windows';
import { auditBreaks } from '../../hall/store/audit-anchor';
import { call, chainHashes, changeRow, enrolWindow, startTestHall, value, type TestHall } from '../support/hall';

let t: TestHall;
beforeAll(async () => {
  t = await startTestHall();
});
afterAll(async () => {
  await t?.stop();
});

describe('enrolment', () => {
  it('gives a window its credential and the hall lookup key for a one-time code, and refuses the code again', async () => {
    const code = await createEnrolmentCode(t.hall.pool, t.hall.hall.hallId, '7');
    const first = await call(t.hall, 'enrol', { code: code.toLowerCase().replaceAll('-', ' '), windowNo: '7' }, null);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value).toMatchObject({ hallId: t.hall.hall.hallId, windowNo: '7', lookupKey: t.hall.hall.lookupKey });
    expect(first.value.credential.length).toBeGreaterThan(40);
    // the credential is stored hashed only
    const { rows } = await t.hall.pool.query<{ credential_hash: string }>('SELECT credential_hash FROM hall_window WHERE window_id = $1', [first.value.windowId]);
    expect(rows[0]?.credential_hash).not.toContain(first.value.credential.split('.')[1]);

    const again = await call(t.hall, 'enrol', { code, windowNo: '7' }, null);
    expect(again).toMatchObject({ ok: false, status: 403, error: { code: 'FORBIDDEN' } });
    expect(again.ok ? '' : again.error.message).toContain('已经使用过');
  });

  it('refuses a wrong code, a code of another window number and an expired code, without using up the code', async () => {
    const wrong = await call(t.hall, 'enrol', { code: 'AAAA-BBBB-CCCC', windowNo: '8' }, null);
    expect(wrong).toMatchObject({ ok: false, status: 403, error: { code: 'FORBIDDEN' } });
    const code = await createEnrolmentCode(t.hall.pool, t.hall.hall.hallId, '8');
    const otherWindow = await call(t.hall, 'enrol', { code, windowNo: '9' }, null);
    expect(otherWindow.ok ? '' : otherWindow.error.message).toContain('8 号窗口');
    expect((await call(t.hall, 'enrol', { code, windowNo: '8' }, null)).ok).toBe(true);
    const expired = await createEnrolmentCode(t.hall.pool, t.hall.hall.hallId, '9', 0);
    expect(await call(t.hall, 'enrol', { code: expired, windowNo: '9' }, null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.hall, 'enrol', { windowNo: '9' }, null)).toMatchObject({ ok: false, status: 400, error: { code: 'VALIDATION' } });
  });

  it('lets exactly one of 10 parallel enrolments with the same code through', async () => {
    const code = await createEnrolmentCode(t.hall.pool, t.hall.hall.hallId, '10');
    const results = await Promise.all(Array.from({ length: 10 }, () => call(t.hall, 'enrol', { code, windowNo: '10' }, null)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const { rows } = await t.hall.pool.query("SELECT 1 FROM hall_window WHERE window_no = '10'");
    expect(rows).toHaveLength(1);
  });

  it('retires the old credential when the window number enrols again (a new PC)', async () => {
    const old = await enrolWindow(t.hall, '11');
    const fresh = await enrolWindow(t.hall, '11');
    expect(await call(t.hall, 'auditAnchor', {}, old.credential)).toMatchObject({ ok: false, status: 401 });
    expect((await call(t.hall, 'auditAnchor', {}, fresh.credential)).ok).toBe(true);
  });
});

describe('authentication', () => {
  it('refuses a request without a credential or with a wrong one', async () => {
    const push = { windowNo: '1', rows: [], auditHead: chainHashes(0)[0] ?? { seq: 0, hash: '' }, auditAt: null };
    expect(await call(t.hall, 'push', push, null)).toMatchObject({ ok: false, status: 401, error: { code: 'AUTH_REQUIRED' } });
    expect(await call(t.hall, 'push', push, 'not-a-credential')).toMatchObject({ ok: false, status: 401 });
    const w = await enrolWindow(t.hall, '1');
    expect(await call(t.hall, 'push', push, `${w.credential}x`)).toMatchObject({ ok: false, status: 401 });
    expect(await call(t.hall, 'certificateNext', { kind: 'marriage', year: 2026 }, null)).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses a window pushing as another window, and stores none of the rows", async () => {
    const w2 = await enrolWindow(t.hall, '2');
    await enrolWindow(t.hall, '3');
    const heads = chainHashes(1);
    const asOther = await call(t.hall, 'push', { windowNo: '3', rows: [changeRow(1)], auditHead: heads[1]!, auditAt: null }, w2.credential);
    expect(asOther).toMatchObject({ ok: false, status: 403, error: { code: 'FORBIDDEN' } });
    const { rows } = await t.hall.pool.query('SELECT 1 FROM change_row');
    expect(rows).toHaveLength(0);
  });
});

describe('audit anchor', () => {
  it('accepts heads that extend the one held and reports a chain rewritten from an earlier row', async () => {
    const w = await enrolWindow(t.hall, '4');
    const honest = chainHashes(6);
    const first = await value(t.hall, 'push', { windowNo: '4', rows: [], auditHead: honest[3]!, auditAt: null }, w.credential);
    expect(first).toMatchObject({ auditStatus: 'ok', auditAnchor: honest[3] });
    const second = await value(t.hall, 'push', { windowNo: '4', rows: [], auditHead: honest[5]!, auditAt: honest[3]! }, w.credential);
    expect(second).toMatchObject({ auditStatus: 'ok', auditAnchor: honest[5] });

    // someone holding the file edits row 2 and re-hashes the chain from there on
    const forged = chainHashes(6, 2);
    const third = await value(t.hall, 'push', { windowNo: '4', rows: [], auditHead: forged[6]!, auditAt: forged[5]! }, w.credential);
    expect(third).toMatchObject({ auditStatus: 'broken', auditAnchor: honest[5] });
    // the same break again is one report
    await value(t.hall, 'push', { windowNo: '4', rows: [], auditHead: forged[6]!, auditAt: forged[5]! }, w.credential);
    const breaks = await auditBreaks(t.hall.pool, t.hall.hall.hallId);
    expect(breaks.filter((b) => b.windowNo === '4')).toEqual([expect.objectContaining({ windowNo: '4', held: honest[5], reported: forged[6], reason: 'rewritten' })]);
    const anchor = await value(t.hall, 'auditAnchor', {}, w.credential);
    expect(anchor.head).toEqual(honest[5]);
    expect(anchor.breaks).toHaveLength(1);
  });

  it('reports a chain cut shorter than the head the hall saw', async () => {
    const w = await enrolWindow(t.hall, '5');
    const heads = chainHashes(4);
    await value(t.hall, 'push', { windowNo: '5', rows: [], auditHead: heads[4]!, auditAt: null }, w.credential);
    const cut = await value(t.hall, 'push', { windowNo: '5', rows: [], auditHead: heads[2]!, auditAt: null }, w.credential);
    expect(cut.auditStatus).toBe('broken');
    expect((await value(t.hall, 'auditAnchor', {}, w.credential)).breaks).toEqual([expect.objectContaining({ reason: 'shorter' })]);
  });
});
