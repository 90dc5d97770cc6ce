/**
 * Queue tickets (排队号): the day a ticket belongs to (the hall's date, never
 * the UTC date), its printed code, the spoken form the voice reads and the
 * announcement, and whether a matter still issues tickets (issuing hours and
 * the daily cap).
 */
import { hallDate, hallTime, type Instant } from './hall-time';

/** A ticket prefix: one or two capital letters (A, B, MA). */
export const TICKET_PREFIX_PATTERN = /^[A-Z]{1,2}$/;

/** The hall date ticket numbers count from: numbering restarts at the hall's midnight (Beijing time). */
export function ticketDay(at: Instant): string {
  return hallDate(at);
}

/** The printed code: prefix and the number with at least three digits (A001, A120, A1000). */
export function ticketCode(prefix: string, number: number): string {
  return `${prefix}${String(number).padStart(3, '0')}`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** A ticket code as the voice reads it, letter and digit one by one: 'A001' → 'A 零 零 一'. */
export function spokenTicket(code: string): string {
  return [...code].map((ch) => (ch >= '0' && ch <= '9' ? DIGITS[Number(ch)] : ch)).join(' ');
}

/** What the hall screen shows and the voice says for a call: '请 A001 号到 3 号窗口办理'. */
export function announcement(code: string, windowNo: string): string {
  return `请 ${code} 号到 ${windowNo} 号窗口办理`;
}

/** The announcement as the voice speaks it, the codes read digit by digit: '请 A 零 零 一 号到 三 号窗口办理'. */
export function spokenAnnouncement(code: string, windowNo: string): string {
  return `请 ${spokenTicket(code)} 号到 ${spokenTicket(windowNo)} 号窗口办理`;
}

/** A matter's issuing rules: hours ('HH:MM', end excluded; null = all day) and the daily cap (null = none). */
export interface IssuingRules {
  name: string;
  issueFrom: string | null;
  issueUntil: string | null;
  dailyCap: number | null;
}

/**
 * Why a matter cannot issue a ticket now, in the applicant's words, or null
 * when it can. issuedToday counts the tickets already issued on the hall date.
 */
export function issueRefusal(rules: IssuingRules, issuedToday: number, at: Instant): string | null {
  const time = hallTime(at);
  if (rules.issueFrom !== null && time < rules.issueFrom) return `${rules.name}今天 ${rules.issueFrom} 开始取号，请稍候`;
  if (rules.issueUntil !== null && time >= rules.issueUntil) return `${rules.name}今天的取号时间已过（${rules.issueUntil} 停止取号），请改日再来或网上预约`;
  if (rules.dailyCap !== null && issuedToday >= rules.dailyCap) return `${rules.name}今天的 ${rules.dailyCap} 个号已取完，请改日再来或网上预约`;
  return null;
}
