/**
 * 好差评: the clerk asks for a rating of a finished contact, the public
 * display shows the pad for this window's pending request, the applicant
 * answers (or the request expires as 未评价). A bad rating opens its
 * follow-up in the same transaction as the rating itself.
 *
 * The clerk's side only ever learns the status; the level leaves the core
 * only in the change log (for the hall server) and the supervisor's follow-up.
 */
import type { ParsedRequestOf, RatingRequestView, RatingStatus } from '../../../shared/contract';
import { followUpDeadlines, isBadRating, RATING_THANKS } from '../../../shared/domain/rating';
import { hallDate } from '../../../shared/domain/hall-time';
import { CounterError } from '../../../shared/result';
import { actorOf, type ActiveSession, type CallContext, type CoreContext } from '../context';
import type { Db } from '../db/connection';
import { recordChange, SYSTEM_ACTOR } from '../db/ledger';
import { newId } from '../ids';
import { loadWorkCalendar } from '../reference/calendar-service';

export interface RatingRow {
  id: string;
  hall_id: string;
  window_no: string;
  contact_id: string;
  staff_id: string;
  status: 'pending' | 'rated' | 'notRated';
  level: number | null;
  reasons: string;
  comment: string;
  requested_at: string;
  expires_at: string;
  answered_at: string | null;
  created_at: string;
  updated_at: string;
}

export const NOT_PAIRED = '本评价器未与该窗口配对或评价已结束';

function ratingPayload(db: Db, id: string): Record<string, unknown> {
  const row = db.prepare('SELECT * FROM rating WHERE id = ?').get(id) as RatingRow;
  return { ...row, reasons: JSON.parse(row.reasons) as unknown };
}

/** Pending requests past their time become 未评价. Returns how many did. */
export function expirePending(ctx: CoreContext): number {
  const now = ctx.clock.now().toISOString();
  const due = ctx.db.prepare("SELECT id FROM rating WHERE status = 'pending' AND expires_at <= ?").all(now) as { id: string }[];
  if (due.length === 0) return 0;
  ctx.db.transaction(() => {
    for (const { id } of due) {
      const changed = ctx.db.prepare("UPDATE rating SET status = 'notRated', updated_at = ? WHERE id = ? AND status = 'pending'").run(now, id);
      if (changed.changes === 0) continue;
      recordChange(ctx.db, ctx.origin(), SYSTEM_ACTOR, now, {
        action: 'rating.expire',
        entity: 'rating',
        entityId: id,
        op: 'update',
        payload: ratingPayload(ctx.db, id),
      });
    }
  })();
  return due.length;
}

/** This window's pending request as the display shows it; null when none. */
export function currentRequest(ctx: CoreContext): RatingRequestView | null {
  const { windowNo } = ctx.origin();
  const row = ctx.db
    .prepare(
      `SELECT r.id, r.expires_at, r.window_no, s.name FROM rating r JOIN staff s ON s.id = r.staff_id
       WHERE r.status = 'pending' AND r.window_no = ? AND r.expires_at > ? ORDER BY r.requested_at DESC LIMIT 1`,
    )
    .get(windowNo, ctx.clock.now().toISOString()) as { id: string; expires_at: string; window_no: string; name: string } | undefined;
  return row ? { requestId: row.id, expiresAt: row.expires_at, windowNo: row.window_no, clerkName: row.name } : null;
}

function publishRating(ctx: CoreContext): void {
  ctx.publish('rating.changed', { pending: currentRequest(ctx) });
}

const timers = new WeakMap<Db, ReturnType<typeof setTimeout>>();

/** Records 未评价 when the request runs out, and tells the screens; lazily re-checked on every call too. */
function scheduleExpiry(ctx: CoreContext, expiresAt: string): void {
  const previous = timers.get(ctx.db);
  if (previous) clearTimeout(previous);
  const delay = Math.max(0, new Date(expiresAt).getTime() - ctx.clock.now().getTime()) + 250;
  const timer = setTimeout(() => {
    timers.delete(ctx.db);
    if (!ctx.db.open) return;
    try {
      if (expirePending(ctx) > 0) publishRating(ctx);
    } catch (error) {
      console.error('[rating] expiring a rating request failed', error);
    }
  }, delay);
  timer.unref();
  timers.set(ctx.db, timer);
}

/** Expires what ran out, and tells the screens when something did. */
function refresh(ctx: CoreContext): void {
  if (expirePending(ctx) > 0) publishRating(ctx);
}

interface ContactFacts {
  id: string;
  status: string;
  owner_staff_id: string;
  window_no: string;
}

