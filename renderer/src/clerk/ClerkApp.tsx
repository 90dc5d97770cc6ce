/** The clerk's workstation: first-run wizard, login, lock screen, or the workstation itself. */
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, Session } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { LockScreen } from './LockScreen';
import { LoginScreen } from './LoginScreen';
import { SetupWizard } from './SetupWizard';
import { Workstation } from './Workstation';

type Loaded = { info: AppInfo; session: Session | null };

export function ClerkApp({ api }: { api: RendererApi }) {
  const [state, setState] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [connected, setConnected] = useState(true);

  const load = useCallback(async () => {
    const info = await api.call('app.info', {});
    if (!info.ok) {
      setLoadError(info.error.message);
      return;
    }
    const session = info.value.setupComplete ? await api.call('auth.current', {}) : null;
    setLoadError(null);
    setState({ info: info.value, session: session?.ok ? session.value : null });
  }, [api]);

  useEffect(() => {
    void load();
    const offSession = api.on('session.changed', (session) => setState((s) => (s ? { ...s, session } : s)));
    // the hall name and window number the top bar shows change with the settings (a hall's office settings pulled after joining)
    const offDisplay = api.on('display.changed', ({ hallName, windowNo }) =>
      setState((s) => (s && (s.info.hallName !== hallName || s.info.windowNo !== windowNo) ? { ...s, info: { ...s.info, hallName, windowNo } } : s)),
    );
    const offConnection = api.onConnection((up) => {
      setConnected(up);
      if (up) void load();
    });
    return () => {
      offSession();
      offDisplay();
      offConnection();
    };
  }, [api, load]);

  const offline = !connected ? <div className="offline-bar">与工作台服务的连接已断开，正在重新连接…</div> : null;
  if (loadError) return <div className="center-screen error-text">{loadError}</div>;
  if (!state) return <div className="center-screen">正在加载…</div>;
  const { info, session } = state;
  let screen;
  if (!info.setupComplete) screen = <SetupWizard api={api} onDone={load} />;
  else if (!session) screen = <LoginScreen api={api} info={info} onLoggedIn={(s) => setState({ info, session: s })} />;
  else if (session.locked) screen = <LockScreen api={api} session={session} onUnlocked={(s) => setState({ info, session: s })} onLoggedOut={load} />;
  else screen = <Workstation api={api} info={info} session={session} onInfoChanged={load} onLoggedOut={load} />;
  return (
    <>
      {offline}
      {screen}
    </>
  );
}
