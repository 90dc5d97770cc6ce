/** 预约高峰日: days (solar or lunar) on which the appointment capacity rule is the peak one, e.g. 七夕, 5月20日. */
import { useState, type FormEvent } from 'react';
import type { CalendarResponse } from '../../../../shared/hall/console-reference';
import type { ConsoleResponse } from '../../../../shared/hall/console-contract';
import { ErrorBanner, Field, fieldError } from '../../ui';
import { DeletableTable } from './DeletableTable';
import { useSaver } from './useConsole';
import { FormActions } from '../FormActions';

interface Props {
  peakDays: CalendarResponse['peakDays'];
  onSaved: (calendar: ConsoleResponse<'calendar'>) => void;
}

const EMPTY = { kind: 'solar' as 'solar' | 'lunar', month: '', day: '', name: '' };

export function PeakDaysCard({ peakDays, onSaved }: Props) {
  const saver = useSaver();
  const [form, setForm] = useState(EMPTY);
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await saver.save('peakDaySave', { kind: form.kind, month: Number(form.month), day: Number(form.day), name: form.name }, onSaved)) setForm(EMPTY);
  };

  return (
    <section className="card" aria-labelledby="peak-title">
      <h2 id="peak-title">预约高峰日</h2>
      <ErrorBanner error={saver.error} withFields />
      <DeletableTable
        rows={peakDays}
        empty="还没有高峰日。"
        testId="peak-table"
        columns={['历法', '日期', '名称']}
        rowKey={(p) => `${p.kind}-${p.month}-${p.day}`}
        cells={(p) => (
          <>
            <td>{p.kind === 'lunar' ? '农历' : '公历'}</td>
            <td>
              {p.month} 月 {p.day} 日
            </td>
            <td>{p.name || '—'}</td>
          </>
        )}
        onDelete={(p) => void saver.save('peakDayDelete', { kind: p.kind, month: p.month, day: p.day }, onSaved, '已删除')}
      />
      <form onSubmit={submit} noValidate aria-label="添加高峰日" className="console-inline-form">
        <Field label="历法" error={fieldError(saver.error, 'kind')}>
          <select name="peakKind" value={form.kind} onChange={(e) => set({ kind: e.target.value === 'lunar' ? 'lunar' : 'solar' })}>
            <option value="solar">公历</option>
            <option value="lunar">农历</option>
          </select>
        </Field>
        <Field label="月" error={fieldError(saver.error, 'month')}>
          <input name="month" className="short" value={form.month} inputMode="numeric" maxLength={2} onChange={(e) => set({ month: e.target.value })} />
        </Field>
        <Field label="日" error={fieldError(saver.error, 'day')}>
          <input name="day" className="short" value={form.day} inputMode="numeric" maxLength={2} onChange={(e) => set({ day: e.target.value })} />
        </Field>
        <Field label="名称" error={fieldError(saver.error, 'name')}>
          <input name="peakName" value={form.name} maxLength={20} onChange={(e) => set({ name: e.target.value })} placeholder="如 七夕" />
        </Field>
        <FormActions note={saver.note} busy={saver.busy} label="添加" />
      </form>
    </section>
  );
}
