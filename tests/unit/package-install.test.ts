/**
 * What a fresh `npm install` / `npm ci` needs from package.json and the lock
 * file: every install script decided in allowScripts (a later npm refuses the
 * undecided ones), and every platform package a dependency names recorded in
 * the lock (`npm ci` refuses the lock otherwise).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  hasInstallScript?: boolean;
  optionalDependencies?: Record<string, string>;
}
interface Manifest {
  allowScripts?: Record<string, boolean>;
  scripts: Record<string, string>;
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
const packageName = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** Where Node would find `name` from the package installed at `from`: its own node_modules, then each parent's. */
function resolveInLock(from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

describe('install scripts (allowScripts)', () => {
  const withScripts = [...new Set(Object.entries(lock.packages).filter(([, e]) => e.hasInstallScript).map(([path]) => packageName(path)))].sort();
  const decisions: Array<[string, boolean, string]> = [
    ['better-sqlite3', true, 'the ledger: compiles (or fetches) the native module'],
    ['electron-winstaller', false, 'Squirrel.Windows only; the Windows target is NSIS'],
    ['esbuild', false, 'its binary comes from the locked @esbuild/<platform> package'],
    ['sharp', false, 'its binary comes from the locked @img/sharp-<platform> package'],
  ];

  it.each(decisions)('%s: %s (%s)', (name, allowed) => {
    expect(manifest.allowScripts?.[name]).toBe(allowed);
  });

  it('decides every locked package with an install script, and nothing else', () => {
    expect(Object.keys(manifest.allowScripts ?? {}).sort()).toEqual(withScripts);
    expect(decisions.map(([name]) => name).sort()).toEqual(withScripts);
  });
});

describe('lock file', () => {
  it('records every optional (platform) package a locked package names, so npm ci accepts it on any OS and CPU', () => {
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !resolveInLock(path, name))
        .map((name) => `${packageName(path) || '(root)'} → ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it.each([
    ['@rollup/rollup-win32-x64-msvc'],
    ['@rollup/rollup-linux-arm64-gnu'],
    ['@esbuild/win32-x64'],
    ['@esbuild/linux-arm64'],
    ['@img/sharp-win32-x64'],
    ['@img/sharp-linux-arm64'],
  ])('has %s (Windows x64, Linux arm64)', (name) => {
    expect(lock.packages[`node_modules/${name}`]).toBeDefined();
  });
});

describe('dist scripts', () => {
  const dist = Object.entries(manifest.scripts).filter(([name]) => name.startsWith('dist'));
  it.each([
    ['dist:linux', '--linux --x64', '--linux AppImage deb --x64'],
    ['dist:linux-arm64', '--linux --arm64', '--linux deb --arm64'],
    ['dist:win', '--win --x64', '--win nsis --x64'],
  ])('%s checks this machine for the same target before building', (name, check, build) => {
    expect(manifest.scripts[name]).toBe(`node scripts/dist-check.mjs ${check} && npm run build && electron-builder --config electron-builder.yml ${build}`);
  });
  it('has no other dist script', () => {
    expect(dist.map(([name]) => name).sort()).toEqual(['dist:linux', 'dist:linux-arm64', 'dist:win']);
  });
});
