/** 意见箱: register complaints and suggestions from any channel, resolve them with a reply, and (supervisor) close them. */
import { useState, type FormEvent } from 'react';
import type { Complaint, Session } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { COMPLAINT_STATUS_LABELS, KIND_LABELS, VIA_LABELS, timeLabel } from './labels';
import { TableHead } from '../TableHead';

interface NewForm {
  kind: Complaint['kind'];
  via: Complaint['via'];
  complainant: string;
  phone: string;
  details: string;
}

const BLANK: NewForm = { kind: 'complaint', via: 'window', complainant: '', phone: '', details: '' };

export function ComplaintsPanel({ api, session }: { api: RendererApi; session: Session }) {
  const isSupervisor = session.staff.role === 'supervisor';
  const [filter, setFilter] = useState<Complaint['status'] | ''>('open');
  const [form, setForm] = useState<NewForm>(BLANK);
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
      setForm(BLANK);
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

  const set = <K extends keyof NewForm>(key: K, value: NewForm[K]) => setForm({ ...form, [key]: value });

  return (
    <div className="panel">
      <section className="card" data-testid="complaint-new">
        <h2>登记投诉或建议</h2>
        <ErrorBanner error={create.error} />
        {notice ? <Notice>{notice}</Notice> : null}
        <form onSubmit={submit} noValidate>
          <fieldset disabled={create.busy}>
            <div className="radio-row" role="radiogroup" aria-label="类别">
              {(Object.keys(KIND_LABELS) as Complaint['kind'][]).map((k) => (
                <label key={k}>
                  <input type="radio" name="kind" checked={form.kind === k} onChange={() => set('kind', k)} />
                  {KIND_LABELS[k]}
                </label>
              ))}
            </div>
            <Field label="来源渠道" error={fieldError(create.error, 'via')}>
              <select name="via" value={form.via} onChange={(e) => set('via', e.target.value as Complaint['via'])}>
                {(Object.keys(VIA_LABELS) as Complaint['via'][]).map((v) => (
                  <option key={v} value={v}>
                    {VIA_LABELS[v]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="投诉（建议）人" error={fieldError(create.error, 'complainant')} hint="可不填（匿名）">
              <input name="complainant" value={form.complainant} maxLength={30} onChange={(e) => set('complainant', e.target.value)} />
            </Field>
            <Field label="联系电话" error={fieldError(create.error, 'phone')} hint="用于答复，可不填">
              <input name="phone" value={form.phone} maxLength={20} onChange={(e) => set('phone', e.target.value)} />
            </Field>
            <Field label="内容" error={fieldError(create.error, 'details')} hint="5 到 1000 字：反映的问题或建议">
              <textarea name="details" rows={4} maxLength={1000} value={form.details} onChange={(e) => set('details', e.target.value)} />
            </Field>
          </fieldset>
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
          <table className="table">
            <TableHead columns={['编号', '类别', '渠道', '反映人', '内容', '承办人', '答复期限', '状态', '']} />
            <tbody>
              {items.map((c) => (
                <tr key={c.id} className={c.overdue ? 'danger-text' : undefined}>
                  <td>{c.complaintNo}</td>
                  <td>{KIND_LABELS[c.kind]}</td>
                  <td>{VIA_LABELS[c.via]}</td>
                  <td>
                    {c.complainant || '匿名'}
                    {c.phone ? <div className="muted">{c.phone}</div> : null}
                  </td>
                  <td>
                    {c.details}
                    {c.reply ? <div className="muted">答复：{c.reply}（{timeLabel(c.repliedAt)}）</div> : null}
                  </td>
                  <td>{c.owner.name}</td>
                  <td>
                    {c.deadline ?? '待定'}
                    {c.overdue ? '（已超期）' : ''}
                  </td>
                  <td>{COMPLAINT_STATUS_LABELS[c.status]}</td>
                  <td className="row-actions">
                    {c.status === 'open' ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          act.clear();
                          setAnswer({ resolution: '', reply: '' });
                          setResolving(c);
                        }}
                      >
                        办理答复
                      </button>
                    ) : null}
                    {c.status === 'resolved' && isSupervisor ? (
                      <button type="button" className="link" onClick={() => close(c)} disabled={act.busy}>
                        办结
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
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
