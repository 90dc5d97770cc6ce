/** The hall screen's parts: the clock, the newest call, the latest calls, the waiting counts, the announcement log the tests read. */
import { useEffect, useState } from 'react';
import { hallDate, hallParts } from '../../../shared/domain/hall-time';
import type { AnnouncedCall, AnnouncementQueue } from '../../../shared/domain/announcer';
import type { HallScreen, ScreenCall } from '../../../shared/hall/screen-contract';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const two = (n: number): string => String(n).padStart(2, '0');

/** The hall's date and time, ticking each second; offset: the hall's clock minus this machine's. */
export function HallClock({ offset }: { offset: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  const at = now + offset;
  const p = hallParts(at);
  const weekday = WEEKDAYS[new Date(`${hallDate(at)}T00:00:00Z`).getUTCDay()] ?? '';
  return (
    <div className="screen-clock" data-testid="screen-clock">
      <div className="screen-time">
        {two(p.hour)}:{two(p.minute)}
        <span className="screen-seconds">:{two(p.second)}</span>
      </div>
      <div className="screen-date">
        {p.year}年{p.month}月{p.day}日 {weekday}
      </div>
    </div>
  );
}

export function NewestCall({ call }: { call: ScreenCall | undefined }) {
  if (call === undefined) return <section className="screen-newest empty">请留意叫号，按号到窗口办理</section>;
  return (
    <section className="screen-newest" data-testid="screen-newest" key={call.id}>
      <div className="screen-newest-label">{call.kind === 'recall' ? '重复呼叫' : '正在呼叫'}</div>
      <div className="screen-newest-line">
        请 <b className="screen-code">{call.code}</b> 号{call.name !== null && <span className="screen-name">（{call.name}）</span>}到 <b className="screen-window">{call.windowNo}</b> 号窗口办理
      </div>
      <div className="screen-newest-matter">{call.matterName}</div>
    </section>
  );
}

export function CallList({ calls }: { calls: readonly ScreenCall[] }) {
  return (
    <table className="screen-calls" data-testid="screen-calls">
      <thead>
        <tr>
          <th>号码</th>
          <th>窗口</th>
          <th>事项</th>
        </tr>
      </thead>
      <tbody>
        {calls.map((c, i) => (
          <tr key={c.id} className={i === 0 ? 'newest' : undefined} data-code={c.code} data-window={c.windowNo} data-kind={c.kind}>
            <td className="screen-calls-code">
              {c.code}
              {c.name !== null && <span className="screen-name"> {c.name}</span>}
              {c.kind === 'recall' && <span className="screen-recall">重呼</span>}
            </td>
            <td className="screen-calls-window">{c.windowNo} 号窗口</td>
            <td>{c.matterName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WaitingList({ matters }: { matters: HallScreen['matters'] }) {
  return (
    <ul className="screen-waiting" data-testid="screen-waiting">
      {matters.map((m) => (
        <li key={m.matter} data-matter={m.matter} data-waiting={m.waiting}>
          <span className="screen-prefix">{m.prefix}</span>
          <span className="screen-matter">{m.name}</span>
          <span className="screen-count">
            <b>{m.waiting}</b> 人
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Hidden: every announcement taken in since the screen opened, in the order it is said, with its state. */
export function AnnouncementLog({ log, queue }: { log: readonly AnnouncedCall[]; queue: AnnouncementQueue }) {
  const waiting = new Set(queue.waiting.map((w) => w.call.id));
  const state = (id: string): string => (queue.playing?.call.id === id ? 'playing' : waiting.has(id) ? 'waiting' : 'done');
  return (
    <ol hidden data-testid="announcement-queue">
      {log.map((c) => (
        <li key={c.id} data-id={c.id} data-code={c.code} data-window={c.windowNo} data-state={state(c.id)} />
      ))}
    </ol>
  );
}
