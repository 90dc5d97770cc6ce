/**
 * 今日预约: the day's appointments for this window by slot (已约/容量, 高峰日),
 * check-in by appointment code or ID number (an ID card reader types the
 * number and Enter into the box), no-shows, the 预约凭条, the import of the
 * booking system's export, and today's walk-ins beside them.
 */
import { useRef, useState, type FormEvent } from 'react';
import { APPOINTMENT_STATUS_LABELS, type Appointment, type AppointmentImportResult, type Contact } from '../../../shared/contract';
import { hallInstant, hallTime } from '../../../shared/domain/hall-time';
import { marriageFormKind } from '../../../shared/domain/marriage-rules';
import type { RendererApi } from '../api';
import { coreNow } from '../core-clock';
import type { ServiceStart } from '../marriage/form';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';
import './appointments.css';
import { TableHead } from '../TableHead';

const WALK_IN_STATUS: Record<Contact['status'], string> = {
  open: '接待中',
  notified: '已告知',
  referred: '已引导',
  accepted: '已受理',
  closed: '已结束',
};

/** An appointment code has letters or dashes; a document number is digits (X last) or a permit/passport number typed at the reader. */
function looksLikeDocumentNumber(value: string): boolean {
  const v = value.replace(/\s+/g, '');
  return /^\d{15,17}[\dXx]$/.test(v) || /^[HMhm]\d{8,10}$/.test(v) || /^\d{8}$|^\d{10}$/.test(v);
}

function slotEnded(date: string, end: string, now: Date): boolean {
  return hallInstant(date, end).getTime() <= now.getTime();
}

