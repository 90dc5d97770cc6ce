/**
 * 差评整改 (supervisor): bad ratings with their contact and rectification
 * deadlines in working days; record the contact with the applicant, the
 * finding, the rectification and the applicant's response; close; appeals.
 */
import { hallDateTimeSeconds } from '../../../shared/domain/hall-time';
import { useState } from 'react';
import type { FollowUp } from '../../../shared/contract';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, fieldError, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';
import '../rating/rating.css';
import { TableHead } from '../TableHead';

type Filter = 'open' | 'overdue' | 'closed';
const FILTERS: { id: Filter; label: string }[] = [
  { id: 'open', label: '未结案' },
  { id: 'overdue', label: '已逾期' },
  { id: 'closed', label: '已结案' },
];

const APPEAL_LABELS: Record<FollowUp['appeal']['status'], string> = { none: '无申诉', filed: '申诉待决定', upheld: '申诉成立', rejected: '申诉不成立' };

function time(iso: string | null): string {
  return iso ? hallDateTimeSeconds(iso) : '—';
}

export function FollowUpPanel({ api }: { api: RendererApi }) {
  const [filter, setFilter] = useState<Filter>('open');
  const [selected, setSelected] = useState<string | null>(null);

  const query = useQuery(api, 'followUp.list', { filter });
  const { reload: load } = query;
  const items: FollowUp[] | null = query.data ?? null;

  const current = items?.find((f) => f.id === selected) ?? null;

  return (
    <div className="panel">
      <section className="card">
        <div className="card-head">
          <h2>差评整改</h2>
          <div className="radio-row" role="radiogroup" aria-label="筛选">
            {FILTERS.map((f) => (
              <label key={f.id} className="check">
                <input type="radio" name="followup-filter" checked={filter === f.id} onChange={() => setFilter(f.id)} />
                {f.label}
              </label>
            ))}
          </div>
        </div>
        <QueryError query={query} what="差评记录" />
        {items === null && !query.error ? <p className="muted">正在读取…</p> : null}
        {items?.length === 0 ? <p className="muted">暂无</p> : null}
        <table className="table" data-testid="followup-list">
          <TableHead columns={['评价时间', '事项 / 接待编号', '工作人员', '评价', '联系期限', '整改期限', '状态', '']} />
          <tbody>
            {items?.map((f) => (
              <tr key={f.id} className={f.contactOverdue || f.rectifyOverdue ? 'followup-item overdue' : 'followup-item'} data-testid="followup-row">
                <td>{time(f.answeredAt)}</td>
                <td>
                  {f.itemName}
                  <br />
                  <span className="muted">{f.contactNumber}</span>
                </td>
                <td>
                  {f.clerk.name}（{f.clerk.staffNo}）· {f.windowNo} 号窗口
                </td>
                <td>{f.levelLabel}</td>
                <td data-testid="contact-due" className={f.contactOverdue ? 'late' : ''}>
                  {f.contactDue ?? '待定'}
                  {f.contactOverdue ? '（已逾期）' : ''}
                </td>
                <td data-testid="rectify-due" className={f.rectifyOverdue ? 'late' : ''}>
                  {f.rectifyDue ?? '待定'}
                  {f.rectifyOverdue ? '（已逾期）' : ''}
                </td>
                <td>
                  {f.status === 'open' ? '整改中' : '已结案'} · {APPEAL_LABELS[f.appeal.status]}
                </td>
                <td>
                  <button type="button" className="link" onClick={() => setSelected(f.id)}>
                    处理
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {current ? <FollowUpDetail key={current.id} api={api} item={current} onChanged={load} /> : null}
    </div>
  );
}

function FollowUpDetail({ api, item, onChanged }: { api: RendererApi; item: FollowUp; onChanged: () => Promise<void> }) {
  const [form, setForm] = useState({
    contactNote: item.contactNote ?? '',
    finding: item.finding ?? '',
    rectification: item.rectification ?? '',
    applicantResponse: item.applicantResponse ?? '',
  });
  const [appealReason, setAppealReason] = useState('');
  const [decision, setDecision] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { run, error, busy } = useAction(api);
  const open = item.status === 'open';

  const done = async (message: string) => {
    setNotice(message);
    await onChanged();
  };

  const record = async () => {
    if (await run('followUp.record', { id: item.id, ...form })) await done('已保存');
  };
  const close = async () => {
    if (await run('followUp.close', { id: item.id })) await done('已结案');
  };
  const appeal = async () => {
    if (await run('followUp.appeal', { id: item.id, reason: appealReason })) await done('申诉已提交');
  };
  const decide = async (upheld: boolean) => {
    if (await run('followUp.decideAppeal', { id: item.id, upheld, decision })) await done(upheld ? '已决定：申诉成立' : '已决定：申诉不成立');
  };

  const area = (key: keyof typeof form, label: string) => (
    <Field label={label} error={fieldError(error, key)}>
      <textarea name={key} value={form[key]} maxLength={500} disabled={!open} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </Field>
  );

  return (
    <section className="card" data-testid="followup-detail">
      <h2>
        {item.itemName} · {item.levelLabel}
      </h2>
      <ErrorBanner error={error} />
      {notice && !error ? <Notice>{notice}</Notice> : null}
      <p className="muted">
        申请人 {item.applicantName}
        {item.applicantPhone ? ` · 电话 ${item.applicantPhone}` : ''} · 接待编号 {item.contactNumber} · 评价于 {time(item.answeredAt)}
      </p>
      <p>
        原因：{item.reasons.join('、') || '—'}
        {item.comment ? ` · 意见：${item.comment}` : ''}
      </p>
      <div className="followup-dues">
        <span>联系申请人期限：{item.contactDue ?? '待定'}</span>
        <span>整改期限：{item.rectifyDue ?? '待定'}</span>
        <span>已联系：{time(item.contactedAt)}</span>
      </div>
      {item.duePendingReason ? <p className="muted">{item.duePendingReason}</p> : null}
      <fieldset disabled={busy}>
        {area('contactNote', '联系申请人情况')}
        {area('finding', '核查情况')}
        {area('rectification', '整改措施')}
        {area('applicantResponse', '申请人意见')}
      </fieldset>
      {open ? (
        <div className="actions">
          <button type="button" className="secondary" onClick={record} disabled={busy}>
            保存
          </button>
          <button type="button" className="primary" onClick={close} disabled={busy}>
            结案
          </button>
        </div>
      ) : null}
      <h3>申诉</h3>
      <p>
        {APPEAL_LABELS[item.appeal.status]}
        {item.appeal.filedBy ? ` · 申诉人 ${item.appeal.filedBy}` : ''}
        {item.appeal.reason ? ` · 理由：${item.appeal.reason}` : ''}
        {item.appeal.decision ? ` · 决定：${item.appeal.decision}` : ''}
      </p>
      {open && item.appeal.status === 'none' ? (
        <div className="actions">
          <Field label="申诉理由" error={fieldError(error, 'reason')}>
            <input name="appealReason" value={appealReason} maxLength={500} onChange={(e) => setAppealReason(e.target.value)} />
          </Field>
          <button type="button" className="secondary" onClick={appeal} disabled={busy}>
            提出申诉
          </button>
        </div>
      ) : null}
      {item.appeal.status === 'filed' ? (
        <div className="actions">
          <Field label="决定意见" error={fieldError(error, 'decision')}>
            <input name="decision" value={decision} maxLength={500} onChange={(e) => setDecision(e.target.value)} />
          </Field>
          <button type="button" className="primary" onClick={() => decide(true)} disabled={busy}>
            申诉成立
          </button>
          <button type="button" className="warning" onClick={() => decide(false)} disabled={busy}>
            申诉不成立
          </button>
        </div>
      ) : null}
    </section>
  );
}
