/**
 * What this ledger knows about a person's marriages: their registered
 * marriages and divorces, looked up by the document vault's keyed hash (the
 * numbers are stored sealed). Read inside the transaction of the write the
 * answer guards.
 */
import type { PartyInput } from '../../../shared/api/marriage';
import { chineseDate } from '../../../shared/domain/plain-date';
import { normalizeDocumentNumber } from '../../../shared/domain/identity-documents';
import { maskName } from '../../../shared/domain/masking';
import { currentMarriage, type EligibilityProblem, type RegistryEvent } from '../../../shared/domain/marriage-rules';
import { hallDate } from '../../../shared/domain/hall-time';
import type { CoreContext } from '../core/context';
import { registrationsOf } from './party-repo';

export interface LedgerRegistration extends RegistryEvent {
  caseId: string;
  certificateNo: string;
  /** The other party of that registration. */
  partnerHash: string | null;
  partnerName: string;
  partnerMasked: string;
}

export function documentHash(ctx: CoreContext, documentNumber: string): string {
  return ctx.vault.lookupHash(normalizeDocumentNumber(documentNumber));
}

/** Every registered marriage and divorce of this ledger in which the person is a party. */
export function registryHistory(ctx: CoreContext, hash: string): LedgerRegistration[] {
  return registrationsOf(ctx.db, hash).map((r) => ({ ...r, partnerName: r.partnerName ?? '', partnerMasked: r.partnerMasked ?? '' }));
}

/** The person's marriage in this ledger that has not been dissolved here, or null. */
export function ledgerMarriage(ctx: CoreContext, documentNumber: string): LedgerRegistration | null {
  return currentMarriage(registryHistory(ctx, documentHash(ctx, documentNumber)));
}

/** 男方张伟, 女方李娜: the party as messages name them. */
export function side(party: Pick<PartyInput, 'sex' | 'name'>): string {
  return `${party.sex === 'male' ? '男方' : party.sex === 'female' ? '女方' : '当事人'}${party.name.trim()}`;
}

/** The earlier registration as the clerk reads it: date, certificate number, masked partner. */
export function describeMarriage(m: LedgerRegistration): string {
  return `已于${chineseDate(hallDate(m.registeredAt))}在本登记处登记结婚（结婚证字号 ${m.certificateNo}，配偶 ${maskName(m.partnerName)} ${m.partnerMasked}）`;
}

/** 结婚登记: a party whose last registration here is a marriage has a spouse. */
export function spouseProblems(ctx: CoreContext, parties: readonly PartyInput[]): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  parties.slice(0, 2).forEach((party, i) => {
    const marriage = ledgerMarriage(ctx, party.documentNumber);
    if (marriage) {
      problems.push({ code: 'hasSpouse', message: `${side(party)}有配偶：${describeMarriage(marriage)}，有配偶者不能办理结婚登记`, party: i === 0 ? 0 : 1 });
    }
  });
  return problems;
}

/** 离婚登记: a party married here to someone else cannot divorce the other party. */
export function divorceCoupleProblems(ctx: CoreContext, parties: readonly PartyInput[]): EligibilityProblem[] {
  const [a, b] = parties;
  if (a === undefined || b === undefined) return [];
  const hashes = [documentHash(ctx, a.documentNumber), documentHash(ctx, b.documentNumber)];
  const problems: EligibilityProblem[] = [];
  [a, b].forEach((party, i) => {
    const marriage = currentMarriage(registryHistory(ctx, hashes[i] ?? ''));
    if (marriage && marriage.partnerHash !== hashes[1 - i]) {
      problems.push({
        code: 'spouseElsewhere',
        message: `${side(party)}${describeMarriage(marriage)}，配偶不是本次申请的另一方，请核对当事人和结婚证`,
        party: i === 0 ? 0 : 1,
      });
    }
  });
  return problems;
}

/** The couple's marriage in this ledger (both parties' undissolved marriage, to each other), or null. */
export function coupleMarriage(ctx: CoreContext, parties: readonly PartyInput[]): LedgerRegistration | null {
  const [a, b] = parties;
  if (a === undefined || b === undefined) return null;
  const marriage = ledgerMarriage(ctx, a.documentNumber);
  return marriage && marriage.partnerHash === documentHash(ctx, b.documentNumber) ? marriage : null;
}
