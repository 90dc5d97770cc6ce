/**
 * The window's caller (叫号器), always visible under the top bar: the called
 * ticket (code, matter, how long it waited and since when it was called), the
 * waiting count for this window, and the caller's actions on F1–F9.
 */
import { useEffect } from 'react';
import { recallsLeft, ticketClock } from '../../../shared/domain/queue-caller';
import type { RendererApi } from '../api';
import { useCoreNow } from '../core-clock';
import { useLatest } from '../useLatest';
import type { ServiceStart } from '../marriage/form';
import { ErrorBanner } from '../ui';
import { CALLER_KEYS, isCallerKey, type CallerButton } from './caller-keys';
import { CallerDialogs } from './CallerDialogs';
import { useCaller, type Caller } from './useCaller';
import './queue.css';

const STATUS_WORDS = { called: '已叫号', serving: '办理中' } as const;

/** Which buttons the current ticket allows. */
function available(c: Caller): Record<CallerButton, boolean> {
  const t = c.current;
  const cap = c.state?.joined === true ? c.state.recallCap : 0;
  return {
    callNext: t === null,
    recall: t?.status === 'called' && recallsLeft(cap, t.recallCount) > 0,
    pass: t?.status === 'called',
    callBack: t === null,
    transfer: t !== null,
    callTicket: t === null,
    pause: true,
    start: t?.status === 'called',
    finish: t?.status === 'serving',
  };
}

function press(c: Caller, button: CallerButton): void {
  const t = c.current;
  if (button === 'callNext') void c.callNext();
  else if (button === 'recall' && t) void c.act('queue.recall', { ticketId: t.id, recall: t.recallCount + 1 });
  else if (button === 'pass' && t) void c.act('queue.pass', { ticketId: t.id });
  else if (button === 'start' && t) void c.start(t);
  else if (button === 'finish' && t) void c.finish(t);
  else if (button === 'callBack' || button === 'transfer' || button === 'callTicket' || button === 'pause') c.setDialog(c.dialog === button ? null : button);
}

export function CallerBar({ api, onServe }: { api: RendererApi; onServe: (start: ServiceStart) => void }) {
  const c = useCaller(api, onServe);
  const now = useCoreNow(api);
  const latest = useLatest(c);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isCallerKey(e.key) || e.ctrlKey || e.altKey || e.metaKey) return;
      // F1 help, F3 find, F5 reload, F7 caret browsing: the caller's keys here
      e.preventDefault();
      const caller = latest.current;
      const { button } = CALLER_KEYS[e.key];
      if (!e.repeat && caller.state?.joined === true && available(caller)[button]) press(caller, button);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const { state, current } = c;
  if (state?.joined === false) return <div className="caller-bar caller-off" data-testid="caller-bar">叫号器：本窗口未加入大厅，不能叫号（主管可在“系统设置→大厅连接”加入大厅）</div>;
  const can = available(c);
  const left = current && state?.joined === true ? recallsLeft(state.recallCap, current.recallCount) : 0;
  return (
    <div className="caller-bar" data-testid="caller-bar">
      <div className="caller-row">
        <div className="caller-ticket" data-testid="caller-current">
          {current ? (
            <>
              <span className="caller-code">{current.code}</span>
              <span className="caller-detail">
                <span>
                  <span className="caller-matter">{current.matterName}</span>
                  {current.kind !== 'normal' ? <span className="caller-kind">{current.kind === 'green' ? '绿色通道' : '预约'}</span> : null}
                  {current.documentMasked !== null ? <span className="caller-kind" data-testid="caller-card">已刷证 {current.documentMasked}</span> : null}
                  <span className={`caller-status caller-status-${current.status}`}>{current.status === 'called' || current.status === 'serving' ? STATUS_WORDS[current.status] : ''}</span>
                </span>
                <span className="caller-clock">{ticketClock(current, now.getTime())}</span>
              </span>
            </>
          ) : (
            <span className="muted">{state ? '当前没有叫号' : '正在连接大厅…'}</span>
          )}
        </div>
        <div className="caller-waiting" data-testid="caller-waiting">
          等候 <strong>{state?.joined === true ? state.waiting : '–'}</strong> 人
        </div>
        <div className="caller-buttons">
          {Object.entries(CALLER_KEYS).map(([key, { button, label }]) => (
            <button key={key} type="button" className={button === 'callNext' ? 'primary' : 'secondary'} disabled={!can[button] || c.busy || state === undefined} onClick={() => press(c, button)}>
              <kbd>{key}</kbd> {label}
              {button === 'recall' && current?.status === 'called' ? <span className="caller-left">（剩 {left} 次）</span> : null}
            </button>
          ))}
          <button type="button" className="secondary caller-green" disabled={state === undefined} onClick={() => c.setDialog(c.dialog === 'green' ? null : 'green')}>
            绿色通道
          </button>
        </div>
      </div>
      {c.notice ? <div className="caller-notice" role="status">{c.notice}</div> : null}
      <ErrorBanner error={c.error ?? c.query.error} />
      <CallerDialogs api={api} caller={c} />
    </div>
  );
}
