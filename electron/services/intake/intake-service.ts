/**
 * The intake flow at the window: first contact, referral, one-time
 * notification, resumption by slip number, acceptance with a deadline.
 * Each step runs in its write's transaction (the dispatcher's): the records,
 * the slip's print job and the audit and change-log rows are committed
 * together, then printing starts.
 */
import type { AuditAction } from '../../../shared/audit/labels';
import type { Contact, ParsedRequestOf, ServiceCase } from '../../../shared/contract';
import type { CatalogueItem } from '../../../shared/catalogue/schema';
import { commitmentLine } from '../../../shared/domain/commitments';
import { contactChangeRight } from '../../../shared/domain/first-contact';
import { parseResidentId } from '../../../shared/domain/id-number';
import { normalizeDocumentNumber } from '../../../shared/domain/identity-documents';
import { marriageFormKind } from '../../../shared/domain/marriage-rules';
import { maskIdNumber, maskName } from '../../../shared/domain/masking';
import { addWorkingDays } from '../../../shared/domain/working-days';
import { hallDate } from '../../../shared/domain/hall-time';
import { notificationDocument } from '../../../shared/print/slips/notification';
import { receiptDocument } from '../../../shared/print/slips/receipt';
import { referralDocument } from '../../../shared/print/slips/referral';
import { CounterError } from '../../../shared/result';
import { listCommitments } from '../window/commitments-service';
import { actorOf, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { recordChange, recordEvent } from '../db/ledger';
import { newId } from '../core/ids';
import { activeCatalogue } from '../reference/catalogue-service';
import { staffById } from '../staff/staff-repo';
import { loadWorkCalendar } from '../reference/calendar-service';
import { caseRow, insertServiceCase, serviceCasePayload } from './case-repo';
import { caseView } from './case-service';
import {
  contactIdOfNotification,
  contactPayload,
  contactRow,
  insertContact,
  insertNotification,
  insertReferral,
  unfinishedContactsOf,
  updateContactStatus,
  type ContactRow,
} from './contact-repo';
import { contactView, handledHere, receivedIds, type MissingEntry } from './contact-view';
import { nextNumber } from '../common/numbering';
import { slipClerk, slipHall } from '../common/slip-context';

/** Working days the applicant has to bring what the notification lists. */
export const SUPPLEMENT_WORKING_DAYS = 20;

function findItem(ctx: CoreContext, code: string): CatalogueItem | undefined {
  return activeCatalogue(ctx).items.find((i) => i.code === code);
}

function requireItem(ctx: CoreContext, code: string): CatalogueItem {
  const item = findItem(ctx, code);
  if (!item) throw new CounterError('NOT_FOUND', `事项目录中没有编号为 ${code} 的事项，请从事项列表中选择`, { itemCode: '未知事项' });
  return item;
}

function view(ctx: CoreContext, row: ContactRow): Contact {
  return contactView(ctx, row, findItem(ctx, row.item_code));
}

/** The applicant as printed on slips: masked name, and the masked document number when there is one. */
function slipApplicant(row: ContactRow): string {
  return row.applicant_id_masked ? `${maskName(row.applicant_name)}（${row.applicant_id_masked}）` : maskName(row.applicant_name);
}

/** A document number as stored: the masked form for screens and slips, and the sealed value and lookup hash. */
export interface StoredDocument {
  /** 'residentId' (18 characters, checked by GB 11643) or 'other' (passport, permits…: format only, the form asks no type). */
  type: 'residentId' | 'other';
  masked: string;
  sealed: string;
  hash: string;
}

/**
 * Checks the applicant's document number and prepares it for storage; null
 * when none was given. The number is normalized first (full-width → ASCII,
 * spaces dropped, upper case: shared/domain/identity-documents.ts), so the
 * hash matches the ledger's search by number however the clerk typed it.
 */
export function prepareDocumentNumber(ctx: CoreContext, input: string, today: string): StoredDocument | null {
  const value = normalizeDocumentNumber(input);
  if (value === '') return null;
  // digits with an optional trailing X: a resident ID card number, checked by GB 11643
  if (/^\d{15,}X?$/.test(value)) {
    const parsed = parseResidentId(value, today);
    if (!parsed.ok) throw new CounterError('VALIDATION', `请检查输入：证件号码：${parsed.problem}`, { applicantIdNumber: parsed.problem });
    const normalized = parsed.value.normalized;
    return { type: 'residentId', masked: maskIdNumber(normalized), sealed: ctx.vault.seal(normalized), hash: ctx.vault.lookupHash(normalized) };
  }
  if (!/^[A-Z0-9()-]{5,30}$/.test(value)) {
    const problem = '证件号码只能包含字母、数字，5 到 30 位';
    throw new CounterError('VALIDATION', `请检查输入：${problem}`, { applicantIdNumber: problem });
  }
  return { type: 'other', masked: maskIdNumber(value), sealed: ctx.vault.seal(value), hash: ctx.vault.lookupHash(value) };
}

function assertStatus(row: ContactRow, allowed: readonly ContactRow['status'][], action: string): void {
  if (allowed.includes(row.status)) return;
  const state: Record<ContactRow['status'], string> = {
    open: '正在接待',
    notified: '已一次性告知、等待补齐材料',
    referred: '已开具引导单',
    accepted: '已受理',
    closed: '已结束',
  };
  throw new CounterError('CONFLICT', `该接待记录${state[row.status]}，不能${action}`);
}

/** Checks ticked materials against the item's checklist; unknown ids are refused. */
function checkMaterials(item: CatalogueItem, received: readonly string[]): { missing: MissingEntry[]; receivedNames: string[] } {
  const known = new Map(item.materials.map((m) => [m.id, m]));
  const unknown = received.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new CounterError('VALIDATION', `请检查输入：已收材料中有本事项没有的条目（${unknown.slice(0, 3).join('、')}），请刷新材料清单`, {
      receivedMaterialIds: '包含未知材料',
    });
  }
  const got = new Set(received);
  return {
    missing: item.materials
      .filter((m) => m.required && !got.has(m.id))
      .map((m) => ({ materialId: m.id, name: m.name, standard: m.standard, obtainFrom: m.obtainFrom })),
    receivedNames: item.materials.filter((m) => got.has(m.id)).map((m) => m.name),
  };
}

