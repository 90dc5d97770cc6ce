/** A commitment on a slip (shared/domain/commitments.ts commitmentLine): the time limit once. */
import { describe, expect, it } from 'vitest';
import { commitmentLine, DEFAULT_COMMITMENTS } from '../../shared/domain/commitments';

describe('commitmentLine', () => {
  it.each([
    [{ text: '材料齐全、符合法定条件的婚姻登记当场办结', timeLimit: '当场办结' }, '材料齐全、符合法定条件的婚姻登记当场办结'],
    [{ text: '首问负责：您的事由我负责接待、解答或引导到位', timeLimit: '当场' }, '首问负责：您的事由我负责接待、解答或引导到位（当场）'],
    [{ text: '对您的投诉和意见及时回复', timeLimit: '5 个工作日内' }, '对您的投诉和意见及时回复（5 个工作日内）'],
    [{ text: '微笑服务', timeLimit: ' ' }, '微笑服务'],
  ])('%j', (item, line) => {
    expect(commitmentLine(item)).toBe(line);
  });

  it.each(DEFAULT_COMMITMENTS.map((c) => [c]))('default %j says its time limit once', (item) => {
    const line = commitmentLine(item);
    expect(line.split(item.timeLimit).length - 1).toBe(1);
  });
});
