/**
 * The certificate-number format explained for the settings screen: what each
 * placeholder stands for, in Chinese, and the number it gives today for each
 * kind of certificate.
 */
import { CERTIFICATE_KIND_LABELS, CERTIFICATE_KINDS, CERTIFICATE_PREFIXES, certificateFormatProblem, formatCertificateNumber, SEQUENCE_DIGITS } from './certificate-number';

export interface PlaceholderHelp {
  placeholder: string;
  meaning: string;
  /** What it stands for in the example. */
  example: string;
}

export type CertificateFormatHelp =
  | { problem: string }
  | { problem: null; placeholders: readonly PlaceholderHelp[]; examples: readonly { label: string; number: string }[] };

/** An office code that is not 6 digits yet (not entered) is shown as 110105 in the examples. */
export const EXAMPLE_OFFICE = '110105';
const EXAMPLE_SEQ = 123;

export function certificateFormatHelp(format: string, office: string, year: number): CertificateFormatHelp {
  const problem = certificateFormatProblem(format);
  if (problem !== null) return { problem };
  const code = /^\d{6}$/.test(office) ? office : EXAMPLE_OFFICE;
  const prefixes = CERTIFICATE_KINDS.map((k) => `${CERTIFICATE_KIND_LABELS[k]} ${CERTIFICATE_PREFIXES[k]}`).join('、');
  const all: readonly PlaceholderHelp[] = [
    { placeholder: '{prefix}', meaning: `证书类别字头：${prefixes}`, example: CERTIFICATE_PREFIXES.marriage },
    { placeholder: '{office}', meaning: code === office ? '登记机关代码（上面填写的 6 位数字）' : '登记机关代码（上面填写的 6 位数字，尚未填写，示例用 110105）', example: code },
    { placeholder: '{year}', meaning: '登记年份，4 位数字', example: String(year) },
    { placeholder: '{seq}', meaning: `流水号，${SEQUENCE_DIGITS} 位数字，每类证书每年从 ${'1'.padStart(SEQUENCE_DIGITS, '0')} 起依次编号`, example: String(EXAMPLE_SEQ).padStart(SEQUENCE_DIGITS, '0') },
  ];
  return {
    problem: null,
    placeholders: all.filter((p) => format.includes(p.placeholder)),
    examples: CERTIFICATE_KINDS.map((kind) => ({ label: CERTIFICATE_KIND_LABELS[kind], number: formatCertificateNumber(format, { kind, office: code, year, seq: EXAMPLE_SEQ }) })),
  };
}
