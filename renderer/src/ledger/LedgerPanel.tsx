/**
 * 台账: records by category, filtered by date, clerk, status, and a number or
 * an applicant's name; paged; exported to CSV/XLSX by a supervisor with a
 * progress bar and saved as a download (full values only on request, and logged).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { LEDGER_CATEGORIES, LEDGER_CATEGORY_INFO, type LedgerCategory, type LedgerFilter, type LedgerPage, type Session, type Staff } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { ExportBox } from '../exports/ExportBox';
import { QueryError } from '../QueryError';
import { ErrorBanner, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { EMPTY_FORM, LedgerFilters, toFilter, type LedgerForm } from './LedgerFilters';
import { LedgerTable } from './LedgerTable';

export function LedgerPanel({ api, session }: { api: RendererApi; session: Session }) {
  const isSupervisor = session.staff.role === 'supervisor';
  const categories = LEDGER_CATEGORIES.filter((c) => c !== 'audit' || isSupervisor);
  const [category, setCategory] = useState<LedgerCategory>('contacts');
  const [form, setForm] = useState<LedgerForm>(EMPTY_FORM);
  const [applied, setApplied] = useState<LedgerFilter>({ category: 'contacts' });
  const [pages, setPages] = useState<LedgerPage[]>([]);
  const staffQuery = useQuery(api, 'staff.list', {}, { enabled: isSupervisor });
  const staff: Staff[] = staffQuery.data ?? [];
  const [showExport, setShowExport] = useState(false);
  const { run, error, busy } = useAction(api);

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
        <LedgerFilters
          category={category}
          form={form}
          setForm={setForm}
          session={session}
          staff={staff}
          error={error}
          busy={busy}
          onSubmit={submit}
          onClear={() => {
            setForm(EMPTY_FORM);
            void load({ category });
          }}
        />
        {showExport && isSupervisor ? (
          <ExportBox
            api={api}
            title="导出当前筛选结果"
            fullValuesLabel="导出完整联系电话和证件号码（不打码，本次导出将记入审计日志）"
            produce={(exportRun, format, fullValues, exportId) => exportRun('ledger.export', { filter: applied, format, fullValues, exportId })}
          />
        ) : null}
        <QueryError query={staffQuery} what="工作人员名单" />
        <ErrorBanner error={error} />
        <LedgerTable pages={pages} busy={busy} onMore={() => void more()} />
      </section>
    </div>
  );
}
