/** Open and overdue cases across windows: filters (window, kind, overdue only), counts by kind and window, the list. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { OPEN_CASE_KIND_LABELS, OPEN_CASE_KINDS, type OpenCaseKind } from '../../../shared/domain/hall-open-cases';
import type { OpenCasesResponse } from '../../../shared/hall/console-work-contract';
import type { ApiError } from '../../../shared/result';
import { consoleCall } from '../api';
import { LabelOptions } from '../../../renderer/src/kit/choices';
import { ErrorBanner } from '../ui';
import { Card } from './Card';
import { CasesTable } from './CasesTable';
import { WindowNoFilter } from './WindowNoFilter';

interface Filter {
  windowNo: string;
  kind: OpenCaseKind | '';
  overdueOnly: boolean;
}

export function CasesPanel() {
  const [form, setForm] = useState<Filter>({ windowNo: '', kind: '', overdueOnly: false });
  const [filter, setFilter] = useState<Filter>(form);
  const [result, setResult] = useState<OpenCasesResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async (f: Filter) => {
    const r = await consoleCall('openCases', { windowNo: f.windowNo.trim(), kind: f.kind, overdueOnly: f.overdueOnly });
    if (r.ok) {
      setResult(r.value);
      setError(null);
    } else setError(r.error);
  }, []);

  useEffect(() => {
    void load(filter);
  }, [filter, load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...form });
  };
  const pickKind = (kind: OpenCaseKind | '') => {
    setForm({ ...form, kind });
    setFilter({ ...filter, kind });
  };

  return (
    <div className="panel">
      <Card id="cases-title" title="待办案件" actions={<span className="muted">{result ? `按大厅日期 ${result.today} 判断逾期` : '正在读取…'}</span>}>
        <form className="console-filters" onSubmit={submit} role="search">
          <WindowNoFilter value={form.windowNo} onChange={(windowNo) => setForm({ ...form, windowNo })} />
          <label>
            <span className="field-label">类别</span>
            <select name="kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as OpenCaseKind | '' })}>
              <option value="">全部</option>
              <LabelOptions keys={OPEN_CASE_KINDS} labels={OPEN_CASE_KIND_LABELS} />
            </select>
          </label>
          <label className="console-check">
            <input type="checkbox" name="overdueOnly" checked={form.overdueOnly} onChange={(e) => setForm({ ...form, overdueOnly: e.target.checked })} />
            只看逾期
          </label>
          <button type="submit" className="primary">
            查询
          </button>
        </form>
        <ErrorBanner error={error} withFields />
        {result && (
          <>
            <div className="console-counts" data-testid="cases-kinds">
              <button type="button" className={filter.kind === '' ? 'chip chip-active' : 'chip'} onClick={() => pickKind('')}>
                全部 {result.byKind.reduce((s, k) => s + k.open, 0)} 件
              </button>
              {result.byKind.map((k) => (
                <button key={k.kind} type="button" className={filter.kind === k.kind ? 'chip chip-active' : 'chip'} onClick={() => pickKind(k.kind)}>
                  {OPEN_CASE_KIND_LABELS[k.kind]} {k.open}
                  {k.overdue > 0 && <span className="console-badge danger">逾期 {k.overdue}</span>}
                </button>
              ))}
            </div>
            <div className="console-counts" data-testid="cases-windows">
              <strong>
                共 {result.total.open} 件，逾期 {result.total.overdue} 件
              </strong>
              {result.byWindow.map((w) => (
                <span key={w.windowNo} className="chip">
                  {w.windowNo} 号窗口 {w.open} 件{w.overdue > 0 ? `（逾期 ${w.overdue}）` : ''}
                </span>
              ))}
            </div>
            <CasesTable rows={result.rows} shownOf={filter.overdueOnly ? result.total.overdue : result.total.open} />
          </>
        )}
      </Card>
    </div>
  );
}
