import { describe, expect, it } from 'vitest';
import {
  CHINA,
  duplicatePartyProblem,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  ETHNIC_GROUPS,
  partyProblems,
  PRIOR_STATUS_LABELS,
  PRIOR_STATUSES,
  SEX_LABELS,
  type PartyFacts,
  type PartyField,
} from '../../shared/domain/civil-party';

const CHINESE = /[\u4e00-\u9fff]/;
const TODAY = '2026-03-02';

/** A valid party: 李娜, female, born 1949-12-31, resident ID. */
const WOMAN: PartyFacts = {
  documentType: 'residentId',
  documentNumber: '11010519491231002X',
  name: '李娜',
  sex: 'female',
  birthDate: '1949-12-31',
  nationality: CHINA,
  ethnicity: '汉族',
  occupation: '教师',
  education: 'bachelor',
  priorStatus: 'unmarried',
  phone: '13800138000',
  address: '北京市朝阳区建国路 1 号',
};

const MAN: PartyFacts = {
  ...WOMAN,
  documentNumber: '320583198001010016',
  name: '张三',
  sex: 'male',
  birthDate: '1980-01-01',
  ethnicity: '回族',
};

const FOREIGNER: PartyFacts = {
  ...WOMAN,
  documentType: 'passport',
  documentNumber: 'X1234567',
  name: 'Anna Schmidt',
  birthDate: '1995-06-30',
  nationality: '德国',
  ethnicity: '',
};

describe('reference lists', () => {
  it('has the 56 ethnic groups, distinct, in GB 3304 order', () => {
    expect(ETHNIC_GROUPS).toHaveLength(56);
    expect(new Set(ETHNIC_GROUPS).size).toBe(56);
    expect(ETHNIC_GROUPS[0]).toBe('汉族');
    expect(ETHNIC_GROUPS[1]).toBe('蒙古族');
    expect(ETHNIC_GROUPS[21]).toBe('畲族');
    expect(ETHNIC_GROUPS[55]).toBe('基诺族');
    for (const group of ETHNIC_GROUPS) expect(group).toMatch(/族$/);
  });

  it('labels every education level, prior status and sex in Chinese', () => {
    expect(EDUCATION_LEVELS.map((e) => EDUCATION_LABELS[e])).toEqual(['研究生', '大学本科', '大学专科', '中专/高中', '初中', '小学', '其他']);
    expect(PRIOR_STATUSES.map((s) => PRIOR_STATUS_LABELS[s])).toEqual(['未婚', '有配偶', '离婚', '丧偶']);
    expect(SEX_LABELS).toEqual({ male: '男', female: '女' });
  });
});

describe('partyProblems: fine', () => {
  const fine: [label: string, party: PartyFacts][] = [
    ['resident ID holder', WOMAN],
    ['man with a lower-case-x-free number typed with spaces', { ...MAN, documentNumber: ' 320583 19800101 0016 ' }],
    ['lower-case x in the number', { ...WOMAN, documentNumber: '11010519491231002x' }],
    ['passport holder, foreign', FOREIGNER],
    ['passport holder, Chinese national', { ...FOREIGNER, name: '王五', nationality: CHINA, ethnicity: '壮族' }],
    ['Hong Kong resident', { ...MAN, documentType: 'hkMacaoPermit', documentNumber: 'H12345678', ethnicity: '汉族' }],
    ['Taiwan resident', { ...MAN, documentType: 'taiwanPermit', documentNumber: '12345678', ethnicity: '高山族' }],
    ['foreign permanent resident', { ...FOREIGNER, documentType: 'foreignPermanentId', documentNumber: '931240200001011236', birthDate: '2000-01-01', nationality: '美国' }],
    ['no phone, no address, no occupation', { ...WOMAN, phone: '', address: '', occupation: '' }],
    ['landline phone', { ...WOMAN, phone: '010-65001234' }],
    ['born today', { ...FOREIGNER, birthDate: TODAY }],
    ['40-character name', { ...FOREIGNER, name: 'A'.repeat(40) }],
  ];
  it.each(fine)('%s', (_label, party) => {
    expect(partyProblems(party, TODAY)).toEqual({});
  });
});

