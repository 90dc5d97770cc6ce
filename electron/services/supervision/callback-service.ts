/**
 * 跟踪回访制: callback rules, scheduling callbacks from completed cases and
 * bad ratings (shared/domain/callbacks.ts decides), the due list and recording
 * the outcome. Scheduling is idempotent: UNIQUE(contact_id, source) and the
 * candidates' already-scheduled sources keep a callback from being made twice.
 */
import type { Callback, CallbackRule, ParsedRequestOf, ResponseOf } from '../../../shared/contract';
import {
  BAD_RATING_MAX_LEVEL,
  dueCallbacks,
  maskPhone,
  type CallbackSource,
  type CandidateInput,
  type RuleInput,
} from '../../../shared/domain/callbacks';
import { hallDate } from '../../../shared/domain/hall-time';
import { CounterError } from '../../../shared/result';
import { actorOf, hallToday, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { writeTransaction } from '../db/connection';
import { recordChange, recordEvent, SYSTEM_ACTOR, type Actor } from '../db/ledger';
import { newId } from '../core/ids';
import { activeCatalogue } from '../reference/catalogue-service';
import { loadWorkCalendar } from '../reference/calendar-service';
import {
  activeRules,
  activeTwinOf,
  allRules,
  badRatingsSince,
  callbackById,
  completedCasesSince,
  dueCallbackRows,
  insertCallback,
  insertRule,
  recentCallbackRows,
  recordCallbackOutcome,
  ruleById,
  updateRule,
  type CallbackRow,
  type CandidateRow,
  type RuleRow,
} from './callback-repo';

/** Events older than this are not scanned (a rule applies from its creation anyway). */
export const SCAN_LOOKBACK_DAYS = 120;
/** Done or unreachable callbacks shown on the due list for reference. */
const RECENT_LIMIT = 20;

function itemName(ctx: CoreContext, code: string | null): string | null {
  if (code === null) return null;
  return activeCatalogue(ctx).items.find((i) => i.code === code)?.name ?? null;
}

/** The record as the hall server stores it: the rule without the catalogue's item name. */
function rulePayload(row: RuleRow): Omit<CallbackRule, 'itemName'> {
  return {
    id: row.id,
    kind: row.kind,
    sharePercent: row.share_percent,
    itemCode: row.item_code,
    daysAfter: row.days_after,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function ruleView(ctx: CoreContext, row: RuleRow): CallbackRule {
  return { ...rulePayload(row), itemName: itemName(ctx, row.item_code) };
}

export function listRules(ctx: CoreContext): CallbackRule[] {
  return allRules(ctx.db).map((r) => ruleView(ctx, r));
}

const KIND_NAMES: Record<CallbackSource, string> = { badRating: '差评回访', completedShare: '办结抽样回访', matter: '指定事项回访' };

export function saveRule(ctx: CoreContext, call: CallContext, req: ParsedRequestOf<'callbackRules.save'>): CallbackRule {
  const at = ctx.clock.now().toISOString();
  let itemCode: string | null = null;
  if (req.kind === 'matter') {
    if (req.itemCode === '') throw new CounterError('VALIDATION', '请检查输入：办理事项：指定事项回访需要选择事项', { itemCode: '请选择事项' });
    if (!activeCatalogue(ctx).items.some((i) => i.code === req.itemCode)) {
      throw new CounterError('VALIDATION', `请检查输入：办理事项：事项目录中没有编号为 ${req.itemCode} 的事项`, { itemCode: '未知事项' });
    }
    itemCode = req.itemCode;
  }
  const share = req.kind === 'completedShare' ? req.sharePercent : 100;
  const existing = req.id === undefined ? undefined : ruleById(ctx.db, req.id);
  if (req.id !== undefined && !existing) throw new CounterError('NOT_FOUND', '找不到该回访规则，请刷新后重试');
  if (existing && existing.kind !== req.kind) throw new CounterError('VALIDATION', '请检查输入：类型：已有规则不能改变类型，请停用后新建', { kind: '不能改变类型' });
  if (req.active && activeTwinOf(ctx.db, req.kind, itemCode, existing?.id ?? '') !== undefined) {
    throw new CounterError('CONFLICT', `已有启用的${KIND_NAMES[req.kind]}规则${itemCode ? `（${itemCode}）` : ''}，请修改那一条`);
  }
  const id = existing?.id ?? newId();
  const fields = { sharePercent: share, itemCode, daysAfter: req.daysAfter, active: req.active };
  if (existing) updateRule(ctx.db, id, fields, at);
  else insertRule(ctx.db, ctx.origin(), id, req.kind, fields, at);
  const row = ruleById(ctx.db, id);
  if (!row) throw new Error('callback rule vanished');
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'callbackRules.save',
    entity: 'callback_rule',
    entityId: id,
    op: existing ? 'update' : 'insert',
    payload: rulePayload(row),
  });
  return ruleView(ctx, row);
}

function ruleInputs(ctx: CoreContext): RuleInput[] {
  return activeRules(ctx.db).map((r) => ({
    id: r.id,
    kind: r.kind,
    sharePercent: r.share_percent,
    itemCode: r.item_code,
    daysAfter: r.days_after,
    active: true,
    createdAt: r.created_at,
  }));
}

function candidates(ctx: CoreContext, since: string): CandidateInput[] {
  const completed = completedCasesSince(ctx.db, since);
  const bad = badRatingsSince(ctx.db, BAD_RATING_MAX_LEVEL, since);
  const toInput = (event: CandidateInput['event']) => (row: CandidateRow): CandidateInput => ({
    event,
    contactId: row.contact_id,
    key: row.key,
    itemCode: row.item_code,
    at: row.at,
    day: hallDate(row.at),
    scheduled: (row.scheduled ?? '').split(',').filter((s): s is CallbackSource => s === 'badRating' || s === 'matter' || s === 'completedShare'),
  });
  return [...bad.map(toInput('badRating')), ...completed.map(toInput('completed'))];
}

export interface ScheduleResult {
  scheduled: number;
  /** Selected by a rule but the due date is 待定 (the calendar does not cover the year). */
  unscheduled: number;
  reasons: string[];
}

/**
 * Inserts the callbacks the rules ask for and that do not exist yet, with
 * their change-log rows, in one transaction of their own (from the periodic
 * scan) or a savepoint of the write that asks (so a failure leaves that write
 * standing, see scheduleCallbacksQuietly). Safe to run any time.
 */
export function scheduleCallbacks(ctx: CoreContext, actor: Actor = SYSTEM_ACTOR): ScheduleResult {
  const rules = ruleInputs(ctx);
  if (rules.length === 0) return { scheduled: 0, unscheduled: 0, reasons: [] };
  const now = ctx.clock.now();
  const at = now.toISOString();
  const earliestRule = rules.reduce((min, r) => (r.createdAt < min ? r.createdAt : min), at);
  const lookback = new Date(now.getTime() - SCAN_LOOKBACK_DAYS * 86_400_000).toISOString();
  const since = earliestRule > lookback ? earliestRule : lookback;
  return writeTransaction(ctx.db, () => {
    const plan = dueCallbacks(rules, candidates(ctx, since), loadWorkCalendar(ctx));
    const origin = ctx.origin();
    let scheduled = 0;
    for (const p of plan.planned) {
      const id = newId();
      if (!insertCallback(ctx.db, origin, { id, ruleId: p.ruleId, source: p.source, contactId: p.contactId, dueDate: p.dueDate }, at)) continue;
      scheduled++;
      recordChange(ctx.db, origin, actor, at, {
        action: 'callbacks.schedule',
        entity: 'callback',
        entityId: id,
        op: 'insert',
        payload: { id, ruleId: p.ruleId, source: p.source, contactId: p.contactId, dueDate: p.dueDate, status: 'due', createdAt: at },
      });
    }
    return { scheduled, unscheduled: plan.unscheduled.length, reasons: [...new Set(plan.unscheduled.map((u) => u.reason))] };
  });
}

/**
 * Scheduling as a side task (after a case is completed, on a timer): never
 * fails the caller. Inside a write the scheduling is a savepoint
 * (writeTransaction nested), so a failure rolls back only the scheduling.
 */
export function scheduleCallbacksQuietly(ctx: CoreContext, actor: Actor = SYSTEM_ACTOR): ScheduleResult | null {
  try {
    return scheduleCallbacks(ctx, actor);
  } catch (error) {
    console.error('[supervision] scheduling callbacks failed', error);
    return null;
  }
}

function callbackView(row: CallbackRow): Callback {
  return {
    id: row.id,
    source: row.source,
    contactId: row.contact_id,
    contactNo: row.contact_no,
    caseNo: row.case_no,
    itemName: row.item_name,
    applicantName: row.applicant_name,
    phoneMasked: maskPhone(row.applicant_phone),
    ownerName: row.owner_name ?? '',
    dueDate: row.due_date,
    status: row.status,
    outcome: row.outcome,
    satisfaction: row.satisfaction,
    doneAt: row.done_at,
  };
}

function callbackRow(ctx: CoreContext, id: string): CallbackRow {
  const row = callbackById(ctx.db, id);
  if (!row) throw new CounterError('NOT_FOUND', '找不到该回访记录，请刷新后重试');
  return row;
}

export function dueList(ctx: CoreContext, call: CallContext): ResponseOf<'callbacks.due'> {
  // bad ratings and completions since the last scan are picked up here as well
  const result = scheduleCallbacksQuietly(ctx, actorOf(call));
  const today = hallToday(ctx);
  const open = dueCallbackRows(ctx.db);
  const recent = recentCallbackRows(ctx.db, RECENT_LIMIT);
  const views = open.map(callbackView);
  const unscheduled = result?.unscheduled ?? 0;
  return {
    overdue: views.filter((c) => c.dueDate < today),
    dueToday: views.filter((c) => c.dueDate === today),
    upcoming: views.filter((c) => c.dueDate > today),
    recent: recent.map(callbackView),
    unscheduled,
    warning:
      unscheduled > 0
        ? `有 ${unscheduled} 条回访因节假日安排未录入（待定）暂未排期：${(result?.reasons ?? []).join('；')}。请主管在“节假日设置”中录入。`
        : null,
  };
}

/** The full phone number to call back; the view is logged (个人信息保护法). */
export function revealPhone(ctx: CoreContext, call: CallContext, id: string): { phone: string } {
  const row = callbackRow(ctx, id);
  recordEvent(ctx.db, ctx.origin(), actorOf(call), ctx.clock.now().toISOString(), {
    action: 'callbacks.phone',
    entity: 'callback',
    entityId: id,
    detail: { contactId: row.contact_id, purpose: '回访' },
  });
  return { phone: row.applicant_phone };
}

export function recordCallback(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'callbacks.record'>): Callback {
  const at = ctx.clock.now().toISOString();
  const row = callbackRow(ctx, req.id);
  if (row.status !== 'due') throw new CounterError('CONFLICT', '该回访已经记录过结果，不能重复记录');
  const outcome = req.outcome === '' ? null : req.outcome;
  const satisfaction = req.status === 'done' ? req.satisfaction : null;
  recordCallbackOutcome(ctx.db, req.id, { status: req.status, outcome, satisfaction, doneBy: session.staffId }, at);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'callbacks.record',
    entity: 'callback',
    entityId: req.id,
    op: 'update',
    payload: { id: req.id, status: req.status, outcome, satisfaction, doneBy: session.staffId, doneAt: at },
  });
  return callbackView(callbackRow(ctx, req.id));
}
