/**
 * Marriage and divorce certificate numbers (字号), e.g. J110105-2026-000123:
 * kind prefix (J 结婚证, L 离婚证, BJ 补发结婚证, BL 补发离婚证), the
 * registration office's 6-digit code, the year and a 6-digit sequence. The
 * layout is a per-office setting (a template of tokens); the default is
 * {prefix}{office}-{year}-{seq}.
 */
import { normalizeDocumentNumber } from './identity-documents';

export type CertificateKind = 'marriage' | 'divorce' | 'reissueMarriage' | 'reissueDivorce';

export const CERTIFICATE_KINDS: readonly CertificateKind[] = ['marriage', 'divorce', 'reissueMarriage', 'reissueDivorce'];

export const CERTIFICATE_PREFIXES: Record<CertificateKind, string> = {
  marriage: 'J',
  divorce: 'L',
  reissueMarriage: 'BJ',
  reissueDivorce: 'BL',
};

export const CERTIFICATE_KIND_LABELS: Record<CertificateKind, string> = {
  marriage: '结婚证',
  divorce: '离婚证',
  reissueMarriage: '补发结婚证',
  reissueDivorce: '补发离婚证',
};

export const DEFAULT_CERTIFICATE_FORMAT = '{prefix}{office}-{year}-{seq}';

export const SEQUENCE_DIGITS = 6;

type Token = 'prefix' | 'office' | 'year' | 'seq';
const TOKENS: readonly Token[] = ['prefix', 'office', 'year', 'seq'];
type Piece = { token: Token } | { literal: string };

/** The template split into tokens and literal text; a problem in Chinese when it cannot be. */
function parseFormat(format: string): { pieces: Piece[] } | { problem: string } {
  const pieces: Piece[] = [];
  const pattern = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
  for (const m of format.matchAll(pattern)) {
    if (m[1] !== undefined) {
      const name = m[1];
      if (!(TOKENS as readonly string[]).includes(name)) {
        return { problem: `字号格式中的 {${name}} 无法识别，只能使用 {prefix}（类别字头）、{office}（登记机关代码）、{year}（年份）和 {seq}（流水号）` };
      }
      pieces.push({ token: name as Token });
    } else if (m[2] !== undefined) {
      if (!/^[A-Za-z0-9-]+$/.test(m[2])) {
        return { problem: `字号格式中的“${m[2]}”不允许，除 {prefix} {office} {year} {seq} 外只能使用字母、数字和“-”` };
      }
      pieces.push({ literal: m[2] });
    } else {
      return { problem: '字号格式中的大括号不成对，请检查 {prefix} {office} {year} {seq} 的写法' };
    }
  }
  return { pieces };
}

/**
 * Problem with a format template (must contain {seq}; only the tokens
 * {prefix} {office} {year} {seq}; other characters letters/digits/-); null
 * when fine.
 */
export function certificateFormatProblem(format: string): string | null {
  if (format.trim() === '') return '请填写证书字号格式，例如 {prefix}{office}-{year}-{seq}';
  const parsed = parseFormat(format);
  if ('problem' in parsed) return parsed.problem;
  const counts = new Map<Token, number>();
  for (const p of parsed.pieces) if ('token' in p) counts.set(p.token, (counts.get(p.token) ?? 0) + 1);
  if ((counts.get('seq') ?? 0) === 0) return '字号格式必须包含流水号 {seq}，否则字号会重复';
  for (const [token, n] of counts) if (n > 1) return `字号格式中 {${token}} 只能出现一次`;
  return null;
}

function checkedPieces(format: string): Piece[] {
  const problem = certificateFormatProblem(format);
  if (problem !== null) throw new RangeError(`bad certificate number format: ${format}`);
  const parsed = parseFormat(format);
  return 'pieces' in parsed ? parsed.pieces : [];
}

