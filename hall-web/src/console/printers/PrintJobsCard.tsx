/** The kiosks' ticket print jobs by state, refreshed every few seconds: the printer's problem in Chinese, 重新打印 and 取消 where they cannot print a ticket twice. */
import { useEffect, useState } from 'react';
import { JOB_STATE_LABELS, JOB_STATES, type JobState, type PrintJobView } from '../../../../shared/hall/console-printers';
import type { ApiError } from '../../../../shared/result';
import { TableHead } from '../../../../renderer/src/TableHead';
import { consoleCall } from '../../api';
import { ErrorBanner, hallTimeShort, Notice } from '../../ui';
import { useLoad } from '../reference/useConsole';

const REFRESH_MS = 5000;
const STATE_CLASS: Record<JobState, string> = { waiting: 'state-paused', printing: 'state-serving', failed: 'error-text', printed: 'state-serving', cancelled: 'state-closed' };

function JobRow({ job, busy, act }: { job: PrintJobView; busy: boolean; act: (name: 'printJobRetry' | 'printJobCancel', job: PrintJobView) => void }) {
  return (
    <tr data-job={job.ticketCode} data-state={job.state}>
      <td className="nowrap">{hallTimeShort(job.createdAt)}</td>
      <td className="nowrap">取号机 {job.kioskNo}</td>
      <td>
        <strong>{job.ticketCode}</strong>
      </td>
      <td className="console-small">{job.printer.replace(/^tcp:\/\//, '')}</td>
      <td className="nowrap">
        <span className={`console-state ${STATE_CLASS[job.state]}`}>{JOB_STATE_LABELS[job.state]}</span>
      </td>
      <td className="console-reason">{job.message ?? (job.sentAt ? `打印于 ${hallTimeShort(job.sentAt)}` : '')}</td>
      <td>{job.attempts}</td>
      <td className="console-row-actions">
        {job.canRetry && (
          <button type="button" className="secondary" disabled={busy} onClick={() => act('printJobRetry', job)}>
            重新打印
          </button>
        )}
        {job.canCancel && (
          <button type="button" className="secondary" disabled={busy} onClick={() => act('printJobCancel', job)}>
            取消
          </button>
        )}
      </td>
    </tr>
  );
}

export function PrintJobsCard({ onChanged }: { onChanged: () => void }) {
  const [state, setState] = useState<JobState | ''>('');
  const loaded = useLoad('printJobs', { state });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { reload } = loaded;

  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const act = async (name: 'printJobRetry' | 'printJobCancel', job: PrintJobView) => {
    setBusy(true);
    const r = await consoleCall(name, { id: job.id });
    setBusy(false);
    setError(r.ok ? null : r.error);
    setNote(r.ok ? `号票 ${job.ticketCode}：${name === 'printJobRetry' ? '已重新排队打印' : '已取消打印'}` : null);
    await reload();
    onChanged();
  };

  const counts = loaded.value?.counts;
  const jobs = loaded.value?.jobs ?? [];
  return (
    <section className="card" aria-labelledby="jobs-title">
      <div className="card-head">
        <h2 id="jobs-title">号票打印任务</h2>
        <span className="muted">发送后未确认的号票可能已经打印，为避免一号两票不再重发</span>
      </div>
      <ErrorBanner error={loaded.error ?? error} />
      {note && <Notice>{note}</Notice>}
      <div className="console-counts" role="group" aria-label="按状态筛选">
        <button type="button" className={state === '' ? 'chip chip-active' : 'chip'} onClick={() => setState('')}>
          全部
        </button>
        {JOB_STATES.map((s) => (
          <button key={s} type="button" className={state === s ? 'chip chip-active' : 'chip'} onClick={() => setState(s)}>
            {JOB_STATE_LABELS[s]} {counts?.[s] ?? 0}
          </button>
        ))}
      </div>
      {loaded.value && jobs.length === 0 && <p className="muted">没有{state === '' ? '' : JOB_STATE_LABELS[state]}的打印任务。</p>}
      {jobs.length > 0 && (
        <table className="table" data-testid="print-jobs">
          <TableHead columns={['取号时间', '取号机', '号票', '打印机', '状态', '说明', '尝试次数', '']} />
          <tbody>
            {jobs.map((job) => (
              <JobRow key={job.id} job={job} busy={busy} act={(n, j) => void act(n, j)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
