/** The handler for every method of the contract; the compiler checks the table is complete. */
import type { foundationMethods, MethodName, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { sessionOf, type CallContext, type CoreContext } from './context';
import { listCommitments, saveCommitments } from './commitments-service';
import { changePin, endSession, login, openSession, sessionView, setLocked, unlock } from './session-service';
import { appInfo, completeSetup, settingsView, updateSettings } from './setup-service';
import { createStaff, listAllStaff, resetStaffPin, setStaffPhoto, staffPhoto, updateStaff } from './staff-service';
import { displayState, pauseWindow, resumeWindow } from './window-service';
import { handoverHandlers } from './handover/handlers';
import { intakeHandlers } from './intake/handlers';
import { printingHandlers } from './printing/handlers';
import { referenceHandlers } from './reference/handlers';
import { ledgerHandlers } from './ledger/handlers';
import { auditHandlers } from './audit/handlers';
import { statsHandlers } from './stats/handlers';
import { ratingHandlers } from './rating/handlers';
import { followupHandlers } from './followup/handlers';
import { marriageHandlers } from './marriage/handlers';
import { appointmentHandlers } from './appointments/handlers';

export type Handler<M extends MethodName> = (
  ctx: CoreContext,
  req: ParsedRequestOf<M>,
  call: CallContext,
) => ResponseOf<M> | Promise<ResponseOf<M>>;

/** Handlers for a group of methods; the groups are combined into one complete table below. */
export type HandlersFor<K extends MethodName> = { [M in K]: Handler<M> };
export type HandlerTable = HandlersFor<MethodName>;

const foundationHandlers: HandlersFor<keyof typeof foundationMethods> = {
  'app.info': (ctx) => appInfo(ctx),
  'setup.complete': (ctx, req, call) => completeSetup(ctx, call, req),
  'settings.get': (ctx) => settingsView(ctx.settings.get()),
  'settings.update': (ctx, req, call) => updateSettings(ctx, call, req),
  'auth.current': (ctx) => sessionView(ctx, openSession(ctx)),
  'auth.login': (ctx, req, call) => login(ctx, call, req),
  'auth.logout': (ctx, _req, call) => {
    endSession(ctx, call, 'logout');
    return null;
  },
  'auth.lock': (ctx, _req, call) => setLocked(ctx, call, sessionOf(call), true, 'auth.lock'),
  'auth.unlock': (ctx, req, call) => unlock(ctx, call, sessionOf(call), req.pin),
  'auth.changePin': (ctx, req, call) => changePin(ctx, call, sessionOf(call), req),
  'staff.list': (ctx) => listAllStaff(ctx),
  'staff.create': (ctx, req, call) => createStaff(ctx, call, req),
  'staff.update': (ctx, req, call) => updateStaff(ctx, call, req),
  'staff.resetPin': (ctx, req, call) => resetStaffPin(ctx, call, req),
  'staff.setPhoto': (ctx, req, call) => setStaffPhoto(ctx, call, req),
  'staff.photo': (ctx, req) => staffPhoto(ctx, req),
  'commitments.list': (ctx) => listCommitments(ctx),
  'commitments.save': (ctx, req, call) => saveCommitments(ctx, call, req.items),
  'window.pause': (ctx, req, call) => pauseWindow(ctx, call, sessionOf(call), req),
  'window.resume': (ctx, _req, call) => resumeWindow(ctx, call, sessionOf(call)),
  'display.state': (ctx) => displayState(ctx),
};

export const handlers: HandlerTable = { ...foundationHandlers, ...printingHandlers, ...intakeHandlers, ...handoverHandlers, ...referenceHandlers, ...auditHandlers, ...ledgerHandlers, ...statsHandlers, ...followupHandlers, ...ratingHandlers, ...marriageHandlers, ...appointmentHandlers };

/** Methods after which the public display and the clerk's session view may have changed. */
export const CHANGES_DISPLAY: ReadonlySet<MethodName> = new Set<MethodName>([
  'setup.complete',
  'settings.update',
  'auth.login',
  'auth.logout',
  'auth.lock',
  'auth.unlock',
  'auth.changePin',
  'staff.update',
  'staff.setPhoto',
  'commitments.save',
  'window.pause',
  'window.resume',
  'handover.close',
]);
