import { describe, expect, it } from 'vitest';
import defaultCatalogue from '../../shared/catalogue/default-catalogue.json';
import { compareCatalogueVersions, parseCatalogueText, validateCatalogue, type Catalogue } from '../../shared/catalogue/schema';

function shipped(): Catalogue {
  const check = validateCatalogue(defaultCatalogue);
  if (!check.ok) throw new Error(check.problems.join('\n'));
  return check.catalogue;
}

/** A deep copy of the shipped catalogue as plain JSON, for breaking. */
function copy(): { version: unknown; issuedAt: unknown; items: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(defaultCatalogue)) as { version: unknown; issuedAt: unknown; items: Record<string, unknown>[] };
}

describe('the shipped catalogue', () => {
  it('validates', () => {
    const catalogue = shipped();
    expect(catalogue.version).toBe('2026.1');
    expect(catalogue.items.length).toBeGreaterThanOrEqual(8);
  });

  it('has the marriage office items with the 2025 rules', () => {
    const items = new Map(shipped().items.map((i) => [i.name, i]));
    const marriage = items.get('结婚登记');
    expect(marriage?.timeLimit).toEqual({ kind: 'onTheSpot' });
    expect(marriage?.fee).toBe('不收费');
    const names = marriage?.materials.map((m) => m.name).join('、') ?? '';
    expect(names).not.toContain('户口');
    expect(names).toContain('声明');
    expect(marriage?.notes).toContain('亲自到场');
    expect(marriage?.notes).toContain('无需提交户口簿');
    const photos = marriage?.materials.find((m) => m.id === 'joint-photos');
    expect(photos?.standard).toContain('惯例');

    const divorce = items.get('离婚登记');
    expect(divorce?.materials.map((m) => m.id)).toEqual(expect.arrayContaining(['agreement', 'marriage-certificates', 'man-id-card', 'woman-id-card']));
    expect(divorce?.notes).toContain('冷静期 30 日');
    expect(items.get('补领婚姻登记证')?.timeLimit.kind).toBe('onTheSpot');
    expect(items.get('婚姻登记记录证明')).toBeDefined();
    for (const item of shipped().items.filter((i) => i.department === '婚姻登记处')) {
      expect(item.fee).toBe('不收费');
      expect(item.materials.map((m) => m.name).join('')).not.toContain('户口簿');
    }
  });

  it('has civil-affairs items with working-day limits and a referral', () => {
    const items = shipped().items;
    const dibao = items.find((i) => i.name === '最低生活保障申请');
    expect(dibao?.timeLimit).toEqual({ kind: 'workingDays', days: 30 });
    for (const name of ['临时救助申请', '残疾人两项补贴', '经济困难老年人养老服务补贴']) {
      expect(items.find((i) => i.name === name)?.timeLimit.kind, name).toBe('workingDays');
    }
    const referred = items.filter((i) => i.referral);
    expect(referred.map((i) => i.name)).toEqual(['社会团体成立登记']);
    expect(referred[0]?.referral).toMatchObject({ where: expect.any(String), address: expect.any(String), phone: expect.any(String), hours: expect.any(String) });
  });

  it('uses windows 1–6 and every item is handled somewhere or referred', () => {
    const items = shipped().items;
    const windows = new Set(items.flatMap((i) => i.windows));
    expect([...windows].sort()).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const item of items) expect(item.windows.length > 0 || item.referral !== undefined, item.name).toBe(true);
  });

  it('every item has a legal basis, a fee, how to collect, and materials with standards and sources', () => {
    for (const item of shipped().items) {
      expect(item.legalBasis).toMatch(/《.+》/);
      expect(item.materials.length).toBeGreaterThan(0);
      expect(item.materials.some((m) => m.required)).toBe(true);
      for (const m of item.materials) {
        expect(m.standard.length).toBeGreaterThan(1);
        expect(m.obtainFrom.length).toBeGreaterThan(1);
      }
    }
  });
});

