/** Clerk login by staff number and PIN. */
import { useState, type FormEvent } from 'react';
import type { AppInfo, Session } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { ErrorBanner, Field, fieldError, useAction } from '../ui';

export function LoginScreen({ api, info, onLoggedIn }: { api: RendererApi; info: AppInfo; onLoggedIn: (s: Session) => void }) {
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const { run, error, busy } = useAction(api);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const session = await run('auth.login', { staffNo: staffNo.trim(), pin });
    setPin('');
    if (session) onLoggedIn(session);
  };

  return (
    <div className="login-screen">
      <form className="card login-card" onSubmit={submit} noValidate>
        <div className="login-hall">{info.hallName}</div>
        <h1>{info.windowNo} 号窗口 · 工作人员登录</h1>
        <ErrorBanner error={error} />
        <fieldset disabled={busy}>
          <Field label="工号" error={fieldError(error, 'staffNo')}>
            <input name="staffNo" value={staffNo} onChange={(e) => setStaffNo(e.target.value)} autoFocus autoComplete="username" maxLength={16} />
          </Field>
          <Field label="PIN" error={fieldError(error, 'pin')}>
            <input name="pin" value={pin} onChange={(e) => setPin(e.target.value)} type="password" inputMode="numeric" maxLength={6} autoComplete="current-password" />
          </Field>
        </fieldset>
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
    </div>
  );
}