export function AppointmentsPanel(props: { api: RendererApi; onStartService: (start: ServiceStart) => void }) {
  const { api, onStartService } = props;
  const dayQuery = useQuery(api, 'appointments.day', {});
  const { reload } = dayQuery;
  const day = dayQuery.data ?? null;
  const [query, setQuery] = useState('');
  const [checkedIn, setCheckedIn] = useState<{ appointment: Appointment; contact: Contact } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [imported, setImported] = useState<(AppointmentImportResult & { fileName: string }) | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { run, error, busy, clear } = useAction(api);


  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = query.trim();
    if (!value) return;
    setNotice(null);
    const result = await run('appointments.checkIn', looksLikeDocumentNumber(value) ? { documentNumber: value } : { code: value });
    setQuery('');
    if (result) {
      setCheckedIn(result);
      await reload();
    }
    input.current?.focus();
  };

  const checkInRow = async (a: Appointment) => {
    setNotice(null);
    const result = await run('appointments.checkIn', { code: a.code });
    if (result) {
      setCheckedIn(result);
      await reload();
    }
  };

  const noShow = async (a: Appointment) => {
    setNotice(null);
    if (await run('appointments.markNoShow', { id: a.id })) {
      setNotice(`预约 ${a.code}（${a.applicantName}）已标记为未到`);
      await reload();
    }
  };

  const printSlip = async (a: Appointment) => {
    setNotice(null);
    if (await run('appointments.printSlip', { id: a.id })) setNotice(`预约凭条 ${a.code} 已发送到打印机`);
  };

  const importFile = async (file: File) => {
    setNotice(null);
    setImported(null);
    const content = await file.text();
    const result = await run('appointments.import', { fileName: file.name, content });
    if (result) {
      setImported({ ...result, fileName: file.name });
      await reload();
    }
  };

  // any checked-in appointment, the latest or an earlier one: marriage, divorce and 补领 open their 婚姻登记 form with
  // the booked parties (document numbers, phone) carried over; other matters open their contact in 接待受理
  const start = async (contactId: string, itemCode: string) => {
    setNotice(null);
    if (marriageFormKind(itemCode) === null) {
      onStartService({ contactId, itemCode, parties: [] });
      return;
    }
    const prefill = await run('marriage.prefill', { contactId });
    if (prefill) onStartService({ contactId, itemCode, parties: prefill.parties });
  };

  const now = coreNow();
  const total = day?.slots.reduce((n, s) => n + s.booked, 0) ?? 0;
  const arrived = day?.slots.reduce((n, s) => n + s.appointments.filter((a) => a.status === 'checkedIn').length, 0) ?? 0;

  return (
    <div className="panel appointments-panel" data-testid="appointments-panel">
      <section className="card">
        <div className="card-head">
          <h2>
            今日预约{day ? `（${day.date}）` : ''}
            {day?.peak ? <span className="peak-badge" title="高峰日按高峰容量预约">高峰日 · {day.peak.name}</span> : null}
          </h2>
          <div className="actions">
            <label className={`secondary file-button${busy ? ' disabled' : ''}`}>
              导入预约数据
              <input
                type="file"
                accept=".csv,.json,text/csv,application/json"
                disabled={busy}
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  e.currentTarget.value = '';
                  if (file) void importFile(file);
                }}
              />
            </label>
          </div>
        </div>
        <form className="checkin-form" onSubmit={submit}>
          <Field label="签到：预约号或证件号码" hint="扫描预约凭条二维码、输入预约号，或在读卡器上刷身份证后按回车">
            <input
              ref={input}
              autoFocus
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                if (error) clear();
              }}
              placeholder="如 YY20260819001 或 18 位身份证号码"
              autoComplete="off"
              maxLength={40}
            />
          </Field>
          <button type="submit" className="primary" disabled={busy || query.trim() === ''}>
            签到
          </button>
        </form>
        <ErrorBanner error={error} />
        {notice ? <Notice>{notice}</Notice> : null}
        {checkedIn ? (
          <div className="banner banner-ok checkin-done" role="status">
            <span>
              已签到：{checkedIn.appointment.code} · {checkedIn.appointment.itemName} · {checkedIn.appointment.applicantName}
              {checkedIn.appointment.partnerName ? `、${checkedIn.appointment.partnerName}` : ''}（{checkedIn.appointment.slotStart}-{checkedIn.appointment.slotEnd}）
            </span>
            <button type="button" className="primary" disabled={busy} onClick={() => void start(checkedIn.contact.id, checkedIn.contact.itemCode)}>
              开始办理
            </button>
          </div>
        ) : null}
        {imported ? <ImportReport result={imported} onClose={() => setImported(null)} /> : null}
      </section>

      <div className="appointments-columns">
        <section className="card appointments-slots" data-testid="appointment-slots">
          <h3>
            预约时段 <span className="muted">（共 {total} 人，已签到 {arrived} 人；每时段容量 {day?.capacity ?? '—'} 人）</span>
          </h3>
          <QueryError query={dayQuery} what="今日预约" />
          {!day && !dayQuery.error ? <p className="muted">正在读取…</p> : null}
          {day && day.slots.length === 0 ? <p className="muted">今天本窗口没有预约。预约系统导出文件后，点“导入预约数据”。</p> : null}
          {day?.slots.map((slot) => (
            <div key={`${slot.start}-${slot.end}`} className={`slot${slot.overCapacity ? ' slot-over' : ''}`}>
              <div className="slot-head">
                <strong>
                  {slot.start}-{slot.end}
                </strong>
                <span className={`slot-count${slot.overCapacity ? ' over' : ''}`} title="已约/容量">
                  已约 {slot.booked}/{slot.capacity}
                </span>
                {slot.overCapacity ? <span className="tag tag-notified">超额 {slot.booked - slot.capacity}</span> : null}
              </div>
              <table className="table compact">
                <tbody>
                  {slot.appointments.map((a) => (
                    <tr key={a.id} className={`appt appt-${a.status}`}>
                      <td className="appt-code">{a.code}</td>
                      <td>{a.itemName}</td>
                      <td>
                        {a.applicantName}
                        {a.partnerName ? `、${a.partnerName}` : ''}
                        <div className="muted small">
                          {a.documentMasked}
                          {a.partnerDocumentMasked ? ` / ${a.partnerDocumentMasked}` : ''}
                        </div>
                      </td>
                      <td>
                        <span className={`tag appt-tag-${a.status}`}>{APPOINTMENT_STATUS_LABELS[a.status]}</span>
                        {a.overCapacity ? <span className="tag tag-notified">超额</span> : null}
                        {a.checkedInAt ? <div className="muted small">{hallTime(a.checkedInAt)} 签到</div> : null}
                      </td>
                      <td className="row-actions">
                        {a.status === 'checkedIn' && a.contactId ? (
                          <button
                            type="button"
                            className="link"
                            disabled={busy}
                            onClick={() => {
                              if (a.contactId) void start(a.contactId, a.itemCode);
                            }}
                          >
                            开始办理
                          </button>
                        ) : null}
                        {a.status === 'booked' || a.status === 'noShow' ? (
                          <button type="button" className="link" disabled={busy} onClick={() => void checkInRow(a)}>
                            签到
                          </button>
                        ) : null}
                        {a.status === 'booked' ? (
                          <button
                            type="button"
                            className="link"
                            disabled={busy || !slotEnded(a.date, a.slotEnd, now)}
                            title={slotEnded(a.date, a.slotEnd, now) ? '' : '时段结束后才能标记未到'}
                            onClick={() => void noShow(a)}
                          >
                            未到
                          </button>
                        ) : null}
                        <button type="button" className="link" disabled={busy} onClick={() => void printSlip(a)}>
                          打印凭条
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>

        <section className="card appointments-walkins" data-testid="walk-ins">
          <h3>现场取号（{day?.walkIns.length ?? 0}）</h3>
          {day && day.walkIns.length === 0 ? <p className="muted">今天还没有现场接待。</p> : null}
          <ul className="walkin-list">
            {day?.walkIns.map((w) => (
              <li key={w.contactId}>
                <span className="walkin-time">{hallTime(w.receivedAt)}</span>
                <span>
                  {w.applicantName} · {w.itemName}
                  <div className="muted small">{w.number}</div>
                </span>
                <span className="tag">{WALK_IN_STATUS[w.status]}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

function ImportReport({ result, onClose }: { result: AppointmentImportResult & { fileName: string }; onClose: () => void }) {
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  return (
    <div className="import-report" data-testid="import-report">
      <div className={`banner ${errors > 0 ? 'banner-warn' : 'banner-ok'}`} role="status">
        已导入 {result.fileName}：共 {result.totalRows} 条，新增 {result.added}，更新 {result.updated}，未变 {result.unchanged}
        {result.kept > 0 ? `，已签到/未到保留 ${result.kept}` : ''}
        {result.overCapacity > 0 ? `，超额 ${result.overCapacity}` : ''}，未导入 {result.rejected}。
        {result.problems.length > 0 ? ' 请按下表修改文件后重新导入（已导入的记录不会重复）。' : ''}
        <button type="button" className="link" onClick={onClose}>
          关闭
        </button>
      </div>
      {result.problems.length > 0 ? (
        <table className="table compact import-problems">
          <TableHead columns={['行号', '类别', '问题']} />
          <tbody>
            {result.problems.map((p, i) => (
              <tr key={`${p.row}-${i}`} className={p.severity === 'error' ? 'problem-error' : 'problem-warning'}>
                <td>{p.row === 0 ? '整个文件' : `第 ${p.row} 行`}</td>
                <td>{p.severity === 'error' ? '未导入' : '提醒'}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
