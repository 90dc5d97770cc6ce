/** The window's public status: pause with the whereabouts sign, resume, and a preview of the display. */
import { useEffect, useState, type FormEvent } from 'react';
import type { DisplayState } from '../../../shared/contract';
import { hallTime } from '../../../shared/domain/hall-time';
import { PAUSE_REASONS, returnTimeFromClock, WINDOW_STATUS_LABELS } from '../../../shared/domain/window-status';
import type { RendererApi } from '../api';
import { coreNow, useCoreNow } from '../core-clock';
import { DisplayBoard } from '../display/DisplayBoard';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, fieldError, useAction } from '../ui';
import { useQuery } from '../useQuery';

const QUICK_MINUTES = [10, 15, 30, 60];

export function WindowPanel({ api }: { api: RendererApi }) {
  const [reason, setReason] = useState<string>(PAUSE_REASONS[0]);
  const [returnClock, setReturnClock] = useState('');
  const { run, error, busy, setError } = useAction(api);

  const query = useQuery(api, 'display.state', {});
  const { replace: setState } = query;
  const state: DisplayState | null = query.data ?? null;
  useEffect(() => api.on('display.changed', setState), [api, setState]);

  const now = useCoreNow(api);
  const quick = (minutes: number) => setReturnClock(hallTime(coreNow().getTime() + minutes * 60_000));

  const pause = async (e: FormEvent) => {
    e.preventDefault();
    const returnAt = returnTimeFromClock(coreNow(), returnClock);
    if (!returnAt) {
      setError({ code: 'VALIDATION', message: '请按“时:分”填写预计返回时间，例如 10:30', fields: { returnAt: '格式应为 时:分' } });
      return;
    }
    const next = await run('window.pause', { reason: reason.trim(), returnAt: returnAt.toISOString() });
    if (next) setState(next);
  };
  const resume = async () => {
    const next = await run('window.resume', {});
    if (next) setState(next);
  };

  if (!state) return <div className="panel">{query.error ? <QueryError query={query} what="窗口状态" /> : '正在读取窗口状态…'}</div>;
  return (
    <div className="panel window-panel">
      <section className="card">
        <h2>窗口状态</h2>
        <div className={`status-big status-${state.status}`} data-testid="window-status">
          {WINDOW_STATUS_LABELS[state.status]}
          {state.pause ? (
            <span className="status-detail">
              {state.pause.reason}
              {state.pause.returnAt ? `，预计 ${hallTime(state.pause.returnAt)} 返回` : ''}
            </span>
          ) : null}
        </div>
        <ErrorBanner error={error} />
        {state.status === 'closed' ? (
          <>
            <p className="muted">主管登录后窗口默认不对外开放（公示屏显示“窗口未开放”），只作设置时无需改动；要在本窗口接待群众，请开始对外服务。</p>
            <button type="button" className="primary big" onClick={resume} disabled={busy}>
              开始对外服务
            </button>
          </>
        ) : null}
        {state.status === 'paused' ? (
          <button type="button" className="primary big" onClick={resume} disabled={busy}>
            恢复服务
          </button>
        ) : null}
        <form className="pause-form" onSubmit={pause} noValidate hidden={state.status === 'closed'}>
          <h3>{state.status === 'paused' ? '修改去向牌' : '暂停服务（去向牌）'}</h3>
          <Field label="暂停原因" error={fieldError(error, 'reason')}>
            <input name="reason" list="pause-reasons" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={20} />
          </Field>
          <datalist id="pause-reasons">
            {PAUSE_REASONS.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          <Field label="预计返回时间" error={fieldError(error, 'returnAt')} hint="时:分，例如 10:30">
            <input name="returnAt" value={returnClock} onChange={(e) => setReturnClock(e.target.value)} placeholder="10:30" maxLength={5} />
          </Field>
          <div className="quick-row">
            {QUICK_MINUTES.map((m) => (
              <button key={m} type="button" className="chip" onClick={() => quick(m)}>
                {m} 分钟后
              </button>
            ))}
          </div>
          <button type="submit" className="warning" disabled={busy}>
            {state.status === 'paused' ? '更新去向牌' : '暂停服务'}
          </button>
        </form>
      </section>
      <section className="card preview-card">
        <h2>公示屏预览</h2>
        <div className="preview-frame">
          <div className="preview-scale">
            <DisplayBoard state={state} now={now} />
          </div>
        </div>
      </section>
    </div>
  );
}
