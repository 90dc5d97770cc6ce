/** The table of a reference card whose entries are added and removed one at a time: each row ends in a 删除 button; no rows, a note. */
import type { ReactNode } from 'react';
import { TableHead } from '../../../../renderer/src/TableHead';

interface Props<T> {
  rows: readonly T[];
  /** Said instead of the table when there are no rows. */
  empty: string;
  testId: string;
  columns: string[];
  rowKey: (row: T) => string;
  /** The row's cells before its 删除 button. */
  cells: (row: T) => ReactNode;
  onDelete: (row: T) => void;
}

export function DeletableTable<T>({ rows, empty, testId, columns, rowKey, cells, onDelete }: Props<T>) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="table compact" data-testid={testId}>
      <TableHead columns={[...columns, '']} />
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {cells(row)}
            <td className="nowrap">
              <button type="button" className="link" onClick={() => onDelete(row)}>
                删除
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
