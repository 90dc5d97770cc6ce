/**
 * ESC/POS bytes from a laid-out document (shared/print/layout.ts).
 *
 * Written by hand rather than with node-thermal-printer's builder, whose
 * string path does not switch on Chinese mode, encodes Chinese as Japanese
 * (or EUC-CN with ESC R 15), declares the QR length in characters instead of
 * bytes and measures columns in string length (DESIGN.md §6). Here:
 *   ESC @            initialise
 *   FS &             Chinese character mode (double-byte GB18030 codes, drawn full width)
 *   GS ! n           size: 0x00 normal, 0x11 double width and height
 *   ESC E n          bold on/off
 *   text + LF        GB18030; lines are pre-padded by the layout, trailing spaces dropped
 *   GS v 0           a line with characters the printer's font lacks, as a raster image
 *                    of the whole line (the caller renders it, see raster.ts)
 *   ESC a 1 / 0      centre / left, around the QR code only
 *   GS ( k           QR model 2, module size, error correction M, store (pL pH = byte length + 3), print
 *   ESC d n          feed n lines
 *   FS .             leave Chinese mode before the cut
 *   GS V 1           partial cut
 */
import type { LaidOutDocument, LaidOutLine } from '../shared/print/layout';
import { STATUS_QUERIES } from '../shared/print/status';
import { encodeGb18030, isNativeLine } from './gb18030';

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export const INITIALISE = Buffer.from([ESC, 0x40]);
export const CHINESE_MODE_ON = Buffer.from([FS, 0x26]);
export const CHINESE_MODE_OFF = Buffer.from([FS, 0x2e]);
export const PARTIAL_CUT = Buffer.from([GS, 0x56, 0x01]);
/** Lines fed before the cut, so the last printed line clears the cutter. */
export const FEED_BEFORE_CUT = 4;

/** DLE EOT n: real-time status request; the printer answers one byte. */
export function statusQuery(n: number): Buffer {
  return Buffer.from([DLE, EOT, n]);
}

/** DLE EOT 1, 2 and 4 in one write: the printer answers three bytes in that order. */
export const STATUS_REQUEST = Buffer.concat(STATUS_QUERIES.map(statusQuery));

export function sizeCommand(size: 1 | 2): Buffer {
  return Buffer.from([GS, 0x21, size === 2 ? 0x11 : 0x00]);
}

export function boldCommand(on: boolean): Buffer {
  return Buffer.from([ESC, 0x45, on ? 1 : 0]);
}

export function alignCommand(align: 'left' | 'center' | 'right'): Buffer {
  return Buffer.from([ESC, 0x61, align === 'left' ? 0 : align === 'center' ? 1 : 2]);
}

export function feedCommand(lines: number): Buffer {
  return Buffer.from([ESC, 0x64, Math.max(0, Math.min(255, Math.floor(lines)))]);
}

function qrFunction(fn: number, params: readonly number[]): Buffer {
  const length = params.length + 2; // cn (49) and fn count towards pL pH
  return Buffer.from([GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, fn, ...params]);
}

/** GS ( k: model 2, module size, error correction M, store the UTF-8 bytes (length from the bytes), print. */
export function qrCommands(data: string, moduleSize: number): Buffer {
  const payload = Buffer.from(data, 'utf8');
  const stored = payload.length + 3; // cn fn m + data
  if (stored > 7092) throw new RangeError('QR payload too long for GS ( k');
  const store = Buffer.concat([Buffer.from([GS, 0x28, 0x6b, stored & 0xff, stored >> 8, 0x31, 0x50, 0x30]), payload]);
  return Buffer.concat([
    qrFunction(0x41, [0x32, 0x00]), // model 2
    qrFunction(0x43, [Math.max(1, Math.min(16, Math.round(moduleSize)))]),
    qrFunction(0x45, [0x31]), // error correction M
    store,
    qrFunction(0x51, [0x30]), // print the stored symbol
  ]);
}

/** A 1-bit image, rows of widthBytes bytes, most significant bit leftmost, 1 = black. */
export interface RasterImage {
  widthBytes: number;
  height: number;
  bits: Buffer;
}

/** GS v 0 m xL xH yL yH d1…dk: print a raster bit image at normal density (m = 0); the paper moves on by its height. */
export function rasterCommand(image: RasterImage): Buffer {
  const header = Buffer.from([GS, 0x76, 0x30, 0x00, image.widthBytes & 0xff, image.widthBytes >> 8, image.height & 0xff, image.height >> 8]);
  return Buffer.concat([header, image.bits]);
}

/** Renders a text line that has characters outside the printer's font: its image, or its text to print instead. */
export type LineImager = (text: string, columns: number, size: 1 | 2, bold: boolean) => RasterImage | string;

interface EncodeState {
  size: 1 | 2;
  bold: boolean;
  columns: number;
  imager: LineImager | undefined;
}

function encodeLine(line: LaidOutLine, state: EncodeState, out: Buffer[]): void {
  if (line.kind === 'feed') {
    out.push(feedCommand(line.lines));
    return;
  }
  if (line.kind === 'qr') {
    out.push(alignCommand('center'), qrCommands(line.data, line.size), Buffer.from([LF]), alignCommand('left'));
    return;
  }
  if (line.size !== state.size) {
    out.push(sizeCommand(line.size));
    state.size = line.size;
  }
  if (line.bold !== state.bold) {
    out.push(boldCommand(line.bold));
    state.bold = line.bold;
  }
  if (state.imager && !isNativeLine(line.text)) {
    const image = state.imager(line.text, state.columns, line.size, line.bold);
    if (typeof image !== 'string') {
      out.push(rasterCommand(image));
      return;
    }
    out.push(encodeGb18030(image.trimEnd()), Buffer.from([LF]));
    return;
  }
  out.push(encodeGb18030(line.text.trimEnd()), Buffer.from([LF]));
}

/**
 * The job's bytes. A text line with characters outside the printer's font
 * (gb18030.ts) goes to `imager`; render.ts passes one for every document
 * that has such characters.
 */
export function encodeEscPos(doc: LaidOutDocument, imager?: LineImager): Buffer {
  const out: Buffer[] = [INITIALISE, CHINESE_MODE_ON];
  const state: EncodeState = { size: 1, bold: false, columns: doc.columns, imager };
  for (const line of doc.lines) encodeLine(line, state, out);
  if (state.size !== 1) out.push(sizeCommand(1));
  if (state.bold) out.push(boldCommand(false));
  out.push(feedCommand(FEED_BEFORE_CUT), CHINESE_MODE_OFF, PARTIAL_CUT);
  return Buffer.concat(out);
}
