/** Reusable zod field builders with Chinese messages. */
import { z } from 'zod';
import { textFieldProblem, type TextKind } from './text-rule';

/** Applies the text rule (text-rule.ts): no control or bidi characters; no line breaks but in multi-line fields; no emoji in names. */
export function withTextRule(schema: z.ZodString, kind: TextKind) {
  return schema.superRefine((value, issue) => {
    const problem = textFieldProblem(value, kind);
    if (problem !== null) issue.addIssue({ code: 'custom', message: problem });
  });
}

/** Required text of one line by default; `multiline` for notes and replies, `name` for a person's name. */
export function text(min: number, max: number, kind: TextKind = 'line') {
  return withTextRule(
    z
      .string()
      .trim()
      .min(min, min === 1 ? '不能为空' : `至少需要 ${min} 个字`)
      .max(max, `不能超过 ${max} 个字`),
    kind,
  );
}

export function optionalText(max: number, kind: TextKind = 'line') {
  return withTextRule(z.string().trim().max(max, `不能超过 ${max} 个字`), kind);
}

export const phoneField = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{3,20}$/, '电话号码只能包含数字和 + - ( )，长度 3 到 20 位');

export const staffNoField = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{2,16}$/, '工号只能是 2 到 16 位字母或数字');

export const pinField = z.string().regex(/^\d{6}$/, 'PIN 必须是 6 位数字');

export const idField = z.uuid('编号格式不正确');

export const isoDateTime = z.iso.datetime({ offset: true, message: '时间格式不正确' });
