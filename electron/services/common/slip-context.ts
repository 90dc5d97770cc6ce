/** The hall and clerk as they appear on slips, from settings and the session. */
import type { SlipClerk, SlipHall } from '../../../shared/print/slips/common';
import { CounterError } from '../../../shared/result';
import type { ActiveSession, CoreContext } from '../core/context';
import { staffById } from '../staff/staff-repo';

export function slipHall(ctx: CoreContext): SlipHall {
  const s = ctx.settings.get();
  return { hallName: s.hallName, department: s.department, windowNo: s.windowNo, officePhone: s.officePhone, supervisionPhone: s.supervisionPhone };
}

export function slipClerk(ctx: CoreContext, session: ActiveSession): SlipClerk {
  const staff = staffById(ctx.db, session.staffId);
  if (!staff) throw new CounterError('AUTH_REQUIRED', '登录已结束，请重新登录');
  return { name: staff.name, staffNo: staff.staff_no };
}
