/**
 * 结婚登记 and 补领婚姻登记证 on the spot, 不予登记 with a written notice,
 * and reading cases back (today's, by id, by a party's document number).
 */
import type { CivilCase, ParsedRequestOf } from '../../../shared/contract';
import type { StartParty } from '../../../shared/api/marriage';
import type { CertificateKind } from '../../../shared/domain/certificate-number';
import { DOCUMENT_TYPES, type DocumentType } from '../../../shared/domain/identity-documents';
import { marriageFormKind, nationalCheckProblem, REFUSAL_REASON_LABELS } from '../../../shared/domain/marriage-rules';
import { hallDate, hallInstant } from '../../../shared/domain/hall-time';
import { completionDocument, refusalDocument } from '../../../shared/print/slips/marriage';
import { CounterError } from '../../../shared/result';
import { actorOf, hallToday, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { bookedPartiesOfContact } from '../appointments/appointment-repo';
import { recordEvent } from '../db/ledger';
import { contactRow } from '../intake/contact-repo';
import { slipClerk, slipHall } from '../common/slip-context';
import { loadWorkCalendar } from '../reference/calendar-service';
import { issueCertificateNo } from './certificates';
import { prepareCertificateNo, type PreparedNumber } from './hall-numbers';
import { askHallRegistry, NOT_ASKED, type HallReview } from './hall-registry';
import { casesReceivedSince, civilCaseRow, type CivilCaseRow } from './civil-case-repo';
import { civilCaseView, deadlinesOf } from './civil-case-view';
import { assertEligible, assertPartiesValid, KIND_LABELS, reviewForm, type FormReview } from './civil-form';
import { assertContactFits, insertCase, maskedNumbers, officeName, slipParties } from './outcome';
import { casesWithDocument } from './party-repo';
import { divorceCallReview, sweepDeemedWithdrawn } from './divorce-service';

type Slipped = { case: CivilCase; printJobId: string };

export function getCase(ctx: CoreContext, id: string): CivilCase {
  return civilCaseView(ctx, loadWorkCalendar(ctx), civilCaseRow(ctx.db, id), hallToday(ctx));
}

/** The form's rules, this ledger's registrations and, for 结婚登记 at a joined window, the hall's. */
export async function checkForm(ctx: CoreContext, req: ParsedRequestOf<'marriage.check'>): Promise<FormReview & { hallNotice: string | null }> {
  const hall = req.kind === 'marriage' ? await askHallRegistry(ctx, req.parties) : NOT_ASKED;
  const review = reviewForm(ctx, req.kind, req.parties, req.checks, hallToday(ctx), hall.problems);
  // the submit refuses a divorce without a phone while its dates are 待定: the live check says so too
  const phoneFields = req.kind === 'divorce' ? divorceCallReview(deadlinesOf(loadWorkCalendar(ctx), { received_at: ctx.clock.now().toISOString() }), req.parties).phoneFields : [];
  return { ...review, fieldProblems: [...review.fieldProblems, ...phoneFields], hallNotice: hall.notice };
}

function certificateKind(req: ParsedRequestOf<'marriage.register'>): CertificateKind {
  if (req.kind === 'marriage') return 'marriage';
  return req.reissue?.originalKind === 'divorce' ? 'reissueDivorce' : 'reissueMarriage';
}

/** What the registration needs before its transaction: the hall's registry answer and where its certificate number comes from. */
export interface PreparedRegistration {
  hall: HallReview;
  number: PreparedNumber;
}

/** Refuses a registration the rules, this ledger or the hall's answer do not allow; nothing is written. */
function assertRegistrable(ctx: CoreContext, req: ParsedRequestOf<'marriage.register'>, hall: HallReview, at: string): void {
  assertEligible(req.kind, reviewForm(ctx, req.kind, req.parties, req.checks, hallDate(at), hall.problems));
  if (req.kind === 'marriage') {
    const missing = nationalCheckProblem(req.nationalCheck);
    if (missing) throw new CounterError('VALIDATION', `请检查输入：${missing}`, { nationalCheck: missing });
  }
  if (req.kind === 'reissue' && req.reissue === null) {
    throw new CounterError('VALIDATION', '请检查输入：补领须填写原登记类别、原登记日期和补领原因', { reissue: '请填写原登记信息' });
  }
  if (req.reissue && req.reissue.originalDate > hallDate(at)) {
    throw new CounterError('VALIDATION', '请检查输入：原登记日期晚于今天，请核对', { 'reissue.originalDate': '原登记日期晚于今天' });
  }
  assertContactFits(ctx, req.contactId, req.kind);
}

/**
 * Before the transaction: asks the hall about the parties (结婚登记), checks
 * the form so that a refused registration takes no number, then takes the
 * certificate number from the hall (or marks it to come from the lease).
 */
export async function prepareRegistration(ctx: CoreContext, req: ParsedRequestOf<'marriage.register'>): Promise<PreparedRegistration> {
  const hall = req.kind === 'marriage' ? await askHallRegistry(ctx, req.parties) : NOT_ASKED;
  const at = ctx.clock.now().toISOString();
  assertRegistrable(ctx, req, hall, at);
  return { hall, number: await prepareCertificateNo(ctx, certificateKind(req), req.certificateNo, at, hall.asked !== 'unreachable') };
}

export function registerMarriage(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'marriage.register'>, prepared: PreparedRegistration): Slipped {
  const at = ctx.clock.now().toISOString();
  // the form's rules and this ledger's registrations, read in the write's transaction that records the registration
  assertRegistrable(ctx, req, prepared.hall, at);
  const kind = certificateKind(req);
  const matter = req.kind === 'marriage' ? '结婚登记' : kind === 'reissueDivorce' ? '补领离婚证' : '补领结婚证';
  const certificateName = kind === 'marriage' || kind === 'reissueMarriage' ? '结婚证' : '离婚证';
  const certificateNo = issueCertificateNo(ctx, kind, req.certificateNo, at, prepared.number);
  const clerk = slipClerk(ctx, session);
  const nationalCheck =
    req.kind === 'marriage'
      ? {
          parties: req.nationalCheck,
          checkedBy: session.staffId,
          checkedByStaffNo: clerk.staffNo,
          checkedAt: at,
          ...(prepared.hall.asked === 'notJoined' ? {} : { hallRegistry: prepared.hall.asked }),
        }
      : undefined;
  const created = insertCase(
    ctx,
    call,
    session,
    {
      kind: req.kind,
      status: 'registered',
      contactId: req.contactId,
      parties: req.parties,
      checks: req.checks,
      details: req.reissue ?? {},
      certificateNo,
      ...(nationalCheck ? { nationalCheck } : {}),
    },
    req.kind === 'marriage' ? 'marriage.register' : 'marriage.reissue',
    at,
  );
  const printJobId = ctx.printing.enqueue(call, {
    kind: 'completion',
    document: completionDocument(slipHall(ctx), clerk, {
      caseNo: created.caseNo,
      matter,
      certificateName,
      parties: slipParties(req.kind, req.parties, maskedNumbers(req.parties)),
      registeredAt: at,
      certificateNo,
      registrar: `${clerk.name}（工号 ${clerk.staffNo}）`,
      office: officeName(ctx),
    }),
  });
  return { case: getCase(ctx, created.id), printJobId };
}

export function refuseRegistration(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'marriage.refuse'>): Slipped {
  const at = ctx.clock.now().toISOString();
  // a refusal is a record about identified people: their documents must be right even though the application is not
  assertPartiesValid(reviewForm(ctx, req.kind, req.parties, req.checks, hallDate(at)));
  if (req.reasons.includes('other') && req.note === '') {
    throw new CounterError('VALIDATION', '请检查输入：选择“其他”理由时，请在说明中写明具体理由', { note: '请写明其他理由' });
  }
  assertContactFits(ctx, req.contactId, req.kind);
  const reasons = [...new Set(req.reasons)];
  const created = insertCase(
    ctx,
    call,
    session,
    { kind: req.kind, status: 'refused', contactId: req.contactId, parties: req.parties, checks: req.checks, refusal: { reasons, note: req.note } },
    'marriage.refuse',
    at,
  );
  const printJobId = ctx.printing.enqueue(call, {
    kind: 'refusal',
    document: refusalDocument(slipHall(ctx), slipClerk(ctx, session), {
      caseNo: created.caseNo,
      matter: KIND_LABELS[req.kind],
      parties: slipParties(req.kind, req.parties, maskedNumbers(req.parties)),
      decidedAt: at,
      reasons: reasons.map((r) => REFUSAL_REASON_LABELS[r]),
      note: req.note,
      office: officeName(ctx),
    }),
  });
  return { case: getCase(ctx, created.id), printJobId };
}

function views(ctx: CoreContext, rows: readonly CivilCaseRow[]): CivilCase[] {
  const cal = loadWorkCalendar(ctx);
  const day = hallToday(ctx);
  return rows.map((row) => civilCaseView(ctx, cal, row, day));
}

/** This window's applications received today (hall time), newest first. */
export function todaysCases(ctx: CoreContext): CivilCase[] {
  sweepDeemedWithdrawn(ctx);
  const day = hallToday(ctx);
  const start = hallInstant(day).toISOString();
  return views(ctx, casesReceivedSince(ctx.db, ctx.origin().windowNo, start));
}

/** Cases of a person by document number: a lookup of personal data, so it is audited (never with the number itself). */
export function findByDocument(ctx: CoreContext, call: CallContext, documentNumber: string): CivilCase[] {
  sweepDeemedWithdrawn(ctx);
  const ids = casesWithDocument(ctx, documentNumber);
  recordEvent(ctx.db, ctx.origin(), actorOf(call), ctx.clock.now().toISOString(), {
    action: 'marriage.find',
    entity: 'civil_case',
    entityId: null,
    detail: { found: ids.length },
  });
  return views(ctx, ids.map((id) => civilCaseRow(ctx.db, id)));
}

function documentTypeOf(stored: string | null): DocumentType {
  return DOCUMENT_TYPES.find((t) => t === stored) ?? 'residentId';
}

/**
 * The parties of a contact of a marriage matter, to fill the form: both
 * parties of the appointment it was checked in from (numbers opened from
 * the vault), else the applicant of the intake contact.
 * Opening sealed numbers is a view of personal data: audited.
 */
export function prefillParties(ctx: CoreContext, call: CallContext, contactId: string): { kind: CivilCase['kind']; parties: StartParty[] } {
  const contact = contactRow(ctx.db, contactId);
  const kind = marriageFormKind(contact.item_code);
  if (kind === null) throw new CounterError('CONFLICT', `“${contact.item_name}”不在婚姻登记中办理，请在接待受理中继续办理`);
  const booked = bookedPartiesOfContact(ctx.db, contactId);
  const parties: StartParty[] = booked
    ? [
        { name: booked.applicant_name, documentType: documentTypeOf(booked.document_type), documentNumber: ctx.vault.open(booked.document_sealed), phone: booked.phone },
        ...(booked.partner_name !== '' || booked.partner_document_sealed !== null
          ? [
              {
                name: booked.partner_name,
                documentType: documentTypeOf(booked.partner_document_type),
                documentNumber: booked.partner_document_sealed === null ? '' : ctx.vault.open(booked.partner_document_sealed),
                phone: '',
              },
            ]
          : []),
      ]
    : [
        {
          name: contact.applicant_name,
          // a permit or passport number was stored as 'other': the clerk picks the type on the form
          documentType: 'residentId',
          documentNumber: contact.applicant_id_sealed === null ? '' : ctx.vault.open(contact.applicant_id_sealed),
          phone: contact.applicant_phone,
        },
      ];
  recordEvent(ctx.db, ctx.origin(), actorOf(call), ctx.clock.now().toISOString(), {
    action: 'marriage.prefill',
    entity: 'contact',
    entityId: contactId,
    detail: { fromAppointment: booked !== undefined },
  });
  return { kind, parties };
}
