/** 限时办结: the clerk's accepted cases by deadline, and marking them completed. */
import type { ServiceCase } from '../../../shared/api/intake';
import { addWorkingDays } from '../../../shared/domain/working-days';
import { CounterError } from '../../../shared/result';
import { actorOf, hallToday, type ActiveSession, type CallContext, type CoreContext } from '../context';
import { recordChange } from '../db/ledger';
import { loadWorkCalendar } from '../reference/calendar-service';

/** Cases due within this many working days count as "due soon". */
export const DUE_SOON_WORKING_DAYS = 3;

interface CaseRow {
  id: string;
  case_no: string;
  contact_id: string;
  item_name: string;
  accepted_by: string;
  accepted_at: string;
  time_limit_kind: 'onTheSpot' | 'workingDays';
  working_days: number;
  due_date: string | null;
  due_pending_reason: string | null;
  status: 'open' | 'completed';
  completed_at: string | null;
  applicant_name: string;
}

const SELECT_CASE = `SELECT c.*, ct.applicant_name FROM service_case c JOIN contact ct ON ct.id = c.contact_id`;

export function caseRow(ctx: CoreContext, id: string): CaseRow {
  const row = ctx.db.prepare(`${SELECT_CASE} WHERE c.id = ?`).get(id) as CaseRow | undefined;
  if (!row) throw new CounterError('NOT_FOUND', '找不到该受理件，请刷新后重试');
  return row;
}

export function caseView(_ctx: CoreContext, row: CaseRow): ServiceCase {
  return {
    id: row.id,
    caseNo: row.case_no,
    contactId: row.contact_id,
    itemName: row.item_name,
    applicantName: row.applicant_name,
    acceptedAt: row.accepted_at,
    timeLimit: row.time_limit_kind === 'onTheSpot' ? '当场办结' : `${row.working_days} 个工作日`,
    dueDate: row.due_date,
    duePendingReason: row.due_pending_reason,
    status: row.status,
    completedAt: row.completed_at,
  };
}

export interface CaseBoard {
  overdue: ServiceCase[];
  dueToday: ServiceCase[];
  dueSoon: ServiceCase[];
  later: ServiceCase[];
  pending: ServiceCase[];
}

/** The clerk's open cases sorted into overdue, due today, due soon, later and 待定. */
export function myCases(ctx: CoreContext, session: ActiveSession): CaseBoard {
  const rows = ctx.db
    .prepare(`${SELECT_CASE} WHERE c.accepted_by = ? AND c.status = 'open' ORDER BY c.due_date IS NULL, c.due_date, c.accepted_at`)
    .all(session.staffId) as CaseRow[];
  const today = hallToday(ctx);
  const horizon = addWorkingDays(loadWorkCalendar(ctx), today, DUE_SOON_WORKING_DAYS);
  const soonUntil = 'date' in horizon ? horizon.date : today;
  const board: CaseBoard = { overdue: [], dueToday: [], dueSoon: [], later: [], pending: [] };
  for (const row of rows) {
    const c = caseView(ctx, row);
    if (c.dueDate === null) board.pending.push(c);
    else if (c.dueDate < today) board.overdue.push(c);
    else if (c.dueDate === today) board.dueToday.push(c);
    else if (c.dueDate <= soonUntil) board.dueSoon.push(c);
    else board.later.push(c);
  }
  return board;
}

export function completeCase(ctx: CoreContext, call: CallContext, session: ActiveSession, id: string): ServiceCase {
  const at = ctx.clock.now().toISOString();
  ctx.db.transaction(() => {
    const row = caseRow(ctx, id);
    if (row.status === 'completed') throw new CounterError('CONFLICT', `受理件 ${row.case_no} 已经办结，无需重复操作`);
    if (row.accepted_by !== session.staffId && session.role !== 'supervisor') {
      throw new CounterError('FORBIDDEN', '只能办结自己受理的件，或请主管操作');
    }
    ctx.db
      .prepare("UPDATE service_case SET status = 'completed', completed_at = ?, completed_by = ?, updated_at = ? WHERE id = ?")
      .run(at, session.staffId, at, id);
    recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
      action: 'cases.complete',
      entity: 'service_case',
      entityId: id,
      op: 'update',
      payload: { id, caseNo: row.case_no, status: 'completed', completedAt: at, completedBy: session.staffId },
    });
  })();
  return caseView(ctx, caseRow(ctx, id));
}
