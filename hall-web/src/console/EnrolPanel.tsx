/** Enrolment: a one-time code for a window's or a kiosk's number, shown once for the supervisor to type in at the window or on the kiosk. */
import { useState, type FormEvent } from 'react';
import { ENROLMENT_DEVICE_KINDS, type ConsoleResponse } from '../../../shared/hall/console-contract';
import type { ApiError } from '../../../shared/result';
import { LabelOptions } from '../../../renderer/src/kit/choices';
import { consoleCall } from '../api';
import { ErrorBanner, Field, fieldError } from '../ui';

type DeviceKind = (typeof ENROLMENT_DEVICE_KINDS)[number];

const KINDS: Record<DeviceKind, string> = { window: '窗口（窗口工作台）', kiosk: '取号机' };
const NUMBER_LABELS: Record<DeviceKind, string> = { window: '窗口号', kiosk: '取号机编号' };
const WHERE: Record<DeviceKind, string> = {
  window: '在该窗口工作台的“系统设置 → 加入大厅”中输入大厅地址和登记码',
  kiosk: '在取号机首次启动的配对界面输入取号机编号和登记码',
};

function IssuedCode({ issued }: { issued: ConsoleResponse<'enrolmentCode'> }) {
  const title = issued.deviceKind === 'kiosk' ? `取号机 ${issued.windowNo} 的登记码` : `${issued.windowNo} 号窗口的登记码`;
  return (
    <section className="card narrow" aria-labelledby="code-title">
      <h2 id="code-title">{title}</h2>
      <div className="console-code" data-testid="enrolment-code">
        {issued.code}
      </div>
      <p className="muted">只显示这一次，{issued.validHours} 小时内有效，只能使用一次。离开本页后无法再次查看，需要时请重新生成。</p>
    </section>
  );
}

export function EnrolPanel() {
  const [deviceKind, setDeviceKind] = useState<DeviceKind>('window');
  const [windowNo, setWindowNo] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [issued, setIssued] = useState<ConsoleResponse<'enrolmentCode'> | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setIssued(null);
    const result = await consoleCall('enrolmentCode', { windowNo: windowNo.trim(), deviceKind });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setIssued(result.value);
  };

  return (
    <div className="panel">
      <form className="card narrow" onSubmit={submit} noValidate aria-labelledby="enrol-title">
        <h2 id="enrol-title">窗口与取号机登记</h2>
        <p className="muted">为窗口或取号机生成一次性登记码，{WHERE[deviceKind]}。同一编号重新登记后，原来的设备即失效。</p>
        <ErrorBanner error={error} />
        <fieldset disabled={busy}>
          <Field label="设备类型">
            <select name="deviceKind" value={deviceKind} onChange={(e) => setDeviceKind(e.target.value === 'kiosk' ? 'kiosk' : 'window')}>
              <LabelOptions keys={ENROLMENT_DEVICE_KINDS} labels={KINDS} />
            </select>
          </Field>
          <Field label={NUMBER_LABELS[deviceKind]} error={fieldError(error, 'windowNo')}>
            <input name="windowNo" value={windowNo} onChange={(e) => setWindowNo(e.target.value)} maxLength={8} placeholder={deviceKind === 'kiosk' ? '如 K1' : '如 3'} />
          </Field>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            生成登记码
          </button>
        </div>
      </form>
      {issued && <IssuedCode issued={issued} />}
    </div>
  );
}
