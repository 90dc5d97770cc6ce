/**
 * One document, two outputs: lays the document out once for the paper and
 * produces the printer's bytes from those lines (the preview draws the same
 * lines, see preview.ts). Refuses, before anything is queued or printed, a
 * document with characters the printer cannot print.
 */
import type { PaperWidth, PrintDocument } from '../../../shared/print/document';
import { PAPER_COLUMNS } from '../../../shared/print/document';
import { LayoutError, layoutDocument, type LaidOutDocument } from '../../../shared/print/layout';
import { substituteForPrinter, unprintableMessage } from '../../../shared/print/substitute';
import { CounterError } from '../../../shared/result';
import { encodeEscPos } from './escpos';
import { unprintableCharacters } from './gb18030';

export interface RenderedJob {
  laid: LaidOutDocument;
  bytes: Buffer;
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

/** Lays out for the paper width and encodes; throws CounterError VALIDATION naming what cannot be printed. */
export function renderJob(doc: PrintDocument, paperWidth: PaperWidth): RenderedJob {
  const bad = unprintableCharacters(printedText(doc));
  if (bad.length > 0) throw new CounterError('VALIDATION', unprintableMessage(bad), { document: unprintableMessage(bad) });
  let laid: LaidOutDocument;
  try {
    laid = layoutDocument(doc, { columns: PAPER_COLUMNS[paperWidth] });
  } catch (error) {
    if (error instanceof LayoutError) throw new CounterError('VALIDATION', error.message);
    throw error;
  }
  return { laid, bytes: encodeEscPos(laid) };
}
