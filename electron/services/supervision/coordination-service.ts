/**
 * 沟通联系制: notes on a case addressed to another window or department, and
 * the one reply each note gets (entered by the clerk who receives it).
 */
import type { CoordinationNote, ParsedRequestOf } from '../../../shared/contract';
import { CounterError } from '../../../shared/result';
import { actorOf, type ActiveSession, type CallContext, type CoreContext } from '../context';
import { recordChange } from '../db/ledger';
import { newId } from '../ids';
import { staffById } from '../staff-repo';

/** Open notes shown when no case is given. */
const OPEN_LIMIT = 200;

interface NoteRow {
  id: string;
  case_id: string;
  from_staff_id: string;
  addressed_to: string;
  content: string;
  reply: string | null;
  replied_by: string | null;
  replied_at: string | null;
  created_at: string;
  updated_at: string;
  case_no: string;
  from_name: string | null;
  from_no: string | null;
}

const SELECT_NOTE = `SELECT n.*, c.case_no, s.name AS from_name, s.staff_no AS from_no
  FROM coordination_note n JOIN service_case c ON c.id = n.case_id LEFT JOIN staff s ON s.id = n.from_staff_id`;

function noteRow(ctx: CoreContext, id: string): NoteRow {
  const row = ctx.db.prepare(`${SELECT_NOTE} WHERE n.id = ?`).get(id) as NoteRow | undefined;
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
  ctx.db.transaction(() => {
    const found = ctx.db.prepare('SELECT id FROM service_case WHERE id = ?').get(req.caseId);
    if (!found) throw new CounterError('NOT_FOUND', '找不到该受理件，请刷新后重试');
    const origin = ctx.origin();
    ctx.db
      .prepare(
        `INSERT INTO coordination_note (id, hall_id, window_no, case_id, from_staff_id, addressed_to, content, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, origin.hallId, origin.windowNo, req.caseId, session.staffId, req.addressedTo, req.message, at, at);
    recordChange(ctx.db, origin, actorOf(call), at, {
      action: 'coordination.add',
      entity: 'coordination_note',
      entityId: id,
      op: 'insert',
      payload: payload(noteRow(ctx, id)),
    });
  })();
  return view(noteRow(ctx, id));
}

export function listNotes(ctx: CoreContext, req: ParsedRequestOf<'coordination.list'>): CoordinationNote[] {
  if (req.caseId !== undefined) {
    const rows = ctx.db.prepare(`${SELECT_NOTE} WHERE n.case_id = ? ORDER BY n.created_at, n.id`).all(req.caseId) as NoteRow[];
    return rows.map(view);
  }
  const rows = ctx.db.prepare(`${SELECT_NOTE} WHERE n.reply IS NULL ORDER BY n.created_at, n.id LIMIT ?`).all(OPEN_LIMIT) as NoteRow[];
  return rows.map(view);
}

export function replyNote(ctx: CoreContext, call: CallContext, session: ActiveSession, req: ParsedRequestOf<'coordination.reply'>): CoordinationNote {
  const at = ctx.clock.now().toISOString();
  const staff = staffById(ctx.db, session.staffId);
  const repliedBy = `${staff?.name ?? ''}（${session.staffNo}）`;
  ctx.db.transaction(() => {
    const row = noteRow(ctx, req.id);
    if (row.reply !== null) throw new CounterError('CONFLICT', `该沟通事项已由 ${row.replied_by ?? ''} 答复，不能重复答复`);
    ctx.db.prepare('UPDATE coordination_note SET reply = ?, replied_by = ?, replied_at = ?, updated_at = ? WHERE id = ?').run(req.reply, repliedBy, at, at, req.id);
    recordChange(ctx.db, ctx.origin(), actorOf(call), at, {
      action: 'coordination.reply',
      entity: 'coordination_note',
      entityId: req.id,
      op: 'update',
      payload: payload(noteRow(ctx, req.id)),
    });
  })();
  return view(noteRow(ctx, req.id));
}
