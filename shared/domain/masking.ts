/**
 * Masking personal information for slips and screens (个人信息保护法: ID
 * numbers are sensitive personal information). Lengths are counted in
 * user-perceived characters, so 𠮷 (a surrogate pair in UTF-16) is one
 * character and never split in half.
 */

export type MaskLevel = 'standard' | 'strict';

const STAR = '*';

/** One segmenter for every call: making one costs more than segmenting a name (a tenth of a millisecond). */
const graphemes = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'grapheme' }) : null;

/** User-perceived characters (grapheme clusters where the runtime can segment them). */
export function characters(value: string): string[] {
  if (graphemes) return Array.from(graphemes.segment(value), (s) => s.segment);
  return Array.from(value);
}

function keepEnds(chars: readonly string[], head: number, tail: number): string {
  const hidden = chars.length - head - tail;
  if (hidden <= 0) return STAR.repeat(chars.length);
  return chars.slice(0, head).join('') + STAR.repeat(hidden) + chars.slice(chars.length - tail).join('');
}

const RESIDENT_ID = /^\d{17}[\dXx]$/;

/**
 * Masks a document number.
 * - 18-character resident ID: standard keeps the first 6 and last 4
 *   (110105********1234), strict keeps the first and last character.
 * - any other document (passport, permits, old 15-digit numbers): keeps the
 *   first 2 and last 2 (strict: 1 and 1), but never shows more than half of
 *   the characters; short numbers show fewer or none.
 */
export function maskIdNumber(id: string, level: MaskLevel = 'standard'): string {
  const chars = characters(id.trim());
  if (chars.length === 0) return '';
  if (chars.length === 18 && RESIDENT_ID.test(chars.join(''))) {
    return level === 'strict' ? keepEnds(chars, 1, 1) : keepEnds(chars, 6, 4);
  }
  const wanted = level === 'strict' ? 1 : 2;
  // head + tail ≤ half of the length
  const each = Math.min(wanted, Math.floor(chars.length / 4));
  return keepEnds(chars, each, each);
}

const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;
/** Separators inside a name that are kept as they are: spaces, the middle dots of transliterated names, hyphens. */
const SEPARATOR = /^[\s·•・‧.-]$/u;

function maskWord(chars: readonly string[]): string {
  const [first, ...rest] = chars;
  return first === undefined ? '' : first + STAR.repeat(rest.length);
}

/**
 * Masks a person's name for the public display and slips.
 * Chinese: '张三' → '张*', '张三丰' → '张*丰', '欧阳娜娜' → '欧**娜', one
 * character → '*'. Names written in letters: each word keeps its first
 * letter ('John Smith' → 'J*** S****'). Separators stay in place.
 */
export function maskName(name: string): string {
  const chars = characters(name.trim().replace(/\s+/gu, ' '));
  if (chars.length === 0) return '';
  const positions = chars.map((c, i) => ({ c, i })).filter(({ c }) => !SEPARATOR.test(c));
  // a one-character name would be shown whole by any rule below
  if (positions.length <= 1) return chars.map((c) => (SEPARATOR.test(c) ? c : STAR)).join('');
  const hasHan = chars.some((c) => HAN.test(c));
  if (!hasHan && chars.some((c) => LETTER.test(c))) {
    const out: string[] = [];
    let word: string[] = [];
    for (const c of chars) {
      if (SEPARATOR.test(c)) {
        out.push(maskWord(word), c);
        word = [];
      } else {
        word.push(c);
      }
    }
    out.push(maskWord(word));
    return out.join('');
  }
  const firstIndex = positions[0]?.i ?? 0;
  const lastIndex = positions.length >= 3 ? (positions[positions.length - 1]?.i ?? -1) : -1;
  return chars.map((c, i) => (i === firstIndex || i === lastIndex || SEPARATOR.test(c) ? c : STAR)).join('');
}
