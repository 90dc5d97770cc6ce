/** Handlers for the bad-rating follow-up (差评整改) methods of the contract. */
import type { ratingMethods } from '../../../shared/api/rating';
import { sessionOf } from '../core/context';
import type { HandlersFor } from '../core/handler';
import { appealFollowUp, closeFollowUp, decideAppeal, listFollowUps, recordFollowUp } from './follow-up-service';

export const rectificationHandlers: HandlersFor<Extract<keyof typeof ratingMethods, `followUp.${string}`>> = {
  'followUp.list': (ctx, req) => listFollowUps(ctx, req.filter ?? 'open'),
  'followUp.record': (ctx, req, call) => recordFollowUp(ctx, call, req),
  'followUp.close': (ctx, req, call) => closeFollowUp(ctx, call, sessionOf(call), req.id),
  'followUp.appeal': (ctx, req, call) => appealFollowUp(ctx, call, sessionOf(call), req),
  'followUp.decideAppeal': (ctx, req, call) => decideAppeal(ctx, call, sessionOf(call), req),
};
