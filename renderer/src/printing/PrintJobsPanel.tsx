/** Recent print jobs: status, the preview as printed, and reprint with a required reason. */
import { hallDateTimeSeconds } from '../../../shared/domain/hall-time';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { PrintJob, PrintJobStatus } from '../../../shared/contract';
import { jobKindLabel, jobStatusLabel } from '../../../shared/print/jobs';
import type { RendererApi } from '../api';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';
import { TableHead } from '../TableHead';

const FILTERS: { value: PrintJobStatus | ''; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'queued', label: '待打印' },
  { value: 'sent', label: '已打印' },
  { value: 'unconfirmed', label: '发送未确认' },
  { value: 'failed', label: '未打印成功' },
];

function timeOf(iso: string | null): string {
  return hallDateTimeSeconds(iso).slice(5);
}

/** The slip as the printer gets it: the SVG rendered by the core from the same laid-out lines. */
export function JobPreview({ api, jobId, caption = '打印预览' }: { api: RendererApi; jobId: string; caption?: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSvg(null);
    setWarning(null);
    setFailed(null);
    void api.call('print.preview', { id: jobId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setSvg(r.value.svg);
        setWarning(r.value.warning);
      } else setFailed(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, jobId]);
  if (failed) return <p className="error-text">{failed}</p>;
  if (!svg) return <p className="muted">正在生成预览…</p>;
  return (
    <figure className="print-preview" data-testid="print-preview">
      <figcaption>{caption}</figcaption>
      {warning ? (
        <p className="banner banner-warn" role="alert" data-testid="print-warning">
          {warning}
        </p>
      ) : null}
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={caption} />
    </figure>
  );
}

function ReprintForm({ api, job, onDone }: { api: RendererApi; job: PrintJob; onDone: (job: PrintJob) => void }) {
  const [reason, setReason] = useState('');
  const { run, error, busy, setError } = useAction(api);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 2) {
      setError({ code: 'VALIDATION', message: '重打需要填写原因（至少 2 个字），会记入操作日志', fields: { reason: '请填写重打原因' } });
      return;
    }
    const next = await run('print.reprint', { id: job.id, reason: reason.trim() });
    if (next) {
      setReason('');
      onDone(next);
    }
  };
  return (
    <form className="reprint-form" onSubmit={submit} noValidate aria-label="重打">
      <ErrorBanner error={error} />
      <Field label="重打原因（必填，记入操作日志）" error={fieldError(error, 'reason')}>
        <input name="reason" value={reason} maxLength={100} placeholder="如：卡纸、字迹不清、申请人遗失" onChange={(e) => setReason(e.target.value)} />
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        重打这张单据
      </button>
    </form>
  );
}

export function PrintJobsPanel({ api }: { api: RendererApi }) {
  const [filter, setFilter] = useState<PrintJobStatus | ''>('');
  const [jobs, setJobs] = useState<PrintJob[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { run, error } = useAction(api);

  const load = useCallback(async () => {
    const list = await run('print.jobs', filter ? { status: filter, limit: 100 } : { limit: 100 });
    if (list) setJobs(list);
  }, [run, filter]);

  useEffect(() => {
    void load();
    return api.on('printer.changed', () => void load());
  }, [api, load]);

  const job = jobs?.find((j) => j.id === selected) ?? null;
  const canReprint = job !== null && (job.status === 'sent' || job.status === 'unconfirmed' || job.status === 'failed');

  return (
    <div className="panel print-panel">
      <section className="card">
        <div className="card-head">
          <h2>打印记录</h2>
          <div className="actions">
            <select aria-label="按状态筛选" value={filter} onChange={(e) => setFilter(e.target.value as PrintJobStatus | '')}>
              {FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
            <button type="button" className="secondary" onClick={() => void load()}>
              刷新
            </button>
          </div>
        </div>
        <ErrorBanner error={error} />
        {notice ? <Notice>{notice}</Notice> : null}
        {jobs === null ? (
          <p className="muted">正在读取…</p>
        ) : jobs.length === 0 ? (
          <p className="muted">还没有打印记录。</p>
        ) : (
          <table className="table print-jobs" data-testid="print-jobs">
            <TableHead columns={['时间', '单据', '状态', '说明']} />
            <tbody>
              {jobs.map((j) => (
                <tr
                  key={j.id}
                  className={j.id === selected ? 'selected' : ''}
                  onClick={() => {
                    setSelected(j.id);
                    setNotice(null);
                  }}
                >
                  <td className="print-time">{timeOf(j.createdAt)}</td>
                  <td>
                    <button type="button" className="link" onClick={() => setSelected(j.id)}>
                      {j.title}
                    </button>
                    <div className="muted print-sub">
                      {jobKindLabel(j.kind)}
                      {j.createdBy ? ` · ${j.createdBy}` : ''}
                      {j.reprintOf ? ' · 重打' : ''}
                    </div>
                  </td>
                  <td>
                    <span className={`print-tag print-tag-${j.status}`}>{jobStatusLabel(j)}</span>
                  </td>
                  <td className={`print-note${j.lastError ? ' error-text' : ''}`}>{j.lastError ?? (j.reprintReason ? `重打原因：${j.reprintReason}` : '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {job ? (
        <section className="card print-detail" aria-label="单据详情">
          <h2>{job.title}</h2>
          <dl className="print-facts">
            <dt>状态</dt>
            <dd>{jobStatusLabel(job)}</dd>
            <dt>打印机</dt>
            <dd>{job.printer === 'none' ? '未接打印机（存入数据目录）' : job.printer}</dd>
            <dt>纸宽</dt>
            <dd>{job.paperWidth} 毫米</dd>
            <dt>记录时间</dt>
            <dd>{timeOf(job.createdAt)}</dd>
            {job.sentAt ? (
              <>
                <dt>打印时间</dt>
                <dd>{timeOf(job.sentAt)}</dd>
              </>
            ) : null}
            {job.lastError ? (
              <>
                <dt>说明</dt>
                <dd className="error-text">{job.lastError}</dd>
              </>
            ) : null}
            {job.reprintReason ? (
              <>
                <dt>重打原因</dt>
                <dd>{job.reprintReason}</dd>
              </>
            ) : null}
          </dl>
          {job.status === 'unconfirmed' ? (
            <p className="banner banner-error" role="status">
              打印机没有确认收到这张单据，不会自动重发。请到打印机旁核对：已经打出的不用重打；没有打出的，填写原因重打（打印机无响应时，可先在系统设置中换一台打印机再重打）。
            </p>
          ) : null}
          {canReprint ? (
            <ReprintForm
              api={api}
              job={job}
              onDone={(next) => {
                setNotice(`已加入打印队列：${next.title}（重打）`);
                setSelected(next.id);
                void load();
              }}
            />
          ) : job.status === 'queued' ? (
            <p className="muted">这张单据在等待打印机，打印机恢复后会自动打印，不需要重打。</p>
          ) : null}
          <JobPreview api={api} jobId={job.id} />
        </section>
      ) : null}
    </div>
  );
}
