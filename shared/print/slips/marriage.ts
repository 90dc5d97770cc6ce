/**
 * Slips of marriage and divorce registration (DESIGN §5): the completion
 * slip after 结婚登记 / 离婚登记 / 补领, the 不予登记告知书 stating the reasons,
 * the divorce acceptance receipt with both end dates, and the withdrawal
 * slip. Names and document numbers are masked; the office keeps the full
 * record, the applicant keeps the slip.
 */
import { PENDING_DATE_CALL } from '../../domain/call-promise';
import type { Block, PrintDocument } from '../document';
import { chineseDate, chineseDateTime, clerkLines, signatureLines, slipHeader, type SlipClerk, type SlipHall } from './common';

/** A party as printed: role (男方/女方/申请人), masked name, document type and masked number. */
export interface SlipParty {
  role: string;
  name: string;
  document: string;
}

function partyLines(parties: readonly SlipParty[]): Block[] {
  return parties.map((p) => ({ kind: 'field', label: p.role, value: `${p.name}（${p.document}）` }));
}

function signature(parties: readonly SlipParty[]): Block[] {
  return [
    { kind: 'feed', lines: 1 },
    ...parties.flatMap((p) => signatureLines(`${p.role}签收`)),
    { kind: 'feed', lines: 2 },
  ];
}

export interface CompletionSlip {
  caseNo: string;
  /** 结婚登记, 离婚登记 or 补领结婚证 / 补领离婚证. */
  matter: string;
  /** 结婚证, 离婚证 (what was issued). */
  certificateName: string;
  parties: SlipParty[];
  registeredAt: string;
  certificateNo: string;
  registrar: string;
  office: string;
}

export function completionDocument(hall: SlipHall, clerk: SlipClerk, slip: CompletionSlip): PrintDocument {
  return {
    title: `${slip.matter}办结单 ${slip.caseNo}`,
    blocks: [
      ...slipHeader(hall, `${slip.matter}办结单`, slip.caseNo),
      ...partyLines(slip.parties),
      { kind: 'field', label: '登记日期', value: chineseDateTime(slip.registeredAt) },
      { kind: 'field', label: '登记机关', value: slip.office },
      { kind: 'field', label: '登记员', value: slip.registrar },
      { kind: 'rule' },
      { kind: 'field', label: `${slip.certificateName}字号`, value: slip.certificateNo, bold: true },
      { kind: 'text', text: `已当场办结并发给${slip.certificateName}，请当面核对证件内容，妥善保管。` },
      { kind: 'qr', data: slip.caseNo, size: 5 },
      ...clerkLines(hall, clerk),
      ...signature(slip.parties),
    ],
  };
}

export interface RefusalSlip {
  caseNo: string;
  matter: string;
  parties: SlipParty[];
  decidedAt: string;
  /** Each reason with its legal basis, as printed. */
  reasons: string[];
  note: string;
  office: string;
}

/** 不予登记告知书: the reasons in writing, and how to seek a remedy. */
export function refusalDocument(hall: SlipHall, clerk: SlipClerk, slip: RefusalSlip): PrintDocument {
  return {
    title: `不予登记告知书 ${slip.caseNo}`,
    blocks: [
      ...slipHeader(hall, '不予登记告知书', slip.caseNo),
      ...partyLines(slip.parties),
      { kind: 'field', label: '申请事项', value: slip.matter },
      { kind: 'field', label: '告知时间', value: chineseDateTime(slip.decidedAt) },
      { kind: 'rule' },
      { kind: 'text', text: '经审查，您的申请不符合登记条件，本机关决定不予登记。理由如下：', bold: true },
      ...slip.reasons.map((reason, i): Block => ({ kind: 'text', text: `${i + 1}. ${reason}` })),
      ...(slip.note ? [{ kind: 'field', label: '说明', value: slip.note } as const] : []),
      { kind: 'rule' },
      {
        kind: 'text',
        text: '如对本决定不服，可自收到本告知书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。条件具备后可重新申请登记。',
      },
      { kind: 'field', label: '登记机关', value: slip.office },
      ...clerkLines(hall, clerk),
      ...signature(slip.parties),
    ],
  };
}

export interface DivorceReceiptSlip {
  caseNo: string;
  parties: SlipParty[];
  receivedAt: string;
  /** 'YYYY-MM-DD', or null while 待定. */
  coolingOffEnd: string | null;
  certificateDeadline: string | null;
  office: string;
}


/** 离婚登记申请受理回执: the cooling-off end and the certificate deadline, both printed (民法典 art. 1077). */
export function divorceReceiptDocument(hall: SlipHall, clerk: SlipClerk, slip: DivorceReceiptSlip): PrintDocument {
  return {
    title: `离婚登记申请受理回执 ${slip.caseNo}`,
    blocks: [
      ...slipHeader(hall, '离婚登记申请受理回执', slip.caseNo),
      ...partyLines(slip.parties),
      { kind: 'field', label: '受理时间', value: chineseDateTime(slip.receivedAt) },
      { kind: 'field', label: '登记机关', value: slip.office },
      { kind: 'rule' },
      { kind: 'field', label: '冷静期届满', value: slip.coolingOffEnd ? chineseDate(slip.coolingOffEnd) : PENDING_DATE_CALL, bold: true },
      { kind: 'text', text: '冷静期内任何一方不愿意离婚的，可持本回执和身份证件到登记机关撤回申请。' },
      {
        kind: 'field',
        label: '申领离婚证截止',
        value: slip.certificateDeadline ? chineseDate(slip.certificateDeadline) : PENDING_DATE_CALL,
        bold: true,
      },
      {
        kind: 'text',
        text: '冷静期届满后至上述截止日期（含当日）内，双方须持本回执、身份证件亲自到登记机关申请发给离婚证；逾期未申请的，视为撤回离婚登记申请。',
      },
      { kind: 'qr', data: slip.caseNo, size: 5 },
      ...clerkLines(hall, clerk),
      ...signature(slip.parties),
    ],
  };
}

export interface WithdrawalSlip {
  caseNo: string;
  parties: SlipParty[];
  /** The party who withdrew, as printed (男方 张*三). */
  withdrawnBy: string;
  withdrawnAt: string;
  receivedAt: string;
  office: string;
}

/** 撤回离婚登记申请确认单: one party withdrew during the cooling-off period; the application ends. */
export function withdrawalDocument(hall: SlipHall, clerk: SlipClerk, slip: WithdrawalSlip): PrintDocument {
  return {
    title: `撤回离婚登记申请确认单 ${slip.caseNo}`,
    blocks: [
      ...slipHeader(hall, '撤回离婚登记申请确认单', slip.caseNo),
      ...partyLines(slip.parties),
      { kind: 'field', label: '原受理时间', value: chineseDateTime(slip.receivedAt) },
      { kind: 'field', label: '撤回人', value: slip.withdrawnBy, bold: true },
      { kind: 'field', label: '撤回时间', value: chineseDateTime(slip.withdrawnAt) },
      { kind: 'rule' },
      { kind: 'text', text: '离婚冷静期内一方撤回离婚登记申请，本次离婚登记程序终止。双方如仍要离婚，须重新申请。' },
      { kind: 'field', label: '登记机关', value: slip.office },
      ...clerkLines(hall, clerk),
      { kind: 'feed', lines: 1 },
      ...signatureLines('撤回人签名'),
      { kind: 'feed', lines: 2 },
    ],
  };
}