function checkParts(parts: { kind: CertificateKind; office: string; year: number }): void {
  if (!(parts.kind in CERTIFICATE_PREFIXES)) throw new RangeError(`unknown certificate kind: ${String(parts.kind)}`);
  if (!/^\d{6}$/.test(parts.office)) throw new RangeError(`office code must be 6 digits: ${parts.office}`);
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999) throw new RangeError(`year must have 4 digits: ${parts.year}`);
}

export function formatCertificateNumber(format: string, parts: { kind: CertificateKind; office: string; year: number; seq: number }): string {
  checkParts(parts);
  if (!Number.isInteger(parts.seq) || parts.seq < 1 || parts.seq > 999_999) throw new RangeError(`sequence must be 1–999999: ${parts.seq}`);
  const values: Record<Token, string> = {
    prefix: CERTIFICATE_PREFIXES[parts.kind],
    office: parts.office,
    year: String(parts.year),
    seq: String(parts.seq).padStart(SEQUENCE_DIGITS, '0'),
  };
  return checkedPieces(format)
    .map((p) => ('token' in p ? values[p.token] : p.literal))
    .join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** Longest first, so BJ is tried before J. */
const ANY_PREFIX = Object.values(CERTIFICATE_PREFIXES)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * Problem with a number the clerk typed (must fit the format for this
 * kind/office/year, with a 6-digit sequence), in Chinese, or null. The typed
 * number is compared after normalisation (full-width → half-width, spaces
 * removed, upper-case).
 */
export function certificateNumberProblem(format: string, parts: { kind: CertificateKind; office: string; year: number }, typed: string): string | null {
  checkParts(parts);
  const pieces = checkedPieces(format);
  const label = CERTIFICATE_KIND_LABELS[parts.kind];
  const value = normalizeDocumentNumber(typed);
  if (value === '') return `请填写${label}字号`;
  const prefix = CERTIFICATE_PREFIXES[parts.kind];
  const example = formatCertificateNumber(format, { ...parts, seq: 123 });

  // every token captured, whatever its value, so the part that differs can be named
  const groups: Token[] = [];
  const loose: Record<Token, string> = { prefix: `(${ANY_PREFIX})`, office: '(\\d{6})', year: '(\\d{4})', seq: '(\\d{6})' };
  const source = pieces
    .map((p) => {
      if ('literal' in p) return escapeRegExp(p.literal.toUpperCase());
      groups.push(p.token);
      return loose[p.token];
    })
    .join('');
  const m = new RegExp(`^${source}$`).exec(value);
  if (!m) {
    return `${label}字号格式不对，应形如 ${example}（最后 ${SEQUENCE_DIGITS} 位为流水号），请核对`;
  }
  const found = (token: Token): string | undefined => {
    const i = groups.indexOf(token);
    return i < 0 ? undefined : m[i + 1];
  };
  const typedPrefix = found('prefix');
  if (typedPrefix !== undefined && typedPrefix !== prefix) {
    const kind = (Object.keys(CERTIFICATE_PREFIXES) as CertificateKind[]).find((k) => CERTIFICATE_PREFIXES[k] === typedPrefix);
    const typedLabel = kind === undefined ? '' : `（${CERTIFICATE_KIND_LABELS[kind]}）`;
    return `${label}字号应以 ${prefix} 开头，现在是 ${typedPrefix}${typedLabel}，请核对证书类别`;
  }
  const typedOffice = found('office');
  if (typedOffice !== undefined && typedOffice !== parts.office) {
    return `字号中的登记机关代码应为 ${parts.office}，现在是 ${typedOffice}，请核对`;
  }
  const typedYear = found('year');
  if (typedYear !== undefined && typedYear !== String(parts.year)) {
    return `字号中的年份应为 ${parts.year}，现在是 ${typedYear}，请核对`;
  }
  if (found('seq') === '0'.repeat(SEQUENCE_DIGITS)) return `流水号不能为 ${'0'.repeat(SEQUENCE_DIGITS)}，请核对`;
  return null;
}
