/** The open cases list: overdue first (in red), then by due date. */
import { OPEN_CASE_KIND_LABELS } from '../../../shared/domain/hall-open-cases';
import type { OpenCaseRow } from '../../../shared/hall/console-work-contract';
import { TableHead } from '../../../renderer/src/TableHead';
import { hallTimeShort } from '../ui';

export function CasesTable({ rows, shownOf }: { rows: OpenCaseRow[]; shownOf: number }) {
  if (rows.length === 0) return <p className="muted">没有符合条件的待办案件。</p>;
  return (
    <>
      <table className="table" data-testid="cases-table">
        <TableHead columns={['窗口', '类别', '状态', '编号', '申请人 / 当事人', '事项', '发生', '期限']} />
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.entity}:${r.entityId}`} className={r.overdue ? 'case-overdue' : undefined} data-overdue={r.overdue}>
              <td>{r.windowNo} 号</td>
              <td>{OPEN_CASE_KIND_LABELS[r.kind]}</td>
              <td>{r.state}</td>
              <td>{r.refNo ?? '—'}</td>
              <td>{r.names.join('、') || '—'}</td>
              <td>{r.item ?? '—'}</td>
              <td>{hallTimeShort(r.since)}</td>
              <td>
                {r.due ?? <span className="muted">无 / 待定</span>}
                {r.overdue && <span className="console-badge danger">逾期</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shownOf > rows.length && <p className="muted">显示前 {rows.length} 件，共 {shownOf} 件；请按窗口或类别筛选。</p>}
    </>
  );
}
