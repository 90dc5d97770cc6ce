/**
 * 跟踪回访制: which events get a callback, and when it is due.
 *
 * Rules (callback_rule): every bad rating; a share of completed cases; every
 * completed case of chosen matters. A rule applies to events from the moment
 * it was set up (it never floods the list with last year's cases). The share
 * is chosen deterministically and fairly: a case is in the sample when
 * FNV-1a(case id) mod 100 < share, so the same case is always in or out and
 * every clerk's cases are sampled alike.
 *
 * A contact gets at most one callback for its completed case (a matter rule
 * wins over the share rule) and one for a bad rating. The due date is
 * days_after working days after the event's hall day; when the calendar does
 * not cover that year it is 待定 and nothing is scheduled (the event stays a
 * candidate and is counted as unscheduled until the calendar is entered).
 */
import { RATING_LEVELS } from './rating';
import { addWorkingDays, type WorkCalendar } from './working-days';
import type { PlainDate } from './plain-date';

export type CallbackSource = 'badRating' | 'completedShare' | 'matter';

export interface RuleInput {
  id: string;
  kind: CallbackSource;
  sharePercent: number;
  itemCode: string | null;
  daysAfter: number;
  active: boolean;
  /** ISO instant the rule was set up. */
  createdAt: string;
}

export interface CandidateInput {
  /** completed: a case was completed; badRating: the applicant gave a bad rating. */
  event: 'completed' | 'badRating';
  contactId: string;
  /** The case id (completed) or the rating id (badRating): what the share is drawn from. */
  key: string;
  itemCode: string;
  /** ISO instant of the event. */
  at: string;
  /** Its hall day. */
  day: PlainDate;
  /** Sources that already have a callback for this contact. */
  scheduled: readonly CallbackSource[];
}

export interface PlannedCallback {
  ruleId: string;
  source: CallbackSource;
  contactId: string;
  dueDate: PlainDate;
}

export interface UnscheduledCallback {
  ruleId: string;
  source: CallbackSource;
  contactId: string;
  reason: string;
}

/** Satisfaction is asked on the rating pad's scale: 5 = 非常满意 … 1 = 非常不满意. */
export const SATISFACTION_LEVELS: readonly { level: number; label: string }[] = RATING_LEVELS;

/** Ratings at or below this level are bad (不满意, 非常不满意): the rating pad's own rule. */
export const BAD_RATING_MAX_LEVEL = Math.max(...RATING_LEVELS.filter((l) => l.bad).map((l) => l.level));

export const SOURCE_LABELS: Record<CallbackSource, string> = {
  badRating: '差评回访',
  completedShare: '办结抽样回访',
  matter: '指定事项回访',
};

/** FNV-1a, 32 bits, over the UTF-16 code units of the string. */
export function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Whether a case is in a share of sharePercent %: stable for the same id. */
export function inShare(key: string, sharePercent: number): boolean {
  return fnv1a(key) % 100 < sharePercent;
}

function applies(rule: RuleInput, c: CandidateInput): boolean {
  if (!rule.active || c.at < rule.createdAt) return false;
  switch (rule.kind) {
    case 'badRating':
      return c.event === 'badRating';
    case 'matter':
      return c.event === 'completed' && rule.itemCode === c.itemCode;
    case 'completedShare':
      return c.event === 'completed' && inShare(c.key, rule.sharePercent);
  }
}

/** Matter rules first (a chosen matter is always called back), then the share, for completed cases. */
const PRIORITY: Record<CallbackSource, number> = { badRating: 0, matter: 1, completedShare: 2 };

/** The callbacks the rules ask for that are not scheduled yet, with their due dates. */
export function dueCallbacks(
  rules: readonly RuleInput[],
  candidates: readonly CandidateInput[],
  calendar: WorkCalendar,
): { planned: PlannedCallback[]; unscheduled: UnscheduledCallback[] } {
  const ordered = [...rules].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const planned: PlannedCallback[] = [];
  const unscheduled: UnscheduledCallback[] = [];
  for (const c of candidates) {
    // one callback per contact for its completed case, whichever rule chose it
    if (c.event === 'completed' && (c.scheduled.includes('matter') || c.scheduled.includes('completedShare'))) continue;
    if (c.event === 'badRating' && c.scheduled.includes('badRating')) continue;
    const rule = ordered.find((r) => applies(r, c));
    if (!rule) continue;
    const due = addWorkingDays(calendar, c.day, rule.daysAfter);
    if ('date' in due) planned.push({ ruleId: rule.id, source: rule.kind, contactId: c.contactId, dueDate: due.date });
    else unscheduled.push({ ruleId: rule.id, source: rule.kind, contactId: c.contactId, reason: due.reason });
  }
  return { planned, unscheduled };
}

/** 138****0000 for mobile numbers; otherwise only the last 4 digits show. */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (p === '') return '';
  if (/^1\d{10}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
  if (p.length <= 4) return '*'.repeat(p.length);
  return '*'.repeat(p.length - 4) + p.slice(-4);
}
