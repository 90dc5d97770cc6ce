/** Referral slip (首问负责): where the applicant should go, with address, phone and hours. */
import type { PrintDocument } from '../document';
import { chineseDateTime, clerkLines, slipHeader, type SlipClerk, type SlipHall } from './common';

export interface ReferralSlip {
  number: string;
  applicant: string;
  matter: string;
  issuedAt: string;
  where: string;
  address: string;
  phone: string;
  hours: string;
}

export function referralDocument(hall: SlipHall, clerk: SlipClerk, slip: ReferralSlip): PrintDocument {
  return {
    title: `引导单 ${slip.number}`,
    blocks: [
      ...slipHeader(hall, '首问负责引导单', slip.number),
      { kind: 'field', label: '申请人', value: slip.applicant },
      { kind: 'field', label: '咨询事项', value: slip.matter },
      { kind: 'field', label: '开具时间', value: chineseDateTime(slip.issuedAt) },
      { kind: 'rule' },
      { kind: 'text', text: '该事项请到以下地点办理：', bold: true },
      { kind: 'field', label: '办理地点', value: slip.where, bold: true },
      { kind: 'field', label: '地址', value: slip.address },
      { kind: 'field', label: '电话', value: slip.phone },
      { kind: 'field', label: '办公时间', value: slip.hours },
      { kind: 'rule' },
      { kind: 'text', text: '如对方不能办理或有疑问，请回到本窗口，由首问责任人继续跟进。' },
      ...clerkLines(hall, clerk),
      { kind: 'feed', lines: 2 },
    ],
  };
}
