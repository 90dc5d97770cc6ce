/**
 * The window's hall client against a real hall on a real PostgreSQL: typed
 * calls with the window's credential, the hall's refusals in the clerk's
 * words, and an unreachable hall answered as DISCONNECTED within the timeout.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DocumentVault } from '../../electron/services/crypto/document-vault';
import { openDatabase } from '../../electron/services/db/connection';
import { HallClient } from '../../electron/services/hall-link/hall-client';
import { hallClientOf, readHallLink, saveHallLink } from '../../electron/services/hall-link/link-repo';
import { createEnrolmentCode } from '../../hall/store/windows';
import { CounterError } from '../../shared/result';
import { cleanupAll, makeTempDir } from '../support/core';
import { changeRow, chainHashes, enrolWindow, startTestHall, type TestHall } from '../support/hall';

let t: TestHall;
beforeAll(async () => {
  t = await startTestHall();
});
afterAll(async () => {
  await t?.stop();
  cleanupAll();
});

async function refusal(promise: Promise<unknown>): Promise<CounterError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof CounterError)) throw new Error(`expected a CounterError, got ${String(error)}`);
  return error;
}

describe('HallClient', () => {
  it('enrols, then pushes and pulls with the credential it was given', async () => {
    const code = await createEnrolmentCode(t.hall.pool, t.hall.hall.hallId, '1');
    const enrolled = await new HallClient({ url: `${t.hall.url}/`, credential: null }).call('enrol', { code, windowNo: '1' });
    expect(enrolled).toMatchObject({ windowNo: '1', lookupKey: t.hall.hall.lookupKey });

    const client = new HallClient({ url: t.hall.url, credential: enrolled.credential });
    const heads = chainHashes(2);
    const pushed = await client.call('push', {
      windowNo: '1',
      rows: [changeRow(1), changeRow(2)],
      auditHead: heads[2] ?? { seq: 0, hash: '' },
      auditAt: null,
      status: { staffNo: '1001', staffName: '李晓梅', state: 'serving', whereabouts: null, printerProblem: null },
      backlog: { rows: 0, oldestAt: null },
    });
    expect(pushed).toMatchObject({ ackedSeq: 2, stored: 2, quarantined: 0, auditStatus: 'ok' });
    const pulled = await client.call('pull', { limit: 10 });
    expect(pulled.more).toBe(false);
    expect(typeof pulled.cursor).toBe('string');
  });

  it("gives the hall's refusal in the clerk's words, with its code", async () => {
    const error = await refusal(new HallClient({ url: t.hall.url, credential: 'not-a-credential' }).call('pull', {}));
    expect(error.code).toBe('AUTH_REQUIRED');
    expect(error.message).toMatch(/^大厅服务器：.*重新登记窗口/);
  });

  it('refuses a malformed request before it leaves the window', async () => {
    const error = await refusal(new HallClient({ url: t.hall.url, credential: 'x' }).call('enrol', { code: '', windowNo: '1' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toMatchObject({ code: '请输入登记码' });
  });

  it('answers DISCONNECTED when nothing listens at the address', async () => {
    const closed = await listen();
    const port = portOf(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await refusal(new HallClient({ url: `http://127.0.0.1:${port}`, credential: 'x' }).call('pull', {}));
    expect(error.code).toBe('DISCONNECTED');
    expect(error.message).toContain('离线办理');
  });

  it('answers DISCONNECTED when the hall accepts the connection but never answers', async () => {
    const silent = await listen();
    try {
      const error = await refusal(new HallClient({ url: `http://127.0.0.1:${portOf(silent)}`, credential: 'x', timeoutMs: 200 }).call('pull', {}));
      expect(error.code).toBe('DISCONNECTED');
    } finally {
      silent.close();
    }
  });
});

describe('the hall link on the window', () => {
  it('keeps the credential and lookup key sealed in the database, and gives a client that acts as this window', async () => {
    const db = openDatabase(join(makeTempDir(), 'counter.sqlite3'));
    const vault = new DocumentVault(randomBytes(32));
    try {
      expect(hallClientOf({ db, vault, hallTimeoutMs: 5000 })).toBeNull();
      const enrolled = await enrolWindow(t.hall, '2');
      const link = {
        hallUrl: t.hall.url, hallId: t.hall.hall.hallId, hallName: '测试大厅', windowId: enrolled.windowId, windowNo: '2',
        credential: enrolled.credential, lookupKey: enrolled.lookupKey, enrolledAt: '2026-11-27T01:00:00.000Z', enrolledBy: null,
      };
      saveHallLink(db, vault, link);
      const stored = db.prepare('SELECT credential_sealed, lookup_key_sealed FROM hall_link').get() as Record<string, string>;
      expect(JSON.stringify(stored)).not.toContain(enrolled.credential);
      expect(JSON.stringify(stored)).not.toContain(enrolled.lookupKey);
      expect(readHallLink(db, vault)).toEqual(link);
      const anchor = await hallClientOf({ db, vault, hallTimeoutMs: 5000 })?.call('auditAnchor', {});
      expect(anchor).toEqual({ head: null, breaks: [] });
    } finally {
      db.close();
    }
  });
});

function listen(): Promise<Server> {
  const server = createServer(() => undefined);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
