/**
 * scripts/dist-check.mjs, run before every `npm run dist:*`: one line per
 * reason this machine cannot package, against a real HTTP mirror on 127.0.0.1,
 * a real closed port and a real cache folder.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distProblems, electronZip, electronZipObtainable } from '../../scripts/dist-check.mjs';
import { cleanupAll, makeTempDir } from '../support/core';

const VERSION = '45.4.1';
const LINUX_X64 = { platform: 'linux', arch: 'x64' };
let mirror: Server;
let mirrorUrl = '';
let closedUrl = '';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)));
}

beforeAll(async () => {
  // a mirror that has the linux-x64 zip only
  mirror = createServer((request, response) => {
    response.statusCode = request.url === `/v${VERSION}/electron-v${VERSION}-linux-x64.zip` ? 200 : 404;
    response.end('zip bytes');
  });
  mirrorUrl = await listen(mirror);
  const closed = createServer();
  closedUrl = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(async () => {
  await new Promise((resolve) => mirror.close(resolve));
  cleanupAll();
});

const problems = (options: { target?: typeof LINUX_X64; nodeVersion?: string; mirror: string; cacheRoot?: string }): Promise<string[]> =>
  distProblems({
    target: options.target ?? LINUX_X64,
    host: LINUX_X64,
    nodeVersion: options.nodeVersion ?? '22.12.0',
    electronVersion: VERSION,
    env: { ELECTRON_MIRROR: options.mirror },
    cacheRoot: options.cacheRoot ?? makeTempDir(),
  });

describe('dist-check', () => {
  it('names the zip, URL and cache path the way @electron/get does', () => {
    const zip = electronZip(VERSION, 'win32', 'x64', {}, '/cache');
    expect(zip.file).toBe(`electron-v${VERSION}-win32-x64.zip`);
    expect(zip.url).toBe(`https://github.com/electron/electron/releases/download/v${VERSION}/electron-v${VERSION}-win32-x64.zip`);
    expect(zip.cachePath).toMatch(/^\/cache\/[0-9a-f]{64}\/electron-v45\.4\.1-win32-x64\.zip$/);
    expect(electronZip(VERSION, 'linux', 'arm64', { ELECTRON_MIRROR: 'https://mirror.example/electron/' }, '/cache').url).toBe(
      `https://mirror.example/electron/v${VERSION}/electron-v${VERSION}-linux-arm64.zip`,
    );
  });

  it('passes when the mirror has the zip, or when the zip is in the cache and nothing answers', async () => {
    expect(await problems({ mirror: mirrorUrl })).toEqual([]);
    const cacheRoot = makeTempDir();
    const cached = electronZip(VERSION, 'linux', 'x64', { ELECTRON_MIRROR: closedUrl }, cacheRoot);
    mkdirSync(dirname(cached.cachePath), { recursive: true });
    writeFileSync(cached.cachePath, 'zip bytes');
    expect(await electronZipObtainable(cached)).toEqual({ ok: true });
    expect(await problems({ mirror: closedUrl, cacheRoot })).toEqual([]);
  });

  it.each([
    ['the mirror does not have it', () => mirrorUrl, 'arm64', /HTTP 404/],
    ['nothing listens', () => closedUrl, 'x64', /连接被拒绝.*connection refused/],
  ])('says in one line why Electron cannot be obtained: %s', async (_case, url, arch, reason) => {
    const machine = { platform: 'linux', arch };
    const lines = await distProblems({
      target: machine,
      host: machine,
      nodeVersion: '24.0.0',
      electronVersion: VERSION,
      env: { ELECTRON_MIRROR: url() },
      cacheRoot: makeTempDir(),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^无法打包：下载不到 Electron 45\.4\.1.* \/ Cannot package: Electron 45\.4\.1 cannot be downloaded from http:\/\/127\.0\.0\.1:\d+\//);
    expect(lines[0]).toMatch(reason);
  });

  it.each([
    ['22.11.0', 1],
    ['20.20.2', 1],
    ['22.12.0', 0],
    ['24.0.0', 0],
  ])('packaging on Node %s: %i problem(s)', async (nodeVersion, count) => {
    const lines = await problems({ mirror: mirrorUrl, nodeVersion });
    expect(lines).toHaveLength(count);
    for (const line of lines) expect(line).toMatch(/^无法打包：打包需要 Node\.js 22\.12 或更新版本.* \/ Cannot package: packaging needs Node\.js 22\.12 or newer/);
  });

  it.each([
    [{ platform: 'linux', arch: 'arm64' }, 'Linux arm64'],
    [{ platform: 'win32', arch: 'x64' }, 'Windows x64'],
  ])('refuses to build for another OS or CPU (%o)', async (target, name) => {
    const lines = await problems({ mirror: mirrorUrl, target });
    expect(lines[0]).toBe(
      `无法打包：${name} 安装包须在 ${name} 机器上打包（better-sqlite3、sharp 等原生模块按本机系统和 CPU 安装），本机是 Linux x64 / ` +
        `Cannot package: build the ${name} package on a ${name} machine (native modules such as better-sqlite3 and sharp are installed for this machine's OS and CPU); this is Linux x64.`,
    );
  });

  it('as a command: exits 1 with one line per problem and no stack trace', async () => {
    const target = process.platform === 'win32' ? '--win' : '--linux';
    const run = promisify(execFile)(process.execPath, ['scripts/dist-check.mjs', target, `--${process.arch}`], {
      env: { ...process.env, ELECTRON_MIRROR: closedUrl, XDG_CACHE_HOME: makeTempDir(), LOCALAPPDATA: makeTempDir() },
    });
    const failure = await run.then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toBe('');
    const lines = failure?.stderr.trimEnd().split('\n') ?? [];
    for (const line of lines) expect(line).toMatch(/^无法打包：.* \/ Cannot package: /);
    expect(lines.some((line) => line.includes('connection refused'))).toBe(true);
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
  });

  it('as a command: says how to call it', async () => {
    const failure = await promisify(execFile)(process.execPath, ['scripts/dist-check.mjs']).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr.trim()).toBe('用法 / usage: node scripts/dist-check.mjs --linux|--win --x64|--arm64');
  });
});
