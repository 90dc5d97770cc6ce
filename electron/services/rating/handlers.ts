/** Handlers for the rating and follow-up methods of the contract. */
import type { ratingMethods } from '../../../shared/api/rating';
import { sessionOf } from '../context';
import type { HandlersFor } from '../handler';
import { appealFollowUp, closeFollowUp, decideAppeal, listFollowUps, recordFollowUp } from './follow-up-service';
import { pendingForDisplay, ratingStatus, requestRating, submitRating } from './rating-service';

export const ratingHandlers: HandlersFor<keyof typeof ratingMethods> = {
  'rating.request': (ctx, req, call) => requestRating(ctx, call, sessionOf(call), req.contactId),
  'rating.current': (ctx) => pendingForDisplay(ctx),
  'rating.submit': (ctx, req, call) => submitRating(ctx, call, req),
  'rating.status': (ctx, req) => ratingStatus(ctx, req.contactId),
  'followUp.list': (ctx, req) => listFollowUps(ctx, req.filter ?? 'open'),
  'followUp.record': (ctx, req, call) => recordFollowUp(ctx, call, req),
  'followUp.close': (ctx, req, call) => closeFollowUp(ctx, call, sessionOf(call), req.id),
  'followUp.appeal': (ctx, req, call) => appealFollowUp(ctx, call, sessionOf(call), req),
  'followUp.decideAppeal': (ctx, req, call) => decideAppeal(ctx, call, sessionOf(call), req),
};
