/** 受理回执: the case number (also as QR), the promised completion date, how to collect (DESIGN §5). */
import { pendingDateText } from '../../domain/call-promise';
import type { PrintDocument } from '../document';
import { chineseDate, chineseDateTime, clerkLines, slipHeader, type SlipClerk, type SlipHall } from './common';

export interface ReceiptSlip {
  number: string;
  applicant: string;
  matter: string;
  received: string[];
  acceptedAt: string;
  /** "当场办结" or "20 个工作日". */
  timeLimit: string;
  /** 'YYYY-MM-DD', or null: 待定 (the calendar does not cover that year yet). */
  dueDate: string | null;
  /** The applicant's phone as taken ('' when none): a 待定 date promises a call only when there is one. */
  applicantPhone: string;
  resultPickup: string;
  commitments: string;
}

export function receiptDocument(hall: SlipHall, clerk: SlipClerk, slip: ReceiptSlip): PrintDocument {
  return {
    title: `受理回执 ${slip.number}`,
    blocks: [
      ...slipHeader(hall, '受理回执', slip.number),
      { kind: 'field', label: '申请人', value: slip.applicant },
      { kind: 'field', label: '办理事项', value: slip.matter },
      { kind: 'field', label: '受理时间', value: chineseDateTime(slip.acceptedAt) },
      { kind: 'field', label: '已收材料', value: slip.received.join('、') },
      { kind: 'rule' },
      { kind: 'field', label: '办理时限', value: slip.timeLimit, bold: true },
      {
        kind: 'field',
        label: '承诺办结',
        value: slip.dueDate ? chineseDate(slip.dueDate) : pendingDateText([slip.applicantPhone]),
        bold: true,
      },
      { kind: 'field', label: '领取方式', value: slip.resultPickup },
      { kind: 'rule' },
      { kind: 'qr', data: slip.number, size: 6 },
      { kind: 'text', text: '凭本回执查询进度、领取结果，请妥善保管', align: 'center' },
      ...clerkLines(hall, clerk),
      { kind: 'rule', char: '.' },
      { kind: 'text', text: `服务承诺：${slip.commitments}` },
      { kind: 'feed', lines: 2 },
    ],
  };
}
