/**
 * What each route of the contract (shared/hall/contract.ts) does, given the
 * authenticated window. Enrolment is the one route without a window.
 */
import type { HallRequest, HallResponse, HallRouteName } from '../../shared/hall/contract';
import type { Pool } from '../db/pool';
import { auditAnchorOf } from '../store/audit-anchor';
import { certificateGaps, leaseCertificates, nextCertificate, recordUsed } from '../store/certificates';
import { pull } from '../store/reference';
import { push } from '../store/push';
import { registryCheck } from '../store/registry';
import type { Hall, WindowIdentity } from '../store/windows';
import { enrol } from '../store/windows';

export interface HallContext {
  pool: Pool;
  hall: Hall;
}

type Handler<N extends HallRouteName> = (ctx: HallContext, who: WindowIdentity, req: HallRequest<N>) => Promise<HallResponse<N>>;

/** Routes that act as an authenticated window. */
export const WINDOW_HANDLERS: { [N in Exclude<HallRouteName, 'enrol'>]: Handler<N> } = {
  push: (ctx, who, req) => push(ctx.pool, who, req),
  pull: (ctx, who, req) => pull(ctx.pool, who, req.cursor, req.limit),
  certificateNext: (ctx, who, req) => nextCertificate(ctx.pool, who, req),
  certificateLease: (ctx, who, req) => leaseCertificates(ctx.pool, who, req),
  certificateUsed: (ctx, who, req) => recordUsed(ctx.pool, who, req),
  certificateGaps: (ctx, who, req) => certificateGaps(ctx.pool, who.hallId, req),
  registryCheck: (ctx, who, req) => registryCheck(ctx.pool, who.hallId, req),
  auditAnchor: (ctx, who) => auditAnchorOf(ctx.pool, who),
};

export function enrolHandler(ctx: HallContext, req: HallRequest<'enrol'>): Promise<HallResponse<'enrol'>> {
  return enrol(ctx.pool, ctx.hall, req);
}
