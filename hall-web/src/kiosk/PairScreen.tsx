/**
 * First start: the kiosk is paired with the hall by the one-time enrolment
 * code the supervisor made for its number on the hall console (大厅管理台 →
 * 窗口登记, kind 取号机), typed on the on-screen keypad.
 */
import { useState } from 'react';
import type { ApiError } from '../../../shared/result';
import { hallCall, storePairing, type KioskPairing } from './kiosk-client';
import { Keypad } from './Keypad';

type Target = 'kioskNo' | 'code';

export function PairScreen({ onPaired }: { onPaired: (pairing: KioskPairing) => void }) {
  const [values, setValues] = useState<Record<Target, string>>({ kioskNo: 'K', code: '' });
  const [target, setTarget] = useState<Target>('kioskNo');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const edit = (change: (v: string) => string): void => {
    setError(null);
    setValues((v) => ({ ...v, [target]: change(v[target]).slice(0, target === 'code' ? 14 : 8) }));
  };
  const pair = async (): Promise<void> => {
    setBusy(true);
    const result = await hallCall('enrol', { code: values.code, windowNo: values.kioskNo }, null);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const pairing = { kioskNo: result.value.windowNo, hallName: result.value.hallName, credential: result.value.credential };
    storePairing(pairing);
    onPaired(pairing);
  };

  return (
    <main className="kiosk-screen kiosk-pair">
      <h1 className="kiosk-title">取号机登记</h1>
      <p className="kiosk-lead">请输入本机编号和大厅管理台生成的一次性登记码</p>
      <div className="kiosk-pair-fields">
        {(['kioskNo', 'code'] as const).map((name) => (
          <button key={name} type="button" className={`kiosk-input${target === name ? ' is-target' : ''}`} aria-label={name === 'kioskNo' ? '取号机编号' : '登记码'} onClick={() => setTarget(name)}>
            <span className="kiosk-input-label">{name === 'kioskNo' ? '取号机编号' : '登记码'}</span>
            <span className="kiosk-input-value">{values[name] || ' '}</span>
          </button>
        ))}
      </div>
      {error && (
        <div className="kiosk-error" role="alert">
          {error.fields ? `${error.message}：${[...new Set(Object.values(error.fields))].join('；')}` : error.message}
        </div>
      )}
      <Keypad letters onKey={(key) => edit((v) => v + key)} onBackspace={() => edit((v) => v.slice(0, -1))} onClear={() => edit(() => '')} />
      <button type="button" className="kiosk-primary" disabled={busy || values.kioskNo === '' || values.code === ''} onClick={() => void pair()}>
        {busy ? '正在登记…' : '登记本机'}
      </button>
    </main>
  );
}
