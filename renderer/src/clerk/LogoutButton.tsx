/**
 * 退出登录 ends the shift without a handover. When the clerk would leave work
 * behind (open contacts, cases, applicants due back, unprinted slips) it
 * warns first and offers 交接班 instead.
 */
import { useState } from 'react';
import { openWorkItems } from '../../../shared/domain/open-work';
import type { RendererApi } from '../api';

export function LogoutButton({ api, onLoggedOut, onHandover }: { api: RendererApi; onLoggedOut: () => void; onHandover: () => void }) {
  const [left, setLeft] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  const logout = async () => {
    setBusy(true);
    try {
      const result = await api.call('auth.logout', {});
      if (result.ok) onLoggedOut();
    } finally {
      setBusy(false);
    }
  };

  const ask = async () => {
    const summary = await api.call('handover.summary', {});
    const items = summary.ok ? openWorkItems(summary.value) : [];
    if (items.length === 0) await logout();
    else setLeft(items);
  };

  return (
    <>
      <button type="button" className="secondary" disabled={busy} onClick={() => void ask()}>
        退出登录
      </button>
      {left ? (
        <div className="logout-warning" role="alertdialog" aria-label="退出登录提醒">
          <strong>本班还有未交接的工作：{left.join('，')}。</strong>
          <span>直接退出不会移交给接班人，建议先办理交接班。</span>
          <div className="logout-warning-actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setLeft(null);
                onHandover();
              }}
            >
              去交接班
            </button>
            <button type="button" className="warning" disabled={busy} onClick={() => void logout()}>
              仍然退出
            </button>
            <button type="button" onClick={() => setLeft(null)}>
              取消
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
