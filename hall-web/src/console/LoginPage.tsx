/** Supervisor login on the hall console: staff number and PIN, as at a window. */
import { useState, type FormEvent } from 'react';
import type { ConsoleSession } from '../../../shared/hall/console-contract';
import type { ApiError } from '../../../shared/result';
import { consoleCall } from '../api';
import { ErrorBanner, Field, fieldError } from '../ui';

export function LoginPage({ onLoggedIn }: { onLoggedIn: (s: ConsoleSession) => void }) {
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await consoleCall('login', { staffNo: staffNo.trim(), pin });
    setBusy(false);
    setPin('');
    if (result.ok) onLoggedIn(result.value);
    else setError(result.error);
  };

  return (
    <div className="login-screen">
      <form className="card login-card" onSubmit={submit} noValidate>
        <div className="login-hall">政务服务大厅</div>
        <h1>大厅管理台 · 主管登录</h1>
        <ErrorBanner error={error} />
        <fieldset disabled={busy}>
          <Field label="工号" error={fieldError(error, 'staffNo')}>
            <input name="staffNo" value={staffNo} onChange={(e) => setStaffNo(e.target.value)} autoFocus autoComplete="username" maxLength={16} />
          </Field>
          <Field label="PIN" error={fieldError(error, 'pin')}>
            <input name="pin" value={pin} onChange={(e) => setPin(e.target.value)} type="password" inputMode="numeric" maxLength={12} autoComplete="current-password" />
          </Field>
        </fieldset>
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
        <p className="muted console-hint">仅限主管使用窗口工作台中的工号和 PIN 登录；连续输错 5 次将锁定 5 分钟。</p>
      </form>
    </div>
  );
}
