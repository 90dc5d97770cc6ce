import { describe, expect, it } from 'vitest';
import { CHINA, type PartyFacts } from '../../shared/domain/civil-party';
import { addDays } from '../../shared/domain/plain-date';
import {
  currentMarriage,
  dateOfAge,
  divorceAcceptanceProblems,
  fullYears,
  marriageAgeRuleProblem,
  marriageEligibility,
  marriageFormKind,
  nationalCheckProblem,
  REFUSAL_REASON_LABELS,
  REFUSAL_REASONS,
  refusalReasonsFor,
  reissueProblems,
  STATUTORY_MARRIAGE_AGE,
  type EligibilityCode,
  type EligibilityProblem,
  type MarriageAgeRule,
  type MarriageChecks,
} from '../../shared/domain/marriage-rules';

describe('fullYears and dateOfAge', () => {
  const cases: [birth: string, on: string, years: number][] = [
    // reaching 22 (a man) and 20 (a woman): the day before, the birthday, the day after
    ['2004-03-01', '2026-02-28', 21],
    ['2004-03-01', '2026-03-01', 22],
    ['2004-03-01', '2026-03-02', 22],
    ['2006-06-15', '2026-06-14', 19],
    ['2006-06-15', '2026-06-15', 20],
    ['2006-06-15', '2026-06-16', 20],
    // born 29 February: in a non-leap year the year completes on 1 March
    ['2004-02-29', '2026-02-28', 21],
    ['2004-02-29', '2026-03-01', 22],
    ['2006-02-28', '2026-02-28', 20],
    ['2008-02-29', '2028-02-28', 19],
    ['2008-02-29', '2028-02-29', 20],
    ['2008-02-29', '2028-03-01', 20],
    ['2004-02-29', '2025-02-28', 20],
    ['2004-02-29', '2025-03-01', 21],
    // year boundaries
    ['2004-12-31', '2026-12-30', 21],
    ['2004-12-31', '2026-12-31', 22],
    ['2004-12-31', '2027-01-01', 22],
    ['2006-01-01', '2025-12-31', 19],
    ['2006-01-01', '2026-01-01', 20],
    ['2006-01-01', '2026-01-02', 20],
    // born today, and a date before birth
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-02', '2026-03-01', 0],
  ];
  it.each(cases)('born %s, on %s: %i full years', (birth, on, years) => {
    expect(fullYears(birth, on)).toBe(years);
  });

  const reached: [birth: string, years: number, date: string][] = [
    ['2004-03-01', 22, '2026-03-01'],
    ['2004-02-29', 22, '2026-03-01'],
    ['2004-02-29', 24, '2028-02-29'],
    ['2004-02-29', 0, '2004-02-29'],
    ['2004-12-31', 22, '2026-12-31'],
    ['2006-01-01', 20, '2026-01-01'],
  ];
  it.each(reached)('born %s is %i on %s', (birth, years, date) => {
    expect(dateOfAge(birth, years)).toBe(date);
    expect(fullYears(birth, date)).toBe(years);
    if (years > 0) expect(fullYears(birth, addDays(date, -1))).toBe(years - 1);
  });

  it('rejects bad input', () => {
    expect(() => dateOfAge('2004-02-30', 22)).toThrow(RangeError);
    expect(() => dateOfAge('2004-02-28', -1)).toThrow(RangeError);
    expect(() => dateOfAge('2004-02-28', 1.5)).toThrow(RangeError);
    expect(() => fullYears('2004-02-28', '2026-13-01')).toThrow(RangeError);
  });
});

function party(sex: 'male' | 'female', name: string, birthDate: string, extra: Partial<PartyFacts> = {}): PartyFacts {
  return {
    documentType: 'passport',
    documentNumber: `${sex === 'male' ? 'M' : 'F'}${birthDate.replace(/-/g, '')}`,
    name,
    sex,
    birthDate,
    nationality: CHINA,
    ethnicity: '汉族',
    occupation: '',
    education: 'bachelor',
    priorStatus: 'unmarried',
    phone: '',
    address: '',
    ...extra,
  };
}

const ALL_DONE: MarriageChecks = { bothPresent: true, declarationsSigned: true, photosProvided: true };
const ON = '2026-03-01';

function codes(problems: readonly EligibilityProblem[]): [EligibilityCode, 0 | 1 | null][] {
  return problems.map((p) => [p.code, p.party]);
}

