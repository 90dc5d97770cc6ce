/**
 * Shift handover: the summary is computed from the ledger; closing needs the
 * incoming clerk's (or, at day end, a supervisor's) PIN; the signed handover
 * is printed, the shift and session end, and the next clerk acknowledges it.
 */
import { handoverSummarySchema, type Handover, type HandoverItem, type HandoverSummary } from '../../../shared/api/handover';
import type { ParsedRequestOf } from '../../../shared/contract';
import { addDays } from '../../../shared/domain/plain-date';
import { hallDate } from '../../../shared/domain/hall-time';
import { handoverDocument } from '../../../shared/print/slips/handover';
import { CounterError } from '../../../shared/result';
import { actorOf, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { recordChange } from '../db/ledger';
import { newId } from '../core/ids';
import { nextNumber } from '../common/numbering';
import { slipHall } from '../common/slip-context';
import { deadlinesOf } from '../marriage/civil-case-view';
import { loadWorkCalendar } from '../reference/calendar-service';
import { endSession, proveCountersign, settleCountersign } from '../staff/session-service';
import type { PinProof } from '../staff/pin-check';
import { staffById } from '../staff/staff-repo';
import { acknowledge, handoverById, handoverPayload, insertHandover, latestUnacknowledged, sessionGoing, setPrintJob, unacknowledgedUpTo, type HandoverRow } from './handover-repo';
import { openShift } from './shift-repo';
import {
  acceptedDivorcesAt,
  awaitingMaterials,
  openCases,
  partyNames,
  receptionInProgress,
  registryCounts,
  shiftRatingCounts,
  shiftWorkCounts,
} from './summary-repo';

/** How many open cases and awaiting contacts the summary lists by name; the totals count all. */
export const SUMMARY_LIST_LIMIT = 20;

function person(ctx: CoreContext, staffId: string | null): { name: string; staffNo: string } {
  const staff = staffId ? staffById(ctx.db, staffId) : undefined;
  return { name: staff?.name ?? '', staffNo: staff?.staff_no ?? '' };
}

/** How many calendar days after the shift end an accepted divorce's certificate deadline may fall to be handed over. */
export const EXPIRING_DIVORCE_DAYS = 5;
/** How many expiring divorces the summary lists. */
export const EXPIRING_DIVORCE_LIMIT = 10;

/**
 * The shift's marriage-registration work (婚姻登记) and the accepted divorces
 * at this window whose certificate deadline falls on or after the shift end's
 * date and within EXPIRING_DIVORCE_DAYS calendar days of it: both parties must
 * come back by then, so the next clerk calls them. Deadlines come from
 * today's work calendar (deadlinesOf); a 待定 deadline is not listed.
 */
function registrySummary(ctx: CoreContext, staffId: string, from: string, to: string): NonNullable<HandoverSummary['registry']> {
  const today = hallDate(to);
  const last = addDays(today, EXPIRING_DIVORCE_DAYS);
  const cal = loadWorkCalendar(ctx);
  const open = acceptedDivorcesAt(ctx.db, ctx.origin().windowNo);
  const expiring = open
    .map((row) => {
      const deadline = deadlinesOf(cal, row).certificateDeadline;
      return { row, deadline: 'date' in deadline ? deadline.date : null };
    })
    .filter((e): e is { row: (typeof open)[number]; deadline: string } => e.deadline !== null && e.deadline >= today && e.deadline <= last)
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.row.case_no.localeCompare(b.row.case_no))
    .slice(0, EXPIRING_DIVORCE_LIMIT);
  return {
    ...registryCounts(ctx.db, staffId, from, to),
    expiringDivorces: expiring.map(({ row, deadline }) => ({ caseNo: row.case_no, names: partyNames(ctx.db, row.id).join('、'), certificateDeadline: deadline })),
  };
}

/**
 * The summary of a shift, from the ledger: the clerk's work since the shift
 * opened and the window's open work (cases listed by due date, 待定 first).
 */
