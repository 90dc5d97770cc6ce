/** The priority policy: which ticket is called next, the preview of the next calls, the policy as a sentence. */
import { describe, expect, it } from 'vitest';
import { chooseNext, DEFAULT_QUEUE_POLICY, policySentence, preferenceOrder, previewCalls, type PriorityKind, type QueuePolicy, type WaitingTicket } from '../../shared/domain/queue-policy';

const MIN = 60_000;
const NOW = Date.parse('2026-11-27T02:00:00.000Z'); // 10:00 in the hall

/** A ticket taken `ago` minutes before NOW; an appointment's slot as minutes relative to NOW. */
function t(code: string, kind: PriorityKind, ago: number, matter = 'MAR-REG', slot?: [number, number]): WaitingTicket {
  return { id: code, code, matter, kind, takenAt: NOW - ago * MIN, slot: slot ? { start: NOW + slot[0] * MIN, end: NOW + slot[1] * MIN } : null };
}

const codes = (ts: readonly WaitingTicket[]): string[] => ts.map((x) => x.code);

describe('the next call', () => {
  const cases: [string, WaitingTicket[], Partial<QueuePolicy>, number, string | null, number][] = [
    // name, waiting, policy, normal streak before, expected, streak after
    ['nobody waits', [], {}, 0, null, 0],
    ['arrival order among normal tickets', [t('A002', 'normal', 5), t('A001', 'normal', 9)], {}, 0, 'A001', 1],
    ['an appointment in its slot goes first', [t('A001', 'normal', 30), t('G001', 'green', 20), t('Y001', 'appointment', 1, 'MAR-REG', [-5, 25])], {}, 0, 'Y001', 0],
    ['an appointment before its slot waits like a priority ticket', [t('A001', 'normal', 30), t('Y001', 'appointment', 40, 'MAR-REG', [10, 40])], {}, 0, 'Y001', 0],
    ['the slot end is excluded', [t('A001', 'normal', 3), t('Y001', 'appointment', 1, 'MAR-REG', [-30, 0])], {}, 0, 'A001', 1],
    ['绿色通道 next, ahead of older normal tickets', [t('A001', 'normal', 30), t('G001', 'green', 1)], {}, 0, 'G001', 0],
    ['绿色通道 leaves the streak as it was', [t('A001', 'normal', 30), t('G001', 'green', 1)], {}, 2, 'G001', 2],
    ['a newer priority ticket waits for N normal calls', [t('A001', 'normal', 30), t('Y001', 'appointment', 1, 'MAR-REG', [60, 90])], {}, 2, 'A001', 3],
    ['after N normal calls the priority ticket jumps in', [t('A001', 'normal', 30), t('Y001', 'appointment', 1, 'MAR-REG', [60, 90])], {}, 3, 'Y001', 0],
    ['绿色通道 counted in the ratio when it does not go first', [t('A001', 'normal', 30), t('G001', 'green', 1)], { greenFirst: false }, 0, 'A001', 1],
    ['in-slot appointments not first: in the ratio too', [t('A001', 'normal', 30), t('Y001', 'appointment', 1, 'MAR-REG', [-5, 25])], { appointmentsInSlotFirst: false, normalPerPriority: 1 }, 1, 'Y001', 0],
    ['a weight of 2 doubles a matter\'s wait', [t('A001', 'normal', 10, 'MAR-REG'), t('B001', 'normal', 6, 'DIV-REG')], { weights: { 'DIV-REG': 2 } }, 0, 'B001', 1],
    ['equal weighted waits: the earlier taken', [t('A001', 'normal', 10, 'MAR-REG'), t('B001', 'normal', 5, 'DIV-REG')], { weights: { 'DIV-REG': 2 } }, 0, 'A001', 1],
    ['nothing but priority tickets', [t('Y002', 'appointment', 1, 'MAR-REG', [60, 90]), t('Y001', 'appointment', 2, 'MAR-REG', [30, 60])], {}, 0, 'Y001', 0],
    ['two appointments in their slots: the earlier slot', [t('Y002', 'appointment', 9, 'MAR-REG', [-10, 20]), t('Y001', 'appointment', 1, 'MAR-REG', [-20, 10])], {}, 0, 'Y001', 0],
  ];
  it.each(cases)('%s', (_name, waiting, policy, streak, expected, streakAfter) => {
    const choice = chooseNext(waiting, { ...DEFAULT_QUEUE_POLICY, ...policy }, { normalStreak: streak }, NOW);
    expect(choice?.ticket.code ?? null).toBe(expected);
    if (choice !== null) expect(choice.state.normalStreak).toBe(streakAfter);
  });
});

