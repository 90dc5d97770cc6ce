/**
 * The open work and statistics a few windows push to a test hall (the console's
 * 待办案件 and 大厅统计): change rows shaped like the windows' own (full rows
 * and the partial updates some entities send), dated around `today`.
 */
import { addDays } from '../../shared/domain/plain-date';
import type { ChangeRow } from '../../shared/hall/contract';
import { changeRow } from './hall';
import { contactPayload } from './hall-console';

const iso = (d: string, hhmm = '10:00') => new Date(`${d}T${hhmm}:00+08:00`).toISOString();

/** What each window pushes: a staff row, contacts, an accepted case, a callback, a follow-up, a complaint, a divorce. */
export function workRows(windowNo: string, today: string): ChangeRow[] {
  const day = (n: number) => addDays(today, n);
  const rows: ChangeRow[] = [];
  const add = (entity: string, entityId: string, payload: Record<string, unknown>, op: ChangeRow['op'] = 'insert', createdAt = iso(day(-3))) =>
    rows.push(changeRow(rows.length + 1, { entity, entityId, op, payload, createdAt }));
  const staffId = `staff-${windowNo}`;
  add('staff', staffId, { id: staffId, staffNo: `10${windowNo}1`, name: `员工${windowNo}` });
  const contact = (id: string, status: string, received: string) => ({ ...contactPayload(id, windowNo, { contactNo: `JD${windowNo}-${id}`, name: `申请人${id}`, receivedAt: received, status, item: '户籍迁移' }), owner_staff_id: staffId });
  const c1 = `${windowNo}-c1`;
  add('contact', c1, contact(c1, 'open', iso(day(-3), '09:00')));
  add('contact', c1, contact(c1, 'accepted', iso(day(-3), '09:00')), 'update');
  add('service_case', `${windowNo}-s1`, { id: `${windowNo}-s1`, case_no: `SL${windowNo}01`, contact_id: c1, item_name: '户籍迁移', accepted_by: staffId, accepted_at: iso(day(-3), '09:30'), due_date: day(-1), status: 'open' });
  const c2 = `${windowNo}-c2`;
  add('contact', c2, contact(c2, 'notified', iso(day(-2))));
  add('notification', `${windowNo}-n1`, { id: `${windowNo}-n1`, slipNo: `GZ${windowNo}01`, contactId: c2 }, 'insert', iso(day(-2), '10:05'));
  // a callback: scheduled (full row), then its outcome as a partial update on window 1 only
  add('callback', `${windowNo}-cb`, { id: `${windowNo}-cb`, source: 'badRating', contactId: c2, dueDate: day(-1), status: 'due', createdAt: iso(day(-2)) });
  if (windowNo === '1') add('callback', `${windowNo}-cb`, { id: `${windowNo}-cb`, status: 'done', outcome: '已回访', doneAt: iso(day(0)) }, 'update');
  add('rating', `${windowNo}-r1`, { id: `${windowNo}-r1`, contact_id: c2, staff_id: staffId, status: 'rated', level: 1, answered_at: iso(day(-2), '10:10'), requested_at: iso(day(-2), '10:09') });
  add('follow_up', `${windowNo}-f1`, { id: `${windowNo}-f1`, contact_id: c2, staff_id: staffId, status: 'open', opened_at: iso(day(-2)), contact_due: day(2), rectify_due: null });
  add('complaint', `${windowNo}-p1`, { id: `${windowNo}-p1`, complaintNo: `TS${windowNo}01`, kind: 'complaint', status: 'open', deadline: day(3), receivedAt: iso(day(-1)) });
  add('civil_case', `${windowNo}-d1`, { id: `${windowNo}-d1`, case_no: `LH${windowNo}01`, kind: 'divorce', status: 'accepted', received_at: iso(day(-10)), received_by: staffId, cooling_off_end: day(20), certificate_deadline: day(50), parties: [{ name: `甲${windowNo}` }, { name: `乙${windowNo}` }] });
  return rows;
}

