/**
 * Shift handover end to end in Chromium through host mode: a shift with
 * contacts of each kind, the close countersigned by the next clerk, the
 * handover slip read back from the fake printer's socket, and the next
 * clerk's acknowledgement before anything else.
 */
import { expect, test, type Page } from './fixtures';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { printedColumns } from '../support/escpos-reader';
import { FakePrinter } from '../support/fake-printer';
import { ARTIFACTS_DIR, login, openWithPrinter, startHostProcess, type HostProcess } from './host';
import { fillFields } from './forms';

let host: HostProcess;
let printer: FakePrinter;

test.afterEach(async () => {
  await host?.stop();
  await printer?.stop();
});

async function receive(page: Page, item: string, name: string): Promise<void> {
  await page.getByRole('button', { name: '接待受理' }).click();
  await page.getByLabel('办理事项').selectOption({ label: item });
  await page.getByLabel('申请人姓名').fill(name);
  await page.getByRole('button', { name: '开始接待' }).click();
  await expect(page.getByTestId('contact-card')).toContainText(`${item} · ${name}`);
}

async function tickAll(page: Page, except: string[] = []): Promise<void> {
  const rows = page.getByTestId('materials').locator('tbody tr');
  for (const row of await rows.all()) {
    const optional = (await row.textContent())?.includes('（如有）');
    const box = row.getByRole('checkbox');
    const name = (await box.getAttribute('aria-label')) ?? '';
    if (!optional && !except.includes(name)) await box.check();
  }
}

test('a shift with each kind of contact is handed over, countersigned, printed and acknowledged', async ({ browser }) => {
  printer = await FakePrinter.start();
  host = await startHostProcess({ demo: true, clockStart: '2026-09-29T09:30:00+08:00' });
  const page = await openWithPrinter(browser, host, printer.uri, 900);

  await login(page, '1001', '135790');
  // missing material → one-time notification
  await receive(page, '婚姻登记记录证明', '赵一');
  await tickAll(page, ['婚姻登记档案查询申请表']);
  await page.getByRole('button', { name: /打印一次性告知单/ }).click();
  await expect(page.getByTestId('contact-status')).toHaveText('已告知，待补材料');
  // another department's matter → referral
  await receive(page, '社会团体成立登记', '钱二');
  await page.getByRole('button', { name: '打印引导单' }).click();
  await expect(page.getByTestId('contact-status')).toHaveText('已引导');
  // complete → accepted, left open
  await receive(page, '婚姻登记记录证明', '孙三');
  await tickAll(page);
  await page.getByRole('button', { name: '受理并打印回执' }).click();
  await expect(page.getByTestId('contact-status')).toHaveText('已受理');
  // on the spot → accepted and completed
  await receive(page, '婚姻登记记录证明', '李四');
  await tickAll(page);
  await page.getByRole('button', { name: '受理并打印回执' }).click();
  await expect(page.getByTestId('contact-status')).toHaveText('已受理');
  await page.getByRole('button', { name: '限时办结' }).click();
  await page.getByTestId('cases-board').locator('tr', { hasText: '李四' }).getByRole('button', { name: '办结' }).click();
  await expect(page.getByTestId('cases-board')).not.toContainText('李四');
  await printer.waitForJobs(4);

  // close the shift: the summary, a note, an item, the next clerk's countersignature
  await page.getByRole('button', { name: '交接班' }).click();
  const summary = page.getByTestId('handover-summary');
  await expect(summary).toContainText('在办受理件 1 件');
  await expect(summary).toContainText('已告知、等待补齐材料 1 件');
  // 好差评: rated and not rated only, never the levels
  await expect(page.getByTestId('handover-ratings')).toHaveText(/^好差评：已评价 \d+ 次，未评价 \d+ 次$/);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'handover-summary-1366x768.png') });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByLabel('交接说明').fill('赵一的申请表明天补交');
  await page.getByRole('button', { name: '添加物品' }).click();
  await fillFields(page, { '第 1 项物品': '代保管结婚证', '第 1 项数量': '1 本', 签收人工号: '1001', '签收人 PIN': '135790' });
  await page.getByRole('button', { name: '签收并交班' }).click();
  await expect(page.getByRole('alert')).toContainText('不能由本人签收');
  await page.getByLabel('签收人工号').fill('1002');
  await page.getByLabel('签收人 PIN').fill('258036');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'handover-close.png') });
  await page.getByRole('button', { name: '签收并交班' }).click();
  await expect(page.getByRole('heading', { name: '3 号窗口 · 工作人员登录' })).toBeVisible();

  const jobs = await printer.waitForJobs(5);
  const slip = (jobs[4]?.lines ?? []).map((l) => l.text.trim()).join('\n');
  expect(slip).toMatch(/好差评：已评价 \d+ 次，未评价 \d+ 次/);
  expect(slip).not.toMatch(/差评 \d/);
  for (const expected of ['交接班单', '交班人：李晓梅（工号 1001）', '在办受理件 1 件', '孙*', '已告知待补材料 1 件', '赵*', '代保管结婚证：1 本', '接班人签收：张伟（1002）']) {
    expect(slip).toContain(expected);
  }
  const counts = jobs[4]?.lines.find((l) => /^\s*4\s+1\s+1\s+2\s+1\s+0\s*$/.test(l.text));
  expect(counts, slip).toBeDefined(); // 接待 4, 告知 1, 引导 1, 受理 2, 办结 1, 结束 0
  for (const line of jobs[4]?.lines ?? []) expect(printedColumns(line), line.text).toBeLessThanOrEqual(48);

  // the next clerk sees the handover first and acknowledges it
  await login(page, '1002', '258036');
  const ack = page.getByTestId('handover-ack');
  await expect(ack).toContainText('交班人 李晓梅（1001）');
  await expect(ack).toContainText('赵一的申请表明天补交');
  await expect(ack).toContainText('代保管结婚证 × 1 本');
  await expect(page.getByTestId('contact-card')).toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'handover-acknowledge.png') });
  await page.getByRole('button', { name: '已查看，确认接收' }).click();
  await expect(page.getByTestId('contact-card')).toBeVisible();

  // the renderer sent the close with a request id, kept with the signed handover in one commit; the refused
  // close before it wrote nothing, so its answer is not kept either (a retry of it is evaluated again)
  const db = new Database(join(host.dataDir, 'counter.sqlite3'), { readonly: true });
  try {
    expect(db.prepare("SELECT COUNT(*) FROM request_log WHERE method = 'handover.close' AND result_sealed IS NOT NULL").pluck().get()).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM handover').pluck().get()).toBe(1);
  } finally {
    db.close();
  }
});

