/**
 * Receipt bytes generation time: a 受理回执 laid out for the paper, checked
 * for characters outside the printer's font and encoded to ESC/POS (what
 * enqueue does for every slip), and the SVG preview made from the same lines.
 *
 * `tsx bench/printing.ts` prints the figures; bench/run.ts may call printingBench().
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { PaperWidth, PrintDocument } from '../shared/print/document';
import { renderPreviewSvg } from '../electron/services/printing/preview';
import { renderJob } from '../electron/services/printing/render';
import { percentile } from './measure';

const RUNS = 2000;

/** A receipt of the size the counter prints: header, fields, a materials table, commitments and the QR code. */
export const BENCH_RECEIPT: PrintDocument = {
  title: '受理回执 SL20260925-0003',
  blocks: [
    { kind: 'text', text: '示范区政务服务中心', align: 'center', bold: true },
    { kind: 'text', text: '受理回执', align: 'center', size: 2, bold: true },
    { kind: 'rule', char: '=' },
    { kind: 'field', label: '编号', value: 'SL20260925-0003' },
    { kind: 'field', label: '申请人', value: '张*三（110105********002X）' },
    { kind: 'field', label: '事项', value: '离婚登记（民法典第一千零七十六条至第一千零七十八条，婚姻登记条例第十三条）' },
    { kind: 'field', label: '受理时间', value: '2026-09-25 10:42' },
    { kind: 'rule' },
    { kind: 'columns', cells: ['已收材料', '份数', '说明'], widths: [5, 1, 4], aligns: ['left', 'right', 'left'], bold: true },
    { kind: 'columns', cells: ['居民身份证', '2', '原件，核后退还'], widths: [5, 1, 4], aligns: ['left', 'right', 'left'] },
    { kind: 'columns', cells: ['结婚证', '2', '原件'], widths: [5, 1, 4], aligns: ['left', 'right', 'left'] },
    { kind: 'columns', cells: ['离婚协议书 Agreement', '3', '双方签名'], widths: [5, 1, 4], aligns: ['left', 'right', 'left'] },
    { kind: 'rule' },
    { kind: 'field', label: '冷静期至', value: '2026-10-26（期间任何一方可撤回申请）' },
    { kind: 'field', label: '领证期限', value: '2026-11-25 前双方共同到场，逾期视为撤回' },
    { kind: 'field', label: '经办人', value: '李晓梅（C001） 电话 010-87654321' },
    { kind: 'text', text: '服务承诺：首问负责、一次告知、限时办结，群众办事“最多跑一次”。监督电话 12345。' },
    { kind: 'qr', data: 'SL20260925-0003|受理回执|示范区政务服务中心' },
    { kind: 'feed', lines: 1 },
  ],
};

function time(fn: () => void): number[] {
  for (let i = 0; i < 200; i++) fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

const ms = (x: number): string => `${x.toFixed(3)} ms`;

/** Printable lines with the figures. */
export async function printingBench(): Promise<string[]> {
  const lines: string[] = [`Printing: receipt (${BENCH_RECEIPT.blocks.length} blocks) → ESC/POS bytes and SVG preview, ${RUNS} runs each`];
  for (const width of [80, 58] as const satisfies readonly PaperWidth[]) {
    const { bytes, laid } = renderJob(BENCH_RECEIPT, width);
    const render = time(() => renderJob(BENCH_RECEIPT, width));
    const preview = time(() => renderPreviewSvg(laid));
    lines.push(
      `  ${width} mm: bytes (layout + GB18030 check + encode, ${bytes.length} B, ${laid.lines.length} lines) p50 ${ms(percentile(render, 50))}, p95 ${ms(percentile(render, 95))}; ` +
        `SVG preview p50 ${ms(percentile(preview, 50))}, p95 ${ms(percentile(preview, 95))}`,
    );
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await printingBench()) console.log(line);
}