/**
 * 首问负责 (shared/domain/first-contact.ts): another clerk may not change the
 * contact except to continue it by slip number; a supervisor may. Returns the
 * audit detail naming whose contact it was (empty for the owner).
 */
function assertMayChange(ctx: CoreContext, row: ContactRow, session: ActiveSession, to: ContactRow['status']): Record<string, unknown> {
  const right = contactChangeRight({ isOwner: row.owner_staff_id === session.staffId, role: session.role, from: row.status, to });
  if (right === 'owner') return {};
  const owner = staffById(ctx.db, row.owner_staff_id);
  if (right === null) {
    const ownerName = owner ? `${owner.name}（${owner.staff_no}）` : '其他工作人员';
    throw new CounterError('FORBIDDEN', `该接待记录由 ${ownerName} 首问负责，您不能办理；申请人持一次性告知单回来时，输入告知单编号即可接续办理，其他情况请主管处理`);
  }
  const ownerNo = owner?.staff_no ?? row.owner_staff_id;
  return right === 'resume' ? { resumedForOwner: ownerNo } : { supervisorForOwner: ownerNo };
}

function updateContact(
  ctx: CoreContext,
  call: CallContext,
  id: string,
  fields: { status: ContactRow['status']; received?: string[]; closeReason?: string },
  change: { action: AuditAction; detail: Record<string, unknown> },
  at: string,
): void {
  const row = contactRow(ctx.db, id);
  updateContactStatus(ctx.db, id, { status: fields.status, receivedMaterials: JSON.stringify(fields.received ?? receivedIds(row)), closeReason: fields.closeReason ?? null }, at);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, { action: change.action, entity: 'contact', entityId: id, op: 'update', payload: contactPayload(ctx.db, id), detail: change.detail });
}

