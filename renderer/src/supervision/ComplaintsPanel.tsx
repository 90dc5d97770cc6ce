/** 意见箱: register complaints and suggestions from any channel, resolve them with a reply, and (supervisor) close them. */
import { useState, type FormEvent } from 'react';
import type { Complaint, Session } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { BLANK_COMPLAINT, ComplaintFields, type NewComplaintForm } from './ComplaintFields';
import { ComplaintsTable } from './ComplaintsTable';
import { KIND_LABELS } from './labels';

export function ComplaintsPanel({ api, session }: { api: RendererApi; session: Session }) {
  const isSupervisor = session.staff.role === 'supervisor';
  const [filter, setFilter] = useState<Complaint['status'] | ''>('open');
  const [form, setForm] = useState<NewComplaintForm>(BLANK_COMPLAINT);
  const [resolving, setResolving] = useState<Complaint | null>(null);
  const [answer, setAnswer] = useState({ resolution: '', reply: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const create = useAction(api);
  const act = useAction(api);

  const query = useQuery(api, 'complaints.list', filter === '' ? {} : { status: filter });
  const { reload } = query;
  const items: Complaint[] | null = query.data ?? null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const r = await create.run('complaints.create', { ...form });
    if (r) {
      const c = r.complaint;
      setNotice(`已登记${KIND_LABELS[c.kind]} ${c.complaintNo}，答复期限 ${c.deadline ?? '待定'}${r.warning ? `（${r.warning}）` : ''}`);
      setForm(BLANK_COMPLAINT);
      await reload();
    }
  };

  const resolve = async (e: FormEvent) => {
    e.preventDefault();
    if (!resolving) return;
    const r = await act.run('complaints.resolve', { id: resolving.id, ...answer });
    if (r) {
      setNotice(`${r.complaintNo} 已答复`);
      setResolving(null);
      await reload();
    }
  };

  const close = async (c: Complaint) => {
    const r = await act.run('complaints.close', { id: c.id });
    if (r) {
      setNotice(`${r.complaintNo} 已办结`);
      await reload();
    }
  };

  const set = <K extends keyof NewComplaintForm>(key: K, value: NewComplaintForm[K]) => setForm({ ...form, [key]: value });

  return (
    <div className="panel">
      <section className="card" data-testid="complaint-new">
        <h2>登记投诉或建议</h2>
        <ErrorBanner error={create.error} />
        {notice ? <Notice>{notice}</Notice> : null}
        <form onSubmit={submit} noValidate>
          <ComplaintFields form={form} set={set} error={create.error} busy={create.busy} />
          <div className="actions">
            <button type="submit" className="primary" disabled={create.busy}>
              登记
            </button>
          </div>
        </form>
        <p className="muted">承诺：对投诉和意见在 5 个工作日内答复。登记人默认为承办人。</p>
      </section>

      <section className="card" data-testid="complaint-list">
        <div className="card-head">
          <h2>{isSupervisor ? '意见箱（全部）' : '我承办的投诉和建议'}</h2>
          <select aria-label="状态" value={filter} onChange={(e) => setFilter(e.target.value as Complaint['status'] | '')}>
            <option value="open">待办理</option>
            <option value="resolved">已答复</option>
            <option value="closed">已办结</option>
            <option value="">全部</option>
          </select>
        </div>
        {!resolving ? <ErrorBanner error={act.error} /> : null}
        <QueryError query={query} what="意见记录" />
        {items === null && !query.error ? <p className="muted">正在读取…</p> : null}
        {items?.length === 0 ? <p className="muted">没有记录。</p> : null}
        {items && items.length > 0 ? (
          <ComplaintsTable
            items={items}
            canClose={isSupervisor}
            busy={act.busy}
            onResolve={(c) => {
              act.clear();
              setAnswer({ resolution: '', reply: '' });
              setResolving(c);
            }}
            onClose={(c) => void close(c)}
          />
        ) : null}
      </section>

      {resolving ? (
        <section className="card" data-testid="complaint-resolve">
          <h2>
            办理 {resolving.complaintNo}（{KIND_LABELS[resolving.kind]}）
          </h2>
          <p>{resolving.details}</p>
          <ErrorBanner error={act.error} />
          <form onSubmit={resolve} noValidate>
            <fieldset disabled={act.busy}>
              <Field label="处理结果" error={fieldError(act.error, 'resolution')} hint="核查情况和整改措施">
                <textarea name="resolution" rows={3} maxLength={1000} value={answer.resolution} onChange={(e) => setAnswer({ ...answer, resolution: e.target.value })} />
              </Field>
              <Field label="答复内容" error={fieldError(act.error, 'reply')} hint="答复反映人的内容和方式">
                <textarea name="reply" rows={3} maxLength={1000} value={answer.reply} onChange={(e) => setAnswer({ ...answer, reply: e.target.value })} />
              </Field>
            </fieldset>
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setResolving(null)} disabled={act.busy}>
                取消
              </button>
              <button type="submit" className="primary" disabled={act.busy}>
                保存并标记已答复
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </div>
  );
}
