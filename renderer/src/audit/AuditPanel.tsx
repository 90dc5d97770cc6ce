/**
 * Supervisor: the audit trail (责任追究制). 审计核验 checks the hash chain of
 * every audit row and says whether it is intact or where it first breaks;
 * below, the latest audit rows, newest first, a page at a time.
 */
import { hallDateTimeSeconds } from '../../../shared/domain/hall-time';
import { useCallback, useEffect, useState } from 'react';
import type { AuditRowView, AuditVerifyView } from '../../../shared/api/audit';
import { auditActionLabel, auditEntityLabel } from '../../../shared/audit/labels';
import { auditSentence } from '../../../shared/audit/sentences';
import type { RendererApi } from '../api';
import { ErrorBanner, useAction } from '../ui';
import { TableHead } from '../TableHead';

const PAGE = 50;

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`;
}

/** One audit row as a Chinese sentence; the stored detail as JSON only behind 详细. */
function AuditLine({ row, bad }: { row: AuditRowView; bad: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr className={bad ? 'audit-bad-row' : ''}>
        <td>{row.seq}</td>
        <td className="nowrap">{hallDateTimeSeconds(row.at)}</td>
        <td>{row.actor ?? '系统'}</td>
        <td className="audit-sentence">{auditSentence(row.action, row.detail)}</td>
        <td>{auditEntityLabel(row.entity)}</td>
        <td>
          <code>{row.hash ?? '—'}</code>
        </td>
        <td>
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? '收起' : '详细'}
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="audit-raw">
          <td colSpan={7}>
            <code>
              {row.action} · {row.entity}
              {row.entityId ? ` · ${row.entityId}` : ''} · {row.detail}
            </code>
          </td>
        </tr>
      ) : null}
    </>
  );
}

function VerifyResult({ result }: { result: AuditVerifyView }) {
  if (result.ok) {
    return (
      <div className="audit-verdict audit-intact" role="status" data-testid="audit-verdict" data-ok="true">
        <strong>✓ 完整</strong>
        <span>
          共核验 {result.rows.toLocaleString('zh-CN')} 条审计记录，哈希链全部吻合，用时 {seconds(result.durationMs)}。
        </span>
      </div>
    );
  }
  const bad = result.firstBad;
  return (
    <div className="audit-verdict audit-broken" role="alert" data-testid="audit-verdict" data-ok="false">
      <strong>✗ 审计日志被改动</strong>
      <span>
        第 {bad.seq} 条记录（{hallDateTimeSeconds(bad.at)}，{auditActionLabel(bad.action)}）：{bad.reason}
        {bad.expectedSeq !== undefined ? `，此处应为第 ${bad.expectedSeq} 条，其间的记录已被删除` : ''}。
      </span>
      <span>
        在它之前的 {(result.rows - 1).toLocaleString('zh-CN')} 条完整；用时 {seconds(result.durationMs)}。请保持现状，立即报告信息科和分管领导。
      </span>
    </div>
  );
}

export function AuditPanel({ api }: { api: RendererApi }) {
  const [rows, setRows] = useState<AuditRowView[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [result, setResult] = useState<AuditVerifyView | null>(null);
  const verify = useAction(api);
  const list = useAction(api);
  const { run: runList } = list;

  const loadFirst = useCallback(async () => {
    const page = await runList('audit.recent', { limit: PAGE });
    if (page) {
      setRows(page.rows);
      setTotal(page.total);
    }
  }, [runList]);
  useEffect(() => void loadFirst(), [loadFirst]);

  const loadMore = async () => {
    const last = rows.at(-1);
    if (!last) return;
    const page = await list.run('audit.recent', { limit: PAGE, before: last.seq });
    if (page) {
      setRows((current) => [...current, ...page.rows]);
      setTotal(page.total);
    }
  };

  const runVerify = async () => {
    setResult(null);
    const value = await verify.run('audit.verify', {});
    if (value) setResult(value);
    await loadFirst();
  };

  const oldest = rows.at(-1);

  return (
    <div className="panel audit-panel">
      <section className="card">
        <div className="card-head">
          <h2>审计核验</h2>
          <button type="button" className="primary" disabled={verify.busy} onClick={() => void runVerify()}>
            {verify.busy ? '正在核验…' : '审计核验'}
          </button>
        </div>
        <p className="muted">
          每条审计记录都带有前一条记录的哈希值（SHA-256），任何一条被改动、删除或插入，核验都会指出第一条对不上的记录及原因。
        </p>
        <ErrorBanner error={verify.error} />
        {result ? <VerifyResult result={result} /> : null}
      </section>

      <section className="card">
        <div className="card-head">
          <h2>审计日志</h2>
          <span className="muted">{total === null ? '正在读取…' : `共 ${total.toLocaleString('zh-CN')} 条，最新的在前`}</span>
        </div>
        <ErrorBanner error={list.error} />
        <table className="table compact audit-table" data-testid="audit-rows">
          <TableHead columns={['序号', '时间', '操作人', '操作', '对象', '哈希', '']} />
          <tbody>
            {rows.map((row) => (
              <AuditLine key={row.seq} row={row} bad={result !== null && !result.ok && result.firstBad.seq === row.seq} />
            ))}
          </tbody>
        </table>
        {oldest && oldest.seq > 1 ? (
          <div className="actions">
            <button type="button" disabled={list.busy} onClick={() => void loadMore()}>
              加载更早的 {PAGE} 条
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
