/**
 * Identity documents a party may present at the counter: the resident ID
 * card, the permits of Hong Kong, Macao and Taiwan residents, passports and
 * the foreign permanent resident ID card.
 *
 * Every check is a format check (plus the check character where the
 * document has one); the clerk still compares with the original. Problems
 * are in Chinese and name the document type, so the clerk knows what to fix.
 */
import { parseResidentId, residentIdCheckCharacter } from './id-number';
import { isPlainDate, isRealDate, type PlainDate } from './plain-date';

export const DOCUMENT_TYPES = ['residentId', 'hkMacaoPermit', 'taiwanPermit', 'passport', 'foreignPermanentId'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  residentId: '居民身份证',
  hkMacaoPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  passport: '护照',
  foreignPermanentId: '外国人永久居留身份证',
};

export type Sex = 'male' | 'female';

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/**
 * Full-width → half-width, spaces removed, upper-case. The form used for the
 * keyed lookup hash and for encryption.
 */
export function normalizeDocumentNumber(input: string): string {
  return (
    input
      // full-width ASCII block (！ … ～) → ASCII; the ideographic space is dropped below
      .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[\s\u3000]+/g, '')
      .toUpperCase()
  );
}

export type DocumentCheck =
  | { ok: true; normalized: string; birthDate: PlainDate | null; sex: Sex | null; warnings: string[] }
  | { ok: false; problem: string };

function fail(problem: string): DocumentCheck {
  return { ok: false, problem };
}

function plain(normalized: string, warnings: string[] = []): DocumentCheck {
  return { ok: true, normalized, birthDate: null, sex: null, warnings };
}

/** 2023 version: 9 + 2-digit province + 3-digit nationality + YYYYMMDD + 3-digit sequence + check character. */
const FOREIGN_2023 = /^9\d{16}[\dX]$/;
/** 2004 version: 3-letter nationality code + 12 digits. */
const FOREIGN_2004 = /^[A-Z]{3}\d{12}$/;

function checkForeignPermanentId(value: string, today: PlainDate): DocumentCheck {
  const label = DOCUMENT_TYPE_LABELS.foreignPermanentId;
  if (FOREIGN_2004.test(value)) {
    return plain(value, ['这是 2004 版外国人永久居留身份证号码，只核对了格式，请与证件原件核对']);
  }
  if (!FOREIGN_2023.test(value)) {
    return fail(`${label}号码应为 9 开头的 18 位（最后一位可为 X）；旧版为 3 个大写字母加 12 位数字，请核对`);
  }
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const printed = `${value.slice(6, 10)} 年 ${value.slice(10, 12)} 月 ${value.slice(12, 14)} 日`;
  if (!isRealDate(year, month, day)) return fail(`${label}号码中的出生日期（${printed}）不是真实存在的日期，请核对第 7 到 14 位`);
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > today) return fail(`${label}号码中的出生日期（${printed}）晚于今天，请核对第 7 到 14 位`);
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return fail(`${label}号码校验位不符，号码中有字符录错，请逐位核对`);
  }
  return { ok: true, normalized: value, birthDate, sex: null, warnings: [] };
}

/**
 * Checks a document number of the given type. `today` ('YYYY-MM-DD', the
 * hall's date) bounds birth dates read from the number.
 */
export function checkDocumentNumber(type: DocumentType, input: string, today: PlainDate): DocumentCheck {
  if (!isPlainDate(today)) throw new RangeError('today must be a YYYY-MM-DD date');
  if (!isDocumentType(type)) return fail('请选择证件类型');
  const value = normalizeDocumentNumber(input);
  if (value.length === 0) return fail('请填写证件号码');
  switch (type) {
    case 'residentId': {
      const parsed = parseResidentId(value, today);
      if (!parsed.ok) return fail(parsed.problem);
      const { normalized, birthDate, sex, warnings } = parsed.value;
      return { ok: true, normalized, birthDate, sex, warnings };
    }
    case 'hkMacaoPermit':
      if (/^[HM](\d{8}|\d{10})$/.test(value)) return plain(value);
      return fail(`${DOCUMENT_TYPE_LABELS.hkMacaoPermit}号码应为 H 或 M 开头加 8 位数字（旧版为 10 位数字），请核对`);
    case 'taiwanPermit':
      if (/^(\d{8}|\d{10})$/.test(value)) return plain(value);
      return fail(`${DOCUMENT_TYPE_LABELS.taiwanPermit}号码应为 8 位数字（旧版为 10 位数字），请核对`);
    case 'passport':
      if (/^[A-Z0-9]{5,20}$/.test(value)) return plain(value);
      return fail(`${DOCUMENT_TYPE_LABELS.passport}号码应为 5 到 20 位字母或数字，请按护照资料页核对`);
    case 'foreignPermanentId':
      return checkForeignPermanentId(value, today);
  }
}
