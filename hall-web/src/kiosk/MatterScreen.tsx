/** The matter choice: matters grouped by ticket prefix, each with the windows calling it and how many are waiting. */
import type { HallResponse } from '../../../shared/hall/contract';
import { groupMatters } from '../../../shared/domain/kiosk-matters';
import { windowsText } from '../../../shared/print/slips/queue-ticket';

type Matter = HallResponse<'queueWaiting'>['matters'][number];

export function MatterScreen({ matters, green, notice, busy, onTake, onBack }: { matters: Matter[]; green: boolean; notice: string | null; busy: boolean; onTake: (matter: string) => void; onBack: () => void }) {
  const groups = groupMatters(matters);
  return (
    <main className={`kiosk-screen kiosk-matters${green ? ' is-green' : ''}`}>
      <header className="kiosk-bar">
        <button type="button" className="kiosk-back" onClick={onBack}>
          ‹ 返回
        </button>
        <h1 className="kiosk-title">{green ? '绿色通道 · 请选择办理事项' : '请选择办理事项'}</h1>
      </header>
      {green && <p className="kiosk-lead">老年人、残疾人、孕妇等优先办理，请向工作人员出示相关证件</p>}
      {notice && (
        <div className="kiosk-notice" role="status">
          {notice}
        </div>
      )}
      {groups.length === 0 && <p className="kiosk-lead">今天暂无可取号的事项，请到咨询台咨询</p>}
      <div className="kiosk-groups">
        {groups.map((group) => (
          <section key={group.prefix} className="kiosk-group" aria-label={`${group.prefix} 字头`}>
            <h2 className="kiosk-group-title">
              <span className="kiosk-prefix">{group.prefix}</span> 字头号 · 共 {group.waiting} 人等候
            </h2>
            <div className="kiosk-matter-grid">
              {group.matters.map((m) => (
                <button key={m.matter} type="button" className="kiosk-matter" disabled={busy} onClick={() => onTake(m.matter)}>
                  <span className="kiosk-matter-name">{m.name}</span>
                  <span className="kiosk-matter-meta">{windowsText(m.windows)}</span>
                  <span className="kiosk-matter-waiting">
                    等候 <b>{m.waiting}</b> 人
                  </span>
                </button>
              ))}
            </div>
          </section>
        ))}
      </div>
    </main>
  );
}
