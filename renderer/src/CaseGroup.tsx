/** One deadline group of a work list (已超期, 今天到期…): its heading with the count, toned by urgency, and its table. */
import type { ReactNode } from 'react';
import { TableHead } from './TableHead';

interface Props {
  label: string;
  /** 'danger' | 'warn' | 'plain': the group's colour (case-<tone>). */
  tone: string;
  columns: readonly string[];
  rows: ReactNode[];
}

export function CaseGroup({ label, tone, columns, rows }: Props) {
  return (
    <div className={`case-group case-${tone}`}>
      <h3>{`${label}（${rows.length}）`}</h3>
      <table className="table">
        <TableHead columns={columns} />
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
}
