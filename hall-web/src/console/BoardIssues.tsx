/** What needs the supervisor's attention: audit chains that no longer extend what the hall saw, and quarantined rows. */
import type { BoardResponse } from '../../../shared/hall/console-contract';
import { TableHead } from '../../../renderer/src/TableHead';
import { hallTimeShort } from '../ui';

const REASONS = { shorter: '审计链变短（记录被删除）', rewritten: '审计链被改写', unlinked: '审计链不再衔接' } as const;

export function BoardIssues({ board }: { board: BoardResponse }) {
  return (
    <section className="card" aria-labelledby="issues-title">
      <h2 id="issues-title">审计链与隔离记录</h2>
      {board.auditBreaks.length === 0 && board.quarantined.length === 0 && <p className="muted">各窗口审计链完整，没有被隔离的记录。</p>}
      {board.auditBreaks.length > 0 && (
        <>
          <h3>审计链异常</h3>
          <table className="table" data-testid="audit-breaks">
            <TableHead columns={['窗口', '情况', '大厅保存的位置', '窗口报告的位置', '发现时间']} />
            <tbody>
              {board.auditBreaks.map((b) => (
                <tr key={`${b.windowNo}-${b.held.seq}-${b.detectedAt}`}>
                  <td>{b.windowNo} 号</td>
                  <td className="error-text">{REASONS[b.reason]}</td>
                  <td>第 {b.held.seq} 条</td>
                  <td>第 {b.reported.seq} 条</td>
                  <td>{hallTimeShort(b.detectedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {board.quarantined.length > 0 && (
        <>
          <h3>隔离记录（已确认收到但未能入库）</h3>
          <table className="table" data-testid="quarantined">
            <TableHead columns={['窗口', '序号', '原因', '收到时间']} />
            <tbody>
              {board.quarantined.map((q) => (
                <tr key={`${q.windowNo}-${q.seq}`}>
                  <td>{q.windowNo} 号</td>
                  <td>{q.seq}</td>
                  <td className="console-reason">{q.reason}</td>
                  <td>{hallTimeShort(q.receivedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
