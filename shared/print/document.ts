/**
 * A receipt or slip, described once. The printer bytes (ESC/POS) and the
 * on-screen preview are both produced from the same laid-out lines, so what
 * the clerk previews is what comes out of the printer.
 */

export type PaperWidth = 58 | 80;

/** Columns of the font-A grid: CJK characters take two. */
export const PAPER_COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };

export type Align = 'left' | 'center' | 'right';

export type Block =
  /** A paragraph, wrapped to the paper; size 2 is double width and height (GS ! 0x11). */
  | { kind: 'text'; text: string; align?: Align; size?: 1 | 2; bold?: boolean }
  /** "label：value" with the value wrapped under itself (hanging indent). */
  | { kind: 'field'; label: string; value: string; bold?: boolean }
  /** A table row: widths are relative weights, cells wrap inside their column. */
  | { kind: 'columns'; cells: string[]; widths: number[]; aligns?: Align[]; bold?: boolean }
  /** A full-width line of one character. */
  | { kind: 'rule'; char?: '-' | '=' | '.' }
  /** A QR code (model 2, error correction M), centred; size is the module size in dots (1–8). */
  | { kind: 'qr'; data: string; size?: number }
  /** Blank lines. */
  | { kind: 'feed'; lines: number };

export interface PrintDocument {
  /** Shown in the print queue, e.g. "受理回执 SL20260925-0003". */
  title: string;
  blocks: Block[];
}

/** A document read back from storage, checked for its outline (this program wrote it from a typed PrintDocument); null when it is not one. */
export function storedDocument(value: unknown): PrintDocument | null {
  if (typeof value !== 'object' || value === null) return null;
  const { title, blocks } = value as { title?: unknown; blocks?: unknown };
  const isBlock = (b: unknown): b is Block => typeof b === 'object' && b !== null && typeof (b as { kind?: unknown }).kind === 'string';
  return typeof title === 'string' && Array.isArray(blocks) && blocks.every(isBlock) ? { title, blocks } : null;
}
