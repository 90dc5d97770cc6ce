/** The hall-wide ledgers: search and filter across every window, counts by window, CSV export. */
import { useCallback, useEffect, useState } from 'react';
import type { ConsoleLedger, LedgerQuery, LedgerResponse } from '../../../shared/hall/console-contract';
import type { ApiError } from '../../../shared/result';
import { TabRow } from '../../../renderer/src/kit/choices';
import { consoleCall, routeUrl } from '../api';
import { ErrorBanner } from '../ui';
import { Card } from './Card';
import { LedgerFilters } from './LedgerFilters';
import { LedgerTable } from './LedgerTable';

const LEDGERS: { key: ConsoleLedger; label: string }[] = [
  { key: 'contacts', label: '接待台账' },
  { key: 'marriages', label: '结婚登记' },
];

export type LedgerFilter = Omit<LedgerQuery, 'ledger' | 'limit'>;

export function LedgerPanel() {
  const [ledger, setLedger] = useState<ConsoleLedger>('contacts');
  const [filter, setFilter] = useState<LedgerFilter>({});
  const [result, setResult] = useState<LedgerResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async (which: ConsoleLedger, f: LedgerFilter) => {
    const r = await consoleCall('ledger', { ledger: which, ...f });
    if (r.ok) {
      setResult(r.value);
      setError(null);
    } else setError(r.error);
  }, []);

  useEffect(() => {
    void load(ledger, filter);
  }, [ledger, filter, load]);

  return (
    <div className="panel">
      <Card id="ledger-title" title="大厅台账" actions={<TabRow tabs={LEDGERS} value={ledger} onChange={setLedger} />}>
        <LedgerFilters onSearch={setFilter} />
        <ErrorBanner error={error} withFields />
        {result && (
          <>
            <div className="console-counts" data-testid="ledger-counts">
              <strong>共 {result.total} 条</strong>
              {result.counts.map((c) => (
                <span key={c.windowNo} className="chip">
                  {c.windowNo} 号窗口 {c.count} 条
                </span>
              ))}
              <a className="console-export" href={routeUrl('ledgerCsv', { ledger, ...filter })} download>
                导出 CSV
              </a>
            </div>
            <LedgerTable ledger={ledger} rows={result.rows} total={result.total} />
          </>
        )}
      </Card>
    </div>
  );
}
