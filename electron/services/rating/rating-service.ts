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
import { actorOf, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { writeTransaction, type Db } from '../db/connection';
import { recordChange, SYSTEM_ACTOR } from '../db/ledger';
import { newId } from '../core/ids';
import { loadWorkCalendar } from '../reference/calendar-service';
import { followUpPayload, insertFollowUp } from '../rectification/follow-up-repo';
import {
  answerRating,
  contactFacts,
  expiredPendingIds,
  insertRating,
  markNotRated,
  pendingRequestOf,
  ratingById,
  ratingPayload,
  ratingStatusOf,
} from './rating-repo';

export const NOT_PAIRED = '本评价器未与该窗口配对或评价已结束';

/** Pending requests past their time become 未评价. Returns how many did. */
export function expirePending(ctx: CoreContext): number {
  const now = ctx.clock.now().toISOString();
  const due = expiredPendingIds(ctx.db, now);
  if (due.length === 0) return 0;
  // its own transaction from a read or the expiry timer; a savepoint inside a write
  writeTransaction(ctx.db, () => {
    for (const id of due) {
      if (!markNotRated(ctx.db, id, now)) continue;
      recordChange(ctx.db, ctx.origin(), SYSTEM_ACTOR, now, {
        action: 'rating.expire',
        entity: 'rating',
        entityId: id,
        op: 'update',
        payload: ratingPayload(ctx.db, id),
      });
    }
  });
  return due.length;
}

/** This window's pending request as the display shows it; null when none. */
export function currentRequest(ctx: CoreContext): RatingRequestView | null {
  const { windowNo } = ctx.origin();
  const row = pendingRequestOf(ctx.db, windowNo, ctx.clock.now().toISOString());
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

export function requestRating(ctx: CoreContext, call: CallContext, session: ActiveSession, contactId: string): { status: 'pending' } {
  refresh(ctx);
  const contact = contactFacts(ctx.db, contactId);
  if (!contact) throw new CounterError('NOT_FOUND', '没有找到该接待记录');
  if (contact.owner_staff_id !== session.staffId) throw new CounterError('FORBIDDEN', '只能请本人接待的申请人评价');
  if (contact.status !== 'accepted' && contact.status !== 'closed') {
    throw new CounterError('CONFLICT', '该接待尚未办结（受理、引导完毕或结束接待后），不能请申请人评价');
  }
  const existing = ratingStatusOf(ctx.db, contactId);
  if (existing) {
    const said = { pending: '正在等待申请人评价', rated: '申请人已评价', notRated: '已超时记为未评价', none: '' }[existing];
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
  insertRating(ctx.db, origin, { id, contactId, staffId: session.staffId, at, expiresAt });
  recordChange(ctx.db, origin, actorOf(call), at, { action: 'rating.request', entity: 'rating', entityId: id, op: 'insert', payload: ratingPayload(ctx.db, id) });
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
  const row = ratingById(ctx.db, req.requestId);
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
  if (!answerRating(ctx.db, row.id, { level: req.level, reasons, comment }, at)) throw new CounterError('CONFLICT', '已评价，不能重复评价');
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
    insertFollowUp(ctx.db, origin, { id, ratingId: row.id, contactId: row.contact_id, staffId: row.staff_id, contactDue: due.contactDue.date, rectifyDue: due.rectifyDue.date, at });
    recordChange(ctx.db, origin, actor, at, {
      action: 'followUp.open',
      entity: 'follow_up',
      entityId: id,
      op: 'insert',
      payload: followUpPayload(ctx.db, id),
      detail: { pending: due.contactDue.pendingReason ?? due.rectifyDue.pendingReason },
    });
  }
  publishRating(ctx);
  return { thanks: RATING_THANKS };
}

export function ratingStatus(ctx: CoreContext, contactId: string): { status: RatingStatus } {
  refresh(ctx);
  return { status: ratingStatusOf(ctx.db, contactId) ?? 'none' };
}
