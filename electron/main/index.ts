/**
 * Electron main process: lifecycle, the clerk window and the public display
 * window, and IPC wiring to the core. Thin: the work is in electron/services.
 */
import { app, BrowserWindow, dialog, ipcMain, screen, session, type WebContents } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DISPLAY_EVENTS, type CallerKind } from '../../shared/contract';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_SAVE_EXPORT_CHANNEL } from '../../shared/ipc-channels';
import { CounterError } from '../../shared/result';
import { CounterCore, KEY_FILE } from '../services/core/core';
import { SafeStorageKeyStore } from './safe-storage-key-store';
import { saveExport } from './save-export';
import { seedDemo } from '../services/setup/demo';
import { SETTINGS_FILE_NAME } from '../services/core/settings-store';
import { APP_VERSION } from '../services/core/version';

const here = fileURLToPath(new URL('.', import.meta.url));
const preload = join(here, '../preload/index.cjs');
const rendererIndex = join(here, '../renderer/index.html');

const callers = new Map<number, CallerKind>();

function secureWindow(kind: CallerKind, options: Electron.BrowserWindowConstructorOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...options,
    show: false,
    backgroundColor: kind === 'display' ? '#8b1a1a' : '#f4f6fa',
    webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
  });
  callers.set(win.webContents.id, kind);
  win.on('closed', () => callers.delete(win.webContents.id));
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex, kind === 'display' ? { hash: 'display' } : {});
  return win;
}

function openWindows(): void {
  const primary = screen.getPrimaryDisplay();
  const second = screen.getAllDisplays().find((d) => d.id !== primary.id);
  const clerk = secureWindow('clerk', { width: 1366, height: 860, title: '窗口工作台' });
  clerk.maximize();
  secureWindow(
    'display',
    second
      ? { x: second.bounds.x, y: second.bounds.y, width: second.bounds.width, height: second.bounds.height, fullscreen: true, frame: false, title: '窗口公示屏' }
      : { width: 1280, height: 720, title: '窗口公示屏' },
  );
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDown();
  const store = new Store<Record<string, unknown>>({ name: SETTINGS_FILE_NAME, cwd: app.getPath('userData'), clearInvalidConfig: false });
  const dataDir = app.getPath('userData');
  const keyStore = new SafeStorageKeyStore(join(dataDir, `${KEY_FILE}.safe`));
  const core = new CounterCore({ dataDir, settingsBackend: store, mode: 'electron', version: APP_VERSION, keyStore });
  if (process.argv.includes('--demo')) await seedDemo(core);
  ipcMain.handle(IPC_CALL_CHANNEL, (event, method: unknown, request: unknown, requestId: unknown) =>
    core.dispatch(method, request, callers.get(event.sender.id) ?? 'display', requestId),
  );
  ipcMain.handle(IPC_SAVE_EXPORT_CHANNEL, (event, download: unknown, fileName: unknown) =>
    callers.get(event.sender.id) === 'clerk'
      ? saveExport(core, BrowserWindow.fromWebContents(event.sender), String(download), String(fileName))
      : { saved: false, message: '公示屏不能保存导出文件' },
  );
  core.onEvent((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const kind = callers.get(win.webContents.id);
      if (kind === 'display' && !DISPLAY_EVENTS.has(name)) continue;
      win.webContents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });
  openWindows();
  app.on('window-all-closed', () => {
    core.close();
    app.quit();
  });
}

if (!app.requestSingleInstanceLock()) app.quit();
else
  start().catch((error: unknown) => {
    const message = error instanceof CounterError ? error.message : String(error);
    console.error(`启动失败：${message}`);
    dialog.showErrorBox('窗口工作台无法启动', message);
    app.exit(1);
  });
