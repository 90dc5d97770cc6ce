/**
 * One document, two outputs: lays the document out once for the paper and
 * produces the printer's bytes from those lines (the preview draws the same
 * lines, see preview.ts).
 *
 * Characters the printer's font lacks (gb18030.ts: rare ideographs such as
 * 𪚥, anything GB18030 encodes in four bytes) are printed, not refused: the
 * lines that hold them go out as raster images drawn with a system font that
 * has them (fonts.ts, raster.ts). Only a character no font on this machine
 * has is printed as its code point ("U+2EBF0"), and the clerk is warned
 * (printWarning, shown with the job's preview).
 */
import type { PaperWidth, PrintDocument } from '../../../shared/print/document';
import { PAPER_COLUMNS } from '../../../shared/print/document';
import { LayoutError, layoutDocument, type LaidOutDocument } from '../../../shared/print/layout';
import { describeCharacter, substituteForPrinter } from '../../../shared/print/substitute';
import { printerWidth } from '../../../shared/print/text-width';
import { CounterError } from '../../../shared/result';
import { encodeEscPos, type LineImager } from '../../../escpos/escpos';
import { fontFamilyFor } from './fonts';
import { nonNativeCharacters, printsNatively } from '../../../escpos/gb18030';
import { rasterLine } from './raster';

export interface RenderedJob {
  laid: LaidOutDocument;
  bytes: Buffer;
  /** For the clerk (Chinese) when something could not be printed as typed; null when all of it was. */
  warning: string | null;
}

/** Every piece of text the document prints, after substitution (the title is not printed; QR data is bytes, not text). */
function printedText(doc: PrintDocument): string {
  const parts: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'text') parts.push(block.text);
    else if (block.kind === 'field') parts.push(block.label, block.value);
    else if (block.kind === 'columns') parts.push(...block.cells);
  }
  return substituteForPrinter(parts.join('\n'));
}

/** Variation selectors (standardised and ideographic, U+FE00–FE0F, U+E0100–E01EF) choose a glyph variant; the base character is printed. */
function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/** Whether a character outside the printer's font can be drawn into a line image: a full-width cell and a font that has it. */
function drawable(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (printerWidth(cp) !== 2 || (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) return false;
  return fontFamilyFor(ch) !== null;
}

/** The characters of `text` that are printed as their code point: outside the printer's font and drawable by no font. */
function undrawable(text: string): string[] {
  return nonNativeCharacters(text).filter((ch) => !isVariationSelector(ch.codePointAt(0) ?? 0) && !drawable(ch));
}

function codePointText(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The printer substitutions, then variation selectors dropped and the given characters replaced by their code points. */
function substituteWith(missing: ReadonlySet<string>): (text: string) => string {
  return (text) => {
    let out = '';
    for (const ch of substituteForPrinter(text)) {
      if (isVariationSelector(ch.codePointAt(0) ?? 0)) continue;
      out += missing.has(ch) ? codePointText(ch) : ch;
    }
    return out;
  };
}

function missingMessage(missing: readonly string[]): string {
  const shown = missing.slice(0, 8).map(describeCharacter).join('、');
  const more = missing.length > 8 ? ` 等 ${missing.length} 个字符` : '';
  return `本机没有能显示以下字符的字体，单据上已按编码打印：${shown}${more}。请核对单据，必要时在旁手写补正。`;
}

const IMAGE_FAILED = '含生僻字的行未能生成图像，单据上这些字已用“□”代替，请在旁手写补正。';

/** What the clerk is told about a document before or after printing it; null when everything prints as typed. */
export function printWarning(doc: PrintDocument): string | null {
  const missing = undrawable(printedText(doc));
  return missing.length > 0 ? missingMessage(missing) : null;
}

function layout(doc: PrintDocument, columns: number, substitute?: (text: string) => string): LaidOutDocument {
  try {
    return layoutDocument(doc, substitute ? { columns, substitute } : { columns });
  } catch (error) {
    if (error instanceof LayoutError) throw new CounterError('VALIDATION', error.message);
    throw error;
  }
}

/** Lays out for the paper width and encodes; throws CounterError VALIDATION for what cannot be laid out. */
export function renderJob(doc: PrintDocument, paperWidth: PaperWidth): RenderedJob {
  const columns = PAPER_COLUMNS[paperWidth];
  const text = printedText(doc);
  if (nonNativeCharacters(text).length === 0) {
    const laid = layout(doc, columns);
    return { laid, bytes: encodeEscPos(laid), warning: null };
  }
  const missing = undrawable(text);
  const laid = layout(doc, columns, substituteWith(new Set(missing)));
  let imageFailed = false;
  const imager: LineImager = (line, lineColumns, size, bold) => {
    const image = rasterLine(line, lineColumns, size, bold);
    if (image) return image;
    imageFailed = true;
    return [...line].map((ch) => (printsNatively(ch) ? ch : '□')).join('');
  };
  const bytes = encodeEscPos(laid, imager);
  const warnings = [missing.length > 0 ? missingMessage(missing) : null, imageFailed ? IMAGE_FAILED : null].filter((w) => w !== null);
  return { laid, bytes, warning: warnings.length > 0 ? warnings.join('') : null };
}
