/**
 * The public-facing board: who serves at this window and what they promise
 * (亮身份、亮职责、亮承诺), the window's status, and where to complain.
 */
import type { DisplayState } from '../../../shared/contract';
import { boardClockText, pauseSignText, WINDOW_STATUS_LABELS } from '../../../shared/domain/window-status';
import '../queue/queue.css';

export function DisplayBoard({ state, now }: { state: DisplayState; now: Date }) {
  const { clerk, pause } = state;
  return (
    <div className={`board board-${state.status}`} data-testid="display-board" data-status={state.status}>
      <header className="board-header">
        <div className="board-hall">
          <div className="board-hall-name">{state.hallName}</div>
          <div className="board-department">{state.department}</div>
        </div>
        <div className="board-window">
          <span className="board-window-no">{state.windowNo}</span>
          <span className="board-window-label">号窗口</span>
        </div>
      </header>
      <div className={`board-status board-status-${state.status}`} data-testid="display-status">
        <span className="board-status-label">{WINDOW_STATUS_LABELS[state.status]}</span>
        {pause ? (
          <span className="board-status-detail" data-testid="display-pause">
            {pauseSignText(now, pause)}
          </span>
        ) : null}
        {state.status === 'closed' ? <span className="board-status-detail">请到其他窗口办理，或咨询导办台</span> : null}
      </div>
      {state.called && state.status !== 'closed' ? (
        <div className="board-called" data-testid="display-called">
          请 <span className="board-called-code">{state.called.code}</span> 号 到本窗口办理
          <span className="board-called-matter">{state.called.matterName}</span>
        </div>
      ) : null}
      <div className="board-body">
        {clerk ? (
          <section className="board-badge" data-testid="display-badge">
            <div className="board-photo">
              {clerk.photoDataUrl ? <img src={clerk.photoDataUrl} alt="工作人员照片" /> : <div className="board-photo-empty">照片</div>}
            </div>
            <div className="board-identity">
              <div className="board-name">{clerk.name}</div>
              <div className="board-line">工号：{clerk.staffNo}</div>
              {clerk.title ? <div className="board-line">职务：{clerk.title}</div> : null}
              {clerk.partyMember ? <div className="board-party">★ 党员先锋岗</div> : null}
              {clerk.duties ? (
                <div className="board-duties">
                  <span className="board-tag">岗位职责</span>
                  {clerk.duties}
                </div>
              ) : null}
            </div>
          </section>
        ) : (
          <section className="board-badge board-badge-empty">
            <div className="board-closed-text">窗口未开放</div>
          </section>
        )}
        <section className="board-commitments">
          <h2>服务承诺</h2>
          <ol>
            {state.commitments.map((c, i) => (
              <li key={i}>
                <span className="commitment-text">{c.text}</span>
                <span className="commitment-limit">{c.timeLimit}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <footer className="board-footer">
        {state.complaintPhone ? <span>投诉电话：{state.complaintPhone}</span> : null}
        <span>监督电话：{state.supervisionPhone}</span>
        {state.leaderOnDuty ? <span>值班领导：{state.leaderOnDuty}</span> : null}
        <span className="board-clock">{boardClockText(now)}</span>
      </footer>
    </div>
  );
}
