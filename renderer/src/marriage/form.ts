/** The marriage form's state, blank values and the conversions to the API's request shapes. */
import type { CivilChecks, CivilKind, PartyInput, ReissueDetails, StartParty } from '../../../shared/api/marriage';
import { CHINA, resolveEthnicity, type EducationLevel, type PartyFacts, type PartyField, type PriorStatus } from '../../../shared/domain/civil-party';
import { parseResidentId } from '../../../shared/domain/id-number';
import { normalizeDocumentNumber, type DocumentType, type Sex } from '../../../shared/domain/identity-documents';

export interface PartyForm {
  documentType: DocumentType;
  documentNumber: string;
  name: string;
  sex: Sex | '';
  birthDate: string;
  nationality: string;
  ethnicity: string;
  occupation: string;
  education: EducationLevel | '';
  priorStatus: PriorStatus | '';
  phone: string;
  address: string;
}

export interface ReissueForm {
  originalKind: 'marriage' | 'divorce';
  originalDate: string;
  originalCertificateNo: string;
  reason: string;
}

/** The order of the fields in a party card: tab order, Enter order and the order problems are listed. */
export const PARTY_FIELDS: readonly PartyField[] = [
  'documentType',
  'documentNumber',
  'name',
  'sex',
  'birthDate',
  'nationality',
  'ethnicity',
  'occupation',
  'education',
  'priorStatus',
  'phone',
  'address',
];

export const PARTY_FIELD_LABELS: Record<PartyField, string> = {
  documentType: '证件类型',
  documentNumber: '证件号码',
  name: '姓名',
  sex: '性别',
  birthDate: '出生日期',
  nationality: '国籍',
  ethnicity: '民族',
  occupation: '职业',
  education: '文化程度',
  priorStatus: '婚姻状况',
  phone: '联系电话',
  address: '住址',
};

export const KIND_LABELS: Record<CivilKind, string> = {
  marriage: '结婚登记',
  divorce: '离婚登记',
  reissue: '补领婚姻登记证',
};

/** A contact carried into the form from 今日预约 or 接待受理, with the parties the core knows. */
export interface ServiceStart {
  /** null: a ticket called at the window with no contact yet (the form of its matter, filled from the ID card). */
  contactId: string | null;
  itemCode: string;
  parties: StartParty[];
}

export function blankParty(): PartyForm {
  return {
    documentType: 'residentId',
    documentNumber: '',
    name: '',
    sex: '',
    birthDate: '',
    nationality: CHINA,
    ethnicity: '',
    occupation: '',
    education: '',
    priorStatus: '',
    phone: '',
    address: '',
  };
}

/**
 * The form's party cards for a start: names, document numbers and phones
 * carried over, birth date and sex from a resident ID number; for marriage
 * and divorce the man's card first (the cards are 男方, 女方).
 */
export function partiesFromStart(kind: CivilKind, carried: readonly StartParty[], today: string | null): PartyForm[] {
  const count = kind === 'reissue' ? Math.min(2, Math.max(1, carried.length)) : 2;
  const cards = Array.from({ length: count }, (_, i) => {
    const c = carried[i];
    const card = c ? { ...blankParty(), name: c.name, documentType: c.documentType, documentNumber: normalizeDocumentNumber(c.documentNumber), phone: c.phone } : blankParty();
    return fillFromResidentId(card, today);
  });
  const [first, second] = cards;
  if (kind !== 'reissue' && first && second && first.sex === 'female' && second.sex !== 'female') return [second, first];
  return cards;
}

/** Marriage certificate numbers as typed: one, or two separated by a comma, 、 or a space. */
export function splitCertificateNumbers(typed: string): string[] {
  return typed
    .split(/[\s,，、;；]+/)
    .map((n) => n.trim().toUpperCase())
    .filter((n) => n !== '');
}

export function blankReissue(): ReissueForm {
  return { originalKind: 'marriage', originalDate: '', originalCertificateNo: '', reason: '' };
}

