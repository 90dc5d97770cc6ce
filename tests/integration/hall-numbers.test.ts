/**
 * Hall-wide numbers and the registry check on a real PostgreSQL: certificate
 * numbers unique under parallel requests from 3 windows (online and leased
 * blocks), gaps listed, and a marriage registered at one window seen at another.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, chainHashes, changeRow, enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';

let t: TestHall;
let windows: EnrolledWindow[];
beforeAll(async () => {
  t = await startTestHall();
  windows = await Promise.all(['1', '2', '3'].map((no) => enrolWindow(t.hall, no)));
});
afterAll(async () => {
  await t?.stop();
});

function w(i: number): EnrolledWindow {
  const found = windows[i];
  if (found === undefined) throw new Error(`no window ${i}`);
  return found;
}

describe('certificate numbers', () => {
  it('are unique under 3 windows × 20 parallel requests', async () => {
    const results = await Promise.all(windows.flatMap((win) => Array.from({ length: 20 }, () => value(t.hall, 'certificateNext', { kind: 'marriage', year: 2026 }, win.credential))));
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('stay unique when online numbers and leased blocks are taken in parallel, and unused lease numbers are gaps', async () => {
    const kind = 'divorce' as const;
    const online = windows.flatMap((win) => Array.from({ length: 10 }, () => value(t.hall, 'certificateNext', { kind, year: 2026 }, win.credential)));
    const leases = windows.flatMap((win) => Array.from({ length: 2 }, () => value(t.hall, 'certificateLease', { kind, year: 2026, count: 5 }, win.credential)));
    const [numbers, blocks] = await Promise.all([Promise.all(online), Promise.all(leases)]);
    const all = [...numbers.map((n) => n.seq), ...blocks.flatMap((b) => Array.from({ length: b.lastSeq - b.firstSeq + 1 }, (_, i) => b.firstSeq + i))];
    expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));

    // window 1 registered offline with three numbers of its first block
    const block = blocks[0]!;
    const owner = w(0);
    const ownBlock = await value(t.hall, 'certificateLease', { kind, year: 2026, count: 3 }, owner.credential);
    const used = [ownBlock.firstSeq, ownBlock.firstSeq + 2];
    expect(await value(t.hall, 'certificateUsed', { kind, year: 2026, seqs: used }, owner.credential)).toEqual({ recorded: 2 });
    // reported again (a resend): nothing new
    expect(await value(t.hall, 'certificateUsed', { kind, year: 2026, seqs: used }, owner.credential)).toEqual({ recorded: 0 });
    // another window's numbers are not its to report
    const notOwn = await call(t.hall, 'certificateUsed', { kind, year: 2026, seqs: [block.firstSeq, 1_000] }, w(2).credential);
    expect(notOwn).toMatchObject({ ok: false, status: 403, error: { code: 'FORBIDDEN' } });
    expect(notOwn.ok ? '' : notOwn.error.message).toContain(`${block.firstSeq}、1000`);

    const gaps = await value(t.hall, 'certificateGaps', { kind, year: 2026 }, owner.credential);
    expect(gaps.lastSeq).toBe(63);
    expect(gaps.gaps).toContainEqual({ seq: ownBlock.firstSeq + 1, leasedTo: '1' });
    expect(gaps.gaps.map((g) => g.seq)).not.toContain(ownBlock.firstSeq);
    // every unused leased number is a gap: 6 blocks of 5 unused plus one of the 3
    expect(gaps.gaps).toHaveLength(31);
    expect(gaps.gaps.every((g) => g.leasedTo !== null)).toBe(true);
  });
});

describe('registry check across windows', () => {
  const hash = (doc: string): string => createHmac('sha256', w(0).lookupKey).update(doc, 'utf8').digest('hex');
  const seqs = new Map<string, number>();

  async function register(win: EnrolledWindow, kind: 'marriage' | 'divorce', docs: [string, string], at: string, certificateNo: string): Promise<void> {
    const seq = (seqs.get(win.windowNo) ?? 0) + 1;
    seqs.set(win.windowNo, seq);
    const row = changeRow(seq, {
      entity: 'civil_case',
      entityId: randomUUID(),
      op: 'insert',
      payload: { kind, status: 'registered', certificate_no: certificateNo, registered_at: at, parties: docs.map((d) => ({ documentHash: hash(d), name: '（略）' })) },
    });
    const r = await value(t.hall, 'push', { windowNo: win.windowNo, rows: [row], auditHead: chainHashes(0)[0]!, auditAt: null }, win.credential);
    expect(r).toMatchObject({ ackedSeq: seq, stored: 1 });
  }

  it('sees a marriage registered at another window, and not after a later divorce', async () => {
    const [a, b, c] = ['11010519491231002X', '110105194912310011', '110105195001010012'];
    expect((await value(t.hall, 'registryCheck', { hashes: [hash(a), hash(c)] }, w(1).credential)).parties.map((p) => p.marriage)).toEqual([null, null]);

    await register(w(0), 'marriage', [a, b], '2026-03-01T02:00:00.000Z', 'J110105-2026-000001');
    const atWindow2 = await value(t.hall, 'registryCheck', { hashes: [hash(a), hash(c)] }, w(1).credential);
    expect(atWindow2.parties).toEqual([
      { hash: hash(a), marriage: expect.objectContaining({ windowNo: '1', certificateNo: 'J110105-2026-000001' }) },
      { hash: hash(c), marriage: null },
    ]);

    await register(w(2), 'divorce', [a, b], '2026-06-01T02:00:00.000Z', 'L110105-2026-000001');
    expect((await value(t.hall, 'registryCheck', { hashes: [hash(a)] }, w(1).credential)).parties[0]?.marriage).toBeNull();

    await register(w(1), 'marriage', [a, c], '2026-09-01T02:00:00.000Z', 'J110105-2026-000002');
    const parties = (await value(t.hall, 'registryCheck', { hashes: [hash(b), hash(c)] }, w(0).credential)).parties;
    expect(parties.map((p) => p.marriage?.windowNo ?? null)).toEqual([null, '2']);
  });

  it('refuses a malformed hash', async () => {
    expect(await call(t.hall, 'registryCheck', { hashes: ['11010519491231002X'] }, w(0).credential)).toMatchObject({ ok: false, status: 400 });
  });
});
