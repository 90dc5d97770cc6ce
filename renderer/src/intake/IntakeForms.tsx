/** The two ways a contact begins at the window: a new contact (matter, channel, applicant) and resuming by a notification slip's number. */
import type { FormEvent } from 'react';
import type { CatalogueItem } from '../../../shared/catalogue/schema';
import type { ApiError } from '../../../shared/result';
import { Field, fieldError } from '../ui';

export const BLANK_START = { itemCode: '', channel: 'walkIn' as 'walkIn' | 'appointment', applicantName: '', applicantPhone: '', applicantIdNumber: '' };

export type StartForm = typeof BLANK_START;

interface NewContactProps {
  items: readonly CatalogueItem[] | undefined;
  start: StartForm;
  setStart: (start: StartForm) => void;
  error: ApiError | null;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
}

export function NewContactForm({ items, start, setStart, error, busy, onSubmit }: NewContactProps) {
  return (
    <form className="card" onSubmit={onSubmit} noValidate>
      <h2>新接待</h2>
      <Field label="办理事项" error={fieldError(error, 'itemCode')}>
        {/* the first field of the clerk's first screen has the cursor after login */}
        <select name="itemCode" autoFocus value={start.itemCode} onChange={(e) => setStart({ ...start, itemCode: e.target.value })}>
          <option value="">请选择…</option>
          {items?.map((i) => (
            <option key={i.code} value={i.code}>
              {i.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="radio-row" role="radiogroup" aria-label="接待方式">
        {(['walkIn', 'appointment'] as const).map((ch) => (
          <label key={ch} className="check">
            <input type="radio" name="channel" checked={start.channel === ch} onChange={() => setStart({ ...start, channel: ch })} />
            {ch === 'walkIn' ? '现场' : '预约'}
          </label>
        ))}
      </div>
      <Field label="申请人姓名" error={fieldError(error, 'applicantName')}>
        <input name="applicantName" value={start.applicantName} maxLength={30} onChange={(e) => setStart({ ...start, applicantName: e.target.value })} />
      </Field>
      <Field label="联系电话（可不填）" error={fieldError(error, 'applicantPhone')}>
        <input name="applicantPhone" value={start.applicantPhone} inputMode="tel" maxLength={20} onChange={(e) => setStart({ ...start, applicantPhone: e.target.value })} />
      </Field>
      <Field label="证件号码（可不填，加密保存，屏幕和单据只显示脱敏值）" error={fieldError(error, 'applicantIdNumber')}>
        <input name="applicantIdNumber" value={start.applicantIdNumber} maxLength={40} onChange={(e) => setStart({ ...start, applicantIdNumber: e.target.value })} />
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        开始接待
      </button>
    </form>
  );
}

interface ResumeProps {
  slipNo: string;
  setSlipNo: (slipNo: string) => void;
  error: ApiError | null;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
}

export function ResumeForm({ slipNo, setSlipNo, error, busy, onSubmit }: ResumeProps) {
  return (
    <form className="card" onSubmit={onSubmit} noValidate>
      <h2>凭告知单继续办理</h2>
      <Field label="告知单编号" error={fieldError(error, 'slipNo')} hint="扫描告知单上的二维码，或输入编号后按回车">
        <input name="slipNo" value={slipNo} onChange={(e) => setSlipNo(e.target.value)} maxLength={40} />
      </Field>
      <button type="submit" className="secondary" disabled={busy}>
        查找
      </button>
    </form>
  );
}
