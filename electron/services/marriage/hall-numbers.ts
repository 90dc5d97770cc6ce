/**
 * Certificate numbers of a window that has joined a hall: the hall issues
 * them (certificateNext), so two windows never hand out the same number.
 * Taken before the registration's write transaction; a number taken for a
 * write that is then refused stays unused (a gap the hall lists). While the
 * hall cannot be reached the window takes numbers from a small block leased
 * in advance (certificateLease), inside the write's transaction, and reports
 * the ones it used (certificateUsed) once the hall answers again.
 */
import { CERTIFICATE_PREFIXES, formatCertificateNumber, type CertificateKind } from '../../../shared/domain/certificate-number';
import { hallDate } from '../../../shared/domain/hall-time';
import { MAX_LEASE } from '../../../shared/hall/contract';
import { CounterError } from '../../../shared/result';
import type { CoreContext } from '../core/context';
import { writeTransaction, type Db } from '../db/connection';
import type { HallClient } from '../hall-link/hall-client';
import { hallClientOf, readHallLink } from '../hall-link/link-repo';
import { certificateInUse } from './civil-case-repo';
import { markReported, storeLease, takeLeased, unreportedUsed, unusedLeased, type LeaseKey } from './lease-repo';

/** Numbers leased at a time, and the stock below which a window that reaches its hall leases another block. */
export const LEASE_BLOCK = 10;
export const LEASE_REFILL_BELOW = 5;
/** Hall numbers already used here (typed by hand before joining) are skipped at most this often. */
const MAX_SKIPS = 20;

/** Where the registration's number comes from, decided before its transaction. */
export type PreparedNumber =
  | { source: 'local' }
  | { source: 'hall'; year: number; seq: number }
  | { source: 'lease'; hallId: string; hallUrl: string; year: number };

export function officeCode(ctx: CoreContext): string {
  const office = ctx.settings.get().registrationOfficeCode;
  if (office === '') {
    throw new CounterError('CONFLICT', '尚未设置登记机关代码，无法编制证书字号。请主管在“系统设置”中填写 6 位登记机关代码后再登记。');
  }
  return office;
}

export function formatted(ctx: CoreContext, kind: CertificateKind, year: number, seq: number): string {
  return formatCertificateNumber(ctx.settings.get().certificateNumberFormat, { kind, office: officeCode(ctx), year, seq });
}

/**
 * Outside the transaction: a hall number for a joined window (and the lease
 * kept stocked), 'lease' when the hall cannot be reached (or is already
 * known to be out of reach), 'local' for a typed number (claimed at the hall
 * first, claimTypedNumber) or a window on its own.
 */
export async function prepareCertificateNo(ctx: CoreContext, kind: CertificateKind, typed: string, at: string, hallReachable = true): Promise<PreparedNumber> {
  // without an office code no number can be written: refused before one is taken from the hall
  officeCode(ctx);
  if (typed !== '') {
    await claimTypedNumber(ctx, typed, hallReachable);
    return { source: 'local' };
  }
  const link = readHallLink(ctx.db, ctx.vault);
  const client = link === null ? null : hallClientOf(ctx);
  if (link === null || client === null) return { source: 'local' };
  const year = Number(hallDate(at).slice(0, 4));
  const offline = { source: 'lease', hallId: link.hallId, hallUrl: link.hallUrl, year } as const;
  if (!hallReachable) return offline;
  try {
    for (let skips = 0; ; skips++) {
      const { seq } = await client.call('certificateNext', { kind, year });
      if (!certificateInUse(ctx.db, formatted(ctx, kind, year, seq))) {
        await keepLeaseStocked(ctx, client, { hallId: link.hallId, kind, year });
        return { source: 'hall', year, seq };
      }
      if (skips >= MAX_SKIPS) {
        throw new CounterError('CONFLICT', `大厅发放的${CERTIFICATE_PREFIXES[kind]}字流水号与本窗口已登记的字号连续重复，请联系信息科核对大厅的证书流水号`);
      }
    }
  } catch (error) {
    if (error instanceof CounterError && error.code === 'DISCONNECTED') return offline;
    throw error;
  }
}

