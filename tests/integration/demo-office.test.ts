/**
 * The demo office agrees with itself: the matters a clerk's badge names are
 * handled at the demo window, and what the registry does not handle is
 * referred to its own office, with a street address and office hours on the slip.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_HALL, DEMO_STAFF, seedDemo } from '../../electron/services/setup/demo';
import { call, cleanupAll, createTestCore, login, logout, type TestCore } from '../support/core';
import { readJobs, slipText } from '../support/escpos-reader';

afterAll(cleanupAll);

async function startContact(t: TestCore, itemCode: string) {
  return call(t.core, 'intake.start', { itemCode, channel: 'walkIn', applicantName: '张三丰', applicantPhone: '13800000000', applicantIdNumber: '' });
}

function printedSlip(t: TestCore, jobId: string): string {
  const row = t.core.db.prepare('SELECT bytes FROM print_job WHERE id = ?').get(jobId) as { bytes: Buffer };
  return readJobs(row.bytes).flatMap((job) => slipText(job)).join('\n');
}

describe('the demo office', () => {
  it('handles at its window every matter a clerk’s badge names', async () => {
    const t = createTestCore();
    await seedDemo(t.core);
    let named = 0;
    for (const staff of DEMO_STAFF.filter((s) => s.role === 'clerk')) {
      await login(t.core, staff.staffNo, staff.pin);
      const badge = (await call(t.core, 'display.state', {})).clerk;
      expect(badge?.duties).toBe(staff.duties);
      const items = (await call(t.core, 'catalogue.get', {})).items;
      for (const matter of staff.duties.split('、')) {
        const item = items.find((i) => i.name === matter);
        if (!item) continue;
        named += 1;
        const contact = await startContact(t, item.code);
        expect(contact.handledHere, `${staff.name}：${matter}`).toBe(true);
        await call(t.core, 'intake.close', { id: contact.id, reason: 'consulted' });
      }
      await logout(t.core);
    }
    // 结婚登记 and 补领婚姻登记证 (李晓梅), 离婚登记 and 婚姻登记记录证明 (张伟)
    expect(named).toBe(4);
  });

  it('refers 低保 to the office that handles it: its street address and hours, not the registry’s', async () => {
    const t = createTestCore();
    await seedDemo(t.core);
    await login(t.core, '1001', '135790');
    const contact = await startContact(t, 'MZ-DIBAO');
    expect(contact.handledHere).toBe(false);
    const { printJobId } = await call(t.core, 'intake.refer', { id: contact.id });
    const slip = printedSlip(t, printJobId);
    expect(slip).toContain('引导单');
    expect(slip).toMatch(/办理地点：\s*示范区民政局 社会救助科/);
    expect(slip).toMatch(/地址：\s*示范区建设路 88 号 区民政局一楼 105 室/);
    expect(slip).toMatch(/电话：\s*010-87653105/);
    expect(slip).toMatch(/办公时间：\s*周一至周五 9:00—12:00、13:30—17:00/);
    expect(slip).not.toContain('工作日办公时间');
    expect(slip).not.toMatch(new RegExp(`地址：\\s*${DEMO_HALL.hallName}`));
  });
});
