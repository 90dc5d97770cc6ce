/**
 * Lays a PrintDocument out on the paper's character grid. The result is the
 * one thing both outputs are made from: the ESC/POS encoder and the SVG
 * preview draw exactly these lines, so the preview is what the paper shows.
 *
 * Guarantee: every text line is padded to exactly the paper's width in
 * printer columns (half of it for size 2), so no line can run past the
 * paper; a QR code's module size is chosen so that its largest possible
 * version still fits.
 */
import type { Align, Block, PrintDocument } from './document';
import { substituteForPrinter } from './substitute';
import { padToWidth, printerWidth, textWidth, wrapText, type WidthOf } from './text-width';

/** Dots per column of font A (12 × 24): 48 columns × 12 = 576 dots on 80 mm, 32 × 12 = 384 on 58 mm. */
export const DOTS_PER_COLUMN = 12;
/** Dots per text line at the default line spacing (ESC 2): a 24-dot glyph and 6 dots of space. */
export const DOTS_PER_LINE = 30;

export interface TextLine {
  kind: 'text';
  /** Exactly columns / size printer columns wide (padded with spaces). */
  text: string;
  size: 1 | 2;
  bold: boolean;
}

export interface QrLine {
  kind: 'qr';
  data: string;
  /** Module size in dots, chosen so that the code fits the paper. */
  size: number;
  /** The most modules per side the printer may use for this data (error correction M, byte mode). */
  maxModules: number;
}

export interface FeedLine {
  kind: 'feed';
  lines: number;
}

export type LaidOutLine = TextLine | QrLine | FeedLine;

export interface LaidOutDocument {
  title: string;
  columns: number;
  lines: LaidOutLine[];
}

export interface LayoutOptions {
  /** Printer columns: 48 on 80 mm paper, 32 on 58 mm. */
  columns: number;
  /** Applied to all text before it is measured; defaults to the printer substitutions (¥ → ￥, € → EUR, …). */
  substitute?: (text: string) => string;
  /** Width per code point; defaults to the printer's (ASCII 1, everything else 2). */
  widthOf?: WidthOf;
}

/** A document that cannot be laid out (the message is for the clerk). */
export class LayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayoutError';
  }
}

/** Bytes per QR version 1–40 at error correction level M in byte mode (ISO/IEC 18004 table 7). */
const QR_BYTE_CAPACITY_M = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059, 1125, 1190, 1264,
  1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
];
/** Longest QR payload a slip may carry; far below the symbol's limit so that codes stay easy to scan. */
export const QR_MAX_BYTES = 600;
const QR_DEFAULT_MODULE = 6;
/** Quiet zone the printer leaves around the symbol, in modules (both sides together). */
const QR_QUIET_MODULES = 8;

/** UTF-8 byte length, without TextEncoder (shared/ runs where neither DOM nor Node typings exist). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Modules per side of the smallest QR version (EC level M, byte mode) that holds `bytes`; null when none does. */
export function qrModulesFor(bytes: number): number | null {
  const version = QR_BYTE_CAPACITY_M.findIndex((capacity) => capacity >= bytes);
  return version < 0 ? null : 17 + 4 * (version + 1);
}

class Layout {
  readonly lines: LaidOutLine[] = [];
  private readonly substitute: (text: string) => string;
  private readonly widthOf: WidthOf;

  constructor(readonly columns: number, options: LayoutOptions) {
    this.substitute = options.substitute ?? substituteForPrinter;
    this.widthOf = options.widthOf ?? printerWidth;
  }

  private width(text: string): number {
    return textWidth(text, this.widthOf);
  }

  private text(line: string, width: number, align: Align, size: 1 | 2, bold: boolean): void {
    const padded = padToWidth(line, width, align, this.widthOf);
    if (this.width(padded) !== width) throw new LayoutError('排版出错：有一行超出纸宽，本次未打印。'); // unreachable: wrap guarantees it
    this.lines.push({ kind: 'text', text: padded, size, bold });
  }

  private wrap(text: string, width: number): string[] {
    return wrapText(text, width, this.widthOf);
  }

  add(block: Block): void {
    switch (block.kind) {
      case 'text': {
        const size = block.size === 2 ? 2 : 1;
        const width = Math.floor(this.columns / size);
        for (const line of this.wrap(this.substitute(block.text), width)) {
          this.text(line, width, block.align ?? 'left', size, block.bold ?? false);
        }
        return;
      }
      case 'field':
        this.field(this.substitute(block.label), this.substitute(block.value), block.bold ?? false);
        return;
      case 'columns':
        this.row(block);
        return;
      case 'rule':
        this.text((block.char ?? '-').repeat(this.columns), this.columns, 'left', 1, false);
        return;
      case 'qr':
        this.qr(block.data, block.size);
        return;
      case 'feed': {
        const lines = Math.max(0, Math.min(10, Math.floor(Number.isFinite(block.lines) ? block.lines : 0)));
        if (lines > 0) this.lines.push({ kind: 'feed', lines });
        return;
      }
    }
  }

