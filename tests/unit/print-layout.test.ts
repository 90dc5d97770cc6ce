import { describe, expect, it } from 'vitest';
import type { Block, PrintDocument } from '../../shared/print/document';
import { PAPER_COLUMNS } from '../../shared/print/document';
import { DOTS_PER_COLUMN, LayoutError, laidOutText, layoutDocument, qrModulesFor, utf8Length, type LaidOutDocument } from '../../shared/print/layout';
import { parsePrinterUri, describePrinter } from '../../shared/print/printer-uri';
import { canPrint, interpretStatus, isStatusByte, printerStatusLine, statusTone } from '../../shared/print/status';
import { buildTestPage, formatBeijingTime, testPageQrData } from '../../shared/print/test-page';
import { textWidth } from '../../shared/print/text-width';
import { Prng } from '../support/prng';

function doc(...blocks: Block[]): PrintDocument {
  return { title: '测试', blocks };
}

/** Every text line is exactly as wide as the paper allows for its size. */
function expectExactWidths(laid: LaidOutDocument): void {
  for (const line of laid.lines) {
    if (line.kind === 'text') expect(textWidth(line.text) * line.size, JSON.stringify(line)).toBe(laid.columns);
    if (line.kind === 'qr') expect(line.size * (line.maxModules + 8)).toBeLessThanOrEqual(laid.columns * DOTS_PER_COLUMN);
  }
}

describe('layout', () => {
  it('pads text lines to the paper width, halving the columns at size 2', () => {
    const laid = layoutDocument(doc({ kind: 'text', text: '受理回执', align: 'center', size: 2, bold: true }, { kind: 'text', text: 'abc', align: 'right' }), { columns: 48 });
    expect(laid.lines).toEqual([
      { kind: 'text', text: `${' '.repeat(8)}受理回执${' '.repeat(8)}`, size: 2, bold: true },
      { kind: 'text', text: `${' '.repeat(45)}abc`, size: 1, bold: false },
    ]);
  });

  it('hangs a field value under itself', () => {
    const laid = layoutDocument(doc({ kind: 'field', label: '材料', value: '身份证原件、户口簿（不再需要）、近期二寸合影照片三张、声明书' }), { columns: 32 });
    expect(laidOutText(laid).map((l) => l.trimEnd())).toEqual(['材料：身份证原件、户口簿（不再需', '      要）、近期二寸合影照片三', '      张、声明书'] /* 张 moves down: 、 may not start a line */);
    expectExactWidths(laid);
  });

  it('aligns table cells in columns and wraps inside them', () => {
    const laid = layoutDocument(
      doc({ kind: 'columns', cells: ['结婚登记申请', '2', 'ID 110105********002X'], widths: [3, 1, 4], aligns: ['left', 'right', 'left'] }),
      { columns: 32 },
    );
    const lines = laidOutText(laid);
    expect(lines.length).toBeGreaterThan(1);
    expectExactWidths(laid);
    // the columns start at the same place on every line
    const starts = lines.map((l) => textWidth(l.slice(0, l.indexOf('2') >= 0 ? l.indexOf('2') : 0)));
    expect(starts[0]).toBeGreaterThan(0);
  });

  it('refuses what cannot fit, with a Chinese message', () => {
    expect(() => layoutDocument(doc({ kind: 'columns', cells: Array(12).fill('x'), widths: Array(12).fill(1) }), { columns: 32 })).toThrow(LayoutError);
    expect(() => layoutDocument(doc({ kind: 'columns', cells: ['a', 'b'], widths: [1] }), { columns: 32 })).toThrow(/列数/);
    expect(() => layoutDocument(doc({ kind: 'qr', data: '' }), { columns: 32 })).toThrow(/二维码/);
    expect(() => layoutDocument(doc({ kind: 'qr', data: '码'.repeat(300) }), { columns: 32 })).toThrow(/过长/);
    expect(() => layoutDocument(doc({ kind: 'qr', data: 'a\u001bb' }), { columns: 32 })).toThrow(/控制字符/);
    expect(() => layoutDocument(doc(), { columns: 7 })).toThrow(LayoutError);
  });

  it('shrinks the QR module size so the largest symbol for the data fits the paper', () => {
    expect(utf8Length('受理a')).toBe(7);
    expect(qrModulesFor(14)).toBe(21);
    expect(qrModulesFor(15)).toBe(25);
    const data = 'https://example.gov.cn/q?n=' + 'x'.repeat(500);
    for (const columns of [32, 48]) {
      const laid = layoutDocument(doc({ kind: 'qr', data, size: 8 }), { columns });
      expectExactWidths(laid);
      const qr = laid.lines[0];
      expect(qr?.kind === 'qr' && qr.size).toBeLessThan(8);
    }
  });

  it('substitutes before measuring (€ becomes three columns, ¥ the fullwidth sign)', () => {
    const laid = layoutDocument(doc({ kind: 'text', text: '€1 ¥2' }), { columns: 32 });
    expect(laidOutText(laid)[0]?.trimEnd()).toBe('EUR1 ￥2');
  });

  it('random documents on 58 and 80 mm paper: every line exactly the paper width', () => {
    const rng = new Prng(20260302);
    const words = ['结婚登记', '身份证', 'ID', '110105********002X', '，', '。', '（', '）', ' ', '一次性告知单', 'SL20260925-0003', '·', '①', 'Marriage', '¥5', '€', '\n'];
    const text = (): string => Array.from({ length: rng.int(0, 30) }, () => rng.pick(words)).join('');
    for (let round = 0; round < 150; round++) {
      const blocks: Block[] = Array.from({ length: rng.int(1, 12) }, (): Block => {
        switch (rng.int(0, 5)) {
          case 0:
            return { kind: 'text', text: text(), align: rng.pick(['left', 'center', 'right'] as const), size: rng.pick([1, 2] as const), bold: rng.chance(0.3) };
          case 1:
            return { kind: 'field', label: text().slice(0, rng.int(0, 20)), value: text() };
          case 2: {
            const n = rng.int(1, 5);
            return { kind: 'columns', cells: Array.from({ length: n }, text), widths: Array.from({ length: n }, () => rng.int(1, 6)), aligns: Array.from({ length: n }, () => rng.pick(['left', 'center', 'right'] as const)) };
          }
          case 3:
            return { kind: 'rule', char: rng.pick(['-', '=', '.'] as const) };
          case 4:
            return { kind: 'qr', data: text().replaceAll('\n', '') || 'x', size: rng.int(1, 8) };
          default:
            return { kind: 'feed', lines: rng.int(0, 3) };
        }
      });
      for (const paper of [58, 80] as const) expectExactWidths(layoutDocument(doc(...blocks), { columns: PAPER_COLUMNS[paper] }));
    }
  });
});

