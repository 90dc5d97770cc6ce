/** Handlers for the marriage, divorce and reissue methods of the contract. */
import type { marriageMethods } from '../../../shared/api/marriage';
import { sessionOf } from '../core/context';
import { preparedWrite, type HandlersFor } from '../core/handler';
import { acceptDivorce, divorceList, prepareDivorceNumber, registerDivorce, withdrawDivorce } from './divorce-service';
import { checkForm, findByDocument, getCase, prefillParties, prepareRegistration, refuseRegistration, registerMarriage, todaysCases } from './marriage-service';

export const marriageHandlers: HandlersFor<keyof typeof marriageMethods> = {
  'marriage.check': (ctx, req) => checkForm(ctx, req),
  'marriage.register': preparedWrite({
    prepare: (ctx, req) => prepareRegistration(ctx, req),
    commit: (ctx, req, call, prepared) => registerMarriage(ctx, call, sessionOf(call), req, prepared),
  }),
  'marriage.refuse': (ctx, req, call) => refuseRegistration(ctx, call, sessionOf(call), req),
  'marriage.get': (ctx, req) => getCase(ctx, req.id),
  'marriage.today': (ctx) => todaysCases(ctx),
  'marriage.find': (ctx, req, call) => findByDocument(ctx, call, req.documentNumber),
  'marriage.prefill': (ctx, req, call) => prefillParties(ctx, call, req.contactId),
  'divorce.accept': (ctx, req, call) => acceptDivorce(ctx, call, sessionOf(call), req),
  'divorce.withdraw': (ctx, req, call) => withdrawDivorce(ctx, call, sessionOf(call), req),
  'divorce.register': preparedWrite({
    prepare: (ctx, req) => prepareDivorceNumber(ctx, req),
    commit: (ctx, req, call, prepared) => registerDivorce(ctx, call, sessionOf(call), req, prepared),
  }),
  'divorce.list': (ctx) => divorceList(ctx),
};
