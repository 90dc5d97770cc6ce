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
import { actorOf, hallToday, type ActiveSession, type CallContext, type CoreContext } from '../context';
import { recordChange } from '../db/ledger';

interface FollowUpRow {
  id: string;
  rating_id: string;
  contact_id: string;
  staff_id: string;
  window_no: string;
  opened_at: string;
  contact_due: string | null;
  rectify_due: string | null;
  contacted_at: string | null;
  contact_note: string | null;
  finding: string | null;
  rectification: string | null;
  applicant_response: string | null;
  status: 'open' | 'closed';
  closed_at: string | null;
  appeal_status: 'none' | 'filed' | 'upheld' | 'rejected';
  appeal_reason: string | null;
  appeal_decision: string | null;
  appeal_decided_at: string | null;
  level: number;
  reasons: string;
  comment: string;
  answered_at: string;
  contact_no: string;
  item_name: string;
  applicant_name: string;
  applicant_phone: string;
  clerk_name: string;
  clerk_staff_no: string;
}

const SELECT = `SELECT f.*, r.level, r.reasons, r.comment, r.answered_at, c.contact_no, c.item_name, c.applicant_name, c.applicant_phone,
    s.name AS clerk_name, s.staff_no AS clerk_staff_no
  FROM follow_up f JOIN rating r ON r.id = f.rating_id JOIN contact c ON c.id = f.contact_id JOIN staff s ON s.id = f.staff_id`;

const PENDING_REASON = '节假日安排尚未录入，期限待定，请在“节假日设置”录入后按工作日计算';

/** Who filed the appeal: the follow_up table has no column for it, the audit trail (same transaction) does. */
function appellantOf(ctx: CoreContext, id: string): { id: string; name: string } | null {
  const row = ctx.db
    .prepare(
      `SELECT a.actor_id AS id, s.name FROM audit_log a JOIN staff s ON s.id = a.actor_id
       WHERE a.action = 'followUp.appeal' AND a.entity = 'follow_up' AND a.entity_id = ? ORDER BY a.seq DESC LIMIT 1`,
    )
    .get(id) as { id: string; name: string } | undefined;
  return row ?? null;
}

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
      filedBy: row.appeal_status === 'none' ? null : (appellantOf(ctx, row.id)?.name ?? null),
      decidedAt: row.appeal_decided_at,
    },
  };
}

function followUpRow(ctx: CoreContext, id: string): FollowUpRow {
  const row = ctx.db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FollowUpRow | undefined;
  if (!row) throw new CounterError('NOT_FOUND', '没有找到该差评整改记录');
  return row;
}

export function getFollowUp(ctx: CoreContext, id: string): FollowUp {
  return view(ctx, followUpRow(ctx, id), hallToday(ctx));
}

export function listFollowUps(ctx: CoreContext, filter: 'open' | 'overdue' | 'closed' | 'all'): FollowUp[] {
  const where = filter === 'closed' ? "WHERE f.status = 'closed'" : filter === 'all' ? '' : "WHERE f.status = 'open'";
  const rows = ctx.db.prepare(`${SELECT} ${where} ORDER BY f.opened_at DESC LIMIT 500`).all() as FollowUpRow[];
  const day = hallToday(ctx);
  const all = rows.map((r) => view(ctx, r, day));
  return filter === 'overdue' ? all.filter((f) => f.contactOverdue || f.rectifyOverdue) : all;
}

function requireOpen(row: FollowUpRow): void {
  if (row.status !== 'open') throw new CounterError('CONFLICT', '该差评整改已结案，不能再修改');
}

function save(ctx: CoreContext, call: CallContext, id: string, action: AuditAction, sql: string, params: unknown[], detail?: Record<string, unknown>): FollowUp {
  const at = ctx.clock.now().toISOString();
  ctx.db.transaction(() => {
    ctx.db.prepare(`UPDATE follow_up SET ${sql}, updated_at = ? WHERE id = ?`).run(...params, at, id);
    const payload = ctx.db.prepare('SELECT * FROM follow_up WHERE id = ?').get(id) as Record<string, unknown>;
    recordChange(ctx.db, ctx.origin(), actorOf(call), at, { action, entity: 'follow_up', entityId: id, op: 'update', payload, ...(detail ? { detail } : {}) });
  })();
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
  return save(
    ctx,
    call,
    req.id,
    'followUp.record',
    'contact_note = COALESCE(?, contact_note), finding = COALESCE(?, finding), rectification = COALESCE(?, rectification), applicant_response = COALESCE(?, applicant_response), contacted_at = ?',
    [fields.contact_note, fields.finding, fields.rectification, fields.applicant_response, contactedAt],
  );
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
  return save(ctx, call, id, 'followUp.close', "status = 'closed', closed_at = ?, closed_by = ?", [at, session.staffId]);
}

export function appealFollowUp(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'followUp.appeal'>): FollowUp {
  const row = followUpRow(ctx, req.id);
  if (session.role !== 'supervisor' && session.staffId !== row.staff_id) throw new CounterError('FORBIDDEN', '只能对本人收到的差评提出申诉');
  requireOpen(row);
  if (row.appeal_status !== 'none') throw new CounterError('CONFLICT', '该差评已经提出过申诉，不能重复申诉');
  return save(ctx, call, req.id, 'followUp.appeal', "appeal_status = 'filed', appeal_reason = ?", [req.reason]);
}

export function decideAppeal(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'followUp.decideAppeal'>): FollowUp {
  const row = followUpRow(ctx, req.id);
  if (row.appeal_status !== 'filed') throw new CounterError('CONFLICT', '该差评没有待决定的申诉');
  const appellant = appellantOf(ctx, req.id);
  if (appellant?.id === session.staffId) throw new CounterError('FORBIDDEN', '申诉人不能决定自己的申诉，请由其他主管决定');
  if (row.staff_id === session.staffId) throw new CounterError('FORBIDDEN', '被评价的工作人员不能决定针对自己的申诉');
  const at = ctx.clock.now().toISOString();
  // an upheld appeal sets the bad rating aside: nothing is left to rectify, the follow-up closes
  return req.upheld
    ? save(
        ctx,
        call,
        req.id,
        'followUp.decideAppeal',
        "appeal_status = 'upheld', appeal_decision = ?, appeal_decided_by = ?, appeal_decided_at = ?, status = 'closed', closed_at = ?, closed_by = ?",
        [req.decision, session.staffId, at, at, session.staffId],
        { upheld: true },
      )
    : save(
        ctx,
        call,
        req.id,
        'followUp.decideAppeal',
        "appeal_status = 'rejected', appeal_decision = ?, appeal_decided_by = ?, appeal_decided_at = ?",
        [req.decision, session.staffId, at],
        { upheld: false },
      );
}
