/** The board's offline threshold: a window without contact for longer is shown in red. */
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../shared/result';
import { consoleCall } from '../api';
import { ErrorBanner, Field, fieldError } from '../ui';

export function OfflineSetting({ minutes, onSaved }: { minutes: number; onSaved: () => void }) {
  const [value, setValue] = useState(String(minutes));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const result = await consoleCall('settings', { offlineMinutes: Number(value) });
    if (!result.ok) return setError(result.error);
    setError(null);
    setSaved(true);
    onSaved();
  };

  return (
    <form className="card narrow" onSubmit={submit} noValidate aria-labelledby="offline-title">
      <h2 id="offline-title">离线判定</h2>
      <ErrorBanner error={error} />
      <Field label="超过多少分钟未联系视为离线" error={fieldError(error, 'offlineMinutes')}>
        <input name="offlineMinutes" value={value} onChange={(e) => setValue(e.target.value)} inputMode="numeric" maxLength={4} />
      </Field>
      <div className="actions">
        {saved && <span className="muted">已保存</span>}
        <button type="submit" className="primary">
          保存
        </button>
      </div>
    </form>
  );
}
