/**
 * Resident identity card numbers (GB 11643-1999, 公民身份号码): 6-digit
 * region code, 8-digit birth date, 3-digit sequence (odd = male, even =
 * female) and a check character by ISO 7064 MOD 11-2.
 *
 * The number is lifelong: a region code that has since been abolished or
 * renamed stays valid, so an unknown region only warns. Everything that
 * makes the number impossible (length, characters, check character, birth
 * date) is a problem, in Chinese, for the clerk.
 */
import { isPlainDate, isRealDate, type PlainDate } from './plain-date';

export interface ResidentId {
  /** 18 characters, the check character upper-case. */
  normalized: string;
  /** 'YYYY-MM-DD' */
  birthDate: PlainDate;
  sex: 'male' | 'female';
  /** The first six digits. */
  regionCode: string;
  /** Province-level name of the first two digits, or null when they name none. */
  province: string | null;
  /** Facts the clerk should check that do not make the number invalid. */
  warnings: string[];
}

export type ResidentIdResult = { ok: true; value: ResidentId } | { ok: false; problem: string };

/** Province-level divisions (GB/T 2260), by the first two digits of the region code. */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
  // 港澳台居民居住证 numbers begin 810000 / 820000 / 830000
  '83': '台湾地区（港澳台居民居住证）',
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** The check character for the first 17 digits (S = Σ aᵢ·wᵢ; S mod 11 → 1 0 X 9 8 7 6 5 4 3 2). */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

/** Full-width digits and letters (from a Chinese input method) to their ASCII forms. */
function toHalfWidth(value: string): string {
  return value.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function fail(problem: string): ResidentIdResult {
  return { ok: false, problem };
}

/**
 * Checks and reads a resident ID number. `today` ('YYYY-MM-DD', the hall's
 * date) bounds the birth date; the function reads no clock of its own.
 */
export function parseResidentId(input: string, today: PlainDate): ResidentIdResult {
  if (!isPlainDate(today)) throw new RangeError('today must be a YYYY-MM-DD date');
  // spaces typed for readability (110105 19491231 002X) are dropped
  const value = toHalfWidth(input).replace(/\s+/g, '').replace(/x$/, 'X');
  const length = Array.from(value).length;
  if (length === 0) return fail('请填写身份证号码');
  if (length === 15 && /^\d{15}$/.test(value)) {
    return fail('这是 15 位的第一代身份证号码，已停止使用，请提供 18 位居民身份证号码');
  }
  if (length !== 18) return fail(`身份证号码应为 18 位，现在是 ${length} 位，请核对`);
  if (!/^\d{17}/.test(value)) return fail('身份证号码前 17 位只能是数字，请核对');
  if (!/^\d{17}[\dX]$/.test(value)) return fail('身份证号码最后一位只能是数字或字母 X，请核对');

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const printed = `${value.slice(6, 10)} 年 ${value.slice(10, 12)} 月 ${value.slice(12, 14)} 日`;
  if (!isRealDate(year, month, day)) return fail(`身份证号码中的出生日期（${printed}）不是真实存在的日期，请核对第 7 到 14 位`);
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > today) return fail(`身份证号码中的出生日期（${printed}）晚于今天，请核对第 7 到 14 位`);

  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return fail('身份证号码校验位不符，号码中有数字录错，请逐位核对');
  }

  const warnings: string[] = [];
  const provinceCode = value.slice(0, 2);
  const province = PROVINCE_CODES[provinceCode] ?? null;
  if (value.startsWith('9')) {
    warnings.push('号码以 9 开头，可能是外国人永久居留身份证，请核对证件类型');
  } else if (province === null) {
    warnings.push(`前两位 ${provinceCode} 不是省级行政区划代码，请与证件原件核对`);
  }
  if (year < 1900) warnings.push(`出生年份 ${year} 早于 1900 年，请与证件原件核对`);

  return {
    ok: true,
    value: {
      normalized: value,
      birthDate,
      sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
      regionCode: value.slice(0, 6),
      province,
      warnings,
    },
  };
}
