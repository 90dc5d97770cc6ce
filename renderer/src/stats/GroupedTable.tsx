/** A statistics table by group (工作人员, 窗口, 事项, 日期) with a 合计 row: the queue's and the hall console's tables. */
import { TableHead } from '../TableHead';

export interface GroupedTableProps<R extends { key: string }> {
  rows: readonly R[];
  total: R;
  columns: readonly string[];
  cells: (row: R) => readonly (number | string)[];
  /** What a row is; keyLabel: how a key reads (e.g. "3 号窗口"). */
  keyHeader: string;
  keyLabel: (key: string) => string;
  testId: string;
  caption?: string;
}

export function GroupedTable<R extends { key: string }>({ rows, total, columns, cells, keyHeader, keyLabel, testId, caption }: GroupedTableProps<R>) {
  return (
    <div className="stats-table-wrap">
      <table className="table stats-table" data-testid={testId}>
        {caption === undefined ? null : <caption>{caption}</caption>}
        <TableHead columns={[keyHeader, ...columns]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{keyLabel(r.key)}</th>
              {cells(r).map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">合计</th>
            {cells(total).map((c, i) => (
              <td key={i}>{c}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
