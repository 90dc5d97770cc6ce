/** The ledger's rows: the count, the table and 显示更多. */
import type { LedgerPage } from '../../../shared/contract';

export function LedgerTable({ pages, busy, onMore }: { pages: LedgerPage[]; busy: boolean; onMore: () => void }) {
  const first = pages[0];
  const last = pages[pages.length - 1];
  if (!first) return <p className="muted">正在读取…</p>;
  const rows = pages.flatMap((p) => p.rows);
  return (
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
          <button type="button" className="secondary" disabled={busy} onClick={onMore}>
            显示更多
          </button>
        </div>
      ) : null}
    </>
  );
}
