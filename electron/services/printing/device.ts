/**
 * Printers on a device path: /dev/usb/lp0, /dev/ttyUSB0 (Linux), COM3 (Windows).
 *
 * Not node-thermal-printer's file interface: it hands every write to
 * write-file-queue with 1000 retries 200 ms apart and keeps retrying after it
 * has reported failure after 5 s, so a slip that was reported as failed can
 * still come out later — or twice. Here: the device is opened without
 * creating anything, written with a deadline, and where the system allows it
 * (Linux, macOS) in non-blocking mode, so that a printer that takes nothing
 * leaves the job waiting instead of tying up a thread; the status (DLE EOT)
 * is read best-effort from character devices that answer.
 */
import { constants, promises as fsp, type promises, type Stats } from 'node:fs';
import { canPrint, interpretStatus, type StatusReading } from '../../../shared/print/status';
import { STATUS_REQUEST } from '../../../escpos/escpos';
import { DEFAULT_TIMEOUTS, type SendHooks, type SendOutcome, type Transport, type TransportTimeouts } from '../../../escpos/transport';

type FileHandle = promises.FileHandle;

/** Undefined on Windows, where device writes block and are bounded by a deadline only. */
const NONBLOCK: number | undefined = (constants as { O_NONBLOCK?: number }).O_NONBLOCK;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function openMessage(path: string, code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return `找不到打印机设备 ${path}（打印机未接好、未开机或设备名不对）`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限使用打印机设备 ${path}（Linux 上请把当前用户加入 lp 组后重新登录系统）`;
    case 'EBUSY':
      return `打印机设备 ${path} 正被其他程序占用`;
    case 'ENXIO':
    case 'ENODEV':
    case 'EIO':
      return `打印机设备 ${path} 没有响应（打印机未开机或已拔出）`;
    case 'EISDIR':
      return `${path} 是目录，不是打印机设备`;
    case 'TIMEOUT':
      return `打开打印机设备 ${path} 超时（打印机没有响应）`;
    default:
      return `无法打开打印机设备 ${path}（${code ?? '未知错误'}）`;
  }
}

class OpenError extends Error {}

/** COM3, LPT1, USB001 are normalised to \\.\NAME: Windows printer ports, not files. */
function isWindowsPort(path: string): boolean {
  return path.startsWith('\\\\.\\');
}

/**
 * Why a device path cannot be a printer, or null: a path that exists must be a character device (a regular
 * file such as /dev/shm/x would just collect the slips). A path that is not there is allowed: the printer
 * may be unplugged or off, and its jobs wait.
 */
export async function devicePathProblem(path: string): Promise<string | null> {
  if (isWindowsPort(path)) return null;
  let stat: Stats;
  try {
    stat = await fsp.stat(path);
  } catch (error) {
    return errnoOf(error) === 'ENOENT' ? null : openMessage(path, errnoOf(error));
  }
  if (stat.isDirectory()) return openMessage(path, 'EISDIR');
  if (!stat.isCharacterDevice()) return `${path} 不是打印机设备（是普通文件），请改为打印机的设备路径，如 /dev/usb/lp0、/dev/ttyUSB0，或 Windows 的 COM3、LPT1、USB001`;
  return null;
}

export class DeviceTransport implements Transport {
  private readonly handles = new Set<FileHandle>();
  private aborted = false;

  constructor(
    readonly path: string,
    private readonly timeouts: TransportTimeouts = DEFAULT_TIMEOUTS,
  ) {}

  /** Opens without O_CREAT: an unplugged printer must never become a regular file in /dev. */
  private async open(flags: number): Promise<FileHandle> {
    let timedOut = false;
    const opening = fsp.open(this.path, flags);
    const timer = new Promise<never>((_, reject) =>
      setTimeout(() => {
        timedOut = true;
        reject(new OpenError(openMessage(this.path, 'TIMEOUT')));
      }, this.timeouts.connectMs),
    );
    // a handle that opens after the deadline is closed at once
    void opening.then((h) => (timedOut ? h.close() : undefined)).catch(() => undefined);
    try {
      const handle = await Promise.race([opening, timer]);
      this.handles.add(handle);
      return handle;
    } catch (error) {
      if (error instanceof OpenError) throw error;
      throw new OpenError(openMessage(this.path, errnoOf(error)));
    }
  }

  private async close(handle: FileHandle): Promise<void> {
    this.handles.delete(handle);
    await handle.close().catch(() => undefined);
  }

  /** DLE EOT 1/2/4 on a character device that can be read without blocking; null when it does not answer. */
  private async readStatus(timeoutMs: number): Promise<StatusReading | null> {
    if (NONBLOCK === undefined) return null;
    const stat = await fsp.stat(this.path).catch(() => null);
    if (!stat?.isCharacterDevice()) return null;
    let handle: FileHandle;
    try {
      handle = await this.open(constants.O_RDWR | NONBLOCK);
    } catch {
      return null;
    }
    try {
      await handle.write(STATUS_REQUEST);
      const answer = Buffer.alloc(3);
      let got = 0;
      const deadline = Date.now() + timeoutMs;
      while (got < 3 && Date.now() < deadline && !this.aborted) {
        try {
          const { bytesRead } = await handle.read(answer, got, 3 - got, null);
          if (bytesRead === 0) await sleep(30);
          got += bytesRead;
        } catch (error) {
          if (errnoOf(error) !== 'EAGAIN') break;
          await sleep(30);
        }
      }
      if (got === 0) return null;
      return interpretStatus({ printer: answer[0], offlineCause: got > 1 ? answer[1] : undefined, paper: got > 2 ? answer[2] : undefined });
    } catch {
      return null;
    } finally {
      await this.close(handle);
    }
  }

  async probe(): Promise<StatusReading> {
    try {
      const handle = await this.open(constants.O_WRONLY | (NONBLOCK ?? 0));
      await this.close(handle);
    } catch (error) {
      return { state: 'unreachable', message: error instanceof OpenError ? error.message : openMessage(this.path, errnoOf(error)) };
    }
    return (await this.readStatus(this.timeouts.statusMs)) ?? { state: 'unknown', message: '打印机已接上，但读不到它的状态（缺纸、开盖等无法提前发现）' };
  }

  /** Writes all bytes before the deadline; returns how many went out. */
  private async writeAll(handle: FileHandle, bytes: Buffer): Promise<number> {
    const deadline = Date.now() + this.timeouts.writeMs;
    let offset = 0;
    while (offset < bytes.length && !this.aborted) {
      if (Date.now() > deadline) break;
      try {
        const writing = handle.write(bytes, offset, bytes.length - offset, null);
        // without O_NONBLOCK (Windows) a write can block: bound it by the deadline
        const { bytesWritten } = NONBLOCK === undefined
          ? await Promise.race([writing, sleep(Math.max(0, deadline - Date.now())).then(() => ({ bytesWritten: 0 }))])
          : await writing;
        offset += bytesWritten;
      } catch (error) {
        if (errnoOf(error) !== 'EAGAIN') break;
        await sleep(50);
      }
    }
    return offset;
  }

  async send(bytes: Buffer, hooks: SendHooks): Promise<SendOutcome> {
    const problem = await devicePathProblem(this.path);
    if (problem) return { kind: 'waiting', state: 'unreachable', message: problem };
    const before = await this.readStatus(this.timeouts.statusMs);
    hooks.stage?.('checked');
    if (!before && hooks.requireAnswer) {
      return { kind: 'waiting', state: 'unknown', message: `打印机设备 ${this.path} 没有回应状态查询（上一张发送未确认），暂停发送，打印机恢复回应后自动打印` };
    }
    if (before && !canPrint(before.state)) return { kind: 'waiting', state: before.state, message: before.message };
    let handle: FileHandle;
    try {
      // Windows ports are opened plainly; elsewhere without blocking
      handle = await this.open(constants.O_WRONLY | (NONBLOCK ?? 0));
    } catch (error) {
      return { kind: 'waiting', state: 'unreachable', message: error instanceof OpenError ? error.message : openMessage(this.path, errnoOf(error)) };
    }
    hooks.stage?.('connected');
    let written: number;
    try {
      hooks.beforeWrite();
      written = await this.writeAll(handle, bytes);
    } finally {
      await this.close(handle);
    }
    hooks.stage?.('written');
    if (written === 0) {
      return { kind: 'waiting', state: 'offline', message: `打印机设备 ${this.path} 没有接收数据（可能缺纸、开盖或脱机），未打印任何内容` };
    }
    if (written < bytes.length) {
      return {
        kind: 'uncertain',
        state: 'offline',
        message: `打印机设备 ${this.path} 只接收了部分内容（${written}/${bytes.length} 字节），无法确认是否打印完整，请核对后重打`,
      };
    }
    const after = await this.readStatus(this.timeouts.confirmMs);
    if (before && !after) {
      return {
        kind: 'unconfirmed',
        message: `打印机设备 ${this.path} 收下了内容，但发送后没有回应状态查询，无法确认是否已打印。请核对，没有打印的请填写原因重打（可换一台打印机）`,
      };
    }
    // a device that never answers status (a Windows port, one without a read channel) cannot confirm more than the write
    return { kind: 'sent', after };
  }

  abort(): void {
    this.aborted = true;
    for (const handle of this.handles) void handle.close().catch(() => undefined);
    this.handles.clear();
  }
}
