/** Window enrolment: a one-time code for a window number, shown once for the supervisor to type in at the window. */
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../shared/result';
import { consoleCall } from '../api';
import { ErrorBanner, Field, fieldError } from '../ui';

export function EnrolPanel() {
  const [windowNo, setWindowNo] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [issued, setIssued] = useState<{ windowNo: string; code: string; validHours: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setIssued(null);
    const result = await consoleCall('enrolmentCode', { windowNo: windowNo.trim() });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setIssued(result.value);
  };

  return (
    <div className="panel">
      <form className="card narrow" onSubmit={submit} noValidate aria-labelledby="enrol-title">
        <h2 id="enrol-title">窗口登记</h2>
        <p className="muted">为窗口生成一次性登记码，在该窗口工作台的“系统设置 → 加入大厅”中输入大厅地址和登记码。同一窗口号重新登记后，原来的电脑即失效。</p>
        <ErrorBanner error={error} />
        <fieldset disabled={busy}>
          <Field label="窗口号" error={fieldError(error, 'windowNo')}>
            <input name="windowNo" value={windowNo} onChange={(e) => setWindowNo(e.target.value)} maxLength={8} />
          </Field>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            生成登记码
          </button>
        </div>
      </form>
      {issued && (
        <section className="card narrow" aria-labelledby="code-title">
          <h2 id="code-title">{issued.windowNo} 号窗口的登记码</h2>
          <div className="console-code" data-testid="enrolment-code">
            {issued.code}
          </div>
          <p className="muted">只显示这一次，{issued.validHours} 小时内有效，只能使用一次。离开本页后无法再次查看，需要时请重新生成。</p>
        </section>
      )}
    </div>
  );
}
