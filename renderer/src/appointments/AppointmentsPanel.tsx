/**
 * 今日预约: the day's appointments for this window by slot (已约/容量, 高峰日),
 * check-in by appointment code or ID number (an ID card reader types the
 * number and Enter into the box), no-shows, the 预约凭条, the import of the
 * booking system's export, and today's walk-ins beside them.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { Appointment, AppointmentImportResult, Contact } from '../../../shared/contract';
import { marriageFormKind } from '../../../shared/domain/marriage-rules';
import type { RendererApi } from '../api';
import { coreNow } from '../core-clock';
import type { ServiceStart } from '../marriage/form';
import { QueryError } from '../QueryError';
import { ErrorBanner, Field, Notice, useAction } from '../ui';
import { useQuery } from '../useQuery';
import { AppointmentSlot, type AppointmentActions } from './AppointmentSlot';
import './appointments.css';
import { CheckedInBanner, ImportButton } from './CheckInParts';
import { ImportReport } from './ImportReport';
import { WalkIns } from './WalkIns';

/** An appointment code has letters or dashes; a document number is digits (X last) or a permit/passport number typed at the reader. */
function looksLikeDocumentNumber(value: string): boolean {
  const v = value.replace(/\s+/g, '');
  return /^\d{15,17}[\dXx]$/.test(v) || /^[HMhm]\d{8,10}$/.test(v) || /^\d{8}$|^\d{10}$/.test(v);
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

  const actions: AppointmentActions = {
    busy,
    now: coreNow(),
    start: (contactId, itemCode) => void start(contactId, itemCode),
    checkIn: (a) => void checkInRow(a),
    noShow: (a) => void noShow(a),
    printSlip: (a) => void printSlip(a),
  };
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
            <ImportButton busy={busy} onFile={(file) => void importFile(file)} />
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
          <CheckedInBanner checkedIn={checkedIn} busy={busy} onStart={() => void start(checkedIn.contact.id, checkedIn.contact.itemCode)} />
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
            <AppointmentSlot key={`${slot.start}-${slot.end}`} slot={slot} actions={actions} />
          ))}
        </section>

        <WalkIns walkIns={day?.walkIns} />
      </div>
    </div>
  );
}
