import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayStateSchema, isMethodName, METHOD_NAMES, methods, sessionSchema } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/result';
import { startHost, type RunningHost } from '../../electron/host/server';
import { CONTENT_SECURITY_POLICY } from '../../electron/host/static-files';
import { CHINESE, CLERK, SUPERVISOR, cleanupAll, createTestCore, fileBytes, makeTempDir, MINUTE, setUpWithClerk, type TestCore } from '../support/core';
import { rowCounts } from '../support/db';
import { describePayload, jsonRoundTrip, randomValue } from '../support/fuzz';
import { Prng } from '../support/prng';
import { ApiSocket, httpRequest, refusedUpgrade, type Message } from '../support/ws';

const INDEX_HTML = '<!doctype html><html lang="zh-CN"><head><title>窗口工作台</title></head><body><div id="root"></div></body></html>\n';
const APP_JS = 'console.log("counter");\n';
const SECRET = 'TOP-SECRET-不应被读取';

let t: TestCore;
let host: RunningHost;
let apiUrl: string;
let origin: string;

beforeAll(async () => {
  t = createTestCore();
  await setUpWithClerk(t.core);
  const root = makeTempDir('counter-host-');
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), APP_JS);
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'package.json'), `{"secret": "${SECRET}"}`);
  host = await startHost({ core: t.core, rendererDir, port: 0 });
  apiUrl = `ws://127.0.0.1:${host.port}/api`;
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  cleanupAll();
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorCodeOf(result: unknown): string | null {
  if (!isRecord(result) || result.ok !== false || !isRecord(result.error)) return null;
  const { code, message } = result.error;
  if (typeof code !== 'string' || typeof message !== 'string' || !CHINESE.test(message)) return null;
  return code;
}

function valueOf(result: unknown): unknown {
  if (!isRecord(result) || result.ok !== true) throw new Error(`expected ok, got ${describePayload(result)}`);
  return result.value;
}

function snapshot(): string {
  return JSON.stringify({ rows: rowCounts(t.core.db), settings: fileBytes(t.settingsPath)?.toString('base64') ?? null });
}

describe('static files', () => {
  it('binds to loopback only while the LAN is not allowed', () => {
    expect(host.bindAddress).toBe('127.0.0.1');
    expect(host.port).toBeGreaterThan(0);
  });

  it.each(['/', '/display', '/display/', '/settings/staff', '/index.html'])('GET %s serves index.html with a strict CSP', async (path) => {
    const reply = await httpRequest(host.port, path);
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their type and 404s missing files', async () => {
    const js = await httpRequest(host.port, '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.body).toBe(APP_JS);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await httpRequest(host.port, '/assets/missing.js')).status).toBe(404);
  });

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/../../secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fpackage.json',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '//../secret.txt',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/../../../../etc/passwd',
  ])('does not serve %s from outside the renderer folder', async (path) => {
    const reply = await httpRequest(host.port, path);
    expect(reply.body).not.toContain(SECRET);
    expect(reply.body).not.toMatch(/root:.*:0:0:/);
    if (reply.status === 200) expect(reply.body).toBe(INDEX_HTML);
    else expect([400, 403, 404]).toContain(reply.status);
  });

  it.each(['/%', '/%E0%A4%A', '/assets/%zz.js', '/%C0%AE%C0%AE/secret.txt'])('answers a malformed path %s without falling over', async (path) => {
    const reply = await httpRequest(host.port, path);
    expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain(SECRET);
    expect((await httpRequest(host.port, '/')).status).toBe(200);
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s', async (method) => {
    const reply = await httpRequest(host.port, '/', method);
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });

  it('HEAD sends headers only', async () => {
    const reply = await httpRequest(host.port, '/', 'HEAD');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
  });
});

