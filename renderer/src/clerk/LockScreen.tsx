/** Shown after idle time or when the clerk locks the screen; the PIN unlocks it. */
import { useState, type FormEvent } from 'react';
import type { Session } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { ErrorBanner, Field, fieldError, useAction } from '../ui';

export function LockScreen({
  api,
  session,
  onUnlocked,
  onLoggedOut,
}: {
  api: RendererApi;
  session: Session;
  onUnlocked: (s: Session) => void;
  onLoggedOut: () => void;
}) {
  const [pin, setPin] = useState('');
  const { run, error, busy } = useAction(api);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const unlocked = await run('auth.unlock', { pin });
    setPin('');
    if (unlocked) onUnlocked(unlocked);
  };
  const logout = async () => {
    if ((await run('auth.logout', {})) !== undefined) onLoggedOut();
  };

  return (
    <div className="login-screen locked">
      <form className="card login-card" onSubmit={submit} noValidate>
        <h1>屏幕已锁定</h1>
        <p className="muted">
          {session.staff.name}（工号 {session.staff.staffNo}）仍在登录状态，请输入 PIN 解锁。
        </p>
        <ErrorBanner error={error} />
        <Field label="PIN" error={fieldError(error, 'pin')}>
          <input name="pin" value={pin} onChange={(e) => setPin(e.target.value)} type="password" inputMode="numeric" maxLength={6} autoFocus disabled={busy} />
        </Field>
        <div className="actions">
          <button type="button" className="secondary" onClick={logout} disabled={busy}>
            退出登录
          </button>
          <button type="submit" className="primary" disabled={busy}>
            解锁
          </button>
        </div>
      </form>
    </div>
  );
}
