/**
 * Printer addresses: `tcp://HOST[:PORT]` (port 9100 by default), a device path
 * (`/dev/usb/lp0`, `/dev/ttyUSB0`; on Windows a printer port `COM3`, `\\.\COM3`, `LPT1`, `USB001`), or `none` — the
 * embedded no-printer default that keeps each job in the data directory.
 */

export const DEFAULT_TCP_PORT = 9100;

export type PrinterTarget =
  | { kind: 'none' }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'device'; path: string };

export type ParsedPrinter = { ok: true; target: PrinterTarget; uri: string } | { ok: false; message: string };

const HOSTNAME_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function hostProblem(host: string): string | null {
  if (host === '') return '缺少打印机的 IP 地址或主机名';
  if (/^[\d.]+$/.test(host)) {
    const parts = host.split('.');
    if (parts.length !== 4 || parts.some((p) => p === '' || p.length > 3 || Number(p) > 255 || (p.length > 1 && p.startsWith('0')))) {
      return `IP 地址 ${host} 不正确，应为 4 段 0–255 的数字，如 192.168.1.20`;
    }
    return null;
  }
  if (host.length > 253 || !host.split('.').every((label) => HOSTNAME_LABEL.test(label))) {
    return `主机名 ${host} 不正确，只能包含字母、数字、短横线和点`;
  }
  return null;
}

function parseTcp(rest: string): ParsedPrinter {
  const body = rest.endsWith('/') ? rest.slice(0, -1) : rest;
  if (body.startsWith('[')) return { ok: false, message: '暂不支持 IPv6 地址，请使用 IPv4 地址，如 tcp://192.168.1.20:9100' };
  const match = /^([^:/]*)(?::([^/]*))?$/.exec(body);
  if (!match) return { ok: false, message: '网络打印机地址格式应为 tcp://IP地址:端口，如 tcp://192.168.1.20:9100' };
  const host = (match[1] ?? '').toLowerCase();
  const problem = hostProblem(host);
  if (problem) return { ok: false, message: problem };
  let port = DEFAULT_TCP_PORT;
  if (match[2] !== undefined) {
    if (!/^\d{1,5}$/.test(match[2]) || Number(match[2]) < 1 || Number(match[2]) > 65535) {
      return { ok: false, message: `端口 ${match[2]} 不正确，应为 1–65535 的数字（打印机一般是 9100）` };
    }
    port = Number(match[2]);
  }
  return { ok: true, target: { kind: 'tcp', host, port }, uri: `tcp://${host}:${port}` };
}

function parseDevice(path: string): ParsedPrinter {
  const com = /^(?:\\\\\.\\)?COM(\d{1,3})$/i.exec(path);
  if (com) {
    const n = Number(com[1]);
    if (n < 1 || n > 255) return { ok: false, message: `串口 COM${com[1] ?? ''} 不存在，串口号应为 1–255` };
    return { ok: true, target: { kind: 'device', path: `\\\\.\\COM${n}` }, uri: `COM${n}` };
  }
  const port = /^(?:\\\\\.\\)?(LPT[1-9]|USB\d{3})$/i.exec(path);
  if (port) {
    const name = (port[1] ?? '').toUpperCase();
    return { ok: true, target: { kind: 'device', path: `\\\\.\\${name}` }, uri: name };
  }
  if (path.startsWith('/dev/')) {
    const segments = path.slice(5).split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..' || !/^[A-Za-z0-9_.-]+$/.test(s))) {
      return { ok: false, message: `设备路径 ${path} 不正确，应如 /dev/usb/lp0 或 /dev/ttyUSB0` };
    }
    return { ok: true, target: { kind: 'device', path }, uri: path };
  }
  return {
    ok: false,
    message: '打印机地址格式应为 tcp://IP地址:端口（网络打印机）、设备路径（如 /dev/usb/lp0、COM3、LPT1、USB001）或 none（暂不接打印机）',
  };
}

/** Parses and normalises a printer address; the message says in Chinese what is wrong. */
export function parsePrinterUri(input: string): ParsedPrinter {
  const text = input.trim();
  if (text === '') return { ok: false, message: '请填写打印机地址' };
  if (text.length > 200) return { ok: false, message: '打印机地址太长' };
  if (text.toLowerCase() === 'none') return { ok: true, target: { kind: 'none' }, uri: 'none' };
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/.exec(text);
  if (scheme) {
    if ((scheme[1] ?? '').toLowerCase() !== 'tcp') return { ok: false, message: `不支持 ${scheme[1] ?? ''}:// 地址，网络打印机请用 tcp://IP地址:端口` };
    return parseTcp(scheme[2] ?? '');
  }
  return parseDevice(text);
}

/** How the clerk sees the printer: 网络打印机 192.168.1.20:9100 / 本机打印机 /dev/usb/lp0 / 未接打印机. */
export function describePrinter(target: PrinterTarget): string {
  switch (target.kind) {
    case 'none':
      return '未接打印机（打印内容存入数据目录）';
    case 'tcp':
      return `网络打印机 ${target.host}:${target.port}`;
    case 'device':
      return `本机打印机 ${target.path.replace(/^\\\\\.\\/, '')}`;
  }
}
