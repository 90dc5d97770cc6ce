/**
 * Human numbers for slips and cases: PREFIX + hall date + window + daily
 * sequence, e.g. SL20260925-3-007. Unique across the hall because the window
 * number is part of it; call inside the write that uses the number.
 */
import { hallDate } from '../../../shared/domain/hall-time';
import type { CoreContext } from '../core/context';
import { nextSlipSeq } from './slip-counter-repo';

/** JD 接待 (contact), GZ 告知 (notification), YD 引导 (referral), SL 受理 (case), JJ 交接 (handover), TS 投诉建议 (complaint box), HY 婚姻登记 (marriage, divorce, reissue). */
export type SlipPrefix = 'JD' | 'GZ' | 'YD' | 'SL' | 'JJ' | 'TS' | 'HY';

export function nextNumber(ctx: CoreContext, prefix: SlipPrefix, at: string): string {
  const day = hallDate(at).replaceAll('-', '');
  const last = nextSlipSeq(ctx.db, prefix, day);
  return `${prefix}${day}-${ctx.origin().windowNo}-${String(last).padStart(3, '0')}`;
}
