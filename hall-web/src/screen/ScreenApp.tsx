/**
 * The hall screen (综合屏, /hall-screen), for a 1920×1080 screen in the
 * waiting area: the newest call large, the latest calls, the tickets waiting
 * per matter, the hall's date and time; every call and recall said by the
 * voice, one at a time. It reads the hall's public screen route and needs no
 * login. Run the browser with --autoplay-policy=no-user-gesture-required, or
 * touch the screen once, so it may sound.
 */
import { useMemo } from 'react';
import { AnnouncementLog, CallList, HallClock, NewestCall, WaitingList } from './ScreenParts';
import { useAnnouncer } from './useAnnouncer';
import { useHallScreen } from './useHallScreen';

const ENGINE_LABEL = { speech: '系统语音', clips: '录音片段', chime: '仅提示音' } as const;

export function ScreenApp() {
  const { screen, clockOffset, offline } = useHallScreen();
  const calls = useMemo(() => screen?.calls.map((c) => ({ id: c.id, code: c.code, windowNo: c.windowNo })) ?? null, [screen]);
  const announcer = useAnnouncer(calls, screen?.announceTimes ?? 1);
  return (
    <div className="screen" data-engine={announcer.engine ?? ''}>
      <header className="screen-head">
        <div className="screen-hall">{screen?.hallName ?? '政务服务大厅'}</div>
        <div className="screen-title">叫号信息</div>
        <HallClock offset={clockOffset} />
      </header>
      {offline && <div className="screen-offline">连不上大厅服务器，正在重试…</div>}
      <main className="screen-main">
        <div className="screen-left">
          <NewestCall call={screen?.calls[0]} />
          <h2 className="screen-heading">最近呼叫</h2>
          <CallList calls={screen?.calls ?? []} />
        </div>
        <aside className="screen-right">
          <h2 className="screen-heading">等候人数</h2>
          <WaitingList matters={screen?.matters ?? []} />
        </aside>
      </main>
      <footer className="screen-foot">
        <span>请留意叫号和语音提示；过号请到窗口说明，工作人员会为您回呼。</span>
        {announcer.blocked ? (
          <button type="button" className="screen-sound" onClick={announcer.unblock}>
            点此开启语音播报
          </button>
        ) : (
          <span className="screen-voice">语音：{ENGINE_LABEL[announcer.engine ?? 'chime']}</span>
        )}
      </footer>
      <AnnouncementLog log={announcer.log} queue={announcer.queue} />
    </div>
  );
}
