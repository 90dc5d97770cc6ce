import { describe, expect, it } from 'vitest';
import { methods } from '../../shared/contract';
import { textFieldProblem, type TextKind } from '../../shared/text-rule';
import { describeIssues } from '../../shared/validation';
import { VALID_REQUESTS } from '../support/requests';

describe('textFieldProblem', () => {
  it.each<[string, string, TextKind, RegExp | null]>([
    ['a common name', '张三', 'name', null],
    ['a name outside GBK (Extension B)', '𪚥明', 'name', null],
    ['Extension A', '㐀亮', 'name', null],
    ['Extension C–H and compatibility ideographs', '\u{2A700}\u{2B740}\u{2B820}\u{2CEB0}\u{30000}\u{31350}\uF900\u{2F800}', 'name', null],
    ['a foreign name with a middle dot', '阿依古丽·买买提', 'name', null],
    ['a Latin name', 'Anna-Lena O’Neil', 'name', null],
    ['emoji in a name', '张😀', 'name', /姓名不能包含表情符号（😀 U\+1F600）/],
    ['a flag in a name', '李\u{1F1E8}\u{1F1F3}', 'name', /表情符号/],
    ['a keycap in a name', '王1\u20e3', 'name', /表情符号/],
    ['a text symbol with the emoji selector', '王\u2764\ufe0f', 'name', /表情符号/],
    ['emoji outside names', '谢谢😀', 'line', null],
    ['emoji in a note', '谢谢😀', 'multiline', null],
    ['NUL', '张\u0000三', 'name', /空字符（U\+0000）/],
    ['NUL in a note', '备注\u0000', 'multiline', /空字符/],
    ['ESC', '张\u001b@', 'line', /控制字符（U\+001B）/],
    ['tab', 'a\tb', 'line', /控制字符（U\+0009）/],
    ['carriage return', 'a\rb', 'multiline', /控制字符（U\+000D）/],
    ['DEL', 'a\u007fb', 'line', /控制字符（U\+007F）/],
    ['C1 control', 'a\u0085b', 'multiline', /控制字符（U\+0085）/],
    ['line feed in one line', '第一行\n第二行', 'line', /不能换行/],
    ['line feed in a name', '张\n三', 'name', /不能换行/],
    ['line feed in a note', '第一行\n第二行', 'multiline', null],
    ['right-to-left override', '张三\u202e1234', 'name', /改变文字方向.*U\+202E/],
    ['left-to-right embedding', 'a\u202ab', 'multiline', /U\+202A/],
    ['pop directional formatting', 'a\u202cb', 'line', /U\+202C/],
    ['first strong isolate', 'a\u2068b', 'line', /U\+2068/],
    ['pop directional isolate', 'a\u2069b', 'line', /U\+2069/],
    ['left-to-right mark', 'a\u200eb', 'line', /U\+200E/],
    ['right-to-left mark', 'a\u200fb', 'line', /U\+200F/],
    ['Arabic letter mark', 'a\u061cb', 'line', /U\+061C/],
    ['a lone surrogate', 'a\ud842b', 'line', /无效字符（U\+D842）/],
  ])('%s', (_label, value, kind, expected) => {
    const problem = textFieldProblem(value, kind);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('the contract applies the text rule to its text fields', () => {
  const parse = (method: 'intake.start' | 'staff.create' | 'handover.close', request: unknown) => {
    const parsed = methods[method].request.safeParse(request);
    return parsed.success ? null : describeIssues(parsed.error).message;
  };

  it('accepts a name outside GBK as typed and refuses emoji and bidi controls in it', () => {
    const start = VALID_REQUESTS['intake.start'] as Record<string, unknown>;
    expect(parse('intake.start', { ...start, applicantName: '𪚥明' })).toBeNull();
    const parsed = methods['intake.start'].request.safeParse({ ...start, applicantName: '𪚥明' });
    expect(parsed.success && parsed.data.applicantName).toBe('𪚥明');
    expect(parse('intake.start', { ...start, applicantName: '张😀' })).toContain('申请人');
    expect(parse('intake.start', { ...start, applicantName: '张😀' })).toContain('姓名不能包含表情符号');
    expect(parse('intake.start', { ...start, applicantName: '张\u202e三' })).toContain('改变文字方向');
  });

  it('refuses NUL in every helper-built field and keeps line feeds in notes only', () => {
    const staff = VALID_REQUESTS['staff.create'] as Record<string, unknown>;
    expect(parse('staff.create', { ...staff, title: '科员\u0000' })).toContain('空字符');
    expect(parse('staff.create', { ...staff, title: '科员\n主任' })).toContain('不能换行');
    expect(parse('staff.create', { ...staff, duties: '受理\n审核' })).toBeNull();
  });
});
