/**
 * The hall console in Chromium against a real hall on a real PostgreSQL: the
 * demo supervisor logs in, sees the board with a window that pushed its
 * status (and one never heard from, in red), searches the hall ledger and
 * issues an enrolment code. Screenshots at 1366×768.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { seedDemoStaff } from '../../hall/demo';
import { chainHashes, changeRow, enrolWindow, startTestHall, value, type TestHall } from '../support/hall';
import { contactPayload, marriagePayload } from '../support/hall-console';
import { ARTIFACTS_DIR } from './host';

let t: TestHall;

test.beforeAll(async () => {
  t = await startTestHall();
  await seedDemoStaff(t.hall.pool, t.hall.hall);
  const w1 = await enrolWindow(t.hall, '1');
  await enrolWindow(t.hall, '2');
  const c1 = randomUUID();
  const c2 = randomUUID();
  const m1 = randomUUID();
  const rows = [
    changeRow(1, { entity: 'contact', entityId: c1, payload: contactPayload(c1, '1', { contactNo: 'JD202611270001', name: '赵敏', receivedAt: '2026-11-27T01:10:00.000Z' }) }),
    changeRow(2, { entity: 'contact', entityId: c2, payload: contactPayload(c2, '1', { contactNo: 'JD202611270002', name: '孙丽', receivedAt: '2026-11-27T01:40:00.000Z', status: 'accepted' }) }),
    changeRow(3, { entity: 'civil_case', entityId: m1, op: 'update', payload: marriagePayload(m1, '1', { caseNo: 'HY202611270001', certificateNo: 'J330100-2026-000001', names: ['周杰', '赵敏'], registeredAt: '2026-11-27T02:00:00.000Z' }) }),
  ];
  const heads = chainHashes(3);
  await value(
    t.hall,
    'push',
    {
      windowNo: '1',
      rows,
      auditHead: heads[3] ?? { seq: 0, hash: '' },
      auditAt: null,
      status: { staffNo: '1001', staffName: '李晓梅', state: 'paused', whereabouts: '临时离开，10:30 回', printerProblem: null },
      backlog: { rows: 0, oldestAt: null },
    },
    w1.credential,
  );
});

test.afterAll(async () => {
  await t?.stop();
});

test.use({ viewport: { width: 1366, height: 768 } });

test('a supervisor logs in, sees the board and searches the hall ledger', async ({ page }) => {
  await page.goto(`${t.hall.url}/console`);
  await page.getByLabel('工号').fill('9001');
  await page.getByLabel('PIN').fill('000000');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('工号或 PIN 不正确，请核对后重试');
  await page.getByLabel('工号').fill('9001');
  await page.getByLabel('PIN').fill('246810');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('console-user')).toContainText('王建国');

  const one = page.locator('[data-window="1"]');
  await expect(one).toContainText('李晓梅（1001）');
  await expect(one).toContainText('暂停');
  await expect(one).toContainText('临时离开，10:30 回');
  await expect(one).toContainText('已同步');
  await expect(one).toHaveAttribute('data-offline', 'false');
  await expect(page.locator('[data-window="2"]')).toHaveAttribute('data-offline', 'true');
  await expect(page.locator('[data-window="2"]')).toContainText('离线');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'console-board-1366x768.png') });

  await page.getByRole('button', { name: '大厅台账' }).click();
  await expect(page.getByTestId('ledger-counts')).toContainText('共 2 条');
  await page.getByLabel('姓名或编号').fill('赵敏');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByTestId('ledger-counts')).toContainText('共 1 条');
  await expect(page.getByTestId('ledger-table')).toContainText('JD202611270001');
  await page.getByLabel('从').fill('2026-11-27');
  await page.getByLabel('到').fill('2026-11-27');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByTestId('ledger-counts')).toContainText('1 号窗口 1 条');
  await page.getByLabel('到').fill('2026-11-26');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('alert')).toHaveText('请求内容不符合要求：开始日期不能晚于结束日期');
  await page.getByLabel('到').fill('');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('tab', { name: '结婚登记' }).click();
  await expect(page.getByTestId('ledger-table')).toContainText('J330100-2026-000001');
  await expect(page.getByTestId('ledger-table')).toContainText('周杰、赵敏');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'console-ledger-1366x768.png') });

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^大厅台账-\d{4}-\d{2}-\d{2}\.csv$/);

  await page.getByRole('button', { name: '窗口登记' }).click();
  await page.getByLabel('窗口号').fill('3');
  await page.getByRole('button', { name: '生成登记码' }).click();
  await expect(page.getByTestId('enrolment-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'console-enrol-1366x768.png') });

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '大厅管理台 · 主管登录' })).toBeVisible();
});
