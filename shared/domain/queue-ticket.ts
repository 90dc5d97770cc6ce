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

const UNITS = ['', '十', '百', '千'] as const;

/**
 * A whole number of up to four digits as Chinese counts it: 3 → 三, 10 → 十,
 * 12 → 十二, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 1001 → 一千零一.
 */
export function cardinal(n: number): string {
  const digits = [...String(Math.trunc(Math.abs(n)))].map(Number);
  if (digits.length > UNITS.length) throw new RangeError(`cardinal(${n}): more than four digits`);
  let words = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i] ?? '';
    if (d === 0) {
      // one 零 for any run of zeros between two counted digits (一百零一, 一千零一)
      zero = words !== '';
      return;
    }
    if (zero) words += '零';
    zero = false;
    // 10–19 are 十, 十一 …, not 一十; inside a larger number the 一 is said (一百一十)
    words += (d === 1 && unit === '十' && words === '' ? '' : DIGITS[d]) + unit;
  });
  return words === '' ? '零' : words;
}

/** A run of digits read as a number: no leading zero and at most four digits (3, 12, 101); anything else is read digit by digit. */
const COUNTED = /^[1-9]\d{0,3}$/;

/**
 * A window number as the voice reads it, word by word: its runs of digits as
 * numbers, letters as themselves: '12' → ['十二'], '3' → ['三'],
 * 'C12' → ['C', '十二'], '2-1' → ['二', '-', '一'], '012' → ['零', '一', '二'].
 */
export function spokenWindowWords(windowNo: string): string[] {
  return (windowNo.match(/\d+|\D/g) ?? []).flatMap((run) => {
    if (COUNTED.test(run)) return [cardinal(Number(run))];
    return /^\d+$/.test(run) ? [...run].map((ch) => DIGITS[Number(ch)] ?? ch) : [run];
  });
}

/** The announcement as the voice speaks it, the ticket digit by digit, the window as a number: '请 A 零 零 一 号到 十二 号窗口办理'. */
export function spokenAnnouncement(code: string, windowNo: string): string {
  return `请 ${spokenTicket(code)} 号到 ${spokenWindowWords(windowNo).join(' ')} 号窗口办理`;
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
