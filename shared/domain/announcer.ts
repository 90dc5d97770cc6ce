/**
 * The hall screen's voice (DESIGN.md §8): what one announcement says, the
 * recorded clips that say it, and the queue that plays announcements one at
 * a time in call order. Every call and every recall is one announcement; the
 * screen sees the same call on many polls and announces it once; the one
 * playing is never cut off; each is played `times` times in a row (a hall
 * setting).
 */
import { spokenAnnouncement, spokenWindowWords } from './queue-ticket';

/** A call (叫号, 回呼) or a recall (重呼) as the hall screen reads it; `id` orders calls and names each one once. */
export interface AnnouncedCall {
  /** The queue event's id: a decimal integer, larger for a later call. */
  id: string;
  code: string;
  windowNo: string;
}

const DIGIT_CLIPS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const LETTER_CLIPS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const WORD_CLIPS = ['chime', 'qing', 'hao', 'dao', 'chuangkou', 'banli'] as const;
/** 十, 百, 千: a window number is read as a number (十二 号窗口). */
const UNIT_CLIPS = ['shi', 'bai', 'qian'] as const;

/** Every clip a clip folder holds, as `<name>.wav`: the chime, the words, the digits, the number units and the letters. */
export const VOICE_CLIP_NAMES: readonly string[] = [...WORD_CLIPS, ...DIGIT_CLIPS, ...UNIT_CLIPS, ...LETTER_CLIPS];

/** The clip of each Chinese numeral the voice speaks. */
const NUMERAL_CLIPS: Readonly<Record<string, string>> = {
  零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: 'shi', 百: 'bai', 千: 'qian',
};

/** The spoken text for speechSynthesis: '请 A 零 零 一 号到 三 号窗口办理'. */
export function spokenText(call: AnnouncedCall): string {
  return spokenAnnouncement(call.code, call.windowNo);
}

/** A code's characters as clip names, one by one: digits and letters (upper case); anything else is not spoken. */
function characterClips(code: string): string[] {
  return [...code.toUpperCase()].filter((ch) => VOICE_CLIP_NAMES.includes(ch));
}

/** A window number's clips, read as spokenWindowWords reads it: '12' → shi 2, '101' → 1 bai 0 1, 'C2' → C 2. */
function windowClips(windowNo: string): string[] {
  return spokenWindowWords(windowNo).flatMap((word) => [...word].flatMap((ch) => NUMERAL_CLIPS[ch] ?? characterClips(ch)));
}

/** The clips of one announcement in order: chime, 请, the code (digit by digit), 号, 到, the window (as a number), 号, 窗口, 办理. */
export function clipSequence(call: AnnouncedCall): string[] {
  return ['chime', 'qing', ...characterClips(call.code), 'hao', 'dao', ...windowClips(call.windowNo), 'hao', 'chuangkou', 'banli'];
}

interface Queued {
  call: AnnouncedCall;
  /** Plays still to go, this one included. */
  playsLeft: number;
}

export interface AnnouncementQueue {
  /** Ids already taken in (queued, playing or played), newest last; bounded by SEEN_LIMIT. */
  seen: readonly string[];
  waiting: readonly Queued[];
  playing: Queued | null;
}

/** How many call ids the queue remembers: far more than the screen's list of latest calls. */
export const SEEN_LIMIT = 500;

export const EMPTY_QUEUE: AnnouncementQueue = { seen: [], waiting: [], playing: null };

/** Orders decimal ids numerically ('9' before '10'). */
function byId(a: AnnouncedCall, b: AnnouncedCall): number {
  return a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The calls not seen before join the end of the queue in call order, each to
 * be played `times` times. `silent`: remember them without announcing (the
 * calls already on the screen when it opens).
 */
export function enqueueCalls(q: AnnouncementQueue, calls: readonly AnnouncedCall[], times: number, silent = false): AnnouncementQueue {
  const seen = new Set(q.seen);
  const fresh = calls.filter((c) => !seen.has(c.id) && seen.add(c.id)).sort(byId);
  if (fresh.length === 0) return q;
  const plays = Math.max(1, Math.floor(times));
  return {
    seen: [...q.seen, ...fresh.map((c) => c.id)].slice(-SEEN_LIMIT),
    waiting: silent ? q.waiting : [...q.waiting, ...fresh.map((call) => ({ call, playsLeft: plays }))],
    playing: q.playing,
  };
}

/** The next announcement starts when nothing is playing; while one plays the queue is unchanged (never cut off). */
export function startNext(q: AnnouncementQueue): AnnouncementQueue {
  if (q.playing !== null) return q;
  const [next, ...rest] = q.waiting;
  return next === undefined ? q : { ...q, waiting: rest, playing: next };
}

/** The playing announcement ended: it plays again at once while it has plays left, else the queue moves on. */
export function finishPlaying(q: AnnouncementQueue): AnnouncementQueue {
  const p = q.playing;
  if (p === null) return q;
  if (p.playsLeft > 1) return { ...q, playing: { call: p.call, playsLeft: p.playsLeft - 1 } };
  return startNext({ ...q, playing: null });
}
