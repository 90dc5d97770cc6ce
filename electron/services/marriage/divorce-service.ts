/**
 * 离婚登记 with the cooling-off period (民法典 art. 1077): acceptance prints
 * the receipt with both end dates; either party alone may withdraw during
 * the cooling-off period; both come back within the next 30 days (rolled) to
 * register; an application nobody completes is deemed withdrawn on its own.
 */
import type { CivilCase, ParsedRequestOf } from '../../../shared/contract';
import { COOLING_OFF_DAYS, divorceStage } from '../../../shared/domain/divorce-periods';
import { addDays } from '../../../shared/domain/plain-date';
import { chineseDate, hallDate } from '../../../shared/print/slips/common';
import { completionDocument, divorceReceiptDocument, withdrawalDocument } from '../../../shared/print/slips/marriage';
import { CounterError } from '../../../shared/result';
import { actorOf, hallToday, type ActiveSession, type CallContext, type CoreContext } from '../context';
import { recordChange, SYSTEM_ACTOR, type Actor } from '../db/ledger';
import { slipClerk, slipHall } from '../intake/slip-context';
import { loadWorkCalendar } from '../reference/calendar-service';
import { issueCertificateNo } from './certificates';
import { civilCasePayload, civilCaseRow, civilCaseView, deadlinesOf, type CivilCaseRow } from './civil-case-repo';
import { assertEligible, reviewForm } from './civil-form';
import { assertContactFits, insertCase, maskedNumbers, officeName, slipParties } from './outcome';
import { partiesOf } from './party-repo';
import { coupleMarriage, documentHash } from './registry';

type Slipped = { case: CivilCase; printJobId: string };

const PARTY_SIDE = ['男方', '女方'] as const;

function openDivorces(ctx: CoreContext): CivilCaseRow[] {
  return ctx.db.prepare("SELECT * FROM civil_case WHERE kind = 'divorce' AND status = 'accepted' ORDER BY received_at").all() as CivilCaseRow[];
}

function view(ctx: CoreContext, id: string): CivilCase {
  return civilCaseView(ctx, loadWorkCalendar(ctx), civilCaseRow(ctx, id), hallToday(ctx));
}

