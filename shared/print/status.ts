/**
 * The printer's real-time status: DLE EOT n (10 04 n) answers one byte for
 * n = 1 (printer), 2 (offline cause) and 4 (paper roll sensor). Each answer
 * has bits 1 and 4 set and bits 0 and 7 clear (byte & 0x93 === 0x12); a byte
 * that is not shaped like that is ignored.
 */
import type { PrinterState, PrinterStatus } from '../api/printing';

export const STATUS_PRINTER = 1;
export const STATUS_OFFLINE_CAUSE = 2;
export const STATUS_PAPER = 4;
/** The DLE EOT queries sent before and after a job, in this order. */
export const STATUS_QUERIES = [STATUS_PRINTER, STATUS_OFFLINE_CAUSE, STATUS_PAPER] as const;

/** Answers to DLE EOT 1, 2 and 4; undefined where the printer did not answer. */
export interface StatusBytes {
  printer?: number | undefined;
  offlineCause?: number | undefined;
  paper?: number | undefined;
}

export interface StatusReading {
  state: PrinterState;
  /** Chinese, for the clerk. */
  message: string;
}

/** A printer status byte is well formed when bits 1 and 4 are set and bits 0 and 7 clear. */
export function isStatusByte(byte: number | undefined): byte is number {
  return byte !== undefined && Number.isInteger(byte) && (byte & 0x93) === 0x12;
}

export const STATE_MESSAGES: Record<PrinterState, string> = {
  ready: '就绪',
  paperNearEnd: '打印纸快用完了，请准备换纸',
  paperOut: '缺纸，请装纸（待打印的单据会在装纸后自动打印）',
  coverOpen: '纸仓盖没有盖好，请盖好（待打印的单据会自动打印）',
  offline: '打印机脱机，请检查打印机',
  unreachable: '无法连接打印机',
  unknown: '打印机没有回应状态查询',
  none: '未接打印机，打印内容存入数据目录',
};

/**
 * The printer in one line for a screen or a slip: "网络打印机 192.168.1.20:9100：缺纸，请装纸…";
 * with no printer the state's message alone says it (未接打印机，打印内容存入数据目录), not twice.
 */
export function printerLine(printer: { label: string; state: string; message: string }): string {
  return printer.state === 'none' ? printer.message : `${printer.label}：${printer.message}`;
}

/** Short labels for the status bar. */
export const STATE_LABELS: Record<PrinterState, string> = {
  ready: '就绪',
  paperNearEnd: '纸快用完',
  paperOut: '缺纸',
  coverOpen: '纸仓盖未盖好',
  offline: '脱机',
  unreachable: '无法连接',
  unknown: '状态未知',
  none: '未接打印机',
};

/** Reads DLE EOT 1/2/4 answers: cover open, paper out, other offline causes, paper near end, ready. */
export function interpretStatus(bytes: StatusBytes): StatusReading {
  const printer = isStatusByte(bytes.printer) ? bytes.printer : undefined;
  const cause = isStatusByte(bytes.offlineCause) ? bytes.offlineCause : undefined;
  const paper = isStatusByte(bytes.paper) ? bytes.paper : undefined;
  if (printer === undefined && cause === undefined && paper === undefined) return { state: 'unknown', message: STATE_MESSAGES.unknown };
  if (cause !== undefined && (cause & 0x04) !== 0) return { state: 'coverOpen', message: STATE_MESSAGES.coverOpen };
  if ((paper !== undefined && (paper & 0x60) !== 0) || (cause !== undefined && (cause & 0x20) !== 0)) {
    return { state: 'paperOut', message: STATE_MESSAGES.paperOut };
  }
  if (cause !== undefined && (cause & 0x40) !== 0) return { state: 'offline', message: '打印机出错（如切刀卡住或过热），请检查打印机后重新开机' };
  if (cause !== undefined && (cause & 0x08) !== 0) return { state: 'offline', message: '正在按走纸键，打印机暂停' };
  if (printer !== undefined && (printer & 0x08) !== 0) return { state: 'offline', message: STATE_MESSAGES.offline };
  if (paper !== undefined && (paper & 0x0c) !== 0) return { state: 'paperNearEnd', message: STATE_MESSAGES.paperNearEnd };
  return { state: 'ready', message: STATE_MESSAGES.ready };
}

/** Whether a job may be sent: a printer that is not known to be unable to print gets it. */
export function canPrint(state: PrinterState): boolean {
  return state === 'ready' || state === 'paperNearEnd' || state === 'unknown';
}

export type StatusTone = 'ok' | 'idle' | 'warn' | 'bad';

/** How the status bar colours the printer: red (bad) when it cannot print, or a job failed or went unconfirmed. */
export function statusTone(status: Pick<PrinterStatus, 'state' | 'queued' | 'failed' | 'unconfirmed'>): StatusTone {
  if (status.failed > 0 || status.unconfirmed > 0 || !(canPrint(status.state) || status.state === 'none')) return 'bad';
  if (status.state === 'paperNearEnd' || status.state === 'unknown') return 'warn';
  return status.state === 'none' ? 'idle' : 'ok';
}

/** "打印机：缺纸（2 张待打印）" — the status bar's line. */
export function printerStatusLine(status: Pick<PrinterStatus, 'state' | 'queued' | 'failed' | 'unconfirmed'>): string {
  const notes: string[] = [];
  if (status.queued > 0) notes.push(`${status.queued} 张待打印`);
  if (status.unconfirmed > 0) notes.push(`${status.unconfirmed} 张发送未确认`);
  if (status.failed > 0) notes.push(`${status.failed} 张未打印成功`);
  return `打印机：${STATE_LABELS[status.state]}${notes.length > 0 ? `（${notes.join('，')}）` : ''}`;
}
