/** Today's walk-ins at this window beside the appointments: when, who, for what, and where their contact stands. */
import type { Contact, ResponseOf } from '../../../shared/contract';
import { hallTime } from '../../../shared/domain/hall-time';

const WALK_IN_STATUS: Record<Contact['status'], string> = {
  open: '接待中',
  notified: '已告知',
  referred: '已引导',
  accepted: '已受理',
  closed: '已结束',
};

export function WalkIns({ walkIns }: { walkIns: ResponseOf<'appointments.day'>['walkIns'] | undefined }) {
  return (
    <section className="card appointments-walkins" data-testid="walk-ins">
      <h3>现场取号（{walkIns?.length ?? 0}）</h3>
      {walkIns && walkIns.length === 0 ? <p className="muted">今天还没有现场接待。</p> : null}
      <ul className="walkin-list">
        {walkIns?.map((w) => (
          <li key={w.contactId}>
            <span className="walkin-time">{hallTime(w.receivedAt)}</span>
            <span>
              {w.applicantName} · {w.itemName}
              <div className="muted small">{w.number}</div>
            </span>
            <span className="tag">{WALK_IN_STATUS[w.status]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
