/**
 * Rules for the window's public status (在岗服务 / 暂停服务 / 窗口未开放)
 * and the whereabouts sign (去向牌) countdown.
 */
import { hallDate, hallInstant, hallParts, hallTime } from './hall-time';
import { weekday } from './plain-date';

export type WindowStatus = 'serving' | 'paused' | 'closed';

export const WINDOW_STATUS_LABELS: Record<WindowStatus, string> = {
  serving: '在岗服务',
  paused: '暂停服务',
  closed: '窗口未开放',
};

export const PAUSE_REASONS = ['临时离开', '业务培训', '外出办事', '午间休息', '系统维护'] as const;

/** Longest a clerk may announce an absence for: the sign is for today's return. */
export const MAX_PAUSE_MS = 12 * 60 * 60 * 1000;

/** Checks a planned return time against now (the core's clock); returns a Chinese problem or null. */
export function returnTimeProblem(now: Date, returnAt: Date): string | null {
  const delta = returnAt.getTime() - now.getTime();
  if (Number.isNaN(delta)) return '预计返回时间格式不正确';
  if (delta <= 0) return `预计返回时间已经过去（现在是 ${hallTime(now)}），请填写现在之后的时间`;
  if (delta > MAX_PAUSE_MS) return '预计返回时间不能超过 12 小时之后';
  return null;
}

/** "还有 12 分 05 秒" style countdown; past the time it says so instead of going negative. */
export function pauseCountdownText(now: Date, returnAt: Date): string {
  const ms = returnAt.getTime() - now.getTime();
  if (ms <= 0) return '已到预计返回时间，请稍候';
  const totalSeconds = Math.ceil(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `还有 ${hours} 小时 ${mm} 分 ${ss} 秒` : `还有 ${mm} 分 ${ss} 秒`;
}

/**
 * The whereabouts sign: "业务培训 · 预计 10:30 返回 · 还有 12 分 05 秒"; without an
 * announced return (the clerk's screen idle-locked) "暂时离开 · 请稍候".
 */
export function pauseSignText(now: Date, pause: { reason: string; returnAt: string | null }): string {
  if (pause.returnAt === null) return `${pause.reason} · 请稍候`;
  const returnAt = new Date(pause.returnAt);
  return `${pause.reason} · 预计 ${hallTime(returnAt)} 返回 · ${pauseCountdownText(now, returnAt)}`;
}

/**
 * Turns the "HH:MM" a clerk types into an instant by the hall clock: today; a
 * time already past today is tomorrow only when that is within MAX_PAUSE_MS
 * (back after midnight), otherwise it stays today's, which is in the past.
 */
export function returnTimeFromClock(now: Date, hhmm: string): Date | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  const today = hallInstant(hallDate(now), `${String(h).padStart(2, '0')}:${m[2]}`);
  if (today.getTime() > now.getTime()) return today;
  const tomorrow = new Date(today.getTime() + 86_400_000);
  return tomorrow.getTime() - now.getTime() <= MAX_PAUSE_MS ? tomorrow : today;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The display's clock line in hall time: "9月29日 星期二 09:30". */
export function boardClockText(now: Date): string {
  const { month, day } = hallParts(now);
  return `${month}月${day}日 星期${WEEKDAYS[weekday(hallDate(now))] ?? ''} ${hallTime(now)}`;
}
