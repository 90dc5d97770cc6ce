/** The shift summary as the clerk and the incoming clerk read it. */
import { hallDateTime } from '../../../shared/domain/hall-time';
import { clerkRatingLine } from '../../../shared/domain/rating';
import type { HandoverSummary } from '../../../shared/api/handover';
import { printerLine } from '../../../shared/print/status';

const COUNT_LABELS: [keyof HandoverSummary['counts'], string][] = [
  ['received', '接待'],
  ['notified', '一次性告知'],
  ['referred', '引导'],
  ['accepted', '受理'],
  ['completed', '办结'],
  ['closed', '结束接待'],
];

function time(iso: string): string {
  return hallDateTime(iso).slice(5);
}

export function HandoverSummaryView({ summary }: { summary: HandoverSummary }) {
  return (
    <div className="handover-summary" data-testid="handover-summary">
      <p className="muted">
        {summary.clerk.name}（{summary.clerk.staffNo}）当班 {time(summary.shiftStartedAt)} – {time(summary.shiftEndedAt)}
      </p>
      <div className="count-grid">
        {COUNT_LABELS.map(([key, label]) => (
          <div key={key} className="count-cell">
            <span className="count-value">{summary.counts[key]}</span>
            <span className="count-label">{label}</span>
          </div>
        ))}
      </div>
      <p data-testid="handover-ratings">好差评：{clerkRatingLine(summary.ratings)}</p>
      {summary.registry ? (
        <>
          <p data-testid="handover-registry">
            婚姻登记：结婚 {summary.registry.marriages}，补领 {summary.registry.reissues}，离婚受理 {summary.registry.divorcesAccepted}，离婚登记{' '}
            {summary.registry.divorcesRegistered}，不予登记 {summary.registry.refused}，撤回 {summary.registry.withdrawn}
          </p>
          <h3>
            即将到期的离婚申请 {summary.registry.expiringDivorces.length} 件
            {summary.registry.expiringDivorces.length > 0 ? <span className="danger-text">（请电话提醒双方到场）</span> : null}
          </h3>
          {summary.registry.expiringDivorces.length > 0 ? (
            <table className="table compact" data-testid="handover-expiring-divorces">
              <tbody>
                {summary.registry.expiringDivorces.map((d) => (
                  <tr key={d.caseNo}>
                    <td className="nowrap">{d.caseNo}</td>
                    <td className="nowrap">{d.names}</td>
                    <td>申领离婚证截止 {d.certificateDeadline}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
      <h3>
        在办受理件 {summary.openCasesTotal} 件{summary.overdueTotal > 0 ? <span className="danger-text">（超期 {summary.overdueTotal} 件）</span> : null}
      </h3>
      {summary.openCases.length > 0 ? (
        <table className="table compact">
          <tbody>
            {summary.openCases.map((c) => (
              <tr key={c.caseNo} className={c.overdue ? 'overdue' : ''}>
                <td className="nowrap">{c.caseNo}</td>
                <td>{c.itemName}</td>
                <td className="nowrap">{c.applicantName}</td>
                <td>{c.dueDate ?? '待定'}{c.overdue ? '（超期）' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h3>已告知、等待补齐材料 {summary.awaitingTotal} 件</h3>
      {summary.awaitingMaterials.length > 0 ? (
        <table className="table compact">
          <tbody>
            {summary.awaitingMaterials.map((a) => (
              <tr key={a.slipNo}>
                <td className="nowrap">{a.slipNo}</td>
                <td>{a.itemName}</td>
                <td className="nowrap">{a.applicantName}</td>
                <td>补齐期限 {a.supplementBy ?? '待定'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>
        打印：待打印 {summary.printJobs.queued} 张，失败 {summary.printJobs.failed} 张；{printerLine(summary.printer)}
      </p>
    </div>
  );
}
