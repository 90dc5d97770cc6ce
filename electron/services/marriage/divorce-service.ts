/**
 * 离婚登记 with the cooling-off period (民法典 art. 1077): acceptance prints
 * the receipt with both end dates; either party alone may withdraw during
 * the cooling-off period; both come back within the next 30 days (rolled) to
 * register; an application nobody completes is deemed withdrawn on its own.
 */
import type { AuditAction } from '../../../shared/audit/labels';
import type { CivilCase, ParsedRequestOf } from '../../../shared/contract';
import { COOLING_OFF_DAYS, divorceStage, type DivorceDeadlines } from '../../../shared/domain/divorce-periods';
import { addDays } from '../../../shared/domain/plain-date';
import { hallDate } from '../../../shared/domain/hall-time';
import { chineseDate } from '../../../shared/print/slips/common';
import { divorceCallProblem } from '../../../shared/domain/call-promise';
import { completionDocument, divorceReceiptDocument, withdrawalDocument } from '../../../shared/print/slips/marriage';
import { CounterError } from '../../../shared/result';
import { actorOf, hallToday, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { writeTransaction } from '../db/connection';
import { recordChange, SYSTEM_ACTOR, type Actor } from '../db/ledger';
import { slipClerk, slipHall } from '../common/slip-context';
import { loadWorkCalendar } from '../reference/calendar-service';
import { issueCertificateNo } from './certificates';
import { prepareCertificateNo, type PreparedNumber } from './hall-numbers';
import { acceptedDivorces, civilCaseRow, registeredMarriageByCertificate, setDivorceDates, updateCivilCase, type CivilCaseChange, type CivilCaseRow } from './civil-case-repo';
import { civilCasePayload, civilCaseView, deadlinesOf } from './civil-case-view';
import { assertEligible, reviewForm, type FieldProblem } from './civil-form';
import { assertContactFits, insertCase, maskedNumbers, officeName, slipParties } from './outcome';
import { openDivorceOf, partiesOf, partyHashesOf, partyPositionOf } from './party-repo';
import { coupleMarriage, documentHash } from './registry';

type Slipped = { case: CivilCase; printJobId: string };

const PARTY_SIDE = ['男方', '女方'] as const;

function view(ctx: CoreContext, id: string): CivilCase {
  return civilCaseView(ctx, loadWorkCalendar(ctx), civilCaseRow(ctx.db, id), hallToday(ctx));
}

function updateCase(ctx: CoreContext, actor: Actor, id: string, change: CivilCaseChange, action: AuditAction, at: string): void {
  updateCivilCase(ctx.db, id, change, at);
  recordChange(ctx.db, ctx.origin(), actor, at, { action, entity: 'civil_case', entityId: id, op: 'update', payload: civilCasePayload(ctx, id) });
}

/**
 * Marks every accepted divorce whose certificate deadline has passed as
 * deemed withdrawn (视为撤回), by the system, with its audit row. Runs at
 * start, every few minutes and before any divorce is read or changed: in a
 * transaction of its own when run outside a write (the periodic sweep, a
 * read), as a savepoint of the write's transaction inside one.
 */
export function sweepDeemedWithdrawn(ctx: CoreContext): number {
  const at = ctx.clock.now().toISOString();
  const today = hallDate(at);
  const cal = loadWorkCalendar(ctx);
  const expired = acceptedDivorces(ctx.db).filter((row) => divorceStage(deadlinesOf(cal, row), today) === 'expired');
  if (expired.length === 0) return 0;
  writeTransaction(ctx.db, () => {
    for (const row of expired) updateCase(ctx, SYSTEM_ACTOR, row.id, { status: 'deemedWithdrawn', deemed_withdrawn_at: at }, 'divorce.deemedWithdrawn', at);
  });
  return expired.length;
}

/** A person may have one divorce application in progress at a time. */
function assertNoOpenDivorce(ctx: CoreContext, documentNumbers: readonly string[]): void {
  documentNumbers.forEach((number, i) => {
    const open = openDivorceOf(ctx.db, documentHash(ctx, number));
    if (open !== undefined) throw new CounterError('CONFLICT', `第 ${i + 1} 位当事人已有正在办理的离婚登记申请（${open}），不能重复受理`);
  });
}

/**
 * The marriage certificate number(s) presented against this ledger: a number
 * this ledger registered (a marriage, or a 补领 of one) must be the couple's;
 * when the ledger holds the couple's marriage, one number must be it (or a
 * replacement of it). Returns the ledger's marriage of the couple, if any.
 * Numbers of marriages registered elsewhere are recorded as presented.
 */
function assertMarriageOfCouple(ctx: CoreContext, parties: ParsedRequestOf<'divorce.accept'>['parties'], numbers: readonly string[]): string | null {
  const couple = new Set(parties.map((p) => documentHash(ctx, p.documentNumber)));
  const marriage = coupleMarriage(ctx, parties);
  let presented = marriage === null;
  for (const number of numbers) {
    const found = registeredMarriageByCertificate(ctx.db, number);
    if (!found) continue;
    const hashes = partyHashesOf(ctx.db, found.id);
    const ours = hashes.every((h) => couple.has(h)) && (found.kind === 'reissue' || hashes.length === 2);
    if (!ours) {
      throw new CounterError('CONFLICT', `结婚证字号 ${number} 是本登记处为其他当事人办理的登记，与本次申请的双方不符，请核对结婚证`, {
        marriageCertificateNos: '字号与双方不符',
      });
    }
    if (found.kind === 'marriage' && marriage !== null && found.id !== marriage.caseId) {
      throw new CounterError('CONFLICT', `结婚证字号 ${number} 的婚姻已办理离婚登记；本登记处记录双方现有婚姻的结婚证字号为 ${marriage.certificateNo}，请核对结婚证`, {
        marriageCertificateNos: '该婚姻已解除',
      });
    }
    presented = true;
  }
  if (!presented && marriage !== null) {
    throw new CounterError('CONFLICT', `本登记处记录双方的结婚证字号为 ${marriage.certificateNo}，与填写的字号不符，请核对双方出示的结婚证`, {
      marriageCertificateNos: `应为 ${marriage.certificateNo}`,
    });
  }
  return marriage?.caseId ?? null;
}

/** A divorce whose dates (deadlinesOf) are still 待定 promises a call: without any phone, the problem and each party's phone field. */
export function divorceCallReview({ coolingOffEnd, certificateDeadline }: DivorceDeadlines, parties: readonly { phone: string }[]): { problem: string | null; phoneFields: FieldProblem[] } {
  const problem = divorceCallProblem('pending' in coolingOffEnd || 'pending' in certificateDeadline, parties.map((p) => p.phone));
  const phoneFields = problem === null ? [] : parties.map((_, i): FieldProblem => ({ party: i === 0 ? 0 : 1, field: 'phone', message: '日期待定须电话告知，请至少填写一方电话' }));
  return { problem, phoneFields };
}

export function acceptDivorce(
  ctx: CoreContext,
  call: CallContext,
  session: ActiveSession,
  req: ParsedRequestOf<'divorce.accept'>,
): Slipped & { warning: string | null } {
  const at = ctx.clock.now().toISOString();
  const received = hallDate(at);
  assertEligible('divorce', reviewForm(ctx, 'divorce', req.parties, req.checks, received));
  assertContactFits(ctx, req.contactId, 'divorce');
  sweepDeemedWithdrawn(ctx);
  const deadlines = deadlinesOf(loadWorkCalendar(ctx), { received_at: at });
  const { coolingOffEnd, certificateDeadline } = deadlines;
  const dateOf = (d: typeof coolingOffEnd): string | null => ('date' in d ? d.date : null);
  const promise = divorceCallReview(deadlines, req.parties);
  if (promise.problem) throw new CounterError('VALIDATION', promise.problem, Object.fromEntries(promise.phoneFields.map((p) => [`parties.${p.party}.${p.field}`, p.message])));
  const certificateNos = [...new Set(req.marriageCertificateNos)];
  // the ledger's marriages and open applications, read in the write's transaction that records the application
    assertNoOpenDivorce(ctx, req.parties.map((p) => p.documentNumber));
    const marriageCaseId = assertMarriageOfCouple(ctx, req.parties, certificateNos);
    const created = insertCase(
      ctx,
      call,
      session,
      {
        kind: 'divorce',
        status: 'accepted',
        contactId: req.contactId,
        parties: req.parties,
        checks: req.checks,
        marriage: { certificateNos, caseId: marriageCaseId },
      },
      'divorce.accept',
      at,
    );
    // the dates as printed on the receipt, kept with the record
  setDivorceDates(ctx.db, created.id, dateOf(coolingOffEnd), dateOf(certificateDeadline));
  const printJobId = ctx.printing.enqueue(call, {
      kind: 'divorceReceipt',
      document: divorceReceiptDocument(slipHall(ctx), slipClerk(ctx, session), {
        caseNo: created.caseNo,
        parties: slipParties('divorce', req.parties, maskedNumbers(req.parties)),
        receivedAt: at,
        coolingOffEnd: dateOf(coolingOffEnd),
        certificateDeadline: dateOf(certificateDeadline),
        office: officeName(ctx),
      }),
    });
  const pending = 'pending' in coolingOffEnd ? coolingOffEnd : 'pending' in certificateDeadline ? certificateDeadline : null;
  return {
    case: view(ctx, created.id),
    printJobId,
    warning: pending ? `冷静期届满日或申领离婚证截止日待定：${pending.reason}。回执上已注明“待定”，请提醒主管补录节假日安排。` : null,
  };
}

/** Why a divorce application can no longer change, in the clerk's words. */
function endedMessage(row: CivilCaseRow): string | null {
  if (row.status === 'withdrawn') {
    const who = row.withdrawn_by_party === null ? '当事人' : PARTY_SIDE[row.withdrawn_by_party];
    return `该离婚登记申请已于 ${chineseDate(hallDate(row.withdrawn_at ?? row.received_at))} 由${who}撤回，程序已终止；双方如仍要离婚，须重新申请`;
  }
  if (row.status === 'deemedWithdrawn') {
    return '冷静期届满后三十日内双方未申请发给离婚证，该申请已视为撤回，程序已终止；双方如仍要离婚，须重新申请';
  }
  if (row.status === 'registered') return `该离婚登记已办结，离婚证字号 ${row.certificate_no ?? ''}`;
  if (row.status === 'refused') return '该离婚登记申请已不予受理';
  return null;
}

function openDivorce(ctx: CoreContext, id: string): CivilCaseRow {
  sweepDeemedWithdrawn(ctx);
  const row = civilCaseRow(ctx.db, id);
  if (row.kind !== 'divorce') throw new CounterError('CONFLICT', '这不是离婚登记申请');
  const ended = endedMessage(row);
  if (ended) throw new CounterError('CONFLICT', ended);
  return row;
}

export function withdrawDivorce(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'divorce.withdraw'>): Slipped {
  const row = openDivorce(ctx, req.id);
  const at = ctx.clock.now().toISOString();
  const today = hallDate(at);
  const deadlines = deadlinesOf(loadWorkCalendar(ctx), row);
  const stage = divorceStage(deadlines, today);
  // a cooling-off end still 待定 lies on or after D0+30, so withdrawal is open at least until then
  const inCoolingOff = stage === 'coolingOff' || ('pending' in deadlines.coolingOffEnd && today <= addDays(hallDate(row.received_at), COOLING_OFF_DAYS));
  if (!inCoolingOff) {
    const end = 'date' in deadlines.coolingOffEnd ? chineseDate(deadlines.coolingOffEnd.date) : '';
    throw new CounterError('CONFLICT', `离婚冷静期已于 ${end} 届满，不能再单方撤回；双方未在期限内申请发给离婚证的，申请将视为撤回`);
  }
  const parties = partiesOf(ctx, row.id, hallDate(row.received_at));
  // the withdrawing party shows their own document: compared by keyed hash, never in plain text
  const position = partyPositionOf(ctx.db, row.id, documentHash(ctx, req.documentNumber));
  if (position === undefined) {
    const problem = '证件号码与本申请的男方、女方均不符';
    throw new CounterError('VALIDATION', `请检查输入：${problem}。撤回须由当事人一方本人出示证件（读卡或输入证件号码）`, { documentNumber: problem });
  }
    updateCase(ctx, actorOf(call), row.id, { status: 'withdrawn', withdrawn_at: at, withdrawn_by_party: position }, 'divorce.withdraw', at);
    const printed = slipParties('divorce', parties, parties.map((p) => p.documentNumberMasked));
  const printJobId = ctx.printing.enqueue(call, {
      kind: 'withdrawal',
      document: withdrawalDocument(slipHall(ctx), slipClerk(ctx, session), {
        caseNo: row.case_no,
        parties: printed,
        withdrawnBy: `${printed[position]?.role ?? ''} ${printed[position]?.name ?? ''}`,
        withdrawnAt: at,
        receivedAt: row.received_at,
        office: officeName(ctx),
      }),
    });
  return { case: view(ctx, row.id), printJobId };
}

/** The accepted divorce, refused unless the cooling-off period is over and both parties are present. */
function registrableDivorce(ctx: CoreContext, req: ParsedRequestOf<'divorce.register'>, at: string): CivilCaseRow {
  const row = openDivorce(ctx, req.id);
  const deadlines = deadlinesOf(loadWorkCalendar(ctx), row);
  const stage = divorceStage(deadlines, hallDate(at));
  if (stage === 'coolingOff' || stage === 'unknown') {
    const end = 'date' in deadlines.coolingOffEnd ? chineseDate(deadlines.coolingOffEnd.date) : '待定';
    throw new CounterError('CONFLICT', `离婚冷静期尚未届满（届满日：${end}），届满后双方方可申请发给离婚证`);
  }
  if (!req.bothPresent) throw new CounterError('CONFLICT', '申请发给离婚证须双方亲自到场，请确认双方均已到场', { bothPresent: '双方须亲自到场' });
  return row;
}

/** Before the transaction: a registration that would be refused takes no number; else the hall's number (or the lease's). */
export async function prepareDivorceNumber(ctx: CoreContext, req: ParsedRequestOf<'divorce.register'>): Promise<PreparedNumber> {
  const at = ctx.clock.now().toISOString();
  registrableDivorce(ctx, req, at);
  return prepareCertificateNo(ctx, 'divorce', req.certificateNo, at);
}

export function registerDivorce(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'divorce.register'>, prepared: PreparedNumber): Slipped {
  const at = ctx.clock.now().toISOString();
  const row = registrableDivorce(ctx, req, at);
  const parties = partiesOf(ctx, row.id, hallDate(row.received_at));
    const certificateNo = issueCertificateNo(ctx, 'divorce', req.certificateNo, at, prepared);
    updateCase(ctx, actorOf(call), row.id, { status: 'registered', certificate_no: certificateNo, registered_at: at, registrar_id: session.staffId }, 'divorce.register', at);
    const clerk = slipClerk(ctx, session);
  const printJobId = ctx.printing.enqueue(call, {
      kind: 'completion',
      document: completionDocument(slipHall(ctx), clerk, {
        caseNo: row.case_no,
        matter: '离婚登记',
        certificateName: '离婚证',
        parties: slipParties('divorce', parties, parties.map((p) => p.documentNumberMasked)),
        registeredAt: at,
        certificateNo,
        registrar: `${clerk.name}（工号 ${clerk.staffNo}）`,
        office: officeName(ctx),
      }),
    });
  return { case: view(ctx, row.id), printJobId };
}

/** The clerk's divorce list: cooling-off, awaiting registration (soonest deadline first), and every case with a date 待定. */
export function divorceList(ctx: CoreContext): { coolingOff: CivilCase[]; awaitingRegistration: CivilCase[]; pending: CivilCase[] } {
  sweepDeemedWithdrawn(ctx);
  const cal = loadWorkCalendar(ctx);
  const today = hallToday(ctx);
  const cases = acceptedDivorces(ctx.db).map((row) => civilCaseView(ctx, cal, row, today));
  const byDeadline = (a: CivilCase, b: CivilCase): number => (a.divorce?.certificateDeadline ?? '').localeCompare(b.divorce?.certificateDeadline ?? '');
  return {
    coolingOff: cases.filter((c) => c.divorce?.stage === 'coolingOff'),
    awaitingRegistration: cases.filter((c) => c.divorce?.stage === 'awaitingRegistration').sort(byDeadline),
    // every case with a date 待定, whatever its stage: the list the supervisor works through once the holidays are published
    pending: cases.filter((c) => c.divorce !== null && (c.divorce.coolingOffEnd === null || c.divorce.certificateDeadline === null)),
  };
}