export const BLANK_CHECKS: CivilChecks = {
  bothPresent: false,
  declarationsSigned: false,
  photosProvided: false,
  agreementSubmitted: false,
  certificatesPresented: false,
};

/** Which checkboxes each kind shows, with their labels. */
export const CHECK_LABELS: Record<CivilKind, { key: keyof CivilChecks; label: string }[]> = {
  marriage: [
    { key: 'bothPresent', label: '男女双方亲自到场' },
    { key: 'declarationsSigned', label: '双方已签署无配偶及无禁止结婚亲属关系的声明' },
    { key: 'photosProvided', label: '已收取双方合影照片' },
  ],
  divorce: [
    { key: 'bothPresent', label: '男女双方亲自到场' },
    { key: 'agreementSubmitted', label: '已提交双方签名的离婚协议书' },
    { key: 'certificatesPresented', label: '已出示双方结婚证' },
  ],
  reissue: [{ key: 'bothPresent', label: '当事人亲自到场' }],
};

/** '男方' / '女方' for marriage and divorce; '当事人一' / '当事人二' for a replacement. */
export function partyTitle(kind: CivilKind, index: number): string {
  if (kind === 'reissue') return index === 0 ? '当事人一' : '当事人二';
  return index === 0 ? '男方' : '女方';
}

/**
 * The form as the pure domain checks read it (empty selects stay empty and
 * are reported); 民族 as the group it names (汉 → 汉族), the same for the
 * field's own check, the live check and the submit.
 */
export function asFacts(p: PartyForm): PartyFacts {
  return { ...p, sex: p.sex as Sex, education: p.education as EducationLevel, priorStatus: p.priorStatus as PriorStatus, ethnicity: resolveEthnicity(p.ethnicity) };
}

/** The request shape; the core validates it again. */
export function toPartyInput(p: PartyForm): PartyInput {
  return {
    ...asFacts(p),
    documentNumber: normalizeDocumentNumber(p.documentNumber),
    name: p.name.trim(),
    birthDate: p.birthDate.trim(),
    nationality: p.nationality.trim(),
    occupation: p.occupation.trim(),
    phone: p.phone.trim(),
    address: p.address.trim(),
  };
}

export function toReissue(r: ReissueForm): ReissueDetails {
  return { originalKind: r.originalKind, originalDate: r.originalDate.trim(), originalCertificateNo: r.originalCertificateNo.trim(), reason: r.reason.trim() };
}

/** '19900501' → '1990-05-01'; anything else unchanged. */
export function normalizeDateTyping(value: string): string {
  const v = value.trim().replace(/[./年月]/g, '-').replace(/日$/, '');
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (loose) return `${loose[1]}-${loose[2]!.padStart(2, '0')}-${loose[3]!.padStart(2, '0')}`;
  return value;
}

/**
 * After a resident ID number is typed or read: the birth date and sex it
 * holds fill the fields that are still empty (a filled field that disagrees
 * is reported by the checks, not overwritten).
 */
export function fillFromResidentId(p: PartyForm, today: string | null): PartyForm {
  if (p.documentType !== 'residentId' || today === null) return p;
  const parsed = parseResidentId(p.documentNumber, today);
  if (!parsed.ok) return p;
  return {
    ...p,
    birthDate: p.birthDate.trim() === '' ? parsed.value.birthDate : p.birthDate,
    sex: p.sex === '' ? parsed.value.sex : p.sex,
  };
}

/** A reading from the card reader: the document is a resident ID card, and the card's number wins. */
export function applyCardReading(p: PartyForm, number: string, today: string | null): PartyForm {
  const normalized = normalizeDocumentNumber(number);
  const next: PartyForm = { ...p, documentType: 'residentId', documentNumber: normalized };
  if (today === null) return next;
  const parsed = parseResidentId(normalized, today);
  if (!parsed.ok) return next;
  return { ...next, birthDate: parsed.value.birthDate, sex: parsed.value.sex, nationality: p.nationality.trim() === '' ? CHINA : p.nationality };
}
