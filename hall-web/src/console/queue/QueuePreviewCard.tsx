/** The next 10 calls the policy would make now: hall-wide, or for one window exactly as its 叫号 would make them. */
import { useEffect, useState } from 'react';
import type { PriorityKind } from '../../../../shared/domain/queue-policy';
import { ErrorBanner } from '../../ui';
import { useLoad } from '../reference/useConsole';

const KIND_LABELS: Record<PriorityKind, string> = { normal: '普通', green: '绿色通道', appointment: '预约' };

export function QueuePreviewCard({ refresh }: { refresh: number }) {
  const [windowNo, setWindowNo] = useState('');
  const preview = useLoad('queuePreview', { windowNo: windowNo.trim() });
  const { reload } = preview;
  useEffect(() => {
    if (refresh > 0) void reload();
  }, [refresh, reload]);
  const calls = preview.value?.calls ?? [];

  return (
    <section className="card" aria-labelledby="preview-title">
      <div className="card-head">
        <h2 id="preview-title">接下来的 10 次叫号</h2>
        <button type="button" className="secondary" onClick={() => void reload()}>
          刷新
        </button>
      </div>
      <div className="console-filters">
        <label>
          窗口号（空：全大厅）
          <input className="short" value={windowNo} maxLength={8} onChange={(e) => setWindowNo(e.target.value)} />
        </label>
      </div>
      <ErrorBanner error={preview.error} withFields />
      {preview.value && calls.length === 0 && <p className="muted">当前没有等候的号。</p>}
      <ol className="console-preview" data-testid="queue-preview">
        {calls.map((c) => (
          <li key={c.code}>
            <strong>{c.code}</strong> {c.matterName}
            {c.kind !== 'normal' && <span className={`console-badge ${c.kind === 'green' ? 'warn' : 'info'}`}>{KIND_LABELS[c.kind]}</span>}
          </li>
        ))}
      </ol>
      <p className="muted console-hint">按当前规则和等候情况推算；其他窗口同时叫号时实际顺序会随之变化。</p>
    </section>
  );
}
