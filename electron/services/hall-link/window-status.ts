/** What the window is doing, as the hall console's board shows it (sent with every push). */
import type { WindowStatus } from '../../../shared/hall/contract';
import { hallTime } from '../../../shared/domain/hall-time';
import type { CoreContext } from '../core/context';
import { displayState } from '../window/window-service';

export function windowStatus(ctx: CoreContext): WindowStatus {
  const display = displayState(ctx);
  const printer = ctx.printing.status();
  const pause = display.pause;
  return {
    staffNo: display.clerk?.staffNo ?? null,
    staffName: display.clerk?.name ?? null,
    state: display.status,
    whereabouts: pause === null ? null : pause.returnAt === null ? pause.reason : `${pause.reason}（预计 ${hallTime(pause.returnAt)} 回来）`,
    printerProblem: printer.state === 'ready' || printer.state === 'none' ? null : printer.message.slice(0, 200),
  };
}
