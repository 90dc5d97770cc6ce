// Runs before every `npm run dist:*`: says in one line per problem (Chinese, then
// English) why this machine cannot package, instead of electron-builder's stack
// trace minutes later. Packaging needs
// - this machine's OS and CPU: better-sqlite3 is compiled for them and npm
//   installs sharp's binary for them only, so a package for another OS or CPU
//   would carry native modules that do not load there;
// - Node.js 22.12 or newer (electron-builder's @electron/rebuild, @electron/get
//   and node-abi declare it);
// - the Electron release zip for the target, from @electron/get's cache or
//   downloadable (GitHub releases, or ELECTRON_MIRROR).
// Usage: node scripts/dist-check.mjs --linux|--win --x64|--arm64
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, posix } from 'node:path';
import { pathToFileURL, URL } from 'node:url';

const OS_NAMES = { linux: 'Linux', win32: 'Windows' };
const PACKAGING_NODE = [22, 12];
const DOWNLOAD_TIMEOUT_MS = 15_000;

/** @electron/get's default cache folder, as electron-builder computes it (app-builder-lib, defaultElectronGetCacheRoot). */
export function electronCacheRoot(env) {
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'electron');
}

// @electron/get 5 (artifact-utils.js, mirrorVar): .npmrc, package.json config, then ELECTRON_* variables.
function mirrorVar(name, env, fallback) {
  const snake = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return (
    env[`npm_config_electron_${name.toLowerCase()}`] ||
    env[`NPM_CONFIG_ELECTRON_${snake.toUpperCase()}`] ||
    env[`npm_config_electron_${snake}`] ||
    env[`npm_package_config_electron_${name}`] ||
    env[`npm_package_config_electron_${snake}`] ||
    env[`ELECTRON_${snake.toUpperCase()}`] ||
    fallback
  );
}

/** The zip electron-builder asks @electron/get for, where it downloads it from and where it caches it. */
export function electronZip(version, platform, arch, env, cacheRoot) {
  const tag = `v${version}`;
  const file = mirrorVar('customFilename', env, `electron-${tag}-${platform}-${arch}.zip`);
  const base = mirrorVar('mirror', env, 'https://github.com/electron/electron/releases/download/');
  const dir = mirrorVar('customDir', env, tag).replace('{{ version }}', version);
  const url = `${base}${dir}/${file}`;
  const folder = new URL(url);
  folder.hash = '';
  folder.search = '';
  folder.pathname = posix.dirname(folder.pathname);
  const cachePath = join(cacheRoot, createHash('sha256').update(folder.toString()).digest('hex'), file);
  return { file, url, cachePath };
}

function downloadFailure(error) {
  const code = error?.cause?.code ?? error?.name;
  switch (code) {
    case 'TimeoutError':
      return { zh: `${DOWNLOAD_TIMEOUT_MS / 1000} 秒内没有响应`, en: `no answer within ${DOWNLOAD_TIMEOUT_MS / 1000} s` };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { zh: '域名无法解析', en: 'the host name does not resolve' };
    case 'ECONNREFUSED':
      return { zh: '连接被拒绝', en: 'connection refused' };
    default:
      return { zh: `网络错误 ${code ?? ''}`.trim(), en: `network error ${code ?? ''}`.trim() };
  }
}

/** Whether the zip is in the cache or its URL answers 2xx (only the headers are read). */
export async function electronZipObtainable(zip, timeoutMs = DOWNLOAD_TIMEOUT_MS) {
  if (existsSync(zip.cachePath)) return { ok: true };
  try {
    const response = await fetch(zip.url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    if (response.ok) return { ok: true };
    return { ok: false, zh: `服务器答复 HTTP ${response.status}`, en: `the server answered HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, ...downloadFailure(error) };
  }
}

/** Every reason this machine cannot build the package for target.platform/target.arch, one line each. */
export async function distProblems({ target, host, nodeVersion, electronVersion, env, cacheRoot }) {
  const problems = [];
  const targetName = `${OS_NAMES[target.platform]} ${target.arch}`;
  if (target.platform !== host.platform || target.arch !== host.arch) {
    problems.push(
      `无法打包：${targetName} 安装包须在 ${targetName} 机器上打包（better-sqlite3、sharp 等原生模块按本机系统和 CPU 安装），本机是 ${OS_NAMES[host.platform] ?? host.platform} ${host.arch} / ` +
        `Cannot package: build the ${targetName} package on a ${targetName} machine (native modules such as better-sqlite3 and sharp are installed for this machine's OS and CPU); this is ${OS_NAMES[host.platform] ?? host.platform} ${host.arch}.`,
    );
  }
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  if (major < PACKAGING_NODE[0] || (major === PACKAGING_NODE[0] && minor < PACKAGING_NODE[1])) {
    problems.push(
      `无法打包：打包需要 Node.js ${PACKAGING_NODE.join('.')} 或更新版本，本机是 ${nodeVersion} / ` +
        `Cannot package: packaging needs Node.js ${PACKAGING_NODE.join('.')} or newer (electron-builder's @electron/rebuild, @electron/get, node-abi); this is ${nodeVersion}.`,
    );
  }
  const zip = electronZip(electronVersion, target.platform, target.arch, env, cacheRoot);
  const obtained = await electronZipObtainable(zip);
  if (!obtained.ok) {
    problems.push(
      `无法打包：下载不到 Electron ${electronVersion}（${zip.file}，${obtained.zh}）。请在能访问 GitHub 的机器上打包，或用 ELECTRON_MIRROR 指定镜像，或把该文件放到 ${zip.cachePath} / ` +
        `Cannot package: Electron ${electronVersion} cannot be downloaded from ${zip.url} (${obtained.en}). Package on a machine that reaches GitHub releases, set ELECTRON_MIRROR to a mirror, or put the zip at ${zip.cachePath}.`,
    );
  }
  return problems;
}

const PLATFORM_FLAGS = { '--linux': 'linux', '--win': 'win32' };
const ARCH_FLAGS = { '--x64': 'x64', '--arm64': 'arm64' };

async function main(argv) {
  const platform = argv.map((a) => PLATFORM_FLAGS[a]).find(Boolean);
  const arch = argv.map((a) => ARCH_FLAGS[a]).find(Boolean);
  if (!platform || !arch) {
    console.error('用法 / usage: node scripts/dist-check.mjs --linux|--win --x64|--arm64');
    return 2;
  }
  const electronPackage = createRequire(import.meta.url).resolve('electron/package.json');
  const electronVersion = JSON.parse(readFileSync(electronPackage, 'utf8')).version;
  const problems = await distProblems({
    target: { platform, arch },
    host: { platform: process.platform, arch: process.arch },
    nodeVersion: process.versions.node,
    electronVersion,
    env: process.env,
    cacheRoot: electronCacheRoot(process.env),
  });
  for (const line of problems) console.error(line);
  return problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
