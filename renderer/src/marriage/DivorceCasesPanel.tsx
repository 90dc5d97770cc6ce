/**
 * 离婚冷静期: the window's divorce applications — in the cooling-off period
 * (either party alone may withdraw, identified by their own document), awaiting registration (both come back
 * before the certificate deadline) and 日期待定 (the holiday calendar does not
 * cover the year yet).
 */
import { useState } from 'react';
import type { CivilCase } from '../../../shared/api/marriage';
import { hallDate } from '../../../shared/domain/hall-time';
import type { RendererApi } from '../api';
import { QueryError } from '../QueryError';
import { ErrorBanner, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { DivorceGroup } from './DivorceGroup';
import { presentCheckboxId, RegisterControls, WithdrawForm, type RegisterDraft, type WithdrawDraft } from './DivorceRowForms';
import './marriage.css';

/** ≤ this many days left to the certificate deadline: shown in red. */
const URGENT_DAYS = 5;

function sideOf(c: CivilCase, i: 0 | 1): string {
  const sex = c.parties[i]?.sex;
  return sex === 'male' ? '男方' : sex === 'female' ? '女方' : i === 0 ? '男方' : '女方';
}

function names(c: CivilCase): string {
  return c.parties.map((p, i) => `${sideOf(c, i === 0 ? 0 : 1)} ${p.name}`).join('　');
}

function receivedDay(c: CivilCase): string {
  return hallDate(c.receivedAt);
}

export function DivorceCasesPanel({ api }: { api: RendererApi }) {
  const [withdrawing, setWithdrawing] = useState<WithdrawDraft | null>(null);
  const [registering, setRegistering] = useState<RegisterDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { run, error, busy, clear } = useAction(api);

  const query = useQuery(api, 'divorce.list', {});
  const { data: list, reload } = query;

  const withdraw = async () => {
    if (!withdrawing) return;
    const result = await run('divorce.withdraw', { id: withdrawing.id, documentNumber: withdrawing.documentNumber.trim() });
    if (!result) return;
    const by = result.case.divorce?.withdrawnByParty ?? null;
    setNotice(`${result.case.caseNo}：${by === null ? '当事人' : sideOf(result.case, by)}已撤回离婚登记申请，撤回确认单已送打印`);
    setWithdrawing(null);
    await reload();
  };

  const register = async () => {
    if (!registering) return;
    const result = await run('divorce.register', { id: registering.id, bothPresent: registering.bothPresent, certificateNo: registering.certificateNo.trim() });
    if (!result) return;
    setNotice(`${result.case.caseNo}：已办理离婚登记，离婚证字号 ${result.case.certificateNo ?? '—'}，离婚登记办结单已送打印`);
    setRegistering(null);
    await reload();
  };

  const startWithdraw = (id: string) => {
    clear();
    setNotice(null);
    setRegistering(null);
    setWithdrawing({ id, documentNumber: '' });
  };

  const startRegister = (id: string) => {
    clear();
    setNotice(null);
    setWithdrawing(null);
    setRegistering({ id, bothPresent: false, certificateNo: '' });
    window.setTimeout(() => document.getElementById(presentCheckboxId(id))?.focus(), 0);
  };

  if (!list) return <div className="panel">{query.error ? <QueryError query={query} what="离婚登记申请" /> : '正在读取离婚登记申请…'}</div>;

  return (
    <div className="panel">
      <div className="card">
        <div className="card-head">
          <h2>离婚冷静期</h2>
          <button type="button" className="secondary" onClick={() => void reload()}>
            刷新
          </button>
        </div>
        <QueryError query={query} what="离婚登记申请" />
        <ErrorBanner error={error} />
        {notice ? <Notice>{notice}</Notice> : null}

        <DivorceGroup
          title="冷静期中"
          count={`${list.coolingOff.length} 件`}
          empty="没有处于冷静期的申请。"
          columns={['受理编号', '当事人', '受理日期', '冷静期届满', '领证截止', '撤回申请']}
          rows={list.coolingOff.map((c) => (
            <tr key={c.id}>
              <td>{c.caseNo}</td>
              <td>{names(c)}</td>
              <td>{receivedDay(c)}</td>
              <td>{c.divorce?.coolingOffEnd ?? '待定'}</td>
              <td>{c.divorce?.certificateDeadline ?? '待定'}</td>
              <td>
                {withdrawing?.id === c.id ? (
                  <WithdrawForm draft={withdrawing} busy={busy} onChange={setWithdrawing} onSubmit={() => void withdraw()} onCancel={() => setWithdrawing(null)} />
                ) : (
                  <div className="div-actions">
                    <button type="button" className="secondary" onClick={() => startWithdraw(c.id)}>
                      撤回申请
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        />

        <DivorceGroup
          title="待办理离婚登记"
          count={`${list.awaitingRegistration.length} 件（冷静期已届满，双方须在截止日前共同到场）`}
          empty="没有待办理登记的申请。"
          columns={['受理编号', '当事人', '冷静期届满', '领证截止', '剩余', '']}
          rows={list.awaitingRegistration.map((c) => {
            const days = c.divorce?.daysLeft ?? null;
            const urgent = days !== null && days <= URGENT_DAYS;
            const open = registering?.id === c.id ? registering : null;
            return (
              <tr key={c.id} className={urgent ? 'div-urgent' : undefined} data-urgent={urgent ? 'true' : undefined}>
                <td>{c.caseNo}</td>
                <td>{names(c)}</td>
                <td>{c.divorce?.coolingOffEnd ?? '待定'}</td>
                <td>{c.divorce?.certificateDeadline ?? '待定'}</td>
                <td className="div-days">{days === null ? '—' : days < 0 ? `已逾期 ${-days} 天` : days === 0 ? '今天截止' : `${days} 天`}</td>
                <td>
                  {open ? (
                    <RegisterControls draft={open} busy={busy} onChange={setRegistering} onSubmit={() => void register()} onCancel={() => setRegistering(null)} />
                  ) : (
                    <button type="button" className="primary" onClick={() => startRegister(c.id)}>
                      办理登记
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        />

        <DivorceGroup
          title="日期待定"
          count={`${list.pending.length} 件`}
          empty="没有日期待定的申请。"
          columns={['受理编号', '当事人', '受理日期', '原因']}
          rows={list.pending.map((c) => (
            <tr key={c.id}>
              <td>{c.caseNo}</td>
              <td>{names(c)}</td>
              <td>{receivedDay(c)}</td>
              <td>{c.divorce?.pendingReason ?? '节假日安排尚未公布，届满日待定'}</td>
            </tr>
          ))}
        />
      </div>
    </div>
  );
}
