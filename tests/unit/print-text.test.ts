import { describe, expect, it } from 'vitest';
import { describeCharacter, substituteForPrinter } from '../../shared/print/substitute';
import { displayWidth, padToWidth, printerWidth, textWidth, truncateToWidth, wrapParagraph, wrapText } from '../../shared/print/text-width';
import { Prng } from '../support/prng';

const cp = (ch: string): number => ch.codePointAt(0) ?? 0;

describe('display width', () => {
  it('counts East Asian wide and fullwidth characters as 2, combining and zero-width as 0', () => {
    expect(displayWidth(cp('a'))).toBe(1);
    expect(displayWidth(cp('中'))).toBe(2);
    expect(displayWidth(cp('，'))).toBe(2);
    expect(displayWidth(cp('Ａ'))).toBe(2); // fullwidth A
    expect(displayWidth(cp('ｱ'))).toBe(1); // halfwidth katakana
    expect(displayWidth(cp('한'))).toBe(2);
    expect(displayWidth(cp('𠮷'))).toBe(2);
    expect(displayWidth(cp('😀'))).toBe(2);
    expect(displayWidth(0x0301)).toBe(0); // combining acute
    expect(displayWidth(0x200b)).toBe(0);
    expect(displayWidth(0xfe0f)).toBe(0);
    expect(displayWidth(0x1b)).toBe(0);
    expect(displayWidth(cp('·'))).toBe(1); // ambiguous: narrow outside East Asian contexts
    expect(textWidth('e\u0301', displayWidth)).toBe(1);
  });

  it('on the printer, every non-ASCII character is two columns (GB18030 double-byte codes print full width)', () => {
    expect(printerWidth(cp('a'))).toBe(1);
    expect(printerWidth(cp('中'))).toBe(2);
    for (const ch of '·°×éüΩа─①№') expect(printerWidth(cp(ch)), ch).toBe(2);
    expect(printerWidth(0x0301)).toBe(0);
    expect(textWidth('受理回执 SL-0003')).toBe(16);
  });
});

describe('wrapping by width', () => {
  it('fills lines with Chinese up to the width and never beyond it', () => {
    const text = '一二三四五六七八九十'.repeat(4);
    const lines = wrapParagraph(text, 32);
    expect(lines).toEqual(['一二三四五六七八九十一二三四五六', '七八九十一二三四五六七八九十一二', '三四五六七八九十']);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(32);
  });

  it('keeps Latin words and numbers whole and drops the space a line breaks on', () => {
    expect(wrapParagraph('受理编号 SL20260925-0003 请妥善保管', 20)).toEqual(['受理编号', 'SL20260925-0003 请妥', '善保管']);
    expect(wrapParagraph('hello world again', 11)).toEqual(['hello world', 'again']);
  });

  it('breaks a word longer than the line', () => {
    const lines = wrapParagraph('x'.repeat(25), 10);
    expect(lines).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('never starts a line with closing punctuation nor ends one with an opening bracket', () => {
    const lines = wrapParagraph('请携带身份证原件。户口簿不再需要，', 16);
    for (const line of lines) expect('，。、；：？！）》」”'.includes(line[0] ?? '')).toBe(false);
    expect(lines.join('')).toBe('请携带身份证原件。户口簿不再需要，');
    const opening = wrapParagraph('一二三四五六七（八九）', 16);
    for (const line of opening) expect(line.endsWith('（')).toBe(false);
  });

  it('keeps paragraphs and empty lines', () => {
    expect(wrapText('第一段\n\n第三段', 10)).toEqual(['第一段', '', '第三段']);
    expect(wrapText('', 10)).toEqual(['']);
  });

  it('random text of every kind wraps into lines no wider than the width, losing nothing but break spaces', () => {
    const rng = new Prng(58_80);
    const pieces = ['中', '文', '，', '。', '（', '）', 'A', 'b', '1', ' ', '-', '·', '“', '”', 'SL2026', '《', '》', '①'];
    for (let round = 0; round < 400; round++) {
      const text = Array.from({ length: rng.int(0, 120) }, () => rng.pick(pieces)).join('');
      const width = rng.pick([16, 24, 32, 48, 7, 2, 3]);
      const lines = wrapParagraph(text, width);
      for (const line of lines) expect(textWidth(line), `${JSON.stringify(text)} @${width}`).toBeLessThanOrEqual(width);
      expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
    }
  });
});

describe('padding and truncation', () => {
  it('pads to exact widths in each alignment', () => {
    expect(padToWidth('中a', 6)).toBe('中a   ');
    expect(padToWidth('中a', 6, 'right')).toBe('   中a');
    expect(padToWidth('中a', 6, 'center')).toBe(' 中a  ');
    expect(truncateToWidth('中文ab', 3)).toBe('中');
  });
});

describe('substitution before printing', () => {
  it('replaces characters the printer has no double-byte code or glyph for, and drops control characters', () => {
    expect(substituteForPrinter('收费 ¥12.50，€3，£1 • ™ ©')).toBe('收费 ￥12.50，EUR3，￡1 · TM (C)');
    expect(substituteForPrinter('a\tb\r\nc\u0000\u001b@\u200b\ufe0f')).toBe('a b\nc@');
  });

  it('names a character with its code point', () => {
    expect(describeCharacter('𠮷')).toBe('𠮷（U+20BB7）');
    expect(describeCharacter('\u0301')).toBe('◌\u0301（U+0301）');
    expect(describeCharacter('\ud842')).toBe('U+D842');
  });
});
