/** 一次性告知单: every missing or non-conforming item, once and in writing (DESIGN §5). */
import type { Block, PrintDocument } from '../document';
import { chineseDate, chineseDateTime, clerkLines, signatureLines, slipHeader, type SlipClerk, type SlipHall } from './common';

export interface MissingItem {
  name: string;
  standard: string;
  obtainFrom: string;
  /** Set when the applicant brought it but it does not meet the standard. */
  problem?: string;
}

export interface NotificationSlip {
  number: string;
  applicant: string;
  matter: string;
  legalBasis: string;
  receivedAt: string;
  received: string[];
  missing: MissingItem[];
  /** 'YYYY-MM-DD', or null when the calendar does not cover it yet (待定). */
  supplementBy: string | null;
}

export const NOTIFICATION_CONSEQUENCE = '逾期未补齐的，视为未提交申请，所交材料可取回；补齐后可重新申请。';

export function notificationDocument(hall: SlipHall, clerk: SlipClerk, slip: NotificationSlip): PrintDocument {
  const missing: Block[] = slip.missing.flatMap((item, i) => [
    { kind: 'text', text: `${i + 1}. ${item.name}${item.problem ? `（不符合：${item.problem}）` : ''}`, bold: true },
    { kind: 'field', label: '  要求', value: item.standard },
    { kind: 'field', label: '  办理/获取', value: item.obtainFrom },
  ]);
  return {
    title: `一次性告知单 ${slip.number}`,
    blocks: [
      ...slipHeader(hall, '一次性告知单', slip.number),
      { kind: 'field', label: '申请人', value: slip.applicant },
      { kind: 'field', label: '办理事项', value: slip.matter },
      { kind: 'field', label: '法律依据', value: slip.legalBasis },
      { kind: 'field', label: '接收时间', value: chineseDateTime(slip.receivedAt) },
      { kind: 'field', label: '已收材料', value: slip.received.length > 0 ? slip.received.join('、') : '无' },
      { kind: 'rule' },
      { kind: 'text', text: `您还需补齐以下 ${slip.missing.length} 项材料：`, bold: true },
      ...missing,
      { kind: 'rule' },
      { kind: 'field', label: '补齐期限', value: slip.supplementBy ? `${chineseDate(slip.supplementBy)}前` : '待定（节假日安排未公布，请来电确认）' },
      { kind: 'field', label: '逾期后果', value: NOTIFICATION_CONSEQUENCE },
      { kind: 'text', text: '材料补齐后，凭本告知单到任一窗口继续办理，无需重新排队，也无需再次说明情况。' },
      { kind: 'qr', data: slip.number, size: 5 },
      ...clerkLines(hall, clerk),
      { kind: 'feed', lines: 1 },
      ...signatureLines('申请人签收'),
      { kind: 'feed', lines: 2 },
    ],
  };
}
