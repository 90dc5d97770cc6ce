/**
 * The printer test page (settings screen and `npm run print:test`): hall,
 * window, a Chinese line, a mixed Chinese/Latin table aligned in columns,
 * full-width rulers that show whether the paper width is set right, the
 * sizes, and a QR code whose content is Chinese (so its byte length differs
 * from its character count).
 */
import { hallDateTime } from '../domain/hall-time';
import type { PrintDocument, PaperWidth } from './document';
import { PAPER_COLUMNS } from './document';

export interface TestPageInfo {
  hallName: string;
  department: string;
  windowNo: string;
  /** Where the printer serves when it is not a window's, e.g. 取号机 K1 (the hall's kiosks). */
  station?: string;
  /** How the printer is described to the clerk, e.g. 网络打印机 192.168.1.20:9100. */
  printer: string;
  paperWidth: PaperWidth;
  /** ISO time of printing. */
  printedAt: string;
  /** Who asked for it, e.g. 王主任（S001）; empty from the command line. */
  requestedBy?: string;
}

/** "2026-03-02 09:00" in Beijing time (UTC+8, no daylight saving), from an ISO instant. */
export function formatBeijingTime(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : hallDateTime(iso);
}

/** What the test page's QR code holds; a phone scanning it should show exactly this. */
export function testPageQrData(info: Pick<TestPageInfo, 'hallName' | 'windowNo' | 'station' | 'printedAt'>): string {
  return `窗口工作台打印测试｜${info.hallName || '未设置大厅'}｜${info.station ?? `${info.windowNo}号窗口`}｜${formatBeijingTime(info.printedAt)}`;
}

export function buildTestPage(info: TestPageInfo): PrintDocument {
  const columns = PAPER_COLUMNS[info.paperWidth];
  const digits = Array.from({ length: columns }, (_, i) => String((i + 1) % 10)).join('');
  const hanzi = '一二三四五六七八九十'.repeat(5).slice(0, columns / 2);
  const qr = testPageQrData(info);
  return {
    title: `打印测试页 ${formatBeijingTime(info.printedAt)}`,
    blocks: [
      { kind: 'text', text: '打印测试页', align: 'center', size: 2, bold: true },
      { kind: 'text', text: info.hallName || '（未设置大厅名称）', align: 'center', bold: true },
      ...(info.department ? [{ kind: 'text' as const, text: info.department, align: 'center' as const }] : []),
      { kind: 'text', text: info.station ?? `${info.windowNo} 号窗口`, align: 'center', size: 2 },
      { kind: 'rule', char: '=' },
      { kind: 'field', label: '打印机', value: info.printer },
      { kind: 'field', label: '纸宽', value: `${info.paperWidth} 毫米（每行 ${columns} 个字母或 ${columns / 2} 个汉字）` },
      { kind: 'field', label: '打印时间', value: formatBeijingTime(info.printedAt) },
      ...(info.requestedBy ? [{ kind: 'field' as const, label: '操作人', value: info.requestedBy }] : []),
      { kind: 'rule' },
      { kind: 'text', text: '中文：政务服务一次告知、限时办结，群众办事“最多跑一次”。', bold: true },
      { kind: 'text', text: '符号：￥12.50 ¥8 €3 · ×2 ① ℃ №5 ——《婚姻登记条例》' },
      { kind: 'rule', char: '.' },
      { kind: 'columns', cells: ['事项 Item', '份数', '说明 Note'], widths: [4, 2, 5], aligns: ['left', 'right', 'left'], bold: true },
      { kind: 'columns', cells: ['结婚登记', '2', '身份证 ID card'], widths: [4, 2, 5], aligns: ['left', 'right', 'left'] },
      { kind: 'columns', cells: ['Marriage 补领', '12', '2-inch 两寸合影'], widths: [4, 2, 5], aligns: ['left', 'right', 'left'] },
      { kind: 'columns', cells: ['离婚登记', '100', '冷静期 30 日 (D0+30)'], widths: [4, 2, 5], aligns: ['left', 'right', 'left'] },
      { kind: 'rule', char: '.' },
      { kind: 'text', text: '整行刻度（应恰好占满一行）：' },
      { kind: 'text', text: digits },
      { kind: 'text', text: hanzi },
      { kind: 'text', text: '倍宽倍高 Size 2', size: 2, align: 'center' },
      { kind: 'text', text: '粗体 Bold', bold: true, align: 'center' },
      { kind: 'rule' },
      { kind: 'qr', data: qr, size: info.paperWidth === 58 ? 4 : 5 },
      { kind: 'text', text: `扫码应显示：${qr}`, align: 'center' },
      { kind: 'feed', lines: 1 },
      { kind: 'text', text: '—— 测试页结束 ——', align: 'center' },
    ],
  };
}