export function requestRating(ctx: CoreContext, call: CallContext, session: ActiveSession, contactId: string): { status: 'pending' } {
  refresh(ctx);
  const contact = ctx.db.prepare('SELECT id, status, owner_staff_id, window_no FROM contact WHERE id = ?').get(contactId) as ContactFacts | undefined;
  if (!contact) throw new CounterError('NOT_FOUND', '没有找到该接待记录');
  if (contact.owner_staff_id !== session.staffId) throw new CounterError('FORBIDDEN', '只能请本人接待的申请人评价');
  if (contact.status !== 'accepted' && contact.status !== 'closed') {
    throw new CounterError('CONFLICT', '该接待尚未办结（受理、引导完毕或结束接待后），不能请申请人评价');
  }
  const existing = ctx.db.prepare('SELECT status FROM rating WHERE contact_id = ?').get(contactId) as { status: RatingStatus } | undefined;
  if (existing) {
    const said = { pending: '正在等待申请人评价', rated: '申请人已评价', notRated: '已超时记为未评价', none: '' }[existing.status];
    throw new CounterError('CONFLICT', `该接待${said}，每次接待只能评价一次`);
  }
  const busy = currentRequest(ctx);
  if (busy) {
    const left = Math.max(1, Math.ceil((new Date(busy.expiresAt).getTime() - ctx.clock.now().getTime()) / 1000));
    throw new CounterError('CONFLICT', `评价器正在等待上一位申请人评价（还剩 ${left} 秒），请稍后再请申请人评价`);
  }
  const now = ctx.clock.now();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + ctx.settings.get().ratingTimeoutSeconds * 1000).toISOString();
  const origin = ctx.origin();
  const id = newId();
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO rating (id, hall_id, window_no, contact_id, staff_id, status, requested_at, expires_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
      )
      .run(id, origin.hallId, origin.windowNo, contactId, session.staffId, at, expiresAt, at, at);
    recordChange(ctx.db, origin, actorOf(call), at, { action: 'rating.request', entity: 'rating', entityId: id, op: 'insert', payload: ratingPayload(ctx.db, id) });
  })();
  scheduleExpiry(ctx, expiresAt);
  publishRating(ctx);
  return { status: 'pending' };
}

export function pendingForDisplay(ctx: CoreContext): RatingRequestView | null {
  refresh(ctx);
  return currentRequest(ctx);
}

export function submitRating(ctx: CoreContext, call: CallContext, req: ParsedRequestOf<'rating.submit'>): { thanks: string } {
  refresh(ctx);
  const origin = ctx.origin();
  const row = ctx.db.prepare('SELECT * FROM rating WHERE id = ?').get(req.requestId) as RatingRow | undefined;
  if (!row || row.window_no !== origin.windowNo) throw new CounterError('FORBIDDEN', NOT_PAIRED);
  if (row.status === 'rated') throw new CounterError('CONFLICT', '已评价，不能重复评价');
  if (row.status === 'notRated') throw new CounterError('CONFLICT', '评价时间已过，本次记为未评价');
  const bad = isBadRating(req.level);
  const reasons = bad ? [...new Set(req.reasons ?? [])] : [];
  const comment = req.comment ?? '';
  if (bad && reasons.length === 0) throw new CounterError('VALIDATION', '请选择不满意的原因', { reasons: '请至少选择一项原因' });
  if (bad && reasons.includes('其他') && comment === '') {
    throw new CounterError('VALIDATION', '选择“其他”时，请写下具体原因', { comment: '请写下具体原因' });
  }
  const at = ctx.clock.now().toISOString();
  const settings = ctx.settings.get();
  // the applicant answers: no clerk is the actor, whoever is logged in at the window
  const actor = SYSTEM_ACTOR;
  ctx.db.transaction(() => {
    const changed = ctx.db
      .prepare("UPDATE rating SET status = 'rated', level = ?, reasons = ?, comment = ?, answered_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'")
      .run(req.level, JSON.stringify(reasons), comment, at, at, row.id);
    if (changed.changes === 0) throw new CounterError('CONFLICT', '已评价，不能重复评价');
    recordChange(ctx.db, origin, actor, at, {
      action: 'rating.submit',
      entity: 'rating',
      entityId: row.id,
      op: 'update',
      payload: ratingPayload(ctx.db, row.id),
      detail: { by: 'applicant', caller: call.caller },
    });
    if (bad) {
      const due = followUpDeadlines(loadWorkCalendar(ctx), hallDate(at), settings.followUpContactDays, settings.followUpRectifyDays);
      const id = newId();
      ctx.db
        .prepare(
          `INSERT INTO follow_up (id, hall_id, window_no, rating_id, contact_id, staff_id, opened_at, contact_due, rectify_due, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
        )
        .run(id, origin.hallId, origin.windowNo, row.id, row.contact_id, row.staff_id, at, due.contactDue.date, due.rectifyDue.date, at, at);
      const payload = ctx.db.prepare('SELECT * FROM follow_up WHERE id = ?').get(id) as Record<string, unknown>;
      recordChange(ctx.db, origin, actor, at, {
        action: 'followUp.open',
        entity: 'follow_up',
        entityId: id,
        op: 'insert',
        payload,
        detail: { pending: due.contactDue.pendingReason ?? due.rectifyDue.pendingReason },
      });
    }
  })();
  publishRating(ctx);
  return { thanks: RATING_THANKS };
}

export function ratingStatus(ctx: CoreContext, contactId: string): { status: RatingStatus } {
  refresh(ctx);
  const row = ctx.db.prepare('SELECT status FROM rating WHERE contact_id = ?').get(contactId) as { status: RatingStatus } | undefined;
  return { status: row?.status ?? 'none' };
}
