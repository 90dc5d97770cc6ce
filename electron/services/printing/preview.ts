/**
 * The on-screen preview: the same laid-out lines the printer gets, drawn as
 * SVG on the printer's grid (12 units per column, a double-byte character
 * two columns wide, 30 units per line at size 1), and QR codes drawn from
 * the modules of the same payload (UTF-8 bytes, byte mode, error correction M).
 * A line with characters outside the printer's font is printed as an image
 * drawn from this same SVG line (raster.ts), so both show the same glyphs.
 */
import QRCode from 'qrcode';
import { DOTS_PER_COLUMN, DOTS_PER_LINE, type LaidOutDocument } from '../../../shared/print/layout';
import { printerWidth } from '../../../shared/print/text-width';
import { FEED_BEFORE_CUT } from '../../../escpos/escpos';

const MARGIN = 24;
/** Noto CJK first; then the fonts with the rare ideographs (fonts.ts), then what Windows has. */
export const PREVIEW_FONT =
  "'Noto Sans Mono CJK SC','Noto Sans CJK SC','HanaMinA','HanaMinB','BabelStone Han','Sarasa Mono SC','NSimSun','SimSun','SimSun-ExtB','SimSun-ExtG',monospace";

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Where each visible character of a laid-out line is drawn: the centre of its cell (cells start at `left`). */
export function glyphCentres(text: string, left: number, size: 1 | 2): { x: number; ch: string }[] {
  const glyphs: { x: number; ch: string }[] = [];
  let column = 0;
  for (const ch of text) {
    const width = printerWidth(ch.codePointAt(0) ?? 0);
    // centre each glyph in its cell, so a font whose Latin advance is not exactly half an em still lines up
    if (ch !== ' ' && width > 0) glyphs.push({ x: left + (column + width / 2) * DOTS_PER_COLUMN * size, ch });
    column += width;
  }
  return glyphs;
}

/** The baseline of a line whose top is at `top`. */
export function baselineOf(top: number, size: 1 | 2): number {
  return top + (DOTS_PER_LINE - 7) * size;
}

function textLine(text: string, top: number, size: 1 | 2, bold: boolean): string {
  const glyphs = glyphCentres(text, MARGIN, size);
  if (glyphs.length === 0) return '';
  const weight = bold ? ' font-weight="700"' : '';
  const stretch = size === 2 ? ` font-size="${24 * size}"` : '';
  return `<text x="${glyphs.map((g) => g.x).join(' ')}" y="${baselineOf(top, size)}"${stretch}${weight}>${escapeXml(glyphs.map((g) => g.ch).join(''))}</text>`;
}

function qrBlock(data: string, moduleSize: number, top: number, paperWidth: number): { svg: string; height: number } {
  const symbol = QRCode.create([{ data: Buffer.from(data, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const n = symbol.modules.size;
  const side = n * moduleSize;
  const left = MARGIN + Math.floor((paperWidth - side) / 2);
  const top0 = top + DOTS_PER_LINE / 2;
  let path = '';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (symbol.modules.get(row, col)) path += `M${left + col * moduleSize} ${top0 + row * moduleSize}h${moduleSize}v${moduleSize}h-${moduleSize}z`;
    }
  }
  return { svg: `<path d="${path}" fill="#000" data-qr-modules="${n}"/>`, height: side + DOTS_PER_LINE };
}

/** SVG of the slip as printed; width is the paper's printable width plus a margin. */
export function renderPreviewSvg(doc: LaidOutDocument): string {
  const paperWidth = doc.columns * DOTS_PER_COLUMN;
  const parts: string[] = [];
  let y = MARGIN;
  for (const line of doc.lines) {
    if (line.kind === 'text') {
      parts.push(textLine(line.text, y, line.size, line.bold));
      y += DOTS_PER_LINE * line.size;
    } else if (line.kind === 'qr') {
      const qr = qrBlock(line.data, line.size, y, paperWidth);
      parts.push(qr.svg);
      y += qr.height;
    } else {
      y += DOTS_PER_LINE * line.lines;
    }
  }
  y += DOTS_PER_LINE * FEED_BEFORE_CUT;
  const width = paperWidth + 2 * MARGIN;
  const height = y + MARGIN / 2;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-columns="${doc.columns}">`,
    `<title>${escapeXml(doc.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<line x1="0" y1="${height - 1}" x2="${width}" y2="${height - 1}" stroke="#999" stroke-dasharray="6 4"/>`,
    `<g font-family="${PREVIEW_FONT}" font-size="24" fill="#111" text-anchor="middle">`,
    ...parts.filter((p) => p !== ''),
    '</g>',
    '</svg>',
  ].join('\n');
}
