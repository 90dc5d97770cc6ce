import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_PREFIXES,
  certificateFormatProblem,
  certificateNumberProblem,
  DEFAULT_CERTIFICATE_FORMAT,
  formatCertificateNumber,
  type CertificateKind,
} from '../../shared/domain/certificate-number';

const OFFICE = '110105';

describe('certificate prefixes', () => {
  it('are J, L, BJ, BL', () => {
    expect(CERTIFICATE_PREFIXES).toEqual({ marriage: 'J', divorce: 'L', reissueMarriage: 'BJ', reissueDivorce: 'BL' });
    expect(DEFAULT_CERTIFICATE_FORMAT).toBe('{prefix}{office}-{year}-{seq}');
  });
});

describe('certificateFormatProblem', () => {
  const cases: [format: string, problem: RegExp | null][] = [
    [DEFAULT_CERTIFICATE_FORMAT, null],
    ['{prefix}-{year}-{seq}', null],
    ['{seq}', null],
    ['BJ{office}{year}{seq}', null],
    ['{prefix}{office}-{year}-No{seq}', null],
    ['', /请填写证书字号格式/],
    ['{prefix}{office}-{year}', /必须包含流水号 \{seq\}/],
    ['{prefix}{office}-{yr}-{seq}', /\{yr\} 无法识别/],
    ['{Seq}', /\{Seq\} 无法识别/],
    ['{prefix}{office}/{year}/{seq}', /“\/”不允许/],
    ['{prefix} {seq}', /不允许/],
    ['{prefix}字{seq}', /不允许/],
    ['{prefix}{seq', /大括号不成对/],
    ['{prefix}seq}', /大括号不成对/],
    ['{seq}-{seq}', /\{seq\} 只能出现一次/],
  ];
  it.each(cases)('%j', (format, problem) => {
    const found = certificateFormatProblem(format);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});

describe('formatCertificateNumber', () => {
  const cases: [format: string, kind: CertificateKind, year: number, seq: number, expected: string][] = [
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', 2026, 123, 'J110105-2026-000123'],
    [DEFAULT_CERTIFICATE_FORMAT, 'divorce', 2026, 1, 'L110105-2026-000001'],
    [DEFAULT_CERTIFICATE_FORMAT, 'reissueMarriage', 2026, 999999, 'BJ110105-2026-999999'],
    [DEFAULT_CERTIFICATE_FORMAT, 'reissueDivorce', 2027, 42, 'BL110105-2027-000042'],
    ['{prefix}-{year}-{seq}', 'marriage', 2026, 7, 'J-2026-000007'],
    ['{office}{year}{seq}', 'divorce', 2026, 7, '1101052026000007'],
  ];
  it.each(cases)('%s %s %i %i', (format, kind, year, seq, expected) => {
    expect(formatCertificateNumber(format, { kind, office: OFFICE, year, seq })).toBe(expected);
  });

  it.each([
    ['{prefix}{year}', { kind: 'marriage' as const, office: OFFICE, year: 2026, seq: 1 }],
    [DEFAULT_CERTIFICATE_FORMAT, { kind: 'marriage' as const, office: '11010', year: 2026, seq: 1 }],
    [DEFAULT_CERTIFICATE_FORMAT, { kind: 'marriage' as const, office: OFFICE, year: 26, seq: 1 }],
    [DEFAULT_CERTIFICATE_FORMAT, { kind: 'marriage' as const, office: OFFICE, year: 2026, seq: 0 }],
    [DEFAULT_CERTIFICATE_FORMAT, { kind: 'marriage' as const, office: OFFICE, year: 2026, seq: 1_000_000 }],
    [DEFAULT_CERTIFICATE_FORMAT, { kind: 'other' as CertificateKind, office: OFFICE, year: 2026, seq: 1 }],
  ])('refuses %s with %j', (format, parts) => {
    expect(() => formatCertificateNumber(format, parts)).toThrow(RangeError);
  });
});

describe('certificateNumberProblem', () => {
  const cases: [format: string, kind: CertificateKind, typed: string, problem: RegExp | null][] = [
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', 'J110105-2026-000123', null],
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', ' j110105-2026-000123 ', null],
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', 'Ｊ１１０１０５－２０２６－０００１２３', null], // full-width letters, digits and hyphen are normalised
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', 'J110105—2026—000123', /格式不对/], // an em dash is not a hyphen
    [DEFAULT_CERTIFICATE_FORMAT, 'reissueMarriage', 'BJ110105-2026-000001', null],
    [DEFAULT_CERTIFICATE_FORMAT, 'divorce', 'L110105-2026-000001', null],
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', '', /^请填写结婚证字号$/],
    [DEFAULT_CERTIFICATE_FORMAT, 'reissueDivorce', '  ', /^请填写补发离婚证字号$/],
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', 'L110105-2026-000123', /应以 J 开头，现在是 L（离婚证）/],
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', 'BJ110105-2026-000123', /应以 J 开头，现在是 BJ（补发结婚证）/],
    [DEFAULT_CERTIFICATE_FORMAT, 'reissueMarriage', 'J110105-2026-000123', /应以 BJ 开头，现在是 J（结婚证）/],
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', 'J110106-2026-000123', /登记机关代码应为 110105，现在是 110106/],
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', 'J110105-2025-000123', /年份应为 2026，现在是 2025/],
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', 'J110105-2026-00123', /格式不对，应形如 J110105-2026-000123（最后 6 位为流水号）/],
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', 'J110105-2026-0001234', /格式不对/],
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', 'J1101052026000123', /格式不对/],
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', 'X110105-2026-000123', /格式不对/],
    [DEFAULT_CERTIFICATE_FORMAT, 'marriage', 'J110105-2026-000000', /流水号不能为 000000/],
    ['{prefix}-{year}-{seq}', 'divorce', 'L-2026-000009', null],
    ['{prefix}-{year}-{seq}', 'divorce', 'L-110105-2026-000009', /格式不对，应形如 L-2026-000123/],
    ['No{seq}', 'divorce', 'no000009', null],
  ];
  it.each(cases)('%s %s %j', (format, kind, typed, problem) => {
    const found = certificateNumberProblem(format, { kind, office: OFFICE, year: 2026 }, typed);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('accepts every number it formats', () => {
    for (const kind of Object.keys(CERTIFICATE_PREFIXES) as CertificateKind[]) {
      for (const seq of [1, 123, 999999]) {
        const typed = formatCertificateNumber(DEFAULT_CERTIFICATE_FORMAT, { kind, office: OFFICE, year: 2026, seq });
        expect(certificateNumberProblem(DEFAULT_CERTIFICATE_FORMAT, { kind, office: OFFICE, year: 2026 }, typed)).toBeNull();
      }
    }
  });

  it('refuses a bad format', () => {
    expect(() => certificateNumberProblem('{prefix}', { kind: 'marriage', office: OFFICE, year: 2026 }, 'J')).toThrow(RangeError);
  });
});
