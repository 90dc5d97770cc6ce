/**
 * 导出 for the ledger and the statistics: format, (ledger) full values, a
 * progress bar while the core writes the file, then the file is saved as a
 * browser download (host mode) or through the save dialog (Electron).
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ExportFile } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { ErrorBanner, Field, Notice, useAction } from '../ui';
import { saveExport } from './save-export';

export type ExportFormat = 'csv' | 'xlsx';
type Run = ReturnType<typeof useAction>['run'];

interface Props {
  api: RendererApi;
  title: string;
  /** The ledger's full-value option (phones and document numbers unmasked, audited); absent for statistics. */
  fullValuesLabel?: string;
  produce: (run: Run, format: ExportFormat, fullValues: boolean, exportId: string) => Promise<ExportFile | undefined>;
}

interface Progress {
  id: string;
  done: number;
  total: number;
}

export function ExportBox({ api, title, fullValuesLabel, produce }: Props) {
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [fullValues, setFullValues] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<ExportFile | null>(null);
  const { run, error, busy } = useAction(api);

  useEffect(
    () => api.on('export.progress', (p) => setProgress((current) => (current && current.id === p.exportId ? { id: p.exportId, done: p.done, total: p.total } : current))),
    [api],
  );

  const save = async (file: ExportFile) => {
    const outcome = await saveExport(file);
    setNotice(outcome.notice);
    setSaveError(outcome.error);
    setWaiting(outcome.retry ? file : null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    setSaveError(null);
    setWaiting(null);
    const exportId = crypto.randomUUID();
    setProgress({ id: exportId, done: 0, total: 0 });
    const file = await produce(run, format, fullValues, exportId);
    if (file) await save(file);
    else setProgress(null);
  };

  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : progress && notice ? 100 : 0;
  return (
    <form className="ledger-export" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <ErrorBanner error={error} />
      {saveError ? <p className="error-text" role="alert">{saveError}</p> : null}
      {notice ? <Notice>{notice}</Notice> : null}
      <div className="ledger-export-row">
        <Field label="格式">
          <select name="format" value={format} onChange={(e) => setFormat(e.target.value === 'csv' ? 'csv' : 'xlsx')}>
            <option value="xlsx">Excel（XLSX）</option>
            <option value="csv">CSV（UTF-8）</option>
          </select>
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? '正在导出…' : '导出并下载'}
          </button>
          {waiting ? (
            <button type="button" className="secondary" onClick={() => void save(waiting)}>
              保存文件…
            </button>
          ) : null}
        </div>
      </div>
      {fullValuesLabel ? (
        <label className="check">
          <input type="checkbox" checked={fullValues} onChange={(e) => setFullValues(e.target.checked)} />
          {fullValuesLabel}
        </label>
      ) : null}
      {progress && (busy || notice) ? (
        <div className="ledger-progress" data-testid="export-progress">
          <progress max={100} value={percent} aria-label="导出进度" />
          <span>
            {progress.total > 0 ? `${progress.done} / ${progress.total} 条（${percent}%）` : busy ? '正在生成文件…' : '已完成'}
          </span>
        </div>
      ) : null}
    </form>
  );
}
