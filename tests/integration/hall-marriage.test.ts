/**
 * Windows joined to one hall (real cores on real SQLite files, a real hall on
 * a real PostgreSQL): certificate numbers from the hall, unique under three
 * windows registering in parallel online and offline (leased blocks); the
 * registry check across windows at check and at register time, and its
 * wording when the hall cannot be asked.
 */
import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartyInput } from '../../shared/contract';
import { addDays } from '../../shared/domain/plain-date';
import { writeTransaction } from '../../electron/services/db/connection';
import { HallClient } from '../../electron/services/hall-link/hall-client';
import { useHallLookupKey } from '../../electron/services/hall-link/join-service';
import { saveHallLink } from '../../electron/services/hall-link/link-repo';
import { rekeyLookupHashes } from '../../electron/services/hall-link/rekey';
import type { ChangeLogRow } from '../../electron/services/hall-link/sync-repo';
import { HALL_UNREACHABLE_NOTICE } from '../../electron/services/marriage/hall-registry';
import { LEASE_BLOCK } from '../../electron/services/marriage/hall-numbers';
import { CLERK, SUPERVISOR, call, createTestCore, expectError, expectOk, login, logout, setUpWithClerk, type TestCore } from '../support/core';
import { closeWindowsAndHall } from '../support/hall-window';
import { at, idFor } from '../support/civil';
import { rowCounts } from '../support/db';
import { enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { DIVORCE_CHECKS, GROOM, MARRIAGE_CHECKS } from '../support/requests';

const BOTH: [boolean, boolean] = [true, true];

let hall: TestHall;
let closedUrl: string;

beforeAll(async () => {
  hall = await startTestHall();
  closedUrl = await unreachableUrl();
});
afterAll(() => closeWindowsAndHall(hall));

/** An address where nothing listens: a port bound and closed again. */
async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

interface Window {
  t: TestCore;
  enrolled: EnrolledWindow;
  /** The last change-log seq pushed to the hall. */
  pushed: number;
  anchor: { seq: number; hash: string } | null;
}

/** The window's link to the hall, at the hall's address or at one where nothing answers. */
/** The window's link to the hall at `url` (reachable or not), with what joining does besides: the vault hashes with the hall's key and the stored hashes are re-keyed. */
function link(w: Window, url: string): void {
  const { db, ctx } = w.t.core;
  writeTransaction(db, () => {
    saveHallLink(db, ctx.vault, {
      hallUrl: url,
      hallId: hall.hall.hall.hallId,
      hallName: hall.hall.hall.name,
      windowId: w.enrolled.windowId,
      windowNo: w.enrolled.windowNo,
      credential: w.enrolled.credential,
      lookupKey: w.enrolled.lookupKey,
      enrolledAt: new Date().toISOString(),
      enrolledBy: null,
    });
    useHallLookupKey(ctx);
    rekeyLookupHashes(ctx, new Date().toISOString());
  });
}

async function joinedWindow(windowNo: string): Promise<Window> {
  const t = createTestCore();
  await setUpWithClerk(t.core);
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
  await call(t.core, 'settings.update', { registrationOfficeCode: '110105' });
  await logout(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
  const w: Window = { t, enrolled: await enrolWindow(hall.hall, windowNo), pushed: 0, anchor: null };
  link(w, hall.hall.url);
  return w;
}

/** Pushes the window's new change-log rows to the hall as its push loop would (one batch). */
async function push(w: Window): Promise<void> {
  const db = w.t.core.db;
  const rows = (
    db.prepare('SELECT seq, id, schema_version, entity, entity_id, op, payload, created_at FROM change_log WHERE seq > ? ORDER BY seq').all(w.pushed) as ChangeLogRow[]
  ).map((r) => ({ id: r.id, seq: r.seq, schemaVersion: r.schema_version, entity: r.entity, entityId: r.entity_id, op: r.op, payload: JSON.parse(r.payload) as Record<string, unknown>, createdAt: r.created_at }));
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  const anchor = w.anchor;
  const auditAt = anchor === null ? null : { seq: anchor.seq, hash: db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(anchor.seq) as string };
  const client = new HallClient({ url: hall.hall.url, credential: w.enrolled.credential });
  const answer = await client.call('push', { windowNo: w.enrolled.windowNo, rows, auditHead: head, auditAt });
  expect(answer).toMatchObject({ ackedSeq: rows.at(-1)?.seq ?? w.pushed, quarantined: 0 });
  w.pushed = answer.ackedSeq;
  w.anchor = answer.auditAnchor;
}

/** A name part for a number: 甲乙丙… per digit (names take Chinese characters only). */
const tag = (n: number | string): string => [...String(n)].map((d) => '甲乙丙丁戊己庚辛壬癸'[Number(d)] ?? '').join('');

/** Couple n: a groom and a bride with their own valid ID numbers. */
function couple(n: number, windowNo: string): PartyInput[] {
  const base = { '1': '1970-01-01', '2': '1975-01-01', '3': '1980-01-01', '4': '1985-01-01' }[windowNo] ?? '1988-01-01';
  const groomBorn = addDays(base, n);
  const brideBorn = addDays(base, n + 2000);
  return [
    { ...GROOM, name: `赵${tag(windowNo)}${tag(n)}`, birthDate: groomBorn, documentNumber: idFor(groomBorn, 'male') },
    { ...GROOM, name: `钱${tag(windowNo)}${tag(n)}`, sex: 'female', birthDate: brideBorn, documentNumber: idFor(brideBorn, 'female') },
  ];
}

function register(w: Window, parties: PartyInput[], requestId?: string) {
  return w.t.core.call('marriage.register', { kind: 'marriage', parties, checks: MARRIAGE_CHECKS, nationalCheck: BOTH }, 'clerk', requestId);
}

function unusedLease(w: Window): number {
  return w.t.core.db.prepare('SELECT count(*) FROM certificate_lease WHERE used_at IS NULL').pluck().get() as number;
}

const seqOf = (certificateNo: string): number => Number(certificateNo.slice(-6));

describe('certificate numbers from the hall', () => {
  let windows: Window[];
  beforeAll(async () => {
    windows = await Promise.all(['1', '2', '3'].map((no) => joinedWindow(no)));
  });

  it('are unique across 3 windows registering in parallel, online and then offline from their leases; a double submit registers once', async () => {
    // online: 3 windows × 4 registrations at once, and one request sent twice at window 1
    const requestId = randomUUID();
    const twice = couple(99, '1');
    const online = await Promise.all([
      ...windows.flatMap((w) => Array.from({ length: 4 }, (_, n) => register(w, couple(n, w.enrolled.windowNo)))),
      register(windows[0]!, twice, requestId),
      register(windows[0]!, twice, requestId),
    ]);
    const onlineCases = online.map((r) => expectOk(r).case);
    expect(onlineCases.at(-1)!.id).toBe(onlineCases.at(-2)!.id);
    expect(windows[0]!.t.core.db.prepare("SELECT count(*) FROM civil_case WHERE kind = 'marriage'").pluck().get()).toBe(5);
    const onlineNumbers = new Set(onlineCases.map((c) => c.certificateNo));
    expect(onlineNumbers.size).toBe(13);
    for (const no of onlineNumbers) expect(no).toMatch(/^J110105-2026-\d{6}$/);
    // each window holds one leased block for when the hall is out of reach
    for (const w of windows) expect(unusedLease(w)).toBe(LEASE_BLOCK);

    // offline: the hall cannot be reached; 12 registrations per window at once use the 10 leased numbers, then stop
    for (const w of windows) link(w, closedUrl);
    const offline = await Promise.all(windows.map((w) => Promise.all(Array.from({ length: LEASE_BLOCK + 2 }, (_, n) => register(w, couple(100 + n, w.enrolled.windowNo))))));
    const offlineNumbers: string[] = [];
    for (const results of offline) {
      const done = results.filter((r) => r.ok);
      expect(done).toHaveLength(LEASE_BLOCK);
      for (const r of results) {
        if (r.ok) offlineNumbers.push(r.value.case.certificateNo ?? '');
        else {
          expect(r.error.code).toBe('CONFLICT');
          expect(r.error.message).toContain('预领的证书字号已用完');
          expect(r.error.message).toContain('恢复与大厅的连接后重新提交');
        }
      }
    }
    const all = [...onlineNumbers, ...offlineNumbers];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(13 + 3 * LEASE_BLOCK);

    // back online: the next registration reports the leased numbers used and leases a new block
    for (const w of windows) link(w, hall.hall.url);
    const again = await Promise.all(windows.map((w) => register(w, couple(200, w.enrolled.windowNo))));
    const againNumbers = again.map((r) => expectOk(r).case.certificateNo ?? '');
    expect(new Set([...all, ...againNumbers]).size).toBe(all.length + 3);
    for (const w of windows) {
      expect(w.t.core.db.prepare('SELECT count(*) FROM certificate_lease WHERE used_at IS NOT NULL AND reported_at IS NULL').pluck().get()).toBe(0);
      expect(unusedLease(w)).toBe(LEASE_BLOCK);
    }
    const gaps = await value(hall.hall, 'certificateGaps', { kind: 'marriage', year: 2026 }, windows[0]!.enrolled.credential);
    const gapSeqs = new Set(gaps.gaps.map((g) => g.seq));
    for (const no of offlineNumbers) expect(gapSeqs.has(seqOf(no))).toBe(false);
    // what is not used is listed: every window's new unused block
    expect(gaps.gaps.filter((g) => g.leasedTo !== null)).toHaveLength(3 * LEASE_BLOCK);
  });

  it('offline with no lease: refused in Chinese, nothing saved; a window on its own numbers locally as before', async () => {
    const w = await joinedWindow('4');
    link(w, closedUrl);
    const before = rowCounts(w.t.core.db);
    const refused = expectError(await register(w, couple(1, '4')), 'CONFLICT');
    expect(refused.message).toContain(`无法连接大厅服务器（${closedUrl}）`);
    expect(rowCounts(w.t.core.db)).toEqual(before);

    const alone = createTestCore();
    await setUpWithClerk(alone.core);
    await login(alone.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    await call(alone.core, 'settings.update', { registrationOfficeCode: '110105' });
    const own = await call(alone.core, 'marriage.register', { kind: 'marriage', parties: couple(1, '5'), checks: MARRIAGE_CHECKS, nationalCheck: BOTH });
    expect(own.case.certificateNo).toBe('J110105-2026-000001');
  });
});

describe('typed certificate numbers (pre-printed certificates)', () => {
  const typed = (w: Window, parties: PartyInput[], certificateNo: string) =>
    w.t.core.call('marriage.register', { kind: 'marriage', parties, checks: MARRIAGE_CHECKS, nationalCheck: BOTH, certificateNo });

  it('are claimed hall-wide: of two windows typing one number at once (10 presses each), one registers it; the other is told which window has it', async () => {
    const [a, b] = await Promise.all([joinedWindow('6'), joinedWindow('7')]);
    const number = 'J110105-2026-900001';
    const results = await Promise.all([a, b].flatMap((w) => Array.from({ length: 10 }, () => typed(w, couple(300, w.enrolled.windowNo), number))));
    const winners = new Set(results.flatMap((r, i) => (r.ok ? [i < 10 ? '6' : '7'] : [])));
    expect(winners.size).toBe(1);
    const winner = [...winners][0] === '6' ? a : b;
    const loser = winner === a ? b : a;
    expect(winner.t.core.db.prepare('SELECT count(*) FROM civil_case WHERE certificate_no = ?').pluck().get(number)).toBe(1);
    expect(loser.t.core.db.prepare('SELECT count(*) FROM civil_case WHERE certificate_no = ?').pluck().get(number)).toBe(0);
    const refused = results.filter((r) => !r.ok && r.error.message.includes(`已在本大厅 ${winner.enrolled.windowNo} 号窗口使用`));
    expect(refused.length).toBeGreaterThan(0);
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('CONFLICT');
  });

  it('are refused when another window registered under the number (the pushed registry), and a hall out of reach leaves the window’s own check', async () => {
    const [a, b] = await Promise.all([joinedWindow('8'), joinedWindow('9')]);
    const own = expectOk(await register(a, couple(400, '8'))).case.certificateNo ?? '';
    await push(a);
    const refused = expectError(await typed(b, couple(401, '9'), own), 'CONFLICT');
    expect(refused.message).toBe(`大厅服务器：证书字号 ${own} 已在本大厅 8 号窗口使用，请核对证书上的字号`);
    link(b, closedUrl);
    expect(expectOk(await typed(b, couple(402, '9'), 'J110105-2026-900002')).case.certificateNo).toBe('J110105-2026-900002');
  });
});

describe('registry check across windows', () => {
  let w1: Window;
  let w2: Window;
  beforeAll(async () => {
    [w1, w2] = await Promise.all([joinedWindow('11'), joinedWindow('12')]);
  });

  it('refuses at window 2 a person married at window 1, at check and at register time; allows after the divorce registered there', async () => {
    const [groom, bride] = couple(1, '9') as [PartyInput, PartyInput];
    const [, other] = couple(2, '9') as [PartyInput, PartyInput];
    const married = await call(w1.t.core, 'marriage.register', { kind: 'marriage', parties: [groom, bride], checks: MARRIAGE_CHECKS, nationalCheck: BOTH });

    // not pushed yet: the hall does not know
    expect(await call(w2.t.core, 'marriage.check', { kind: 'marriage', parties: [groom, other], checks: MARRIAGE_CHECKS })).toMatchObject({ problems: [], hallNotice: null });
    await push(w1);

    const expected = `男方${groom.name}有配偶：已于2026年3月2日在本大厅 11 号窗口登记结婚（结婚证字号 ${married.case.certificateNo}），有配偶者不能办理结婚登记`;
    const review = await call(w2.t.core, 'marriage.check', { kind: 'marriage', parties: [groom, other], checks: MARRIAGE_CHECKS });
    expect(review.problems).toEqual([{ code: 'hasSpouse', message: expected, party: 0 }]);
    expect(review.suggestedRefusals).toContain('hasSpouse');
    const before = rowCounts(w2.t.core.db);
    const refused = await Promise.all(Array.from({ length: 3 }, () => register(w2, [groom, other])));
    for (const r of refused) expect(expectError(r, 'CONFLICT').message).toContain(expected);
    expect(rowCounts(w2.t.core.db)).toEqual(before);

    // the couple divorces at window 1 (cooling-off period, then both come back); pushed to the hall
    const accepted = await call(w1.t.core, 'divorce.accept', { parties: [groom, bride], checks: DIVORCE_CHECKS, marriageCertificateNos: [married.case.certificateNo ?? ''] });
    w1.t.clock.set(at('2026-04-10'));
    const divorced = await call(w1.t.core, 'divorce.register', { id: accepted.case.id, bothPresent: true });
    expect(divorced.case.certificateNo).toMatch(/^L110105-2026-\d{6}$/);
    await push(w1);

    w2.t.clock.set(at('2026-04-11'));
    expect(await call(w2.t.core, 'marriage.check', { kind: 'marriage', parties: [groom, other], checks: MARRIAGE_CHECKS })).toMatchObject({ problems: [], hallNotice: null });
    const remarried = await register(w2, [groom, other]);
    expect(expectOk(remarried).case.status).toBe('registered');
  });

  it('says the hall could not be asked when it is out of reach, and registers only with the national check confirmed', async () => {
    link(w2, closedUrl);
    const parties = couple(3, '9');
    const review = await call(w2.t.core, 'marriage.check', { kind: 'marriage', parties, checks: MARRIAGE_CHECKS });
    expect(review).toMatchObject({ problems: [], hallNotice: HALL_UNREACHABLE_NOTICE });
    expect(HALL_UNREACHABLE_NOTICE).toBe('未能连接大厅，无法核对其他窗口的登记；请确认已在全国婚姻登记信息系统联网核查');
    const unchecked = await w2.t.core.call('marriage.register', { kind: 'marriage', parties, checks: MARRIAGE_CHECKS, nationalCheck: [true, false] });
    expect(expectError(unchecked, 'VALIDATION').message).toContain('女方已在全国婚姻登记信息系统联网核查');
    const done = expectOk(await register(w2, parties));
    const stored = w2.t.core.db.prepare('SELECT national_check FROM civil_case WHERE id = ?').pluck().get(done.case.id) as string;
    expect(JSON.parse(stored)).toMatchObject({ parties: BOTH, hallRegistry: 'unreachable' });
    link(w2, hall.hall.url);
  });
});
