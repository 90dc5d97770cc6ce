/**
 * Certificate numbers (结婚证/离婚证字号) from the office's format setting:
 * typed by the clerk (checked against the format), issued by the hall a
 * window has joined (./hall-numbers.ts), or the next local number of a
 * window on its own. Call inside the transaction that records the registration.
 */
import { certificateNumberProblem, CERTIFICATE_PREFIXES, formatCertificateNumber, type CertificateKind } from '../../../shared/domain/certificate-number';
import { hallDate } from '../../../shared/domain/hall-time';
import { CounterError } from '../../../shared/result';
import type { CoreContext } from '../core/context';
import { certificateInUse, nextCertificateSeq } from './civil-case-repo';
import { hallCertificateNo, officeCode, type PreparedNumber } from './hall-numbers';

export function issueCertificateNo(ctx: CoreContext, kind: CertificateKind, typed: string, at: string, prepared: PreparedNumber): string {
  const office = officeCode(ctx);
  const format = ctx.settings.get().certificateNumberFormat;
  const year = Number(hallDate(at).slice(0, 4));
  if (typed !== '') {
    const problem = certificateNumberProblem(format, { kind, office, year }, typed);
    if (problem) throw new CounterError('VALIDATION', `请检查输入：证书字号：${problem}`, { certificateNo: problem });
    if (certificateInUse(ctx.db, typed)) throw new CounterError('CONFLICT', `证书字号 ${typed} 已经登记使用过，请核对证书上的字号`, { certificateNo: '字号已使用' });
    return typed;
  }
  if (prepared.source !== 'local') return hallCertificateNo(ctx, kind, year, prepared, at);
  // numbers typed earlier by hand may already hold the next sequence: skip them
  for (;;) {
    const number = formatCertificateNumber(format, { kind, office, year, seq: nextCertificateSeq(ctx.db, CERTIFICATE_PREFIXES[kind], year) });
    if (!certificateInUse(ctx.db, number)) return number;
  }
}
