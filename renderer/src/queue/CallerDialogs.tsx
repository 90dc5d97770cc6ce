/** The caller's forms that need a choice: 回呼 a passed ticket, 转移, 指定叫号, 暂停 with its reason, 绿色通道. */
import { useState, type FormEvent } from 'react';
import type { QueueState } from '../../../shared/contract';
import { ticketClock } from '../../../shared/domain/queue-caller';
import { PAUSE_REASONS, returnTimeFromClock } from '../../../shared/domain/window-status';
import { hallTime } from '../../../shared/domain/hall-time';
import type { RendererApi } from '../api';
import { newRequestId } from '../kit/request-id';
import { coreNow } from '../core-clock';
import type { Caller } from './useCaller';

type Joined = Extract<QueueState, { joined: true }>;

export function CallerDialogs({ api, caller }: { api: RendererApi; caller: Caller }) {
  const { state, dialog } = caller;
  if (dialog === null || state?.joined !== true) return null;
  return (
    <div className="caller-dialog" data-testid="caller-dialog">
      {dialog === 'callBack' ? <CallBackList state={state} caller={caller} /> : null}
      {dialog === 'transfer' ? <TransferForm state={state} caller={caller} /> : null}
      {dialog === 'callTicket' ? <CallTicketForm caller={caller} /> : null}
      {dialog === 'pause' ? <PauseForm api={api} caller={caller} /> : null}
      {dialog === 'green' ? <GreenForm state={state} caller={caller} /> : null}
      <button type="button" className="secondary" onClick={() => caller.setDialog(null)}>
        取消
      </button>
    </div>
  );
}

function CallBackList({ state, caller }: { state: Joined; caller: Caller }) {
  if (state.passed.length === 0) return <span className="muted">今天没有可回呼的过号</span>;
  return (
    <ul className="caller-passed" aria-label="过号列表">
      {state.passed.map((t) => (
        <li key={t.id}>
          <span className="caller-code-small">{t.code}</span> {t.matterName} <span className="muted">{ticketClock(t, coreNow().getTime())}</span>
          <button type="button" className="primary" disabled={caller.busy} onClick={() => void caller.act('queue.callBack', { ticketId: t.id })}>
            回呼 {t.code}
          </button>
        </li>
      ))}
    </ul>
  );
}

function TransferForm({ state, caller }: { state: Joined; caller: Caller }) {
  const [target, setTarget] = useState('');
  const ticket = caller.current;
  if (ticket === null) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [kind, value] = target.split(':');
    void caller.act('queue.transfer', kind === 'window' ? { ticketId: ticket.id, windowNo: value ?? '' } : { ticketId: ticket.id, matter: value ?? '' });
  };
  return (
    <form onSubmit={submit} className="caller-form">
      <label>
        把 {ticket.code} 号转移到（保留排队位置）
        <select aria-label="转移到" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">请选择</option>
          {state.windows.map((w) => (
            <option key={`w${w}`} value={`window:${w}`}>{`${w} 号窗口`}</option>
          ))}
          {state.matters.filter((m) => m.matter !== ticket.matter).map((m) => (
            <option key={m.matter} value={`matter:${m.matter}`}>{`事项：${m.name}`}</option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={target === '' || caller.busy}>
        确定转移
      </button>
    </form>
  );
}

function CallTicketForm({ caller }: { caller: Caller }) {
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void caller.act('queue.callTicket', { code });
  };
  return (
    <form onSubmit={submit} className="caller-form">
      <label>
        号码
        <input aria-label="指定叫号的号码" autoFocus value={code} onChange={(e) => setCode(e.target.value)} placeholder="如 A015" maxLength={8} />
      </label>
      <button type="submit" className="primary" disabled={code.trim() === '' || caller.busy}>
        叫这个号
      </button>
    </form>
  );
}

/** 暂停: the whereabouts sign (window.pause), with its reason required. */
function PauseForm({ api, caller }: { api: RendererApi; caller: Caller }) {
  const [reason, setReason] = useState('');
  const [back, setBack] = useState(() => hallTime(coreNow().getTime() + 15 * 60_000));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const returnAt = returnTimeFromClock(coreNow(), back);
    if (reason.trim() === '' || returnAt === null) {
      caller.setError({ code: 'VALIDATION', message: reason.trim() === '' ? '请填写暂停原因' : '请按“时:分”填写预计返回时间，例如 10:30' });
      return;
    }
    const result = await api.call('window.pause', { reason: reason.trim(), returnAt: returnAt.toISOString() });
    if (!result.ok) caller.setError(result.error);
    else {
      caller.setDialog(null);
      caller.setNotice(`已暂停服务（${reason.trim()}），公示屏显示去向牌；恢复服务请到“窗口状态”`);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="caller-form">
      <label>
        暂停原因
        <input aria-label="暂停原因" autoFocus list="caller-pause-reasons" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={20} />
      </label>
      <datalist id="caller-pause-reasons">
        {PAUSE_REASONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <label>
        预计返回
        <input aria-label="预计返回时间" value={back} onChange={(e) => setBack(e.target.value)} maxLength={5} />
      </label>
      <button type="submit" className="primary">
        暂停服务
      </button>
    </form>
  );
}

/** 绿色通道: a priority ticket for an elderly, disabled or pregnant applicant at the counter; one request id per form. */
function GreenForm({ state, caller }: { state: Joined; caller: Caller }) {
  const [matter, setMatter] = useState(state.matters[0]?.matter ?? '');
  const [requestId] = useState(newRequestId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const taken = await caller.act('queue.takeGreen', { requestId, matter });
    if (taken) caller.setNotice(`已取绿色通道号 ${taken.ticket.code}（${taken.ticket.matterName}），前面 ${taken.ahead} 人`);
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="caller-form">
      <label>
        绿色通道事项（老年人、残疾人、孕妇优先）
        <select aria-label="绿色通道事项" value={matter} onChange={(e) => setMatter(e.target.value)}>
          {state.matters.map((m) => (
            <option key={m.matter} value={m.matter}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={matter === '' || caller.busy}>
        取绿色通道号
      </button>
    </form>
  );
}
