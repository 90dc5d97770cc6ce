/** The staff-number-and-PIN login card, at a window (clerks) and on the hall console (supervisors). */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/result';
import { ErrorBanner, Field, fieldError } from './widgets';

export interface LoginCardProps<S> {
  hall: string;
  title: string;
  pinMaxLength: number;
  error: ApiError | null;
  busy: boolean;
  /** Tries the login; the session, or undefined when it failed (the caller shows `error`). */
  login: (staffNo: string, pin: string) => Promise<S | undefined>;
  onLoggedIn: (session: S) => void;
  children?: ReactNode;
}

export function LoginCard<S>({ hall, title, pinMaxLength, error, busy, login, onLoggedIn, children }: LoginCardProps<S>) {
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const session = await login(staffNo.trim(), pin);
    setPin('');
    if (session !== undefined) onLoggedIn(session);
  };

  return (
    <div className="login-screen">
      <form className="card login-card" onSubmit={submit} noValidate>
        <div className="login-hall">{hall}</div>
        <h1>{title}</h1>
        <ErrorBanner error={error} />
        <fieldset disabled={busy}>
          <Field label="工号" error={fieldError(error, 'staffNo')}>
            <input name="staffNo" value={staffNo} onChange={(e) => setStaffNo(e.target.value)} autoFocus autoComplete="username" maxLength={16} />
          </Field>
          <Field label="PIN" error={fieldError(error, 'pin')}>
            <input name="pin" value={pin} onChange={(e) => setPin(e.target.value)} type="password" inputMode="numeric" maxLength={pinMaxLength} autoComplete="current-password" />
          </Field>
        </fieldset>
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
        {children}
      </form>
    </div>
  );
}