describe('validateCatalogue: every problem, with where it is', () => {
  it('lists every problem of a broken file', () => {
    const broken = copy();
    broken.version = 'v2';
    broken.issuedAt = '2026-02-30';
    const [marriage, divorce, reissue, record, dibao, , , , referral] = broken.items;
    if (!marriage || !divorce || !reissue || !record || !dibao || !referral) throw new Error('catalogue changed');
    // item 1: a material without its standard, and a material id used twice
    const mMaterials = marriage.materials as Record<string, unknown>[];
    delete mMaterials[1]?.standard;
    if (mMaterials[2]) mMaterials[2].id = 'man-id-card';
    // item 2: the time limit is wrong, an unknown field
    divorce.timeLimit = { kind: 'workingDays', days: 0 };
    divorce.colour = 'red';
    // item 3: same code as item 1, an empty name
    reissue.code = 'MAR-REG';
    reissue.name = '  ';
    // item 4: no materials while handled here
    record.materials = [];
    // item 5: a window number of the wrong kind, fee missing, required not a boolean
    dibao.windows = ['4', 5];
    delete dibao.fee;
    const dMaterials = dibao.materials as Record<string, unknown>[];
    if (dMaterials[0]) dMaterials[0].required = 'yes';
    // item 9 (referral): phone missing
    delete (referral.referral as Record<string, unknown>).phone;
    // item 10: not an object at all
    broken.items.push('社会团体变更登记' as unknown as Record<string, unknown>);

    const check = validateCatalogue(broken);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual([
      '目录：“版本号”格式不正确，应为 2026.1 这样以点分隔的数字',
      '目录：“发布日期”应为真实存在的日期，格式 YYYY-MM-DD（如 2026-01-15）',
      '第 1 项（结婚登记）材料第 2 条：缺少“标准”',
      '第 1 项（结婚登记）材料第 3 条：材料编号 man-id-card 与第 1 条重复',
      '第 2 项（离婚登记）办理时限：“天数”不能小于 1',
      '第 2 项（离婚登记）：有无法识别的字段：colour（请检查拼写）',
      '第 3 项：“名称”不能为空',
      '第 3 项：事项编码 MAR-REG 与第 1 项重复',
      '第 4 项（婚姻登记记录证明）：材料清单为空；本大厅受理的事项至少要列出一种材料（转到其他部门办理的事项请填写“转办信息”）',
      '第 5 项（最低生活保障申请）受理窗口第 2 个：“窗口号”应为文字',
      '第 5 项（最低生活保障申请）：缺少“收费标准”',
      '第 5 项（最低生活保障申请）材料第 1 条：“是否必需”应为 true 或 false',
      '第 9 项（社会团体成立登记）转办信息：缺少“电话”',
      '第 10 项：“事项”应为对象（{...}）',
    ]);
  });

  it.each([
    [null, ['目录：内容应为对象（{...}）']],
    [[], ['目录：内容应为对象（{...}）']],
    [{}, ['目录：缺少“版本号”', '目录：缺少“发布日期”', '目录：缺少“事项列表”']],
    [{ version: '2026.1', issuedAt: '2026-01-05', items: [] }, ['目录：“事项列表”至少需要 1 项']],
    [
      { version: '2026.1', issuedAt: '2026-01-05', items: [{ code: 'x', name: '测试', department: '部门', windows: [], materials: [], legalBasis: '《某法》', timeLimit: { kind: 'soon' }, fee: '不收费', resultPickup: '当场' }] },
      [
        '第 1 项（测试）：“事项编码”只能由大写字母、数字和短横线组成（如 MAR-REG），2 到 30 位',
        '第 1 项（测试）办理时限：“时限类型”只能是 onTheSpot（当场办结）或 workingDays（若干个工作日，并填写“天数”）',
        '第 1 项（测试）：材料清单为空；本大厅受理的事项至少要列出一种材料（转到其他部门办理的事项请填写“转办信息”）',
      ],
    ],
  ])('%j', (input, problems) => {
    const check = validateCatalogue(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems).toEqual(problems);
  });

  it('a referral item may list no materials', () => {
    const file = copy();
    const referral = file.items.find((i) => i.referral !== undefined);
    if (!referral) throw new Error('no referral item');
    referral.materials = [];
    expect(validateCatalogue(file).ok).toBe(true);
  });

  it('reports a proto-polluting file as unknown fields and leaves Object.prototype alone', () => {
    const text = JSON.stringify({ ...copy(), __proto__x: 1 }).replace('"__proto__x"', '"__proto__"');
    const check = parseCatalogueText(text);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems).toEqual(['目录：有无法识别的字段：__proto__（请检查拼写）']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('parseCatalogueText', () => {
  it('accepts the shipped file, with or without a byte-order mark', () => {
    const text = JSON.stringify(defaultCatalogue, null, 2);
    expect(parseCatalogueText(text).ok).toBe(true);
    expect(parseCatalogueText(`\ufeff${text}`).ok).toBe(true);
  });

  it('says where the JSON syntax breaks', () => {
    const check = parseCatalogueText('{\n  "version": "2026.2",\n  "issuedAt": "2026-03-01"\n  "items": []\n}');
    expect(check).toEqual({ ok: false, problems: [expect.stringMatching(/^文件不是有效的 JSON：第 4 行第 3 列附近有语法错误/)] });
    expect(parseCatalogueText('   ')).toEqual({ ok: false, problems: ['文件是空的，请选择事项目录 JSON 文件'] });
  });
});

describe('compareCatalogueVersions', () => {
  it.each([
    ['2026.1', '2026.1', 0],
    ['2026.2', '2026.1', 1],
    ['2026.10', '2026.9', 1],
    ['2026', '2026.0', 0],
    ['2026.1.1', '2026.1', 1],
    ['2025.12', '2026.1', -1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareCatalogueVersions(a, b))).toBe(sign);
  });
});
