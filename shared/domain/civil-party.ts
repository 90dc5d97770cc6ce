/**
 * One party of a marriage or divorce registration, as the clerk records it
 * (婚姻登记: name, sex, birth date, document, nationality, ethnicity,
 * occupation, education, prior status, contact), and the checks that tell
 * the clerk, field by field and in Chinese, what to fix.
 */
import { checkDocumentNumber, DOCUMENT_TYPE_LABELS, isDocumentType, normalizeDocumentNumber, type DocumentType, type Sex } from './identity-documents';
import { characters } from './masking';
import { chineseDate, isPlainDate, isRealDate, type PlainDate } from './plain-date';

/** The 56 ethnic groups in the official order of GB 3304 (民族名称罗马字母拼写法和代码). */
export const ETHNIC_GROUPS: readonly string[] = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
];

/**
 * The ethnic group a clerk means by what they typed: a listed name as is,
 * the name without 族 (土 → 土族, not 土家族), or any prefix that only one
 * listed group starts with (汉 → 汉族, 维 → 维吾尔族). Anything else (an
 * ambiguous prefix such as 哈, an unknown name) is returned trimmed and
 * unchanged, for the checks to report.
 */
export function resolveEthnicity(typed: string): string {
  const value = typed.trim();
  if (value === '' || ETHNIC_GROUPS.includes(value)) return value;
  const named = `${value}族`;
  if (ETHNIC_GROUPS.includes(named)) return named;
  const matches = ETHNIC_GROUPS.filter((g) => g.startsWith(value));
  return matches.length === 1 && matches[0] !== undefined ? matches[0] : value;
}

export const EDUCATION_LEVELS = ['postgraduate', 'bachelor', 'college', 'secondary', 'juniorHigh', 'primary', 'none'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, string> = { postgraduate: '研究生', bachelor: '大学本科', college: '大学专科', secondary: '中专/高中', juniorHigh: '初中', primary: '小学', none: '其他' };

export const PRIOR_STATUSES = ['unmarried', 'married', 'divorced', 'widowed'] as const;
export type PriorStatus = (typeof PRIOR_STATUSES)[number];
export const PRIOR_STATUS_LABELS: Record<PriorStatus, string> = { unmarried: '未婚', married: '有配偶', divorced: '离婚', widowed: '丧偶' };

export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' };

export const CHINA = '中国';

export interface PartyFacts {
  documentType: DocumentType;
  documentNumber: string;
  name: string;
  sex: Sex;
  /** 'YYYY-MM-DD' as typed. */
  birthDate: string;
  nationality: string;
  ethnicity: string;
  occupation: string;
  education: EducationLevel;
  priorStatus: PriorStatus;
  phone: string;
  address: string;
}

export type PartyField = keyof PartyFacts;

export const MAX_NAME_LENGTH = 40;
export const MAX_OCCUPATION_LENGTH = 40;
export const MAX_ADDRESS_LENGTH = 100;

/** Documents held only by Chinese nationals (HK, Macao and Taiwan residents are Chinese nationals too). */
const CHINESE_NATIONAL_DOCUMENTS: readonly DocumentType[] = ['residentId', 'hkMacaoPermit', 'taiwanPermit'];

function birthDateProblem(value: string, today: PlainDate): string | null {
  const typed = value.trim();
  if (typed === '') return '请填写出生日期';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed);
  if (!m) return '出生日期应写成“年-月-日”，如 1990-01-01';
  if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return `出生日期 ${typed} 不是真实存在的日期`;
  if (typed > today) return `出生日期 ${typed} 晚于今天，请核对`;
  return null;
}

