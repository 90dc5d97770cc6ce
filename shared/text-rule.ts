/**
 * What a text field of the contract may contain. Every request's text goes
 * through the zod helpers in fields.ts, which apply this rule, so no method
 * can store a character that would reach a slip, a screen or the change log
 * as something other than what the clerk saw:
 *
 * - control characters (C0 U+0000–U+001F, DEL, C1 U+0080–U+009F) are refused
 *   everywhere, except the line feed in multi-line fields (notes, replies);
 *   a NUL truncates strings in C libraries, ESC and GS are printer commands;
 * - bidirectional controls (U+200E U+200F U+061C, embeddings and overrides
 *   U+202A–U+202E, isolates U+2066–U+2069) are refused everywhere: they make a
 *   text display in another order than it is stored (a name or a number that
 *   reads differently on the slip than in the ledger);
 * - in personal names, emoji are refused too (pictographs, regional-indicator
 *   flags, keycaps, the emoji variation selector): no civil record or slip can
 *   carry them. Every CJK ideograph — the rare ones outside GBK included
 *   (Extensions A–H, compatibility ideographs) — is accepted.
 */

export type TextKind = 'line' | 'multiline' | 'name';

const BIDI_CONTROLS = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

function isControl(cp: number, kind: TextKind): boolean {
  if (cp === 0x0a) return kind !== 'multiline';
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3|\ufe0f/u;

/** Pictographs (© ® ™ ‼ included: Extended_Pictographic), flags, keycaps and the emoji presentation selector. */
function isEmoji(ch: string): boolean {
  return EMOJI.test(ch);
}

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The Chinese message saying why `text` may not be stored in a field of this
 * kind, or null when it may. Names the first offending character by code
 * point (control characters are invisible).
 */
export function textFieldProblem(text: string, kind: TextKind): string | null {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0) return '不能包含空字符（U+0000）';
    if (cp === 0x0a) {
      if (kind !== 'multiline') return '不能换行，请写在一行内';
      continue;
    }
    if (isControl(cp, kind)) return `不能包含控制字符（${codePoint(ch)}）`;
    if (BIDI_CONTROLS.has(cp)) return `不能包含改变文字方向的控制字符（${codePoint(ch)}）`;
    if (cp >= 0xd800 && cp <= 0xdfff) return `含有无效字符（${codePoint(ch)}）`;
    if (kind === 'name' && isEmoji(ch)) return `姓名不能包含表情符号（${ch} ${codePoint(ch)}）`;
  }
  return null;
}
