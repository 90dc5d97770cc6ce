/** Handlers of the hall-link methods: joining a hall, and how the link is doing. */
import type { hallLinkMethods } from '../../../shared/api/hall-link';
import { preparedWrite, type HandlersFor } from '../core/handler';
import { commitJoin, hallStatus, prepareJoin } from './join-service';

export const hallLinkHandlers: HandlersFor<keyof typeof hallLinkMethods> = {
  'hall.join': preparedWrite({ prepare: (ctx, req) => prepareJoin(ctx, req), commit: (ctx, _req, call, prepared) => commitJoin(ctx, call, prepared) }),
  'hall.status': (ctx) => hallStatus(ctx),
};
