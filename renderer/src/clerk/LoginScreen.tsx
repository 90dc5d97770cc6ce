/** Clerk login by staff number and PIN. */
import type { AppInfo, Session } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { LoginCard } from '../kit/LoginCard';
import { useAction } from '../ui';

export function LoginScreen({ api, info, onLoggedIn }: { api: RendererApi; info: AppInfo; onLoggedIn: (s: Session) => void }) {
  const { run, error, busy } = useAction(api);
  return (
    <LoginCard
      hall={info.hallName}
      title={`${info.windowNo} 号窗口 · 工作人员登录`}
      pinMaxLength={6}
      error={error}
      busy={busy}
      login={(staffNo, pin) => run('auth.login', { staffNo, pin })}
      onLoggedIn={onLoggedIn}
    />
  );
}
