/** One page of a hall ledger, newest first. */
import type { ConsoleLedger, LedgerRow } from '../../../shared/hall/console-contract';
import { ledgerStatusLabel } from '../../../shared/hall/ledger-csv';
import { TableHead } from '../../../renderer/src/TableHead';

const COLUMNS: Record<ConsoleLedger, readonly string[]> = {
  contacts: ['窗口', '受理日期', '受理编号', '申请人', '事项', '状态'],
  marriages: ['窗口', '登记日期', '案件编号', '结婚证字号', '当事人', '状态'],
};

export function LedgerTable({ ledger, rows, total }: { ledger: ConsoleLedger; rows: LedgerRow[]; total: number }) {
  if (rows.length === 0) return <p className="muted">没有符合条件的记录。</p>;
  return (
    <>
      <table className="table" data-testid="ledger-table">
        <TableHead columns={COLUMNS[ledger]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.entityId}>
              <td>{r.windowNo} 号</td>
              <td>{r.day ?? '—'}</td>
              <td>{r.refNo ?? '—'}</td>
              {ledger === 'marriages' && <td>{r.certificateNo ?? '—'}</td>}
              <td>{r.names.join('、')}</td>
              {ledger === 'contacts' && <td>{r.item ?? '—'}</td>}
              <td>{ledgerStatusLabel(ledger, r.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length && <p className="muted">显示最新的 {rows.length} 条，共 {total} 条；请缩小查询范围或导出 CSV 查看全部。</p>}
    </>
  );
}