describe('marriageEligibility: age', () => {
  const cases: [label: string, man: string, woman: string, rule: MarriageAgeRule, expected: [EligibilityCode, 0 | 1 | null][]][] = [
    ['both of age', '1990-05-05', '1992-05-05', STATUTORY_MARRIAGE_AGE, []],
    ['man 22 today', '2004-03-01', '1992-05-05', STATUTORY_MARRIAGE_AGE, []],
    ['man 22 tomorrow', '2004-03-02', '1992-05-05', STATUTORY_MARRIAGE_AGE, [['underAge', 0]]],
    ['man 22 yesterday', '2004-02-28', '1992-05-05', STATUTORY_MARRIAGE_AGE, []],
    ['woman 20 today', '1990-05-05', '2006-03-01', STATUTORY_MARRIAGE_AGE, []],
    ['woman 20 tomorrow', '1990-05-05', '2006-03-02', STATUTORY_MARRIAGE_AGE, [['underAge', 1]]],
    ['woman 20 yesterday', '1990-05-05', '2006-02-28', STATUTORY_MARRIAGE_AGE, []],
    ['man born 29 Feb, registering 1 March of a non-leap year', '2004-02-29', '1992-05-05', STATUTORY_MARRIAGE_AGE, []],
    ['both under age', '2005-01-01', '2007-01-01', STATUTORY_MARRIAGE_AGE, [['underAge', 0], ['underAge', 1]]],
    ['woman 21 is not enough for a man', '2005-01-01', '1992-05-05', STATUTORY_MARRIAGE_AGE, [['underAge', 0]]],
    ['custom rule 20/18: man 20', '2006-03-01', '2008-03-01', { male: 20, female: 18 }, []],
    ['custom rule 20/18: one day short each', '2006-03-02', '2008-03-02', { male: 20, female: 18 }, [['underAge', 0], ['underAge', 1]]],
    ['custom rule 20/18: man 19', '2007-01-01', '2008-01-01', { male: 20, female: 18 }, [['underAge', 0]]],
  ];
  it.each(cases)('%s', (_label, man, woman, rule, expected) => {
    const problems = marriageEligibility({ parties: [party('male', '张三', man), party('female', '李娜', woman)], on: ON, rule, checks: ALL_DONE, photosRequired: true });
    expect(codes(problems)).toEqual(expected);
  });

  it('says when the party comes of age', () => {
    const [problem] = marriageEligibility({
      parties: [party('male', '张三', '2004-03-02'), party('female', '李娜', '2000-01-01')],
      on: ON,
      rule: STATUTORY_MARRIAGE_AGE,
      checks: ALL_DONE,
      photosRequired: false,
    });
    expect(problem?.message).toBe('男方张三未满 22 周岁，2026年3月2日年满 22 周岁');
    const [leap] = marriageEligibility({
      parties: [party('female', '李娜', '2008-02-29'), party('male', '张三', '2000-01-01')],
      on: '2026-02-28',
      rule: { male: 20, female: 18 },
      checks: ALL_DONE,
      photosRequired: false,
    });
    expect(leap).toEqual({ code: 'underAge', party: 0, message: '女方李娜未满 18 周岁，2026年3月1日年满 18 周岁' });
  });

  it('does not pass an age it cannot read', () => {
    const problems = marriageEligibility({ parties: [party('male', '张三', '2004-02-30'), party('female', '李娜', '2000-01-01')], on: ON, rule: STATUTORY_MARRIAGE_AGE, checks: ALL_DONE, photosRequired: false });
    expect(codes(problems)).toEqual([['underAge', 0]]);
    expect(problems[0]?.message).toMatch(/出生日期无效/);
  });
});

