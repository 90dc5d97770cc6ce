// `npm start`: launches Electron when its binary is installed, otherwise host mode.
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
const binary = electronBinary();
let child;
if (binary) {
  child = spawn(binary, ['.', ...args], { stdio: 'inherit' });
} else {
  console.log('Electron binary is not installed (node_modules/electron/dist is missing); starting host mode instead.');
  child = spawn(process.execPath, ['out/main/host.js', ...args], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