  /** "label：value", the value wrapped under itself; a long label puts the value on the lines below. */
  private field(rawLabel: string, value: string, bold: boolean): void {
    const label = /[：:]$/.test(rawLabel) || rawLabel === '' ? rawLabel : `${rawLabel}：`;
    const labelWidth = this.width(label);
    const indent = labelWidth <= Math.floor(this.columns / 2) ? labelWidth : 4;
    const valueWidth = this.columns - indent;
    const valueLines = this.wrap(value, valueWidth);
    if (indent === labelWidth) {
      valueLines.forEach((line, i) => this.text((i === 0 ? label : ' '.repeat(indent)) + line, this.columns, 'left', 1, bold));
      return;
    }
    for (const line of this.wrap(label, this.columns)) this.text(line, this.columns, 'left', 1, bold);
    for (const line of valueLines) this.text(' '.repeat(indent) + line, this.columns, 'left', 1, bold);
  }

  /** Column widths from relative weights: one space between columns, each at least 2 (one Chinese character). */
  private columnWidths(weights: readonly number[]): number[] {
    const n = weights.length;
    const content = this.columns - (n - 1);
    if (n === 0 || content < 2 * n) throw new LayoutError(`表格有 ${n} 列，${this.columns} 列宽的纸放不下，本次未打印。`);
    const safe = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
    const total = safe.reduce((a, b) => a + b, 0);
    const extra = content - 2 * n;
    const exact = safe.map((w) => (w / total) * extra);
    const widths = exact.map((x) => 2 + Math.floor(x));
    let left = content - widths.reduce((a, b) => a + b, 0);
    const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
    for (const { i } of order) {
      if (left <= 0) break;
      widths[i] = (widths[i] ?? 0) + 1;
      left--;
    }
    return widths;
  }

  private row(block: Extract<Block, { kind: 'columns' }>): void {
    if (block.cells.length !== block.widths.length) throw new LayoutError('表格的列数与列宽数不一致，本次未打印。');
    const widths = this.columnWidths(block.widths);
    const cells = block.cells.map((cell, i) => this.wrap(this.substitute(cell), widths[i] ?? 2));
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let r = 0; r < height; r++) {
      const parts = cells.map((c, i) => padToWidth(c[r] ?? '', widths[i] ?? 2, block.aligns?.[i] ?? 'left', this.widthOf));
      this.text(parts.join(' '), this.columns, 'left', 1, block.bold ?? false);
    }
  }

  private qr(data: string, requested: number | undefined): void {
    const bytes = utf8Length(data);
    if (bytes === 0) throw new LayoutError('二维码内容为空，本次未打印。');
    const bad = [...data].some((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return cp < 0x20 || cp === 0x7f || (cp >= 0xd800 && cp <= 0xdfff);
    });
    if (bad) throw new LayoutError('二维码内容含有控制字符或无效字符，本次未打印。');
    const modules = bytes <= QR_MAX_BYTES ? qrModulesFor(bytes) : null;
    if (modules === null) throw new LayoutError(`二维码内容过长（${bytes} 字节，最多 ${QR_MAX_BYTES} 字节），本次未打印。`);
    const paperDots = this.columns * DOTS_PER_COLUMN;
    const fits = Math.floor(paperDots / (modules + QR_QUIET_MODULES));
    const wanted = requested !== undefined && Number.isFinite(requested) ? Math.round(requested) : QR_DEFAULT_MODULE;
    const size = Math.max(1, Math.min(8, wanted, fits));
    if (size * (modules + QR_QUIET_MODULES) > paperDots) throw new LayoutError('二维码太大，纸宽放不下，本次未打印。');
    this.lines.push({ kind: 'qr', data, size, maxModules: modules });
  }
}

/** Lays the document out for a paper of `columns` printer columns. Throws LayoutError for what cannot be printed. */
export function layoutDocument(doc: PrintDocument, options: LayoutOptions): LaidOutDocument {
  const columns = Math.floor(options.columns);
  if (!(columns >= 16 && columns <= 96)) throw new LayoutError(`纸宽 ${options.columns} 列不正确，本次未打印。`);
  const layout = new Layout(columns, options);
  for (const block of doc.blocks) layout.add(block);
  return { title: doc.title, columns, lines: layout.lines };
}

/** All printed text of a laid-out document, one string per line (trailing spaces kept), for checks and searching. */
export function laidOutText(doc: LaidOutDocument): string[] {
  return doc.lines.flatMap((line) => (line.kind === 'text' ? [line.text] : line.kind === 'qr' ? [`[QR ${line.data}]`] : Array<string>(line.lines).fill('')));
}
