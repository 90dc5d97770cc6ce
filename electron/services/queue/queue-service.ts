/**
 * The window's caller (叫号器): each action is proxied to the joined hall
 * (hall/store/queue-caller.ts) with a short timeout, so an unreachable hall
 * is reported at once and nothing else at the window waits for it. The hall
 * call runs in a write's prepare step (outside the ledger transaction); the
 * commit step writes the audit row and moves the display's called ticket in
 * the same transaction. The caller bar's read of the hall corrects the
 * display's copy where the hall's queue says otherwise.
 */
import type { QueueState, ResponseOf } from '../../../shared/contract';
import type { HallRequest, HallResponse, HallRouteName } from '../../../shared/hall/contract';
import type { QueueTicket } from '../../../shared/hall/queue-contract';
import { CounterError } from '../../../shared/result';
import { recordEvent } from '../db/ledger';
import { actorOf, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { hallClientOf, readHallLink } from '../hall-link/link-repo';
import { requestRating } from '../rating/rating-service';
import { displayState } from '../window/window-service';
import { calledTicketOf, callerMark, followTicket, syncCalled } from './called-ticket';

/**
 * The share of the hall call timeout the caller waits (2 s of the default
 * 5 s): a press must answer at once, also when the hall is gone. A share, not
 * a constant, so the tests' long hall timeout (a loaded machine is no hall
 * that is down) lengthens it too.
 */
export const CALLER_TIMEOUT_SHARE = 0.4;
export const HALL_DOWN = '大厅服务器连接不上，暂时不能叫号（本窗口其他业务照常办理）';
export const NOT_JOINED = '本窗口未加入大厅，不能叫号（请主管在“系统设置→大厅连接”加入大厅）';

/** One route of the hall, as this window, within the caller's timeout; the clerk's words when it cannot be reached. */
export async function askHall<N extends HallRouteName>(ctx: CoreContext, name: N, request: HallRequest<N>): Promise<HallResponse<N>> {
  const client = hallClientOf({ db: ctx.db, vault: ctx.vault, hallTimeoutMs: Math.round(ctx.hallTimeoutMs * CALLER_TIMEOUT_SHARE) });
  if (client === null) throw new CounterError('CONFLICT', NOT_JOINED);
  try {
    return await client.call(name, request);
  } catch (error) {
    if (error instanceof CounterError && error.code === 'DISCONNECTED') throw new CounterError('DISCONNECTED', HALL_DOWN);
    throw error;
  }
}

/**
 * The caller bar: the current ticket, the waiting count, the recall cap,
 * passed tickets and transfer targets. The hall's current ticket is the
 * display's: a copy the hall no longer holds (changed while this window was
 * off) is replaced and the display told at once.
 */
export async function queueState(ctx: CoreContext): Promise<QueueState> {
  const link = readHallLink(ctx.db, ctx.vault);
  if (link === null) return { joined: false };
  const mark = callerMark(ctx.db);
  const desk = await askHall(ctx, 'queueDesk', {});
  if (ctx.db.open && syncCalled(ctx.db, mark, desk.current)) ctx.publish('display.changed', displayState(ctx));
  return { joined: true, windowNo: link.windowNo, ...desk };
}

/** The hall's request for a caller action: the clerk's staff number goes with it, for the per-clerk statistics. */
export function withStaff<R extends object>(session: ActiveSession, req: R): R & { staffNo: string } {
  return { ...req, staffNo: session.staffNo };
}

export type QueueWrite = 'queue.callNext' | 'queue.callTicket' | 'queue.recall' | 'queue.pass' | 'queue.callBack' | 'queue.transfer' | 'queue.start' | 'queue.finish' | 'queue.takeGreen';

/** The audit row of a caller action and the display's called ticket, in the action's transaction. */
export function recordAction(ctx: CoreContext, call: CallContext, action: QueueWrite, ticket: QueueTicket | null, startedAt: string | null = null): void {
  recordEvent(ctx.db, ctx.origin(), actorOf(call), ctx.clock.now().toISOString(), {
    action,
    entity: 'queue_ticket',
    entityId: ticket?.id ?? null,
    detail: ticket === null ? { nobodyWaiting: true } : { code: ticket.code, status: ticket.status, matter: ticket.matter },
  });
  if (ticket !== null && action !== 'queue.takeGreen') followTicket(ctx.db, ticket, startedAt);
}

/** 开始办理: the window's clock is kept, so 办结 finds the contact served under the ticket. */
export function commitStart(ctx: CoreContext, call: CallContext, answer: HallResponse<'queueStart'>): HallResponse<'queueStart'> {
  const known = calledTicketOf(ctx.db);
  const startedAt = known?.id === answer.ticket.id && known.startedAt !== null ? known.startedAt : ctx.clock.now().toISOString();
  recordAction(ctx, call, 'queue.start', answer.ticket, startedAt);
  return answer;
}

/** The clerk's latest contact received since the ticket was started here. */
function contactServed(ctx: CoreContext, session: ActiveSession, startedAt: string): string | null {
  const row = ctx.db.prepare('SELECT id FROM contact WHERE owner_staff_id = ? AND received_at >= ? ORDER BY received_at DESC LIMIT 1').get(session.staffId, startedAt) as { id: string } | undefined;
  return row?.id ?? null;
}

/** 办结: the ticket ends, and the applicant is asked for the rating on the display (the contact served under it). */
export function commitFinish(ctx: CoreContext, call: CallContext, session: ActiveSession, answer: HallResponse<'queueFinish'>): ResponseOf<'queue.finish'> {
  const known = calledTicketOf(ctx.db);
  const startedAt = known?.id === answer.ticket.id ? known.startedAt : null;
  recordAction(ctx, call, 'queue.finish', answer.ticket);
  const contactId = startedAt === null ? null : contactServed(ctx, session, startedAt);
  if (contactId === null) return { ticket: answer.ticket, rating: { requested: false, note: `${answer.ticket.code} 号在本窗口没有接待记录，未请申请人评价` } };
  try {
    requestRating(ctx, call, session, contactId);
    return { ticket: answer.ticket, rating: { requested: true, note: '已请申请人在评价器上评价' } };
  } catch (error) {
    if (error instanceof CounterError) return { ticket: answer.ticket, rating: { requested: false, note: `未请评价：${error.message}` } };
    throw error;
  }
}
