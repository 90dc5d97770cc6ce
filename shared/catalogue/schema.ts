/**
 * The service catalogue (办事指南目录): every matter the hall handles or refers,
 * with its materials checklist (一次性告知), legal basis, time limit (限时办结),
 * fee and how the result is collected. Versioned: a supervisor imports a
 * newer version as a JSON file; validateCatalogue() lists every problem of
 * a file in Chinese with where it is, so the file can be fixed in one pass.
 */
import { z } from 'zod';
import { isPlainDate } from '../domain/plain-date';

const str = (max: number) => z.string().trim().min(1).max(max);

export const CATALOGUE_VERSION_PATTERN = /^\d{1,4}(\.\d{1,4}){0,3}$/;

export const materialSchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: '只能由字母、数字、下划线或短横线组成，最多 40 位' }),
    name: str(60),
    /** The required standard, e.g. 原件，在有效期内. */
    standard: str(300),
    /** Where the applicant gets it. */
    obtainFrom: str(200),
    required: z.boolean(),
  })
  .strict();

export const referralSchema = z
  .object({
    where: str(60),
    address: str(100),
    phone: str(40),
    hours: str(100),
  })
  .strict();

export const timeLimitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('onTheSpot') }).strict(),
  z.object({ kind: z.literal('workingDays'), days: z.number().int().min(1).max(365) }).strict(),
]);

export const catalogueItemSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, { error: '只能由大写字母、数字和短横线组成（如 MAR-REG），2 到 30 位' }),
    name: str(40),
    department: str(40),
    /** Window numbers that handle the item; empty = every window. */
    windows: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9-]{1,8}$/, { error: '只能是 1 到 8 位字母、数字或短横线' }),
      )
      .max(50),
    /** Set for items this hall does not handle but refers elsewhere (首问负责). */
    referral: referralSchema.optional(),
    materials: z.array(materialSchema).max(40),
    legalBasis: str(600),
    timeLimit: timeLimitSchema,
    fee: str(100),
    resultPickup: str(200),
    /** What else the clerk must tell the applicant (办理须知), e.g. the divorce cooling-off period. */
    notes: str(600).optional(),
  })
  .strict();

export const catalogueSchema = z
  .object({
    version: z.string().trim().regex(CATALOGUE_VERSION_PATTERN, { error: '格式不正确，应为 2026.1 这样以点分隔的数字' }),
    issuedAt: z
      .string()
      .trim()
      .refine(isPlainDate, { error: '应为真实存在的日期，格式 YYYY-MM-DD（如 2026-01-15）' }),
    items: z.array(catalogueItemSchema).min(1).max(300),
  })
  .strict();

export type Catalogue = z.output<typeof catalogueSchema>;
export type CatalogueItem = z.output<typeof catalogueItemSchema>;
export type CatalogueMaterial = z.output<typeof materialSchema>;
export type CatalogueReferral = z.output<typeof referralSchema>;
export type TimeLimit = z.output<typeof timeLimitSchema>;

export type CatalogueCheck = { ok: true; catalogue: Catalogue } | { ok: false; problems: string[] };

/** Compares dotted numeric versions: negative when a is older than b, 0 when equal. */
export function compareCatalogueVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const LABELS: Record<string, string> = {
  version: '版本号',
  issuedAt: '发布日期',
  items: '事项列表',
  code: '事项编码',
  name: '名称',
  department: '承办部门',
  windows: '受理窗口',
  referral: '转办信息',
  where: '转办去处',
  address: '地址',
  phone: '电话',
  hours: '办公时间',
  materials: '材料清单',
  legalBasis: '法律依据',
  timeLimit: '办理时限',
  kind: '时限类型',
  days: '天数',
  fee: '收费标准',
  resultPickup: '结果领取方式',
  notes: '办理须知',
  id: '材料编号',
  standard: '标准',
  obtainFrom: '获取途径',
  required: '是否必需',
};

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（[...]）',
  object: '对象（{...}）',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path of the raw input, or undefined. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current) && typeof key === 'string' && Object.prototype.hasOwnProperty.call(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}

function itemTitle(input: unknown, index: number): string {
  const name = valueAt(input, ['items', index, 'name']);
  const shown = typeof name === 'string' ? Array.from(name.trim()).slice(0, 20).join('') : '';
  return `第 ${index + 1} 项${shown ? `（${shown}）` : ''}`;
}

interface Located {
  /** Sort key: item index, then material index (−1 for none). */
  order: [number, number];
  where: string;
  /** The label of the field the problem is about, or null for the place itself. */
  field: string | null;
}

