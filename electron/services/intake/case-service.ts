/** 限时办结: the clerk's accepted cases by deadline, and marking them completed. */
import type { ServiceCase } from '../../../shared/api/intake';
import { addWorkingDays } from '../../../shared/domain/working-days';
import { CounterError } from '../../../shared/result';
import { actorOf, hallToday, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { recordChange } from '../db/ledger';
import { loadWorkCalendar } from '../reference/calendar-service';
import { caseRow, markCaseCompleted, openCasesOf, type CaseRow } from './case-repo';

/** Cases due within this many working days count as "due soon". */
export const DUE_SOON_WORKING_DAYS = 3;

export function caseView(row: CaseRow): ServiceCase {
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
  const rows = openCasesOf(ctx.db, session.staffId);
  const today = hallToday(ctx);
  const horizon = addWorkingDays(loadWorkCalendar(ctx), today, DUE_SOON_WORKING_DAYS);
  const soonUntil = 'date' in horizon ? horizon.date : today;
  const board: CaseBoard = { overdue: [], dueToday: [], dueSoon: [], later: [], pending: [] };
  for (const row of rows) {
    const c = caseView(row);
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
  const row = caseRow(ctx.db, id);
  if (row.status === 'completed') throw new CounterError('CONFLICT', `受理件 ${row.case_no} 已经办结，无需重复操作`);
  if (row.accepted_by !== session.staffId && session.role !== 'supervisor') {
    throw new CounterError('FORBIDDEN', '只能办结自己受理的件，或请主管操作');
  }
  markCaseCompleted(ctx.db, id, session.staffId, at);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'cases.complete',
    entity: 'service_case',
    entityId: id,
    op: 'update',
    payload: { id, caseNo: row.case_no, status: 'completed', completedAt: at, completedBy: session.staffId },
  });
  return caseView(caseRow(ctx.db, id));
}