/**
 * A typed number (a pre-printed certificate) at a joined window is claimed at
 * the hall, which refuses one another window used; with the hall out of reach
 * only this ledger's own check (in the write's transaction) applies.
 */
async function claimTypedNumber(ctx: CoreContext, typed: string, hallReachable: boolean): Promise<void> {
  const client = hallReachable ? hallClientOf(ctx) : null;
  if (client === null) return;
  try {
    await client.call('certificateClaim', { certificateNo: typed });
  } catch (error) {
    if (!(error instanceof CounterError && error.code === 'DISCONNECTED')) throw error;
  }
}

/** Inside the registration's transaction: the number of a prepared hall number or the next leased one. */
export function hallCertificateNo(ctx: CoreContext, kind: CertificateKind, year: number, prepared: Exclude<PreparedNumber, { source: 'local' }>, at: string): string {
  if (prepared.year !== year) throw new CounterError('CONFLICT', '证书字号是上一年度的，已作废；请重新提交登记');
  if (prepared.source === 'hall') {
    const number = formatted(ctx, kind, year, prepared.seq);
    if (certificateInUse(ctx.db, number)) throw new CounterError('CONFLICT', `证书字号 ${number} 刚被使用，请重新提交登记`);
    return number;
  }
  const key: LeaseKey = { hallId: prepared.hallId, kind, year };
  for (;;) {
    const seq = takeLeased(ctx.db, key, at);
    if (seq === null) {
      throw new CounterError(
        'CONFLICT',
        `无法连接大厅服务器（${prepared.hallUrl}），本窗口预领的证书字号已用完。为避免与其他窗口字号重复，暂不能登记：请检查网络或联系信息科恢复与大厅的连接后重新提交，已填写的内容不会丢失。`,
      );
    }
    // a leased number already on a certificate here (typed by hand) is used up, not reused
    const number = formatted(ctx, kind, year, seq);
    if (!certificateInUse(ctx.db, number)) return number;
  }
}

const stocking = new WeakMap<Db, Map<string, Promise<void>>>();

/**
 * With the hall in reach: tells it the leased numbers used while it was not,
 * and leases a new block when the stock is low. One run per window and
 * kind at a time; a failure leaves it for the next registration.
 */
async function keepLeaseStocked(ctx: CoreContext, client: HallClient, key: LeaseKey): Promise<void> {
  const running = stocking.get(ctx.db) ?? new Map<string, Promise<void>>();
  stocking.set(ctx.db, running);
  const id = `${key.kind}/${key.year}`;
  const current = running.get(id);
  if (current) return current;
  const run = stockLease(ctx, client, key)
    .catch((error: unknown) => {
      if (!(error instanceof CounterError && error.code === 'DISCONNECTED')) console.error('[hall] certificate lease upkeep failed', error);
    })
    .finally(() => running.delete(id));
  running.set(id, run);
  return run;
}

async function stockLease(ctx: CoreContext, client: HallClient, key: LeaseKey): Promise<void> {
  for (const group of unreportedUsed(ctx.db, key.hallId)) {
    for (let i = 0; i < group.seqs.length; i += MAX_LEASE) {
      const seqs = group.seqs.slice(i, i + MAX_LEASE);
      await client.call('certificateUsed', { kind: group.kind, year: group.year, seqs });
      writeTransaction(ctx.db, () => markReported(ctx.db, { hallId: key.hallId, kind: group.kind, year: group.year }, seqs, ctx.clock.now().toISOString()));
    }
  }
  if (unusedLeased(ctx.db, key) >= LEASE_REFILL_BELOW) return;
  const block = await client.call('certificateLease', { kind: key.kind, year: key.year, count: LEASE_BLOCK });
  writeTransaction(ctx.db, () => storeLease(ctx.db, key, block, ctx.clock.now().toISOString()));
}