export function startContact(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'intake.start'>): Contact {
  const item = requireItem(ctx, req.itemCode);
  const at = ctx.clock.now().toISOString();
  const document = prepareDocumentNumber(ctx, req.applicantIdNumber, hallDate(at));
  const origin = ctx.origin();
  const id = newId();
  insertContact(ctx.db, origin, {
        id,
    contactNo: nextNumber(ctx, 'JD', at),
    channel: req.channel,
    itemCode: item.code,
    itemName: item.name,
    applicantName: req.applicantName,
    applicantPhone: req.applicantPhone,
    document,
    ownerStaffId: session.staffId,
        at,
  });
  recordChange(ctx.db, origin, actorOf(call), at, { action: 'intake.start', entity: 'contact', entityId: id, op: 'insert', payload: contactPayload(ctx.db, id) });
  return view(ctx, contactRow(ctx.db, id));
}

export function getContact(ctx: CoreContext, id: string): Contact {
  return view(ctx, contactRow(ctx.db, id));
}

/** A contact with the applicant's details, for its owner or a supervisor; other clerks continue one by its slip number. */
export function readContact(ctx: CoreContext, session: ActiveSession, id: string): Contact {
  const row = contactRow(ctx.db, id);
  if (row.owner_staff_id !== session.staffId && session.role !== 'supervisor') {
    throw new CounterError('FORBIDDEN', '这是其他工作人员首问负责的接待记录，不能查看；申请人持一次性告知单回来时，请输入告知单编号接续办理');
  }
  return view(ctx, row);
}

/** This clerk's contacts that are not finished, newest first. */
export function myContacts(ctx: CoreContext, session: ActiveSession): Contact[] {
  return unfinishedContactsOf(ctx.db, session.staffId).map((row) => view(ctx, row));
}

export function referContact(ctx: CoreContext, call: CallContext, session: ActiveSession, id: string): { contact: Contact; printJobId: string } {
  const row = contactRow(ctx.db, id);
  assertStatus(row, ['open', 'notified', 'referred'], '开具引导单');
  const detail = assertMayChange(ctx, row, session, 'referred');
  const item = requireItem(ctx, row.item_code);
  const hall = slipHall(ctx);
  const target = item.referral ?? (item.windows.length > 0 && !handledHere(item, hall.windowNo)
    ? { where: `本大厅 ${item.windows.join('、')} 号窗口`, address: `${hall.hallName}大厅内，无需另行前往`, phone: hall.officePhone || hall.supervisionPhone, hours: '工作日办公时间' }
    : null);
  if (!target) throw new CounterError('CONFLICT', '本窗口可以办理该事项，无需开具引导单');
  const at = ctx.clock.now().toISOString();
    const slipNo = nextNumber(ctx, 'YD', at);
    const referralId = newId();
    const origin = ctx.origin();
  insertReferral(ctx.db, origin, { id: referralId, slipNo, contactId: id, target, issuedBy: session.staffId, at });
    recordChange(ctx.db, origin, actorOf(call), at, { action: 'intake.refer', entity: 'referral', entityId: referralId, op: 'insert', payload: { id: referralId, slipNo, contactId: id, target } });
    updateContact(ctx, call, id, { status: 'referred' }, { action: 'intake.refer', detail }, at);
  const printJobId = ctx.printing.enqueue(call, {
      kind: 'referral',
      document: referralDocument(hall, slipClerk(ctx, session), { number: slipNo, applicant: slipApplicant(row), matter: item.name, issuedAt: at, ...target }),
    });
  return { contact: getContact(ctx, id), printJobId };
}

