/**
 * Reads ESC/POS bytes back, the way a printer would: commands, text lines
 * (decoded from GB18030 with iconv-lite) with the size and bold in force,
 * QR store commands with their declared length, and GS v 0 raster images.
 * Tests assert on this, not on the encoder's own idea of what it wrote.
 */
import iconv from 'iconv-lite';

export interface ReadLine {
  text: string;
  size: number;
  bold: boolean;
  align: number;
  chineseMode: boolean;
}

export interface ReadQr {
  model: number | null;
  moduleSize: number | null;
  errorCorrection: number | null;
  /** pL + 256·pH − 3 from the store command. */
  declaredLength: number;
  /** The bytes that followed, decoded as UTF-8. */
  data: string;
  dataBytes: number;
  printed: boolean;
}

/** A GS v 0 raster bit image: rows of widthBytes bytes, most significant bit leftmost, 1 = black. */
export interface ReadRaster {
  mode: number;
  widthBytes: number;
  height: number;
  bits: Buffer;
  /** Bytes the header announced but the stream did not have. */
  missing: number;
}

export type ReadItem =
  | { kind: 'init' }
  | { kind: 'chineseOn' }
  | { kind: 'chineseOff' }
  | { kind: 'size'; n: number }
  | { kind: 'bold'; on: boolean }
  | { kind: 'align'; n: number }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; mode: number }
  | { kind: 'status'; n: number }
  | { kind: 'line'; line: ReadLine }
  | { kind: 'qr'; qr: ReadQr }
  | { kind: 'raster'; raster: ReadRaster }
  | { kind: 'unknown'; byte: number; at: number };

export interface ReadJob {
  items: ReadItem[];
  lines: ReadLine[];
  qrs: ReadQr[];
  rasters: ReadRaster[];
}

export function readEscPos(bytes: Uint8Array): ReadItem[] {
  const items: ReadItem[] = [];
  let text: number[] = [];
  let size = 0;
  let bold = false;
  let align = 0;
  let chinese = false;
  let qr: Partial<ReadQr> = {};
  const b = (i: number): number => bytes[i] ?? -1;
  const flushText = (): void => {
    items.push({ kind: 'line', line: { text: iconv.decode(Buffer.from(text), 'gb18030'), size, bold, align, chineseMode: chinese } });
    text = [];
  };
  let i = 0;
  while (i < bytes.length) {
    const c = b(i);
    if (c === 0x1b && b(i + 1) === 0x40) {
      items.push({ kind: 'init' });
      size = 0;
      bold = false;
      align = 0;
      chinese = false;
      i += 2;
    } else if (c === 0x1c && b(i + 1) === 0x26) {
      chinese = true;
      items.push({ kind: 'chineseOn' });
      i += 2;
    } else if (c === 0x1c && b(i + 1) === 0x2e) {
      chinese = false;
      items.push({ kind: 'chineseOff' });
      i += 2;
    } else if (c === 0x1d && b(i + 1) === 0x21) {
      size = b(i + 2);
      items.push({ kind: 'size', n: size });
      i += 3;
    } else if (c === 0x1b && b(i + 1) === 0x45) {
      bold = (b(i + 2) & 1) === 1;
      items.push({ kind: 'bold', on: bold });
      i += 3;
    } else if (c === 0x1b && b(i + 1) === 0x61) {
      align = b(i + 2);
      items.push({ kind: 'align', n: align });
      i += 3;
    } else if (c === 0x1b && b(i + 1) === 0x64) {
      items.push({ kind: 'feed', lines: b(i + 2) });
      i += 3;
    } else if (c === 0x1d && b(i + 1) === 0x56) {
      const m = b(i + 2);
      items.push({ kind: 'cut', mode: m });
      i += m >= 65 ? 4 : 3;
    } else if (c === 0x10 && b(i + 1) === 0x04) {
      items.push({ kind: 'status', n: b(i + 2) });
      i += 3;
    } else if (c === 0x1d && b(i + 1) === 0x28 && b(i + 2) === 0x6b) {
      const length = b(i + 3) + 256 * b(i + 4);
      const fn = b(i + 6);
      const params = bytes.subarray(i + 7, i + 5 + length);
      if (fn === 0x41) qr.model = params[0] ?? null;
      else if (fn === 0x43) qr.moduleSize = params[0] ?? null;
      else if (fn === 0x45) qr.errorCorrection = params[0] ?? null;
      else if (fn === 0x50) {
        const data = Buffer.from(params.subarray(1));
        qr.declaredLength = length - 3;
        qr.data = data.toString('utf8');
        qr.dataBytes = data.length;
      } else if (fn === 0x51) {
        items.push({
          kind: 'qr',
          qr: {
            model: qr.model ?? null,
            moduleSize: qr.moduleSize ?? null,
            errorCorrection: qr.errorCorrection ?? null,
            declaredLength: qr.declaredLength ?? -1,
            data: qr.data ?? '',
            dataBytes: qr.dataBytes ?? 0,
            printed: true,
          },
        });
        qr = {};
      }
      i += 5 + length;
    } else if (c === 0x1d && b(i + 1) === 0x76 && b(i + 2) === 0x30) {
      const widthBytes = b(i + 4) + 256 * b(i + 5);
      const height = b(i + 6) + 256 * b(i + 7);
      const start = i + 8;
      const bits = Buffer.from(bytes.subarray(start, start + widthBytes * height));
      items.push({ kind: 'raster', raster: { mode: b(i + 3), widthBytes, height, bits, missing: widthBytes * height - bits.length } });
      i = start + widthBytes * height;
    } else if (c === 0x0a) {
      flushText();
      i += 1;
    } else if (c >= 0x20 && c < 0x7f) {
      text.push(c);
      i += 1;
    } else if (c >= 0x81 && c <= 0xfe && chinese) {
      // a double-byte code (or a four-byte one: second byte 0x30–0x39), taken whole so its trail byte is not read as a command
      const four = b(i + 1) >= 0x30 && b(i + 1) <= 0x39;
      const n = four ? 4 : 2;
      for (let k = 0; k < n; k++) text.push(b(i + k));
      i += n;
    } else {
      items.push({ kind: 'unknown', byte: c, at: i });
      i += 1;
    }
  }
  if (text.length > 0) flushText();
  return items;
}

