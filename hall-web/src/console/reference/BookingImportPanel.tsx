/** 预约导入: the online booking system's export of the day (CSV or JSON), each booking given to the window that calls its matter. */
import { useState, type ChangeEvent } from 'react';
import { hallDate } from '../../../../shared/domain/hall-time';
import type { BookingImportResponse } from '../../../../shared/hall/console-reference';
import { TableHead } from '../../../../renderer/src/TableHead';
import { ErrorBanner } from '../../ui';
import { useLoad, useSaver } from './useConsole';

function ImportResult({ result }: { result: BookingImportResponse }) {
  return (
    <div data-testid="booking-result">
      <div className="console-counts">
        <strong>
          共 {result.records} 条，导入 {result.imported} 条
        </strong>
        {result.byWindow.map((w) => (
          <span key={w.windowNo ?? 'all'} className="chip">
            {w.windowNo === null ? '各窗口' : `${w.windowNo} 号窗口`} {w.count} 条
          </span>
        ))}
      </div>
      {result.problems.length > 0 && (
        <table className="table compact">
          <TableHead columns={['行', '问题']} />
          <tbody>
            {result.problems.map((p, i) => (
              <tr key={i}>
                <td>{p.row === 0 ? '文件' : `第 ${p.row} 行`}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function BookingImportPanel() {
  const [date, setDate] = useState(() => hallDate(new Date()));
  const list = useLoad('bookings', { date });
  const saver = useSaver();
  const [result, setResult] = useState<BookingImportResponse | null>(null);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setResult(null);
    await saver.save('bookingImport', { fileName: file.name, content: await file.text() }, (r) => {
      setResult(r);
      void list.reload();
    }, `${file.name} 已导入`);
  };

  return (
    <section className="card" aria-labelledby="bookings-title">
      <div className="card-head">
        <h2 id="bookings-title">预约导入</h2>
        <label className="button-like primary">
          选择预约导出文件（CSV / JSON）
          <input type="file" accept=".csv,.json,.txt,text/csv,application/json" className="visually-hidden" onChange={(e) => void choose(e)} disabled={saver.busy} />
        </label>
      </div>
      <p className="muted">每条预约交给叫号设置中办理该事项的窗口；事项由多个窗口办理时，各窗口都能看到。同一预约号再次导入时以新内容为准。</p>
      <ErrorBanner error={saver.error} withFields />
      {result && <ImportResult result={result} />}
      <div className="console-filters">
        <label>
          预约日期
          <input type="date" className="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <span className="muted">{list.value ? `${list.value.bookings.length} 条预约` : ''}</span>
      </div>
      <ErrorBanner error={list.error} />
      {list.value && list.value.bookings.length > 0 && (
        <table className="table compact" data-testid="bookings-table">
          <TableHead columns={['时段', '预约号', '事项', '申请人', '窗口']} />
          <tbody>
            {list.value.bookings.map((b) => (
              <tr key={b.code}>
                <td>
                  {b.slotStart}–{b.slotEnd}
                </td>
                <td>{b.code}</td>
                <td>{b.itemCode}</td>
                <td>{b.name}</td>
                <td>{b.windowNo === null ? '各窗口' : `${b.windowNo} 号`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
