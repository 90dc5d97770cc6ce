/**
 * Data the hall owns once a window has joined it (staff accounts and PINs,
 * the calendar overrides, the catalogue, the service commitments, the
 * office's identity, the peak days, the bookings, the window number the
 * enrolment fixed): the
 * window's own edits are refused, naming the hall, because the next pull
 * would overwrite them. A window that has not joined edits them as before.
 */
import type { WriteMethodName } from '../../../shared/contract';
import { CounterError } from '../../../shared/result';
import type { CoreContext } from '../core/context';
import type { WriteHandler } from '../core/handler';
import { readHallLink } from './link-repo';

function refuseIfJoined(ctx: CoreContext, what: string): void {
  const link = readHallLink(ctx.db, ctx.vault);
  if (link !== null) throw new CounterError('FORBIDDEN', `本窗口已加入${link.hallName}，${what}由大厅统一管理，请在大厅管理台修改`);
}

/** Settings the hall owns once joined, by what the clerk calls them. */
const HALL_OWNED_SETTINGS: Partial<Record<string, string>> = {
  hallName: '单位信息',
  department: '单位信息',
  complaintPhone: '单位信息',
  supervisionPhone: '单位信息',
  leaderOnDuty: '单位信息',
  officePhone: '单位信息',
  appointmentPeakDays: '预约高峰日',
};

/** Refuses a settings change that touches what the hall owns (inside the write, with the keys the change alters). */
export function refuseHallOwnedSettings(ctx: CoreContext, changed: readonly string[]): void {
  const link = readHallLink(ctx.db, ctx.vault);
  if (link === null) return;
  if (changed.includes('windowNo')) {
    const message = `本窗口已作为 ${link.windowNo} 号窗口加入${link.hallName}，窗口号由大厅登记时确定，不能在此修改；如需调整请联系大厅管理员`;
    throw new CounterError('FORBIDDEN', message, { windowNo: `窗口号由${link.hallName}确定` });
  }
  const owned = [...new Set(changed.flatMap((k) => HALL_OWNED_SETTINGS[k] ?? []))];
  if (owned.length > 0) refuseIfJoined(ctx, owned.join('和'));
}

/** The write, refused once the window has joined a hall. */
export function hallOwned<M extends WriteMethodName>(what: string, write: WriteHandler<M>): WriteHandler<M> {
  if (typeof write === 'function') {
    return (ctx, req, call) => {
      refuseIfJoined(ctx, what);
      return write(ctx, req, call);
    };
  }
  return {
    prepare: (ctx, req, call) => {
      refuseIfJoined(ctx, what);
      return write.prepare(ctx, req, call);
    },
    commit: (ctx, req, call, prepared) => {
      refuseIfJoined(ctx, what);
      return write.commit(ctx, req, call, prepared);
    },
  };
}
