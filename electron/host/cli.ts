/** `npm run start:host`: runs the workstation without Electron and prints its URLs. */
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { CounterError } from '../../shared/result';
import { shiftedClock, systemClock } from '../services/core/clock';
import { CounterCore } from '../services/core/core';
import { defaultDataDir } from '../services/core/data-dir';
import { seedDemo } from '../services/setup/demo';
import { SETTINGS_FILE_NAME } from '../services/core/settings-store';
import { parseHostArgs } from './args';
import { startHost } from './server';
import { APP_VERSION } from '../services/core/version';

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  const dataDir = args.dataDir ?? defaultDataDir();
  const store = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_FILE_NAME, clearInvalidConfig: false });
  const clock = args.clockStart ? shiftedClock(args.clockStart) : systemClock;
  const core = new CounterCore({ dataDir, settingsBackend: store, mode: 'host', version: APP_VERSION, clock, ...(args.hallTimeoutMs === null ? {} : { hallTimeoutMs: args.hallTimeoutMs }) });
  if (args.demo) {
    const seeded = await seedDemo(core);
    console.log(seeded ? 'Demo office seeded (see README for staff numbers and PINs).' : 'Data directory is already set up; --demo left it as it is.');
  }
  const host = await startHost({ core, port: args.port, rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)) });
  const shown = host.bindAddress === '0.0.0.0' ? '127.0.0.1' : host.bindAddress;
  const settings = core.ctx.settings.get();
  const token = settings.allowLan ? `?token=${settings.pairingToken}` : '';
  console.log(`Counter Workstation host mode (data: ${dataDir})`);
  console.log(`  clerk workstation: http://${shown}:${host.port}/`);
  console.log(`  public display:    http://${shown}:${host.port}/display${token}`);
  if (settings.allowLan && settings.allowLanClerk) console.log(`  clerk workstation over the LAN: http://${shown}:${host.port}/?token=${settings.clerkPairingToken}`);
  if (host.bindAddress === '0.0.0.0') console.log('  LAN access is on: other machines use this PC\'s address with the token above.');
  const stop = (): void => {
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof CounterError) console.error(`启动失败：${error.message}`);
  else if (error instanceof SyntaxError) console.error(`启动失败：设置文件不是有效的 JSON（${error.message}），请修正或请管理员处理。`);
  else console.error('启动失败：', error);
  process.exit(1);
});
