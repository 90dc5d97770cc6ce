/** 归档 (supervisors): move old closed records to monthly archive files, list the runs, purge old scans. */
import { hallDateTimeSeconds } from '../../../shared/domain/hall-time';
import { useCallback, useEffect, useState } from 'react';
import type { ArchiveRun } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';
import { TableHead } from '../TableHead';

const STATUS: Record<ArchiveRun['status'], string> = {
  started: '已开始',
  copied: '已复制',
  verified: '已核对',
  completed: '已完成',
  failed: '未完成',
};

const TABLES: Record<string, string> = { contact: '接待', service_case: '受理件', notification: '告知单', referral: '引导单', print_job: '打印记录' };

function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${TABLES[t] ?? t} ${n}`)
    .join('，');
}

export function ArchivePanel({ api }: { api: RendererApi }) {
  const [runs, setRuns] = useState<ArchiveRun[] | null>(null);
  const [months, setMonths] = useState(24);
  const [days, setDays] = useState(180);
  const [notice, setNotice] = useState<string | null>(null);
  const { run, error, busy } = useAction(api);

  const load = useCallback(async () => {
    const list = await run('archive.list', {});
    if (list) {
      setRuns(list.runs);
      setMonths(list.archiveAfterMonths);
      setDays(list.purgeScansAfterDays);
    }
  }, [run]);

  useEffect(() => {
    void load();
  }, [load]);

  const archive = async () => {
    setNotice(null);
    const result = await run('archive.run', { olderThanMonths: months });
    if (result) {
      const moved = countsText(result.archived);
      setNotice(result.runs.length === 0 ? '没有需要归档的记录。' : `已归档 ${result.runs.length} 个月：${moved}。归档文件已核对一致后才从工作库移出。`);
      void load();
    }
  };

  const purge = async () => {
    setNotice(null);
    const result = await run('retention.purge', { olderThanDays: days });
    if (result) setNotice(`已清理 ${result.removed} 个过期文件（${(result.bytes / 1024).toFixed(1)} KB），已记入审计日志。`);
  };

  return (
    <div className="panel archive-panel">
      <section className="card">
        <div className="card-head">
          <h2>台账归档与清理</h2>
        </div>
        <ErrorBanner error={error} />
        {notice ? <Notice>{notice}</Notice> : null}
        <div className="archive-actions">
          <div>
            <Field label="归档多少个月以前的已办结记录" error={fieldError(error, 'olderThanMonths')} hint="按月存入数据目录 archive 文件夹；审计日志和交接班记录不归档">
              <input type="number" name="olderThanMonths" min={1} max={600} value={months} onChange={(e) => setMonths(e.target.valueAsNumber)} />
            </Field>
            <button type="button" className="primary" disabled={busy} onClick={() => void archive()}>
              开始归档
            </button>
          </div>
          <div>
            <Field label="清理多少天以前的扫描件和打印文件" error={fieldError(error, 'olderThanDays')} hint="删除数据目录 scans 和 print-jobs 中的过期文件">
              <input type="number" name="olderThanDays" min={1} max={36500} value={days} onChange={(e) => setDays(e.target.valueAsNumber)} />
            </Field>
            <button type="button" className="warning" disabled={busy} onClick={() => void purge()}>
              清理过期文件
            </button>
          </div>
        </div>
      </section>
      <section className="card">
        <div className="card-head">
          <h2>归档记录</h2>
          <button type="button" className="secondary" onClick={() => void load()}>
            刷新
          </button>
        </div>
        {runs === null ? (
          <p className="muted">正在读取…</p>
        ) : runs.length === 0 ? (
          <p className="muted">还没有归档过。</p>
        ) : (
          <table className="table" data-testid="archive-runs">
            <TableHead columns={['月份', '状态', '记录数', '操作人', '开始时间', '完成时间', '归档文件 / 说明']} />
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} className={r.status === 'failed' ? 'archive-failed' : ''}>
                  <td>{r.month}</td>
                  <td>{STATUS[r.status]}</td>
                  <td>{countsText(r.counts)}</td>
                  <td>{r.startedBy ?? '系统'}</td>
                  <td>{hallDateTimeSeconds(r.startedAt)}</td>
                  <td>{hallDateTimeSeconds(r.finishedAt)}</td>
                  <td className="archive-file">{r.error ?? r.file}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
