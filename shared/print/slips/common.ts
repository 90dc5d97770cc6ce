/** Pieces every slip shares: the hall header, the clerk line, the footer with the phones. */
import { hallParts, hallTime } from '../../domain/hall-time';
import type { Block } from '../document';

export interface SlipHall {
  hallName: string;
  department: string;
  windowNo: string;
  officePhone: string;
  supervisionPhone: string;
}

export interface SlipClerk {
  name: string;
  staffNo: string;
}

export function slipHeader(hall: SlipHall, title: string, number: string): Block[] {
  return [
    { kind: 'text', text: hall.hallName, align: 'center', bold: true },
    { kind: 'text', text: title, align: 'center', size: 2, bold: true },
    { kind: 'text', text: `编号：${number}`, align: 'center' },
    { kind: 'rule', char: '=' },
  ];
}

export function clerkLines(hall: SlipHall, clerk: SlipClerk): Block[] {
  return [
    { kind: 'field', label: '经办人', value: `${clerk.name}（工号 ${clerk.staffNo}，${hall.windowNo} 号窗口）` },
    ...(hall.officePhone ? [{ kind: 'field', label: '咨询电话', value: hall.officePhone } as const] : []),
    { kind: 'field', label: '监督电话', value: hall.supervisionPhone },
  ];
}

export { chineseDate } from '../../domain/plain-date';

/** Where a person signs: the signature and the date on lines of their own, so both fit 58 mm paper (32 columns). */
export function signatureLines(label: string): Block[] {
  return [
    { kind: 'text', text: `${label}：______________` },
    { kind: 'text', text: '日期：______________' },
  ];
}

/** An instant in the hall's zone (UTC+8, no daylight saving) → "2026年9月25日 10:05". */
export function chineseDateTime(iso: string): string {
  const { year, month, day } = hallParts(iso);
  return `${year}年${month}月${day}日 ${hallTime(iso)}`;
}
