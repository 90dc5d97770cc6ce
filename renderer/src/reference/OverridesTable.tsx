/** The overrides entered, each with 修改 and a 删除 that asks once more before it deletes. */
import { useState } from 'react';
import type { CalendarOverrideView } from '../../../shared/api/reference';
import { describeDate, isPlainDate } from '../../../shared/domain/plain-date';
import { TableHead } from '../TableHead';

export function dateLabel(date: string): string {
  return isPlainDate(date) ? describeDate(date) : date;
}

interface Props {
  overrides: readonly CalendarOverrideView[];
  /** The date in the form: its row is highlighted. */
  selectedDate: string;
  busy: boolean;
  onEdit: (o: CalendarOverrideView) => void;
  onDelete: (date: string) => void;
}

export function OverridesTable({ overrides, selectedDate, busy, onEdit, onDelete }: Props) {
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  return (
    <table className="table" data-testid="calendar-overrides">
      <TableHead columns={['日期', '这一天', '名称', '依据文件', '全年标记', '录入人', '']} />
      <tbody>
        {overrides.map((o) => (
          <tr key={o.id} className={o.date === selectedDate ? 'selected' : ''}>
            <td>{dateLabel(o.date)}</td>
            <td>{o.kind === 'restday' ? '休息' : '上班'}</td>
            <td>{o.name}</td>
            <td>{o.source}</td>
            <td>{o.coversYear ? `${o.date.slice(0, 4)} 年已录完` : ''}</td>
            <td>{o.enteredBy ?? ''}</td>
            <td className="row-actions">
              <button type="button" className="link" onClick={() => onEdit(o)}>
                修改
              </button>
              {confirmDelete === o.date ? (
                <>
                  <button
                    type="button"
                    className="link danger-link"
                    onClick={() => {
                      setConfirmDelete(null);
                      onDelete(o.date);
                    }}
                    disabled={busy}
                  >
                    确认删除
                  </button>
                  <button type="button" className="link" onClick={() => setConfirmDelete(null)}>
                    取消
                  </button>
                </>
              ) : (
                <button type="button" className="link danger-link" onClick={() => setConfirmDelete(o.date)}>
                  删除
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
