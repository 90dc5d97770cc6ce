/** The callbacks recorded lately: when, what kind, who, reached or not, satisfaction and what was said. */
import { hallDateTimeSeconds } from '../../../shared/domain/hall-time';
import type { ResponseOf } from '../../../shared/contract';
import { TableHead } from '../TableHead';
import { SOURCE_LABELS, satisfactionLabel } from './labels';

export function RecentCallbacks({ recent }: { recent: ResponseOf<'callbacks.due'>['recent'] }) {
  return (
    <section className="card">
      <h2>最近的回访记录</h2>
      <table className="table">
        <TableHead columns={['回访时间', '类型', '申请人', '结果', '满意度', '回访情况']} />
        <tbody>
          {recent.map((c) => (
            <tr key={c.id}>
              <td>{hallDateTimeSeconds(c.doneAt)}</td>
              <td>{SOURCE_LABELS[c.source]}</td>
              <td>{c.applicantName}</td>
              <td>{c.status === 'done' ? '已回访' : '联系不上'}</td>
              <td>{satisfactionLabel(c.satisfaction)}</td>
              <td>{c.outcome ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
