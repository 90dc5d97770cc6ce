import { describe, expect, it } from 'vitest';
import { PAPER_COLUMNS, type PrintDocument } from '../../shared/print/document';
import { buildTestPage, testPageQrData } from '../../shared/print/test-page';
import { encodeEscPos, qrCommands, STATUS_REQUEST } from '../../escpos/escpos';
import { nonNativeCharacters } from '../../escpos/gb18030';
import { renderPreviewSvg } from '../../electron/services/printing/preview';
import { renderJob } from '../../electron/services/printing/render';
import { blackDots, dotAt, printedColumns, readEscPos, readJobs, type ReadRaster } from '../support/escpos-reader';

const INFO = {
  hallName: '测试区政务服务中心',
  department: '测试区民政局',
  windowNo: '3',
  printer: '网络打印机 127.0.0.1:9100',
  printedAt: '2026-03-02T01:00:00.000Z',
} as const;

describe('ESC/POS bytes', () => {
  it('the test page: ESC @, FS &, GB18030 text within the paper, GS ! sizes, QR with its byte length, FS . before the cut', () => {
    for (const paperWidth of [58, 80] as const) {
      const { bytes } = renderJob(buildTestPage({ ...INFO, paperWidth }), paperWidth);
      const items = readEscPos(bytes);
      expect(items.filter((i) => i.kind === 'unknown')).toEqual([]);
      expect(items.slice(0, 2).map((i) => i.kind)).toEqual(['init', 'chineseOn']);
      expect(items.slice(-3).map((i) => i.kind)).toEqual(['feed', 'chineseOff', 'cut']);
      const [job] = readJobs(bytes);
      if (!job) throw new Error('no job');
      for (const line of job.lines) {
        expect(line.chineseMode).toBe(true);
        expect(printedColumns(line), line.text).toBeLessThanOrEqual(PAPER_COLUMNS[paperWidth]);
      }
      const text = job.lines.map((l) => l.text).join('\n');
      expect(text).toContain('测试区政务服务中心');
      expect(text).toContain('3 号窗口');
      expect(text).toContain('中文：政务服务一次告知');
      expect(text).toContain('￥12.50 ￥8 EUR3'); // ¥ → ￥, € → EUR
      expect(text).not.toContain('¥');
      // the full-width rulers print exactly one paper width
      expect(job.lines.some((l) => printedColumns(l) === PAPER_COLUMNS[paperWidth] && /^1234567890/.test(l.text))).toBe(true);
      expect(job.lines.some((l) => printedColumns(l) === PAPER_COLUMNS[paperWidth] && l.text.startsWith('一二三四五'))).toBe(true);
      // size 2 and bold reach the printer
      expect(job.lines.find((l) => l.text.includes('打印测试页'))).toMatchObject({ size: 0x11, bold: true });
      expect(job.lines.find((l) => l.text.includes('粗体'))).toMatchObject({ size: 0, bold: true });
      // the mixed table: the count column is right-aligned to the same column on each row
      const rows = job.lines.filter((l) => /^(结婚登记|Marriage|离婚登记)/.test(l.text));
      const ends = rows.map((l) => {
        const match = /^(.*?\S)\s+(\d+)\s/.exec(l.text);
        return match ? printedColumns({ ...l, text: l.text.slice(0, (match.index ?? 0) + match[0].length - 1) }) : -1;
      });
      expect(new Set(ends).size).toBe(1);
      expect(job.qrs).toHaveLength(1);
      const qr = job.qrs[0];
      expect(qr).toMatchObject({ model: 0x32, errorCorrection: 0x31, data: testPageQrData(INFO) });
      expect(qr?.declaredLength).toBe(Buffer.byteLength(testPageQrData(INFO), 'utf8'));
      expect(qr?.declaredLength).toBeGreaterThan(testPageQrData(INFO).length); // Chinese: bytes, not characters
    }
  });

  it('declares the QR length as pL pH = bytes + 3, also above 255 bytes', () => {
    const data = '受理编号'.repeat(30); // 360 bytes
    const bytes = qrCommands(data, 4);
    const store = bytes.indexOf(Buffer.from([0x1d, 0x28, 0x6b]), 9 + 8 + 8);
    expect(bytes[store + 3]! + 256 * bytes[store + 4]!).toBe(363);
    expect(bytes.subarray(store + 8, store + 8 + 360).toString('utf8')).toBe(data);
  });

  it('sends DLE EOT 1, 2 and 4 as the status request', () => {
    expect([...STATUS_REQUEST]).toEqual([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);
  });

  it('never lets control characters of the text through as printer commands', () => {
    const doc: PrintDocument = { title: 't', blocks: [{ kind: 'text', text: '张三\u001bi\u001dV\u0000' }] };
    const bytes = renderJob(doc, 80).bytes;
    const items = readEscPos(bytes);
    expect(items.filter((i) => i.kind === 'cut')).toHaveLength(1);
    expect(items.filter((i) => i.kind === 'unknown')).toEqual([]);
  });

  it("knows which characters the printer's own font prints: printable ASCII and two-byte GB18030 codes", () => {
    expect(nonNativeCharacters('张三 ￥12 中文·①')).toEqual([]);
    expect(nonNativeCharacters('吉𪚥😀㐀\u2022\ue000e\u0301')).toEqual(['𪚥', '😀', '㐀', '\u2022', '\ue000', '\u0301']);
  });

  it('prints a line with a character outside GBK as a GS v 0 image of the whole line, the rest as text', () => {
    const doc: PrintDocument = {
      title: '受理回执',
      blocks: [
        { kind: 'text', text: '受理回执', align: 'center', size: 2, bold: true },
        { kind: 'field', label: '申请人', value: '𪚥明' },
        { kind: 'field', label: '事项', value: '婚姻登记记录证明' },
      ],
    };
    for (const paperWidth of [58, 80] as const) {
      const rendered = renderJob(doc, paperWidth);
      expect(rendered.warning).toBeNull();
      const [job] = readJobs(rendered.bytes);
      expect(job?.items.filter((i) => i.kind === 'unknown')).toEqual([]);
      expect(job?.lines.map((l) => l.text.trim())).toEqual(['受理回执', '事项：婚姻登记记录证明']);
      expect(job?.lines.some((l) => l.text.includes('?'))).toBe(false);
      expect(job?.rasters).toHaveLength(1);
      const raster = job?.rasters[0];
      if (!raster) throw new Error('no raster');
      // the paper's printable width (columns × 12 dots) and the pitch of a text line
      expect(raster).toMatchObject({ mode: 0, widthBytes: (PAPER_COLUMNS[paperWidth] * 12) / 8, height: 30, missing: 0 });
      // "申请人：" is 8 columns, so 𪚥 is drawn in dots 96–119 and 明 in 120–143; nothing after them
      const inked = (from: number, to: number): number => {
        let n = 0;
        for (let y = 0; y < raster.height; y++) for (let x = from; x < to; x++) if (dotAt(raster, x, y)) n++;
        return n;
      };
      expect(inked(0, 96)).toBeGreaterThan(100);
      expect(inked(96, 120)).toBeGreaterThan(100); // 𪚥 is four 龍 (64 strokes): dense
      expect(inked(120, 144)).toBeGreaterThan(50);
      expect(inked(144, raster.widthBytes * 8)).toBe(0);
      expect(blackDots(raster)).toBe(inked(0, 144));
    }
  });

  it('draws the rare character itself, not a blank or a placeholder box', () => {
    const image = (value: string) => {
      const [job] = readJobs(renderJob({ title: 't', blocks: [{ kind: 'field', label: '申请人', value }] }, 80).bytes);
      const raster = job?.rasters[0];
      if (!raster) throw new Error('no raster');
      return raster;
    };
    const rare = image('𪚥明');
    const other = image('𠮷明'); // another rare character: another picture in the same cell
    const cell = (r: ReadRaster) => {
      const rows: string[] = [];
      for (let y = 0; y < r.height; y++) {
        let row = '';
        for (let x = 96; x < 120; x++) row += dotAt(r, x, y) ? '#' : '.';
        rows.push(row);
      }
      return rows.join('\n');
    };
    expect(cell(rare)).not.toBe(cell(other));
    // a placeholder box (tofu) is an outline: its middle rows would be ink at the edges only
    const middle = cell(rare).split('\n').slice(6, 20);
    expect(middle.filter((row) => /^\.*#\.+#\.*$/.test(row))).not.toHaveLength(middle.length);
    expect(blackDots(rare)).toBeGreaterThan(300);
  });

  it('a double-size line with a rare character is an image twice as high', () => {
    const [job] = readJobs(renderJob({ title: 't', blocks: [{ kind: 'text', text: '𪚥明 先生', size: 2 }] }, 80).bytes);
    expect(job?.rasters.map((r) => [r.widthBytes, r.height])).toEqual([[72, 60]]);
  });

  it('prints a character no font on this machine has as its code point, and warns', () => {
    // U+2EBF0 (CJK Extension I, Unicode 15.1) is in none of the fonts the project installs
    const rendered = renderJob({ title: 't', blocks: [{ kind: 'field', label: '申请人', value: '\u{2EBF0}明' }] }, 80);
    const [job] = readJobs(rendered.bytes);
    expect(job?.rasters).toEqual([]);
    expect(job?.lines[0]?.text.trim()).toBe('申请人：U+2EBF0明');
    expect(rendered.warning).toContain('\u{2EBF0}（U+2EBF0）');
    expect(rendered.warning).toMatch(/按编码打印/);
  });

  it('encodes exactly the laid-out lines (trailing padding dropped)', () => {
    const { laid, bytes } = renderJob({ title: 't', blocks: [{ kind: 'text', text: '右对齐', align: 'right' }] }, 58);
    const [job] = readJobs(bytes);
    expect(job?.lines.map((l) => l.text)).toEqual(laid.lines.flatMap((l) => (l.kind === 'text' ? [l.text.trimEnd()] : [])));
    expect(encodeEscPos(laid).equals(bytes)).toBe(true);
  });
});

describe('preview', () => {
  it('draws the same lines on the printer grid, CJK two columns wide, and the QR modules', () => {
    const { laid } = renderJob(buildTestPage({ ...INFO, paperWidth: 80 }), 80);
    const svg = renderPreviewSvg(laid);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="624"')).toBe(true); // 48 × 12 + margins
    expect(svg).toContain('测试区政务服务中心');
    expect(svg).toMatch(/data-qr-modules="\d+"/);
    // the full line of 24 hanzi: glyph centres 24 units apart
    const hanzi = /<text x="([\d. ]+)"[^>]*>一二三四五六七八九十一二三四五六七八九十一二三四<\/text>/.exec(svg);
    const xs = hanzi?.[1]?.split(' ').map(Number) ?? [];
    expect(xs).toHaveLength(24);
    expect(xs[1]! - xs[0]!).toBe(24);
    expect(xs[23]).toBe(24 + 47 * 12);
    expect(svg).not.toMatch(/<script/i);
    const hostile = renderPreviewSvg(renderJob({ title: '<b>&', blocks: [{ kind: 'text', text: '<script>alert(1)</script>&' }] }, 58).laid);
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&lt;script&gt;');
  });
});
