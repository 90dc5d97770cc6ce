/**
 * The audit log in Chinese (shared/audit/sentences.ts): every labelled action
 * has a sentence builder, and each detail field shown the way a supervisor
 * reads it, never as a key or JSON.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS } from '../../shared/audit/labels';
import { AUDIT_SENTENCES, auditSentence } from '../../shared/audit/sentences';

/** What must never reach the supervisor: a camelCase key, JSON punctuation, true/false. */
const RAW = /[{}"]|\b[a-z]+[A-Z][A-Za-z]*\b|\btrue\b|\bfalse\b/;

const CASES: readonly [action: string, detail: unknown, sentence: string][] = [
  ['settings.update', { before: { idleLockMinutes: 1 }, after: { idleLockMinutes: 5 } }, '修改系统设置：无操作锁屏时间 1 分钟 → 5 分钟'],
  ['settings.update', { before: { allowLan: false, hallName: '甲' }, after: { allowLan: true, hallName: '乙' } }, '修改系统设置：局域网访问 不允许 → 允许；大厅名称 甲 → 乙'],
  ['settings.update', { before: { marriagePhotosRequired: true } }, '修改系统设置：登记需交合影照片（原为 需要）'],
  [
    'settings.update',
    { before: { appointmentPeakDays: [{ kind: 'solar', month: 5, day: 20, name: '5·20' }] }, after: { appointmentPeakDays: [{ kind: 'solar', month: 5, day: 20, name: '5·20' }, { kind: 'solar', month: 10, day: 1, name: '' }] } },
    '修改系统设置：预约高峰日 5·20 → 5·20、10月1日',
  ],
  ['ledger.export.fullValues', { exportId: 'x', category: 'contacts', filter: { category: 'contacts' }, format: 'csv' }, '申请导出接待台账（含完整证件号码）：CSV 格式'],
  [
    'ledger.export',
    { exportId: 'x', category: 'contacts', filter: { category: 'contacts', from: '2026-09-01', status: 'closed' }, format: 'xlsx', fullValues: true, file: '接待台账.xlsx', rows: 12, bytes: 2048 },
    '导出接待台账（含完整证件号码）（自 2026-09-01，状态 已结束）：12 条，XLSX 格式，2.0 KB，文件 接待台账.xlsx',
  ],
  ['ledger.export', { category: 'printJobs', filter: { category: 'printJobs' }, format: 'csv', fullValues: false, rows: 3 }, '导出打印记录台账：3 条，CSV 格式'],
  ['auth.loginFailed', { staffNo: '1001', failedPins: 2 }, '登录失败，工号 1001，已连续输错 2 次'],
  ['staff.resetPin', { unlocked: true }, '重置 PIN，并解除账号锁定'],
  ['window.resume', { because: 'logout' }, '恢复服务（因退出登录自动结束暂离）'],
  ['printer.configure', { before: { printer: 'none', paperWidth: 80 } }, '设置打印机（原为未接打印机，纸宽 80 毫米）'],
  ['print.enqueue', { kind: 'receipt', title: '结婚登记办结单' }, '打印“结婚登记办结单”'],
  ['print.reprint', { reprintOf: 'id', reason: '卡纸', title: '引导单' }, '重新打印“引导单”，原因：卡纸'],
  ['print.failed', { reason: '打印机缺纸' }, '打印失败：打印机缺纸'],
  ['print.sending', {}, '发送到打印机'],
  ['print.relayout', { from: 80, to: 58 }, '重新排版：纸宽 80 毫米 → 58 毫米'],
  ['intake.accept', { supervisorForOwner: '1002' }, '受理（主管代为办理，首问人工号 1002）'],
  ['intake.resume', { slipNo: 'GZ20260901-3-001' }, '凭一次性告知单 GZ20260901-3-001 补齐材料续办'],
  ['handover.handover', { number: 'JJ001' }, '交接班签收，交接单编号 JJ001'],
  ['stats.export', { filter: { from: '2026-09-01', to: '2026-09-30', groupBy: 'staff' }, format: 'csv', rows: 4 }, '导出统计（自 2026-09-01，至 2026-09-30，统计方式 按工作人员）：4 行，CSV 格式'],
  ['marriage.find', { found: 1 }, '按证件号码查询婚姻登记，找到 1 条'],
  ['marriage.register', { nationalCheck: { checkedBy: 'x' } }, '结婚登记（已在全国婚姻登记信息系统联网核查双方）'],
  ['appointments.checkIn', { code: 'A12', by: 'documentNumber', contactId: 'c', wasNoShow: true }, '预约签到，预约码 A12，凭证件号码，此前已标记未到'],
  ['appointments.importRefused', { fileName: 'a.csv', problem: '文件是空的' }, '预约文件“a.csv”未导入：文件是空的'],
  ['retention.purge', { olderThanDays: 180, cutoff: '2026-03-01T00:00:00Z', removed: 3, bytes: 10, failed: [] }, '清理 180 天前的扫描件和打印文件（2026-03-01 以前）：删除 3 个文件，10 字节'],
  ['rating.submit', { by: 'applicant', caller: 'display' }, '申请人在评价器上评价'],
  ['queue.callNext', { code: 'A001', status: 'called', matter: 'MAR-REG' }, '叫号，号码 A001'],
  ['queue.callNext', { nobodyWaiting: true }, '叫号，当前没有人排队'],
];

describe('audit sentences', () => {
  it.each(CASES)('%s %j', (action, detail, sentence) => {
    expect(auditSentence(action, JSON.stringify(detail))).toBe(sentence);
  });

  it.each(Object.keys(AUDIT_ACTION_LABELS))('%s has a sentence builder', (action) => {
    expect(AUDIT_SENTENCES[action], `no sentence for ${action}`).toBeTypeOf('function');
  });

  it.each(Object.keys(AUDIT_ACTION_LABELS))('%s reads as Chinese with an empty detail', (action) => {
    const sentence = auditSentence(action, '{}');
    expect(sentence).toMatch(/[\u4e00-\u9fff]/);
    expect(sentence).not.toMatch(RAW);
  });

  it.each(CASES)('%s shows no raw key or JSON', (action, detail) => {
    expect(auditSentence(action, JSON.stringify(detail))).not.toMatch(RAW);
  });

  it('keeps an unknown action and an unreadable detail readable', () => {
    expect(auditSentence('auth.login', 'not json')).toBe('登录');
    expect(auditSentence('something.new', '{}')).toBe('something.new');
  });
});