export function shiftSummary(ctx: CoreContext, staffId: string, from: string, to: string): HandoverSummary {
  const today = hallDate(to);
  const printer = ctx.printing.status();
  const cases = openCases(ctx.db, SUMMARY_LIST_LIMIT, today);
  // longest waiting first (the deadline follows the day the slip was issued), each with its latest slip
  const awaiting = awaitingMaterials(ctx.db, SUMMARY_LIST_LIMIT);
  return {
    shiftStartedAt: from,
    shiftEndedAt: to,
    clerk: person(ctx, staffId),
    counts: shiftWorkCounts(ctx.db, staffId, from, to),
    ratings: shiftRatingCounts(ctx.db, staffId, from, to),
    inProgress: receptionInProgress(ctx.db, staffId),
    openCases: cases.rows.map((r) => ({ caseNo: r.case_no, itemName: r.item_name, applicantName: r.applicant_name, dueDate: r.due_date, overdue: r.due_date !== null && r.due_date < today })),
    openCasesTotal: cases.total,
    overdueTotal: cases.overdue,
    awaitingMaterials: awaiting.rows.map((r) => ({ slipNo: r.slip_no, itemName: r.item_name, applicantName: r.applicant_name, supplementBy: r.supplement_by })),
    awaitingTotal: awaiting.total,
    printJobs: { queued: printer.queued, failed: printer.failed },
    printer: { label: printer.label, state: printer.state, message: printer.message },
    registry: registrySummary(ctx, staffId, from, to),
  };
}

function currentShift(ctx: CoreContext, session: ActiveSession): { id: string; openedAt: string } {
  const shift = openShift(ctx);
  if (!shift || shift.staff_id !== session.staffId) throw new CounterError('CONFLICT', '没有找到您的当班记录，请退出后重新登录');
  return { id: shift.id, openedAt: shift.opened_at };
}

export function currentSummary(ctx: CoreContext, session: ActiveSession): HandoverSummary {
  const shift = currentShift(ctx, session);
  return shiftSummary(ctx, session.staffId, shift.openedAt, ctx.clock.now().toISOString());
}

/**
 * A signed handover's stored summary, read through the contract: what older
 * handovers stored and the contract no longer carries (the bad-rating count) is dropped.
 */
function storedSummary(json: string): HandoverSummary {
  return handoverSummarySchema.parse(JSON.parse(json));
}

function handoverRow(ctx: CoreContext, id: string): HandoverRow {
  const row = handoverById(ctx.db, id);
  if (!row) throw new CounterError('NOT_FOUND', '找不到该交接记录');
  return row;
}

function view(ctx: CoreContext, row: HandoverRow): Handover {
  return {
    id: row.id,
    kind: row.kind,
    from: person(ctx, row.from_staff_id),
    countersignedBy: person(ctx, row.countersigned_by),
    countersignedAt: row.countersigned_at,
    summary: storedSummary(row.summary),
    notes: row.notes,
    items: JSON.parse(row.items) as HandoverItem[],
    correctsId: row.corrects_id,
    acknowledgedBy: row.acknowledged_by ? person(ctx, row.acknowledged_by) : null,
    acknowledgedAt: row.acknowledged_at,
    printJobId: row.print_job_id,
  };
}

export function getHandover(ctx: CoreContext, id: string): Handover {
  return view(ctx, handoverRow(ctx, id));
}

/** Inserts a signed handover and its slip's print job (in the write's transaction). Returns [id, print job id]. */
function writeHandover(
  ctx: CoreContext,
  call: CallContext,
  input: { shiftId: string; kind: Handover['kind']; fromStaffId: string; countersignedBy: string; summary: HandoverSummary; notes: string; items: HandoverItem[]; correctsId: string | null },
  at: string,
): [string, string] {
  const id = newId();
  const origin = ctx.origin();
  insertHandover(ctx.db, origin, {
    id,
    shiftId: input.shiftId,
    kind: input.kind,
    fromStaffId: input.fromStaffId,
    summaryJson: JSON.stringify(input.summary),
    notes: input.notes,
    itemsJson: JSON.stringify(input.items),
    countersignedBy: input.countersignedBy,
    correctsId: input.correctsId,
    at,
  });
  const number = nextNumber(ctx, 'JJ', at);
  const jobId = ctx.printing.enqueue(call, { kind: 'handover', document: handoverDocument(slipHall(ctx), view(ctx, handoverRow(ctx, id)), number) });
  setPrintJob(ctx.db, id, jobId, at);
  recordChange(ctx.db, origin, actorOf(call), at, {
    action: `handover.${input.kind}`,
    entity: 'handover',
    entityId: id,
    op: 'insert',
    payload: handoverPayload(ctx.db, id),
    detail: { number },
  });
  return [id, jobId];
}

