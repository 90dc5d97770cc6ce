/** The incoming clerk reads the last handover first and acknowledges it. */
import { hallDateTimeSeconds } from '../../../shared/domain/hall-time';
import type { Handover } from '../../../shared/api/handover';
import type { RendererApi } from '../api';
import { ErrorBanner, useAction } from '../ui';
import { HandoverSummaryView } from './HandoverSummaryView';

const KIND_LABELS: Record<Handover['kind'], string> = { handover: '交班', dayEnd: '日终关窗', correction: '更正' };

export function HandoverAck({ api, handover, onAcknowledged }: { api: RendererApi; handover: Handover; onAcknowledged: () => void }) {
  const { run, error, busy } = useAction(api);
  const acknowledge = async () => {
    if (await run('handover.acknowledge', { id: handover.id })) onAcknowledged();
  };
  return (
    <div className="panel">
      <section className="card handover-ack" data-testid="handover-ack">
        <h2>请先查看上一班的交接（{KIND_LABELS[handover.kind]}）</h2>
        <p>
          交班人 {handover.from.name}（{handover.from.staffNo}），签收人 {handover.countersignedBy.name}（{handover.countersignedBy.staffNo}），
          {hallDateTimeSeconds(handover.countersignedAt)}
        </p>
        <ErrorBanner error={error} />
        <HandoverSummaryView summary={handover.summary} />
        <h3>交接说明</h3>
        <p className="handover-notes">{handover.notes || '无'}</p>
        <h3>交接物品</h3>
        {handover.items.length === 0 ? <p className="muted">无</p> : null}
        <ul>
          {handover.items.map((item, i) => (
            <li key={i}>
              {item.what}
              {item.quantity ? ` × ${item.quantity}` : ''}
              {item.note ? `（${item.note}）` : ''}
            </li>
          ))}
        </ul>
        <div className="actions">
          <button type="button" className="primary" onClick={acknowledge} disabled={busy}>
            已查看，确认接收
          </button>
        </div>
      </section>
    </div>
  );
}