export function notifyContact(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'intake.notify'>): { contact: Contact; printJobId: string } {
  const row = contactRow(ctx.db, req.id);
  assertStatus(row, ['open', 'notified'], '开具一次性告知单');
  const detail = assertMayChange(ctx, row, session, 'notified');
  const item = requireItem(ctx, row.item_code);
  if (!handledHere(item, ctx.origin().windowNo)) throw new CounterError('CONFLICT', '本窗口不办理该事项，请开具引导单');
  const { missing, receivedNames } = checkMaterials(item, req.receivedMaterialIds);
  const byId = new Map(item.materials.map((m) => [m.id, m]));
  for (const p of req.problems) {
    const material = byId.get(p.materialId);
    if (!material) throw new CounterError('VALIDATION', '请检查输入：不符合要求的材料不在本事项的清单中，请刷新材料清单', { problems: '包含未知材料' });
    if (!missing.some((m) => m.materialId === p.materialId)) {
      missing.push({ materialId: material.id, name: material.name, standard: material.standard, obtainFrom: material.obtainFrom, problem: p.problem });
    }
  }
  if (missing.length === 0) throw new CounterError('VALIDATION', '材料已齐全，无需一次性告知，请直接受理', { receivedMaterialIds: '材料已齐全' });
  const conforming = receivedNames.filter((name) => !missing.some((m) => m.name === name));
  const at = ctx.clock.now().toISOString();
  const deadline = addWorkingDays(loadWorkCalendar(ctx), hallDate(at), SUPPLEMENT_WORKING_DAYS);
  const supplementBy = 'date' in deadline ? deadline.date : null;
    const slipNo = nextNumber(ctx, 'GZ', at);
    const notificationId = newId();
    const origin = ctx.origin();
  insertNotification(ctx.db, origin, { id: notificationId, slipNo, contactId: req.id, received: req.receivedMaterialIds, missing, supplementBy, issuedBy: session.staffId, at });
    recordChange(ctx.db, origin, actorOf(call), at, {
      action: 'intake.notify',
      entity: 'notification',
      entityId: notificationId,
      op: 'insert',
      payload: { id: notificationId, slipNo, contactId: req.id, received: req.receivedMaterialIds, missing, supplementBy },
    });
    updateContact(ctx, call, req.id, { status: 'notified', received: req.receivedMaterialIds }, { action: 'intake.notify', detail }, at);
  const printJobId = ctx.printing.enqueue(call, {
      kind: 'notification',
      document: notificationDocument(slipHall(ctx), slipClerk(ctx, session), {
        number: slipNo,
        applicant: slipApplicant(row),
        matter: item.name,
        legalBasis: item.legalBasis,
        receivedAt: row.received_at,
        received: conforming,
        missing,
        supplementBy,
      }),
    });
  return { contact: getContact(ctx, req.id), printJobId };
}

/** The applicant comes back with the notification slip: typed or scanned, at any window. */
export function resumeBySlip(ctx: CoreContext, call: CallContext, slipNo: string): Contact {
  const contactId = contactIdOfNotification(ctx.db, slipNo);
  if (contactId === undefined) throw new CounterError('NOT_FOUND', `没有找到编号为 ${slipNo} 的一次性告知单，请核对编号`, { slipNo: '编号不存在' });
  const row = contactRow(ctx.db, contactId);
  if (row.status !== 'notified') {
    const contact = view(ctx, row);
    const detail = contact.caseNo ? `，受理编号 ${contact.caseNo}` : '';
    throw new CounterError('CONFLICT', `该告知单对应的申请当前状态不是“等待补齐材料”${detail}，无需继续办理`);
  }
  recordEvent(ctx.db, ctx.origin(), actorOf(call), ctx.clock.now().toISOString(), { action: 'intake.resume', entity: 'contact', entityId: row.id, detail: { slipNo } });
  return view(ctx, row);
}

