/** Handlers for the rating methods of the contract (the bad-rating follow-up's are in rectification/). */
import type { ratingMethods } from '../../../shared/api/rating';
import { sessionOf } from '../core/context';
import type { HandlersFor } from '../core/handler';
import { pendingForDisplay, ratingStatus, requestRating, submitRating } from './rating-service';

export const ratingHandlers: HandlersFor<Exclude<keyof typeof ratingMethods, `followUp.${string}`>> = {
  'rating.request': (ctx, req, call) => requestRating(ctx, call, sessionOf(call), req.contactId),
  'rating.current': (ctx) => pendingForDisplay(ctx),
  'rating.submit': (ctx, req, call) => submitRating(ctx, call, req),
  'rating.status': (ctx, req) => ratingStatus(ctx, req.contactId),
};
