/** Handlers of the caller's methods (shared/api/queue.ts): the hall is asked in prepare, the ledger written in commit. */
import type { queueMethods } from '../../../shared/api/queue';
import type { QueueTicket } from '../../../shared/hall/queue-contract';
import { sessionOf, type CallContext, type CoreContext } from '../core/context';
import { preparedWrite, type HandlersFor } from '../core/handler';
import { askHall, commitFinish, commitStart, queueState, recordAction, withStaff, type QueueWrite } from './queue-service';

/** The commit of a caller action the hall answered with the ticket it acted on: the action recorded, the hall's answer returned. */
function recorded(action: QueueWrite) {
  return <A extends { ticket: QueueTicket | null }>(ctx: CoreContext, _req: unknown, call: CallContext, answer: A): A => {
    recordAction(ctx, call, action, answer.ticket);
    return answer;
  };
}

export const queueHandlers: HandlersFor<keyof typeof queueMethods> = {
  'queue.state': (ctx) => queueState(ctx),
  'queue.callNext': preparedWrite({ prepare: (ctx, _req, call) => askHall(ctx, 'queueCallNext', withStaff(sessionOf(call), {})), commit: recorded('queue.callNext') }),
  'queue.callTicket': preparedWrite({ prepare: (ctx, req, call) => askHall(ctx, 'queueCallTicket', withStaff(sessionOf(call), req)), commit: recorded('queue.callTicket') }),
  'queue.recall': preparedWrite({ prepare: (ctx, req, call) => askHall(ctx, 'queueRecall', withStaff(sessionOf(call), req)), commit: recorded('queue.recall') }),
  'queue.pass': preparedWrite({ prepare: (ctx, req, call) => askHall(ctx, 'queuePass', withStaff(sessionOf(call), req)), commit: recorded('queue.pass') }),
  'queue.callBack': preparedWrite({ prepare: (ctx, req, call) => askHall(ctx, 'queueCallBack', withStaff(sessionOf(call), req)), commit: recorded('queue.callBack') }),
  'queue.transfer': preparedWrite({ prepare: (ctx, req, call) => askHall(ctx, 'queueTransfer', withStaff(sessionOf(call), req)), commit: recorded('queue.transfer') }),
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
