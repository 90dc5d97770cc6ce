/**
 * Request ids: a repeat gets the first answer after a restart too, over the
 * host's WebSocket as in process; a used id with another payload is refused;
 * a malformed id is refused at the boundary; without an id a write runs every
 * time; answers are forgotten after a day.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { RequestOf } from '../../shared/contract';
import { startHost } from '../../electron/host/server';
import { CLERK, CHINESE, cleanupAll, createTestCore, expectError, expectOk, login, makeTempDir, setUpWithClerk, type TestCore } from '../support/core';
import { rowCounts } from '../support/db';
import { ApiSocket } from '../support/ws';

afterAll(cleanupAll);

const START: RequestOf<'intake.start'> = { itemCode: 'MAR-REG', channel: 'walkIn', applicantName: '张三', applicantPhone: '13800001234', applicantIdNumber: '' };

let t: TestCore;
beforeEach(async () => {
  t = createTestCore();
  await setUpWithClerk(t.core);
  await login(t.core, CLERK.staffNo, CLERK.pin);
});

function contacts(): number {
  return t.core.db.prepare('SELECT COUNT(*) AS n FROM contact').pluck().get() as number;
}

describe('a write sent with a request id', () => {
  it('answers a repeat after a restart with the first answer, even before the PIN unlocks the restored session', async () => {
    const id = randomUUID();
    const first = expectOk(await t.core.call('intake.start', START, 'clerk', id));
    t.reopen(); // the restored session comes back locked
    const again = expectOk(await t.core.call('intake.start', START, 'clerk', id));
    expect(again).toEqual(first);
    expect(contacts()).toBe(1);
    // the kept answer is sealed like a document number: the applicant's phone is not in the table in plain text
    const stored = t.core.db.prepare('SELECT result_sealed FROM request_log').pluck().all() as string[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain('13800001234');
  });

  it('refuses a repeat whose first run was cut off by a restart, and does not run it again', async () => {
    const id = randomUUID();
    expectOk(await t.core.call('intake.start', START, 'clerk', id));
    // as an older version left a request it claimed and did not finish (see migration 16)
    t.core.db.prepare('UPDATE request_log SET result_sealed = NULL').run();
    t.reopen();
    const refused = expectError(await t.core.call('intake.start', START, 'clerk', id), 'CONFLICT');
    expect(refused.message).toContain('无法确认是否已完成');
    expect(contacts()).toBe(1);
  });

  it('refuses the same id with another payload, in parallel and later, and writes nothing for it', async () => {
    const id = randomUUID();
    const other = { ...START, applicantName: '李四' };
    const [first, clash] = await Promise.all([t.core.call('intake.start', START, 'clerk', id), t.core.call('intake.start', other, 'clerk', id)]);
    expectOk(first);
    expect(expectError(clash, 'CONFLICT').message).toContain('内容不同');
    const before = rowCounts(t.core.db);
    expect(expectError(await t.core.call('intake.start', other, 'clerk', id), 'CONFLICT').message).toMatch(CHINESE);
    expect(rowCounts(t.core.db)).toEqual(before);
    expect(contacts()).toBe(1);
  });

  it('keys by method: the same id for another method is another request', async () => {
    const id = randomUUID();
    const contact = expectOk(await t.core.call('intake.start', START, 'clerk', id));
    expectOk(await t.core.call('intake.close', { id: contact.id, reason: 'consulted' }, 'clerk', id));
    expect(t.core.db.prepare('SELECT status FROM contact WHERE id = ?').pluck().get(contact.id)).toBe('closed');
  });

  it('refuses a malformed request id at the boundary and writes nothing', async () => {
    const before = rowCounts(t.core.db);
    for (const bad of ['1', 'not-a-uuid', 42, { id: randomUUID() }, `${randomUUID()}x`]) {
      const error = expectError(await t.core.dispatch('intake.start', START, 'clerk', bad), 'VALIDATION');
      expect(error.message).toContain('请求编号');
    }
    expect(rowCounts(t.core.db)).toEqual(before);
  });

  it('without an id, a write runs every time (in-process callers and older clients keep working)', async () => {
    await Promise.all([t.core.call('intake.start', START), t.core.call('intake.start', START)]);
    expect(contacts()).toBe(2);
    expect(t.core.db.prepare('SELECT COUNT(*) FROM request_log').pluck().get()).toBe(0);
  });

  it('keeps an answer for a day, then forgets it', async () => {
    const id = randomUUID();
    expectOk(await t.core.call('intake.start', START, 'clerk', id));
    t.clock.advance(23 * 3_600_000);
    expectOk(await t.core.call('intake.start', START, 'clerk', id));
    expect(contacts()).toBe(1);
    t.clock.advance(2 * 3_600_000);
    // any keyed write prunes what is older than a day
    expectOk(await t.core.call('intake.start', { ...START, applicantName: '王五' }, 'clerk', randomUUID()));
    expect(t.core.db.prepare('SELECT COUNT(*) FROM request_log').pluck().get()).toBe(1);
  });
});

describe('over the host WebSocket', () => {
  it('a request resent on a new connection with its request id gets the first answer', async () => {
    const root = makeTempDir('counter-idem-host-');
    const host = await startHost({ core: t.core, rendererDir: root, port: 0 });
    try {
      const url = `ws://127.0.0.1:${host.port}/api`;
      const origin = `http://127.0.0.1:${host.port}`;
      const id = randomUUID();
      const first = await ApiSocket.open(url, origin);
      const second = await ApiSocket.open(url, origin);
      // a double click: both sends in flight at once, on two connections (the second after a reconnect)
      const [a, b] = await Promise.all([first.call('intake.start', START, id), second.call('intake.start', START, id)]);
      expect(b).toEqual(a);
      expect((a as { ok: boolean }).ok).toBe(true);
      expect(await first.call('intake.start', START, id)).toEqual(a);
      expect(contacts()).toBe(1);
      const bad = (await first.call('intake.start', START, 'x')) as { ok: boolean; error: { code: string } };
      expect(bad.error.code).toBe('VALIDATION');
      await first.close();
      await second.close();
    } finally {
      await host.close();
    }
  });
});
