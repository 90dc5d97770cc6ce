/**
 * Certificate numbers (结婚证/离婚证字号) from the office's format setting:
 * typed by the clerk (checked against the format) or the next local number.
 * Call inside the transaction that records the registration.
 */
import { certificateNumberProblem, CERTIFICATE_PREFIXES, formatCertificateNumber, type CertificateKind } from '../../../shared/domain/certificate-number';
import { hallDate } from '../../../shared/domain/hall-time';
import { CounterError } from '../../../shared/result';
import type { CoreContext } from '../context';

function inUse(ctx: CoreContext, number: string): boolean {
  return ctx.db.prepare('SELECT 1 FROM civil_case WHERE certificate_no = ?').get(number) !== undefined;
}

export function issueCertificateNo(ctx: CoreContext, kind: CertificateKind, typed: string, at: string): string {
  const { registrationOfficeCode: office, certificateNumberFormat: format } = ctx.settings.get();
  if (office === '') {
    throw new CounterError('CONFLICT', '尚未设置登记机关代码，无法编制证书字号。请主管在“系统设置”中填写 6 位登记机关代码后再登记。');
  }
  const year = Number(hallDate(at).slice(0, 4));
  if (typed !== '') {
    const problem = certificateNumberProblem(format, { kind, office, year }, typed);
    if (problem) throw new CounterError('VALIDATION', `请检查输入：证书字号：${problem}`, { certificateNo: problem });
    if (inUse(ctx, typed)) throw new CounterError('CONFLICT', `证书字号 ${typed} 已经登记使用过，请核对证书上的字号`, { certificateNo: '字号已使用' });
    return typed;
  }
  const next = ctx.db.prepare(
    `INSERT INTO certificate_counter (prefix, year, last) VALUES (?, ?, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 RETURNING last`,
  );
  // numbers typed earlier by hand may already hold the next sequence: skip them
  for (;;) {
    const { last } = next.get(CERTIFICATE_PREFIXES[kind], year) as { last: number };
    const number = formatCertificateNumber(format, { kind, office, year, seq: last });
    if (!inUse(ctx, number)) return number;
  }
}
