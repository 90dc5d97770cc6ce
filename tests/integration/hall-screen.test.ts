/**
 * The hall screen's public route on a real PostgreSQL: today's calls and
 * recalls newest first (each recall an announcement of its own, a call-back a
 * call), the waiting counts per matter, no names unless the office shows them
 * and then only masked, read without a credential; and the voice clips, the
 * office's own replacing the shipped ones by name. The two screen settings
 * are the supervisor's, on the console.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIPS_DIR } from '../../hall/http/screen';
import { inTransaction } from '../../hall/db/pool';
import { queueSettings } from '../../hall/store/queue-config';
import { seedDemoStaff } from '../../hall/demo';
import { saveScreenSettings } from '../../hall/store/queue-screen';
import { putReference } from '../../hall/store/reference';
import { SCREEN_ROUTES, hallScreenResponseSchema, type HallScreen } from '../../shared/hall/screen-contract';
import { consoleCall, consoleLogin } from '../support/hall-console';
import { enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { configureQueue, enrolKiosk, matter, take, TestClock } from '../support/queue';

const clock = new TestClock(new Date('2026-11-27T02:00:00.000Z')); // 10:00 in Beijing
let t: TestHall;
let kiosk: EnrolledWindow;
let w1: EnrolledWindow;
let w2: EnrolledWindow;
let ownClips: string;

beforeAll(async () => {
  ownClips = await mkdtemp(join(tmpdir(), 'hall-clips-'));
  await writeFile(join(ownClips, 'qing.wav'), 'recorded by the office');
  t = await startTestHall({ clock: clock.now, voiceClipsDir: ownClips });
  kiosk = await enrolKiosk(t.hall, 'K1');
  [w1, w2] = await Promise.all([enrolWindow(t.hall, '1'), enrolWindow(t.hall, '2')]);
  await seedDemoStaff(t.hall.pool, t.hall.hall);
  await configureQueue(t.hall, [matter('MAR-REG', '结婚登记', 'A', { windowNos: ['1', '2'] }), matter('DIV-REG', '离婚登记', 'B', { windowNos: ['2'] })], { recallCap: 5 });
});
afterAll(async () => {
  await t?.stop();
  if (ownClips !== undefined) await rm(ownClips, { recursive: true, force: true });
});

/** The screen as any browser reads it: no credential. */
async function screen(): Promise<{ screen: HallScreen; text: string }> {
  const res = await fetch(`${t.hall.url}${SCREEN_ROUTES.hallScreen.path}`);
  expect(res.status).toBe(200);
  const text = await res.text();
  const body = JSON.parse(text) as { ok: true; value: unknown };
  return { screen: hallScreenResponseSchema.parse(body.value), text };
}

const calls = (s: HallScreen): string[] => s.calls.map((c) => `${c.kind} ${c.code}→${c.windowNo}`);
const waiting = (s: HallScreen): Record<string, number> => Object.fromEntries(s.matters.map((m) => [m.matter, m.waiting]));

