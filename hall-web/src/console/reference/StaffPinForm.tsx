/** Resets a staff member's PIN: the new PIN works at every window after its next pull, and lifts a lockout. */
import { useState, type FormEvent } from 'react';
import type { StaffView } from '../../../../shared/hall/console-reference';
import type { ConsoleResponse } from '../../../../shared/hall/console-contract';
import type { ApiError } from '../../../../shared/result';
import { ErrorBanner, Field, fieldError } from '../../ui';
import { useSaver } from './useConsole';
import { FormActions } from '../FormActions';

interface Props {
  staff: StaffView;
  onSaved: (list: ConsoleResponse<'staffList'>) => void;
  onClose: () => void;
}

export function StaffPinForm({ staff, onSaved, onClose }: Props) {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState<ApiError | null>(null);
  const saver = useSaver();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pin !== again) return setMismatch({ code: 'VALIDATION', message: '两次输入的 PIN 不一致', fields: { again: '与上面的 PIN 不一致' } });
    setMismatch(null);
    if (await saver.save('staffPin', { staffNo: staff.staffNo, pin }, onSaved, `${staff.name} 的 PIN 已重置`)) {
      setPin('');
      setAgain('');
    }
  };
  const error = mismatch ?? saver.error;

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="pin-form-title">
      <h2 id="pin-form-title">
        重置 {staff.name}（{staff.staffNo}）的 PIN
      </h2>
      <p className="muted">新 PIN 在各窗口下次同步后生效，同时解除锁定。请当面告知本人，并提醒其登录后自行修改。</p>
      <ErrorBanner error={error} />
      <fieldset disabled={saver.busy}>
        <Field label="新 PIN（6 位数字）" error={fieldError(error, 'pin')}>
          <input name="pin" type="password" value={pin} onChange={(e) => setPin(e.target.value)} inputMode="numeric" maxLength={6} autoComplete="new-password" />
        </Field>
        <Field label="再次输入" error={fieldError(error, 'again')}>
          <input name="again" type="password" value={again} onChange={(e) => setAgain(e.target.value)} inputMode="numeric" maxLength={6} autoComplete="new-password" />
        </Field>
      </fieldset>
      <FormActions note={saver.note} busy={saver.busy} label="重置 PIN" onClose={onClose} />
    </form>
  );
}
