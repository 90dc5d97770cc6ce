/** The ticket taken: number, matter, windows, how many ahead, what to bring; back to the start after a while or a tap. */
import { useEffect } from 'react';
import type { HallResponse } from '../../../shared/hall/contract';
import { windowsText } from '../../../shared/print/slips/queue-ticket';

/** How long the ticket stays on screen. */
export const TICKET_SCREEN_MS = 20_000;

const KIND_NOTE = { normal: null, green: '绿色通道 · 优先办理', appointment: '预约已签到 · 优先办理' } as const;

export function TicketScreen({ answer, onDone }: { answer: HallResponse<'queueTake'>; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, TICKET_SCREEN_MS);
    return () => clearTimeout(timer);
  }, [onDone]);
  const { ticket } = answer;
  const note = KIND_NOTE[ticket.kind];
  return (
    <main className="kiosk-screen kiosk-ticket" onClick={onDone}>
      <p className="kiosk-lead">{answer.printing ? '取号成功，请取走号票' : '取号成功，请记住您的号码'}</p>
      <div className="kiosk-ticket-card">
        <div className="kiosk-ticket-code" data-testid="ticket-code">
          {ticket.code}
        </div>
        {note && <div className="kiosk-ticket-kind">{note}</div>}
        <dl className="kiosk-ticket-facts">
          <dt>办理事项</dt>
          <dd>{ticket.matterName}</dd>
          <dt>办理窗口</dt>
          <dd>{windowsText(answer.windows)}</dd>
          <dt>前面等候</dt>
          <dd>
            <b>{answer.ahead}</b> 人
          </dd>
        </dl>
        <div className="kiosk-bring">
          <h2>请准备以下材料</h2>
          {answer.bring.length > 0 ? (
            <ol>
              {answer.bring.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ol>
          ) : (
            <p>本人有效身份证件</p>
          )}
        </div>
      </div>
      <p className="kiosk-hint">请留意叫号屏幕和语音提示 · 轻触屏幕返回首页</p>
    </main>
  );
}
