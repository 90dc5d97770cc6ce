/** The hall screen's voice: spoken text, clip sequences and the announcement queue (dedupe, call order, never interrupt, repeats). */
import { describe, expect, it } from 'vitest';
import { clipSequence, EMPTY_QUEUE, enqueueCalls, finishPlaying, SEEN_LIMIT, spokenText, startNext, VOICE_CLIP_NAMES, type AnnouncedCall, type AnnouncementQueue } from '../../shared/domain/announcer';

const call = (id: string, code: string, windowNo: string): AnnouncedCall => ({ id, code, windowNo });

describe('what an announcement says', () => {
  it.each<[AnnouncedCall, string, string[]]>([
    [call('1', 'A001', '3'), '请 A 零 零 一 号到 三 号窗口办理', ['chime', 'qing', 'A', '0', '0', '1', 'hao', 'dao', '3', 'hao', 'chuangkou', 'banli']],
    [call('2', 'B120', '12'), '请 B 一 二 零 号到 十二 号窗口办理', ['chime', 'qing', 'B', '1', '2', '0', 'hao', 'dao', 'shi', '2', 'hao', 'chuangkou', 'banli']],
    [call('3', 'MA999', 'c2'), '请 M A 九 九 九 号到 c 二 号窗口办理', ['chime', 'qing', 'M', 'A', '9', '9', '9', 'hao', 'dao', 'C', '2', 'hao', 'chuangkou', 'banli']],
    [call('4', 'C1000', '2-1'), '请 C 一 零 零 零 号到 二 - 一 号窗口办理', ['chime', 'qing', 'C', '1', '0', '0', '0', 'hao', 'dao', '2', '1', 'hao', 'chuangkou', 'banli']],
    [call('5', 'A012', '10'), '请 A 零 一 二 号到 十 号窗口办理', ['chime', 'qing', 'A', '0', '1', '2', 'hao', 'dao', 'shi', 'hao', 'chuangkou', 'banli']],
    [call('6', 'A001', '20'), '请 A 零 零 一 号到 二十 号窗口办理', ['chime', 'qing', 'A', '0', '0', '1', 'hao', 'dao', '2', 'shi', 'hao', 'chuangkou', 'banli']],
    [call('7', 'B002', '101'), '请 B 零 零 二 号到 一百零一 号窗口办理', ['chime', 'qing', 'B', '0', '0', '2', 'hao', 'dao', '1', 'bai', '0', '1', 'hao', 'chuangkou', 'banli']],
    [call('8', 'B003', '1010'), '请 B 零 零 三 号到 一千零一十 号窗口办理', ['chime', 'qing', 'B', '0', '0', '3', 'hao', 'dao', '1', 'qian', '0', '1', 'shi', 'hao', 'chuangkou', 'banli']],
    [call('9', 'A013', 'W12'), '请 A 零 一 三 号到 W 十二 号窗口办理', ['chime', 'qing', 'A', '0', '1', '3', 'hao', 'dao', 'W', 'shi', '2', 'hao', 'chuangkou', 'banli']],
    [call('10', 'A014', '012'), '请 A 零 一 四 号到 零 一 二 号窗口办理', ['chime', 'qing', 'A', '0', '1', '4', 'hao', 'dao', '0', '1', '2', 'hao', 'chuangkou', 'banli']],
  ])('%o', (c, text, clips) => {
    expect(spokenText(c)).toBe(text);
    expect(clipSequence(c)).toEqual(clips);
    for (const name of clipSequence(c)) expect(VOICE_CLIP_NAMES).toContain(name);
  });
});

/** Plays the queue to the end: the announcements in the order heard. */
function playAll(q: AnnouncementQueue): string[] {
  const heard: string[] = [];
  let s = startNext(q);
  while (s.playing !== null) {
    heard.push(s.playing.call.code);
    s = finishPlaying(s);
  }
  return heard;
}

describe('the announcement queue', () => {
  const a1 = call('7', 'A001', '1');
  const a2 = call('9', 'A002', '2');
  const r1 = call('10', 'A001', '1'); // a recall of A001: a call of its own
  const b1 = call('11', 'B001', '3');

  it.each<[string, AnnouncedCall[][], number, string[]]>([
    ['one poll, call order by id (9 before 10, not as text)', [[b1, r1, a2, a1]], 1, ['A001', 'A002', 'A001', 'B001']],
    ['the same call on several polls is announced once', [[a1], [a1, a2], [a2, a1, r1]], 1, ['A001', 'A002', 'A001']],
    ['repeated per setting, each in a row', [[a1, a2]], 2, ['A001', 'A001', 'A002', 'A002']],
    ['a twice-listed call in one poll', [[a1, a1]], 1, ['A001']],
    ['nothing new', [[]], 1, []],
  ])('%s', (_name, polls, times, heard) => {
    let q = EMPTY_QUEUE;
    for (const calls of polls) q = enqueueCalls(q, calls, times);
    expect(playAll(q)).toEqual(heard);
  });

  it('never cuts off the one playing: a newer call waits for it', () => {
    let q = startNext(enqueueCalls(EMPTY_QUEUE, [a1], 1));
    expect(q.playing?.call).toEqual(a1);
    q = startNext(enqueueCalls(q, [a2], 1));
    expect(q.playing?.call).toEqual(a1);
    expect(q.waiting.map((w) => w.call)).toEqual([a2]);
    q = finishPlaying(q);
    expect(q.playing?.call).toEqual(a2);
    expect(finishPlaying(q).playing).toBeNull();
  });

  it('the calls on the screen when it opens are remembered, not announced', () => {
    let q = enqueueCalls(EMPTY_QUEUE, [a1, a2], 1, true);
    q = enqueueCalls(q, [a1, a2, b1], 1);
    expect(playAll(q)).toEqual(['B001']);
  });

  it.each<[number, number]>([
    [0, 1],
    [1, 1],
    [3, 3],
    [2.7, 2],
  ])('times %d plays %d', (times, plays) => {
    expect(playAll(enqueueCalls(EMPTY_QUEUE, [a1], times))).toHaveLength(plays);
  });

  it('remembers a bounded number of ids', () => {
    const many = Array.from({ length: SEEN_LIMIT + 20 }, (_, i) => call(String(i + 1), 'A001', '1'));
    const q = enqueueCalls(EMPTY_QUEUE, many, 1, true);
    expect(q.seen).toHaveLength(SEEN_LIMIT);
    expect(q.seen.at(-1)).toBe(String(SEEN_LIMIT + 20));
  });
});
