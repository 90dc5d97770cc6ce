/** One kiosk's ticket printer: address, port and paper width; a test page on the address as typed; save or take the printer away. */
import { useState, type FormEvent } from 'react';
import type { ConsoleResponse } from '../../../../shared/hall/console-contract';
import type { KioskView } from '../../../../shared/hall/console-printers';
import { DEFAULT_TCP_PORT } from '../../../../shared/print/printer-uri';
import { consoleCall } from '../../api';
import { ErrorBanner, Field, fieldError, Notice } from '../../ui';
import { useSaver } from '../reference/useConsole';
import { FormActions } from '../FormActions';

interface Props {
  kioskNo: string;
  printer: KioskView['printer'];
  onSaved: (value: ConsoleResponse<'kioskPrinters'>) => void;
  onClose: () => void;
}

export function KioskPrinterForm({ kioskNo, printer, onSaved, onClose }: Props) {
  const [host, setHost] = useState(printer?.host ?? '');
  const [port, setPort] = useState(String(printer?.port ?? DEFAULT_TCP_PORT));
  const [paperWidth, setPaperWidth] = useState<58 | 80>(printer?.paperWidth ?? 80);
  const [test, setTest] = useState<{ printed: boolean; message: string } | null>(null);
  const [testing, setTesting] = useState(false);
  const saver = useSaver();
  const address = { host, port: port.trim() === '' ? Number.NaN : Number(port), paperWidth };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTest(null);
    await saver.save('kioskPrinterSave', { kioskNo, printer: address }, onSaved, '已保存，之后的号票打印到这台打印机');
  };
  const remove = async () => {
    setTest(null);
    await saver.save('kioskPrinterSave', { kioskNo, printer: null }, onSaved, '已取消该取号机的打印机，号票不再打印');
  };
  const testPrint = async () => {
    saver.clear();
    setTesting(true);
    const r = await consoleCall('kioskTestPrint', { kioskNo, printer: address });
    setTesting(false);
    setTest(r.ok ? r.value : { printed: false, message: r.error.message });
  };

  return (
    <form className="card narrow" onSubmit={submit} noValidate aria-labelledby="kiosk-printer-title">
      <h2 id="kiosk-printer-title">取号机 {kioskNo} 的号票打印机</h2>
      <ErrorBanner error={saver.error} />
      {test && (test.printed ? <Notice>{test.message}</Notice> : <p className="error-text" role="alert">测试页未打印：{test.message}</p>)}
      <fieldset disabled={saver.busy || testing}>
        <Field label="打印机 IP 地址" error={fieldError(saver.error, 'printer.host', 'printer')}>
          <input name="host" value={host} maxLength={100} placeholder="如 192.168.1.50" onChange={(e) => setHost(e.target.value)} />
        </Field>
        <Field label="端口" error={fieldError(saver.error, 'printer.port')} hint="网络小票打印机一般为 9100">
          <input name="port" className="short" inputMode="numeric" value={port} maxLength={5} onChange={(e) => setPort(e.target.value)} />
        </Field>
        <Field label="纸宽" error={fieldError(saver.error, 'printer.paperWidth')}>
          <select name="paperWidth" value={paperWidth} onChange={(e) => setPaperWidth(e.target.value === '58' ? 58 : 80)}>
            <option value="80">80 毫米</option>
            <option value="58">58 毫米</option>
          </select>
        </Field>
      </fieldset>
      <div className="actions">
        <button type="button" className="secondary" disabled={testing || saver.busy} onClick={() => void testPrint()}>
          {testing ? '正在打印测试页…' : '打印测试页'}
        </button>
        {printer && (
          <button type="button" className="secondary danger" disabled={saver.busy} onClick={() => void remove()}>
            取消打印机
          </button>
        )}
      </div>
      <FormActions note={saver.note} busy={saver.busy || testing} label="保存" onClose={onClose} />
    </form>
  );
}
