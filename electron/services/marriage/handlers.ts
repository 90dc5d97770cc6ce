/** Handlers for the marriage, divorce and reissue methods of the contract. */
import type { marriageMethods } from '../../../shared/api/marriage';
import { sessionOf } from '../core/context';
import type { HandlersFor } from '../core/handler';
import { acceptDivorce, divorceList, registerDivorce, withdrawDivorce } from './divorce-service';
import { checkForm, findByDocument, getCase, prefillParties, refuseRegistration, registerMarriage, todaysCases } from './marriage-service';

export const marriageHandlers: HandlersFor<keyof typeof marriageMethods> = {
  'marriage.check': (ctx, req) => checkForm(ctx, req),
  'marriage.register': (ctx, req, call) => registerMarriage(ctx, call, sessionOf(call), req),
  'marriage.refuse': (ctx, req, call) => refuseRegistration(ctx, call, sessionOf(call), req),
  'marriage.get': (ctx, req) => getCase(ctx, req.id),
  'marriage.today': (ctx) => todaysCases(ctx),
  'marriage.find': (ctx, req, call) => findByDocument(ctx, call, req.documentNumber),
  'marriage.prefill': (ctx, req, call) => prefillParties(ctx, call, req.contactId),
  'divorce.accept': (ctx, req, call) => acceptDivorce(ctx, call, sessionOf(call), req),
  'divorce.withdraw': (ctx, req, call) => withdrawDivorce(ctx, call, sessionOf(call), req),
  'divorce.register': (ctx, req, call) => registerDivorce(ctx, call, sessionOf(call), req),
  'divorce.list': (ctx) => divorceList(ctx),
};