function locate(input: unknown, path: readonly PropertyKey[]): Located {
  let where = '目录';
  let field: string | null = null;
  let order: [number, number] = [-1, -1];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (key === 'items' && typeof next === 'number') {
      where = itemTitle(input, next);
      order = [next, -1];
      field = i + 2 === path.length ? '事项' : null;
      i++;
    } else if (key === 'materials' && typeof next === 'number') {
      where += `材料第 ${next + 1} 条`;
      order = [order[0], next];
      field = i + 2 === path.length ? '材料' : null;
      i++;
    } else if (key === 'windows' && typeof next === 'number') {
      where += `受理窗口第 ${next + 1} 个`;
      field = '窗口号';
      i++;
    } else if ((key === 'referral' || key === 'timeLimit') && next !== undefined) {
      where += LABELS[key];
      field = null;
    } else if (typeof key === 'string') {
      field = LABELS[key] ?? key;
    } else if (typeof key === 'number') {
      field = `第 ${key + 1} 个`;
    }
  }
  return { order, where, field };
}

function describe(issue: z.core.$ZodIssue, input: unknown, field: string | null): string {
  const label = field ? `“${field}”` : '';
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return field ? `缺少${label}` : `缺少内容`;
      {
        const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
        return `${label || '内容'}应为${/^[A-Za-z]/.test(expected) ? ' ' : ''}${expected}`;
      }
    case 'too_small':
      if (issue.origin === 'string') return `${label}不能为空`;
      if (issue.origin === 'array') return `${label}至少需要 ${String(issue.minimum)} 项`;
      return `${label}不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `${label}不能超过 ${String(issue.maximum)} 个字`;
      if (issue.origin === 'array') return `${label}最多 ${String(issue.maximum)} 项`;
      return `${label}不能大于 ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `有无法识别的字段：${issue.keys
        .slice(0, 5)
        .map((k) => k.slice(0, 30))
        .join('、')}${issue.keys.length > 5 ? ' 等' : ''}（请检查拼写）`;
    case 'invalid_union':
      return `${label}只能是 onTheSpot（当场办结）或 workingDays（若干个工作日，并填写“天数”）`;
    case 'invalid_value':
      return `${label}取值不正确`;
    default:
      return `${label}${issue.message}`;
  }
}

function duplicateProblems(input: unknown): { order: [number, number]; text: string }[] {
  const problems: { order: [number, number]; text: string }[] = [];
  const items = valueAt(input, ['items']);
  if (!Array.isArray(items)) return problems;
  const codes = new Map<string, number>();
  items.forEach((item: unknown, i) => {
    if (!isRecord(item)) return;
    const title = itemTitle(input, i);
    if (typeof item.code === 'string' && item.code.trim() !== '') {
      const code = item.code.trim();
      const first = codes.get(code);
      if (first === undefined) codes.set(code, i);
      else problems.push({ order: [i, -1], text: `${title}：事项编码 ${code.slice(0, 30)} 与第 ${first + 1} 项重复` });
    }
    const materials = item.materials;
    if (Array.isArray(materials)) {
      if (materials.length === 0 && item.referral === undefined) {
        problems.push({
          order: [i, -1],
          text: `${title}：材料清单为空；本大厅受理的事项至少要列出一种材料（转到其他部门办理的事项请填写“转办信息”）`,
        });
      }
      const ids = new Map<string, number>();
      materials.forEach((material: unknown, j) => {
        if (!isRecord(material) || typeof material.id !== 'string' || material.id.trim() === '') return;
        const id = material.id.trim();
        const firstMaterial = ids.get(id);
        if (firstMaterial === undefined) ids.set(id, j);
        else problems.push({ order: [i, j], text: `${title}材料第 ${j + 1} 条：材料编号 ${id.slice(0, 40)} 与第 ${firstMaterial + 1} 条重复` });
      });
    }
  });
  return problems;
}

/** Checks a parsed JSON value; on failure lists every problem, in Chinese, with where it is. */
export function validateCatalogue(json: unknown): CatalogueCheck {
  const parsed = catalogueSchema.safeParse(json);
  const found: { order: [number, number]; text: string }[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { order, where, field } = locate(json, issue.path);
      found.push({ order, text: `${where}：${describe(issue, json, field)}` });
    }
  }
  found.push(...duplicateProblems(json));
  if (found.length === 0 && parsed.success) return { ok: true, catalogue: parsed.data };
  const problems = found
    .map((p, index) => ({ ...p, index }))
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.index - b.index)
    .map((p) => p.text);
  return { ok: false, problems: [...new Set(problems)] };
}

/** Line and column (from 1) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/** Parses the text of a catalogue file (UTF-8, a BOM allowed) and validates it. */
export function parseCatalogueText(text: string): CatalogueCheck {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: ['文件是空的，请选择事项目录 JSON 文件'] };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const position = /position (\d+)/.exec(message);
    if (position) {
      const { line, column } = lineColumn(body, Number(position[1]));
      return { ok: false, problems: [`文件不是有效的 JSON：第 ${line} 行第 ${column} 列附近有语法错误（常见原因：缺少逗号或引号、多了逗号、使用了中文标点）`] };
    }
    return { ok: false, problems: ['文件不是有效的 JSON（常见原因：缺少逗号或引号、多了逗号、使用了中文标点），请检查文件内容'] };
  }
  return validateCatalogue(json);
}
