/** One group of the divorce applications: its heading with the count, and its table or a line saying it is empty. */
import type { ReactNode } from 'react';
import { TableHead } from '../TableHead';

interface Props {
  title: string;
  /** The count after the title, e.g. "3 件". */
  count: string;
  empty: string;
  /** Column headings; an empty string is a column without one. */
  columns: readonly string[];
  /** The table's rows; shown when there are any. */
  rows: ReactNode[];
}

export function DivorceGroup({ title, count, empty, columns, rows }: Props) {
  return (
    <section className="div-group" aria-label={title}>
      <h3>
        {`${title} `}
        <span className="div-count">{count}</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="table div-table">
          <TableHead columns={columns} />
          <tbody>{rows}</tbody>
        </table>
      )}
    </section>
  );
}
