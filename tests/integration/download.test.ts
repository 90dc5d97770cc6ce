/**
 * GET /download/{token} on a real host over TCP: an export is served once,
 * as an attachment, to a client allowed to act as the clerk screen while the
 * session that asked is open; refused requests do not use it up; two
 * downloads at once get it exactly once; the file is gone afterwards.
 */
import { request } from 'node:http';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server';
import { SUPERVISOR, call, cleanupAll, createTestCore, login, logout, makeTempDir, setUpWithClerk, type TestCore } from '../support/core';

let t: TestCore;
let host: RunningHost;

beforeAll(async () => {
  t = createTestCore();
  await setUpWithClerk(t.core);
  const rendererDir = join(makeTempDir('counter-download-'), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>窗口工作台</title>\n');
  host = await startHost({ core: t.core, rendererDir, port: 0 });
  await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
});

afterAll(async () => {
  await host.close();
  cleanupAll();
});

interface Reply {
  status: number;
  disposition: string;
  body: Buffer;
}

function get(path: string, options: { method?: string; hostHeader?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = options.hostHeader ? { Host: options.hostHeader } : {};
    const req = request({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers, agent: false, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, disposition: String(res.headers['content-disposition'] ?? ''), body: Buffer.concat(chunks) }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

const exportsDir = (): string[] => readdirSync(join(t.dataDir, 'exports'));

async function exported(): Promise<string> {
  const file = await call(t.core, 'ledger.export', { filter: { category: 'contacts' }, format: 'csv', fullValues: false });
  return `/download/${file.download}`;
}

describe('export downloads', () => {
  it('serves the file once as an attachment; refused requests do not use it up', async () => {
    const path = await exported();
    // a page at another host name (DNS rebinding) is not the local clerk screen; nor is a POST
    expect((await get(path, { hostHeader: `evil.example:${host.port}` })).status).toBe(404);
    expect((await get(path, { method: 'POST' })).status).toBe(404);
    expect((await get('/download/not-a-token')).status).toBe(404);
    const reply = await get(path);
    expect(reply.status).toBe(200);
    expect(reply.disposition).toMatch(/^attachment; filename="export\.csv"; filename\*=UTF-8''%E6%8E%A5%E5%BE%85%E5%8F%B0%E8%B4%A6_\d{8}-\d{6}\.csv$/);
    expect([...reply.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(reply.body.toString('utf8')).toContain('接待编号');
    const again = await get(path);
    expect(again.status).toBe(404);
    expect(again.body.toString('utf8')).toContain('请在工作台重新导出');
    expect(exportsDir()).toEqual([]);
  });

  it('two downloads at once get the file exactly once', async () => {
    const path = await exported();
    const replies = await Promise.all([get(path), get(path), get(path)]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 404, 404]);
    expect(exportsDir()).toEqual([]);
  });

  it('is not served once the session that asked has ended', async () => {
    const path = await exported();
    await logout(t.core);
    await login(t.core, SUPERVISOR.staffNo, SUPERVISOR.pin);
    expect((await get(path)).status).toBe(404);
  });
});
