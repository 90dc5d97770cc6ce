/** The handler for every method of the contract; the compiler checks the table is complete. */
import type { foundationMethods } from '../../../shared/contract';
import { sessionOf } from './context';
import { preparedWrite, type HandlersFor, type HandlerTable } from './handler';
import { listCommitments, saveCommitments } from '../window/commitments-service';
import { changePin, endSession, login, openSession, proveChangePin, proveLogin, proveOwnPin, sessionView, setLocked, unlock } from '../staff/session-service';
import { appInfo, completeSetup, prepareSetup, settingsView, updateSettings } from '../setup/setup-service';
import { createStaff, hashNewPin, listAllStaff, preparePhoto, resetStaffPin, setStaffPhoto, staffPhoto, unlockStaff, updateStaff } from '../staff/staff-service';
import { displayState, pauseWindow, resumeWindow } from '../window/window-service';
import { handoverHandlers } from '../handover/handlers';
import { intakeHandlers } from '../intake/handlers';
import { printingHandlers } from '../printing/handlers';
import { referenceHandlers } from '../reference/handlers';
import { ledgerHandlers } from '../ledger/handlers';
import { auditHandlers } from '../audit/handlers';
import { statsHandlers } from '../stats/handlers';
import { ratingHandlers } from '../rating/handlers';
import { supervisionHandlers } from '../supervision/handlers';
import { rectificationHandlers } from '../rectification/handlers';
import { marriageHandlers } from '../marriage/handlers';
import { appointmentHandlers } from '../appointments/handlers';
import { hallLinkHandlers } from '../hall-link/handlers';
import { hallOwned } from '../hall-link/hall-owned';
import { queueHandlers } from '../queue/handlers';

const foundationHandlers: HandlersFor<keyof typeof foundationMethods> = {
  'app.info': (ctx) => appInfo(ctx),
  'setup.complete': preparedWrite({ prepare: (_ctx, req) => prepareSetup(req), commit: (ctx, req, call, pinHash) => completeSetup(ctx, call, req, pinHash) }),
  'settings.get': (ctx) => settingsView(ctx.settings.get()),
  'settings.update': (ctx, req, call) => updateSettings(ctx, call, req),
  'auth.current': (ctx) => sessionView(ctx, openSession(ctx)),
  'auth.login': preparedWrite({ prepare: (ctx, req) => proveLogin(ctx, req), commit: (ctx, _req, call, proof) => login(ctx, call, proof) }),
  'auth.logout': (ctx, _req, call) => {
    endSession(ctx, call, 'logout');
    return null;
  },
  'auth.lock': (ctx, _req, call) => setLocked(ctx, call, sessionOf(call), true, 'auth.lock'),
  'auth.unlock': preparedWrite({
    prepare: (ctx, req, call) => proveOwnPin(ctx, sessionOf(call), req.pin),
    commit: (ctx, _req, call, proof) => unlock(ctx, call, sessionOf(call), proof),
  }),
  'auth.changePin': hallOwned(
    'PIN',
    preparedWrite({
      prepare: (ctx, req, call) => proveChangePin(ctx, sessionOf(call), req),
      commit: (ctx, req, call, proven) => changePin(ctx, call, sessionOf(call), req, proven),
    }),
  ),
  'staff.list': (ctx) => listAllStaff(ctx),
  'staff.create': hallOwned('人员', preparedWrite({ prepare: (_ctx, req) => hashNewPin(req.pin, 'pin'), commit: (ctx, req, call, pinHash) => createStaff(ctx, call, req, pinHash) })),
  'staff.update': hallOwned('人员', (ctx, req, call) => updateStaff(ctx, call, req)),
  'staff.resetPin': hallOwned('人员', preparedWrite({ prepare: (_ctx, req) => hashNewPin(req.newPin, 'newPin'), commit: (ctx, req, call, pinHash) => resetStaffPin(ctx, call, req, pinHash) })),
  'staff.setPhoto': preparedWrite({ prepare: (ctx, req) => preparePhoto(ctx, req), commit: (ctx, req, call, fileName) => setStaffPhoto(ctx, call, req, fileName) }),
  'staff.photo': (ctx, req) => staffPhoto(ctx, req),
  'commitments.list': (ctx) => listCommitments(ctx),
  'staff.unlock': (ctx, req, call) => unlockStaff(ctx, call, req.id),
  'commitments.save': hallOwned('服务承诺', (ctx, req, call) => saveCommitments(ctx, call, req.items)),
  'window.pause': (ctx, req, call) => pauseWindow(ctx, call, sessionOf(call), req),
  'window.resume': (ctx, _req, call) => resumeWindow(ctx, call, sessionOf(call)),
  'display.state': (ctx) => displayState(ctx),
};

export const handlers: HandlerTable = { ...foundationHandlers, ...printingHandlers, ...intakeHandlers, ...handoverHandlers, ...referenceHandlers, ...auditHandlers, ...ledgerHandlers, ...statsHandlers, ...supervisionHandlers, ...ratingHandlers, ...rectificationHandlers, ...marriageHandlers, ...appointmentHandlers, ...hallLinkHandlers, ...queueHandlers };

