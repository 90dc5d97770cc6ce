/** 节假日与高峰日: the working-day overrides (调休) and the appointment peak days, added and removed one at a time. */
import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field, fieldError } from '../../ui';
import { DeletableTable } from './DeletableTable';
import { PeakDaysCard } from './PeakDaysCard';
import { useLoad, useSaver } from './useConsole';
import { FormActions } from '../FormActions';

const EMPTY = { date: '', kind: 'restday' as 'restday' | 'workday', name: '', source: '', coversYear: false };

export function CalendarPanel() {
  const calendar = useLoad('calendar', {});
  const saver = useSaver();
  const [form, setForm] = useState(EMPTY);
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await saver.save('calendarOverrideSave', form, calendar.set, `${form.date} 已保存`)) setForm(EMPTY);
  };
  const overrides = calendar.value?.overrides ?? [];

  return (
    <div className="console-columns wide-first">
      <section className="card" aria-labelledby="overrides-title">
        <h2 id="overrides-title">节假日与调休</h2>
        <ErrorBanner error={calendar.error ?? saver.error} />
        <DeletableTable
          rows={overrides}
          empty="还没有节假日调整。"
          testId="overrides-table"
          columns={['日期', '类型', '名称', '依据']}
          rowKey={(o) => o.date}
          cells={(o) => (
            <>
              <td className="nowrap">{o.date}</td>
              <td className="nowrap">{o.kind === 'restday' ? '休息' : '上班'}</td>
              <td className="nowrap">{o.name}</td>
              <td className="console-small">{o.source}</td>
            </>
          )}
          onDelete={(o) => void saver.save('calendarOverrideDelete', { date: o.date }, calendar.set, `${o.date} 已删除`)}
        />
        <form onSubmit={submit} noValidate aria-label="添加节假日调整" className="console-inline-form">
          <Field label="日期" error={fieldError(saver.error, 'date')}>
            <input name="date" type="date" value={form.date} onChange={(e) => set({ date: e.target.value })} />
          </Field>
          <Field label="类型" error={fieldError(saver.error, 'kind')}>
            <select name="kind" value={form.kind} onChange={(e) => set({ kind: e.target.value === 'workday' ? 'workday' : 'restday' })}>
              <option value="restday">休息（放假）</option>
              <option value="workday">上班（调休补班）</option>
            </select>
          </Field>
          <Field label="名称" error={fieldError(saver.error, 'name')}>
            <input name="name" value={form.name} maxLength={30} onChange={(e) => set({ name: e.target.value })} placeholder="如 国庆节" />
          </Field>
          <Field label="依据" error={fieldError(saver.error, 'source')}>
            <input name="source" value={form.source} maxLength={100} onChange={(e) => set({ source: e.target.value })} placeholder="如 国务院办公厅通知" />
          </Field>
          <FormActions note={saver.note} busy={saver.busy} label="添加" />
        </form>
      </section>
      <PeakDaysCard peakDays={calendar.value?.peakDays ?? []} onSaved={calendar.set} />
    </div>
  );
}
