/** The fields of a complaint or suggestion being registered: kind, channel, who, phone and what. */
import type { Complaint } from '../../../shared/contract';
import type { ApiError } from '../../../shared/result';
import { Field, fieldError } from '../ui';
import { KIND_LABELS, VIA_LABELS } from './labels';

export interface NewComplaintForm {
  kind: Complaint['kind'];
  via: Complaint['via'];
  complainant: string;
  phone: string;
  details: string;
}

export const BLANK_COMPLAINT: NewComplaintForm = { kind: 'complaint', via: 'window', complainant: '', phone: '', details: '' };

interface Props {
  form: NewComplaintForm;
  set: <K extends keyof NewComplaintForm>(key: K, value: NewComplaintForm[K]) => void;
  error: ApiError | null;
  busy: boolean;
}

export function ComplaintFields({ form, set, error, busy }: Props) {
  return (
    <fieldset disabled={busy}>
      <div className="radio-row" role="radiogroup" aria-label="类别">
        {(Object.keys(KIND_LABELS) as Complaint['kind'][]).map((k) => (
          <label key={k}>
            <input type="radio" name="kind" checked={form.kind === k} onChange={() => set('kind', k)} />
            {KIND_LABELS[k]}
          </label>
        ))}
      </div>
      <Field label="来源渠道" error={fieldError(error, 'via')}>
        <select name="via" value={form.via} onChange={(e) => set('via', e.target.value as Complaint['via'])}>
          {(Object.keys(VIA_LABELS) as Complaint['via'][]).map((v) => (
            <option key={v} value={v}>
              {VIA_LABELS[v]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="投诉（建议）人" error={fieldError(error, 'complainant')} hint="可不填（匿名）">
        <input name="complainant" value={form.complainant} maxLength={30} onChange={(e) => set('complainant', e.target.value)} />
      </Field>
      <Field label="联系电话" error={fieldError(error, 'phone')} hint="用于答复，可不填">
        <input name="phone" value={form.phone} maxLength={20} onChange={(e) => set('phone', e.target.value)} />
      </Field>
      <Field label="内容" error={fieldError(error, 'details')} hint="5 到 1000 字：反映的问题或建议">
        <textarea name="details" rows={4} maxLength={1000} value={form.details} onChange={(e) => set('details', e.target.value)} />
      </Field>
    </fieldset>
  );
}
