/**
 * The window's own queue figures for 统计分析: asked of the hall (the queue is
 * the hall's), for this window's calls only. Not joined, or the hall cannot
 * be reached: the screen says so and nothing else waits on it.
 */
import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract';
import { CounterError } from '../../../shared/result';
import type { CoreContext } from '../core/context';
import { hallClientOf } from '../hall-link/link-repo';

export async function queueFigures(ctx: CoreContext, req: ParsedRequestOf<'stats.queue'>): Promise<ResponseOf<'stats.queue'>> {
  const client = hallClientOf(ctx);
  if (client === null) return { status: 'notJoined' };
  try {
    return { status: 'ok', stats: await client.call('queueStats', req) };
  } catch (error) {
    if (!(error instanceof CounterError)) throw error;
    return { status: 'unreachable', message: error.code === 'DISCONNECTED' ? '大厅连接不上，暂时无法读取排队统计' : `大厅未能提供排队统计（${error.message}）` };
  }
}