describe('partyProblems: problems', () => {
  const cases: [label: string, party: PartyFacts, field: PartyField, problem: RegExp][] = [
    ['no name', { ...WOMAN, name: '  ' }, 'name', /^请填写姓名$/],
    ['41-character name', { ...FOREIGNER, name: 'A'.repeat(41) }, 'name', /不能超过 40 个字/],
    ['no document number', { ...WOMAN, documentNumber: '' }, 'documentNumber', /^请填写证件号码$/],
    ['wrong check character', { ...WOMAN, documentNumber: '110105194912310021' }, 'documentNumber', /校验位不符/],
    ['bad HK permit', { ...MAN, documentType: 'hkMacaoPermit', documentNumber: 'H123' }, 'documentNumber', /港澳居民来往内地通行证号码应为/],
    ['sex contradicts the ID number', { ...WOMAN, sex: 'male' }, 'sex', /^性别与居民身份证号码不符：号码第 17 位表示女性，请核对$/],
    ['sex contradicts (man)', { ...MAN, sex: 'female' }, 'sex', /号码第 17 位表示男性/],
    ['birth date contradicts the ID number', { ...WOMAN, birthDate: '1949-12-30' }, 'birthDate', /^出生日期与证件号码不符：号码中为 1949年12月31日，请核对$/],
    ['birth date contradicts a foreign permanent ID', { ...FOREIGNER, documentType: 'foreignPermanentId', documentNumber: '931240200001011236', birthDate: '2000-01-02' }, 'birthDate', /号码中为 2000年1月1日/],
    ['no birth date', { ...FOREIGNER, birthDate: '' }, 'birthDate', /^请填写出生日期$/],
    ['birth date not a real day', { ...FOREIGNER, birthDate: '2026-02-30' }, 'birthDate', /^出生日期 2026-02-30 不是真实存在的日期$/],
    ['birth date badly written', { ...FOREIGNER, birthDate: '1995/6/30' }, 'birthDate', /年-月-日/],
    ['birth date in the future', { ...FOREIGNER, birthDate: '2026-03-03' }, 'birthDate', /晚于今天/],
    ['resident ID holder not Chinese', { ...WOMAN, nationality: '美国', ethnicity: '' }, 'nationality', /持居民身份证的当事人是中国公民，国籍应为“中国”/],
    ['HK resident written as 香港', { ...MAN, documentType: 'hkMacaoPermit', documentNumber: 'H12345678', nationality: '中国香港', ethnicity: '' }, 'nationality', /港澳居民来往内地通行证.*国籍应为“中国”/],
    ['Taiwan resident written as 台湾', { ...MAN, documentType: 'taiwanPermit', documentNumber: '12345678', nationality: '台湾', ethnicity: '' }, 'nationality', /台湾居民来往大陆通行证/],
    ['foreign permanent resident written as Chinese', { ...FOREIGNER, documentType: 'foreignPermanentId', documentNumber: '931240200001011236', birthDate: '2000-01-01', nationality: CHINA, ethnicity: '汉族' }, 'nationality', /外国人永久居留身份证.*不能是“中国”/],
    ['no nationality', { ...FOREIGNER, nationality: '' }, 'nationality', /^请填写国籍$/],
    ['Chinese without ethnicity', { ...WOMAN, ethnicity: '' }, 'ethnicity', /^请选择民族（56 个民族之一）$/],
    ['Chinese with ethnicity without 族', { ...WOMAN, ethnicity: '汉' }, 'ethnicity', /56 个民族之一/],
    ['Chinese with an unknown ethnicity', { ...WOMAN, ethnicity: '穿青人' }, 'ethnicity', /56 个民族之一/],
    ['foreigner with an ethnicity', { ...FOREIGNER, ethnicity: '汉族' }, 'ethnicity', /外国国籍的当事人不填写民族/],
    ['bad phone', { ...WOMAN, phone: '138-abc' }, 'phone', /联系电话/],
    ['occupation too long', { ...WOMAN, occupation: '职'.repeat(41) }, 'occupation', /职业不能超过/],
    ['address too long', { ...WOMAN, address: '路'.repeat(101) }, 'address', /住址不能超过/],
    ['unknown education', { ...WOMAN, education: 'phd' as PartyFacts['education'] }, 'education', /文化程度/],
    ['unknown prior status', { ...WOMAN, priorStatus: 'single' as PartyFacts['priorStatus'] }, 'priorStatus', /婚姻状况/],
    ['unknown document type', { ...WOMAN, documentType: 'card' as PartyFacts['documentType'] }, 'documentType', /证件类型/],
  ];
  it.each(cases)('%s', (_label, party, field, problem) => {
    const problems = partyProblems(party, TODAY);
    expect(Object.keys(problems)).toEqual([field]);
    expect(problems[field]).toMatch(problem);
    expect(problems[field]).toMatch(CHINESE);
  });

  it('reports several fields at once', () => {
    const problems = partyProblems({ ...WOMAN, name: '', sex: 'male', ethnicity: '' }, TODAY);
    expect(Object.keys(problems).sort()).toEqual(['ethnicity', 'name', 'sex']);
  });

  it('does not compare the birth date with a number that is itself wrong', () => {
    const problems = partyProblems({ ...WOMAN, documentNumber: '110105194912310021', birthDate: '1990-01-01' }, TODAY);
    expect(Object.keys(problems)).toEqual(['documentNumber']);
  });
});

describe('duplicatePartyProblem', () => {
  const cases: [label: string, a: PartyFacts, b: PartyFacts, duplicate: RegExp | null][] = [
    ['two different people', WOMAN, MAN, null],
    ['same document number', WOMAN, { ...MAN, documentNumber: '11010519491231002X' }, /证件号码相同/],
    ['same number, different spelling', WOMAN, { ...MAN, documentNumber: ' 11010519491231002x' }, /证件号码相同/],
    ['same name, birth date and sex', WOMAN, { ...WOMAN, documentType: 'passport', documentNumber: 'E12345678' }, /姓名、性别和出生日期完全相同/],
    ['same name and birth date, other sex', WOMAN, { ...WOMAN, documentType: 'passport', documentNumber: 'E12345678', sex: 'male' }, null],
    ['same name, other birth date', WOMAN, { ...WOMAN, documentType: 'passport', documentNumber: 'E12345678', birthDate: '1950-01-01' }, null],
    ['both numbers empty, other people', { ...WOMAN, documentNumber: '' }, { ...MAN, documentNumber: '' }, null],
  ];
  it.each(cases)('%s', (_label, a, b, duplicate) => {
    const problem = duplicatePartyProblem(a, b);
    if (duplicate === null) expect(problem).toBeNull();
    else expect(problem).toMatch(duplicate);
    expect(duplicatePartyProblem(b, a)).toEqual(problem);
  });
});
