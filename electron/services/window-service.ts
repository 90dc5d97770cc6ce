/**
 * The window's public status: serving, paused with the whereabouts sign
 * (reason and expected return), or closed; and the state the display shows.
 */
import type { DisplayState, ParsedRequestOf } from '../../shared/contract';
import { returnTimeProblem } from '../../shared/domain/window-status';
import { CounterError } from '../../shared/result';
import { recordChange } from './db/ledger';
import { actorOf, type ActiveSession, type CallContext, type CoreContext } from './context';
import { listCommitments } from './commitments-service';
import { newId } from './ids';
import { openSession } from './session-service';
import { staffById } from './staff-repo';
import { changePause, endPause, insertPause, openPause } from './window-repo';

export function displayState(ctx: CoreContext): DisplayState {
  const settings = ctx.settings.get();
  const session = openSession(ctx);
  const staff = session ? staffById(ctx.db, session.staffId) : undefined;
  const pause = staff ? openPause(ctx.db) : undefined;
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
    pause: pause ? { reason: pause.reason, returnAt: pause.return_at } : null,
    commitments: listCommitments(ctx),
    complaintPhone: settings.complaintPhone,
    supervisionPhone: settings.supervisionPhone,
    leaderOnDuty: settings.leaderOnDuty,
    serverTime: ctx.clock.now().toISOString(),
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

export function resumeWindow(ctx: CoreContext, call: CallContext): DisplayState {
  const at = ctx.clock.now().toISOString();
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
