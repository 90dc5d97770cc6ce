/** The statistics conditions: presets, date range, grouping, window and clerk. */
import type { FormEvent } from 'react';
import type { ApiError, Staff, StatsFilter } from '../../../shared/contract';
import { STATS_GROUP_LABELS, STATS_GROUPS, type StatsGroupBy } from '../../../shared/domain/stats';
import { DateInput } from '../DateInput';
import { LabelOptions } from '../kit/choices';
import { Field, fieldError } from '../ui';

export interface StatsForm {
  from: string;
  to: string;
  groupBy: StatsGroupBy;
  windowNo: string;
  staffId: string;
}

export function toFilter(form: StatsForm): StatsFilter {
  const filter: StatsFilter = { from: form.from, to: form.to, groupBy: form.groupBy };
  if (form.windowNo.trim()) filter.windowNo = form.windowNo.trim();
  if (form.staffId) filter.staffId = form.staffId;
  return filter;
}

export const PRESETS = [
  { id: 'thisMonth', label: '本月' },
  { id: 'lastMonth', label: '上月' },
  { id: 'thisYear', label: '今年' },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];

interface Props {
  form: StatsForm;
  setForm: (form: StatsForm) => void;
  staff: Staff[];
  error: ApiError | null;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
  onPreset: (id: PresetId) => void;
}

export function StatsFilters({ form, setForm, staff, error, busy, onSubmit, onPreset }: Props) {
  return (
    <>
      <div className="stats-presets" role="group" aria-label="统计期间">
        {PRESETS.map((p) => (
          <button key={p.id} type="button" className="secondary" onClick={() => onPreset(p.id)}>
            {p.label}
          </button>
        ))}
      </div>
      <form className="stats-filters" onSubmit={onSubmit} noValidate aria-label="统计条件">
        <Field label="开始日期" error={fieldError(error, 'from')}>
          <DateInput name="from" value={form.from} onChange={(v) => setForm({ ...form, from: v })} />
        </Field>
        <Field label="结束日期" error={fieldError(error, 'to')}>
          <DateInput name="to" value={form.to} onChange={(v) => setForm({ ...form, to: v })} />
        </Field>
        <Field label="统计方式">
          <select name="groupBy" value={form.groupBy} onChange={(e) => setForm({ ...form, groupBy: STATS_GROUPS.find((g) => g === e.target.value) ?? 'clerk' })}>
            <LabelOptions keys={STATS_GROUPS} labels={STATS_GROUP_LABELS} />
          </select>
        </Field>
        <Field label="窗口号" error={fieldError(error, 'windowNo')}>
          <input name="windowNo" value={form.windowNo} maxLength={10} placeholder="全部" onChange={(e) => setForm({ ...form, windowNo: e.target.value })} />
        </Field>
        <Field label="工作人员" error={fieldError(error, 'staffId')}>
          <select name="staffId" value={form.staffId} onChange={(e) => setForm({ ...form, staffId: e.target.value })}>
            <option value="">全部</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}（{s.staffNo}）
              </option>
            ))}
          </select>
        </Field>
        <div className="stats-filter-actions">
          <button type="submit" className="primary" disabled={busy}>
            统计
          </button>
        </div>
      </form>
    </>
  );
}
