import { describe, expect, it } from 'vitest';
import { methods } from '../../shared/contract';
import { labelForPath } from '../../shared/labels';
import { describeIssues, type ValidationProblem } from '../../shared/validation';
import { CHINESE } from '../support/core';
import { VALID_REQUESTS } from '../support/requests';

/** The problem description for a staff.create request that must be refused. */
function problemsOf(request: unknown): ValidationProblem {
  const parsed = methods['staff.create'].request.safeParse(request);
  if (parsed.success) throw new Error('expected the request to be refused');
  return describeIssues(parsed.error);
}

describe('describeIssues', () => {
  const create = VALID_REQUESTS['staff.create'];

  it.each<[string, Record<string, unknown>, string, string]>([
    ['staff number', { ...create, staffNo: '工号!' }, 'staffNo', '工号'],
    ['name', { ...create, name: '   ' }, 'name', '姓名'],
    ['PIN', { ...create, pin: '12345' }, 'pin', 'PIN'],
    ['role', { ...create, role: 'admin' }, 'role', '角色'],
    ['party member', { ...create, partyMember: 'yes' }, 'partyMember', '党员先锋岗'],
    ['duties', { ...create, duties: '职'.repeat(201) }, 'duties', '岗位职责'],
  ])('names the field in Chinese: %s', (_label, request, key, label) => {
    const problem = problemsOf(request);
    expect(problem.message.startsWith('请检查输入：')).toBe(true);
    expect(problem.message).toContain(label);
    expect(problem.fields[key]).toContain(label);
    expect(problem.message).toMatch(CHINESE);
    expect(problem.message).not.toMatch(/Invalid|Expected|Required/);
  });

  it('names a field once when its message already does: PIN 必须是 6 位数字', () => {
    const problem = problemsOf({ ...create, pin: '12345' });
    expect(problem.message).toBe('请检查输入：PIN 必须是 6 位数字');
    expect(problem.fields.pin).toBe('PIN 必须是 6 位数字');
  });

  it('uses the Chinese zod locale for type errors', () => {
    const problem = problemsOf({ ...create, staffNo: 1001 });
    expect(problem.fields.staffNo).toMatch(/^工号：/);
    expect(problem.fields.staffNo).toMatch(CHINESE);
    expect(problem.fields.staffNo).not.toMatch(/Invalid input/);
  });

  it('lists unknown keys', () => {
    const problem = problemsOf({ ...create, foo: 1, bar: 2 });
    expect(problem.message).toContain('请求包含未知字段：foo、bar');
    expect(problem.fields._).toBe('请求包含未知字段：foo、bar');
  });

  it('shows three problems and counts the rest', () => {
    const problem = problemsOf({});
    // seven required fields are missing
    expect(problem.message).toMatch(/（另有 \d+ 处问题）$/);
    expect(problem.message.split('；')).toHaveLength(3);
    expect(Object.keys(problem.fields).length).toBeGreaterThanOrEqual(7);
  });

  it('names the position of a list item and the nested field', () => {
    const parsed = methods['commitments.save'].request.safeParse({
      items: [
        { text: '首问负责', timeLimit: '当场' },
        { text: '', timeLimit: '当场' },
      ],
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const problem = describeIssues(parsed.error);
    expect(problem.fields['items.1.text']).toBe('第 2 项承诺内容：不能为空');
  });

  it('keys nested problems by their dotted path', () => {
    const parsed = methods['setup.complete'].request.safeParse({
      ...VALID_REQUESTS['setup.complete'],
      supervisor: { ...VALID_REQUESTS['setup.complete'].supervisor, pin: 'abc' },
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const problem = describeIssues(parsed.error);
    expect(problem.fields['supervisor.pin']).toBe('PIN 必须是 6 位数字');
  });

  it('describes a problem with the whole request', () => {
    const parsed = methods['auth.login'].request.safeParse('not an object');
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const problem = describeIssues(parsed.error);
    expect(problem.fields._).toMatch(/^请求：/);
    expect(problem.message).toMatch(CHINESE);
  });
});

describe('labelForPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], '请求'],
    [['staffNo'], '工号'],
    [['hall', 'windowNo'], '窗口号'],
    [['items', 0, 'timeLimit'], '第 1 项时限'],
    [['somethingNew'], 'somethingNew'],
  ])('%j → %s', (path, expected) => {
    expect(labelForPath(path)).toBe(expected);
  });
});
