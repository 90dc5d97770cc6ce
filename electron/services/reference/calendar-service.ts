/**
 * The working-day calendar of this window: chinese-days' statutory data plus
 * the supervisor's override table (calendar_override). See
 * shared/domain/working-days.ts for the coverage rule and the counting rules.
 */
import type { CalendarOverview, CalendarOverrideView, DeadlineView, ReferenceRequest } from '../../../shared/api/reference';
import { yearOf } from '../../../shared/domain/plain-date';
import {
  addWorkingDays,
  createWorkCalendar,
  periodEndRolled,
  type CalendarOverride,
  type WorkCalendar,
} from '../../../shared/domain/working-days';
import { CounterError } from '../../../shared/result';
import { actorOf, type CallContext, type CoreContext } from '../core/context';
import type { Db } from '../db/connection';
import { recordChange } from '../db/ledger';
import { newId } from '../core/ids';
import { refreshDivorceDates } from '../marriage/civil-case-repo';
import { deleteOverrideRow, insertOverride, overrideOn, overrideRows, updateOverride, type OverrideRow } from './calendar-repo';
import { statutoryCalendar } from './statutory-data';

const calendars = new WeakMap<Db, WorkCalendar>();

function enteredBy(row: OverrideRow): string | null {
  if (row.entered_by_name !== null) return `${row.entered_by_name}（${row.entered_by_no ?? ''}）`;
  return row.entered_by;
}

function toOverride(row: OverrideRow): CalendarOverride {
  return {
    date: row.date,
    kind: row.kind,
    name: row.name,
    source: row.source,
    enteredBy: enteredBy(row),
    coversYear: row.covers_year === 1,
  };
}

function toView(row: OverrideRow): CalendarOverrideView {
  return { id: row.id, ...toOverride(row), createdAt: row.created_at, updatedAt: row.updated_at };
}

/** The record as the hall server stores it: the view, with the id of whoever entered it. */
function overridePayload(row: OverrideRow): Record<string, unknown> {
  return { ...toView(row), enteredBy: row.entered_by };
}

/**
 * The window's working-day calendar (chinese-days + overrides). Cached per
 * database; saving or deleting an override rebuilds it.
 */
export function loadWorkCalendar(ctx: CoreContext): WorkCalendar {
  let calendar = calendars.get(ctx.db);
  if (!calendar) {
    calendar = createWorkCalendar(statutoryCalendar(), overrideRows(ctx.db).map(toOverride));
    calendars.set(ctx.db, calendar);
  }
  return calendar;
}

/** After overrides changed outside a request (the hall's, pulled): the next read loads the calendar again. */
export function forgetWorkCalendar(db: Db): void {
  calendars.delete(db);
}

/**
 * After saving or deleting an override, in the write's transaction: the
 * calendar is rebuilt from what the write sees (and again if the write rolls
 * back), and the open divorce applications' dates follow it.
 */
function invalidate(ctx: CoreContext): void {
  calendars.delete(ctx.db);
  ctx.afterWrite({ rolledBack: () => calendars.delete(ctx.db) });
  refreshDivorceDates(ctx.db, loadWorkCalendar(ctx));
}

export function calendarOverview(ctx: CoreContext): CalendarOverview {
  const calendar = loadWorkCalendar(ctx);
  const statutory = statutoryCalendar();
  return {
    overrides: overrideRows(ctx.db).map(toView),
    coveredYears: [...calendar.coveredYears].sort((a, b) => a - b),
    statutoryYears: [...statutory.years],
    statutorySource: statutory.source,
  };
}

export function saveOverride(ctx: CoreContext, call: CallContext, req: ReferenceRequest<'calendar.saveOverride'>): CalendarOverview {
  const coversYear = req.coversYear === true;
  const year = yearOf(req.date);
  if (coversYear && statutoryCalendar().years.includes(year)) {
    const problem = `${year} 年的放假安排已包含在内置数据中，不需要“全年安排已录入”标记；更正个别日期时不要勾选`;
    throw new CounterError('VALIDATION', `请检查输入：${problem}`, { coversYear: problem });
  }
  const at = ctx.clock.now().toISOString();
  const origin = ctx.origin();
  const actor = actorOf(call);
  const before = overrideOn(ctx.db, req.date);
  const id = before?.id ?? newId();
  const fields = { kind: req.kind, name: req.name, source: req.source, coversYear, enteredBy: actor.id };
  if (before) updateOverride(ctx.db, id, fields, at);
  else insertOverride(ctx.db, origin, id, req.date, fields, at);
  const after = overrideOn(ctx.db, req.date);
  if (!after) throw new Error('calendar override vanished inside its transaction');
  recordChange(ctx.db, origin, actor, at, {
    action: 'calendar.saveOverride',
    entity: 'calendar_override',
    entityId: id,
    op: before ? 'update' : 'insert',
    payload: overridePayload(after),
    detail: before ? { before: { kind: before.kind, name: before.name, source: before.source, coversYear: before.covers_year === 1 } } : {},
  });
  invalidate(ctx);
  return calendarOverview(ctx);
}

export function deleteOverride(ctx: CoreContext, call: CallContext, req: ReferenceRequest<'calendar.deleteOverride'>): CalendarOverview {
  const row = overrideOn(ctx.db, req.date);
  if (!row) throw new CounterError('NOT_FOUND', `${req.date} 没有调整记录，可能已被删除，请刷新列表`);
  const at = ctx.clock.now().toISOString();
  deleteOverrideRow(ctx.db, row.id);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'calendar.deleteOverride',
    entity: 'calendar_override',
    entityId: row.id,
    op: 'delete',
    payload: overridePayload(row),
  });
  invalidate(ctx);
  return calendarOverview(ctx);
}

export function deadline(ctx: CoreContext, req: ReferenceRequest<'calendar.deadline'>): DeadlineView {
  const calendar = loadWorkCalendar(ctx);
  if (req.workingDays !== undefined) return addWorkingDays(calendar, req.start, req.workingDays);
  return periodEndRolled(calendar, req.start, req.calendarDays ?? 0);
}