/** Splits a byte stream into jobs (each begins with ESC @) and collects their lines and QR codes. */
export function readJobs(bytes: Uint8Array): ReadJob[] {
  const jobs: ReadJob[] = [];
  let current: ReadJob | null = null;
  for (const item of readEscPos(bytes)) {
    if (item.kind === 'init') {
      current = { items: [], lines: [], qrs: [], rasters: [] };
      jobs.push(current);
    }
    if (!current) continue;
    current.items.push(item);
    if (item.kind === 'line') current.lines.push(item.line);
    if (item.kind === 'qr') current.qrs.push(item.qr);
    if (item.kind === 'raster') current.rasters.push(item.raster);
  }
  return jobs;
}

/** Printer columns of a decoded line as printed: ASCII 1, other characters 2, times the width factor of GS !. */
export function printedColumns(line: ReadLine): number {
  let columns = 0;
  for (const ch of line.text) columns += (ch.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
  const widthFactor = ((line.size >> 4) & 0x07) + 1;
  return columns * widthFactor;
}

/** Black dots of a raster image. */
export function blackDots(raster: ReadRaster): number {
  let n = 0;
  for (const byte of raster.bits) for (let bit = byte; bit !== 0; bit &= bit - 1) n++;
  return n;
}

/** Whether the dot at (x, y) is black. */
export function dotAt(raster: ReadRaster, x: number, y: number): boolean {
  return (((raster.bits[y * raster.widthBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1) === 1;
}

/**
 * A raster image as ASCII art, '#' for a cell with at least `ink` black dots
 * of its `cell`×`cell` square, so a 576-dot line fits a terminal; only the
 * columns up to the last inked one.
 */
export function rasterArt(raster: ReadRaster, cell = 2, ink = 1): string[] {
  const width = raster.widthBytes * 8;
  const rows: string[] = [];
  for (let y = 0; y < raster.height; y += cell) {
    let row = '';
    for (let x = 0; x < width; x += cell) {
      let dots = 0;
      for (let dy = 0; dy < cell && y + dy < raster.height; dy++) for (let dx = 0; dx < cell; dx++) if (dotAt(raster, x + dx, y + dy)) dots++;
      row += dots >= ink ? '#' : ' ';
    }
    rows.push(row.trimEnd());
  }
  while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
  while (rows.length > 0 && rows[0] === '') rows.shift();
  return rows;
}

/** The job as the paper shows it: text lines, QR codes as [QR data], raster images as ASCII art. */
export function slipText(job: ReadJob, cell = 2): string[] {
  const out: string[] = [];
  for (const item of job.items) {
    if (item.kind === 'line') out.push(item.line.text);
    else if (item.kind === 'qr') out.push(`[QR ${item.qr.data}]`);
    else if (item.kind === 'raster') out.push(...rasterArt(item.raster, cell).map((row) => `|${row}`));
  }
  return out;
}
