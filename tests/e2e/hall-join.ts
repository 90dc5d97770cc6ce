/**
 * Window hosts with a test hall: joining one through 系统设置 as the
 * supervisor does it (the window number, then the hall's address and an
 * enrolment code issued for that number), and stopping them all.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { RunningHall } from '../../hall/app';
import { createEnrolmentCode } from '../../hall/store/windows';
import type { TestHall } from '../support/hall';
import type { HostProcess } from './host';

/** On a page where the supervisor is logged in: numbers the window and joins it; returns the 大厅连接 region, showing it joined. */
export async function joinHall(page: Page, hall: RunningHall, windowNo: string): Promise<Locator> {
  await page.getByRole('button', { name: '系统设置' }).click();
  await page.getByLabel('窗口号').fill(windowNo);
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存。')).toBeVisible();
  const section = page.getByRole('form', { name: '大厅连接' });
  await section.getByLabel('大厅服务器地址').fill(hall.url);
  await section.getByLabel('登记码').fill(await createEnrolmentCode(hall.pool, hall.hall.hallId, windowNo));
  await section.getByRole('button', { name: '加入' }).click();
  const joined = page.getByRole('region', { name: '大厅连接' });
  await expect(joined.getByRole('status')).toContainText('已加入测试大厅');
  return joined;
}

/** The end of a spec file: every window host stopped, then the hall (if it started). */
export async function stopHostsAndHall(hosts: HostProcess[], hall: TestHall | undefined): Promise<void> {
  for (const host of hosts) await host.stop();
  await hall?.stop();
}
