import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_DIR_NAME, defaultDataDir } from '../../electron/services/core/data-dir';

describe('defaultDataDir', () => {
  const home = homedir();

  it.each<[string, NodeJS.Platform, NodeJS.ProcessEnv, string]>([
    ['Windows uses %APPDATA%', 'win32', { APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming' }, join('C:\\Users\\clerk\\AppData\\Roaming', APP_DIR_NAME)],
    ['Windows without %APPDATA%', 'win32', {}, join(home, 'AppData', 'Roaming', APP_DIR_NAME)],
    ['Windows with an empty %APPDATA%', 'win32', { APPDATA: '' }, join(home, 'AppData', 'Roaming', APP_DIR_NAME)],
    ['macOS', 'darwin', { XDG_CONFIG_HOME: '/ignored' }, join(home, 'Library', 'Application Support', APP_DIR_NAME)],
    ['Linux uses $XDG_CONFIG_HOME', 'linux', { XDG_CONFIG_HOME: '/home/clerk/.cfg' }, join('/home/clerk/.cfg', APP_DIR_NAME)],
    ['Linux without $XDG_CONFIG_HOME', 'linux', {}, join(home, '.config', APP_DIR_NAME)],
    // the XDG spec (and Electron's userData) treat an empty value as unset
    ['Linux with an empty $XDG_CONFIG_HOME', 'linux', { XDG_CONFIG_HOME: '' }, join(home, '.config', APP_DIR_NAME)],
    ['other Unix behaves like Linux', 'freebsd', {}, join(home, '.config', APP_DIR_NAME)],
  ])('%s', (_label, platform, env, expected) => {
    expect(defaultDataDir(env, platform)).toBe(expected);
  });

  it('is named after the product and is absolute', () => {
    expect(APP_DIR_NAME).toBe('Counter Workstation');
    for (const platform of ['linux', 'darwin'] as const) expect(defaultDataDir({}, platform).startsWith('/')).toBe(true);
  });
});
