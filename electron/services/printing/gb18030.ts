/**
 * GB18030 for the printer in Chinese mode (FS &). The printer prints ASCII
 * and double-byte codes; a character GB18030 can only encode in four bytes
 * (emoji, CJK Extension A/B such as 𠮷, combining marks, ¥ before
 * substitution) has no glyph in printer fonts, so it is refused up front,
 * never printed as garbage. Private-use characters (user-defined GB areas)
 * and lone surrogates are refused too.
 */
import iconv from 'iconv-lite';

const printable = new Map<string, boolean>();

function isPrintableChar(ch: string): boolean {
  const cached = printable.get(ch);
  if (cached !== undefined) return cached;
  const cp = ch.codePointAt(0) ?? 0;
  let ok: boolean;
  if (cp < 0x80) ok = cp >= 0x20 && cp !== 0x7f;
  else if ((cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0xe000 && cp <= 0xf8ff) || cp > 0xffff) ok = false;
  else ok = iconv.encode(ch, 'gb18030').length === 2;
  if (printable.size < 20_000) printable.set(ch, ok);
  return ok;
}

/** Distinct characters of `text` (after substitution) that the printer cannot print; newlines are allowed. */
export function unprintableCharacters(text: string): string[] {
  const bad = new Set<string>();
  for (const ch of text) if (ch !== '\n' && !isPrintableChar(ch)) bad.add(ch);
  return [...bad];
}

/** Encodes printable text (see unprintableCharacters) as GB18030. */
export function encodeGb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

export function decodeGb18030(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'gb18030');
}