test('the handover page at 1366×768 with three items: case numbers and long names stay on one line', async ({ browser }) => {
  host = await startHostProcess({ demo: true, clockStart: '2026-11-27T09:30:00+08:00' });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${host.baseUrl}/`);
  await login(page, '1001', '135790');
  for (const name of ['欧阳娜娜', '司马相如']) {
    await receive(page, '婚姻登记记录证明', name);
    await tickAll(page);
    await page.getByRole('button', { name: '受理并打印回执' }).click();
    await expect(page.getByTestId('contact-status')).toHaveText('已受理');
  }
  await receive(page, '婚姻登记记录证明', '诸葛孔明');
  await tickAll(page, ['婚姻登记档案查询申请表']);
  await page.getByRole('button', { name: /打印一次性告知单/ }).click();
  await expect(page.getByTestId('contact-status')).toHaveText('已告知，待补材料');

  await page.getByRole('button', { name: '交接班' }).click();
  const summary = page.getByTestId('handover-summary');
  await expect(summary).toContainText('在办受理件 2 件');
  const items: [string, string, string][] = [
    ['代保管结婚证（欧阳娜娜、司马相如）', '2 本', '当事人明天上午来取'],
    ['窗口印章', '1 枚', '已锁入抽屉'],
    ['婚姻登记档案查询申请表（空白）', '50 张', '放在柜台左侧'],
  ];
  for (const [i, [what, quantity, note]] of items.entries()) {
    await page.getByRole('button', { name: '添加物品' }).click();
    await page.getByLabel(`第 ${i + 1} 项物品`).fill(what);
    await page.getByLabel(`第 ${i + 1} 项数量`).fill(quantity);
    await page.getByLabel(`第 ${i + 1} 项备注`).fill(note);
  }
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'handover-three-items-1366x768.png') });
  // every case number, slip number and name is one line of text, inside its card
  const lines = await summary.locator('td').evaluateAll((tds) =>
    tds
      .filter((td) => /^(SL|GZ|HY)\d{8}-|^(欧阳娜娜|司马相如|诸葛孔明)$/.test(td.textContent ?? ''))
      .map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return { text: td.textContent ?? '', tops: new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size };
      }),
  );
  expect(lines).toHaveLength(6);
  expect(lines.filter((l) => l.tops !== 1)).toEqual([]);
  const overflow = await summary.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
