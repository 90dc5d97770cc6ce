/**
 * The appointment code, typed on the on-screen keypad or scanned (a scanner
 * types like a keyboard and ends with Enter): the booking is checked in and
 * a priority ticket taken.
 */
import { useEffect, useRef, useState } from 'react';
import { Keypad } from './Keypad';

export function CodeScreen({ busy, onSubmit, onBack }: { busy: boolean; onSubmit: (code: string) => void; onBack: () => void }) {
  const [code, setCode] = useState('');
  const typed = useRef(code);
  typed.current = code;

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.key === 'Enter') {
        e.preventDefault();
        if (typed.current !== '') onSubmit(typed.current);
      } else if (/^[0-9A-Za-z-]$/.test(e.key)) setCode((c) => (c + e.key.toUpperCase()).slice(0, 40));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onSubmit]);

  return (
    <main className="kiosk-screen kiosk-code">
      <header className="kiosk-bar">
        <button type="button" className="kiosk-back" onClick={onBack}>
          ‹ 返回
        </button>
        <h1 className="kiosk-title">预约取号</h1>
      </header>
      <p className="kiosk-lead">请输入预约号，或将预约凭条上的二维码对准扫码口</p>
      <div className="kiosk-input is-target" aria-label="预约号">
        <span className="kiosk-input-label">预约号</span>
        <span className="kiosk-input-value">{code || ' '}</span>
      </div>
      <Keypad letters onKey={(key) => setCode((c) => (c + key).slice(0, 40))} onBackspace={() => setCode((c) => c.slice(0, -1))} onClear={() => setCode('')} />
      <button type="button" className="kiosk-primary" disabled={busy || code === ''} onClick={() => onSubmit(code)}>
        {busy ? '正在签到…' : '签到取号'}
      </button>
    </main>
  );
}
