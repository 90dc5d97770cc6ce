/** Supervisor: the printer's address and paper width, and the test page. */
import { useEffect, useState, type FormEvent } from 'react';
import type { PrinterStatus, PrintJob } from '../../../shared/contract';
import { jobStatusLabel } from '../../../shared/print/jobs';
import { parsePrinterUri } from '../../../shared/print/printer-uri';
import { canPrint, printerLine, printerStatusLine } from '../../../shared/print/status';
import type { RendererApi } from '../api';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';
import { usePrinterStatus } from './PrinterStatusBadge';
import { JobPreview } from './PrintJobsPanel';

const EXAMPLES = [
  { label: '网络打印机', value: 'tcp://192.168.1.20:9100' },
  { label: 'USB（Linux）', value: '/dev/usb/lp0' },
  { label: '串口 / USB（Windows）', value: 'COM3' },
  { label: '暂不接打印机', value: 'none' },
];

/** Follows a test page until it is printed, fails, or is found waiting with a reason. */
function useJobProgress(api: RendererApi, jobId: string | null): PrintJob | null {
  const [job, setJob] = useState<PrintJob | null>(null);
  useEffect(() => {
    setJob(null);
    if (!jobId) return;
    let live = true;
    let tries = 0;
    const check = async () => {
      const r = await api.call('print.jobs', { limit: 50 });
      const found = r.ok ? r.value.find((j) => j.id === jobId) : undefined;
      if (!live || !found) return;
      setJob(found);
      if (found.status === 'queued' || found.status === 'sending') {
        if (++tries < 40) timer = window.setTimeout(() => void check(), 500);
      }
    };
    let timer = window.setTimeout(() => void check(), 200);
    const off = api.on('printer.changed', () => void check());
    return () => {
      live = false;
      window.clearTimeout(timer);
      off();
    };
  }, [api, jobId]);
  return job;
}

function StatusNote({ status }: { status: PrinterStatus }) {
  const good = canPrint(status.state) || status.state === 'none';
  return (
    <div className={`banner ${good ? 'banner-ok' : 'banner-error'}`} role="status" data-testid="printer-settings-status">
      <strong>{printerStatusLine(status)}</strong>
      <div>{printerLine(status)}</div>
    </div>
  );
}

export function PrinterSettings({ api }: { api: RendererApi }) {
  const status = usePrinterStatus(api);
  const [printer, setPrinter] = useState<string | null>(null);
  const [paperWidth, setPaperWidth] = useState<58 | 80>(80);
  const [saved, setSaved] = useState<PrinterStatus | null>(null);
  const [testJobId, setTestJobId] = useState<string | null>(null);
  const { run, error, busy, setError } = useAction(api);
  const testJob = useJobProgress(api, testJobId);

  useEffect(() => {
    if (status && printer === null) {
      setPrinter(status.printer);
      setPaperWidth(status.paperWidth);
    }
  }, [status, printer]);

  if (!status || printer === null) return <div className="card narrow">正在读取打印机设置…</div>;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const parsed = parsePrinterUri(printer);
    if (!parsed.ok) {
      setError({ code: 'VALIDATION', message: `请检查输入：${parsed.message}`, fields: { printer: parsed.message } });
      return;
    }
    const next = await run('printer.configure', { printer: parsed.uri, paperWidth });
    if (next) {
      setPrinter(next.printer);
      setSaved(next);
    }
  };

  const testPage = async () => {
    setSaved(null);
    const job = await run('printer.testPage', {});
    if (job) setTestJobId(job.id);
  };

  const changed = printer.trim() !== status.printer || paperWidth !== status.paperWidth;

  return (
    <form className="card narrow printer-settings" onSubmit={save} noValidate aria-label="打印机设置">
      <h2>打印机</h2>
      <StatusNote status={saved ?? status} />
      <ErrorBanner error={error} />
      {saved ? <Notice>打印机设置已保存{canPrint(saved.state) || saved.state === 'none' ? '。' : '，但打印机现在不能打印：待打印的单据会保留，打印机恢复后自动打印。'}</Notice> : null}
      <fieldset disabled={busy}>
        <Field label="打印机地址" error={fieldError(error, 'printer')} hint="网络打印机 tcp://IP地址:端口（端口一般是 9100）；USB 打印机填设备路径；none 表示暂不接打印机，打印内容存入数据目录">
          <input
            name="printer"
            value={printer}
            maxLength={200}
            spellCheck={false}
            placeholder="tcp://192.168.1.20:9100"
            onChange={(e) => {
              setSaved(null);
              setPrinter(e.target.value);
            }}
          />
        </Field>
        <div className="quick-row">
          {EXAMPLES.map((x) => (
            <button key={x.value} type="button" className="chip" onClick={() => setPrinter(x.value)} title={x.value}>
              {x.label}
            </button>
          ))}
        </div>
        <div className="field" role="radiogroup" aria-label="纸宽">
          <span className="field-label">纸宽</span>
          <div className="radio-row printer-width">
            {([80, 58] as const).map((w) => (
              <label key={w} className="check">
                <input type="radio" name="paperWidth" value={w} checked={paperWidth === w} onChange={() => setPaperWidth(w)} />
                {w} 毫米（每行 {w === 80 ? 24 : 16} 个汉字）
              </label>
            ))}
          </div>
          {fieldError(error, 'paperWidth') ? <span className="field-error">{fieldError(error, 'paperWidth')}</span> : null}
        </div>
      </fieldset>
      <div className="actions printer-actions">
        <button type="button" className="secondary" onClick={testPage} disabled={busy || changed} title={changed ? '请先保存设置' : undefined}>
          打印测试页
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在检查打印机…' : '保存并检查打印机'}
        </button>
      </div>
      {testJob ? (
        <div className={`banner ${testJob.status === 'failed' || (testJob.status === 'queued' && testJob.lastError) ? 'banner-error' : 'banner-ok'}`} role="status" data-testid="test-page-result">
          测试页：{jobStatusLabel(testJob)}
          {testJob.lastError ? `。${testJob.lastError}` : testJob.status === 'sent' && testJob.printer !== 'none' ? '。请核对大厅、窗口号、中文、表格对齐和二维码。' : ''}
        </div>
      ) : null}
      {testJobId ? <JobPreview api={api} jobId={testJobId} caption="测试页预览（与打印内容一致）" /> : null}
    </form>
  );
}