export function acceptContact(
  ctx: CoreContext,
  call: CallContext,
  session: ActiveSession,
  req: ParsedRequestOf<'intake.accept'>,
): { contact: Contact; case: ServiceCase; printJobId: string; warning: string | null } {
  const row = contactRow(ctx.db, req.id);
  // marriage, divorce and 补领 have their own forms, rules, dates and slips
  if (marriageFormKind(row.item_code) !== null) {
    throw new CounterError('CONFLICT', `“${row.item_name}”须在“婚姻登记”中办理（登记条件核对、证书字号、离婚冷静期），不能在接待受理中直接受理。请点“在婚姻登记中办理”`);
  }
  assertStatus(row, ['open', 'notified'], '受理');
  const detail = assertMayChange(ctx, row, session, 'accepted');
  const item = requireItem(ctx, row.item_code);
  if (!handledHere(item, ctx.origin().windowNo)) throw new CounterError('CONFLICT', '本窗口不办理该事项，请开具引导单');
  const { missing, receivedNames } = checkMaterials(item, req.receivedMaterialIds);
  if (missing.length > 0) {
    throw new CounterError('VALIDATION', `材料不齐，还缺少：${missing.map((m) => m.name).join('、')}。请开具一次性告知单`, {
      receivedMaterialIds: `还缺少 ${missing.length} 项材料`,
    });
  }
  const at = ctx.clock.now().toISOString();
  const today = hallDate(at);
  const limit = item.timeLimit;
  const due = limit.kind === 'onTheSpot' ? { date: today } : addWorkingDays(loadWorkCalendar(ctx), today, limit.days);
  const dueDate = 'date' in due ? due.date : null;
  const pendingReason = 'date' in due ? null : due.reason;
  const timeLimit = limit.kind === 'onTheSpot' ? '当场办结' : `${limit.days} 个工作日`;
  const caseId = newId();
    const caseNo = nextNumber(ctx, 'SL', at);
    const origin = ctx.origin();
  insertServiceCase(ctx.db, origin, {
    id: caseId,
    caseNo,
    contactId: req.id,
    itemCode: item.code,
    itemName: item.name,
    acceptedBy: session.staffId,
    timeLimit: limit,
    dueDate,
    duePendingReason: pendingReason,
    at,
    });
  recordChange(ctx.db, origin, actorOf(call), at, { action: 'intake.accept', entity: 'service_case', entityId: caseId, op: 'insert', payload: serviceCasePayload(ctx.db, caseId) });
    updateContact(ctx, call, req.id, { status: 'accepted', received: req.receivedMaterialIds }, { action: 'intake.accept', detail }, at);
    const commitments = listCommitments(ctx)
      .slice(0, 3)
      .map(commitmentLine)
      .join('；');
  const printJobId = ctx.printing.enqueue(call, {
      kind: 'receipt',
      document: receiptDocument(slipHall(ctx), slipClerk(ctx, session), {
        number: caseNo,
        applicant: slipApplicant(row),
        matter: item.name,
        received: receivedNames,
        acceptedAt: at,
        timeLimit,
        dueDate,
        applicantPhone: row.applicant_phone,
        resultPickup: item.resultPickup,
        commitments,
      }),
    });
  return {
    contact: getContact(ctx, req.id),
    case: caseView(caseRow(ctx.db, caseId)),
    printJobId,
    warning: pendingReason ? `承诺办结日期待定：${pendingReason}。已在回执上注明“待定”，请提醒主管补录节假日安排。` : null,
  };
}

const CLOSE_REASONS = { consulted: '咨询完毕', referralDone: '已引导至其他部门', withdrawn: '申请人撤回' } as const;

export function closeContact(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'intake.close'>): Contact {
  const row = contactRow(ctx.db, req.id);
  assertStatus(row, ['open', 'notified', 'referred'], '结束');
  const detail = assertMayChange(ctx, row, session, 'closed');
  const at = ctx.clock.now().toISOString();
  updateContact(ctx, call, req.id, { status: 'closed', closeReason: CLOSE_REASONS[req.reason] }, { action: 'intake.close', detail }, at);
  return getContact(ctx, req.id);
}
