/** Recording a callback: reached or not, what was said, and (reached) how satisfied the applicant is. */
import type { ApiError } from '../../../shared/result';
import { Field, fieldError } from '../ui';
import { SATISFACTION_LEVELS } from './labels';

export interface CallbackRecordForm {
  status: 'done' | 'unreachable';
  outcome: string;
  satisfaction: number | null;
}

export const BLANK_CALLBACK_RECORD: CallbackRecordForm = { status: 'done', outcome: '', satisfaction: null };

export function CallbackRecordFields({ form, setForm, error, busy }: { form: CallbackRecordForm; setForm: (form: CallbackRecordForm) => void; error: ApiError | null; busy: boolean }) {
  return (
    <fieldset disabled={busy}>
      <div className="radio-row" role="radiogroup" aria-label="回访结果">
        <label>
          <input type="radio" name="status" checked={form.status === 'done'} onChange={() => setForm({ ...form, status: 'done' })} />
          已回访
        </label>
        <label>
          <input type="radio" name="status" checked={form.status === 'unreachable'} onChange={() => setForm({ ...form, status: 'unreachable', satisfaction: null })} />
          联系不上
        </label>
      </div>
      <Field label="回访情况" error={fieldError(error, 'outcome')} hint={form.status === 'done' ? '必填：申请人反映的情况、我们的答复' : '可填写拨打次数和时间'}>
        <textarea name="outcome" rows={3} maxLength={500} value={form.outcome} onChange={(e) => setForm({ ...form, outcome: e.target.value })} />
      </Field>
      {form.status === 'done' ? (
        <Field label="满意度" error={fieldError(error, 'satisfaction')}>
          <select name="satisfaction" value={form.satisfaction ?? ''} onChange={(e) => setForm({ ...form, satisfaction: e.target.value === '' ? null : Number(e.target.value) })}>
            <option value="">请选择</option>
            {SATISFACTION_LEVELS.map((l) => (
              <option key={l.level} value={l.level}>
                {l.label}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
    </fieldset>
  );
}
