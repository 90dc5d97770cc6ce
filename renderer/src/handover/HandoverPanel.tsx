/** 交接班: the summary, notes and items; the incoming clerk (or a supervisor at day end) countersigns with their own PIN. */
import { useState, type FormEvent } from 'react';
import type { HandoverItem } from '../../../shared/api/handover';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, fieldError, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { HandoverSummaryView } from './HandoverSummaryView';

const BLANK_ITEM: HandoverItem = { what: '', quantity: '', note: '' };

export function HandoverPanel({ api, onClosed }: { api: RendererApi; onClosed: () => void }) {
  const query = useQuery(api, 'handover.summary', {});
  const summary = query.data ?? null;
  const [kind, setKind] = useState<'handover' | 'dayEnd'>('handover');
  const [notes, setNotes] = useState('');
  const [items, setItems] = useState<HandoverItem[]>([]);
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const { run, error, busy } = useAction(api);

  const setItem = (index: number, patch: Partial<HandoverItem>) => setItems(items.map((it, i) => (i === index ? { ...it, ...patch } : it)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await run('handover.close', { kind, notes, items: items.filter((i) => i.what.trim() !== ''), countersign: { staffNo, pin } });
    setPin('');
    if (result) onClosed();
  };

  if (!summary) return <div className="panel">{query.error ? <QueryError query={query} what="本班小结" /> : '正在汇总本班情况…'}</div>;
  return (
    <div className="panel handover-panel">
      <section className="card">
        <h2>本班小结</h2>
        <HandoverSummaryView summary={summary} />
        {summary.inProgress > 0 ? (
          <div className="banner banner-warn">还有 {summary.inProgress} 位正在接待的申请人未处理完，请先在“接待受理”中告知、受理、引导或结束接待。</div>
        ) : null}
      </section>
      <form className="card" onSubmit={submit} noValidate>
        <h2>交班</h2>
        <ErrorBanner error={error} />
        <div className="radio-row" role="radiogroup" aria-label="交班方式">
          <label className="check">
            <input type="radio" name="kind" checked={kind === 'handover'} onChange={() => setKind('handover')} />
            交给下一班（接班人签收）
          </label>
          <label className="check">
            <input type="radio" name="kind" checked={kind === 'dayEnd'} onChange={() => setKind('dayEnd')} />
            日终关窗（主管签收）
          </label>
        </div>
        <Field label="交接说明" error={fieldError(error, 'notes')} hint="需要接班人跟进的事项、异常情况等">
          <textarea name="notes" rows={3} maxLength={500} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
        <h3>交接物品</h3>
        {items.map((item, i) => (
          <div key={i} className="item-row">
            <input aria-label={`第 ${i + 1} 项物品`} placeholder="物品（如：代保管材料、印章、钥匙）" value={item.what} maxLength={30} onChange={(e) => setItem(i, { what: e.target.value })} />
            <input aria-label={`第 ${i + 1} 项数量`} placeholder="数量" value={item.quantity} maxLength={20} onChange={(e) => setItem(i, { quantity: e.target.value })} />
            <input aria-label={`第 ${i + 1} 项备注`} placeholder="备注" value={item.note} maxLength={60} onChange={(e) => setItem(i, { note: e.target.value })} />
            <button type="button" className="icon danger" aria-label="删除" onClick={() => setItems(items.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => setItems([...items, BLANK_ITEM])} disabled={items.length >= 30}>
          添加物品
        </button>
        <h3>{kind === 'handover' ? '接班人签收' : '主管签收'}</h3>
        <div className="countersign-row">
          <Field label="签收人工号" error={fieldError(error, 'countersign.staffNo')}>
            <input name="countersignStaffNo" value={staffNo} maxLength={16} onChange={(e) => setStaffNo(e.target.value)} autoComplete="off" />
          </Field>
          <Field label="签收人 PIN" error={fieldError(error, 'countersign.pin')}>
            <input name="countersignPin" type="password" inputMode="numeric" maxLength={6} value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="off" />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || summary.inProgress > 0}>
            {kind === 'handover' ? '签收并交班' : '签收并关窗'}
          </button>
        </div>
        <p className="muted">签收后打印交接班单，本班结束并退出登录；交接记录签收后不能修改，如有错误由主管另开更正单。</p>
      </form>
    </div>
  );
}
