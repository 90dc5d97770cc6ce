/**
 * 排队号票: the ticket a kiosk prints. The number large, the matter, the
 * windows calling it, how many were waiting ahead, the hall time it was
 * taken, what to bring (the catalogue item's required materials) and a QR
 * code of the ticket a window can scan.
 */
import type { PrintDocument } from '../document';
import { chineseDateTime } from './common';

export interface QueueTicketSlip {
  hallName: string;
  ticketId: string;
  code: string;
  /** The hall date the ticket is numbered on (YYYY-MM-DD). */
  day: string;
  matterName: string;
  /** Window numbers calling the matter; empty: every window. */
  windows: string[];
  ahead: number;
  /** ISO instant, printed in hall time. */
  takenAt: string;
  /** Names of the materials to bring. */
  bring: string[];
  /** '预约' or '绿色通道' for a priority ticket, null for a walk-in. */
  kindLabel: string | null;
}

/** The QR code's text: what a window's scanner reads back (ASCII only, so any scanner types it as is). */
export function ticketQrData(slip: Pick<QueueTicketSlip, 'ticketId' | 'code' | 'day'>): string {
  return `QT|${slip.day}|${slip.code}|${slip.ticketId}`;
}

/** '1、2 号窗口', or '各窗口' when every window calls the matter. */
export function windowsText(windows: readonly string[]): string {
  return windows.length === 0 ? '各窗口' : `${windows.join('、')} 号窗口`;
}

export function queueTicketDocument(slip: QueueTicketSlip): PrintDocument {
  return {
    title: `排队号票 ${slip.code}`,
    blocks: [
      { kind: 'text', text: slip.hallName, align: 'center', bold: true },
      { kind: 'text', text: '排队号票', align: 'center' },
      { kind: 'rule', char: '=' },
      { kind: 'text', text: slip.code, align: 'center', size: 2, bold: true },
      ...(slip.kindLabel === null ? [] : [{ kind: 'text', text: `（${slip.kindLabel}）`, align: 'center' } as const]),
      { kind: 'rule' },
      { kind: 'field', label: '办理事项', value: slip.matterName, bold: true },
      { kind: 'field', label: '办理窗口', value: windowsText(slip.windows) },
      { kind: 'field', label: '前面等候', value: `${slip.ahead} 人` },
      { kind: 'field', label: '取号时间', value: chineseDateTime(slip.takenAt) },
      { kind: 'rule' },
      { kind: 'text', text: '请携带：', bold: true },
      ...(slip.bring.length > 0 ? slip.bring.map((name, i) => ({ kind: 'text', text: `${i + 1}. ${name}` }) as const) : [{ kind: 'text', text: '本人有效身份证件' } as const]),
      { kind: 'rule' },
      { kind: 'qr', data: ticketQrData(slip), size: 6 },
      { kind: 'text', text: '请留意叫号屏幕和语音，过号请到窗口说明', align: 'center' },
      { kind: 'feed', lines: 1 },
    ],
  };
}
