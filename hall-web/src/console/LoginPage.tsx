/** Supervisor login on the hall console: staff number and PIN, as at a window. */
import { useState } from 'react';
import type { ConsoleSession } from '../../../shared/hall/console-contract';
import type { ApiError } from '../../../shared/result';
import { LoginCard } from '../../../renderer/src/kit/LoginCard';
import { consoleCall } from '../api';

export function LoginPage({ onLoggedIn }: { onLoggedIn: (s: ConsoleSession) => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const login = async (staffNo: string, pin: string): Promise<ConsoleSession | undefined> => {
    setBusy(true);
    const result = await consoleCall('login', { staffNo, pin });
    setBusy(false);
    if (result.ok) return result.value;
    setError(result.error);
    return undefined;
  };

  return (
    <LoginCard hall="政务服务大厅" title="大厅管理台 · 主管登录" pinMaxLength={12} error={error} busy={busy} login={login} onLoggedIn={onLoggedIn}>
      <p className="muted console-hint">仅限主管使用窗口工作台中的工号和 PIN 登录；连续输错 5 次将锁定 5 分钟。</p>
    </LoginCard>
  );
}
