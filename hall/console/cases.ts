/**
 * Open and overdue cases across windows on the console: the latest state of
 * every pushed record that can be open work (ledger_entry, looked up by entity
 * and status on ledger_entry_work), judged by the windows' own rules
 * (shared/domain/hall-open-cases.ts) on the hall's date.
 */
import { countOpenCases, OPEN_CASE_KINDS, openCaseOf } from '../../shared/domain/hall-open-cases';
import { hallDate } from '../../shared/domain/hall-time';
import { OPEN_CASES_PAGE_MAX, type OpenCaseRow, type OpenCasesResponse, openCasesQuerySchema } from '../../shared/hall/console-work-contract';
import type { z } from 'zod';
import type { Pool } from '../db/pool';

/** The statuses in which each entity may be open work (the rule decides; this only narrows the scan). */
const OPEN_STATUSES: Record<string, readonly string[]> = {
  contact: ['open', 'notified'],
  service_case: ['open'],
  callback: ['due'],
  follow_up: ['open'],
  complaint: ['open', 'resolved'],
  civil_case: ['accepted'],
};

interface EntryRow {
  entity: string;
  entity_id: string;
  window_no: string;
  at: string | null;
  ref_no: string | null;
  names: string[];
  item: string | null;
  status: string | null;
  payload: Record<string, unknown>;
  contact_no: string | null;
  contact_name: string | null;
  contact_item: string | null;
}

/** Every open case of the hall (optionally of one window), judged on `today`. */
export async function allOpenCases(pool: Pool, hallId: string, today: string, windowNo?: string): Promise<OpenCaseRow[]> {
  const pairs = Object.entries(OPEN_STATUSES).flatMap(([entity, statuses]) => statuses.map((status) => `('${entity}', '${status}')`));
  const { rows } = await pool.query<EntryRow>(
    `SELECT e.entity, e.entity_id, e.window_no, e.at, e.ref_no, e.names, e.item, e.status, e.payload,
            c.ref_no AS contact_no, c.names[1] AS contact_name, c.item AS contact_item
     FROM ledger_entry e
     LEFT JOIN ledger_entry c ON c.hall_id = e.hall_id AND c.entity = 'contact' AND e.entity IN ('callback', 'follow_up', 'service_case')
       AND c.entity_id = COALESCE(e.payload->>'contact_id', e.payload->>'contactId')
     WHERE e.hall_id = $1 AND (e.entity, e.status) IN (${pairs.join(', ')}) AND ($2::text IS NULL OR e.window_no = $2)`,
    [hallId, windowNo ?? null],
  );
  const cases: OpenCaseRow[] = [];
  for (const r of rows) {
    const open = openCaseOf({ entity: r.entity, status: r.status, payload: r.payload }, today);
    if (open === null) continue;
    cases.push({
      entity: r.entity,
      entityId: r.entity_id,
      windowNo: r.window_no,
      kind: open.kind,
      state: open.state,
      refNo: r.ref_no ?? r.contact_no,
      names: r.names.length > 0 ? r.names : r.contact_name ? [r.contact_name] : [],
      item: r.entity === 'civil_case' || r.entity === 'complaint' ? null : (r.item ?? r.contact_item),
      since: r.at,
      due: open.due,
      overdue: open.overdue,
    });
  }
  return cases.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || (a.since ?? '').localeCompare(b.since ?? ''));
}

export async function openCases(pool: Pool, hallId: string, q: z.output<typeof openCasesQuerySchema>, now = new Date()): Promise<OpenCasesResponse> {
  const today = hallDate(now);
  const all = await allOpenCases(pool, hallId, today, q.windowNo || undefined);
  const ofKind = q.kind ? all.filter((c) => c.kind === q.kind) : all;
  const byKind = OPEN_CASE_KINDS.map((kind) => {
    const of = all.filter((c) => c.kind === kind);
    return { kind, open: of.length, overdue: of.filter((c) => c.overdue).length };
  });
  const shown = q.overdueOnly ? ofKind.filter((c) => c.overdue) : ofKind;
  return {
    today,
    rows: shown.slice(0, OPEN_CASES_PAGE_MAX),
    byWindow: countOpenCases(ofKind),
    byKind,
    total: { open: ofKind.length, overdue: ofKind.filter((c) => c.overdue).length },
  };
}
