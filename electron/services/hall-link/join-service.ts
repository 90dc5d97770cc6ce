/**
 * Joining a hall (hall.join): the supervisor types the hall's address and the
 * one-time code shown on the hall console. The enrolment call runs before the
 * write (prepare); the write records the link, switches the vault to the
 * hall's lookup key and re-keys every stored hash in the same transaction.
 * A window joins once, as its own window number; joining another hall is a
 * matter for the IT staff (a fresh data directory), never a second code.
 */
import type { HallResponse } from '../../../shared/hall/contract';
import type { HallStatusView } from '../../../shared/api/hall-link';
import type { ParsedRequestOf } from '../../../shared/contract';
import { CounterError } from '../../../shared/result';
import { actorOf, type CallContext, type CoreContext } from '../core/context';
import { recordEvent } from '../db/ledger';
import { HallClient } from './hall-client';
import { readHallLink, saveHallLink, type HallLink } from './link-repo';
import { rekeyLookupHashes } from './rekey';
import { backlogOf, readSyncState, resetSyncState } from './sync-repo';

export interface JoinPrepared {
  url: string;
  enrolled: HallResponse<'enrol'>;
}

/** Cores with a join under way: from its enrolment call until its write has ended. */
const joining = new WeakSet<CoreContext>();

function alreadyJoined(link: HallLink): CounterError {
  return new CounterError('CONFLICT', `本窗口已作为 ${link.windowNo} 号窗口加入${link.hallName}（${link.hallUrl}），不能重复加入；如需更换大厅，请联系信息科`);
}

export async function prepareJoin(ctx: CoreContext, req: ParsedRequestOf<'hall.join'>): Promise<JoinPrepared> {
  const link = readHallLink(ctx.db, ctx.vault);
  if (link !== null) throw alreadyJoined(link);
  if (joining.has(ctx)) throw new CounterError('CONFLICT', '本窗口正在加入大厅，请稍候查看连接状态');
  joining.add(ctx);
  const client = new HallClient({ url: req.url, credential: null, timeoutMs: ctx.hallTimeoutMs });
  try {
    const enrolled = await client.call('enrol', { code: req.code, windowNo: ctx.settings.get().windowNo });
    return { url: client.url, enrolled };
  } catch (error) {
    joining.delete(ctx);
    if (error instanceof CounterError && error.code === 'DISCONNECTED') {
      throw new CounterError('DISCONNECTED', `无法连接大厅服务器（${client.url}），请核对地址、确认大厅服务器已开启后重试`, { url: '无法连接' });
    }
    throw error;
  }
}

export function commitJoin(ctx: CoreContext, call: CallContext, prepared: JoinPrepared): HallStatusView {
  const existing = readHallLink(ctx.db, ctx.vault);
  if (existing !== null) {
    joining.delete(ctx);
    throw alreadyJoined(existing);
  }
  const { enrolled } = prepared;
  ctx.afterWrite({
    committed: () => {
      joining.delete(ctx);
      // clerk screens learn of the link at once (the caller bar reads the hall's queue again)
      ctx.publish('hall.changed', { joined: true, hallName: enrolled.hallName, windowNo: enrolled.windowNo });
    },
    // the vault hashes with the window's own key again, as the ledger still does
    rolledBack: () => {
      joining.delete(ctx);
      ctx.vault.useLookupKey(null);
    },
  });
  const at = ctx.clock.now().toISOString();
  const actor = actorOf(call);
  saveHallLink(ctx.db, ctx.vault, {
    hallUrl: prepared.url,
    hallId: enrolled.hallId,
    hallName: enrolled.hallName,
    windowId: enrolled.windowId,
    windowNo: enrolled.windowNo,
    credential: enrolled.credential,
    lookupKey: enrolled.lookupKey,
    enrolledAt: at,
    enrolledBy: actor.id,
  });
  resetSyncState(ctx.db);
  ctx.vault.useLookupKey(enrolled.lookupKey);
  const counts = rekeyLookupHashes(ctx, at);
  recordEvent(ctx.db, ctx.origin(), actor, at, {
    action: 'hall.join',
    entity: 'hall_link',
    entityId: enrolled.windowId,
    detail: { hallName: enrolled.hallName, hallUrl: prepared.url, windowNo: enrolled.windowNo, rehashed: counts.hashes, casesResent: counts.cases },
  });
  return hallStatus(ctx);
}

/** Whether and where the window has joined, and how its sync is going. */
export function hallStatus(ctx: CoreContext): HallStatusView {
  const link = readHallLink(ctx.db, ctx.vault);
  const sync = readSyncState(ctx.db);
  return {
    joined: link !== null,
    hallName: link?.hallName ?? null,
    hallUrl: link?.hallUrl ?? null,
    windowNo: link?.windowNo ?? null,
    enrolledAt: link?.enrolledAt ?? null,
    lastPushAt: sync.lastPushAt,
    lastPullAt: sync.lastPullAt,
    rowsWaiting: link === null ? 0 : backlogOf(ctx.db).rows,
    lastError: sync.lastError,
  };
}

/** At start: a joined window hashes with its hall's lookup key. */
export function useHallLookupKey(ctx: Pick<CoreContext, 'db' | 'vault'>): void {
  const link = readHallLink(ctx.db, ctx.vault);
  if (link !== null) ctx.vault.useLookupKey(link.lookupKey);
}
