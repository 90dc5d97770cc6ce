/**
 * 意见箱: complaints and suggestions from any channel, each with a number
 * (TS…), an owner and a reply deadline of 5 working days (the commitment
 * "对您的投诉和意见及时回复，5 个工作日内"); resolved with a reply to the
 * complainant, then closed by a supervisor.
 */
import type { Complaint, ParsedRequestOf } from '../../../shared/contract';
import { addWorkingDays } from '../../../shared/domain/working-days';
import { hallDate } from '../../../shared/domain/hall-time';
import { CounterError } from '../../../shared/result';
import { actorOf, hallToday, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { recordChange } from '../db/ledger';
import { newId } from '../core/ids';
import { nextNumber } from '../common/numbering';
import { loadWorkCalendar } from '../reference/calendar-service';
import { staffById } from '../staff/staff-repo';
import { closeComplaintRow, complaintById, complaintRows, insertComplaint, resolveComplaintRow, type ComplaintRow } from './complaint-repo';

/** Working days to reply to a complaint or suggestion. */
export const COMPLAINT_REPLY_WORKING_DAYS = 5;

function row(ctx: CoreContext, id: string): ComplaintRow {
  const r = complaintById(ctx.db, id);
  if (!r) throw new CounterError('NOT_FOUND', '找不到该投诉或建议，请刷新后重试');
  return r;
}

function person(ctx: CoreContext, id: string): { id: string; name: string; staffNo: string } {
  const s = staffById(ctx.db, id);
  return { id, name: s?.name ?? '', staffNo: s?.staff_no ?? '' };
}

function view(ctx: CoreContext, r: ComplaintRow): Complaint {
  const today = hallToday(ctx);
  return {
    id: r.id,
    complaintNo: r.complaint_no,
    kind: r.kind,
    via: r.channel,
    complainant: r.complainant,
    phone: r.phone,
    details: r.content,
    subject: r.subject_staff_id ? person(ctx, r.subject_staff_id) : null,
    owner: person(ctx, r.owner_staff_id),
    receivedAt: r.received_at,
    deadline: r.deadline,
    status: r.status,
    resolution: r.resolution,
    reply: r.reply,
    repliedAt: r.replied_at,
    closedAt: r.closed_at,
    overdue: r.status === 'open' && r.deadline !== null && r.deadline < today,
  };
}

/** The record as the hall server stores it. */
function payload(r: ComplaintRow): Record<string, unknown> {
  return {
    id: r.id,
    complaintNo: r.complaint_no,
    kind: r.kind,
    channel: r.channel,
    complainant: r.complainant,
    phone: r.phone,
    content: r.content,
    subjectStaffId: r.subject_staff_id,
    ownerStaffId: r.owner_staff_id,
    deadline: r.deadline,
    status: r.status,
    resolution: r.resolution,
    reply: r.reply,
    repliedAt: r.replied_at,
    receivedAt: r.received_at,
    closedAt: r.closed_at,
    updatedAt: r.updated_at,
  };
}

function requireStaff(ctx: CoreContext, id: string, field: string, what: string): void {
  const s = staffById(ctx.db, id);
  if (!s) throw new CounterError('VALIDATION', `请检查输入：${what}：找不到该工作人员`, { [field]: '找不到该工作人员' });
  if (field === 'ownerStaffId' && s.active !== 1) {
    throw new CounterError('VALIDATION', `请检查输入：${what}：该工作人员已停用，不能承办`, { [field]: '已停用' });
  }
}

export function createComplaint(
  ctx: CoreContext,
  call: CallContext,
  session: ActiveSession,
  req: ParsedRequestOf<'complaints.create'>,
): { complaint: Complaint; warning: string | null } {
  const at = ctx.clock.now().toISOString();
  const owner = req.ownerStaffId ?? session.staffId;
  requireStaff(ctx, owner, 'ownerStaffId', '承办人');
  if (req.subjectStaffId !== null) requireStaff(ctx, req.subjectStaffId, 'subjectStaffId', '被投诉人');
  const due = addWorkingDays(loadWorkCalendar(ctx), hallDate(at), COMPLAINT_REPLY_WORKING_DAYS);
  const deadline = 'date' in due ? due.date : null;
  const warning = 'date' in due ? null : `答复期限待定：${due.reason}`;
  const id = newId();
  const origin = ctx.origin();
  const number = nextNumber(ctx, 'TS', at);
  insertComplaint(ctx.db, origin, {
    id,
    complaintNo: number,
    kind: req.kind,
    channel: req.via,
    complainant: req.complainant,
    phone: req.phone,
    content: req.details,
    subjectStaffId: req.subjectStaffId,
    ownerStaffId: owner,
    deadline,
    at,
  });
  recordChange(ctx.db, origin, actorOf(call), at, {
    action: 'complaints.create',
    entity: 'complaint',
    entityId: id,
    op: 'insert',
    payload: payload(row(ctx, id)),
  });
  return { complaint: view(ctx, row(ctx, id)), warning };
}

export function listComplaints(ctx: CoreContext, session: ActiveSession, req: ParsedRequestOf<'complaints.list'>): Complaint[] {
  // a clerk sees the ones they handle, a supervisor all
  const rows = complaintRows(ctx.db, { ownerStaffId: session.role === 'supervisor' ? undefined : session.staffId, status: req.status });
  return rows.map((r) => view(ctx, r));
}

export function resolveComplaint(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'complaints.resolve'>): Complaint {
  const at = ctx.clock.now().toISOString();
  const r = row(ctx, req.id);
  if (r.owner_staff_id !== session.staffId && session.role !== 'supervisor') {
    throw new CounterError('FORBIDDEN', '只有承办人或主管可以办理此件');
  }
  if (r.status !== 'open') throw new CounterError('CONFLICT', `${r.complaint_no} 已经答复，不能重复办理`);
  resolveComplaintRow(ctx.db, req.id, req.resolution, req.reply, at);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'complaints.resolve',
    entity: 'complaint',
    entityId: req.id,
    op: 'update',
    payload: payload(row(ctx, req.id)),
  });
  return view(ctx, row(ctx, req.id));
}

export function closeComplaint(ctx: CoreContext, call: CallContext, id: string): Complaint {
  const at = ctx.clock.now().toISOString();
  const r = row(ctx, id);
  if (r.status === 'closed') throw new CounterError('CONFLICT', `${r.complaint_no} 已经办结归档`);
  if (r.status !== 'resolved') throw new CounterError('CONFLICT', `${r.complaint_no} 尚未答复，请先填写处理结果并答复`);
  closeComplaintRow(ctx.db, id, at);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'complaints.close',
    entity: 'complaint',
    entityId: id,
    op: 'update',
    payload: payload(row(ctx, id)),
  });
  return view(ctx, row(ctx, id));
}
