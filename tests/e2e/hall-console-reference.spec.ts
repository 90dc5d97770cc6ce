/**
 * The hall console's reference editing and queue settings in Chromium
 * against a real hall on a real PostgreSQL: the demo supervisor adds and
 * edits a staff account, resets a PIN, edits the commitments, office
 * settings, calendar and peak days, publishes a catalogue, imports the day's
 * bookings, reads the audit, and changes the queue's policy and a matter
 * while the preview follows; then a window pulls what was edited.
 * Screenshots of every screen at 1366×768.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { seedDemoQueue, seedDemoStaff } from '../../hall/demo';
import { hallDate } from '../../shared/domain/hall-time';
import { residentIdCheckCharacter } from '../../shared/domain/id-number';
import type { ReferenceRow } from '../../shared/hall/contract';
import { enrolWindow, startTestHall, value, type EnrolledWindow, type TestHall } from '../support/hall';
import { ARTIFACTS_DIR } from './host';
import { consoleLogin, fillFields } from './forms';

let t: TestHall;
let w1: EnrolledWindow;
const files = mkdtempSync(join(tmpdir(), 'console-reference-'));

test.beforeAll(async () => {
  t = await startTestHall();
  await seedDemoStaff(t.hall.pool, t.hall.hall);
  const kioskCode = await seedDemoQueue(t.hall.pool, t.hall.hall);
  w1 = await enrolWindow(t.hall, '1');
  await enrolWindow(t.hall, '3');
  const kiosk = await value(t.hall, 'enrol', { code: kioskCode, windowNo: 'K1' }, null);
  for (const [matter, priority] of [['MAR-REG', 'normal'], ['DIV-REG', 'normal'], ['MAR-REG', 'green'], ['MAR-REISSUE', 'normal']] as const) {
    await value(t.hall, 'queueTake', { requestId: randomUUID(), matter, priority }, kiosk.credential);
  }
});

test.afterAll(async () => {
  await t?.stop();
});

test.use({ viewport: { width: 1366, height: 768 } });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS_DIR, `console-${name}-1366x768.png`) });
}

function id(n: number): string {
  const first17 = `11010519900520${String(n).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

async function pulled(): Promise<ReferenceRow[]> {
  const rows: ReferenceRow[] = [];
  let cursor = '';
  for (;;) {
    const page = await value(t.hall, 'pull', { cursor }, w1.credential);
    rows.push(...page.rows);
    cursor = page.cursor;
    if (!page.more) return rows;
  }
}

test('a supervisor edits the hall-owned reference data and the queue settings; a window pulls them', async ({ page }) => {
  await consoleLogin(page, t.hall.url);
  await page.getByRole('button', { name: '基础数据' }).click();

  // staff: add (the PIN is required), edit, reset a PIN
  await page.getByRole('button', { name: '新增人员' }).click();
  await fillFields(page, { 工号: '2001', 姓名: '赵敏', 职务: '科员' });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('alert')).toContainText('新建账号须设置 6 位数字 PIN');
  await page.getByLabel('初始 PIN（6 位数字）').fill('135790');
  await page.getByRole('button', { name: '保存' }).click();
  const row = page.locator('[data-staff="2001"]');
  await expect(row).toContainText('赵敏');
  await row.getByRole('button', { name: '编辑' }).click();
  await page.getByLabel('职务').fill('副科长');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(row).toContainText('副科长');
  await shot(page, 'staff');
  await page.getByRole('button', { name: '关闭' }).click();
  await row.getByRole('button', { name: '重置 PIN' }).click();
  await page.getByLabel('新 PIN（6 位数字）').fill('246802');
  await page.getByLabel('再次输入').fill('246802');
  await page.getByRole('button', { name: '重置 PIN', exact: true }).last().click();
  await expect(page.getByText('赵敏 的 PIN 已重置')).toBeVisible();
  await shot(page, 'staff-pin');

  // commitments: an ordered list
  await page.getByRole('tab', { name: '服务承诺' }).click();
  await page.getByRole('button', { name: '添加一条' }).click();
  await page.getByLabel('第 1 条承诺').fill('首问负责，一次告知');
  await page.getByLabel('第 1 条时限').fill('当场');
  await page.getByRole('button', { name: '添加一条' }).click();
  await page.getByLabel('第 2 条承诺').fill('材料齐全当场办结');
  await page.getByLabel('第 2 条时限').fill('30 分钟');
  await page.getByRole('button', { name: '下移' }).first().click();
  await page.getByRole('button', { name: '保存承诺' }).click();
  await expect(page.getByText('已保存，各窗口将自动同步')).toBeVisible();
  await expect(page.getByLabel('第 1 条承诺')).toHaveValue('材料齐全当场办结');
  await shot(page, 'commitments');

  await page.getByRole('tab', { name: '办公信息' }).click();
  await fillFields(page, { 大厅名称: '示范区婚姻登记处', 所属部门: '示范区民政局', 投诉电话: '010-12345678', 监督电话: '12345' });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存，各窗口将自动同步')).toBeVisible();
  await shot(page, 'office');

  await page.getByRole('tab', { name: '节假日与高峰日' }).click();
  await page.getByLabel('日期').fill('2026-10-08');
  await page.getByLabel('名称').first().fill('国庆节');
  await page.getByLabel('依据').fill('国务院办公厅关于 2026 年部分节假日安排的通知');
  await page.getByRole('button', { name: '添加' }).first().click();
  await expect(page.getByTestId('overrides-table')).toContainText('国庆节');
  await page.getByLabel('历法').selectOption('lunar');
  await page.getByLabel('月', { exact: true }).fill('7');
  await page.getByLabel('日', { exact: true }).fill('7');
  await page.getByLabel('名称').last().fill('七夕');
  await page.getByRole('button', { name: '添加' }).last().click();
  await expect(page.getByTestId('peak-table')).toContainText('七夕');
  await shot(page, 'calendar');

  await page.getByRole('tab', { name: '事项目录' }).click();
  await page.getByLabel('上传新版本（JSON）').setInputFiles('shared/catalogue/default-catalogue.json');
  await expect(page.getByTestId('catalogue-current')).toContainText('版本 2026.1');
  writeFileSync(join(files, 'bad.json'), JSON.stringify({ version: '2026.2', issuedAt: '2026-02-30', items: [] }));
  await page.getByLabel('上传新版本（JSON）').setInputFiles(join(files, 'bad.json'));
  await expect(page.getByRole('alert')).toContainText('事项目录有');
  await shot(page, 'catalogue');

  const today = hallDate(new Date());
  const csv = [
    '预约号,预约日期,预约时段,事项编码,申请人姓名,证件类型,证件号码,联系电话,另一方姓名,另一方证件类型,另一方证件号码',
    `YY0001,${today},09:00-09:30,MAR-REG,张三,居民身份证,${id(1)},13800138000,李四,居民身份证,${id(2)}`,
    `YY0002,${today},10:00-10:30,DIV-REG,王五,居民身份证,${id(3)},13800138001,,,`,
    `YY0003,2026-02-30,10:00-10:30,DIV-REG,赵六,居民身份证,${id(4)},13800138002,,,`,
  ].join('\r\n');
  writeFileSync(join(files, '预约导出.csv'), csv);
  await page.getByRole('tab', { name: '预约导入' }).click();
  await page.getByLabel('选择预约导出文件（CSV / JSON）').setInputFiles(join(files, '预约导出.csv'));
  await expect(page.getByTestId('booking-result')).toContainText('共 3 条，导入 2 条');
  await expect(page.getByTestId('booking-result')).toContainText('3 号窗口 1 条');
  await expect(page.getByTestId('bookings-table')).toContainText('张三');
  await shot(page, 'bookings');

  await page.getByRole('tab', { name: '修改记录' }).click();
  await expect(page.getByTestId('audit-table')).toContainText('导入预约');
  await shot(page, 'audit');

  // the queue's settings: the sentence and the preview follow a saved policy
  await page.getByRole('button', { name: '叫号设置' }).click();
  await expect(page.getByTestId('policy-sentence')).toHaveText('叫号规则：预约在时段内优先；绿色通道优先；普通号每 3 个插 1 个优先号');
  await expect(page.getByTestId('queue-preview').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('queue-preview').locator('li').first()).toContainText('A002');
  await page.getByLabel('绿色通道（老年人、残疾人、孕妇）优先叫').uncheck();
  await page.getByLabel('普通号每叫几个插 1 个优先号').fill('0');
  await page.getByRole('button', { name: '保存规则' }).click();
  await expect(page.getByRole('alert')).toContainText('请求内容不符合要求');
  await page.getByLabel('普通号每叫几个插 1 个优先号').fill('2');
  await page.getByRole('button', { name: '保存规则' }).click();
  await expect(page.getByTestId('policy-sentence')).toHaveText('叫号规则：预约在时段内优先；普通号每 2 个插 1 个优先号');
  await expect(page.getByTestId('queue-preview').locator('li').first()).toContainText('A001');
  await shot(page, 'queue-policy');
  await page.getByTestId('matters-table').getByRole('row', { name: /离婚登记/ }).getByRole('button', { name: '编辑' }).click();
  await page.getByLabel('每日上限（空：不限）').fill('80');
  await page.getByLabel('等候超过多少人提醒（空：按大厅设置）').fill('10');
  await page.getByRole('button', { name: '保存事项' }).click();
  await expect(page.getByTestId('matters-table')).toContainText('超过 10 人');
  await page.getByLabel('窗口号（空：全大厅）').fill('3');
  await expect(page.getByTestId('queue-preview').locator('li')).toHaveCount(2);
  await shot(page, 'queue');

  // a window pulls what the console wrote
  const rows = await pulled();
  const latest = (kind: string, key: string) => rows.filter((r) => r.kind === kind && r.key === key).at(-1);
  expect(latest('staff', '2001')?.body).toMatchObject({ name: '赵敏', title: '副科长', active: true });
  expect(latest('commitment', '0')?.body).toMatchObject({ text: '材料齐全当场办结', position: 0 });
  expect(latest('officeSettings', 'office')?.body).toMatchObject({ department: '示范区民政局' });
  expect(latest('booking', 'YY0001')).toBeDefined();
  expect(latest('booking', 'YY0002')).toBeUndefined();
});
