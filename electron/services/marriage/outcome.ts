/**
 * What every outcome shares: the new case row with its parties, the contact
 * it closes, the slip's hall/clerk/party lines. Each outcome is one write
 * (in the dispatcher's transaction): case, parties, contact, audit and
 * change-log rows, print job.
 */
import type { AuditAction } from '../../../shared/audit/labels';
import type { CivilChecks, CivilKind, CivilStatus, PartyInput } from '../../../shared/api/marriage';
import { DOCUMENT_TYPE_LABELS } from '../../../shared/domain/identity-documents';
import { maskIdNumber, maskName } from '../../../shared/domain/masking';
import { normalizeDocumentNumber } from '../../../shared/domain/identity-documents';
import type { SlipParty } from '../../../shared/print/slips/marriage';
import { CounterError } from '../../../shared/result';
import { actorOf, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { recordChange } from '../db/ledger';
import { newId } from '../core/ids';
import { nextNumber } from '../common/numbering';
import { closeContactWith, contactPayload, contactRow } from '../intake/contact-repo';
import { caseNoOfContact, insertCivilCase, type NationalCheckRecord } from './civil-case-repo';
import { civilCasePayload } from './civil-case-view';
import { KIND_LABELS } from './civil-form';
import { insertParties } from './party-repo';

/** The catalogue item each kind of application belongs to (default catalogue codes). */
const ITEM_OF_KIND: Record<CivilKind, string> = { marriage: 'MAR-REG', divorce: 'DIV-REG', reissue: 'MAR-REISSUE' };

/** The contact the application came from (check-in or walk-in) must be this kind's and still in progress. */
export function assertContactFits(ctx: CoreContext, contactId: string | null, kind: CivilKind): void {
  if (contactId === null) return;
  const contact = contactRow(ctx.db, contactId);
  if (contact.item_code !== ITEM_OF_KIND[kind]) {
    throw new CounterError('CONFLICT', `该接待记录办理的是“${contact.item_name}”，不是${KIND_LABELS[kind]}，请核对后重新选择登记类别`);
  }
  if (contact.status !== 'open' && contact.status !== 'notified') {
    throw new CounterError('CONFLICT', '该接待记录已经办结或结束，请重新接待');
  }
  const used = caseNoOfContact(ctx.db, contactId);
  if (used !== undefined) throw new CounterError('CONFLICT', `该接待记录已有登记申请 ${used}，请勿重复办理`);
}

export interface NewCase {
  kind: CivilKind;
  status: CivilStatus;
  contactId: string | null;
  parties: readonly PartyInput[];
  checks: CivilChecks;
  details?: Record<string, unknown>;
  certificateNo?: string;
  refusal?: { reasons: string[]; note: string };
  nationalCheck?: NationalCheckRecord;
  /** Divorce: the marriage certificate number(s) presented and the ledger's marriage of the couple, if any. */
  marriage?: { certificateNos: string[]; caseId: string | null };
}

/** Inserts the case and its parties, closes the contact; returns the case id and number. Inside the write's transaction. */
export function insertCase(ctx: CoreContext, call: CallContext, session: ActiveSession, c: NewCase, action: AuditAction, at: string): { id: string; caseNo: string } {
  const id = newId();
  const caseNo = nextNumber(ctx, 'HY', at);
  const origin = ctx.origin();
  insertCivilCase(ctx.db, origin, {
    id,
    caseNo,
    kind: c.kind,
    status: c.status,
    contactId: c.contactId,
    receivedBy: session.staffId,
    checks: JSON.stringify(c.checks),
    details: JSON.stringify(c.details ?? {}),
    certificateNo: c.certificateNo ?? null,
    registrarId: c.status === 'registered' ? session.staffId : null,
    refusalReasons: c.refusal ? JSON.stringify(c.refusal.reasons) : null,
    refusalNote: c.refusal ? c.refusal.note : null,
    nationalCheck: c.nationalCheck ? JSON.stringify(c.nationalCheck) : null,
    marriageCertificateNos: c.marriage ? JSON.stringify(c.marriage.certificateNos) : null,
    marriageCaseId: c.marriage?.caseId ?? null,
    at,
  });
  insertParties(ctx, id, c.parties, at);
  recordChange(ctx.db, origin, actorOf(call), at, {
    action,
    entity: 'civil_case',
    entityId: id,
    op: 'insert',
    payload: civilCasePayload(ctx, id),
    // the national check (联网核查) is recorded in the audit trail, never on a slip
    ...(c.nationalCheck ? { detail: { nationalCheck: c.nationalCheck } } : {}),
  });
  if (c.contactId !== null) closeContact(ctx, call, c.contactId, `${KIND_LABELS[c.kind]}：${caseNo}`, action, at);
  return { id, caseNo };
}

function closeContact(ctx: CoreContext, call: CallContext, contactId: string, reason: string, action: AuditAction, at: string): void {
  closeContactWith(ctx.db, contactId, reason, at);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, { action, entity: 'contact', entityId: contactId, op: 'update', payload: contactPayload(ctx.db, contactId) });
}

/** The parties as printed: 男方/女方 (申请人 for a one-party reissue), masked name and document. */
export function slipParties(kind: CivilKind, parties: readonly Pick<PartyInput, 'documentType' | 'name' | 'sex'>[], masked: readonly string[]): SlipParty[] {
  return parties.map((p, i) => ({
    role: kind === 'reissue' && parties.length === 1 ? '申请人' : p.sex === 'male' ? '男方' : '女方',
    name: maskName(p.name),
    document: `${DOCUMENT_TYPE_LABELS[p.documentType]} ${masked[i] ?? ''}`,
  }));
}

/** Masked document numbers of a form, for slips printed in the same transaction. */
export function maskedNumbers(parties: readonly PartyInput[]): string[] {
  return parties.map((p) => maskIdNumber(normalizeDocumentNumber(p.documentNumber)));
}

/** 登记机关 as printed on slips. */
export function officeName(ctx: CoreContext): string {
  return ctx.settings.get().hallName;
}
