/**
 * The window's public status: serving, paused with the whereabouts sign
 * (reason and expected return), or closed; and the state the display shows.
 */
import type { DisplayState, ParsedRequestOf } from '../../../shared/contract';
import { returnTimeProblem } from '../../../shared/domain/window-status';
import { CounterError } from '../../../shared/result';
import { recordChange } from '../db/ledger';
import { actorOf, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { listCommitments } from './commitments-service';
import { newId } from '../core/ids';
import { openSession } from '../staff/session-service';
import { isServing, startServing } from '../staff/session-repo';
import { staffById } from '../staff/staff-repo';
import { changePause, endPause, insertPause, openPause } from './window-repo';
import { calledOnDisplay } from '../queue/called-ticket';

/** The sign while the clerk's screen is idle-locked and no pause was put up: the window is not serving. */
export const LOCKED_PAUSE_REASON = '暂时离开';

/** Whether the open session serves the public: a supervisor's configuration login does not, until they start serving. */
export function displayState(ctx: CoreContext): DisplayState {
  const settings = ctx.settings.get();
  const session = openSession(ctx);
  const staff = session && isServing(ctx.db, session.id) ? staffById(ctx.db, session.staffId) : undefined;
  const open = staff ? openPause(ctx.db) : undefined;
  const pause = open ? { reason: open.reason, returnAt: open.return_at } : staff && session?.locked ? { reason: LOCKED_PAUSE_REASON, returnAt: null } : null;
  return {
    hallName: settings.hallName,
    department: settings.department,
    windowNo: settings.windowNo,
    status: !staff ? 'closed' : pause ? 'paused' : 'serving',
    clerk: staff
      ? {
          name: staff.name,
          staffNo: staff.staff_no,
          title: staff.title,
          duties: staff.duties,
          partyMember: staff.party_member === 1,
          photoDataUrl: ctx.photos.dataUrl(staff.photo_file),
        }
      : null,
    pause,
    commitments: listCommitments(ctx),
    complaintPhone: settings.complaintPhone,
    supervisionPhone: settings.supervisionPhone,
    leaderOnDuty: settings.leaderOnDuty,
    serverTime: ctx.clock.now().toISOString(),
    called: staff ? calledOnDisplay(ctx.db) : null,
  };
}

/** Puts up (or changes) the whereabouts sign. */
export function pauseWindow(
  ctx: CoreContext,
  call: CallContext,
  session: ActiveSession,
  req: ParsedRequestOf<'window.pause'>,
): DisplayState {
  const now = ctx.clock.now();
  const returnAt = new Date(req.returnAt);
  const problem = returnTimeProblem(now, returnAt);
  if (problem) throw new CounterError('VALIDATION', `请检查输入：${problem}`, { returnAt: problem });
  const at = now.toISOString();
  const origin = ctx.origin();
  if (!isServing(ctx.db, session.id)) throw new CounterError('CONFLICT', NOT_OPEN);
  const existing = openPause(ctx.db);
  const id = existing?.id ?? newId();
  if (existing) changePause(ctx.db, id, req.reason, returnAt.toISOString(), at);
  else insertPause(ctx.db, origin, { id, sessionId: session.id, reason: req.reason, returnAt: returnAt.toISOString(), at });
  recordChange(ctx.db, origin, actorOf(call), at, {
    action: 'window.pause',
    entity: 'window_pause',
    entityId: id,
    op: existing ? 'update' : 'insert',
    payload: { id, sessionId: session.id, reason: req.reason, returnAt: returnAt.toISOString(), startedAt: at },
  });
  return displayState(ctx);
}

const NOT_OPEN = '窗口尚未开放（主管登录后默认只作设置），请先在“窗口状态”中点“开始对外服务”';

/** Ends the pause; for a supervisor who logged in to configure, opens the window instead (开始对外服务). */
export function resumeWindow(ctx: CoreContext, call: CallContext, session: ActiveSession): DisplayState {
  const at = ctx.clock.now().toISOString();
  if (!isServing(ctx.db, session.id)) {
    startServing(ctx.db, session.id, at);
    recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
      action: 'window.open',
      entity: 'clerk_session',
      entityId: session.id,
      op: 'update',
      payload: { id: session.id, serving: 1 },
    });
    return displayState(ctx);
  }
  const pause = openPause(ctx.db);
  if (!pause) throw new CounterError('CONFLICT', '窗口当前没有暂停，无需恢复');
  endPause(ctx.db, pause.id, at);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'window.resume',
    entity: 'window_pause',
    entityId: pause.id,
    op: 'update',
    payload: { id: pause.id, endedAt: at },
  });
  return displayState(ctx);
}
