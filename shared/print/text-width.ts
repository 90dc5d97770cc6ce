/**
 * Display width of text, per character, and wrapping by width.
 *
 * Two measures:
 * - displayWidth: the Unicode one (East Asian Wide/Fullwidth = 2, combining
 *   and zero-width = 0, everything else 1), for screens and terminals.
 * - printerWidth: what an ESC/POS printer in Chinese mode (FS &) really
 *   prints. Every byte below 0x80 is a half-width (12-dot) ASCII glyph; every
 *   other character goes out as a double-byte GB18030 code, and the printer
 *   draws every double-byte code full width (24 dots) — including the ones
 *   Unicode calls "ambiguous" or narrow: · ° × é ü Ω а ─ ①. Measuring those
 *   as 1 would push the line past the paper, so slips are laid out with this one.
 */

export type WidthOf = (codePoint: number) => number;

/** Code points that take no column: combining marks, zero-width and format characters, variation selectors. */
export function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x0483 && cp <= 0x0489) ||
    (cp >= 0x0591 && cp <= 0x05bd) ||
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x064b && cp <= 0x065f) ||
    (cp >= 0x0e31 && cp <= 0x0e3a && cp !== 0x0e32 && cp !== 0x0e33) ||
    (cp >= 0x0e47 && cp <= 0x0e4e) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0x302a && cp <= 0x302d) ||
    (cp >= 0x3099 && cp <= 0x309a) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    cp === 0xfeff ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

/** Ranges of East Asian Wide (W) and Fullwidth (F) characters (Unicode 15, EastAsianWidth.txt, merged). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f2ff],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f900, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  let lo = 0;
  let hi = WIDE_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = WIDE_RANGES[mid];
    if (!range) return false;
    if (cp < range[0]) hi = mid - 1;
    else if (cp > range[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

/** Unicode display width: East Asian Wide/Fullwidth = 2, combining/zero-width/control = 0, otherwise 1. */
export const displayWidth: WidthOf = (cp) => {
  if (isControl(cp) || isZeroWidth(cp)) return 0;
  return isWide(cp) ? 2 : 1;
};

/** Columns on an ESC/POS printer in Chinese mode: ASCII = 1, every double-byte GB18030 character = 2. */
export const printerWidth: WidthOf = (cp) => {
  if (isControl(cp) || isZeroWidth(cp)) return 0;
  return cp < 0x80 ? 1 : 2;
};

export function textWidth(text: string, widthOf: WidthOf = printerWidth): number {
  let width = 0;
  for (const ch of text) width += widthOf(ch.codePointAt(0) ?? 0);
  return width;
}

function charWidth(ch: string, widthOf: WidthOf): number {
  return widthOf(ch.codePointAt(0) ?? 0);
}

/** Pads (never cuts) text to exactly `width` columns; text wider than that is returned unchanged. */
export function padToWidth(text: string, width: number, align: 'left' | 'center' | 'right' = 'left', widthOf: WidthOf = printerWidth): string {
  const gap = width - textWidth(text, widthOf);
  if (gap <= 0) return text;
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') {
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + text + ' '.repeat(gap - left);
  }
  return text + ' '.repeat(gap);
}

/** Cuts text to at most `width` columns (a double-width character that would straddle the edge is left out). */
export function truncateToWidth(text: string, width: number, widthOf: WidthOf = printerWidth): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch, widthOf);
    if (used + w > width) break;
    out += ch;
    used += w;
  }
  return out;
}

/** Characters that may not begin a line (Chinese line-breaking rules, 避头点). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—～%,.;:?!)]}>·'.split('')]);
/** Characters that may not end a line (避尾点). */
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{<'.split('')]);

/** Pieces that wrap as a unit: a run of ASCII word characters, a run of spaces, or one other character. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9_\-./:@#%+&=*$'"]+| +|[\s\S]/gu) ?? [];
}

/**
 * Wraps one paragraph (no newlines) to lines of at most `width` columns.
 * Latin words and numbers are kept whole when they fit on a line; Chinese
 * wraps between any two characters, except that closing punctuation is not
 * left at the start of a line nor opening punctuation at its end.
 * Continuation lines do not start with the spaces the break fell on.
 */
export function wrapParagraph(text: string, width: number, widthOf: WidthOf = printerWidth): string[] {
  if (width < 2) throw new RangeError('wrap width must be at least 2 columns');
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;

  const push = (ch: string): void => {
    line.push(ch);
    used += charWidth(ch, widthOf);
  };

  /** Ends the line; an opening bracket at its end moves down with what follows it, when that still fits. */
  const flush = (next: number): void => {
    const carry: string[] = [];
    let carried = 0;
    while (line.length > 1 && NO_LINE_END.has(line[line.length - 1] ?? '')) {
      const ch = line[line.length - 1] ?? '';
      if (carried + charWidth(ch, widthOf) + next > width) break;
      carry.unshift(ch);
      carried += charWidth(ch, widthOf);
      line.pop();
    }
    lines.push(line.join('').trimEnd());
    line = carry;
    used = carried;
  };

  const place = (ch: string): void => {
    const w = charWidth(ch, widthOf);
    if (used + w <= width) {
      push(ch);
      return;
    }
    const last = line[line.length - 1] ?? '';
    const lastWidth = charWidth(last, widthOf);
    if (NO_LINE_START.has(ch) && line.length > 1 && !NO_LINE_START.has(last) && last !== ' ' && lastWidth + w <= width) {
      // pull the last character down with the punctuation mark, so the new line does not begin with it
      line.pop();
      used -= lastWidth;
      flush(lastWidth + w);
      push(last);
      push(ch);
      return;
    }
    flush(w);
    if (ch !== ' ') push(ch);
  };

  for (const token of tokens(text)) {
    const w = textWidth(token, widthOf);
    if (token.startsWith(' ')) {
      if (used === 0 && lines.length > 0) continue; // no leading spaces on a continuation line
      if (used + w > width) {
        flush(0);
        continue;
      }
      for (const ch of token) push(ch);
      continue;
    }
    if (token.length > 1 && used + w > width && w <= width && used > 0) flush(w);
    for (const ch of token) place(ch);
  }
  if (line.length > 0 || lines.length === 0) lines.push(line.join('').trimEnd());
  return lines;
}

/** Wraps text with newlines: each paragraph separately; an empty paragraph is an empty line. */
export function wrapText(text: string, width: number, widthOf: WidthOf = printerWidth): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, width, widthOf));
}
