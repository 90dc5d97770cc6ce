/**
 * Checks a registration form against the rules of its kind on the day it is
 * handled: each party's fields (document number, derived birth date and sex,
 * nationality and ethnicity), then eligibility (ages, presence, declarations,
 * photos, agreement). Pure rules from shared/domain; settings from the store.
 */
import type { CivilChecks, CivilKind, PartyInput } from '../../../shared/api/marriage';
import { partyProblems } from '../../../shared/domain/civil-party';
import { checkDocumentNumber } from '../../../shared/domain/identity-documents';
import {
  divorceAcceptanceProblems,
  fullYears,
  marriageEligibility,
  refusalReasonsFor,
  reissueProblems,
  type EligibilityProblem,
  type RefusalReason,
} from '../../../shared/domain/marriage-rules';
import { CounterError } from '../../../shared/result';
import type { CoreContext } from '../core/context';
import { coupleMarriage, divorceCoupleProblems, spouseProblems } from './registry';

export const KIND_LABELS: Record<CivilKind, string> = { marriage: '结婚登记', divorce: '离婚登记', reissue: '补领婚姻登记证' };

export interface FieldProblem {
  party: 0 | 1;
  field: string;
  message: string;
}

export interface FormReview {
  fieldProblems: FieldProblem[];
  problems: EligibilityProblem[];
  suggestedRefusals: RefusalReason[];
  derived: { birthDate: string | null; sex: 'male' | 'female' | null; age: number | null; warnings: string[] }[];
  /** Divorce: the couple's marriage registered in this ledger, to fill in the marriage certificate number. */
  ledgerMarriage: { certificateNo: string; registeredAt: string } | null;
}

/** The rules of the kind, then what this ledger's registrations (keyed-hash lookups) and the hall's say about the parties. */
function eligibility(ctx: CoreContext, kind: CivilKind, parties: readonly PartyInput[], checks: CivilChecks, today: string, hall: readonly EligibilityProblem[]): EligibilityProblem[] {
  if (kind === 'divorce') return [...divorceAcceptanceProblems({ parties, checks }), ...divorceCoupleProblems(ctx, parties)];
  if (kind === 'reissue') return reissueProblems({ parties, checks });
  const s = ctx.settings.get();
  const problems = marriageEligibility({
    parties,
    on: today,
    rule: { male: s.marriageAgeMale, female: s.marriageAgeFemale },
    checks,
    photosRequired: s.marriagePhotosRequired,
  });
  // a party who typed 有配偶 is already reported; the ledger names the registration otherwise, else the hall
  const stated = new Set(problems.filter((p) => p.code === 'hasSpouse').map((p) => p.party));
  const ledger = spouseProblems(ctx, parties).filter((p) => !stated.has(p.party));
  const known = new Set([...stated, ...ledger.map((p) => p.party)]);
  return [...problems, ...ledger, ...hall.filter((p) => !known.has(p.party))];
}

/** Everything wrong with the form today, for the live check and before any outcome is recorded; hall: the hall's answer (./hall-registry.ts). */
export function reviewForm(
  ctx: CoreContext,
  kind: CivilKind,
  parties: readonly PartyInput[],
  checks: CivilChecks,
  today: string,
  hall: readonly EligibilityProblem[] = [],
): FormReview {
  const fieldProblems: FieldProblem[] = [];
  parties.forEach((party, i) => {
    const position = i === 0 ? 0 : 1;
    for (const [field, message] of Object.entries(partyProblems(party, today))) fieldProblems.push({ party: position, field, message });
  });
  // the rules of each kind include the number of parties (two, or one or two for a reissue)
  const problems = eligibility(ctx, kind, parties, checks, today, hall);
  const derived = parties.map((party) => {
    const doc = checkDocumentNumber(party.documentType, party.documentNumber, today);
    const birthDate = doc.ok ? doc.birthDate : null;
    return {
      birthDate,
      sex: doc.ok ? doc.sex : null,
      age: birthDate ? fullYears(birthDate, today) : null,
      warnings: doc.ok ? doc.warnings : [],
    };
  });
  const marriage = kind === 'divorce' ? coupleMarriage(ctx, parties) : null;
  return {
    fieldProblems,
    problems,
    suggestedRefusals: refusalReasonsFor(problems),
    derived,
    ledgerMarriage: marriage ? { certificateNo: marriage.certificateNo, registeredAt: marriage.registeredAt } : null,
  };
}

function fieldsOf(review: FormReview): Record<string, string> {
  return Object.fromEntries(review.fieldProblems.map((p) => [`parties.${p.party}.${p.field}`, p.message]));
}

/** Refuses a form whose fields are wrong (a refusal needs correct identities too). */
export function assertPartiesValid(review: FormReview): void {
  const first = review.fieldProblems[0];
  if (!first) return;
  const who = (p: FieldProblem): string => `第 ${p.party + 1} 位当事人`;
  const shown = review.fieldProblems.slice(0, 3).map((p) => `${who(p)}：${p.message}`);
  const more = review.fieldProblems.length > 3 ? `（另有 ${review.fieldProblems.length - 3} 处问题）` : '';
  throw new CounterError('VALIDATION', `请检查输入：${shown.join('；')}${more}`, fieldsOf(review));
}

/** Refuses to register (or accept) while any rule is not met; the clerk then fixes it or refuses in writing. */
export function assertEligible(kind: CivilKind, review: FormReview): void {
  assertPartiesValid(review);
  if (review.problems.length === 0) return;
  const shown = review.problems.map((p) => p.message).join('；');
  throw new CounterError('CONFLICT', `不符合${KIND_LABELS[kind]}条件：${shown}。请补正后再办理；确不符合条件的，请选择“不予登记”并出具告知书。`);
}
