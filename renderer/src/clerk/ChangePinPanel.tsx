/** A clerk changes their own PIN (after a supervisor's reset, for example). */
import { useState, type FormEvent } from 'react';
import type { RendererApi } from '../api';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';

export function ChangePinPanel({ api }: { api: RendererApi }) {
  const [pin, setPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const { run, error, busy, setError } = useAction(api);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (newPin !== again) {
      setError({ code: 'VALIDATION', message: '两次输入的新 PIN 不一致', fields: { again: '两次输入不一致' } });
      return;
    }
    const result = await run('auth.changePin', { pin, newPin });
    setPin('');
    if (result !== undefined) {
      setNewPin('');
      setAgain('');
      setDone(true);
    }
  };

  return (
    <div className="panel">
      <form className="card narrow" onSubmit={submit} noValidate>
        <h2>修改 PIN</h2>
        <ErrorBanner error={error} />
        {done ? <Notice>PIN 已修改，下次登录请使用新 PIN。</Notice> : null}
        <fieldset disabled={busy}>
          <Field label="当前 PIN" error={fieldError(error, 'pin')}>
            <input name="pin" type="password" inputMode="numeric" maxLength={6} value={pin} onChange={(e) => setPin(e.target.value)} />
          </Field>
          <Field label="新 PIN" error={fieldError(error, 'newPin')} hint="6 位数字，不能是重复或连续数字">
            <input name="newPin" type="password" inputMode="numeric" maxLength={6} value={newPin} onChange={(e) => setNewPin(e.target.value)} />
          </Field>
          <Field label="再次输入新 PIN" error={fieldError(error, 'again')}>
            <input name="again" type="password" inputMode="numeric" maxLength={6} value={again} onChange={(e) => setAgain(e.target.value)} />
          </Field>
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          保存
        </button>
      </form>
    </div>
  );
}
