/** Turning civil_case rows into the contract's CivilCase, and the divorce periods of a case. */
import type { CivilCase, CivilChecks, ReissueDetails } from '../../../shared/api/marriage';
import { divorceDeadlines, divorceStage, type DivorceDeadlines } from '../../../shared/domain/divorce-periods';
import { REFUSAL_REASON_LABELS, type RefusalReason } from '../../../shared/domain/marriage-rules';
import { daysBetween } from '../../../shared/domain/plain-date';
import type { WorkCalendar } from '../../../shared/domain/working-days';
import { hallDate } from '../../../shared/domain/hall-time';
import type { CoreContext } from '../core/context';
import { staffById } from '../staff/staff-repo';
import { civilCaseRow, type CivilCaseRow, type NationalCheckRecord } from './civil-case-repo';
import { partiesOf, partyHashesOf } from './party-repo';

/** The divorce periods of a case, from the day it was received and today's calendar (overrides entered later count). */
export function deadlinesOf(cal: WorkCalendar, row: Pick<CivilCaseRow, 'received_at'>): DivorceDeadlines {
  return divorceDeadlines(cal, hallDate(row.received_at));
}

function person(ctx: CoreContext, staffId: string | null): { name: string; staffNo: string } | null {
  if (!staffId) return null;
  const staff = staffById(ctx.db, staffId);
  return { name: staff?.name ?? '', staffNo: staff?.staff_no ?? '' };
}

function divorceView(cal: WorkCalendar, row: CivilCaseRow, today: string): CivilCase['divorce'] {
  if (row.kind !== 'divorce' || row.status === 'refused') return null;
  const deadlines = deadlinesOf(cal, row);
  const { coolingOffEnd, certificateDeadline } = deadlines;
  const pending = 'pending' in coolingOffEnd ? coolingOffEnd : 'pending' in certificateDeadline ? certificateDeadline : null;
  const deadlineDate = 'date' in certificateDeadline ? certificateDeadline.date : null;
  return {
    coolingOffEnd: 'date' in coolingOffEnd ? coolingOffEnd.date : null,
    certificateDeadline: deadlineDate,
    pendingReason: pending ? pending.reason : null,
    stage: divorceStage(deadlines, today),
    daysLeft: deadlineDate ? daysBetween(today, deadlineDate) : null,
    withdrawnAt: row.withdrawn_at,
    withdrawnByParty: row.withdrawn_by_party,
    deemedWithdrawnAt: row.deemed_withdrawn_at,
  };
}

function nationalCheckView(ctx: CoreContext, stored: string | null): CivilCase['nationalCheck'] {
  if (stored === null) return null;
  const record = JSON.parse(stored) as NationalCheckRecord;
  return { checkedAt: record.checkedAt, checkedBy: person(ctx, record.checkedBy) ?? { name: '', staffNo: record.checkedByStaffNo } };
}

export function civilCaseView(ctx: CoreContext, cal: WorkCalendar, row: CivilCaseRow, today: string): CivilCase {
  const reasons = row.refusal_reasons ? (JSON.parse(row.refusal_reasons) as RefusalReason[]) : null;
  return {
    id: row.id,
    caseNo: row.case_no,
    kind: row.kind,
    status: row.status,
    contactId: row.contact_id,
    receivedAt: row.received_at,
    receivedBy: person(ctx, row.received_by) ?? { name: '', staffNo: '' },
    parties: partiesOf(ctx, row.id, hallDate(row.received_at)),
    checks: JSON.parse(row.checks) as CivilChecks,
    certificateNo: row.certificate_no,
    registeredAt: row.registered_at,
    registrar: person(ctx, row.registrar_id),
    refusal: reasons ? { reasons, labels: reasons.map((r) => REFUSAL_REASON_LABELS[r]), note: row.refusal_note ?? '' } : null,
    divorce: divorceView(cal, row, today),
    reissue: row.kind === 'reissue' ? (JSON.parse(row.details) as ReissueDetails) : null,
    nationalCheck: nationalCheckView(ctx, row.national_check),
    marriage: row.kind === 'divorce' ? { certificateNos: row.marriage_certificate_nos ? (JSON.parse(row.marriage_certificate_nos) as string[]) : [], caseId: row.marriage_case_id } : null,
  };
}

/**
 * The case as the hall server stores it: no sealed values; parties as masked
 * views with their keyed lookup hash, keyed with the hall's lookup key once
 * the window has joined a hall (so the hall's registry recognises a person
 * at every window; shared/hall/registry-entry.ts), with the window's own before.
 */
export function civilCasePayload(ctx: CoreContext, id: string): Record<string, unknown> {
  const row = civilCaseRow(ctx.db, id);
  // stored hashes are re-keyed with the hall's key when the window joins (hall-link/rekey.ts)
  const hashes = partyHashesOf(ctx.db, id);
  return { ...row, parties: partiesOf(ctx, id, hallDate(row.received_at)).map((p, i) => ({ ...p, documentHash: hashes[i] ?? null })) };
}