describe('printer addresses', () => {
  it('accepts tcp (default port 9100), device paths, COM ports and none, normalised', () => {
    expect(parsePrinterUri('tcp://192.168.1.20')).toEqual({ ok: true, target: { kind: 'tcp', host: '192.168.1.20', port: 9100 }, uri: 'tcp://192.168.1.20:9100' });
    expect(parsePrinterUri(' TCP://Printer-1.local:9101/ ')).toMatchObject({ ok: true, uri: 'tcp://printer-1.local:9101' });
    expect(parsePrinterUri('/dev/usb/lp0')).toMatchObject({ ok: true, target: { kind: 'device', path: '/dev/usb/lp0' } });
    expect(parsePrinterUri('com3')).toMatchObject({ ok: true, target: { kind: 'device', path: '\\\\.\\COM3' }, uri: 'COM3' });
    expect(parsePrinterUri('\\\\.\\COM12')).toMatchObject({ ok: true, uri: 'COM12' });
    expect(parsePrinterUri('NONE')).toMatchObject({ ok: true, uri: 'none' });
  });

  it('accepts the Windows printer ports LPT1–9 and USB001–999, normalised', () => {
    const cases: [string, string][] = [
      ['LPT1', 'LPT1'],
      ['lpt9', 'LPT9'],
      ['\\\\.\\LPT2', 'LPT2'],
      ['USB001', 'USB001'],
      ['usb002', 'USB002'],
      ['\\\\.\\USB010', 'USB010'],
    ];
    for (const [input, uri] of cases) {
      expect(parsePrinterUri(input), input).toEqual({ ok: true, target: { kind: 'device', path: `\\\\.\\${uri}` }, uri });
    }
    for (const input of ['LPT0', 'LPT10', 'USB1', 'USB0001', 'PRN']) expect(parsePrinterUri(input).ok, input).toBe(false);
  });

  it('explains in Chinese what is wrong with a bad address', () => {
    const cases: [string, RegExp][] = [
      ['', /请填写/],
      ['tcp://192.168.1.300', /IP 地址/],
      ['tcp://192.168.1', /IP 地址/],
      ['tcp://192.168.1.20:70000', /端口/],
      ['tcp://192.168.1.20:abc', /端口/],
      ['tcp://', /缺少/],
      ['tcp://[::1]:9100', /IPv6/],
      ['http://192.168.1.20', /不支持/],
      ['/dev/../etc/passwd', /设备路径/],
      ['/etc/passwd', /格式/],
      ['COM0', /串口/],
      ['打印机', /格式/],
      ['tcp://a_b:9100', /主机名/],
    ];
    for (const [input, message] of cases) {
      const parsed = parsePrinterUri(input);
      expect(parsed.ok, input).toBe(false);
      if (!parsed.ok) expect(parsed.message, input).toMatch(message);
    }
  });

  it('describes the printer for the clerk', () => {
    const parsed = parsePrinterUri('COM3');
    expect(parsed.ok && describePrinter(parsed.target)).toBe('本机打印机 COM3');
  });
});

