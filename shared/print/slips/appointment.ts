/** 预约凭条: the appointment code (also as QR), date and slot, matter, masked parties, what to bring. */
import type { PrintDocument } from '../document';
import { chineseDate, clerkLines, slipHeader, type SlipClerk, type SlipHall } from './common';

export interface AppointmentSlip {
  code: string;
  date: string;
  slotStart: string;
  slotEnd: string;
  matter: string;
  /** Masked name and masked document number of each party, e.g. "张*丰（110105********002X）". */
  parties: string[];
  /** The matter's required materials. */
  bring: string[];
  /** '已签到' and the time, or '待签到'. */
  status: string;
}

export function appointmentDocument(hall: SlipHall, clerk: SlipClerk, slip: AppointmentSlip): PrintDocument {
  return {
    title: `预约凭条 ${slip.code}`,
    blocks: [
      ...slipHeader(hall, '预约凭条', slip.code),
      { kind: 'field', label: '预约日期', value: chineseDate(slip.date), bold: true },
      { kind: 'field', label: '预约时段', value: `${slip.slotStart}-${slip.slotEnd}`, bold: true },
      { kind: 'field', label: '办理事项', value: slip.matter },
      ...slip.parties.map((party, i) => ({ kind: 'field', label: i === 0 ? '申请人' : '另一方', value: party }) as const),
      { kind: 'field', label: '办理窗口', value: `${hall.windowNo} 号窗口` },
      { kind: 'field', label: '状态', value: slip.status },
      { kind: 'rule' },
      { kind: 'text', text: '请携带：', bold: true },
      ...(slip.bring.length > 0
        ? slip.bring.map((name, i) => ({ kind: 'text', text: `${i + 1}. ${name}` }) as const)
        : [{ kind: 'text', text: '本人有效身份证件' } as const]),
      { kind: 'rule' },
      { kind: 'qr', data: slip.code, size: 6 },
      { kind: 'text', text: '请在预约时段内到窗口出示本凭条或身份证件签到', align: 'center' },
      ...clerkLines(hall, clerk),
      { kind: 'feed', lines: 2 },
    ],
  };
}