describe('the WebSocket API', () => {
  it.each(['http://evil.example', 'null', 'http://127.0.0.1:1', `https://127.0.0.1:0`, 'file://'])('refuses a socket from the foreign origin %s', async (foreign) => {
    expect(await refusedUpgrade(apiUrl, foreign.replace(':0', `:${host.port}`))).toBe(403);
  });

  it('refuses sockets on other paths', async () => {
    expect(await refusedUpgrade(`ws://127.0.0.1:${host.port}/`)).toBe(403);
    expect(await refusedUpgrade(`ws://127.0.0.1:${host.port}/api/x`)).toBe(403);
  });

  it('refuses a DNS-rebinding page: a foreign host name on the loopback address', async () => {
    const evil = `evil.example:${host.port}`;
    expect(await refusedUpgrade(apiUrl, `http://${evil}`, evil)).toBe(403);
    expect(await refusedUpgrade(apiUrl, undefined, evil)).toBe(403);
  });

  it.each(['localhost', '127.0.0.1', '[::1]'])('accepts the loopback host name %s with its own origin', async (name) => {
    const hostHeader = `${name}:${host.port}`;
    const socket = await ApiSocket.open(apiUrl, `http://${hostHeader}`, hostHeader);
    expect(valueOf(await socket.call('app.info', {}))).toMatchObject({ setupComplete: true });
    await socket.close();
  });

  it('accepts its own origin and a client without an Origin header', async () => {
    for (const o of [origin, undefined]) {
      const socket = await ApiSocket.open(apiUrl, o);
      expect(valueOf(await socket.call('app.info', {}))).toMatchObject({ setupComplete: true, mode: 'host' });
      await socket.close();
    }
  });

  it('a display socket is read-only and follows the clerk socket through display.changed events', async () => {
    const clerk = await ApiSocket.open(apiUrl, origin);
    const display = await ApiSocket.open(`${apiUrl}?role=display`, origin);
    try {
      expect(errorCodeOf(await display.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }))).toBe('FORBIDDEN');
      expect(errorCodeOf(await display.call('auth.current', {}))).toBe('FORBIDDEN');
      expect(errorCodeOf(await display.call('window.resume', {}))).toBe('FORBIDDEN');
      expect(displayStateSchema.parse(valueOf(await display.call('display.state', {}))).status).toBe('closed');

      const statusEvent = (status: string) => (m: Message) =>
        m.kind === 'event' && m.event === 'display.changed' && displayStateSchema.parse(m.payload).status === status;

      const mark = display.messages.length;
      const session = sessionSchema.parse(valueOf(await clerk.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin })));
      expect(session.staff.staffNo).toBe(CLERK.staffNo);
      const serving = await display.waitFor(statusEvent('serving'), mark);
      expect(serving.kind === 'event' && displayStateSchema.parse(serving.payload).clerk?.name).toBe(CLERK.name);
      await clerk.waitFor((m) => m.kind === 'event' && m.event === 'session.changed');

      const returnAt = new Date(t.clock.now().getTime() + 20 * MINUTE).toISOString();
      expect(displayStateSchema.parse(valueOf(await clerk.call('window.pause', { reason: '外出办事', returnAt }))).status).toBe('paused');
      const paused = await display.waitFor(statusEvent('paused'), mark);
      expect(paused.kind === 'event' && displayStateSchema.parse(paused.payload).pause).toEqual({ reason: '外出办事', returnAt });

      expect(errorCodeOf(await display.call('window.resume', {}))).toBe('FORBIDDEN');
      valueOf(await clerk.call('auth.logout', {}));
      await display.waitFor(statusEvent('closed'), mark);
      // the display is told about the window, never about the clerk's session
      expect(display.events('session.changed')).toEqual([]);
      expect(display.events().every((e) => e.event === 'display.changed')).toBe(true);
    } finally {
      await clerk.close();
      await display.close();
    }
  });

  it.each<[string, string | Buffer]>([
    ['text that is not JSON', 'hello, counter'],
    ['truncated JSON', '{"id": 1, "method": "app.info"'],
    ['a message without id', '{"method":"app.info","params":{}}'],
    ['a string id', '{"id":"1","method":"app.info"}'],
    ['a fractional id', '{"id":1.5,"method":"app.info"}'],
    ['an unsafe integer id', '{"id":9007199254740993,"method":"app.info"}'],
    ['JSON null', 'null'],
    ['a JSON array', '[1, "app.info", {}]'],
    ['a JSON string', '"app.info"'],
    ['an empty message', ''],
    ['a binary frame', Buffer.from('{"id":1,"method":"app.info"}')],
  ])('answers %s with a VALIDATION result for id -1', async (_label, data) => {
    const socket = await ApiSocket.open(apiUrl, origin);
    try {
      socket.send(data);
      const reply = await socket.waitFor((m) => m.kind === 'result');
      expect(reply.kind === 'result' && reply.id).toBe(-1);
      expect(reply.kind === 'result' && errorCodeOf(reply.result)).toBe('VALIDATION');
      expect(valueOf(await socket.call('app.info', {}))).toMatchObject({ setupComplete: true });
    } finally {
      await socket.close();
    }
  });

  it('answers a request without params, and an unknown method by its id', async () => {
    const socket = await ApiSocket.open(apiUrl, origin);
    try {
      socket.send('{"id":41,"method":"app.info"}');
      const info = await socket.waitFor((m) => m.kind === 'result' && m.id === 41);
      expect(info.kind === 'result' && valueOf(info.result)).toMatchObject({ setupComplete: true });
      socket.send('{"id":42,"method":"db.exec","params":{"sql":"DROP TABLE staff"}}');
      const unknown = await socket.waitFor((m) => m.kind === 'result' && m.id === 42);
      expect(unknown.kind === 'result' && errorCodeOf(unknown.result)).toBe('UNKNOWN_METHOD');
      socket.send('{"id":43,"params":{}}');
      const noMethod = await socket.waitFor((m) => m.kind === 'result' && m.id === 43);
      expect(noMethod.kind === 'result' && errorCodeOf(noMethod.result)).toBe('UNKNOWN_METHOD');
    } finally {
      await socket.close();
    }
  });

  it('closes a socket that sends more than 8 MB, and keeps serving others', async () => {
    const socket = await ApiSocket.open(apiUrl, origin);
    socket.send(JSON.stringify({ id: 1, method: 'staff.setPhoto', params: { imageBase64: 'A'.repeat(9 * 1024 * 1024) } }));
    expect(await socket.closed).toBe(1009);
    const other = await ApiSocket.open(apiUrl, origin);
    expect(valueOf(await other.call('app.info', {}))).toMatchObject({ setupComplete: true });
    await other.close();
  });

  it('random malformed messages crash nothing and write nothing', async () => {
    const rng = new Prng(5780);
    const before = snapshot();
    const clerk = await ApiSocket.open(apiUrl, origin);
    const display = await ApiSocket.open(`${apiUrl}?role=display`, origin);
    const junkMethods = ['', 'nope', '__proto__', 'constructor', 'app.info ', 'staff.delete'];
    const expected = new Map<ApiSocket, number>([
      [clerk, 0],
      [display, 0],
    ]);
    const problems: string[] = [];
    const checks = new Map<string, (result: unknown) => string | null>();
    let nextId = 1_000_000;

    for (let i = 0; i < 400; i++) {
      const socket = rng.chance(0.7) ? clerk : display;
      expected.set(socket, (expected.get(socket) ?? 0) + 1);
      const shape = rng.int(0, 2);
      if (shape === 0) {
        // anything at all, sent as text: its own id only if it happens to look like a request
        const value = jsonRoundTrip(randomValue(rng));
        const text = rng.chance(0.3) ? describePayload(value).slice(0, rng.int(0, 40)) : JSON.stringify(value);
        socket.send(text);
        continue;
      }
      const method = rng.chance(0.85) ? rng.pick(METHOD_NAMES) : rng.pick(junkMethods);
      const params = jsonRoundTrip(randomValue(rng));
      if (METHOD_NAMES.includes(method as never)) {
        const spec = methods[method as keyof typeof methods];
        if (spec.request.safeParse(params ?? {}).success && spec.effect === 'write') {
          expected.set(socket, (expected.get(socket) ?? 0) - 1);
          continue; // well-formed by accident
        }
      }
      const id = nextId++;
      checks.set(`${socket === clerk ? 'clerk' : 'display'}:${id}`, (result) => {
        if (isRecord(result) && result.ok === true) return isMethodName(method) && methods[method].effect === 'read' ? null : `${method} succeeded`;
        const code = errorCodeOf(result);
        return code && (ERROR_CODES as readonly string[]).includes(code) ? null : `${method} ${describePayload(params)}: ${describePayload(result)}`;
      });
      socket.send(JSON.stringify({ id, method, params }));
    }

    // a marker request on each socket, then every reply must have arrived
    for (const [index, socket] of [clerk, display].entries()) {
      const markerId = 4_000_000_000_000 + index;
      socket.send(JSON.stringify({ id: markerId, method: 'app.info', params: {} }));
      await socket.waitFor((m) => m.kind === 'result' && m.id === markerId, 0, 10_000);
      const wanted = expected.get(socket) ?? 0;
      const replies = () => socket.results().filter((r) => r.id !== markerId);
      const deadline = Date.now() + 10_000;
      while (replies().length < wanted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(replies()).toHaveLength(wanted);
      for (const reply of replies()) {
        const check = checks.get(`${socket === clerk ? 'clerk' : 'display'}:${reply.id}`);
        const problem = check ? check(reply.result) : errorCodeOf(reply.result) ? null : `id ${reply.id}: ${describePayload(reply.result)}`;
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
    expect(display.events('session.changed')).toEqual([]);
    await clerk.close();
    await display.close();
    expect(snapshot()).toBe(before);
    expect((await httpRequest(host.port, '/')).status).toBe(200);
  });

  it('closing the host closes its sockets and leaves the core usable', async () => {
    const second = await startHost({ core: t.core, rendererDir: makeTempDir(), port: 0 });
    const socket = await ApiSocket.open(`ws://127.0.0.1:${second.port}/api`);
    await second.close();
    expect(await socket.closed).toBeGreaterThan(0);
    expect((await t.core.call('app.info', {})).ok).toBe(true);
  });
});

/**
 * A LAN client as the host sees it, without sending traffic off loopback: the
 * loopback address under a LAN host name (what a page on another machine, or a
 * DNS-rebinding page, presents), which the host must treat as a LAN client.
 */
function lanEndpoint(port: number): { url: string; origin: string; host: string } {
  const name = `192.0.2.10:${port}`;
  return { url: `ws://127.0.0.1:${port}/api`, origin: `http://${name}`, host: name };
}

describe('LAN pairing', () => {
  let lan: TestCore;
  let lanHost: RunningHost;
  let endpoint: ReturnType<typeof lanEndpoint>;
  let local: ApiSocket;

  beforeAll(async () => {
    lan = createTestCore();
    await setUpWithClerk(lan.core);
    valueOf(await lan.core.call('auth.login', { staffNo: SUPERVISOR.staffNo, pin: SUPERVISOR.pin }));
    valueOf(await lan.core.call('window.resume', {})); // the supervisor serves at the window: 开始对外服务
    valueOf(await lan.core.call('settings.update', { allowLan: true }));
    lanHost = await startHost({ core: lan.core, rendererDir: makeTempDir(), port: 0 });
    endpoint = lanEndpoint(lanHost.port);
    local = await ApiSocket.open(`ws://127.0.0.1:${lanHost.port}/api`, `http://127.0.0.1:${lanHost.port}`);
  });

  afterAll(async () => {
    await local.close();
    await lanHost.close();
  });

  const settings = async (): Promise<Record<string, unknown>> => {
    const value = valueOf(await local.call('settings.get', {}));
    if (!isRecord(value)) throw new Error('settings.get returned a non-object');
    return value;
  };
  const openLan = (query: string): Promise<ApiSocket> => ApiSocket.open(`${endpoint.url}?${query}`, endpoint.origin, endpoint.host);
  const refusedLan = (query: string): Promise<number> => refusedUpgrade(`${endpoint.url}?${query}`, endpoint.origin, endpoint.host);

  it('binds to all interfaces while the LAN is allowed; a loopback clerk keeps working as supervisor', async () => {
    expect(lanHost.bindAddress).toBe('0.0.0.0');
    expect((await settings()).allowLan).toBe(true);
  });

  it('refuses a LAN client without a token, with a wrong one, or with a prefix of the right one', async () => {
    const token = String((await settings()).pairingToken);
    expect(token.length).toBeGreaterThanOrEqual(20);
    expect(await refusedLan('role=display')).toBe(403);
    expect(await refusedLan('role=clerk&token=wrong')).toBe(403);
    expect(await refusedLan(`token=${encodeURIComponent(token.slice(0, -1))}`)).toBe(403);
    expect(await refusedLan(`token=${encodeURIComponent(`${token}x`)}`)).toBe(403);
  });

  it.each(['role=clerk&', 'role=display&', ''])('the display token (%s) pairs a display: display methods and events only', async (role) => {
    const token = String((await settings()).pairingToken);
    const socket = await openLan(`${role}token=${encodeURIComponent(token)}`);
    try {
      expect(displayStateSchema.parse(valueOf(await socket.call('display.state', {}))).status).toBe('serving');
      for (const method of ['staff.list', 'settings.get', 'auth.current', 'audit.recent', 'auth.logout', 'window.pause']) {
        expect(errorCodeOf(await socket.call(method, {})), method).toBe('FORBIDDEN');
      }
      expect(errorCodeOf(await socket.call('auth.login', { staffNo: CLERK.staffNo, pin: CLERK.pin }))).toBe('FORBIDDEN');
      const mark = socket.messages.length;
      valueOf(await local.call('auth.lock', {}));
      valueOf(await local.call('auth.unlock', { pin: SUPERVISOR.pin }));
      // events for those changes were sent before this reply on the same connection
      valueOf(await socket.call('display.state', {}));
      expect(socket.messages.slice(mark).filter((m) => m.kind === 'event' && m.event === 'session.changed')).toEqual([]);
      expect(await lan.core.call('auth.current', {})).toMatchObject({ ok: true, value: { staff: { staffNo: SUPERVISOR.staffNo } } });
    } finally {
      await socket.close();
    }
  });

  it('a clerk screen over the LAN is refused until a supervisor allows it, then pairs with its own token only', async () => {
    const displayToken = String((await settings()).pairingToken);
    expect((await settings()).allowLanClerk).toBe(false);
    expect(await refusedLan(`token=${encodeURIComponent(String((await settings()).clerkPairingToken))}`)).toBe(403);

    const updated = valueOf(await local.call('settings.update', { allowLanClerk: true }));
    if (!isRecord(updated)) throw new Error('settings.update returned a non-object');
    const clerkToken = String(updated.clerkPairingToken);
    expect(clerkToken.length).toBeGreaterThanOrEqual(20);
    expect(clerkToken).not.toBe(displayToken);

    const clerkScreen = await openLan(`token=${encodeURIComponent(clerkToken)}`);
    try {
      expect(sessionSchema.parse(valueOf(await clerkScreen.call('auth.current', {}))).staff.staffNo).toBe(SUPERVISOR.staffNo);
      expect(Array.isArray(valueOf(await clerkScreen.call('staff.list', {})))).toBe(true);
    } finally {
      await clerkScreen.close();
    }
    // the display token still pairs a display only
    const display = await openLan(`role=clerk&token=${encodeURIComponent(displayToken)}`);
    expect(errorCodeOf(await display.call('staff.list', {}))).toBe('FORBIDDEN');
    await display.close();

    valueOf(await local.call('settings.update', { allowLanClerk: false }));
    expect(await refusedLan(`token=${encodeURIComponent(clerkToken)}`)).toBe(403);
  });
});