/** The clerk's own shift, still open, with nobody left in reception: else the handover is refused. */
function assertCanHandOver(ctx: CoreContext, session: ActiveSession): { id: string; openedAt: string } {
  if (!sessionGoing(ctx.db, session.id)) throw new CounterError('CONFLICT', '本班次已经交班（或已退出登录），不能重复交班');
  const current = currentShift(ctx, session);
  const inProgress = receptionInProgress(ctx.db, session.staffId);
  if (inProgress > 0) {
    throw new CounterError('CONFLICT', `您还有 ${inProgress} 位正在接待的申请人未处理完，请先告知、受理、引导或结束接待，再交班`);
  }
  return current;
}

/** handover.close, step one: the countersignature's PIN hash, after the checks the clerk should hear of at once. */
export function proveHandover(ctx: CoreContext, session: ActiveSession, req: ParsedRequestOf<'handover.close'>): Promise<PinProof> {
  // checked before the PIN is verified so the clerk hears of open work at once, and again in step two
  assertCanHandOver(ctx, session);
  if (req.countersign.staffNo.toUpperCase() === session.staffNo.toUpperCase()) {
    throw new CounterError('VALIDATION', '请检查输入：交班不能由本人签收，请接班人或主管输入自己的工号和 PIN', { 'countersign.staffNo': '不能是本人' });
  }
  return proveCountersign(ctx, req.countersign.staffNo, req.countersign.pin);
}

/** handover.close, step two (in the write's transaction): the countersignature decided, the handover and its slip written, the session ended. */
export function closeShiftWithHandover(
  ctx: CoreContext,
  call: CallContext,
  session: ActiveSession,
  req: ParsedRequestOf<'handover.close'>,
  proof: PinProof,
): { handover: Handover; printJobId: string } {
  const signer = settleCountersign(ctx, call, proof, (staff) => staff);
  if (req.kind === 'dayEnd' && signer.role !== 'supervisor') {
    throw new CounterError('FORBIDDEN', '日终关窗需要主管签收，请主管输入工号和 PIN', { 'countersign.staffNo': '需要主管' });
  }
  const at = ctx.clock.now().toISOString();
  // the PIN check awaited: another close (a double click, a second screen) may have ended the shift meanwhile
  const shift = assertCanHandOver(ctx, session);
  const [id, printJobId] = writeHandover(
    ctx,
    call,
    { shiftId: shift.id, kind: req.kind, fromStaffId: session.staffId, countersignedBy: signer.id, summary: shiftSummary(ctx, session.staffId, shift.openedAt, at), notes: req.notes, items: req.items, correctsId: null },
    at,
  );
  endSession(ctx, call, req.kind);
  return { handover: getHandover(ctx, id), printJobId };
}

/** The latest signed handover nobody has acknowledged yet: the incoming clerk sees it first. */
export function pendingHandover(ctx: CoreContext): Handover | null {
  const row = latestUnacknowledged(ctx.db);
  return row ? view(ctx, row) : null;
}

export function acknowledgeHandover(ctx: CoreContext, call: CallContext, session: ActiveSession, id: string): Handover {
  const at = ctx.clock.now().toISOString();
  const row = handoverRow(ctx, id);
  if (row.acknowledged_at) throw new CounterError('CONFLICT', '该交接记录已经确认过了');
  if (row.kind === 'correction') throw new CounterError('CONFLICT', '更正单无需确认');
  // an earlier handover nobody acknowledged is taken over together with this one
  for (const openId of unacknowledgedUpTo(ctx.db, row.countersigned_at)) {
    acknowledge(ctx.db, openId, session.staffId, at);
    recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
      action: 'handover.acknowledge',
      entity: 'handover',
      entityId: openId,
      op: 'update',
      payload: { id: openId, acknowledgedBy: session.staffId, acknowledgedAt: at },
    });
  }
  return getHandover(ctx, id);
}

export function correctHandover(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'handover.correct'>): { handover: Handover; printJobId: string } {
  const original = handoverRow(ctx, req.id);
  if (original.from_staff_id === session.staffId) throw new CounterError('CONFLICT', '不能由交班人本人更正，请另一位主管操作');
  const at = ctx.clock.now().toISOString();
  const [id, printJobId] = writeHandover(
    ctx,
    call,
    {
      shiftId: original.shift_id,
      kind: 'correction',
      fromStaffId: original.from_staff_id,
      countersignedBy: session.staffId,
      summary: storedSummary(original.summary),
      notes: req.notes,
      items: req.items,
      correctsId: original.corrects_id ?? original.id,
    },
    at,
  );
  return { handover: getHandover(ctx, id), printJobId };
}
