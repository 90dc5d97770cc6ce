/**
 * Certificate numbers (结婚证/离婚证字号) from the office's format setting:
 * typed by the clerk (checked against the format) or the next local number.
 * Call inside the transaction that records the registration.
 */
import { certificateNumberProblem, CERTIFICATE_PREFIXES, formatCertificateNumber, type CertificateKind } from '../../../shared/domain/certificate-number';
import { hallDate } from '../../../shared/domain/hall-time';
import { CounterError } from '../../../shared/result';
import type { CoreContext } from '../core/context';
import { certificateInUse, nextCertificateSeq } from './civil-case-repo';

export function issueCertificateNo(ctx: CoreContext, kind: CertificateKind, typed: string, at: string): string {
  const { registrationOfficeCode: office, certificateNumberFormat: format } = ctx.settings.get();
  if (office === '') {
    throw new CounterError('CONFLICT', '尚未设置登记机关代码，无法编制证书字号。请主管在“系统设置”中填写 6 位登记机关代码后再登记。');
  }
  const year = Number(hallDate(at).slice(0, 4));
  if (typed !== '') {
    const problem = certificateNumberProblem(format, { kind, office, year }, typed);
    if (problem) throw new CounterError('VALIDATION', `请检查输入：证书字号：${problem}`, { certificateNo: problem });
    if (certificateInUse(ctx.db, typed)) throw new CounterError('CONFLICT', `证书字号 ${typed} 已经登记使用过，请核对证书上的字号`, { certificateNo: '字号已使用' });
    return typed;
  }
  // numbers typed earlier by hand may already hold the next sequence: skip them
  for (;;) {
    const number = formatCertificateNumber(format, { kind, office, year, seq: nextCertificateSeq(ctx.db, CERTIFICATE_PREFIXES[kind], year) });
    if (!certificateInUse(ctx.db, number)) return number;
  }
}
