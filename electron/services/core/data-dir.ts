/** The per-user data folder, the same one Electron uses as userData for this app. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Counter Workstation';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  // an empty variable counts as unset (XDG spec; Electron's userData does the same), never as a relative path
  if (platform === 'win32') return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_DIR_NAME);
}
