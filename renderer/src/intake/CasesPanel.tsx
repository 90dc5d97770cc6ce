/** 限时办结: the clerk's accepted cases by deadline; mark completed. */
import { useState } from 'react';
import type { ServiceCase } from '../../../shared/api/intake';
import type { ResponseOf } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { QueryError, QueryPending } from '../QueryError';
import { ErrorBanner, useAction } from '../ui';
import { CaseGroup } from '../CaseGroup';
import { useQuery } from '../useQuery';
import { CoordinationNotes } from '../supervision/CoordinationNotes';

type Board = ResponseOf<'cases.mine'>;

const GROUPS: { key: keyof Board; label: string; tone: string }[] = [
  { key: 'overdue', label: '已超期', tone: 'danger' },
  { key: 'dueToday', label: '今天到期', tone: 'warn' },
  { key: 'dueSoon', label: '即将到期（3 个工作日内）', tone: 'warn' },
  { key: 'pending', label: '办结日期待定', tone: 'warn' },
  { key: 'later', label: '其他在办', tone: 'plain' },
];

export function CasesPanel({ api }: { api: RendererApi }) {
  const { run, error, busy } = useAction(api);
  const [notesFor, setNotesFor] = useState<ServiceCase | null>(null);
  const query = useQuery(api, 'cases.mine', {});
  const { data: board, reload } = query;

  const complete = async (c: ServiceCase) => {
    if (await run('cases.complete', { id: c.id })) await reload();
  };

  if (!board)
    return (
      <div className="panel">
        <QueryPending query={query} what="受理件" />
      </div>
    );
  const total = GROUPS.reduce((n, g) => n + board[g.key].length, 0);
  return (
    <div className="panel">
      <section className="card" data-testid="cases-board">
        <h2>我的受理件（{total} 件在办）</h2>
        <QueryError query={query} what="受理件" />
        <ErrorBanner error={error} />
        {GROUPS.filter((g) => board[g.key].length > 0).map((g) => (
          <CaseGroup
            key={g.key}
            label={g.label}
            tone={g.tone}
            columns={['受理编号', '事项', '申请人', '时限', '承诺办结', '']}
            rows={board[g.key].map((c) => (
              <tr key={c.id}>
                <td>{c.caseNo}</td>
                <td>{c.itemName}</td>
                <td>{c.applicantName}</td>
                <td>{c.timeLimit}</td>
                <td title={c.duePendingReason ?? undefined}>{c.dueDate ?? '待定'}</td>
                <td>
                  <button type="button" className="link" onClick={() => complete(c)} disabled={busy}>
                    办结
                  </button>
                  <button type="button" className="link" onClick={() => setNotesFor(c)}>
                    沟通
                  </button>
                </td>
              </tr>
            ))}
          />
        ))}
        {total === 0 ? <p className="muted">没有在办的受理件。</p> : null}
      </section>
      {notesFor ? <CoordinationNotes api={api} serviceCase={notesFor} onClose={() => setNotesFor(null)} /> : null}
    </div>
  );
}
