/** 服务承诺: the ordered list every window's public display shows; saved as a whole. */
import { useEffect, useState } from 'react';
import { COMMITMENTS_MAX, type CommitmentList } from '../../../../shared/hall/console-reference';
import { ErrorBanner, fieldError } from '../../ui';
import { useLoad, useSaver } from './useConsole';

type Item = CommitmentList['items'][number];

function moved(items: Item[], from: number, to: number): Item[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

export function CommitmentsPanel() {
  const loaded = useLoad('commitments', {});
  const saver = useSaver();
  const [items, setItems] = useState<Item[]>([]);
  useEffect(() => {
    if (loaded.value) setItems(loaded.value.items);
  }, [loaded.value]);
  const edit = (i: number, patch: Partial<Item>) => setItems((list) => list.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  return (
    <section className="card" aria-labelledby="commitments-title">
      <div className="card-head">
        <h2 id="commitments-title">服务承诺</h2>
        <button type="button" className="secondary" disabled={items.length >= COMMITMENTS_MAX} onClick={() => setItems((l) => [...l, { text: '', timeLimit: '' }])}>
          添加一条
        </button>
      </div>
      <p className="muted">按顺序显示在各窗口的公示屏上，最多 {COMMITMENTS_MAX} 条。</p>
      <ErrorBanner error={loaded.error ?? saver.error} />
      <ol className="console-list" data-testid="commitments">
        {items.map((c, i) => (
          <li key={i}>
            <input aria-label={`第 ${i + 1} 条承诺`} value={c.text} maxLength={60} onChange={(e) => edit(i, { text: e.target.value })} aria-invalid={fieldError(saver.error, `items.${i}.text`) ? true : undefined} />
            <input aria-label={`第 ${i + 1} 条时限`} className="short" value={c.timeLimit} maxLength={20} onChange={(e) => edit(i, { timeLimit: e.target.value })} aria-invalid={fieldError(saver.error, `items.${i}.timeLimit`) ? true : undefined} />
            <button type="button" className="icon" aria-label="上移" disabled={i === 0} onClick={() => setItems((l) => moved(l, i, i - 1))}>
              ↑
            </button>
            <button type="button" className="icon" aria-label="下移" disabled={i === items.length - 1} onClick={() => setItems((l) => moved(l, i, i + 1))}>
              ↓
            </button>
            <button type="button" className="icon danger" aria-label="删除" onClick={() => setItems((l) => l.filter((_, j) => j !== i))}>
              删除
            </button>
          </li>
        ))}
      </ol>
      {items.length === 0 && <p className="muted">还没有服务承诺。</p>}
      <div className="actions">
        {saver.note && <span className="muted">{saver.note}</span>}
        <button type="button" className="primary" disabled={saver.busy} onClick={() => void saver.save('commitmentsSave', { items }, (v) => loaded.set(v))}>
          保存承诺
        </button>
      </div>
    </section>
  );
}
