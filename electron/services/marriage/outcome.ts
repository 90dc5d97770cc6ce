/**
 * What every outcome shares: the new case row with its parties, the contact
 * it closes, the slip's hall/clerk/party lines. Each outcome is one
 * transaction: case, parties, contact, audit and change-log rows, print job.
 */
import type { AuditAction } from '../../../shared/audit/labels';
import type { CivilChecks, CivilKind, CivilStatus, PartyInput } from '../../../shared/api/marriage';
import { DOCUMENT_TYPE_LABELS } from '../../../shared/domain/identity-documents';
import { maskIdNumber, maskName } from '../../../shared/domain/masking';
import { normalizeDocumentNumber } from '../../../shared/domain/identity-documents';
import type { SlipParty } from '../../../shared/print/slips/marriage';
import { CounterError } from '../../../shared/result';
import { actorOf, type ActiveSession, type CallContext, type CoreContext } from '../context';
import { recordChange } from '../db/ledger';
import { newId } from '../ids';
import { contactPayload, contactRow } from '../intake/contact-repo';
import { nextNumber } from '../common/numbering';
import { civilCasePayload, type NationalCheckRecord } from './civil-case-repo';
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
  const used = ctx.db.prepare('SELECT case_no FROM civil_case WHERE contact_id = ?').get(contactId) as { case_no: string } | undefined;
  if (used) throw new CounterError('CONFLICT', `该接待记录已有登记申请 ${used.case_no}，请勿重复办理`);
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

/** Inserts the case and its parties, closes the contact; returns the case id and number. Inside a transaction. */
export function insertCase(ctx: CoreContext, call: CallContext, session: ActiveSession, c: NewCase, action: AuditAction, at: string): { id: string; caseNo: string } {
  const id = newId();
  const caseNo = nextNumber(ctx, 'HY', at);
  const origin = ctx.origin();
  const registered = c.status === 'registered';
  ctx.db
    .prepare(
      `INSERT INTO civil_case (id, hall_id, window_no, case_no, kind, status, contact_id, received_by, received_at, checks, details,
         certificate_no, registered_at, registrar_id, refusal_reasons, refusal_note, national_check, marriage_certificate_nos, marriage_case_id,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      origin.hallId,
      origin.windowNo,
      caseNo,
      c.kind,
      c.status,
      c.contactId,
      session.staffId,
      at,
      JSON.stringify(c.checks),
      JSON.stringify(c.details ?? {}),
      c.certificateNo ?? null,
      registered ? at : null,
      registered ? session.staffId : null,
      c.refusal ? JSON.stringify(c.refusal.reasons) : null,
      c.refusal ? c.refusal.note : null,
      c.nationalCheck ? JSON.stringify(c.nationalCheck) : null,
      c.marriage ? JSON.stringify(c.marriage.certificateNos) : null,
      c.marriage?.caseId ?? null,
      at,
      at,
    );
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
  ctx.db.prepare("UPDATE contact SET status = 'closed', closed_at = ?, close_reason = ?, updated_at = ? WHERE id = ?").run(at, reason, at, contactId);
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
