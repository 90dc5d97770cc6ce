/** The printer in the status bar: 打印机：就绪 / 缺纸（2 张待打印）…, red when it cannot print. */
import { useEffect, useState } from 'react';
import type { PrinterStatus } from '../../../shared/contract';
import { printerStatusLine, statusTone } from '../../../shared/print/status';
import type { RendererApi } from '../api';

/** The printer's status, live: the first answer of printer.status, then every 'printer.changed'. */
export function usePrinterStatus(api: RendererApi): PrinterStatus | null {
  const [status, setStatus] = useState<PrinterStatus | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void api.call('printer.status', {}).then((r) => live && r.ok && setStatus(r.value));
    load();
    const off = api.on('printer.changed', (next) => live && setStatus(next));
    // asking now and then also lets the core re-check an idle printer
    const timer = window.setInterval(load, 30_000);
    return () => {
      live = false;
      off();
      window.clearInterval(timer);
    };
  }, [api]);
  return status;
}

export function PrinterStatusBadge({ api, onOpen }: { api: RendererApi; onOpen?: () => void }) {
  const status = usePrinterStatus(api);
  if (!status) return <span className="printer-badge tone-idle">打印机：…</span>;
  const tone = statusTone(status);
  const line = printerStatusLine(status);
  const detail = tone === 'bad' && status.state !== 'ready' ? status.message : '';
  return (
    <button
      type="button"
      className={`printer-badge tone-${tone}`}
      data-testid="printer-status"
      data-state={status.state}
      title={`${status.label}\n${status.message}`}
      aria-live="polite"
      onClick={onOpen}
    >
      <span className="printer-dot" aria-hidden="true" />
      {line}
      {detail ? <span className="printer-badge-detail">{detail}</span> : null}
    </button>
  );
}
