/** What logging out without a handover would leave behind (shared/domain/open-work.ts). */
import { describe, expect, it } from 'vitest';
import { openWorkItems } from '../../shared/domain/open-work';

const NONE = { inProgress: 0, openCasesTotal: 0, awaitingTotal: 0, printJobs: { queued: 0, failed: 0 } };

describe('openWorkItems', () => {
  it.each([
    [NONE, []],
    [{ ...NONE, inProgress: 1 }, ['正在接待 1 人']],
    [{ ...NONE, openCasesTotal: 2, awaitingTotal: 1 }, ['在办受理件 2 件', '已告知待补材料 1 件']],
    [{ ...NONE, printJobs: { queued: 3, failed: 1 } }, ['待打印 3 张', '打印失败 1 张']],
  ])('%j', (facts, items) => {
    expect(openWorkItems(facts)).toEqual(items);
  });
});
