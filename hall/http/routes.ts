/**
 * What each route of the contract (shared/hall/contract.ts) does, given the
 * authenticated window. Enrolment is the one route without a window.
 */
import { HALL_ROUTES, parseWith, type HallResponse, type HallRouteName } from '../../shared/hall/contract';
import type { Pool } from '../db/pool';
import type { KioskPrintWorker } from '../print/worker';
import { auditAnchorOf } from '../store/audit-anchor';
import { certificateGaps, claimCertificate, leaseCertificates, nextCertificate, recordUsed } from '../store/certificates';
import { pull } from '../store/reference';
import { push } from '../store/push';
import { callBack, callNext, callTicket, finish, pass, preview, recall, start, transfer } from '../store/queue-caller';
import { queueStatistics } from '../store/queue-stats';
import { takeTicket, waitingCounts } from '../store/queue-tickets';
import { queueDesk } from '../store/queue-desk';
import { registryCheck } from '../store/registry';
import type { Hall, WindowIdentity } from '../store/windows';
import { enrol } from '../store/windows';

export interface HallContext {
  pool: Pool;
  hall: Hall;
  /** The hall's clock (the queue's day and times). */
  now: () => Date;
  /** The office's own voice clips (the hall screen), replacing the shipped ones by name; null: the shipped set only. */
  voiceClipsDir: string | null;
  /** Sends the kiosks' tickets to their printers. */
  printWorker: KioskPrintWorker;
}

/** A route's work: the raw request (JSON body or query) is checked with the route's schema first. */
type Handler<N extends HallRouteName> = (ctx: HallContext, who: WindowIdentity, raw: unknown) => Promise<HallResponse<N>>;

/** Routes that act as an authenticated window. */
export const WINDOW_HANDLERS: { [N in Exclude<HallRouteName, 'enrol'>]: Handler<N> } = {
  push: (ctx, who, raw) => push(ctx.pool, who, parseWith(HALL_ROUTES.push.request, raw)),
  pull: (ctx, who, raw) => {
    const req = parseWith(HALL_ROUTES.pull.request, raw);
    return pull(ctx.pool, who, req.cursor, req.limit);
  },
  certificateNext: (ctx, who, raw) => nextCertificate(ctx.pool, who, parseWith(HALL_ROUTES.certificateNext.request, raw)),
  certificateLease: (ctx, who, raw) => leaseCertificates(ctx.pool, who, parseWith(HALL_ROUTES.certificateLease.request, raw)),
  certificateUsed: (ctx, who, raw) => recordUsed(ctx.pool, who, parseWith(HALL_ROUTES.certificateUsed.request, raw)),
  certificateGaps: (ctx, who, raw) => certificateGaps(ctx.pool, who.hallId, parseWith(HALL_ROUTES.certificateGaps.request, raw)),
  certificateClaim: (ctx, who, raw) => claimCertificate(ctx.pool, who, parseWith(HALL_ROUTES.certificateClaim.request, raw)),
  registryCheck: (ctx, who, raw) => registryCheck(ctx.pool, who.hallId, parseWith(HALL_ROUTES.registryCheck.request, raw)),
  auditAnchor: (ctx, who, raw) => {
    parseWith(HALL_ROUTES.auditAnchor.request, raw);
    return auditAnchorOf(ctx.pool, who);
  },
  // ---- queue (issue 14)
  queueTake: async (ctx, who, raw) => {
    const answer = await takeTicket(ctx.pool, who, ctx.now(), parseWith(HALL_ROUTES.queueTake.request, raw));
    if (answer.printing) ctx.printWorker.kick();
    return answer;
  },
  queueWaiting: (ctx, who, raw) => {
    parseWith(HALL_ROUTES.queueWaiting.request, raw);
    return waitingCounts(ctx.pool, who, ctx.now());
  },
  queueCallNext: (ctx, who, raw) => callNext(ctx.pool, who, ctx.now(), parseWith(HALL_ROUTES.queueCallNext.request, raw)),
  queueCallTicket: (ctx, who, raw) => callTicket(ctx.pool, who, ctx.now(), parseWith(HALL_ROUTES.queueCallTicket.request, raw)),
  queueRecall: (ctx, who, raw) => recall(ctx.pool, who, ctx.now(), parseWith(HALL_ROUTES.queueRecall.request, raw)),
  queuePass: (ctx, who, raw) => pass(ctx.pool, who, ctx.now(), parseWith(HALL_ROUTES.queuePass.request, raw)),
  queueCallBack: (ctx, who, raw) => callBack(ctx.pool, who, ctx.now(), parseWith(HALL_ROUTES.queueCallBack.request, raw)),
  queueTransfer: (ctx, who, raw) => transfer(ctx.pool, who, ctx.now(), parseWith(HALL_ROUTES.queueTransfer.request, raw)),
  queueStart: (ctx, who, raw) => start(ctx.pool, who, ctx.now(), parseWith(HALL_ROUTES.queueStart.request, raw)),
  queueFinish: (ctx, who, raw) => finish(ctx.pool, who, ctx.now(), parseWith(HALL_ROUTES.queueFinish.request, raw)),
  queuePreview: (ctx, who, raw) => {
    parseWith(HALL_ROUTES.queuePreview.request, raw);
    return preview(ctx.pool, who, ctx.now());
  },
  // ---- the window's caller (issue 14, caller14)
  queueDesk: (ctx, who, raw) => {
    parseWith(HALL_ROUTES.queueDesk.request, raw);
    return queueDesk(ctx.pool, who, ctx.now());
  },
  // ---- cases13: a window's own queue figures
  queueStats: (ctx, who, raw) => queueStatistics(ctx.pool, who.hallId, { ...parseWith(HALL_ROUTES.queueStats.request, raw), windowNo: who.windowNo }),
};

export function enrolHandler(ctx: HallContext, raw: unknown): Promise<HallResponse<'enrol'>> {
  return enrol(ctx.pool, ctx.hall, parseWith(HALL_ROUTES.enrol.request, raw));
}