describe('the hall screen route', () => {
  it('shows nothing called and nobody waiting on an empty day', async () => {
    const { screen: s } = await screen();
    expect(s).toMatchObject({ hallName: '测试大厅', now: '2026-11-27T02:00:00.000Z', calls: [], announceTimes: 1 });
    expect(s.matters.map((m) => `${m.prefix} ${m.name} ${m.waiting}`)).toEqual(['A 结婚登记 0', 'B 离婚登记 0']);
  });

  it('lists calls, recalls and call-backs newest first, with the waiting counts', async () => {
    for (const m of ['MAR-REG', 'MAR-REG', 'MAR-REG', 'DIV-REG']) await take(t.hall, kiosk, m);
    const a001 = (await value(t.hall, 'queueCallNext', {}, w1.credential)).ticket;
    clock.set('2026-11-27T02:01:00.000Z');
    const a002 = (await value(t.hall, 'queueCallTicket', { code: 'A002' }, w2.credential)).ticket;
    expect([a001?.code, a002.code]).toEqual(['A001', 'A002']);
    await value(t.hall, 'queueRecall', { ticketId: a001?.id ?? '', recall: 1 }, w1.credential);
    await value(t.hall, 'queueRecall', { ticketId: a001?.id ?? '', recall: 2 }, w1.credential);
    await value(t.hall, 'queuePass', { ticketId: a002.id }, w2.credential);
    await value(t.hall, 'queueCallBack', { ticketId: a002.id }, w2.credential);

    const { screen: s } = await screen();
    expect(calls(s)).toEqual(['call A002→2', 'recall A001→1', 'recall A001→1', 'call A002→2', 'call A001→1']);
    const ids = s.calls.map((c) => BigInt(c.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(s.calls[0]).toMatchObject({ matterName: '结婚登记', at: '2026-11-27T02:01:00.000Z', name: null });
    expect(waiting(s)).toEqual({ 'MAR-REG': 1, 'DIV-REG': 1 });
  });

  it('answers the same to 10 readers at once, and refuses writes', async () => {
    const many = await Promise.all(Array.from({ length: 10 }, () => screen()));
    expect(new Set(many.map((m) => m.text)).size).toBe(1);
    const post = await fetch(`${t.hall.url}${SCREEN_ROUTES.hallScreen.path}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(post.status).toBe(404);
  });

  it('shows no names by default, and masked names of booked applicants when the office chooses', async () => {
    await inTransaction(t.hall.pool, (client) =>
      putReference(client, t.hall.hall.hallId, {
        kind: 'booking',
        key: 'YY0001',
        body: { code: 'YY0001', date: '2026-11-27', slotStart: '09:30', slotEnd: '10:30', itemCode: 'DIV-REG', applicant: { name: '欧阳娜娜', documentType: 'residentId', documentNumber: '110105199001011234' }, phone: '', partner: null },
      }),
    );
    const booked = await value(t.hall, 'queueTake', { requestId: randomUUID(), appointmentCode: 'YY0001' }, kiosk.credential);
    const a002 = await currentTicket(w2, 'A002');
    await value(t.hall, 'queueStart', { ticketId: a002.id }, w2.credential);
    await value(t.hall, 'queueFinish', { ticketId: a002.id }, w2.credential);
    expect((await value(t.hall, 'queueCallTicket', { code: booked.ticket.code }, w2.credential)).ticket.code).toBe('B002');

    const plain = await screen();
    expect(plain.screen.calls[0]).toMatchObject({ code: 'B002', name: null });
    expect(plain.text).not.toContain('欧阳');

    const before = await queueSettings(t.hall.pool, t.hall.hall.hallId);
    const base = t.hall.url;
    expect(await consoleCall(base, 'saveScreenSettings', { names: 'masked', announceTimes: 2 }, null)).toMatchObject({ ok: false, status: 401 });
    const cookie = await consoleLogin(base, '9001', '246810');
    expect(await consoleCall(base, 'screenSettings', {}, cookie)).toMatchObject({ ok: true, value: { names: 'none', announceTimes: 1 } });
    expect(await consoleCall(base, 'saveScreenSettings', { names: 'masked', announceTimes: 4 }, cookie)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // written 10 times at once, then again: one setting, the queue's other settings untouched
    const writes = await Promise.all(Array.from({ length: 10 }, (_, i) => consoleCall(base, 'saveScreenSettings', { names: i % 2 === 0 ? 'masked' : 'none', announceTimes: 1 + (i % 3) }, cookie)));
    expect(writes.every((w) => w.ok)).toBe(true);
    expect(await consoleCall(base, 'saveScreenSettings', { names: 'masked', announceTimes: 2 }, cookie)).toMatchObject({ ok: true, value: { names: 'masked', announceTimes: 2 } });
    expect(await consoleCall(base, 'screenSettings', {}, cookie)).toMatchObject({ ok: true, value: { names: 'masked', announceTimes: 2 } });
    expect(await queueSettings(t.hall.pool, t.hall.hall.hallId)).toEqual(before);

    const masked = await screen();
    expect(masked.screen.calls[0]).toMatchObject({ code: 'B002', name: '欧**娜' });
    expect(masked.screen.calls.filter((c) => c.code !== 'B002').every((c) => c.name === null)).toBe(true);
    expect(masked.screen.announceTimes).toBe(2);
    expect(masked.text).not.toContain('欧阳娜娜');
    expect(masked.text).not.toContain('110105');
    await saveScreenSettings(t.hall.pool, t.hall.hall.hallId, { names: 'none', announceTimes: 1 });
  });

  it("starts each hall day empty: yesterday's calls are not today's", async () => {
    clock.set('2026-11-27T16:00:00.000Z'); // 00:00 on the 28th in Beijing
    const { screen: s } = await screen();
    expect(s.calls).toEqual([]);
    expect(waiting(s)).toEqual({ 'MAR-REG': 0, 'DIV-REG': 0 });
    clock.set('2026-11-27T02:05:00.000Z');
  });
});

/** The window's current ticket, which must be `code`. */
async function currentTicket(w: EnrolledWindow, code: string): Promise<{ id: string }> {
  const current = (await value(t.hall, 'queueWaiting', {}, w.credential)).current;
  if (current?.code !== code) throw new Error(`window ${w.windowNo} does not hold ${code}`);
  return current;
}

describe('the voice clips', () => {
  it("serves the office's own clip by name and the shipped default otherwise", async () => {
    const own = await fetch(`${t.hall.url}/voice-clips/qing.wav`);
    expect(own.headers.get('content-type')).toBe('audio/wav');
    expect(await own.text()).toBe('recorded by the office');
    const shipped = await fetch(`${t.hall.url}/voice-clips/A.wav`);
    expect(shipped.status).toBe(200);
    expect(Buffer.from(await shipped.arrayBuffer()).equals(await readFile(join(DEFAULT_CLIPS_DIR, 'A.wav')))).toBe(true);
  });

  it.each(['/voice-clips/README.md', '/voice-clips/..%2Fvoice-clips%2FA.wav', '/voice-clips/a.wav', '/voice-clips/qing', '/voice-clips/x.wav'])('refuses %s', async (path) => {
    expect((await fetch(`${t.hall.url}${path}`)).status).toBe(404);
  });
});
