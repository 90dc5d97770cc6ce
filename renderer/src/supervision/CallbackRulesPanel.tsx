/** Supervisor: the rules that schedule callbacks (差评、办结抽样、指定事项). */
import { useState, type FormEvent } from 'react';
import type { CallbackRule } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { ClearSaveActions } from '../ClearSaveActions';
import { SOURCE_LABELS } from './labels';
import { TableHead } from '../TableHead';

interface RuleForm {
  id: string | undefined;
  kind: CallbackRule['kind'];
  sharePercent: string;
  itemCode: string;
  daysAfter: string;
  active: boolean;
}

const BLANK: RuleForm = { id: undefined, kind: 'badRating', sharePercent: '10', itemCode: '', daysAfter: '3', active: true };

function describeRule(r: CallbackRule): string {
  if (r.kind === 'badRating') return '每一条差评（不满意、非常不满意）';
  if (r.kind === 'completedShare') return `办结件按 ${r.sharePercent}% 抽样`;
  return `事项：${r.itemName ?? r.itemCode ?? ''}（${r.itemCode ?? ''}）`;
}

export function CallbackRulesPanel({ api }: { api: RendererApi }) {
  const [form, setForm] = useState<RuleForm>(BLANK);
  const [notice, setNotice] = useState<string | null>(null);
  const { run, error, busy, clear } = useAction(api);

  const query = useQuery(api, 'callbackRules.list', {});
  const catalogueQuery = useQuery(api, 'catalogue.get', {});
  const { reload } = query;
  const rules: CallbackRule[] | null = query.data ?? null;
  const catalogue = catalogueQuery.data ?? null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const r = await run('callbackRules.save', {
      ...(form.id ? { id: form.id } : {}),
      kind: form.kind,
      sharePercent: Number(form.sharePercent),
      itemCode: form.kind === 'matter' ? form.itemCode : '',
      daysAfter: Number(form.daysAfter),
      active: form.active,
    });
    if (r) {
      setNotice(`已保存：${SOURCE_LABELS[r.kind]}，${describeRule(r)}，${r.daysAfter} 个工作日后回访${r.active ? '' : '（已停用）'}`);
      setForm(BLANK);
      await reload();
    }
  };

  const edit = (r: CallbackRule) => {
    clear();
    setNotice(null);
    setForm({ id: r.id, kind: r.kind, sharePercent: String(r.sharePercent), itemCode: r.itemCode ?? '', daysAfter: String(r.daysAfter), active: r.active });
  };

  return (
    <div className="panel">
      <section className="card" data-testid="callback-rules">
        <h2>回访规则</h2>
        <p className="muted">
          规则启用后，之后发生的差评和办结件按规则自动生成回访任务，回访日期按工作日计算（节假日顺延）。同一办结件只生成一条回访；抽样按受理件编号固定抽取，结果稳定、公平。
        </p>
        <QueryError query={query} what="回访规则" />
        <QueryError query={catalogueQuery} what="事项目录" />
        {rules === null && !query.error ? <p className="muted">正在读取…</p> : null}
        {rules?.length === 0 ? <p className="muted">尚未设置回访规则。</p> : null}
        {rules && rules.length > 0 ? (
          <table className="table">
            <TableHead columns={['类型', '范围', '回访时间', '状态', '']} />
            <tbody>
              {rules.map((r) => (
                <tr key={r.id}>
                  <td>{SOURCE_LABELS[r.kind]}</td>
                  <td>{describeRule(r)}</td>
                  <td>{r.daysAfter === 0 ? '当天' : `${r.daysAfter} 个工作日后`}</td>
                  <td>{r.active ? '启用' : '停用'}</td>
                  <td>
                    <button type="button" className="link" onClick={() => edit(r)}>
                      修改
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section className="card">
        <h2>{form.id ? '修改规则' : '新增规则'}</h2>
        <ErrorBanner error={error} />
        {notice ? <Notice>{notice}</Notice> : null}
        <form onSubmit={save} noValidate>
          <fieldset disabled={busy}>
            <Field label="类型" error={fieldError(error, 'kind')}>
              <select name="kind" value={form.kind} disabled={form.id !== undefined} onChange={(e) => setForm({ ...form, kind: e.target.value as CallbackRule['kind'] })}>
                <option value="badRating">差评回访（每一条差评）</option>
                <option value="completedShare">办结抽样回访</option>
                <option value="matter">指定事项回访</option>
              </select>
            </Field>
            {form.kind === 'completedShare' ? (
              <Field label="抽样比例（%）" error={fieldError(error, 'sharePercent')} hint="1 到 100">
                <input name="sharePercent" type="number" min={1} max={100} value={form.sharePercent} onChange={(e) => setForm({ ...form, sharePercent: e.target.value })} />
              </Field>
            ) : null}
            {form.kind === 'matter' ? (
              <Field label="事项" error={fieldError(error, 'itemCode')}>
                <select name="itemCode" value={form.itemCode} onChange={(e) => setForm({ ...form, itemCode: e.target.value })}>
                  <option value="">请选择事项</option>
                  {(catalogue?.items ?? []).map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.name}（{i.code}）
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
            <Field label="回访时间（工作日）" error={fieldError(error, 'daysAfter')} hint="事件发生后第几个工作日回访，0 表示当天，最多 60">
              <input name="daysAfter" type="number" min={0} max={60} value={form.daysAfter} onChange={(e) => setForm({ ...form, daysAfter: e.target.value })} />
            </Field>
            <label className="check">
              <input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
              启用
            </label>
          </fieldset>
          <ClearSaveActions busy={busy} onClear={() => setForm(BLANK)} />
        </form>
      </section>
    </div>
  );
}
