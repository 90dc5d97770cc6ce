import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from '../../electron/services/ledger/sinks';

describe('csvField', () => {
  const cases: [string, string, string][] = [
    ['plain text', '张三', '张三'],
    ['an 18-digit resident ID stays text in Excel and WPS', '110105198808081237', '"=""110105198808081237"""'],
    ['a resident ID ending in X, alike', '11010519491231002X', '"=""11010519491231002X"""'],
    ['a landline with a leading 0', '01062345678', '"=""01062345678"""'],
    ['12 digits (Excel shows 1.10105E+11)', '110105198808', '"=""110105198808"""'],
    ['a mobile number (11 digits, exact in Excel)', '13812345678', '13812345678'],
    ['a count', '42', '42'],
    ['zero', '0', '0'],
    ['a masked ID is text already', '110105********1237', '110105********1237'],
    ['a formula is neutralised', '=1+2', "'=1+2"],
    ['a leading minus is neutralised', '-5', "'-5"],
    ['a tab is neutralised', '\tx', "'\tx"],
    ['a comma is quoted', 'a,b', '"a,b"'],
    ['quotes are doubled', 'say "hi"', '"say ""hi"""'],
    ['a newline is quoted', 'a\nb', '"a\nb"'],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('joins a line with CRLF', () => {
    expect(csvLine(['110105198808081237', '张三'])).toBe('"=""110105198808081237""",张三\r\n');
  });
});