describe('DLE EOT status', () => {
  it('reads paper out, cover open, offline, paper near end and ready', () => {
    expect(interpretStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x12 }).state).toBe('ready');
    expect(interpretStatus({ printer: 0x1a, offlineCause: 0x32, paper: 0x72 }).state).toBe('paperOut');
    expect(interpretStatus({ printer: 0x12, paper: 0x72 }).state).toBe('paperOut');
    expect(interpretStatus({ printer: 0x1a, offlineCause: 0x16, paper: 0x12 }).state).toBe('coverOpen');
    expect(interpretStatus({ printer: 0x1a, offlineCause: 0x12, paper: 0x12 }).state).toBe('offline');
    expect(interpretStatus({ printer: 0x12, offlineCause: 0x52, paper: 0x12 })).toMatchObject({ state: 'offline', message: expect.stringMatching(/出错/) });
    expect(interpretStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x1e }).state).toBe('paperNearEnd');
    expect(interpretStatus({}).state).toBe('unknown');
    expect(interpretStatus({ printer: 0xff, paper: 0x00 }).state).toBe('unknown'); // not status-shaped bytes
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x13)).toBe(false);
    expect(canPrint('paperNearEnd')).toBe(true);
    expect(canPrint('paperOut')).toBe(false);
  });

  it('gives the status bar its line and colour', () => {
    const lines: [Parameters<typeof printerStatusLine>[0], string][] = [
      [{ state: 'paperOut', queued: 2, failed: 0, unconfirmed: 0 }, '打印机：缺纸（2 张待打印）'],
      [{ state: 'ready', queued: 0, failed: 0, unconfirmed: 0 }, '打印机：就绪'],
      [{ state: 'unknown', queued: 1, failed: 0, unconfirmed: 2 }, '打印机：状态未知（1 张待打印，2 张发送未确认）'],
      [{ state: 'ready', queued: 0, failed: 1, unconfirmed: 1 }, '打印机：就绪（1 张发送未确认，1 张未打印成功）'],
    ];
    for (const [status, line] of lines) expect(printerStatusLine(status)).toBe(line);
    const tones: [Parameters<typeof statusTone>[0], string][] = [
      [{ state: 'unreachable', queued: 1, failed: 0, unconfirmed: 0 }, 'bad'],
      [{ state: 'ready', queued: 0, failed: 1, unconfirmed: 0 }, 'bad'],
      [{ state: 'ready', queued: 0, failed: 0, unconfirmed: 1 }, 'bad'],
      [{ state: 'unknown', queued: 0, failed: 0, unconfirmed: 0 }, 'warn'],
      [{ state: 'none', queued: 0, failed: 0, unconfirmed: 0 }, 'idle'],
      [{ state: 'ready', queued: 0, failed: 0, unconfirmed: 0 }, 'ok'],
    ];
    for (const [status, tone] of tones) expect(statusTone(status), JSON.stringify(status)).toBe(tone);
  });
});

describe('test page', () => {
  it('has hall, window, a Chinese line, a mixed table and a QR code, and fits both papers', () => {
    for (const paperWidth of [58, 80] as const) {
      const info = { hallName: '测试区政务服务中心', department: '民政局', windowNo: '3', printer: '网络打印机 127.0.0.1:9100', paperWidth, printedAt: '2026-03-02T01:00:00.000Z' };
      const page = buildTestPage(info);
      const laid = layoutDocument(page, { columns: PAPER_COLUMNS[paperWidth] });
      expectExactWidths(laid);
      const text = laidOutText(laid).join('\n');
      expect(text).toContain('测试区政务服务中心');
      expect(text).toContain('3 号窗口');
      expect(text).toContain('政务服务');
      expect(page.blocks.some((b) => b.kind === 'columns')).toBe(true);
      expect(laid.lines.some((l) => l.kind === 'qr' && l.data === testPageQrData(info))).toBe(true);
    }
    expect(formatBeijingTime('2026-03-01T16:30:00.000Z')).toBe('2026-03-02 00:30');
  });
});
