/**
 * 沟通联系制: notes on a case addressed to another window or department, and
 * the one reply each note gets (entered by the clerk who receives it).
 */
import type { CoordinationNote, ParsedRequestOf } from '../../../shared/contract';
import { CounterError } from '../../../shared/result';
import { actorOf, type ActiveSession, type CallContext, type CoreContext } from '../core/context';
import { recordChange } from '../db/ledger';
import { newId } from '../core/ids';
import { staffById } from '../staff/staff-repo';
import { caseExists, insertNote, noteById, notesOfCase, replyToNote, unansweredNotes, type NoteRow } from './coordination-repo';

/** Open notes shown when no case is given. */
const OPEN_LIMIT = 200;

function noteRow(ctx: CoreContext, id: string): NoteRow {
  const row = noteById(ctx.db, id);
  if (!row) throw new CounterError('NOT_FOUND', '找不到该沟通记录，请刷新后重试');
  return row;
}

function view(row: NoteRow): CoordinationNote {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNo: row.case_no,
    from: { name: row.from_name ?? '', staffNo: row.from_no ?? '' },
    addressedTo: row.addressed_to,
    message: row.content,
    reply: row.reply,
    repliedBy: row.replied_by,
    repliedAt: row.replied_at,
    createdAt: row.created_at,
  };
}

function payload(row: NoteRow): Record<string, unknown> {
  return {
    id: row.id,
    caseId: row.case_id,
    fromStaffId: row.from_staff_id,
    addressedTo: row.addressed_to,
    content: row.content,
    reply: row.reply,
    repliedBy: row.replied_by,
    repliedAt: row.replied_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function addNote(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'coordination.add'>): CoordinationNote {
  const at = ctx.clock.now().toISOString();
  const id = newId();
  if (!caseExists(ctx.db, req.caseId)) throw new CounterError('NOT_FOUND', '找不到该受理件，请刷新后重试');
  const origin = ctx.origin();
  insertNote(ctx.db, origin, { id, caseId: req.caseId, fromStaffId: session.staffId, addressedTo: req.addressedTo, content: req.message, at });
  recordChange(ctx.db, origin, actorOf(call), at, {
    action: 'coordination.add',
    entity: 'coordination_note',
    entityId: id,
    op: 'insert',
    payload: payload(noteRow(ctx, id)),
  });
  return view(noteRow(ctx, id));
}

export function listNotes(ctx: CoreContext, req: ParsedRequestOf<'coordination.list'>): CoordinationNote[] {
  const rows = req.caseId !== undefined ? notesOfCase(ctx.db, req.caseId) : unansweredNotes(ctx.db, OPEN_LIMIT);
  return rows.map(view);
}

export function replyNote(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'coordination.reply'>): CoordinationNote {
  const at = ctx.clock.now().toISOString();
  const staff = staffById(ctx.db, session.staffId);
  const repliedBy = `${staff?.name ?? ''}（${session.staffNo}）`;
  const row = noteRow(ctx, req.id);
  if (row.reply !== null) throw new CounterError('CONFLICT', `该沟通事项已由 ${row.replied_by ?? ''} 答复，不能重复答复`);
  replyToNote(ctx.db, req.id, req.reply, repliedBy, at);
  recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
    action: 'coordination.reply',
    entity: 'coordination_note',
    entityId: req.id,
    op: 'update',
    payload: payload(noteRow(ctx, req.id)),
  });
  return view(noteRow(ctx, req.id));
}