function updateCase(ctx: CoreContext, actor: Actor, id: string, sets: Record<string, string | number | null>, action: string, at: string): void {
  const columns = Object.keys(sets);
  ctx.db.prepare(`UPDATE civil_case SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...columns.map((c) => sets[c] ?? null), at, id);
  recordChange(ctx.db, ctx.origin(), actor, at, { action, entity: 'civil_case', entityId: id, op: 'update', payload: civilCasePayload(ctx, id) });
}

/**
 * Marks every accepted divorce whose certificate deadline has passed as
 * deemed withdrawn (视为撤回), by the system, with its audit row. Runs at
 * start, every few minutes and before any divorce is read or changed.
 */
export function sweepDeemedWithdrawn(ctx: CoreContext): number {
  const at = ctx.clock.now().toISOString();
  const today = hallDate(at);
  const cal = loadWorkCalendar(ctx);
  const expired = openDivorces(ctx).filter((row) => divorceStage(deadlinesOf(cal, row), today) === 'expired');
  if (expired.length === 0) return 0;
  ctx.db.transaction(() => {
    for (const row of expired) updateCase(ctx, SYSTEM_ACTOR, row.id, { status: 'deemedWithdrawn', deemed_withdrawn_at: at }, 'divorce.deemedWithdrawn', at);
  })();
  return expired.length;
}

/** A person may have one divorce application in progress at a time. */
function assertNoOpenDivorce(ctx: CoreContext, documentNumbers: readonly string[]): void {
  const find = ctx.db.prepare(
    `SELECT c.case_no FROM civil_party p JOIN civil_case c ON c.id = p.case_id
     WHERE p.document_hash = ? AND c.kind = 'divorce' AND c.status = 'accepted' LIMIT 1`,
  );
  documentNumbers.forEach((number, i) => {
    const open = find.get(documentHash(ctx, number)) as { case_no: string } | undefined;
    if (open) throw new CounterError('CONFLICT', `第 ${i + 1} 位当事人已有正在办理的离婚登记申请（${open.case_no}），不能重复受理`);
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
  const findCase = ctx.db.prepare("SELECT id, kind FROM civil_case WHERE certificate_no = ? AND status = 'registered' AND kind IN ('marriage', 'reissue')");
  const partyHashes = ctx.db.prepare('SELECT document_hash FROM civil_party WHERE case_id = ?').pluck();
  let presented = marriage === null;
  for (const number of numbers) {
    const found = findCase.get(number) as { id: string; kind: 'marriage' | 'reissue' } | undefined;
    if (!found) continue;
    const hashes = partyHashes.all(found.id) as string[];
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
  const { coolingOffEnd, certificateDeadline } = deadlinesOf(loadWorkCalendar(ctx), { received_at: at });
  const dateOf = (d: typeof coolingOffEnd): string | null => ('date' in d ? d.date : null);
  const certificateNos = [...new Set(req.marriageCertificateNos)];
  const { id, printJobId } = ctx.db.transaction(() => {
    // the ledger's marriages and open applications, read in the transaction that writes the application
    assertEligible('divorce', reviewForm(ctx, 'divorce', req.parties, req.checks, received));
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
    ctx.db.prepare('UPDATE civil_case SET cooling_off_end = ?, certificate_deadline = ? WHERE id = ?').run(dateOf(coolingOffEnd), dateOf(certificateDeadline), created.id);
    const jobId = ctx.printing.enqueue(call, {
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
    return { id: created.id, printJobId: jobId };
  }).immediate();
  ctx.printing.kick();
  const pending = 'pending' in coolingOffEnd ? coolingOffEnd : 'pending' in certificateDeadline ? certificateDeadline : null;
  return {
    case: view(ctx, id),
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
  const row = civilCaseRow(ctx, id);
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
  const position = ctx.db
    .prepare('SELECT position FROM civil_party WHERE case_id = ? AND document_hash = ?')
    .pluck()
    .get(row.id, documentHash(ctx, req.documentNumber)) as 0 | 1 | undefined;
  if (position === undefined) {
    const problem = '证件号码与本申请的男方、女方均不符';
    throw new CounterError('VALIDATION', `请检查输入：${problem}。撤回须由当事人一方本人出示证件（读卡或输入证件号码）`, { documentNumber: problem });
  }
  const printJobId = ctx.db.transaction(() => {
    updateCase(ctx, actorOf(call), row.id, { status: 'withdrawn', withdrawn_at: at, withdrawn_by_party: position }, 'divorce.withdraw', at);
    const printed = slipParties('divorce', parties, parties.map((p) => p.documentNumberMasked));
    return ctx.printing.enqueue(call, {
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
  })();
  ctx.printing.kick();
  return { case: view(ctx, row.id), printJobId };
}

export function registerDivorce(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'divorce.register'>): Slipped {
  const row = openDivorce(ctx, req.id);
  const at = ctx.clock.now().toISOString();
  const deadlines = deadlinesOf(loadWorkCalendar(ctx), row);
  const stage = divorceStage(deadlines, hallDate(at));
  if (stage === 'coolingOff' || stage === 'unknown') {
    const end = 'date' in deadlines.coolingOffEnd ? chineseDate(deadlines.coolingOffEnd.date) : '待定';
    throw new CounterError('CONFLICT', `离婚冷静期尚未届满（届满日：${end}），届满后双方方可申请发给离婚证`);
  }
  if (!req.bothPresent) throw new CounterError('CONFLICT', '申请发给离婚证须双方亲自到场，请确认双方均已到场', { bothPresent: '双方须亲自到场' });
  const parties = partiesOf(ctx, row.id, hallDate(row.received_at));
  const printJobId = ctx.db.transaction(() => {
    const certificateNo = issueCertificateNo(ctx, 'divorce', req.certificateNo, at);
    updateCase(ctx, actorOf(call), row.id, { status: 'registered', certificate_no: certificateNo, registered_at: at, registrar_id: session.staffId }, 'divorce.register', at);
    const clerk = slipClerk(ctx, session);
    return ctx.printing.enqueue(call, {
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
  })();
  ctx.printing.kick();
  return { case: view(ctx, row.id), printJobId };
}

/** The clerk's divorce list: cooling-off, awaiting registration (soonest deadline first), and every case with a date 待定. */
export function divorceList(ctx: CoreContext): { coolingOff: CivilCase[]; awaitingRegistration: CivilCase[]; pending: CivilCase[] } {
  sweepDeemedWithdrawn(ctx);
  const cal = loadWorkCalendar(ctx);
  const today = hallToday(ctx);
  const cases = openDivorces(ctx).map((row) => civilCaseView(ctx, cal, row, today));
  const byDeadline = (a: CivilCase, b: CivilCase): number => (a.divorce?.certificateDeadline ?? '').localeCompare(b.divorce?.certificateDeadline ?? '');
  return {
    coolingOff: cases.filter((c) => c.divorce?.stage === 'coolingOff'),
    awaitingRegistration: cases.filter((c) => c.divorce?.stage === 'awaitingRegistration').sort(byDeadline),
    // every case with a date 待定, whatever its stage: the list the supervisor works through once the holidays are published
    pending: cases.filter((c) => c.divorce !== null && (c.divorce.coolingOffEnd === null || c.divorce.certificateDeadline === null)),
  };
}
