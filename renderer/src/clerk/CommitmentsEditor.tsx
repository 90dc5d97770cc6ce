/** Supervisor: the ordered service commitments shown on the display (亮承诺). */
import { useEffect, useState } from 'react';
import type { Commitment } from '../../../shared/contract';
import { DEFAULT_COMMITMENTS } from '../../../shared/domain/commitments';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, fieldError, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';

export function CommitmentsEditor({ api }: { api: RendererApi }) {
  const [items, setItems] = useState<Commitment[]>([]);
  const [saved, setSaved] = useState(false);
  const { run, error, busy } = useAction(api);

  // the list is edited here: the loaded one is the starting point
  const query = useQuery(api, 'commitments.list', {});
  useEffect(() => {
    if (query.data) setItems(query.data);
  }, [query.data]);

  const update = (index: number, patch: Partial<Commitment>) => {
    setSaved(false);
    setItems(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  };
  const move = (index: number, delta: number) => {
    const target = index + delta;
    if (target < 0 || target >= items.length) return;
    const next = [...items];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(target, 0, moved);
    setSaved(false);
    setItems(next);
  };
  const remove = (index: number) => {
    setSaved(false);
    setItems(items.filter((_, i) => i !== index));
  };
  const save = async () => {
    const result = await run('commitments.save', { items });
    if (result) {
      setItems(result);
      setSaved(true);
    }
  };

  return (
    <div className="panel">
      <section className="card">
        <div className="card-head">
          <h2>服务承诺</h2>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setItems([...DEFAULT_COMMITMENTS])}>
              恢复默认
            </button>
            <button type="button" className="secondary" onClick={() => setItems([...items, { text: '', timeLimit: '' }])} disabled={items.length >= 12}>
              添加一条
            </button>
            <button type="button" className="primary" onClick={save} disabled={busy}>
              保存
            </button>
          </div>
        </div>
        <p className="muted">按顺序显示在公示屏上。每条写清承诺内容和时限，例如“材料齐全当场办结 / 当场”。</p>
        <QueryError query={query} what="服务承诺" />
        <ErrorBanner error={error} />
        {saved ? <Notice>已保存，公示屏已更新。</Notice> : null}
        <ol className="commitment-list">
          {items.map((item, i) => (
            <li key={i} className="commitment-row">
              <span className="commitment-no">{i + 1}</span>
              <div className="commitment-fields">
                <input aria-label={`第 ${i + 1} 条承诺内容`} value={item.text} maxLength={60} onChange={(e) => update(i, { text: e.target.value })} placeholder="承诺内容" />
                <input aria-label={`第 ${i + 1} 条时限`} value={item.timeLimit} maxLength={20} onChange={(e) => update(i, { timeLimit: e.target.value })} placeholder="时限" className="short" />
                {fieldError(error, `items.${i}.text`, `items.${i}.timeLimit`) ? (
                  <span className="field-error">{fieldError(error, `items.${i}.text`, `items.${i}.timeLimit`)}</span>
                ) : null}
              </div>
              <button type="button" className="icon" aria-label="上移" onClick={() => move(i, -1)} disabled={i === 0}>
                ↑
              </button>
              <button type="button" className="icon" aria-label="下移" onClick={() => move(i, 1)} disabled={i === items.length - 1}>
                ↓
              </button>
              <button type="button" className="icon danger" aria-label="删除" onClick={() => remove(i)}>
                ×
              </button>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
