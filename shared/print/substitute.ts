/**
 * Characters replaced before printing. The printer in Chinese mode prints
 * ASCII and double-byte GB18030 codes; a character that GB18030 can only
 * encode in four bytes (¥ £ • ™ …) or that printer fonts lack (€) is replaced
 * by its double-byte or ASCII equivalent, and control characters — which
 * would reach the printer as commands — are dropped. What still cannot be
 * printed after this (emoji, CJK Extension A/B characters such as 𠮷, combining
 * marks) is refused when the job is queued, naming the characters.
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

/**
 * Characters no printer font has, known without an encoder: astral-plane
 * characters (emoji, CJK Extension B and later), CJK Extension A, private-use
 * characters, lone surrogates and combining marks. The core checks the rest
 * against GB18030 itself; the UI can use this for an early warning.
 */
export function obviouslyUnprintable(text: string): string[] {
  const found = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (
      cp > 0xffff ||
      (cp >= 0x3400 && cp <= 0x4dbf) ||
      (cp >= 0xe000 && cp <= 0xf8ff) ||
      (cp >= 0xd800 && cp <= 0xdfff) ||
      (cp >= 0x0300 && cp <= 0x036f)
    ) {
      found.add(ch);
    }
  }
  return [...found];
}

/** "𠮷（U+20BB7）" — how a refused character is named to the clerk. */
export function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const visible = cp >= 0xd800 && cp <= 0xdfff ? '' : cp >= 0x0300 && cp <= 0x036f ? `◌${ch}` : ch;
  return visible ? `${visible}（${code}）` : code;
}

/** The Chinese refusal for characters the printer cannot print. */
export function unprintableMessage(chars: readonly string[]): string {
  const shown = chars.slice(0, 8).map(describeCharacter).join('、');
  const more = chars.length > 8 ? ` 等 ${chars.length} 个字符` : '';
  return `打印机无法打印以下字符：${shown}${more}。请改用常用字或在旁注明拼音后再打印；本次没有打印任何内容。`;
}
