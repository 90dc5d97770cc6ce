/** The fields of a calendar override: the day, rest or work, its name, the notice it comes from, whether the year is complete. */
import type { ApiError } from '../../../shared/result';
import { describeDate, isPlainDate } from '../../../shared/domain/plain-date';
import { DateInput } from '../DateInput';
import { Field, fieldError } from '../ui';

export interface OverrideForm {
  date: string;
  kind: 'workday' | 'restday';
  name: string;
  source: string;
  coversYear: boolean;
}

export const BLANK_OVERRIDE: OverrideForm = { date: '', kind: 'restday', name: '', source: '', coversYear: false };

interface Props {
  form: OverrideForm;
  set: <K extends keyof OverrideForm>(key: K, value: OverrideForm[K]) => void;
  error: ApiError | null;
  busy: boolean;
}

export function OverrideFields({ form, set, error, busy }: Props) {
  return (
    <fieldset disabled={busy}>
      <Field label="日期" error={fieldError(error, 'date')} hint={isPlainDate(form.date) ? describeDate(form.date) : '同一日期再次保存即为修改'}>
        <DateInput name="date" value={form.date} onChange={(v) => set('date', v)} />
      </Field>
      <Field label="这一天" error={fieldError(error, 'kind')}>
        <select name="kind" value={form.kind} onChange={(e) => set('kind', e.target.value === 'workday' ? 'workday' : 'restday')}>
          <option value="restday">休息（放假、停止办公）</option>
          <option value="workday">上班（调休上班）</option>
        </select>
      </Field>
      <Field label="名称" error={fieldError(error, 'name')} hint="如：春节、国庆节调休上班、台风停止办公">
        <input name="name" value={form.name} maxLength={30} onChange={(e) => set('name', e.target.value)} />
      </Field>
      <Field label="依据文件" error={fieldError(error, 'source')} hint="如：国办发明电〔2026〕X号、区人民政府通告">
        <input name="source" value={form.source} maxLength={100} onChange={(e) => set('source', e.target.value)} />
      </Field>
      <label className="check">
        <input type="checkbox" name="coversYear" checked={form.coversYear} onChange={(e) => set('coversYear', e.target.checked)} />
        {isPlainDate(form.date) ? `${form.date.slice(0, 4)} 年` : '该年'}全年安排已录入（本条来自国务院全年放假通知，且该年全部放假和调休上班日期都已录完）
      </label>
      {fieldError(error, 'coversYear') ? <span className="field-error">{fieldError(error, 'coversYear')}</span> : null}
    </fieldset>
  );
}
