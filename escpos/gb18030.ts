/**
 * GB18030 for the printer in Chinese mode (FS &), and which characters the
 * printer's own font prints.
 *
 * The rule: a character prints from the printer's built-in font when it is
 * printable ASCII (U+0020–U+007E) or GB18030 encodes it in two bytes (the GBK
 * double-byte area, lead byte 81–FE, trail byte 40–FE) outside the
 * user-defined areas (private-use characters). Chinese thermal printers ship
 * a GB18030 24×24 font with those codes. Everything else — what GB18030 can
 * only encode in four bytes (CJK Extensions A–H such as 𪚥 U+2A6A5, most
 * compatibility ideographs, emoji, combining marks), private-use characters
 * and lone surrogates — has no glyph there: a line that contains such a
 * character is printed as a raster image drawn with a font that has it
 * (raster.ts, fonts.ts), never sent as codes the printer would print as "?".
 */
import iconv from 'iconv-lite';

const native = new Map<string, boolean>();

/** True when the printer's built-in font prints `ch` (one character; see the rule above). */
export function printsNatively(ch: string): boolean {
  const cached = native.get(ch);
  if (cached !== undefined) return cached;
  const cp = ch.codePointAt(0) ?? 0;
  let ok: boolean;
  if (cp < 0x80) ok = cp >= 0x20 && cp !== 0x7f;
  else if ((cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0xe000 && cp <= 0xf8ff) || cp > 0xffff) ok = false;
  else ok = iconv.encode(ch, 'gb18030').length === 2;
  if (native.size < 20_000) native.set(ch, ok);
  return ok;
}

/** Distinct characters of `text` (after substitution) that the printer's font lacks; newlines are not counted. */
export function nonNativeCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const ch of text) if (ch !== '\n' && !printsNatively(ch)) found.add(ch);
  return [...found];
}

/** True when every character of the line prints from the printer's font. */
export function isNativeLine(text: string): boolean {
  for (const ch of text) if (!printsNatively(ch)) return false;
  return true;
}

/** Encodes text the printer's font prints (see printsNatively) as GB18030. */
export function encodeGb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

export function decodeGb18030(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'gb18030');
}
