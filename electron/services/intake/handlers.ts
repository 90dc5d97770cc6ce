/** Handlers for the intake methods of the contract. */
import type { intakeMethods } from '../../../shared/api/intake';
import { actorOf, sessionOf } from '../core/context';
import { scheduleCallbacksQuietly } from '../supervision/callback-service';
import type { HandlersFor } from '../core/handler';
import { completeCase, myCases } from './case-service';
import { acceptContact, closeContact, myContacts, notifyContact, readContact, referContact, resumeBySlip, startContact } from './intake-service';

export const intakeHandlers: HandlersFor<keyof typeof intakeMethods> = {
  'intake.start': (ctx, req, call) => startContact(ctx, call, sessionOf(call), req),
  'intake.get': (ctx, req, call) => readContact(ctx, sessionOf(call), req.id),
  'intake.mine': (ctx, _req, call) => myContacts(ctx, sessionOf(call)),
  'intake.refer': (ctx, req, call) => referContact(ctx, call, sessionOf(call), req.id),
  'intake.notify': (ctx, req, call) => notifyContact(ctx, call, sessionOf(call), req),
  'intake.resume': (ctx, req, call) => resumeBySlip(ctx, call, req.slipNo),
  'intake.accept': (ctx, req, call) => acceptContact(ctx, call, sessionOf(call), req),
  'intake.close': (ctx, req, call) => closeContact(ctx, call, sessionOf(call), req),
  'cases.mine': (ctx, _req, call) => myCases(ctx, sessionOf(call)),
  'cases.complete': (ctx, req, call) => {
    const completed = completeCase(ctx, call, sessionOf(call), req.id);
    scheduleCallbacksQuietly(ctx, actorOf(call)); // 跟踪回访: the rules may ask for a callback
    return completed;
  },
};
