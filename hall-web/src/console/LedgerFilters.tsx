/** The ledger's search box and filters (window, hall dates typed as YYYY-MM-DD, as the workstation's date fields; the hall checks them). */
import { useState, type FormEvent } from 'react';
import type { LedgerFilter } from './LedgerPanel';
import { WindowNoFilter } from './WindowNoFilter';

export function LedgerFilters({ onSearch }: { onSearch: (f: LedgerFilter) => void }) {
  const [q, setQ] = useState('');
  const [windowNo, setWindowNo] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ q: q.trim(), windowNo: windowNo.trim(), from, to });
  };

  return (
    <form className="console-filters" onSubmit={submit} role="search">
      <label>
        <span className="field-label">姓名或编号</span>
        <input name="q" value={q} onChange={(e) => setQ(e.target.value)} placeholder="姓名全名、受理/案件编号或证书字号" maxLength={40} />
      </label>
      <WindowNoFilter value={windowNo} onChange={setWindowNo} />
      <label>
        <span className="field-label">从</span>
        <input name="from" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="年-月-日" inputMode="numeric" maxLength={10} className="date" />
      </label>
      <label>
        <span className="field-label">到</span>
        <input name="to" value={to} onChange={(e) => setTo(e.target.value)} placeholder="年-月-日" inputMode="numeric" maxLength={10} className="date" />
      </label>
      <button type="submit" className="primary">
        查询
      </button>
    </form>
  );
}
