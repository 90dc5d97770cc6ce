/**
 * Marriage and divorce registration rules (民法典 arts. 1046–1049, 1076;
 * 婚姻登记条例 as revised 2025): legal age on the registration date, who
 * must be present, what must be signed and shown, and the printed reasons
 * for a refusal.
 *
 * These functions only list problems; whether to register or refuse stays
 * the registrar's decision.
 */
import { duplicatePartyProblem, type PartyFacts } from './civil-party';
import { chineseDate, formatPlainDate, isLeapYear, isPlainDate, type PlainDate } from './plain-date';

function dateParts(date: PlainDate): [number, number, number] {
  if (!isPlainDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${String(date).slice(0, 30)}`);
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

/**
 * The first date on which someone born `birth` is `years` full years old.
 * Born 29 February: 1 March in years that have no 29 February.
 */
export function dateOfAge(birth: PlainDate, years: number): PlainDate {
  if (!Number.isInteger(years) || years < 0) throw new RangeError(`years must be a non-negative integer: ${years}`);
  const [y, m, d] = dateParts(birth);
  const year = y + years;
  if (m === 2 && d === 29 && !isLeapYear(year)) return formatPlainDate(year, 3, 1);
  return formatPlainDate(year, m, d);
}

/**
 * Full years of age on `on`. Reaches N on the birthday itself; someone born
 * 29 February reaches it on 1 March in non-leap years (the conservative
 * reading: the year is not complete until 28 February has passed).
 * 0 when `on` is before the birth date.
 */
export function fullYears(birth: PlainDate, on: PlainDate): number {
  const [by] = dateParts(birth);
  const [oy] = dateParts(on);
  if (on < birth) return 0;
  const candidate = oy - by;
  return on >= dateOfAge(birth, candidate) ? candidate : candidate - 1;
}

/** 22 / 20 by default (民法典 art. 1047); autonomous regions may set lower. */
export interface MarriageAgeRule {
  male: number;
  female: number;
}

export const STATUTORY_MARRIAGE_AGE: MarriageAgeRule = { male: 22, female: 20 };

/** Lowest age a setting may hold: regional adaptations lower the statutory age by at most two years. */
export const MIN_CONFIGURABLE_MARRIAGE_AGE = 18;

/** Problem with a configured age rule (whole years, not above the statutory age, not below 18), or null. */
export function marriageAgeRuleProblem(rule: MarriageAgeRule): string | null {
  for (const sex of ['male', 'female'] as const) {
    const age = rule[sex];
    const who = sex === 'male' ? '男方' : '女方';
    const max = STATUTORY_MARRIAGE_AGE[sex];
    if (!Number.isInteger(age) || age < MIN_CONFIGURABLE_MARRIAGE_AGE || age > max) {
      return `${who}法定婚龄应为 ${MIN_CONFIGURABLE_MARRIAGE_AGE} 到 ${max} 之间的整数（民法典规定为 ${max} 周岁，民族自治地方可作变通规定）`;
    }
  }
  return null;
}

export type EligibilityCode =
  | 'sexes'
  | 'underAge'
  | 'hasSpouse'
  | 'notPresent'
  | 'declarationMissing'
  | 'photosMissing'
  | 'duplicateParty'
  | 'agreementMissing'
  | 'certificatesMissing'
  | 'spouseElsewhere';

export interface EligibilityProblem {
  code: EligibilityCode;
  message: string;
  /** Index of the party concerned, or null when it concerns both. */
  party: 0 | 1 | null;
}

export interface MarriageChecks {
  bothPresent: boolean;
  declarationsSigned: boolean;
  photosProvided: boolean;
}

function isOneManOneWoman(parties: readonly PartyFacts[]): boolean {
  const [a, b] = parties;
  return parties.length === 2 && a !== undefined && b !== undefined && a.sex !== b.sex && (a.sex === 'male' || a.sex === 'female') && (b.sex === 'male' || b.sex === 'female');
}

function partyLabel(party: PartyFacts): string {
  const side = party.sex === 'male' ? '男方' : party.sex === 'female' ? '女方' : '当事人';
  return `${side}${party.name.trim()}`;
}

/** Problems common to marriage and divorce: two parties, one man one woman, not the same person. */
function partiesProblems(parties: readonly PartyFacts[], sexesMessage: string): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  if (!isOneManOneWoman(parties)) problems.push({ code: 'sexes', message: sexesMessage, party: null });
  const [a, b] = parties;
  if (a !== undefined && b !== undefined) {
    const duplicate = duplicatePartyProblem(a, b);
    if (duplicate !== null) problems.push({ code: 'duplicateParty', message: duplicate, party: null });
  }
  return problems;
}

function partyIndex(i: number): 0 | 1 | null {
  return i === 0 ? 0 : i === 1 ? 1 : null;
}

export function marriageEligibility(input: {
  parties: readonly PartyFacts[];
  on: PlainDate;
  rule: MarriageAgeRule;
  checks: MarriageChecks;
  photosRequired: boolean;
}): EligibilityProblem[] {
  const { parties, on, rule, checks, photosRequired } = input;
  if (!isPlainDate(on)) throw new RangeError('on must be a YYYY-MM-DD date');
  const problems = partiesProblems(parties, '结婚登记须由男女双方（一男一女）共同申请，请核对双方的性别');

  parties.slice(0, 2).forEach((party, i) => {
    if (party.sex !== 'male' && party.sex !== 'female') return;
    const minimum = rule[party.sex];
    const who = partyLabel(party);
    const birth = party.birthDate.trim();
    if (!isPlainDate(birth) || birth > on) {
      // conservative: an age that cannot be read is not an age that has been checked
      problems.push({ code: 'underAge', message: `${who}的出生日期无效，无法核对是否达到法定婚龄，请先更正出生日期`, party: partyIndex(i) });
      return;
    }
    if (fullYears(birth, on) < minimum) {
      const reached = dateOfAge(birth, minimum);
      problems.push({
        code: 'underAge',
        message: `${who}未满 ${minimum} 周岁，${chineseDate(reached)}年满 ${minimum} 周岁`,
        party: partyIndex(i),
      });
    }
  });

  parties.slice(0, 2).forEach((party, i) => {
    if (party.priorStatus === 'married') {
      problems.push({
        code: 'hasSpouse',
        message: `${partyLabel(party)}的婚姻状况为“有配偶”，有配偶者不能办理结婚登记`,
        party: partyIndex(i),
      });
    }
  });

  if (!checks.bothPresent) problems.push({ code: 'notPresent', message: '双方须亲自到场，不得委托代理', party: null });
  if (!checks.declarationsSigned) {
    problems.push({
      code: 'declarationMissing',
      message: '双方须签署无配偶以及与对方无直系血亲和三代以内旁系血亲关系的声明',
      party: null,
    });
  }
  if (photosRequired && !checks.photosProvided) {
    problems.push({ code: 'photosMissing', message: '请收取双方近期半身免冠合影照片', party: null });
  }
  return problems;
}

export interface DivorceChecks {
  bothPresent: boolean;
  agreementSubmitted: boolean;
  certificatesPresented: boolean;
}

export function divorceAcceptanceProblems(input: { parties: readonly PartyFacts[]; checks: DivorceChecks }): EligibilityProblem[] {
  const { parties, checks } = input;
  const problems = partiesProblems(parties, '离婚登记须由夫妻双方（一男一女）共同申请，请核对双方的性别');
  if (!checks.bothPresent) problems.push({ code: 'notPresent', message: '双方须亲自到场申请离婚登记，不得委托代理', party: null });
  if (!checks.agreementSubmitted) {
    problems.push({ code: 'agreementMissing', message: '须提交双方签名的书面离婚协议书', party: null });
  }
  if (!checks.certificatesPresented) {
    problems.push({ code: 'certificatesMissing', message: '须出示双方的结婚证', party: null });
  }
  return problems;
}

export interface ReissueChecks {
  /** Every applying party is present in person. */
  bothPresent: boolean;
}

/**
 * Problems with an application to replace a lost or damaged certificate
 * (补领): one party or both, in person; two parties must be one man and one
 * woman and not the same person.
 */
export function reissueProblems(input: { parties: readonly PartyFacts[]; checks: ReissueChecks }): EligibilityProblem[] {
  const { parties, checks } = input;
  const problems: EligibilityProblem[] = [];
  if (parties.length === 1) {
    if (parties[0]?.sex !== 'male' && parties[0]?.sex !== 'female') {
      problems.push({ code: 'sexes', message: '请选择申请人的性别', party: 0 });
    }
  } else {
    problems.push(...partiesProblems(parties, '补领婚姻登记证须由一方或双方（一男一女）当事人申请，请核对当事人人数和性别'));
  }
  if (!checks.bothPresent) {
    problems.push({ code: 'notPresent', message: '申请补领的当事人须亲自到场，不得委托代理', party: null });
  }
  return problems;
}

export const REFUSAL_REASONS = ['underAge', 'notVoluntary', 'hasSpouse', 'prohibitedKinship', 'notInPerson', 'documentsInvalid', 'other'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const REFUSAL_REASON_LABELS: Record<RefusalReason, string> = {
  underAge: '未达法定婚龄（民法典第一千零四十七条）',
  notVoluntary: '非双方完全自愿（民法典第一千零四十六条）',
  hasSpouse: '一方或双方已有配偶（民法典第一千零四十二条）',
  prohibitedKinship: '属于直系血亲或三代以内旁系血亲（民法典第一千零四十八条）',
  notInPerson: '当事人未亲自到场',
  documentsInvalid: '证件或证明材料不全、无效',
  other: '其他',
};

const REASON_OF_CODE: Partial<Record<EligibilityCode, RefusalReason>> = {
  underAge: 'underAge',
  hasSpouse: 'hasSpouse',
  notPresent: 'notInPerson',
};

/**
 * Refusal reasons implied by the problems (underAge → underAge, hasSpouse →
 * hasSpouse, notPresent → notInPerson), for pre-ticking the refusal form.
 * Each reason once, in the order of REFUSAL_REASONS.
 */
export function refusalReasonsFor(problems: readonly EligibilityProblem[]): RefusalReason[] {
  const implied = new Set<RefusalReason>();
  for (const p of problems) {
    const reason = REASON_OF_CODE[p.code];
    if (reason !== undefined) implied.add(reason);
  }
  return REFUSAL_REASONS.filter((r) => implied.has(r));
}

/** The kinds of application handled by the 婚姻登记 forms, never by the generic intake. */
export type MarriageFormKind = 'marriage' | 'divorce' | 'reissue';

/** Catalogue item codes of the matters the 婚姻登记 forms handle (default catalogue codes). */
export const MARRIAGE_FORM_ITEMS: Readonly<Record<string, MarriageFormKind>> = {
  'MAR-REG': 'marriage',
  'DIV-REG': 'divorce',
  'MAR-REISSUE': 'reissue',
};

/** The form kind of a catalogue item, or null when the generic intake handles it. */
export function marriageFormKind(itemCode: string): MarriageFormKind | null {
  return Object.hasOwn(MARRIAGE_FORM_ITEMS, itemCode) ? (MARRIAGE_FORM_ITEMS[itemCode] ?? null) : null;
}

/** A registration recorded in this ledger that changes a person's marital status. */
export interface RegistryEvent {
  kind: 'marriage' | 'divorce';
  /** ISO instant of the registration. */
  registeredAt: string;
}

/**
 * The marriage that gives a person a spouse according to this ledger: their
 * last registered event is a marriage not followed by a registered divorce.
 * Null when the ledger shows no spouse (never married here, or divorced here
 * since). The history may come in any order.
 */
export function currentMarriage<E extends RegistryEvent>(history: readonly E[]): E | null {
  const last = [...history].sort((a, b) => a.registeredAt.localeCompare(b.registeredAt)).at(-1);
  return last?.kind === 'marriage' ? last : null;
}

/** The two parties of the national check, by position. */
export const NATIONAL_CHECK_LABELS = ['男方已在全国婚姻登记信息系统联网核查', '女方已在全国婚姻登记信息系统联网核查'] as const;

/**
 * Before a marriage is registered the clerk confirms that both parties were
 * checked in 全国婚姻登记信息系统 (联网核查). The message names the ticks
 * still missing, or null when both are ticked.
 */
export function nationalCheckProblem(ticks: readonly boolean[]): string | null {
  const missing = NATIONAL_CHECK_LABELS.filter((_, i) => ticks[i] !== true);
  if (missing.length === 0) return null;
  return `登记前须在全国婚姻登记信息系统对双方进行联网核查：请核查后勾选${missing.map((m) => `“${m}”`).join('和')}`;
}
