/**
 * Characters replaced before printing. The printer in Chinese mode prints
 * ASCII and double-byte GB18030 codes; a character that GB18030 can only
 * encode in four bytes (¥ £ • ™ …) or that printer fonts lack (€) is replaced
 * by its double-byte or ASCII equivalent, and control characters — which
 * would reach the printer as commands — are dropped. What the printer's font
 * still lacks after this (CJK Extension A–H characters such as 𪚥, emoji) is
 * printed as a raster image of its line, drawn with a system font that has
 * it (electron/services/printing/render.ts).
 */

/** One-for-one replacements; the value may be longer (€ → EUR) or empty (zero-width characters). */
export const PRINT_SUBSTITUTIONS: Readonly<Record<string, string>> = {
  '\u00a5': '\uffe5', // ¥ → ￥ (four bytes in GB18030; the fullwidth sign is A3A4)
  '\u20ac': 'EUR', // € (A2E3 is missing from GB2312/GBK printer fonts)
  '\u00a3': '\uffe1', // £ → ￡
  '\u00a2': '\uffe0', // ¢ → ￠
  '\u00ac': '\uffe2', // ¬ → ￢
  '\u00a6': '\uffe4', // ¦ → ￤
  '\u2022': '\u00b7', // • → ·
  '\u30fb': '\u00b7', // ・ (katakana middle dot) → ·
  '\u2027': '\u00b7', // ‧ → ·
  '\u2122': 'TM',
  '\u00a9': '(C)',
  '\u00ae': '(R)',
  '\u00ab': '<<',
  '\u00bb': '>>',
  '\u2039': '<',
  '\u203a': '>',
  '\u201a': ',',
  '\u201e': '"',
  '\u2012': '-',
  '\u2011': '-',
  '\u2043': '-',
  '\u22ef': '\u2026', // ⋯ → …
  '\u00a0': ' ', // no-break space
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2004': ' ',
  '\u2005': ' ',
  '\u2006': ' ',
  '\u2007': ' ',
  '\u2008': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u205f': ' ',
  '\t': ' ',
  '\u2028': '\n',
  '\u2029': '\n',
  '\r': '',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\ufe0e': '',
  '\ufe0f': '',
};

function isDroppedControl(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x0a) || (cp >= 0x7f && cp < 0xa0);
}

/** Applies the substitutions and drops control characters (newlines are kept: they break lines). */
export function substituteForPrinter(text: string): string {
  let out = '';
  for (const ch of text) {
    const replacement = PRINT_SUBSTITUTIONS[ch];
    if (replacement !== undefined) out += replacement;
    else if (!isDroppedControl(ch.codePointAt(0) ?? 0)) out += ch;
  }
  return out;
}

/** "𠮷（U+20BB7）" — how a character is named to the clerk. */
export function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const visible = cp >= 0xd800 && cp <= 0xdfff ? '' : cp >= 0x0300 && cp <= 0x036f ? `◌${ch}` : ch;
  return visible ? `${visible}（${code}）` : code;
}
