/** 跟踪回访: callbacks due and overdue; call the applicant and record the outcome and satisfaction. */
import { useState, type FormEvent } from 'react';
import type { Callback, ResponseOf } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Notice, useAction } from '../ui';
import { CaseGroup } from '../CaseGroup';
import { useQuery } from '../useQuery';
import { BLANK_CALLBACK_RECORD, CallbackRecordFields, type CallbackRecordForm } from './CallbackRecordFields';
import { SOURCE_LABELS, satisfactionLabel } from './labels';
import { RecentCallbacks } from './RecentCallbacks';

type DueList = ResponseOf<'callbacks.due'>;

const GROUPS: { key: 'overdue' | 'dueToday' | 'upcoming'; label: string; tone: string }[] = [
  { key: 'overdue', label: '已超期', tone: 'danger' },
  { key: 'dueToday', label: '今天应回访', tone: 'warn' },
  { key: 'upcoming', label: '待回访', tone: 'plain' },
];

export function CallbacksPanel({ api }: { api: RendererApi }) {
  const [open, setOpen] = useState<Callback | null>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const [form, setForm] = useState<CallbackRecordForm>(BLANK_CALLBACK_RECORD);
  const [notice, setNotice] = useState<string | null>(null);
  const { run, error, busy, clear } = useAction(api);

  const query = useQuery(api, 'callbacks.due', {});
  const { reload } = query;
  const list: DueList | null = query.data ?? null;

  const start = (c: Callback) => {
    clear();
    setNotice(null);
    setPhone(null);
    setOpen(c);
    setForm(BLANK_CALLBACK_RECORD);
  };

  const reveal = async () => {
    if (!open) return;
    const r = await run('callbacks.phone', { id: open.id });
    if (r) setPhone(r.phone);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!open) return;
    const r = await run('callbacks.record', { id: open.id, status: form.status, outcome: form.outcome, satisfaction: form.status === 'done' ? form.satisfaction : null });
    if (r) {
      setNotice(`已记录 ${r.applicantName} 的回访结果：${r.status === 'done' ? `已回访，${satisfactionLabel(r.satisfaction)}` : '联系不上'}`);
      setOpen(null);
      await reload();
    }
  };

  if (!list) return <div className="panel">{query.error ? <QueryError query={query} what="回访任务" /> : '正在读取…'}</div>;
  const total = list.overdue.length + list.dueToday.length + list.upcoming.length;
  return (
    <div className="panel">
      <section className="card" data-testid="callbacks">
        <h2>跟踪回访（{total} 条待回访）</h2>
        {list.warning ? (
          <div className="banner banner-warn" role="alert">
            {list.warning}
          </div>
        ) : null}
        {notice ? <Notice>{notice}</Notice> : null}
        <QueryError query={query} what="回访任务" />
        {!open ? <ErrorBanner error={error} /> : null}
        {GROUPS.filter((g) => list[g.key].length > 0).map((g) => (
          <CaseGroup
            key={g.key}
            label={g.label}
            tone={g.tone}
            columns={['应回访日期', '类型', '编号', '事项', '申请人', '电话', '首问人', '']}
            rows={list[g.key].map((c) => (
              <tr key={c.id}>
                <td>{c.dueDate}</td>
                <td>{SOURCE_LABELS[c.source]}</td>
                <td>{c.caseNo ?? c.contactNo}</td>
                <td>{c.itemName}</td>
                <td>{c.applicantName}</td>
                <td>{c.phoneMasked || '（未留电话）'}</td>
                <td>{c.ownerName}</td>
                <td>
                  <button type="button" className="link" onClick={() => start(c)} disabled={busy}>
                    回访
                  </button>
                </td>
              </tr>
            ))}
          />
        ))}
        {total === 0 ? <p className="muted">没有待回访的记录。回访按主管设定的规则自动生成（差评、办结抽样、指定事项）。</p> : null}
      </section>

      {open ? (
        <section className="card" data-testid="callback-record">
          <h2>
            回访 {open.applicantName}（{open.caseNo ?? open.contactNo}，{open.itemName}）
          </h2>
          <ErrorBanner error={error} />
          <p>
            电话：{phone ?? (open.phoneMasked || '（未留电话）')}{' '}
            {phone === null && open.phoneMasked ? (
              <button type="button" className="link" onClick={reveal} disabled={busy}>
                显示完整号码（将记入日志）
              </button>
            ) : null}
          </p>
          <form onSubmit={save} noValidate>
            <CallbackRecordFields form={form} setForm={setForm} error={error} busy={busy} />
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setOpen(null)} disabled={busy}>
                取消
              </button>
              <button type="submit" className="primary" disabled={busy}>
                保存回访结果
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {list.recent.length > 0 ? <RecentCallbacks recent={list.recent} /> : null}
    </div>
  );
}
