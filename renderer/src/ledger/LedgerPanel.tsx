/**
 * 台账: records by category, filtered by date, clerk, status, and a number or
 * an applicant's name; paged; exported to CSV/XLSX by a supervisor with a
 * progress bar (full values only on request, and logged).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { LEDGER_CATEGORIES, LEDGER_CATEGORY_INFO, looksLikeDocumentNumber, type LedgerCategory, type LedgerFilter, type LedgerPage, type Session, type Staff } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';

interface Form {
  from: string;
  to: string;
  staffId: string;
  status: string;
  search: string;
}

const EMPTY_FORM: Form = { from: '', to: '', staffId: '', status: '', search: '' };

function toFilter(category: LedgerCategory, form: Form): LedgerFilter {
  const filter: LedgerFilter = { category };
  if (form.from) filter.from = form.from;
  if (form.to) filter.to = form.to;
  if (form.staffId) filter.staffId = form.staffId;
  if (form.status) filter.status = form.status;
  const search = form.search.trim();
  // a resident ID or passport-like number is looked up by its keyed hash; anything else is a record number or a name
  if (search && looksLikeDocumentNumber(search)) filter.documentNumber = search;
  else if (search) filter.search = search;
  return filter;
}

function ExportBox({ api, filter }: { api: RendererApi; filter: LedgerFilter }) {
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [directory, setDirectory] = useState('');
  const [fullValues, setFullValues] = useState(false);
  const [progress, setProgress] = useState<{ id: string; done: number; total: number } | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const { run, error, busy } = useAction(api);

  useEffect(
    () =>
      api.on('export.progress', (p) => {
        setProgress((current) => (current && current.id === p.exportId ? { id: p.exportId, done: p.done, total: p.total } : current));
      }),
    [api],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    const exportId = crypto.randomUUID();
    setProgress({ id: exportId, done: 0, total: 0 });
    const done = await run('ledger.export', { filter, format, directory, fullValues, exportId });
    if (done) setResult(`已导出 ${done.rows} 条记录到 ${done.file}`);
    else setProgress(null);
  };

  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  return (
    <form className="ledger-export" onSubmit={submit} noValidate aria-label="导出台账">
      <h3>导出当前筛选结果</h3>
      <ErrorBanner error={error} />
      {result ? <Notice>{result}</Notice> : null}
      <div className="ledger-export-row">
        <Field label="格式">
          <select name="format" value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'xlsx')}>
            <option value="xlsx">Excel（XLSX）</option>
            <option value="csv">CSV（UTF-8）</option>
          </select>
        </Field>
        <Field label="导出到文件夹" error={fieldError(error, 'directory')} hint="填写完整路径，如 D:\台账导出">
          <input name="directory" value={directory} maxLength={400} placeholder="D:\台账导出" onChange={(e) => setDirectory(e.target.value)} />
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={fullValues} onChange={(e) => setFullValues(e.target.checked)} />
        导出完整联系电话和证件号码（不打码，本次导出将记入审计日志）
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在导出…' : '导出'}
        </button>
      </div>
      {progress && (busy || result) ? (
        <div className="ledger-progress" data-testid="export-progress">
          <progress max={100} value={percent} aria-label="导出进度" />
          <span>
            {progress.done} / {progress.total || '…'} 条（{percent}%）
          </span>
        </div>
      ) : null}
    </form>
  );
}

export function LedgerPanel({ api, session }: { api: RendererApi; session: Session }) {
  const isSupervisor = session.staff.role === 'supervisor';
  const categories = LEDGER_CATEGORIES.filter((c) => c !== 'audit' || isSupervisor);
  const [category, setCategory] = useState<LedgerCategory>('contacts');
  const [form, setForm] = useState<Form>(EMPTY_FORM);
  const [applied, setApplied] = useState<LedgerFilter>({ category: 'contacts' });
  const [pages, setPages] = useState<LedgerPage[]>([]);
  const staffQuery = useQuery(api, 'staff.list', {}, { enabled: isSupervisor });
  const staff: Staff[] = staffQuery.data ?? [];
  const [showExport, setShowExport] = useState(false);
  const { run, error, busy } = useAction(api);
  const info = LEDGER_CATEGORY_INFO[category];

  const load = useCallback(
    async (filter: LedgerFilter) => {
      const page = await run('ledger.query', { filter, limit: 50 });
      if (page) {
        setApplied(filter);
        setPages([page]);
      }
    },
    [run],
  );

  useEffect(() => {
    void load({ category: 'contacts' });
  }, [load]);

  const choose = (next: LedgerCategory) => {
    setCategory(next);
    const kept = { ...form, status: '', search: LEDGER_CATEGORY_INFO[next].searchable ? form.search : '' };
    setForm(kept);
    setPages([]);
    void load(toFilter(next, kept));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(toFilter(category, form));
  };

  const more = async () => {
    const cursor = pages[pages.length - 1]?.nextCursor;
    if (!cursor) return;
    const page = await run('ledger.query', { filter: applied, limit: 50, cursor });
    if (page) setPages([...pages, page]);
  };

  const first = pages[0];
  const rows = pages.flatMap((p) => p.rows);
  const last = pages[pages.length - 1];

  return (
    <div className="panel ledger-panel">
      <section className="card">
        <div className="card-head">
          <h2>台账</h2>
          {isSupervisor ? (
            <button type="button" className="secondary" onClick={() => setShowExport(!showExport)}>
              {showExport ? '收起导出' : '导出…'}
            </button>
          ) : null}
        </div>
        <div className="ledger-tabs" role="tablist" aria-label="台账类别">
          {categories.map((c) => (
            <button key={c} type="button" role="tab" aria-selected={c === category} className={c === category ? 'active' : ''} onClick={() => choose(c)}>
              {LEDGER_CATEGORY_INFO[c].label}
            </button>
          ))}
        </div>
        <form className="ledger-filters" onSubmit={submit} noValidate aria-label="筛选">
          <Field label="开始日期" error={fieldError(error, 'filter.from')}>
            <input type="date" name="from" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
          </Field>
          <Field label="结束日期" error={fieldError(error, 'filter.to')}>
            <input type="date" name="to" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
          </Field>
          {isSupervisor ? (
            <Field label={info.staffLabel}>
              <select name="staffId" value={form.staffId} onChange={(e) => setForm({ ...form, staffId: e.target.value })}>
                <option value="">全部</option>
                {staff.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}（{s.staffNo}）
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <Field label={info.staffLabel}>
              <select name="staffId" value={form.staffId} onChange={(e) => setForm({ ...form, staffId: e.target.value })}>
                <option value="">全部</option>
                <option value={session.staff.id}>只看我的</option>
              </select>
            </Field>
          )}
          {info.statuses.length > 0 ? (
            <Field label="状态" error={fieldError(error, 'filter.status')}>
              <select name="status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
                <option value="">全部</option>
                {info.statuses.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          {info.searchable ? (
            <Field
              label="搜索"
              error={fieldError(error, 'filter.search', 'filter.documentNumber')}
              hint="接待、受理、告知单或引导单编号，申请人姓名（全名或姓名开头），或申请人完整的证件号码（18 位身份证号或护照等证件号）。"
            >
              <input name="search" value={form.search} maxLength={40} placeholder="如 SL20260929-3-001、张三或证件号码" onChange={(e) => setForm({ ...form, search: e.target.value })} />
            </Field>
          ) : null}
          <div className="ledger-filter-actions">
            <button type="submit" className="primary" disabled={busy}>
              查询
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setForm(EMPTY_FORM);
                void load({ category });
              }}
            >
              清除条件
            </button>
          </div>
        </form>
        {showExport && isSupervisor ? <ExportBox api={api} filter={applied} /> : null}
        <QueryError query={staffQuery} what="工作人员名单" />
        <ErrorBanner error={error} />
        {first ? (
          <>
            <p className="muted ledger-count">
              {first.total === null ? '符合条件的记录超过 10000 条' : `共 ${first.total} 条`}，已显示 {rows.length} 条
            </p>
            {rows.length === 0 ? (
              <p className="muted">没有符合条件的记录。</p>
            ) : (
              <div className="ledger-table-wrap">
                <table className="table ledger-table" data-testid="ledger-table">
                  <thead>
                    <tr>
                      {first.columns.map((c) => (
                        <th key={c.key}>{c.label}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.id}>
                        {r.values.map((v, i) => (
                          <td key={first.columns[i]?.key ?? i}>{v}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {last?.nextCursor ? (
              <div className="actions">
                <button type="button" className="secondary" disabled={busy} onClick={() => void more()}>
                  显示更多
                </button>
              </div>
            ) : null}
          </>
        ) : (
          <p className="muted">正在读取…</p>
        )}
      </section>
    </div>
  );
}
