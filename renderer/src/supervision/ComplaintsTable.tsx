/** The complaints and suggestions listed: each with its reply, deadline, status and what can be done next. */
import { hallDateTimeSeconds } from '../../../shared/domain/hall-time';
import type { Complaint } from '../../../shared/contract';
import { TableHead } from '../TableHead';
import { COMPLAINT_STATUS_LABELS, KIND_LABELS, VIA_LABELS } from './labels';

interface Props {
  items: readonly Complaint[];
  /** Only a supervisor closes a resolved complaint. */
  canClose: boolean;
  busy: boolean;
  onResolve: (c: Complaint) => void;
  onClose: (c: Complaint) => void;
}

export function ComplaintsTable({ items, canClose, busy, onResolve, onClose }: Props) {
  return (
    <table className="table">
      <TableHead columns={['编号', '类别', '渠道', '反映人', '内容', '承办人', '答复期限', '状态', '']} />
      <tbody>
        {items.map((c) => (
          <tr key={c.id} className={c.overdue ? 'danger-text' : undefined}>
            <td>{c.complaintNo}</td>
            <td>{KIND_LABELS[c.kind]}</td>
            <td>{VIA_LABELS[c.via]}</td>
            <td>
              {c.complainant || '匿名'}
              {c.phone ? <div className="muted">{c.phone}</div> : null}
            </td>
            <td>
              {c.details}
              {c.reply ? <div className="muted">答复：{c.reply}（{hallDateTimeSeconds(c.repliedAt)}）</div> : null}
            </td>
            <td>{c.owner.name}</td>
            <td>
              {c.deadline ?? '待定'}
              {c.overdue ? '（已超期）' : ''}
            </td>
            <td>{COMPLAINT_STATUS_LABELS[c.status]}</td>
            <td className="row-actions">
              {c.status === 'open' ? (
                <button type="button" className="link" onClick={() => onResolve(c)}>
                  办理答复
                </button>
              ) : null}
              {c.status === 'resolved' && canClose ? (
                <button type="button" className="link" onClick={() => onClose(c)} disabled={busy}>
                  办结
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
