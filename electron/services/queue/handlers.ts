/** Handlers of the caller's methods (shared/api/queue.ts): the hall is asked in prepare, the ledger written in commit. */
import type { queueMethods } from '../../../shared/api/queue';
import { sessionOf } from '../core/context';
import { preparedWrite, type HandlersFor } from '../core/handler';
import { askHall, commitFinish, commitStart, queueState, recordAction, withStaff } from './queue-service';

export const queueHandlers: HandlersFor<keyof typeof queueMethods> = {
  'queue.state': (ctx) => queueState(ctx),
  'queue.callNext': preparedWrite({
    prepare: (ctx, _req, call) => askHall(ctx, 'queueCallNext', withStaff(sessionOf(call), {})),
    commit: (ctx, _req, call, answer) => {
      recordAction(ctx, call, 'queue.callNext', answer.ticket);
      return answer;
    },
  }),
  'queue.callTicket': preparedWrite({
    prepare: (ctx, req, call) => askHall(ctx, 'queueCallTicket', withStaff(sessionOf(call), req)),
    commit: (ctx, _req, call, answer) => {
      recordAction(ctx, call, 'queue.callTicket', answer.ticket);
      return answer;
    },
  }),
  'queue.recall': preparedWrite({
    prepare: (ctx, req, call) => askHall(ctx, 'queueRecall', withStaff(sessionOf(call), req)),
    commit: (ctx, _req, call, answer) => {
      recordAction(ctx, call, 'queue.recall', answer.ticket);
      return answer;
    },
  }),
  'queue.pass': preparedWrite({
    prepare: (ctx, req, call) => askHall(ctx, 'queuePass', withStaff(sessionOf(call), req)),
    commit: (ctx, _req, call, answer) => {
      recordAction(ctx, call, 'queue.pass', answer.ticket);
      return answer;
    },
  }),
  'queue.callBack': preparedWrite({
    prepare: (ctx, req, call) => askHall(ctx, 'queueCallBack', withStaff(sessionOf(call), req)),
    commit: (ctx, _req, call, answer) => {
      recordAction(ctx, call, 'queue.callBack', answer.ticket);
      return answer;
    },
  }),
  'queue.transfer': preparedWrite({
    prepare: (ctx, req, call) => askHall(ctx, 'queueTransfer', withStaff(sessionOf(call), req)),
    commit: (ctx, _req, call, answer) => {
      recordAction(ctx, call, 'queue.transfer', answer.ticket);
      return answer;
    },
  }),
  'queue.start': preparedWrite({
    prepare: (ctx, req, call) => askHall(ctx, 'queueStart', withStaff(sessionOf(call), req)),
    commit: (ctx, _req, call, answer) => commitStart(ctx, call, answer),
  }),
  'queue.finish': preparedWrite({
    prepare: (ctx, req, call) => askHall(ctx, 'queueFinish', withStaff(sessionOf(call), req)),
    commit: (ctx, _req, call, answer) => commitFinish(ctx, call, sessionOf(call), answer),
  }),
  'queue.takeGreen': preparedWrite({
    prepare: (ctx, req) => askHall(ctx, 'queueTake', { requestId: req.requestId, matter: req.matter, priority: 'green' }),
    commit: (ctx, _req, call, answer) => {
      recordAction(ctx, call, 'queue.takeGreen', answer.ticket);
      return { ticket: answer.ticket, ahead: answer.ahead };
    },
  }),
};
