/** Turns schema problems into one Chinese message plus per-field messages. */
import { z } from 'zod';
import { labelForPath } from './labels';

z.config(z.locales.zhCN());

export interface ValidationProblem {
  message: string;
  fields: Record<string, string>;
}

/** "工号：…", unless the message already names its field ("PIN 必须是 6 位数字", not "PIN：PIN 必须是 6 位数字"). */
function labelled(label: string, message: string): string {
  return message.startsWith(label) ? message : `${label}：${message}`;
}

export function describeIssues(error: z.ZodError): ValidationProblem {
  const fields: Record<string, string> = {};
  const lines: string[] = [];
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    const line =
      issue.code === 'unrecognized_keys'
        ? `请求包含未知字段：${issue.keys.slice(0, 5).map((k) => k.slice(0, 30)).join('、')}${issue.keys.length > 5 ? ' 等' : ''}`
        : labelled(labelForPath(issue.path), issue.message);
    if (!(key in fields)) fields[key] = line;
    lines.push(line);
  }
  const shown = lines.slice(0, 3).join('；');
  const more = lines.length > 3 ? `（另有 ${lines.length - 3} 处问题）` : '';
  return { message: `请检查输入：${shown}${more}`, fields };
}
