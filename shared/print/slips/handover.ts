/** 交接班单: the shift summary, marriage-registration work and expiring divorces, open work, notes and items, with both signatures. */
import { clerkRatingLine } from '../../domain/rating';
import type { Handover } from '../../api/handover';
import { maskName } from '../../domain/masking';
import { printerLine } from '../status';
import type { Block, PrintDocument } from '../document';
import { chineseDateTime, slipHeader, type SlipHall } from './common';

const KIND_TITLE: Record<Handover['kind'], string> = { handover: '交接班单', dayEnd: '日终关窗交接单', correction: '交接班更正单' };

export function handoverDocument(hall: SlipHall, h: Handover, number: string): PrintDocument {
  const s = h.summary;
  const c = s.counts;
  // one row per open item: its number and date, then what and whose on the next line
  const row = (number: string, date: string, what: string, applicant: string): Block[] => [
    { kind: 'columns', cells: [number, date], widths: [2, 1], aligns: ['left', 'right'] },
    { kind: 'text', text: `  ${what} ${maskName(applicant)}` },
  ];
  const cases = s.openCases.flatMap((oc) => row(oc.caseNo, oc.dueDate ? `${oc.overdue ? '超期 ' : ''}${oc.dueDate}` : '待定', oc.itemName, oc.applicantName));
  const awaiting = s.awaitingMaterials.flatMap((a) => row(a.slipNo, a.supplementBy ? `补齐 ${a.supplementBy}` : '待定', a.itemName, a.applicantName));
  // 婚姻登记: only on handovers signed since the summary has it
  const r = s.registry;
  const registry: Block[] = r
    ? [
        { kind: 'field', label: '婚姻登记', value: `结婚 ${r.marriages}，补领 ${r.reissues}，离婚受理 ${r.divorcesAccepted}，离婚登记 ${r.divorcesRegistered}，不予登记 ${r.refused}，撤回 ${r.withdrawn}` },
        { kind: 'text', text: `即将到期的离婚申请 ${r.expiringDivorces.length} 件${r.expiringDivorces.length > 0 ? '（请电话提醒双方到场）' : ''}`, bold: true },
        ...r.expiringDivorces.flatMap((d): Block[] => [
          { kind: 'columns', cells: [d.caseNo, `截止 ${d.certificateDeadline}`], widths: [2, 1], aligns: ['left', 'right'] },
          { kind: 'text', text: `  ${d.names.split('、').map(maskName).join('、')}` },
        ]),
      ]
    : [];
  const items: Block[] = h.items.map((i) => ({ kind: 'field', label: `  ${i.what}`, value: [i.quantity, i.note].filter(Boolean).join('，') || '—' }));
  return {
    title: `${KIND_TITLE[h.kind]} ${number}`,
    blocks: [
      ...slipHeader(hall, KIND_TITLE[h.kind], number),
      ...(h.correctsId ? [{ kind: 'text', text: '本单更正此前的交接记录，原记录不变。', bold: true } as const] : []),
      { kind: 'field', label: '交班人', value: `${h.from.name}（工号 ${h.from.staffNo}）` },
      { kind: 'field', label: '班次', value: `${chineseDateTime(s.shiftStartedAt)} 至 ${chineseDateTime(s.shiftEndedAt).replace(/^.*日 /, '')}` },
      { kind: 'rule' },
      { kind: 'text', text: '本班工作量', bold: true },
      { kind: 'columns', cells: ['接待', '告知', '引导', '受理', '办结', '结束'], widths: [1, 1, 1, 1, 1, 1], aligns: ['center', 'center', 'center', 'center', 'center', 'center'] },
      {
        kind: 'columns',
        cells: [c.received, c.notified, c.referred, c.accepted, c.completed, c.closed].map(String),
        widths: [1, 1, 1, 1, 1, 1],
        aligns: ['center', 'center', 'center', 'center', 'center', 'center'],
        bold: true,
      },
      { kind: 'field', label: '好差评', value: clerkRatingLine(s.ratings) },
      ...registry,
      { kind: 'rule' },
      { kind: 'text', text: `在办受理件 ${s.openCasesTotal} 件，其中超期 ${s.overdueTotal} 件`, bold: true },
      ...cases,
      ...(s.openCasesTotal > s.openCases.length ? [{ kind: 'text', text: `（另有 ${s.openCasesTotal - s.openCases.length} 件见台账）` } as const] : []),
      { kind: 'text', text: `已告知待补材料 ${s.awaitingTotal} 件`, bold: true },
      ...awaiting,
      { kind: 'field', label: '打印', value: `待打印 ${s.printJobs.queued} 张，失败 ${s.printJobs.failed} 张；${printerLine(s.printer)}` },
      { kind: 'rule' },
      { kind: 'field', label: '交接说明', value: h.notes || '无' },
      { kind: 'text', text: '交接物品：', bold: true },
      ...(items.length > 0 ? items : [{ kind: 'text', text: '  无' } as const]),
      { kind: 'rule' },
      { kind: 'field', label: '交班人签字', value: `${h.from.name}（${h.from.staffNo}）` },
      { kind: 'field', label: h.kind === 'handover' ? '接班人签收' : '主管签收', value: `${h.countersignedBy.name}（${h.countersignedBy.staffNo}） ${chineseDateTime(h.countersignedAt)}` },
      { kind: 'feed', lines: 2 },
    ],
  };
}