describe('marriageEligibility: other problems', () => {
  const man = party('male', '张三', '1990-05-05');
  const woman = party('female', '李娜', '1992-05-05');
  const cases: [label: string, parties: PartyFacts[], checks: MarriageChecks, photosRequired: boolean, expected: [EligibilityCode, 0 | 1 | null][]][] = [
    ['all in order', [man, woman], ALL_DONE, true, []],
    ['woman first', [woman, man], ALL_DONE, true, []],
    ['two men', [man, { ...woman, sex: 'male' }], ALL_DONE, true, [['sexes', null]]],
    ['two women', [{ ...man, sex: 'female' }, woman], ALL_DONE, true, [['sexes', null]]],
    ['one party', [man], ALL_DONE, true, [['sexes', null]]],
    ['three parties', [man, woman, party('female', '王芳', '1993-01-01')], ALL_DONE, true, [['sexes', null]]],
    ['same document twice', [man, { ...woman, documentNumber: man.documentNumber }], ALL_DONE, true, [['duplicateParty', null]]],
    ['man has a spouse', [{ ...man, priorStatus: 'married' }, woman], ALL_DONE, true, [['hasSpouse', 0]]],
    ['woman has a spouse', [man, { ...woman, priorStatus: 'married' }], ALL_DONE, true, [['hasSpouse', 1]]],
    ['divorced and widowed may marry', [{ ...man, priorStatus: 'divorced' }, { ...woman, priorStatus: 'widowed' }], ALL_DONE, true, []],
    ['not both present', [man, woman], { ...ALL_DONE, bothPresent: false }, true, [['notPresent', null]]],
    ['declarations not signed', [man, woman], { ...ALL_DONE, declarationsSigned: false }, true, [['declarationMissing', null]]],
    ['photos missing', [man, woman], { ...ALL_DONE, photosProvided: false }, true, [['photosMissing', null]]],
    ['photos missing, not required', [man, woman], { ...ALL_DONE, photosProvided: false }, false, []],
  ];
  it.each(cases)('%s', (_label, parties, checks, photosRequired, expected) => {
    const problems = marriageEligibility({ parties, on: ON, rule: STATUTORY_MARRIAGE_AGE, checks, photosRequired });
    expect(codes(problems)).toEqual(expected);
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('uses the agreed wording for presence and the declaration', () => {
    const problems = marriageEligibility({ parties: [man, woman], on: ON, rule: STATUTORY_MARRIAGE_AGE, checks: { bothPresent: false, declarationsSigned: false, photosProvided: false }, photosRequired: false });
    expect(problems.map((p) => p.message)).toEqual(['双方须亲自到场，不得委托代理', '双方须签署无配偶以及与对方无直系血亲和三代以内旁系血亲关系的声明']);
  });
});

describe('divorceAcceptanceProblems', () => {
  const husband = party('male', '张三', '1990-05-05');
  const wife = party('female', '李娜', '1992-05-05');
  const done = { bothPresent: true, agreementSubmitted: true, certificatesPresented: true };
  const cases: [label: string, parties: PartyFacts[], checks: typeof done, expected: EligibilityCode[]][] = [
    ['all in order', [husband, wife], done, []],
    ['same sex', [husband, { ...wife, sex: 'male' }], done, ['sexes']],
    ['one party', [wife], done, ['sexes']],
    ['same person twice', [husband, { ...husband, sex: 'female', documentNumber: husband.documentNumber }], done, ['duplicateParty']],
    ['one absent', [husband, wife], { ...done, bothPresent: false }, ['notPresent']],
    ['no agreement', [husband, wife], { ...done, agreementSubmitted: false }, ['agreementMissing']],
    ['no certificates', [husband, wife], { ...done, certificatesPresented: false }, ['certificatesMissing']],
    ['nothing', [husband, wife], { bothPresent: false, agreementSubmitted: false, certificatesPresented: false }, ['notPresent', 'agreementMissing', 'certificatesMissing']],
  ];
  it.each(cases)('%s', (_label, parties, checks, expected) => {
    const problems = divorceAcceptanceProblems({ parties, checks });
    expect(problems.map((p) => p.code)).toEqual(expected);
  });

  it('names the agreement and the marriage certificates', () => {
    const problems = divorceAcceptanceProblems({ parties: [husband, wife], checks: { bothPresent: true, agreementSubmitted: false, certificatesPresented: false } });
    expect(problems[0]?.message).toContain('离婚协议书');
    expect(problems[1]?.message).toContain('结婚证');
  });
});

describe('refusal reasons', () => {
  const p = (code: EligibilityCode, party: 0 | 1 | null = null): EligibilityProblem => ({ code, message: '', party });
  const cases: [label: string, problems: EligibilityProblem[], reasons: string[]][] = [
    ['none', [], []],
    ['under age', [p('underAge', 0)], ['underAge']],
    ['both under age: once', [p('underAge', 0), p('underAge', 1)], ['underAge']],
    ['has spouse and absent', [p('notPresent'), p('hasSpouse', 1)], ['hasSpouse', 'notInPerson']],
    ['all three, out of order', [p('notPresent'), p('hasSpouse', 0), p('underAge', 1)], ['underAge', 'hasSpouse', 'notInPerson']],
    ['problems with no implied reason', [p('photosMissing'), p('declarationMissing'), p('sexes'), p('duplicateParty')], []],
  ];
  it.each(cases)('%s', (_label, problems, reasons) => {
    expect(refusalReasonsFor(problems)).toEqual(reasons);
  });

  it('labels every reason, with the legal basis where there is one', () => {
    for (const r of REFUSAL_REASONS) expect(REFUSAL_REASON_LABELS[r]).toMatch(/[\u4e00-\u9fff]/);
    expect(REFUSAL_REASON_LABELS.underAge).toBe('未达法定婚龄（民法典第一千零四十七条）');
    expect(REFUSAL_REASON_LABELS.prohibitedKinship).toBe('属于直系血亲或三代以内旁系血亲（民法典第一千零四十八条）');
  });
});

describe('marriageAgeRuleProblem', () => {
  const cases: [rule: MarriageAgeRule, ok: boolean][] = [
    [STATUTORY_MARRIAGE_AGE, true],
    [{ male: 20, female: 18 }, true],
    [{ male: 23, female: 20 }, false],
    [{ male: 22, female: 21 }, false],
    [{ male: 17, female: 18 }, false],
    [{ male: 20.5, female: 18 }, false],
  ];
  it.each(cases)('%j', (rule, ok) => {
    const problem = marriageAgeRuleProblem(rule);
    if (ok) expect(problem).toBeNull();
    else expect(problem).toMatch(/法定婚龄/);
  });
});

describe('reissueProblems', () => {
  const man = party('male', '张三', '1990-05-05');
  const woman = party('female', '李娜', '1992-05-05');
  const cases: [label: string, parties: PartyFacts[], present: boolean, expected: [EligibilityCode, 0 | 1 | null][]][] = [
    ['one party, present', [woman], true, []],
    ['both parties, present', [man, woman], true, []],
    ['one party, absent', [man], false, [['notPresent', null]]],
    ['no party', [], true, [['sexes', null]]],
    ['two men', [man, { ...woman, sex: 'male' }], true, [['sexes', null]]],
    ['same person twice', [man, { ...man, sex: 'female' }], true, [['duplicateParty', null]]],
    ['three parties', [man, woman, woman], true, [['sexes', null]]],
  ];
  it.each(cases)('%s', (_label, parties, present, expected) => {
    expect(codes(reissueProblems({ parties, checks: { bothPresent: present } }))).toEqual(expected);
  });
});

describe('currentMarriage: has the person a spouse by this ledger?', () => {
  const m = (registeredAt: string, id = registeredAt) => ({ kind: 'marriage' as const, registeredAt, id });
  const d = (registeredAt: string, id = registeredAt) => ({ kind: 'divorce' as const, registeredAt, id });
  const cases: [string, { kind: 'marriage' | 'divorce'; registeredAt: string; id: string }[], string | null][] = [
    ['never registered here', [], null],
    ['married here', [m('2026-03-02T01:00:00.000Z')], '2026-03-02T01:00:00.000Z'],
    ['married, then divorced here', [m('2020-01-01T01:00:00.000Z'), d('2024-01-01T01:00:00.000Z')], null],
    ['divorced here only (married elsewhere)', [d('2024-01-01T01:00:00.000Z')], null],
    ['married, divorced, married again', [m('2010-01-01T01:00:00.000Z'), d('2015-01-01T01:00:00.000Z'), m('2020-01-01T01:00:00.000Z')], '2020-01-01T01:00:00.000Z'],
    ['history out of order', [m('2020-01-01T01:00:00.000Z'), d('2015-01-01T01:00:00.000Z'), m('2010-01-01T01:00:00.000Z')], '2020-01-01T01:00:00.000Z'],
    ['divorce last, out of order', [d('2024-01-01T01:00:00.000Z'), m('2020-01-01T01:00:00.000Z')], null],
  ];
  it.each(cases)('%s', (_label, history, expected) => {
    expect(currentMarriage(history)?.id ?? null).toBe(expected);
  });
});

describe('nationalCheckProblem: both parties checked in 全国婚姻登记信息系统', () => {
  const cases: [string, boolean[], string[], string[]][] = [
    ['both ticked', [true, true], [], []],
    ['none ticked', [false, false], ['男方已在', '女方已在', '全国婚姻登记信息系统'], []],
    ['man only', [true, false], ['女方已在'], ['男方已在']],
    ['woman only', [false, true], ['男方已在'], ['女方已在']],
    ['nothing sent', [], ['男方已在', '女方已在'], []],
  ];
  it.each(cases)('%s', (_label, ticks, contains, absent) => {
    const problem = nationalCheckProblem(ticks);
    if (contains.length === 0) expect(problem).toBeNull();
    for (const c of contains) expect(problem).toContain(c);
    for (const a of absent) expect(problem).not.toContain(a);
  });
});

describe('marriageFormKind: matters the 婚姻登记 forms handle', () => {
  const cases: [string, 'marriage' | 'divorce' | 'reissue' | null][] = [
    ['MAR-REG', 'marriage'],
    ['DIV-REG', 'divorce'],
    ['MAR-REISSUE', 'reissue'],
    ['MAR-RECORD', null],
    ['MZ-DIBAO', null],
    ['constructor', null],
    ['', null],
  ];
  it.each(cases)('%s → %s', (code, kind) => {
    expect(marriageFormKind(code)).toBe(kind);
  });
});