describe('the preview of the next calls', () => {
  it('interleaves one priority ticket after every 3 normal ones, after the slot and 绿色通道', () => {
    const normal = Array.from({ length: 9 }, (_, i) => t(`A00${i + 1}`, 'normal', 60 - i));
    const early = [t('Y001', 'appointment', 5, 'MAR-REG', [60, 90]), t('Y002', 'appointment', 4, 'MAR-REG', [60, 90])];
    const waiting = [...normal, ...early, t('G001', 'green', 1), t('Y003', 'appointment', 2, 'MAR-REG', [-10, 20])];
    expect(codes(previewCalls(waiting, DEFAULT_QUEUE_POLICY, { normalStreak: 0 }, NOW))).toEqual(['Y003', 'G001', 'A001', 'A002', 'A003', 'Y001', 'A004', 'A005', 'A006', 'Y002']);
  });

  it('stops when the list runs out, and honours the streak it starts from', () => {
    const waiting = [t('A001', 'normal', 10), t('Y001', 'appointment', 1, 'MAR-REG', [60, 90])];
    expect(codes(previewCalls(waiting, DEFAULT_QUEUE_POLICY, { normalStreak: 3 }, NOW))).toEqual(['Y001', 'A001']);
    expect(codes(previewCalls(waiting, DEFAULT_QUEUE_POLICY, { normalStreak: 0 }, NOW, 1))).toEqual(['A001']);
  });
});

describe('a window\'s preference when others take its first choices', () => {
  it('steps over taken tickets with its state unchanged, each choice carrying the state after it', () => {
    const waiting = [t('A001', 'normal', 30), t('A002', 'normal', 20), t('Y001', 'appointment', 1, 'MAR-REG', [60, 90]), t('G001', 'green', 1)];
    const order = preferenceOrder(waiting, DEFAULT_QUEUE_POLICY, { normalStreak: 3 }, NOW);
    expect(order.map((c) => `${c.ticket.code}:${c.state.normalStreak}`)).toEqual(['G001:3', 'Y001:0', 'A001:4', 'A002:4']);
    expect(preferenceOrder([], DEFAULT_QUEUE_POLICY, { normalStreak: 0 }, NOW)).toEqual([]);
  });
});

describe('the policy as a sentence', () => {
  it.each<[Partial<QueuePolicy>, string]>([
    [{}, '预约在时段内优先；绿色通道优先；普通号每 3 个插 1 个优先号'],
    [{ greenFirst: false, normalPerPriority: 5 }, '预约在时段内优先；普通号每 5 个插 1 个优先号'],
    [{ appointmentsInSlotFirst: false, weights: { 'DIV-REG': 2, 'MAR-REG': 1, 'CERT-FIX': 0.5 } }, '绿色通道优先；普通号每 3 个插 1 个优先号；按等候时间乘以事项权重排队（补领证权重 0.5，离婚登记权重 2）'],
  ])('%j', (policy, sentence) => {
    expect(policySentence({ ...DEFAULT_QUEUE_POLICY, ...policy }, { 'DIV-REG': '离婚登记', 'CERT-FIX': '补领证' })).toBe(sentence);
  });
});
