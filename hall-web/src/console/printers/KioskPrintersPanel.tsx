/** 取号机与打印机: every kiosk with its last contact and ticket printer, the printer form, and the kiosks' print jobs. */
import { useState, type FormEvent } from 'react';
import type { KioskView } from '../../../../shared/hall/console-printers';
import { TableHead } from '../../../../renderer/src/TableHead';
import { ErrorBanner, hallTimeShort } from '../../ui';
import { useLoad } from '../reference/useConsole';
import { KioskPrinterForm } from './KioskPrinterForm';
import { PrintJobsCard } from './PrintJobsCard';

function KioskRow({ k, onEdit }: { k: KioskView; onEdit: () => void }) {
  return (
    <tr className={k.enrolled && k.offline ? 'board-row offline' : 'board-row'} data-kiosk={k.kioskNo}>
      <td>
        <span className="window-chip">取号机 {k.kioskNo}</span>
      </td>
      <td>{!k.enrolled ? <span className="muted">未配对</span> : k.offline ? <span className="console-badge danger">离线</span> : <span className="console-state state-serving">在线</span>}</td>
      <td>{hallTimeShort(k.lastContactAt)}</td>
      <td>{k.printer ? `${k.printer.host}:${k.printer.port}` : <span className="error-text">未设置（号票不打印）</span>}</td>
      <td>{k.printer ? `${k.printer.paperWidth} 毫米` : '—'}</td>
      <td className="console-small">{k.printer ? `${k.setBy ?? '启动参数'} · ${hallTimeShort(k.setAt)}` : '—'}</td>
      <td>
        {k.waiting} 张{k.failed > 0 && <span className="console-badge danger">失败 {k.failed}</span>}
      </td>
      <td className="console-row-actions">
        <button type="button" className="secondary" onClick={onEdit}>
          设置打印机
        </button>
      </td>
    </tr>
  );
}

export function KioskPrintersPanel() {
  const loaded = useLoad('kioskPrinters', {});
  const [editing, setEditing] = useState<string | null>(null);
  const [other, setOther] = useState('');
  const kiosks = loaded.value?.kiosks ?? [];
  const editingKiosk = editing === null ? null : (kiosks.find((k) => k.kioskNo === editing) ?? null);

  const addOther = (e: FormEvent) => {
    e.preventDefault();
    if (other.trim() !== '') setEditing(other.trim().toUpperCase());
  };

  return (
    <div className="panel">
      <section className="card" aria-labelledby="kiosks-title">
        <div className="card-head">
          <h2 id="kiosks-title">取号机与打印机</h2>
          <span className="muted">取号后，号票由大厅服务器发到该取号机的网络打印机（ESC/POS，一般为端口 9100）</span>
        </div>
        <ErrorBanner error={loaded.error} />
        {loaded.value && kiosks.length === 0 && <p className="muted">还没有配对的取号机。可在下方先为取号机编号设置打印机；取号机配对后在这里显示它的最后联系时间。</p>}
        {kiosks.length > 0 && (
          <table className="table" data-testid="kiosks">
            <TableHead columns={['取号机', '状态', '最后联系', '打印机', '纸宽', '设置人', '待打印', '']} />
            <tbody>
              {kiosks.map((k) => (
                <KioskRow key={k.kioskNo} k={k} onEdit={() => setEditing(k.kioskNo)} />
              ))}
            </tbody>
          </table>
        )}
        <form className="console-filters" onSubmit={addOther}>
          <label>
            其他取号机编号
            <input name="otherKiosk" className="short" value={other} maxLength={8} onChange={(e) => setOther(e.target.value)} />
          </label>
          <button type="submit" className="secondary">
            为它设置打印机
          </button>
        </form>
      </section>
      {editing !== null && (
        <KioskPrinterForm
          key={editing}
          kioskNo={editing}
          printer={editingKiosk?.printer ?? null}
          onSaved={(value) => loaded.set(value)}
          onClose={() => setEditing(null)}
        />
      )}
      <PrintJobsCard onChanged={() => void loaded.reload()} />
    </div>
  );
}
