/**
 * 差评整改: a bad rating's follow-up. The supervisor contacts the applicant,
 * records the finding, the rectification and the applicant's response, and
 * closes it only when all three are there. The clerk rated (or a supervisor)
 * may appeal (申诉); a supervisor other than the appellant decides.
 */
import type { AuditAction } from '../../../shared/audit/labels';
import type { FollowUp, ParsedRequestOf } from '../../../shared/contract';
import { ratingLabel } from '../../../shared/domain/rating';
import { CounterError } from '../../../shared/result';
import { actorOf, hallToday, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { recordChange } from '../db/ledger';
import {
  appellantOf,
  closeFollowUpRow,
  fileAppeal,
  followUpById,
  followUpPayload,
  followUpRows,
  rejectAppeal,
  updateFollowUpNotes,
  upholdAppeal,
  type FollowUpRow,
} from './follow-up-repo';

const PENDING_REASON = '节假日安排尚未录入，期限待定，请在“节假日设置”录入后按工作日计算';

function view(ctx: CoreContext, row: FollowUpRow, today: string): FollowUp {
  const open = row.status === 'open';
  return {
    id: row.id,
    ratingId: row.rating_id,
    contactId: row.contact_id,
    contactNumber: row.contact_no,
    itemName: row.item_name,
    applicantName: row.applicant_name,
    applicantPhone: row.applicant_phone,
    clerk: { id: row.staff_id, name: row.clerk_name, staffNo: row.clerk_staff_no },
    windowNo: row.window_no,
    level: row.level,
    levelLabel: ratingLabel(row.level),
    reasons: JSON.parse(row.reasons) as string[],
    comment: row.comment,
    answeredAt: row.answered_at,
    openedAt: row.opened_at,
    contactDue: row.contact_due,
    rectifyDue: row.rectify_due,
    duePendingReason: row.contact_due === null || row.rectify_due === null ? PENDING_REASON : null,
    contactOverdue: open && row.contacted_at === null && row.contact_due !== null && row.contact_due < today,
    rectifyOverdue: open && row.rectify_due !== null && row.rectify_due < today,
    contactedAt: row.contacted_at,
    contactNote: row.contact_note,
    finding: row.finding,
    rectification: row.rectification,
    applicantResponse: row.applicant_response,
    status: row.status,
    closedAt: row.closed_at,
    appeal: {
      status: row.appeal_status,
      reason: row.appeal_reason,
      decision: row.appeal_decision,
      filedBy: row.appeal_status === 'none' ? null : (appellantOf(ctx.db, row.id)?.name ?? null),
      decidedAt: row.appeal_decided_at,
    },
  };
}

function followUpRow(ctx: CoreContext, id: string): FollowUpRow {
  const row = followUpById(ctx.db, id);
  if (!row) throw new CounterError('NOT_FOUND', '没有找到该差评整改记录');
  return row;
}

export function getFollowUp(ctx: CoreContext, id: string): FollowUp {
  return view(ctx, followUpRow(ctx, id), hallToday(ctx));
}

export function listFollowUps(ctx: CoreContext, filter: 'open' | 'overdue' | 'closed' | 'all'): FollowUp[] {
  const rows = followUpRows(ctx.db, filter === 'overdue' ? 'open' : filter);
  const day = hallToday(ctx);
  const all = rows.map((r) => view(ctx, r, day));
  return filter === 'overdue' ? all.filter((f) => f.contactOverdue || f.rectifyOverdue) : all;
}

function requireOpen(row: FollowUpRow): void {
  if (row.status !== 'open') throw new CounterError('CONFLICT', '该差评整改已结案，不能再修改');
}

/** The change log's row for an update just made (in the write's transaction), and the follow-up as it is now. */
function saved(ctx: CoreContext, call: CallContext, id: string, action: AuditAction, at: string, detail?: Record<string, unknown>): FollowUp {
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, { action, entity: 'follow_up', entityId: id, op: 'update', payload: followUpPayload(ctx.db, id), ...(detail ? { detail } : {}) });
  return getFollowUp(ctx, id);
}

export function recordFollowUp(ctx: CoreContext, call: CallContext, req: ParsedRequestOf<'followUp.record'>): FollowUp {
  const row = followUpRow(ctx, req.id);
  requireOpen(row);
  const given = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);
  const fields = {
    contact_note: given(req.contactNote),
    finding: given(req.finding),
    rectification: given(req.rectification),
    applicant_response: given(req.applicantResponse),
  };
  if (Object.values(fields).every((v) => v === null)) throw new CounterError('VALIDATION', '请至少填写一项：联系情况、核查情况、整改措施或申请人意见');
  const at = ctx.clock.now().toISOString();
  const contactedAt = fields.contact_note !== null && row.contacted_at === null ? at : row.contacted_at;
  updateFollowUpNotes(ctx.db, req.id, fields, contactedAt, at);
  return saved(ctx, call, req.id, 'followUp.record', at);
}

export function closeFollowUp(ctx: CoreContext, call: CallContext, session: ActiveSession, id: string): FollowUp {
  const row = followUpRow(ctx, id);
  requireOpen(row);
  if (row.appeal_status === 'filed') throw new CounterError('CONFLICT', '申诉尚未决定，请先对申诉作出决定再结案');
  const missing: Record<string, string> = {};
  if (!row.finding) missing.finding = '核查情况';
  if (!row.rectification) missing.rectification = '整改措施';
  if (!row.applicant_response) missing.applicantResponse = '申请人意见';
  const names = Object.values(missing);
  if (names.length > 0) {
    throw new CounterError(
      'VALIDATION',
      `还不能结案，请先填写：${names.join('、')}`,
      Object.fromEntries(Object.entries(missing).map(([k, v]) => [k, `结案前请填写${v}`])),
    );
  }
  const at = ctx.clock.now().toISOString();
  closeFollowUpRow(ctx.db, id, session.staffId, at);
  return saved(ctx, call, id, 'followUp.close', at);
}

export function appealFollowUp(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'followUp.appeal'>): FollowUp {
  const row = followUpRow(ctx, req.id);
  if (session.role !== 'supervisor' && session.staffId !== row.staff_id) throw new CounterError('FORBIDDEN', '只能对本人收到的差评提出申诉');
  requireOpen(row);
  if (row.appeal_status !== 'none') throw new CounterError('CONFLICT', '该差评已经提出过申诉，不能重复申诉');
  const at = ctx.clock.now().toISOString();
  fileAppeal(ctx.db, req.id, req.reason, at);
  return saved(ctx, call, req.id, 'followUp.appeal', at);
}

export function decideAppeal(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'followUp.decideAppeal'>): FollowUp {
  const row = followUpRow(ctx, req.id);
  if (row.appeal_status !== 'filed') throw new CounterError('CONFLICT', '该差评没有待决定的申诉');
  const appellant = appellantOf(ctx.db, req.id);
  if (appellant?.id === session.staffId) throw new CounterError('FORBIDDEN', '申诉人不能决定自己的申诉，请由其他主管决定');
  if (row.staff_id === session.staffId) throw new CounterError('FORBIDDEN', '被评价的工作人员不能决定针对自己的申诉');
  const at = ctx.clock.now().toISOString();
  // an upheld appeal sets the bad rating aside: nothing is left to rectify, the follow-up closes
  if (req.upheld) upholdAppeal(ctx.db, req.id, req.decision, session.staffId, at);
  else rejectAppeal(ctx.db, req.id, req.decision, session.staffId, at);
  return saved(ctx, call, req.id, 'followUp.decideAppeal', at, { upheld: req.upheld });
}