/** Problems of one party, by field, in Chinese; empty object = fine. */
export function partyProblems(party: PartyFacts, today: PlainDate): Partial<Record<PartyField, string>> {
  if (!isPlainDate(today)) throw new RangeError('today must be a YYYY-MM-DD date');
  const problems: Partial<Record<PartyField, string>> = {};

  const name = party.name.trim();
  if (name === '') problems.name = '请填写姓名';
  else if (characters(name).length > MAX_NAME_LENGTH) problems.name = `姓名不能超过 ${MAX_NAME_LENGTH} 个字，请按证件填写`;

  const sexKnown = party.sex === 'male' || party.sex === 'female';
  if (!sexKnown) problems.sex = '请选择性别';

  const birthProblem = birthDateProblem(party.birthDate, today);
  if (birthProblem !== null) problems.birthDate = birthProblem;

  if (!isDocumentType(party.documentType)) {
    problems.documentType = '请选择证件类型';
  } else {
    const label = DOCUMENT_TYPE_LABELS[party.documentType];
    const doc = checkDocumentNumber(party.documentType, party.documentNumber, today);
    if (!doc.ok) {
      problems.documentNumber = doc.problem;
    } else {
      if (doc.sex !== null && sexKnown && doc.sex !== party.sex) {
        problems.sex = `性别与${label}号码不符：号码第 17 位表示${doc.sex === 'male' ? '男性' : '女性'}，请核对`;
      }
      if (doc.birthDate !== null && birthProblem === null && doc.birthDate !== party.birthDate.trim()) {
        problems.birthDate = `出生日期与证件号码不符：号码中为 ${chineseDate(doc.birthDate)}，请核对`;
      }
    }
  }

  const nationality = party.nationality.trim();
  if (nationality === '') {
    problems.nationality = '请填写国籍';
  } else if (isDocumentType(party.documentType) && CHINESE_NATIONAL_DOCUMENTS.includes(party.documentType) && nationality !== CHINA) {
    problems.nationality = `持${DOCUMENT_TYPE_LABELS[party.documentType]}的当事人是中国公民，国籍应为“${CHINA}”`;
  } else if (party.documentType === 'foreignPermanentId' && nationality === CHINA) {
    problems.nationality = `持${DOCUMENT_TYPE_LABELS.foreignPermanentId}的当事人是外国人，国籍不能是“${CHINA}”，请按证件填写`;
  }

  const ethnicity = party.ethnicity.trim();
  if (nationality === CHINA) {
    if (!ETHNIC_GROUPS.includes(ethnicity)) problems.ethnicity = '请选择民族（56 个民族之一）';
  } else if (nationality !== '' && ethnicity !== '') {
    problems.ethnicity = '外国国籍的当事人不填写民族，请清空';
  }

  if (characters(party.occupation.trim()).length > MAX_OCCUPATION_LENGTH) {
    problems.occupation = `职业不能超过 ${MAX_OCCUPATION_LENGTH} 个字`;
  }
  if (!(EDUCATION_LEVELS as readonly string[]).includes(party.education)) problems.education = '请选择文化程度';
  if (!(PRIOR_STATUSES as readonly string[]).includes(party.priorStatus)) problems.priorStatus = '请选择婚姻状况（未婚、有配偶、离婚或丧偶）';

  const phone = party.phone.trim();
  if (phone !== '' && !/^\+?[\d\s()-]{7,20}$/.test(phone)) {
    problems.phone = '联系电话只能包含数字（可带区号和“-”），请核对';
  }
  if (characters(party.address.trim()).length > MAX_ADDRESS_LENGTH) {
    problems.address = `住址不能超过 ${MAX_ADDRESS_LENGTH} 个字`;
  }
  return problems;
}

/**
 * The problem when two parties are the same person (same normalized
 * document number, or same name + birth date + sex); null otherwise.
 */
export function duplicatePartyProblem(a: PartyFacts, b: PartyFacts): string | null {
  const numberA = normalizeDocumentNumber(a.documentNumber);
  if (numberA !== '' && numberA === normalizeDocumentNumber(b.documentNumber)) {
    return '双方当事人的证件号码相同，同一人不能同时作为双方当事人，请核对证件';
  }
  const nameA = a.name.trim();
  if (nameA !== '' && nameA === b.name.trim() && a.birthDate.trim() === b.birthDate.trim() && a.sex === b.sex) {
    return '双方当事人的姓名、性别和出生日期完全相同，疑为同一人，请核对证件';
  }
  return null;
}
