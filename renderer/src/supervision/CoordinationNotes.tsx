/** 沟通联系: notes on one case addressed to another window or department, each answered once. */
import { hallDateTimeSeconds } from '../../../shared/domain/hall-time';
import { useState, type FormEvent } from 'react';
import type { CoordinationNote, ServiceCase } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, fieldError, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { TableHead } from '../TableHead';

export function CoordinationNotes({ api, serviceCase, onClose }: { api: RendererApi; serviceCase: ServiceCase; onClose: () => void }) {
  const [form, setForm] = useState({ addressedTo: '', message: '' });
  const [replies, setReplies] = useState<Record<string, string>>({});
  const add = useAction(api);
  const answer = useAction(api);

  const query = useQuery(api, 'coordination.list', { caseId: serviceCase.id });
  const { reload } = query;
  const notes: CoordinationNote[] | null = query.data ?? null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await add.run('coordination.add', { caseId: serviceCase.id, ...form })) {
      setForm({ addressedTo: form.addressedTo, message: '' });
      await reload();
    }
  };

  const reply = async (note: CoordinationNote) => {
    if (await answer.run('coordination.reply', { id: note.id, reply: replies[note.id] ?? '' })) {
      setReplies({ ...replies, [note.id]: '' });
      await reload();
    }
  };

  return (
    <section className="card" data-testid="coordination">
      <div className="card-head">
        <h2>
          沟通联系：{serviceCase.caseNo}（{serviceCase.itemName}，{serviceCase.applicantName}）
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          关闭
        </button>
      </div>
      <QueryError query={query} what="沟通记录" />
      <ErrorBanner error={answer.error} />
      {notes?.length === 0 ? <p className="muted">这一件还没有沟通记录。</p> : null}
      {notes && notes.length > 0 ? (
        <table className="table">
          <TableHead columns={['时间', '发起人', '联系对象', '联系内容', '答复']} />
          <tbody>
            {notes.map((n) => (
              <tr key={n.id}>
                <td>{hallDateTimeSeconds(n.createdAt)}</td>
                <td>{n.from.name}</td>
                <td>{n.addressedTo}</td>
                <td>{n.message}</td>
                <td>
                  {n.reply !== null ? (
                    <>
                      {n.reply}
                      <div className="muted">
                        {n.repliedBy} 记录于 {hallDateTimeSeconds(n.repliedAt)}
                      </div>
                    </>
                  ) : (
                    <div className="quick-row">
                      <input
                        aria-label="答复内容"
                        value={replies[n.id] ?? ''}
                        maxLength={500}
                        placeholder="对方的答复"
                        onChange={(e) => setReplies({ ...replies, [n.id]: e.target.value })}
                      />
                      <button type="button" className="secondary" onClick={() => reply(n)} disabled={answer.busy}>
                        记录答复
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form onSubmit={submit} noValidate>
        <ErrorBanner error={add.error} />
        <fieldset disabled={add.busy}>
          <Field label="联系对象" error={fieldError(add.error, 'addressedTo')} hint="其他窗口或部门，如：5 号窗口、区社保局">
            <input name="addressedTo" value={form.addressedTo} maxLength={40} onChange={(e) => setForm({ ...form, addressedTo: e.target.value })} />
          </Field>
          <Field label="联系内容" error={fieldError(add.error, 'message')}>
            <textarea name="message" rows={2} maxLength={500} value={form.message} onChange={(e) => setForm({ ...form, message: e.target.value })} />
          </Field>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={add.busy}>
            添加沟通记录
          </button>
        </div>
      </form>
    </section>
  );
}
